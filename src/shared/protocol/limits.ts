/**
 * Size limits for everything that crosses a process boundary (DESIGN.md §6: message size
 * limits). They are generous for a person typing or speaking and small enough that a
 * misbehaving client cannot make the engine hold megabytes of junk.
 */
export const LIMITS = {
  /** One JSON frame, before parsing. */
  maxJsonFrameBytes: 256 * 1024,
  /** One binary audio chunk: 100 ms of 48 kHz 16-bit mono is 9,600 bytes; leave headroom. */
  maxAudioChunkBytes: 64 * 1024,
  /** Anything a WebSocket frame may carry at all; larger frames close the socket (1009). */
  maxWebSocketPayloadBytes: 1024 * 1024,
  answerTextChars: 20_000,
  questionTextChars: 2_000,
  jobDescriptionChars: 20_000,
  resumeChars: 50_000,
  customQuestions: 50,
  searchQueryChars: 200,
  shortTextChars: 200,
  urlChars: 2_048,
  secretChars: 512,
  errorMessageChars: 1_000,
  /** A résumé or job posting file to import (issue #14): résumés are rarely past 2 MB, even with a photo. */
  importFileBytes: 10 * 1024 * 1024,
  fileNameChars: 255,
  /** What a parsed profile keeps: generous for a long career, small enough to read and correct. */
  profileRoles: 30,
  profileSkills: 100,
  profileAchievements: 30,
  achievementChars: 400,
} as const;

/**
 * How a limit reads wherever something is refused for it, in the engine's validation and in
 * the setup form alike: "at most 20,000 characters" (issue #9, fault 15: refuse, never cut).
 */
export function atMost(max: number, unit: string): string {
  return `at most ${max.toLocaleString('en-US')} ${unit}`;
}

import { z } from 'zod';
import { atMost, LIMITS } from './limits';
import { InterviewTailoring } from './documents';
import { AnswerMode, Id, InterviewLength, Level, TrackId } from './primitives';

const characters = (max: number, text = z.string()) => text.max(max, { error: atMost(max, 'characters') });

/**
 * DESIGN.md §4.1: what a client sends to the engine. Unknown fields are stripped. Over a
 * limit the whole message is refused with the limit named, never cut to fit (issue #9).
 */
export const InterviewConfig = z.object({
  track: TrackId,
  level: Level.optional(),
  length: InterviewLength.optional(),
  mode: AnswerMode,
  jobDescription: characters(LIMITS.jobDescriptionChars).optional(),
  resume: characters(LIMITS.resumeChars).optional(),
  questions: z
    .array(characters(LIMITS.questionTextChars, z.string().trim().min(1)))
    .min(1)
    .max(LIMITS.customQuestions, { error: atMost(LIMITS.customQuestions, 'custom questions') })
    .optional(),
  /**
   * Practise one question again (issue #11): the question (turn) of an earlier interview. The
   * engine asks that question alone, with the earlier interview's track, level and job
   * description (whatever else is sent), and links the new attempt to it.
   */
  retakeOf: Id.optional(),
  /** A saved résumé and job posting to tailor the interview to (issue #14, additions to §4.1). */
  resumeId: Id.optional(),
  postingId: Id.optional(),
  /** Filled in by the engine from `resumeId` / `postingId` (see InterviewTailoring). */
  tailoring: InterviewTailoring.optional(),
});

const questionRef = { questionId: Id };

export const StartMessage = z.object({ type: z.literal('start'), config: InterviewConfig });
export const ResumeMessage = z.object({ type: z.literal('resume'), interviewId: Id });
export const TextAnswerMessage = z.object({
  type: z.literal('text_answer'),
  ...questionRef,
  text: z.string().max(LIMITS.answerTextChars),
});
export const AudioStartMessage = z.object({
  type: z.literal('audio_start'),
  ...questionRef,
  sampleRate: z.number().int().min(8_000).max(48_000),
  encoding: z.literal('pcm_s16le'),
});
export const AudioEndMessage = z.object({ type: z.literal('audio_end'), ...questionRef });
export const PlaybackCompleteMessage = z.object({
  type: z.literal('playback_complete'),
  ...questionRef,
});
export const RepeatMessage = z.object({ type: z.literal('repeat'), ...questionRef });
export const SkipMessage = z.object({ type: z.literal('skip'), ...questionRef });
export const PauseMessage = z.object({ type: z.literal('pause') });
export const EndMessage = z.object({ type: z.literal('end') });

export const ClientMessage = z.discriminatedUnion('type', [
  StartMessage,
  ResumeMessage,
  TextAnswerMessage,
  AudioStartMessage,
  AudioEndMessage,
  PlaybackCompleteMessage,
  RepeatMessage,
  SkipMessage,
  PauseMessage,
  EndMessage,
]);

export type InterviewConfig = z.infer<typeof InterviewConfig>;
export type ClientMessage = z.infer<typeof ClientMessage>;
export type ClientMessageType = ClientMessage['type'];
export const CLIENT_MESSAGE_TYPES = ClientMessage.options.map((o) => o.shape.type.value);

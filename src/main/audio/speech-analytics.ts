import { findSpeechSegments } from '../../shared/audio/vad';

/**
 * How an answer was said (issue #4): speaking time, pace, filler words and long pauses.
 * Times come from the audio (speech segments), words from the transcript, because each is
 * the better witness of its own half: recognisers drop pauses and fillers, and audio alone
 * cannot count words. Only a recogniser's transcript counts as words said (issue #9, fault
 * 14): text the candidate typed is what they meant, not how they spoke, so without one there
 * is no pace in words and no filler count.
 */

export interface SpeechAnalysisInput {
  samples: Int16Array;
  sampleRate: number;
  /** What a recogniser heard in these samples; undefined when nothing recognised them. */
  transcript: string | undefined;
  /** Silences between speech at least this long are reported; 2 s by default. */
  longPauseMs?: number;
}

export interface LongPause {
  startMs: number;
  durationMs: number;
}

export interface FillerWordCount {
  /** A lower bound: recognisers leave many "um"s and "uh"s out of the transcript. */
  atLeast: number;
  /** Only the fillers that occurred, by their usual spelling ("um", "you know"). */
  byWord: Record<string, number>;
}

export interface SpeechAnalysis {
  durationMs: number;
  /** Time inside speech segments: pauses shorter than the segments' merge gap count as speaking. */
  speakingMs: number;
  longPauses: LongPause[];
  /** Where the word counts below come from: a recogniser's transcript, or nothing (none given). */
  wordsFrom: 'transcript' | 'none';
  /** Transcript words per minute of speaking time; 0 when nothing was said. */
  wordsPerMinute?: number;
  fillerWords?: FillerWordCount;
}

const DEFAULT_LONG_PAUSE_MS = 2000;

export function analyseSpeech(input: SpeechAnalysisInput): SpeechAnalysis {
  const longPauseMs = input.longPauseMs ?? DEFAULT_LONG_PAUSE_MS;
  const segments = findSpeechSegments(input.samples, input.sampleRate);
  const speakingMs = segments.reduce((total, segment) => total + segment.endMs - segment.startMs, 0);

  const longPauses: LongPause[] = [];
  for (let i = 1; i < segments.length; i++) {
    const gapMs = segments[i]!.startMs - segments[i - 1]!.endMs;
    if (gapMs >= longPauseMs) longPauses.push({ startMs: segments[i - 1]!.endMs, durationMs: gapMs });
  }

  return {
    durationMs: Math.round((input.samples.length / input.sampleRate) * 1000),
    speakingMs,
    longPauses,
    ...wordAnalytics(input.transcript, speakingMs),
  };
}

/** Pace in words and fillers, from a recogniser's transcript only (see the top of this file). */
export function wordAnalytics(transcript: string | undefined, speakingMs: number): Pick<SpeechAnalysis, 'wordsFrom' | 'wordsPerMinute' | 'fillerWords'> {
  if (transcript === undefined) return { wordsFrom: 'none' };
  const words = countWords(transcript);
  return {
    wordsFrom: 'transcript',
    wordsPerMinute: speakingMs > 0 && words > 0 ? Math.round(words / (speakingMs / 60_000)) : 0,
    fillerWords: countFillerWords(transcript),
  };
}

/** Words, numbers and contractions ("don't", "on-call" count once), in any alphabet. */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

const wordsOf = (text: string): string[] => (text.toLowerCase().match(WORD) ?? []).map((word) => word.replace(/’/g, "'"));

export const countWords = (transcript: string): number => wordsOf(transcript).length;

/** Hesitation sounds, however many letters the recogniser spelled them with ("ummm", "hmm"). */
const HESITATIONS: [RegExp, string][] = [
  [/^u+h*m+$/, 'um'],
  [/^u+h+$/, 'uh'],
  [/^e+r+m+$/, 'erm'],
  [/^e+r+$/, 'er'],
  [/^a+h+$/, 'ah'],
  [/^h+m+$/, 'hmm'],
];
const FILLER_WORDS = new Set(['basically', 'literally']);

/**
 * Two-word fillers, with the words before them that make the phrase mean what it says:
 * "what kind of database", "do you know Kafka", "what I mean is" are not fillers.
 */
const FILLER_PHRASES: { phrase: [string, string]; label: string; notAfter: Set<string> }[] = [
  { phrase: ['kind', 'of'], label: 'kind of', notAfter: determiners() },
  { phrase: ['sort', 'of'], label: 'sort of', notAfter: determiners() },
  {
    phrase: ['you', 'know'],
    label: 'you know',
    notAfter: new Set(['do', 'does', 'did', "don't", "doesn't", "didn't", 'if', 'whether', 'would', 'could', 'can', 'will', 'should', 'might', 'as']),
  },
  { phrase: ['i', 'mean'], label: 'I mean', notAfter: new Set(['what', 'if']) },
];

function determiners(): Set<string> {
  return new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'what', 'which', 'whatever', 'any', 'some', 'every', 'each', 'one', 'no', 'another', 'same', 'other', 'different', 'my', 'your', 'our', 'their', 'his', 'her', 'its']);
}

/**
 * Counts filler words in a transcript. "like" and "so" are left out on purpose: they are
 * real words far more often than fillers ("I'd like to", "so that"), text alone cannot tell
 * which is which, and counting them would turn this lower bound into a guess.
 */
export function countFillerWords(transcript: string): FillerWordCount {
  const words = wordsOf(transcript);
  const byWord: Record<string, number> = {};
  const add = (label: string): void => {
    byWord[label] = (byWord[label] ?? 0) + 1;
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const hesitation = HESITATIONS.find(([pattern]) => pattern.test(word));
    if (hesitation) add(hesitation[1]);
    else if (FILLER_WORDS.has(word)) add(word);
    for (const { phrase, label, notAfter } of FILLER_PHRASES) {
      if (word === phrase[0] && words[i + 1] === phrase[1] && !notAfter.has(words[i - 1] ?? '')) add(label);
    }
  }
  return { atLeast: Object.values(byWord).reduce((sum, count) => sum + count, 0), byWord };
}

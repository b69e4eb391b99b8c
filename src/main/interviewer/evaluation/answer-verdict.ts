import type { AnswerReading } from './answer-reading';

/**
 * What kind of answer this is before any rubric is applied (issue #8, "robust to gaming"):
 * the candidate said they do not know, repeated the question, listed terms without
 * sentences, or answered. Each kind has its own ceiling and its own headline.
 */
export type AnswerKind = 'dont-know' | 'echo' | 'list' | 'answer';

export const CEILING: Record<AnswerKind, number> = { 'dont-know': 1, echo: 2, list: 3, answer: 10 };

export function kindOf(reading: AnswerReading): AnswerKind {
  if (reading.text.wordCount === 0 || reading.saysDontKnow) return 'dont-know';
  if (reading.echo) return 'echo';
  if (reading.listLike) return 'list';
  return 'answer';
}

/** A little past what the question needs is fine; far past it earns nothing and gets a note. */
export function isLong(reading: AnswerReading, expectedWords: number): boolean {
  return reading.text.wordCount > Math.max(2 * expectedWords, 260);
}

/** Very short answers cannot show much: a sentence for a question that needs a minute. */
export function brevityFactor(words: number, expectedWords: number): number {
  const ratio = words / expectedWords;
  return ratio < 0.12 ? 0.55 : ratio < 0.25 ? 0.8 : 1;
}

/**
 * Points taken from an answer far longer than the question needs (issue #8: a ramble never
 * outscores the same content said concisely): more the longer it runs and the less of it is
 * about the question.
 */
export function lengthPenalty(reading: AnswerReading, expectedWords: number): number {
  const ratio = reading.text.wordCount / expectedWords;
  if (ratio <= 1.5) return 0;
  return Math.min(3, 2 * (ratio - 1.5)) * Math.max(0.5, 1.2 - reading.focus);
}

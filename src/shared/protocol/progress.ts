import { z } from 'zod';
import { Id, Score100, ShortText, Timestamp, TrackId } from './primitives';

/**
 * `progress.get` (issue #11): how the candidate is doing across interviews. Finished
 * interviews only; a one-question practice (a retake) counts in the time practised and in the
 * speaking pace, not in the score trend or the recurring weaknesses, where one question
 * practised five times would read as five interviews.
 */

/**
 * How a line's points are made: one per interview while there are few, else the mean of each
 * week, or of each month, whichever keeps the line readable (docs/decisions.md).
 */
export const ProgressGrouping = z.enum(['interview', 'week', 'month']);

export const ScoreMoment = z.object({ interviewId: Id, startedAt: Timestamp, score: Score100 });

export const ScorePoint = z.object({
  /** The interview's start, or the first day of its week or month (local time). */
  from: Timestamp,
  /** The mean overall score of the interviews in it, to one decimal. */
  score: Score100,
  interviews: z.number().int().min(1),
});

export const TrackProgress = z.object({
  track: TrackId,
  title: ShortText,
  interviews: z.number().int().min(1),
  first: ScoreMoment,
  best: ScoreMoment,
  latest: ScoreMoment,
  grouping: ProgressGrouping,
  points: z.array(ScorePoint).max(10_000),
});

/** A focus theme ("Stated no result") and in how many interviews it came up. */
export const RecurringWeakness = z.object({
  text: z.string().max(2_000),
  interviews: z.number().int().min(1),
  answers: z.number().int().min(1),
  /** The specifics most often behind it ("indexes", "caching"), most frequent first. */
  details: z.array(z.string().max(2_000)).max(5),
  lastSeen: Timestamp,
});

export const SpeakingPoint = z.object({
  from: Timestamp,
  /** Answers a recogniser heard in the interviews of the point. */
  answers: z.number().int().min(1),
  speakingMs: z.number().int().min(0),
  wordsPerMinute: z.number().min(0),
  /** Filler words per minute of speaking: a lower bound, as recognisers drop many. */
  fillersPerMinute: z.number().min(0),
});

export const PracticeMonth = z.object({
  /** The first day of the month (local time). */
  from: Timestamp,
  activeMs: z.number().int().min(0),
  interviews: z.number().int().min(1),
});

export const ProgressReport = z.object({
  /** Newest activity first. */
  tracks: z.array(TrackProgress).max(1_000),
  /** Most interviews first; at most eight. */
  weaknesses: z.array(RecurringWeakness).max(8),
  speaking: z.object({ grouping: ProgressGrouping, points: z.array(SpeakingPoint).max(10_000) }),
  practice: z.object({
    activeMs: z.number().int().min(0),
    interviews: z.number().int().min(0),
    /** Of `interviews`, the one-question practices. */
    retakes: z.number().int().min(0),
    months: z.array(PracticeMonth).max(10_000),
  }),
});

export type ProgressGrouping = z.infer<typeof ProgressGrouping>;
export type ScoreMoment = z.infer<typeof ScoreMoment>;
export type ScorePoint = z.infer<typeof ScorePoint>;
export type TrackProgress = z.infer<typeof TrackProgress>;
export type RecurringWeakness = z.infer<typeof RecurringWeakness>;
export type SpeakingPoint = z.infer<typeof SpeakingPoint>;
export type PracticeMonth = z.infer<typeof PracticeMonth>;
export type ProgressReport = z.infer<typeof ProgressReport>;

import { z } from 'zod';
import { InterviewConfig } from './client-messages';
import { evaluationFields } from './evaluation-fields';
import { LIMITS } from './limits';
import { Peaks, SpeechAnalytics } from './speech-analytics';
import {
  Difficulty,
  Id,
  InterviewStatus,
  MediaUrl,
  Phase,
  Score10,
  Score100,
  ShortText,
  Timestamp,
  TrackId,
} from './primitives';

/** Shapes returned by the `tracks.*` and `interviews.*` calls (DESIGN.md §4.4). */
export const TrackSummary = z.object({
  id: TrackId,
  title: z.string().min(1).max(LIMITS.shortTextChars),
  description: z.string().max(LIMITS.questionTextChars),
  questionCount: z.number().int().min(0),
});

/**
 * Where a History search matched (an addition to DESIGN.md §4.4, issue #9): a few words of
 * an answer around the match, in parts, the matched words marked. Parts, not markup, so no
 * answer text is ever read as HTML.
 */
export const SearchSnippet = z
  .array(z.object({ text: z.string().max(LIMITS.questionTextChars), highlight: z.boolean() }))
  .max(100);

export const InterviewSummary = z.object({
  id: Id,
  track: TrackId,
  status: InterviewStatus,
  startedAt: Timestamp,
  completedAt: Timestamp.optional(),
  overallScore: Score100.optional(),
  /**
   * Additions to DESIGN.md §4.4 (§5.1): the main questions counted in the overall score,
   * the follow-ups asked and the main questions skipped, so History shows the report's counts.
   */
  mainQuestions: z.number().int().min(0).optional(),
  followUps: z.number().int().min(0).optional(),
  skippedQuestions: z.number().int().min(0).optional(),
  /** Only in `interviews.list` answers to a `query`. */
  snippet: SearchSnippet.optional(),
  /** With `snippet`: the question whose answer it is from, for the report to scroll to (issue #11). */
  matchQuestionId: Id.optional(),
  /** A one-question practice of an earlier question (issue #11): that question's id. */
  retakeOf: Id.optional(),
});

/** A later attempt at a question, practised from the report (issue #11). */
export const RetakeAttempt = z.object({
  interviewId: Id,
  startedAt: Timestamp,
  status: InterviewStatus,
  /** The attempt's own score, once it was evaluated. */
  score: Score10.optional(),
});

export const TurnEvaluation = z.object({
  ...evaluationFields,
  /** Which evaluator judged the answer ("embedded", "openai", …): an addition to §4.4 for the report. */
  evaluator: ShortText.optional(),
});

export const TurnAnswer = z.object({
  answerId: Id,
  text: z.string().max(LIMITS.answerTextChars).optional(),
  transcript: z.string().max(LIMITS.answerTextChars).optional(),
  audioUrl: MediaUrl.optional(),
  durationMs: z.number().int().min(0).optional(),
  peaks: Peaks.optional(),
  analytics: SpeechAnalytics.optional(),
  /** When the answer was given (an addition to §4.4: the report's duration). */
  answeredAt: Timestamp.optional(),
});

export const InterviewTurn = z.object({
  questionId: Id,
  index: z.number().int().min(1),
  phase: Phase,
  difficulty: Difficulty,
  followUp: z.boolean(),
  question: z.string().min(1).max(LIMITS.questionTextChars),
  questionAudioUrl: MediaUrl.optional(),
  questionPeaks: Peaks.optional(),
  /** When the question was asked (an addition to §4.4: the report's duration). */
  askedAt: Timestamp.optional(),
  skipped: z.boolean(),
  answer: TurnAnswer.optional(),
  evaluation: TurnEvaluation.optional(),
  /**
   * How the turn counts (DESIGN.md §5.1, additions to §4.4). `mainNumber`: which main question
   * this is; `parentNumber`: for a follow-up, the main question it belongs to; neither for the
   * introduction and closing, which are not scored. `countedScore`: what this main question
   * adds to the overall (0 when skipped, raised by a follow-up where it did), absent when it
   * does not count (the interview ended before it was answered); `raisedByFollowUp` when the
   * follow-up raised it above the question's own score.
   */
  mainNumber: z.number().int().min(1).optional(),
  parentNumber: z.number().int().min(1).optional(),
  countedScore: Score10.optional(),
  raisedByFollowUp: z.boolean().optional(),
  /** An outline of a strong answer, where the question has one. */
  modelAnswer: z.array(z.string().max(LIMITS.questionTextChars)).max(10).optional(),
  /** The times this question was practised again, oldest first (issue #11). */
  retakes: z.array(RetakeAttempt).max(1_000).optional(),
});

/** What model interviewers used in one interview (DESIGN.md §8), per provider and model. */
export const ModelUsage = z.object({
  provider: z.string().min(1).max(LIMITS.shortTextChars),
  model: z.string().min(1).max(LIMITS.shortTextChars),
  calls: z.number().int().min(0),
  inputTokens: z.number().int().min(0),
  outputTokens: z.number().int().min(0),
  /** From the price table (resources/model-prices.json); absent for a model it does not list, such as a local one. */
  estimatedCost: z.object({ amount: z.number().min(0), currency: z.string().length(3) }).optional(),
  /** Earlier turns had to be summarised to fit the model's context window at least once. */
  summarised: z.boolean(),
  /** The job description or résumé had to be cut to fit it at least once (an addition, issue #10). */
  shortened: z.boolean().optional(),
});

export const InterviewDetail = InterviewSummary.extend({
  config: InterviewConfig,
  turns: z.array(InterviewTurn),
  /** Absent when only the built-in interviewer took part. */
  modelUsage: z.array(ModelUsage).optional(),
  promptVersion: z.string().max(LIMITS.shortTextChars).optional(),
  /**
   * Additions to §4.4 for the report (issue #11): the track's title, and the track skills its
   * job description names (empty or absent without one), which answers show in `skillsShown`.
   */
  trackTitle: ShortText.optional(),
  jobSkills: z.array(ShortText).max(100).optional(),
  /** With `retakeOf`: the interview of the question practised, while it exists (absent once deleted). */
  retakeOfInterviewId: Id.optional(),
});

export type TrackSummary = z.infer<typeof TrackSummary>;
export type InterviewSummary = z.infer<typeof InterviewSummary>;
export type SearchSnippet = z.infer<typeof SearchSnippet>;
export type InterviewDetail = z.infer<typeof InterviewDetail>;
export type InterviewTurn = z.infer<typeof InterviewTurn>;
export type ModelUsage = z.infer<typeof ModelUsage>;
export type RetakeAttempt = z.infer<typeof RetakeAttempt>;

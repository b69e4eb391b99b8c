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
  Score100,
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

export const InterviewSummary = z.object({
  id: Id,
  track: TrackId,
  status: InterviewStatus,
  startedAt: Timestamp,
  completedAt: Timestamp.optional(),
  overallScore: Score100.optional(),
});

export const TurnEvaluation = z.object(evaluationFields);

export const TurnAnswer = z.object({
  answerId: Id,
  text: z.string().max(LIMITS.answerTextChars).optional(),
  transcript: z.string().max(LIMITS.answerTextChars).optional(),
  audioUrl: MediaUrl.optional(),
  durationMs: z.number().int().min(0).optional(),
  peaks: Peaks.optional(),
  analytics: SpeechAnalytics.optional(),
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
  skipped: z.boolean(),
  answer: TurnAnswer.optional(),
  evaluation: TurnEvaluation.optional(),
  /** An outline of a strong answer, where the question has one. */
  modelAnswer: z.array(z.string().max(LIMITS.questionTextChars)).max(10).optional(),
});

export const InterviewDetail = InterviewSummary.extend({
  config: InterviewConfig,
  turns: z.array(InterviewTurn),
});

export type TrackSummary = z.infer<typeof TrackSummary>;
export type InterviewSummary = z.infer<typeof InterviewSummary>;
export type InterviewDetail = z.infer<typeof InterviewDetail>;
export type InterviewTurn = z.infer<typeof InterviewTurn>;

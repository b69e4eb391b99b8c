import { z } from 'zod';
import { LIMITS } from './limits';

/** Interview, question and answer ids are UUIDs (DESIGN.md §4). */
export const Id = z.uuid();

/** Tracks are data (resources/question-banks), so their ids are slugs, not an enum. */
export const TrackId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be a lowercase slug of at most 40 characters');

export const Level = z.enum(['junior', 'mid', 'senior']);
export const InterviewLength = z.enum(['quick', 'standard', 'full']);
export const AnswerMode = z.enum(['voice', 'text']);
export const Phase = z.enum(['intro', 'warmup', 'standard', 'advanced', 'wrapup']);
/** The seeds' question difficulty scale. */
export const Difficulty = z.enum(['easy', 'medium', 'hard']);
export const EngineState = z.enum([
  'ready',
  'listening',
  'transcribing',
  'evaluating',
  'generating',
  'speaking',
  'paused',
]);
export const InterviewStatus = z.enum(['in_progress', 'paused', 'completed', 'ended']);
export const ExportFormat = z.enum(['md', 'html', 'pdf', 'json']);

export const ShortText = z.string().max(LIMITS.shortTextChars);
/** A BCP 47 language tag such as "en-GB" or "zh-Hans-CN", for dates in the reader's language. */
export const Locale = z.string().max(35).regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, 'must be a language tag such as en-GB');
/** ISO-8601 timestamps, as stored and as shown. */
export const Timestamp = z.iso.datetime({ offset: true });
/** A URL the renderer may load: an app media URL, never a file system path. */
export const MediaUrl = z.string().min(1).max(LIMITS.urlChars);
export const Score10 = z.number().min(0).max(10);
export const Score100 = z.number().min(0).max(100);

export type Level = z.infer<typeof Level>;
export type InterviewLength = z.infer<typeof InterviewLength>;
export type AnswerMode = z.infer<typeof AnswerMode>;
export type Phase = z.infer<typeof Phase>;
export type Difficulty = z.infer<typeof Difficulty>;
export type EngineState = z.infer<typeof EngineState>;
export type InterviewStatus = z.infer<typeof InterviewStatus>;
export type ExportFormat = z.infer<typeof ExportFormat>;

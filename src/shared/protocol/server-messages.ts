import { z } from 'zod';
import { InterviewConfig } from './client-messages';
import { evaluationFields } from './evaluation-fields';
import { LIMITS } from './limits';
import { ModelStateView } from './models';
import { Peaks } from './speech-analytics';
import {
  Difficulty,
  EngineState,
  Id,
  MediaUrl,
  Phase,
  Score100,
} from './primitives';

/** DESIGN.md §4.2: what the engine sends to a client. */

export const ErrorCode = z.enum([
  /** The message was not valid JSON, not a known type, or failed its schema. */
  'BAD_MESSAGE',
  /** The message is valid but does not fit the interview's current state. */
  'WRONG_STATE',
  'NOT_FOUND',
  /** No interview engine or provider can serve this right now. */
  'UNAVAILABLE',
  'PROVIDER_FAILED',
  /** The disk refused a write: full, or the data folder is read-only (issue #9). The session goes on. */
  'DISK_FULL',
  'FOLDER_NOT_WRITABLE',
  'INTERNAL',
]);

/** A playable recording or spoken question: its URL, length and waveform peaks. */
const AudioRef = z.object({ url: MediaUrl, durationMs: z.number().int().min(0), peaks: Peaks.optional() });

export const SessionStartedMessage = z.object({
  type: z.literal('session_started'),
  interviewId: Id,
  config: InterviewConfig,
  resumed: z.boolean(),
  protocolVersion: z.number().int().positive(),
});
export const StatusMessage = z.object({ type: z.literal('status'), state: EngineState });
export const QuestionMessage = z.object({
  type: z.literal('question'),
  questionId: Id,
  text: z.string().min(1).max(LIMITS.questionTextChars),
  phase: Phase,
  difficulty: Difficulty,
  index: z.number().int().min(1),
  followUp: z.boolean(),
  /**
   * Additions to DESIGN.md §4.2 for the progress line (§5.1), counted in main questions only:
   * which main question this is (absent for intro, wrap-up and follow-ups), and for a
   * follow-up the number of the main question it follows.
   */
  mainNumber: z.number().int().min(1).optional(),
  parentNumber: z.number().int().min(1).optional(),
  audio: AudioRef.optional(),
});
export const TranscriptionMessage = z.object({
  type: z.literal('transcription'),
  questionId: Id,
  text: z.string().max(LIMITS.answerTextChars),
  isFinal: z.boolean(),
  /** The saved recording this transcript is of (an addition to DESIGN.md §4.2). */
  audio: AudioRef.optional(),
});
export const EvaluationMessage = z.object({
  type: z.literal('evaluation'),
  questionId: Id,
  ...evaluationFields,
});
export const InterviewCompleteMessage = z.object({
  type: z.literal('interview_complete'),
  interviewId: Id,
  overallScore: Score100,
  /** Main questions counted in the overall score (DESIGN.md §5.1): asked and answered or skipped. */
  totalQuestions: z.number().int().min(0),
});
export const SessionEndedMessage = z.object({
  type: z.literal('session_ended'),
  interviewId: Id,
  totalTurns: z.number().int().min(0),
});
export const ErrorMessage = z.object({
  type: z.literal('error'),
  code: z.string().min(1).max(64),
  message: z.string().max(LIMITS.errorMessageChars),
  recoverable: z.boolean(),
});

/**
 * Additions to DESIGN.md §4.2 for questions a model streams (issue #10). While the next
 * question is generated, its text so far (`question_draft`, each one replacing the last for
 * that `questionId`) and, in voice mode, each sentence's audio as soon as it is spoken
 * (`question_audio_part`, numbered from 0, to be played in order) reach the client. They are a
 * preview: the `question` with the same `questionId` still comes only once the turn is stored
 * (§5), and its `audio` is then those sentences joined into one file. `question_draft_withdrawn`
 * voids the preview (the stream failed and the question is asked again or by the built-in
 * interviewer, the voice failed, or the interview paused): stop playing it, and show and play
 * the `question`, when it comes, as usual.
 */
export const QuestionDraftMessage = z.object({
  type: z.literal('question_draft'),
  questionId: Id,
  text: z.string().max(LIMITS.questionTextChars),
});
export const QuestionAudioPartMessage = z.object({
  type: z.literal('question_audio_part'),
  questionId: Id,
  index: z.number().int().min(0),
  url: MediaUrl,
  durationMs: z.number().int().min(0),
});
export const QuestionDraftWithdrawnMessage = z.object({ type: z.literal('question_draft_withdrawn'), questionId: Id });

/** A speech model's download or import moved on (sent to every window; issue #4). */
export const ModelProgressMessage = z.object({ type: z.literal('model_progress'), modelId: z.string().max(80), state: ModelStateView });

export const ServerMessage = z.discriminatedUnion('type', [
  SessionStartedMessage,
  StatusMessage,
  QuestionMessage,
  QuestionDraftMessage,
  QuestionAudioPartMessage,
  QuestionDraftWithdrawnMessage,
  TranscriptionMessage,
  EvaluationMessage,
  InterviewCompleteMessage,
  SessionEndedMessage,
  ErrorMessage,
  ModelProgressMessage,
]);

export type ErrorCode = z.infer<typeof ErrorCode>;
export type ServerMessage = z.infer<typeof ServerMessage>;
export type ServerMessageType = ServerMessage['type'];
export type ErrorMessage = z.infer<typeof ErrorMessage>;
export type QuestionMessage = z.infer<typeof QuestionMessage>;
export type QuestionDraftMessage = z.infer<typeof QuestionDraftMessage>;
export type QuestionAudioPartMessage = z.infer<typeof QuestionAudioPartMessage>;
export type EvaluationMessage = z.infer<typeof EvaluationMessage>;
export type TranscriptionMessage = z.infer<typeof TranscriptionMessage>;

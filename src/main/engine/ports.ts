import type { Difficulty, InterviewConfig, InterviewDetail, InterviewStatus, InterviewSummary, InterviewTurn, ModelUsage, Phase, SpeechAnalytics } from '../../shared/protocol';
import type { AnswerEvaluation } from '../interviewer/evaluation/evaluation-types';
import type { AssessedPhase, AssessmentSnapshot } from './assessment-rules';
import type { StoredSnapshot } from './stored-snapshot';

/**
 * What the engine needs from the world (DESIGN.md §2: the engine is pure; ports). Provider
 * issues add implementations of these without touching the engine.
 */
export interface Clock {
  now(): Date;
}

export interface IdSource {
  newId(): string;
}

export interface InterviewContext {
  interviewId: string;
  config: InterviewConfig;
  askedSourceIds: readonly string[];
  /** The conversation so far, oldest first (DESIGN.md §8: a model interviewer builds on it). */
  transcript?: readonly TranscriptEntry[];
}

/** One earlier turn as an interviewer sees it. */
export interface TranscriptEntry {
  question: string;
  phase: Phase;
  followUp: boolean;
  /** The typed or transcribed answer; undefined when the question was skipped. */
  answer?: string | undefined;
  evaluation?: { score: number; missedConcepts?: readonly string[] | undefined } | undefined;
}

/** A question to ask: where it comes from (bank id, custom:N, …) and what to say. */
export interface QuestionPlan {
  sourceId: string;
  text: string;
  difficulty: Difficulty;
}

export interface AskedQuestion {
  sourceId: string;
  text: string;
  phase: Phase;
  followUp: boolean;
}

/** One request a model interviewer made, for usage and cost (DESIGN.md §8). */
export interface ModelCall {
  operation: 'intro' | 'question' | 'follow-up' | 'wrapup' | 'evaluate' | 'repair';
  provider: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  ms: number;
  /** Earlier turns were summarised to fit the model's context window. */
  summarised: boolean;
  /** The job description or résumé was cut (at a sentence end, with a note) to fit it. */
  shortened: boolean;
  /** The prompts file version (resources/prompts) the request was built from. */
  promptVersion: string;
}

/** What the engine lends an interviewer for one step; the embedded interviewer needs none of it. */
export interface StepOptions {
  /** Pause and end cancel the step's model calls. */
  signal?: AbortSignal | undefined;
  /** A question's text as it is generated, before the whole question is known. */
  onQuestionText?: ((delta: string) => void) | undefined;
  onModelCall?: ((call: ModelCall) => void) | undefined;
}

/** The interviewer/evaluator capability: the embedded one, or a model provider. */
export interface InterviewerPort {
  /** Stored with each evaluation it made ("embedded", "openai"…). */
  readonly name: string;
  /** For sentences the user reads ("OpenAI", "the model server at 127.0.0.1:11434"); `name` when absent. */
  readonly service?: string;
  introQuestion(context: InterviewContext, options?: StepOptions): Promise<QuestionPlan>;
  /** undefined when there is nothing left to ask. */
  nextQuestion(context: InterviewContext, phase: AssessedPhase, difficulties: Difficulty[], options?: StepOptions): Promise<QuestionPlan | undefined>;
  /** A follow-up probing what the answer missed, or undefined. */
  followUp(context: InterviewContext, asked: AskedQuestion, evaluation: AnswerEvaluation, options?: StepOptions): Promise<QuestionPlan | undefined>;
  wrapupQuestion(context: InterviewContext, options?: StepOptions): Promise<QuestionPlan>;
  evaluate(context: InterviewContext, asked: AskedQuestion, answer: string, options?: StepOptions): Promise<AnswerEvaluation>;
}

export interface EngineSnapshot extends AssessmentSnapshot {
  /** The turn waiting for an answer; null once the interview is over. */
  currentTurnId: string | null;
}

export interface NewTurn {
  id: string;
  index: number;
  phase: Phase;
  difficulty: Difficulty;
  followUp: boolean;
  parentTurnId: string | null;
  sourceId: string;
  questionText: string;
  askedAt: string;
  /** The spoken question, in voice interviews where a voice was available. */
  questionAudio?: { path: string; durationMs: number; peaks: number[] } | undefined;
}

export interface StoredTurn extends NewTurn {
  skipped: boolean;
  answer?: { id: string; text: string | null; transcript: string | null; audioPath: string | null };
  evaluation?: { score: number };
}

export interface StoredInterview {
  id: string;
  status: InterviewStatus;
  config: InterviewConfig;
  /** As stored: may predate fields added since (see restoreSnapshot). */
  snapshot: StoredSnapshot;
  startedAt: string;
  turns: StoredTurn[];
}

export interface NewEvaluation {
  id: string;
  answerId: string;
  evaluation: AnswerEvaluation;
  evaluator: string;
  evaluatedAt: string;
}

/**
 * Everything that changes when the interview moves on, committed in one transaction
 * (DESIGN.md §5): the evaluation, the skip mark, the engine's snapshot, the next question or
 * the end of the interview.
 */
export interface NewAnswer {
  id: string;
  turnId: string;
  text: string | null;
  transcript: string | null;
  answeredAt: string;
}

/** A spoken answer's recording, saved as soon as the candidate stops speaking. */
export interface Recording {
  answerId: string;
  turnId: string;
  /** Relative to the media folder. */
  audioPath: string;
  durationMs: number;
  peaks: number[];
  recordedAt: string;
}

export interface Advance {
  interviewId: string;
  snapshot: EngineSnapshot;
  updatedAt: string;
  /** The answer itself, when it was not committed on its own before evaluation. */
  answer?: NewAnswer;
  /** The typed or corrected text of an answer saved earlier (a recording), and its analytics. */
  confirmedAnswer?: { id: string; text: string; analytics?: SpeechAnalytics | undefined };
  evaluation?: NewEvaluation;
  skippedTurnId?: string;
  nextTurn?: NewTurn;
  finish?: { status: 'completed' | 'ended'; overallScore: number; completedAt: string };
}

/** A question asked before, to be practised again on its own (issue #11), with its interview's setup. */
export interface RetakeSource {
  config: InterviewConfig;
  phase: Phase;
  difficulty: Difficulty;
  followUp: boolean;
  sourceId: string;
  questionText: string;
}

export interface InterviewRepository {
  /** Snapshots are stored as given and read back as StoredSnapshot (of any earlier version). */
  create(interview: { id: string; config: InterviewConfig; snapshot: StoredSnapshot; startedAt: string }, firstTurn: NewTurn): void;
  load(interviewId: string): StoredInterview | undefined;
  /** Commits the answer on its own first, so nothing said is lost while it is evaluated. */
  recordAnswer(answer: NewAnswer): void;
  /** Inserts or replaces (a new take) the recording of the turn's answer; keeps any transcript. */
  saveRecording(recording: Recording): void;
  saveTranscript(answerId: string, transcript: string): void;
  advance(change: Advance): void;
  setStatus(interviewId: string, status: 'in_progress' | 'paused', updatedAt: string): void;
  /** Usage of a model interviewer's request; also marks the interview with the prompts' version. */
  recordModelCall(interviewId: string, call: ModelCall, calledAt: string): void;
  /** Per provider and model; `cost` prices tokens (undefined for a model without a price). */
  modelUsage(interviewId: string, cost: (model: string, inputTokens: number, outputTokens: number) => ModelUsage['estimatedCost']): ModelUsage[];
  /** The turn a retake practises; undefined when there is no such turn. */
  retakeSource(turnId: string): RetakeSource | undefined;
  current(): InterviewSummary | null;
  /** Ids of every interview not yet completed or ended. */
  unfinishedIds(): string[];
  list(options: { limit: number; offset: number; query?: string }): InterviewSummary[];
  detail(interviewId: string, mediaUrl: (relativePath: string) => string): StoredInterviewDetail | undefined;
  delete(interviewId: string): boolean;
}

/** `interviews.get` as stored, with each turn's source so the interviewer can add its outline. */
export type StoredInterviewDetail = Omit<InterviewDetail, 'turns'> & { turns: (InterviewTurn & { sourceId: string })[] };

/**
 * Speech-to-text (DESIGN.md §5): the local model, OpenAI, or an OpenAI-compatible server.
 * Implementations live in src/main/providers/stt.
 */
export interface SpeechToTextPort {
  readonly name: string;
  /**
   * Whether phrases are transcribed while the candidate is still speaking, for live partial
   * transcripts: yes when recognition runs on this computer (each phrase costs only CPU), no
   * for a paid service, where it would more than double the cost of every answer.
   */
  readonly liveTranscripts: boolean;
  /** Whether it can transcribe right now, and if not, a sentence for the user saying why. */
  availability(): Promise<{ available: true } | { available: false; reason: string }>;
  /** Transcribes a mono 16-bit PCM WAV file. Rejects with a TranscriptionError on failure. */
  transcribe(request: { wavPath: string; language?: string; signal?: AbortSignal }): Promise<{ text: string }>;
}

/**
 * Text-to-speech: the zero-setup system voice, or OpenAI speech.
 * Implementations live in src/main/providers/tts.
 */
export interface TextToSpeechPort {
  readonly name: string;
  /** Writes the spoken text as a WAV file at `outputPath` and says how long it plays. */
  synthesize(request: { text: string; outputPath: string; voice?: string; signal?: AbortSignal }): Promise<{ durationMs: number }>;
  /** Frees what the voice holds between questions (a natural voice's process), when it holds anything. */
  close?(): void;
}

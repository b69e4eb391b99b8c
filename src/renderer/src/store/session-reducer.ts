import type {
  ClientMessage,
  EngineState,
  EvaluationMessage,
  InterviewConfig,
  QuestionMessage,
  ServerMessage,
  TranscriptionMessage,
} from '../../../shared/protocol';
import { runClock, stopClock, stoppedClock, type InterviewClock } from './interview-clock';
import type { InterviewMemory } from './interview-memory';

/**
 * What the screens know about the live interview. It changes only through protocol messages
 * (`applyServerMessage`), so the UI always shows what the engine said, nothing it guessed;
 * the candidate's own unsent drafts are the one exception.
 */
export interface SessionState {
  interviewId: string | null;
  config: InterviewConfig | null;
  resumed: boolean;
  engineState: EngineState | null;
  question: QuestionMessage | null;
  /** The next question while a model writes it (issue #10): shown where it will appear, replaced by the question itself. */
  draft: { questionId: string; text: string } | null;
  /**
   * The sentences of a question spoken while it streamed, to play in order. `complete` once
   * the question itself has come: no more will, and its own audio is these joined.
   */
  speech: QuestionSpeech | null;
  /** Every question asked in this interview that this window knows of, in the order asked. */
  questions: QuestionMessage[];
  /** Latest transcript per question id; `isFinal` false while the answer is in progress. */
  transcripts: Record<string, { text: string; isFinal: boolean; audio?: TranscriptionMessage['audio'] }>;
  evaluations: EvaluationMessage[];
  /** What the candidate sent, per question id, so the transcript shows it at once. */
  answers: Record<string, string>;
  skipped: string[];
  /** What the candidate typed or corrected and has not had accepted yet, per question id. */
  drafts: Record<string, string>;
  /** Time spent in the interview; stopped while paused or finished. */
  clock: InterviewClock;
  /** Counts the sessions this window asked for (start, resume) and got: each shows the interview screen. */
  opened: number;
  /** This window sent a start or resume the engine has not answered yet. */
  opening: boolean;
  complete: { overallScore: number; totalQuestions: number } | null;
  ended: boolean;
  lastError: SessionError | null;
}

export interface QuestionSpeech {
  questionId: string;
  parts: { index: number; url: string; durationMs: number }[];
  complete: boolean;
}

export interface SessionError {
  code: string;
  message: string;
  recoverable: boolean;
  /**
   * Said while the engine was working on the next question (a voice or provider that fell
   * back, a question shown unspoken): it is about that question, which must not clear it.
   */
  aboutNextQuestion: boolean;
}

export const initialSessionState: SessionState = {
  interviewId: null,
  config: null,
  resumed: false,
  engineState: null,
  question: null,
  draft: null,
  speech: null,
  questions: [],
  transcripts: {},
  evaluations: [],
  answers: {},
  skipped: [],
  drafts: {},
  clock: stoppedClock(),
  opened: 0,
  opening: false,
  complete: null,
  ended: false,
  lastError: null,
};

/** What the reducer reads besides the message: the time, and what this computer remembers. */
export interface ReducerContext {
  nowMs: number;
  memory: Pick<InterviewMemory, 'draft' | 'elapsedMs'>;
}

const WORKING: (EngineState | null)[] = ['evaluating', 'generating'];

export function applyServerMessage(state: SessionState, message: ServerMessage, context: ReducerContext): SessionState {
  const { nowMs, memory } = context;
  const live = state.interviewId !== null && !state.ended && state.complete === null;
  switch (message.type) {
    case 'session_started': {
      const opened = { opened: state.opening ? state.opened + 1 : state.opened, opening: false };
      // Re-attaching to the same interview (a reconnect, Resume) keeps what this window has shown.
      // A preview in progress is over: the engine sends the current question again, to play whole.
      if (message.resumed && message.interviewId === state.interviewId) {
        return { ...state, ...opened, config: message.config, resumed: true, ended: false, complete: null, lastError: null, draft: null, speech: null, clock: runClock(state.clock, nowMs) };
      }
      const counted = message.resumed ? memory.elapsedMs(message.interviewId) : 0;
      return {
        ...initialSessionState,
        ...opened,
        interviewId: message.interviewId,
        config: message.config,
        resumed: message.resumed,
        clock: runClock(stoppedClock(counted), nowMs),
      };
    }
    case 'status': {
      if (!live) return { ...state, engineState: message.state };
      const clock = message.state === 'paused' ? stopClock(state.clock, nowMs) : runClock(state.clock, nowMs);
      return { ...state, engineState: message.state, clock };
    }
    case 'question': {
      // `repeat` re-sends the current question: replace it rather than list it twice.
      const others = state.questions.filter((q) => q.questionId !== message.questionId);
      // Moving on means the earlier answer was accepted or skipped: only this question's draft stays.
      const draft = state.drafts[message.questionId] ?? (state.interviewId ? memory.draft(state.interviewId, message.questionId) : undefined);
      return {
        ...state,
        question: message,
        draft: null,
        speech: state.speech?.questionId === message.questionId ? { ...state.speech, complete: true } : null,
        questions: [...others, message].sort((a, b) => a.index - b.index),
        drafts: draft === undefined ? {} : { [message.questionId]: draft },
        lastError: state.lastError?.aboutNextQuestion ? { ...state.lastError, aboutNextQuestion: false } : null,
      };
    }
    case 'question_draft':
      // A preview of the question on screen is stale: the question itself has come.
      if (!live || message.questionId === state.question?.questionId) return state;
      return { ...state, draft: { questionId: message.questionId, text: message.text } };
    case 'question_audio_part': {
      if (!live || message.questionId === state.question?.questionId) return state;
      const part = { index: message.index, url: message.url, durationMs: message.durationMs };
      const earlier = state.speech?.questionId === message.questionId ? state.speech.parts.filter((p) => p.index !== part.index) : [];
      return { ...state, speech: { questionId: message.questionId, parts: [...earlier, part].sort((a, b) => a.index - b.index), complete: false } };
    }
    case 'question_draft_withdrawn':
      return {
        ...state,
        draft: state.draft?.questionId === message.questionId ? null : state.draft,
        speech: state.speech?.questionId === message.questionId ? null : state.speech,
      };
    case 'transcription':
      return {
        ...state,
        transcripts: { ...state.transcripts, [message.questionId]: { text: message.text, isFinal: message.isFinal, ...(message.audio ? { audio: message.audio } : {}) } },
      };
    case 'evaluation':
      return {
        ...state,
        evaluations: [...state.evaluations.filter((e) => e.questionId !== message.questionId), message],
        drafts: withoutKey(state.drafts, message.questionId),
      };
    case 'interview_complete':
      return { ...state, complete: { overallScore: message.overallScore, totalQuestions: message.totalQuestions }, clock: stopClock(state.clock, nowMs) };
    case 'session_ended':
      return { ...state, ended: true, question: null, draft: null, speech: null, engineState: null, drafts: {}, clock: stopClock(state.clock, nowMs) };
    case 'error':
      return {
        ...state,
        opening: false,
        lastError: { code: message.code, message: message.message, recoverable: message.recoverable, aboutNextQuestion: WORKING.includes(state.engineState) },
      };
    case 'model_progress':
      // Speech model downloads are not part of the interview; Settings follows them.
      return state;
  }
}

/** Records what this window sent, for the transcript; the engine's answer decides the rest. */
export function applySentMessage(state: SessionState, message: ClientMessage): SessionState {
  if (message.type === 'text_answer') return { ...state, answers: { ...state.answers, [message.questionId]: message.text } };
  if (message.type === 'skip') return { ...state, skipped: [...state.skipped, message.questionId] };
  if (message.type === 'start' || message.type === 'resume') return { ...state, opening: true };
  return state;
}

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  const { [key]: _removed, ...rest } = record;
  return rest;
}

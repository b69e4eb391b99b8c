import type {
  ClientMessage,
  EngineState,
  EvaluationMessage,
  InterviewConfig,
  QuestionMessage,
  ServerMessage,
  TranscriptionMessage,
} from '../../../shared/protocol';

/**
 * What the screens know about the live interview. It changes only through protocol messages
 * (`applyServerMessage`), so the UI always shows what the engine said, nothing it guessed.
 */
export interface SessionState {
  interviewId: string | null;
  config: InterviewConfig | null;
  resumed: boolean;
  engineState: EngineState | null;
  question: QuestionMessage | null;
  /** Every question asked in this session, in order. */
  questions: QuestionMessage[];
  /** Latest transcript per question id; `isFinal` false while the answer is in progress. */
  transcripts: Record<string, { text: string; isFinal: boolean; audio?: TranscriptionMessage['audio'] }>;
  evaluations: EvaluationMessage[];
  /** What the candidate sent, per question id, so the transcript shows it at once. */
  answers: Record<string, string>;
  skipped: string[];
  /** When this window started or resumed the session (ms since epoch), for the elapsed time. */
  startedAtMs: number | null;
  complete: { overallScore: number; totalQuestions: number } | null;
  ended: boolean;
  lastError: { code: string; message: string; recoverable: boolean } | null;
}

export const initialSessionState: SessionState = {
  interviewId: null,
  config: null,
  resumed: false,
  engineState: null,
  question: null,
  questions: [],
  transcripts: {},
  evaluations: [],
  answers: {},
  skipped: [],
  startedAtMs: null,
  complete: null,
  ended: false,
  lastError: null,
};

export function applyServerMessage(state: SessionState, message: ServerMessage, nowMs: number = Date.now()): SessionState {
  switch (message.type) {
    case 'session_started':
      // Re-attaching to the same interview (a reconnect) keeps what this window has shown.
      if (message.resumed && message.interviewId === state.interviewId) {
        return { ...state, config: message.config, resumed: true, ended: false, complete: null, lastError: null };
      }
      return {
        ...initialSessionState,
        interviewId: message.interviewId,
        config: message.config,
        resumed: message.resumed,
        startedAtMs: nowMs,
      };
    case 'status':
      return { ...state, engineState: message.state };
    case 'question': {
      // `repeat` re-sends the current question: replace it rather than list it twice.
      const others = state.questions.filter((q) => q.questionId !== message.questionId);
      return { ...state, question: message, questions: [...others, message], lastError: null };
    }
    case 'transcription':
      return {
        ...state,
        transcripts: { ...state.transcripts, [message.questionId]: { text: message.text, isFinal: message.isFinal, ...(message.audio ? { audio: message.audio } : {}) } },
      };
    case 'evaluation':
      return {
        ...state,
        evaluations: [...state.evaluations.filter((e) => e.questionId !== message.questionId), message],
      };
    case 'interview_complete':
      return { ...state, complete: { overallScore: message.overallScore, totalQuestions: message.totalQuestions } };
    case 'session_ended':
      return { ...state, ended: true, question: null, engineState: null };
    case 'error':
      return { ...state, lastError: { code: message.code, message: message.message, recoverable: message.recoverable } };
    case 'model_progress':
      // Speech model downloads are not part of the interview; Settings follows them.
      return state;
  }
}

/** Records what this window sent, for the transcript; the engine's answer decides the rest. */
export function applySentMessage(state: SessionState, message: ClientMessage): SessionState {
  if (message.type === 'text_answer') return { ...state, answers: { ...state.answers, [message.questionId]: message.text } };
  if (message.type === 'skip') return { ...state, skipped: [...state.skipped, message.questionId] };
  return state;
}

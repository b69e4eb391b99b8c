import type { EvaluationMessage, InterviewDetail, InterviewTurn, QuestionMessage } from '../../../shared/protocol';
import type { SessionState } from './session-reducer';

/** Peaks are computed 50 a second (src/main/audio/peaks.ts), so their count gives the length. */
const MS_PER_PEAK = 20;

/**
 * Fills the live session with the stored interview (`interviews.get`) after a resume, so a
 * reload or another window shows every earlier question, answer and piece of feedback
 * (issue #9). What this window already has from the engine wins; the question on screen is
 * the engine's to describe (it re-sends it with its transcript on resume).
 */
export function withStoredTurns(state: SessionState, detail: InterviewDetail): SessionState {
  if (detail.id !== state.interviewId) return state;
  const known = new Set(state.questions.map((q) => q.questionId));
  const current = state.question?.questionId;
  const earlier = detail.turns.filter((turn) => turn.questionId !== current);
  const answers = { ...state.answers };
  const transcripts = { ...state.transcripts };
  const evaluations = [...state.evaluations];
  const skipped = new Set(state.skipped);
  for (const turn of earlier) {
    const said = turn.answer?.text ?? turn.answer?.transcript;
    if (said !== undefined) answers[turn.questionId] ??= said;
    if (turn.answer?.audioUrl) {
      transcripts[turn.questionId] ??= {
        text: turn.answer.transcript ?? said ?? '',
        isFinal: true,
        audio: { url: turn.answer.audioUrl, durationMs: turn.answer.durationMs ?? 0, ...(turn.answer.peaks ? { peaks: turn.answer.peaks } : {}) },
      };
    }
    const evaluation = evaluationOf(turn);
    if (evaluation && !evaluations.some((e) => e.questionId === turn.questionId)) evaluations.push(evaluation);
    if (turn.skipped) skipped.add(turn.questionId);
  }
  const stored = detail.turns.filter((turn) => !known.has(turn.questionId)).map(questionOf);
  return {
    ...state,
    questions: [...state.questions, ...stored].sort((a, b) => a.index - b.index),
    answers,
    transcripts,
    evaluations,
    skipped: [...skipped],
  };
}

function questionOf(turn: InterviewTurn): QuestionMessage {
  return {
    type: 'question',
    questionId: turn.questionId,
    text: turn.question,
    phase: turn.phase,
    difficulty: turn.difficulty,
    index: turn.index,
    followUp: turn.followUp,
    ...(turn.mainNumber ? { mainNumber: turn.mainNumber } : {}),
    ...(turn.parentNumber ? { parentNumber: turn.parentNumber } : {}),
    ...(turn.questionAudioUrl && turn.questionPeaks
      ? { audio: { url: turn.questionAudioUrl, durationMs: turn.questionPeaks.length * MS_PER_PEAK, peaks: turn.questionPeaks } }
      : {}),
  };
}

function evaluationOf(turn: InterviewTurn): EvaluationMessage | undefined {
  return turn.evaluation ? { type: 'evaluation', questionId: turn.questionId, ...turn.evaluation } : undefined;
}

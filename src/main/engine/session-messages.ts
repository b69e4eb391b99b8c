import type { EvaluationMessage, QuestionMessage } from '../../shared/protocol';
import type { AnswerEvaluation } from '../interviewer/evaluation/evaluation-types';
import type { MediaUrl } from '../media/media-store';
import type { Live } from './engine-context';
import { summariseScores } from './score-summary';

/** The live interview's current question as sent, numbered as the report numbers it (§5.1). */
export function questionMessage(current: Live, mediaUrl: MediaUrl): QuestionMessage {
  const turn = current.current;
  const audio = turn.questionAudio;
  const { mainNumber, parentNumber } = summariseScores(current.turns).byTurn.get(turn.id) ?? {};
  return {
    type: 'question',
    questionId: turn.id,
    text: turn.questionText,
    phase: turn.phase,
    difficulty: turn.difficulty,
    index: turn.index,
    followUp: turn.followUp,
    ...(mainNumber ? { mainNumber } : {}),
    ...(parentNumber ? { parentNumber } : {}),
    ...(audio ? { audio: { url: mediaUrl(audio.path), durationMs: audio.durationMs, peaks: audio.peaks } } : {}),
  };
}

export function evaluationMessage(questionId: string, answerId: string, result: AnswerEvaluation): EvaluationMessage {
  return {
    type: 'evaluation',
    questionId,
    answerId,
    score: result.score,
    feedback: result.feedback,
    strengths: result.strengths,
    weaknesses: result.weaknesses,
    suggestions: result.suggestions,
    ...(result.skillsShown.length > 0 ? { skillsShown: result.skillsShown } : {}),
  };
}

import type { AnswerEvaluation } from '../interviewer/evaluation/evaluation-types';
import type { StoredInterview, TranscriptEntry } from './ports';

/**
 * The conversation so far as a model interviewer is given it (DESIGN.md §8): every earlier
 * question with its answer (or that it was skipped) and its score, oldest first. The turn in
 * hand is included only once it has been judged (when planning what follows it), with the
 * evaluation not yet committed; while it is being judged it is the question itself, unless
 * the next question is planned meanwhile (`unjudged`): then it is there with its answer and no
 * score, so the next question can build on what was said.
 */
export function transcriptOf(stored: StoredInterview | undefined, current: { turnId: string; evaluation?: AnswerEvaluation | undefined; unjudged?: boolean | undefined }): TranscriptEntry[] {
  if (!stored) return [];
  return stored.turns.flatMap((turn): TranscriptEntry[] => {
    const inHand = turn.id === current.turnId;
    if (inHand ? !current.evaluation && !current.unjudged && !turn.skipped : !turn.skipped && !turn.answer) return [];
    const score = inHand ? current.evaluation?.score : turn.evaluation?.score;
    const missedConcepts = inHand ? current.evaluation?.missedConcepts : undefined;
    return [
      {
        question: turn.questionText,
        phase: turn.phase,
        followUp: turn.followUp,
        answer: turn.skipped ? undefined : (turn.answer?.text ?? turn.answer?.transcript ?? undefined),
        ...(score !== undefined ? { evaluation: { score, missedConcepts } } : {}),
      },
    ];
  });
}

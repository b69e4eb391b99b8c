import type { InterviewConfig, Phase } from '../../shared/protocol';
import type { AnswerEvaluation } from '../interviewer/evaluation/evaluation-types';
import {
  difficultiesFor,
  isAssessed,
  isComplete,
  mayFollowUp,
  nextPhase,
  recordMainScore,
  type AssessedPhase,
} from './assessment-rules';
import type { EngineSnapshot, InterviewContext, InterviewerPort, NewTurn, QuestionPlan, StepOptions } from './ports';

/** The turn that was just answered or skipped. */
export interface FinishedTurn {
  id: string;
  phase: Phase;
  followUp: boolean;
  sourceId: string;
  questionText: string;
}

export const finishedTurnOf = (turn: NewTurn): FinishedTurn => ({ id: turn.id, phase: turn.phase, followUp: turn.followUp, sourceId: turn.sourceId, questionText: turn.questionText });

export type NextStep =
  | { kind: 'ask'; snapshot: EngineSnapshot; plan: QuestionPlan; phase: Phase; followUp: boolean; parentTurnId: string | null }
  | { kind: 'finish'; snapshot: EngineSnapshot };

/**
 * What comes after a turn (DESIGN.md §5): a follow-up when the rules allow one and the
 * interviewer wants one, else the next main question in the phase the rules give, else the
 * wrap-up, and after the wrap-up the end. Interviews always end by rule: every path here
 * either asks a new question (finitely many) or finishes.
 */
export async function planNextTurn(
  interviewer: InterviewerPort,
  config: InterviewConfig,
  snapshot: EngineSnapshot,
  turn: FinishedTurn,
  evaluation: AnswerEvaluation | undefined,
  interviewId: string,
  options?: StepOptions,
  transcript?: InterviewContext['transcript'],
): Promise<NextStep> {
  // A question practised again is the whole interview (engine/retake-plan.ts).
  if (turn.phase === 'wrapup' || config.retakeOf) return { kind: 'finish', snapshot: { ...snapshot, currentTurnId: null } };
  // A skipped main question counts 0; so, until it is settled, does one planned before it was judged.
  const next: EngineSnapshot = withScore(snapshot, turn, evaluation?.score ?? 0);
  const context: InterviewContext = { interviewId, config, askedSourceIds: next.askedSourceIds, ...(transcript ? { transcript } : {}) };
  const length = config.length ?? 'standard';

  // The cap is the engine's (§5.1): past it the interviewer is not even asked.
  if (evaluation && mayFollowUp(next, length, turn)) {
    const followUp = await interviewer.followUp(context, { sourceId: turn.sourceId, text: turn.questionText, phase: turn.phase, followUp: turn.followUp }, evaluation, options);
    if (followUp) {
      const snapshot = { ...next, followUpsAsked: next.followUpsAsked + 1 };
      return { kind: 'ask', snapshot, plan: followUp, phase: turn.phase, followUp: true, parentTurnId: turn.id };
    }
  }

  const wrapup = async (): Promise<NextStep> => ({
    kind: 'ask',
    snapshot: { ...next, phase: 'wrapup' },
    plan: await interviewer.wrapupQuestion(context, options),
    phase: 'wrapup',
    followUp: false,
    parentTurnId: null,
  });
  const move = nextMove(config, next);
  if (move.kind === 'wrapup') return wrapup();

  const phase = move.phase;
  const plan = await interviewer.nextQuestion(context, phase, difficultiesFor(config.level ?? 'mid', phase), options);
  if (!plan) return wrapup();
  return {
    kind: 'ask',
    snapshot: { ...next, phase, mainAsked: next.mainAsked + 1, askedSourceIds: [...next.askedSourceIds, plan.sourceId] },
    plan,
    phase,
    followUp: false,
    parentTurnId: null,
  };
}

/** A main answer's score joins its phase's record; intro, wrap-up and follow-ups leave it as it is. */
function withScore(snapshot: EngineSnapshot, turn: FinishedTurn, score: number): EngineSnapshot {
  return isAssessed(turn.phase) && !turn.followUp ? { ...snapshot, ...recordMainScore(snapshot, turn.phase, score) } : snapshot;
}

/** What the rules ask for after a turn, the turn's score recorded: the wrap-up, or a main question of a phase. */
function nextMove(config: InterviewConfig, scored: EngineSnapshot): { kind: 'wrapup' } | { kind: 'main'; phase: AssessedPhase } {
  const customCount = config.questions?.length;
  if (isComplete(scored, config.length ?? 'standard', customCount)) return { kind: 'wrapup' };
  // The candidate's own list: the first two are the warm-up.
  if (customCount !== undefined) return { kind: 'main', phase: scored.mainAsked < 2 ? 'warmup' : 'standard' };
  return { kind: 'main', phase: nextPhase(scored) };
}

/**
 * Whether what follows this turn is the same whatever its score (issue #10: then the next
 * question can be prepared while the answer is judged). Not when a follow-up may be asked
 * (that depends on the score), nor after the wrap-up (nothing follows); otherwise when the
 * rules give the same move for a score of 0 and of 10. The rules are thresholds on the score
 * (warm-up average 6, core average 7, a boundary below 5), so a move the same at both ends is
 * the same for every score between: after the introduction, mid-phase, and through the
 * candidate's own list, but not where an average decides the phase.
 */
export function independentOfScore(config: InterviewConfig, snapshot: EngineSnapshot, turn: FinishedTurn): boolean {
  if (turn.phase === 'wrapup' || mayFollowUp(snapshot, config.length ?? 'standard', turn)) return false;
  const low = nextMove(config, withScore(snapshot, turn, 0));
  const high = nextMove(config, withScore(snapshot, turn, 10));
  return low.kind === 'wrapup' ? high.kind === 'wrapup' : high.kind === 'main' && high.phase === low.phase;
}

/** A step planned before its turn was judged, with the turn's real score in place of the 0 it was planned with. */
export function withSettledScore(step: NextStep, before: EngineSnapshot, turn: FinishedTurn, score: number): NextStep {
  const scored = withScore(before, turn, score);
  return { ...step, snapshot: { ...step.snapshot, scores: scored.scores, boundaries: scored.boundaries } } as NextStep;
}

export function toNewTurn(step: Extract<NextStep, { kind: 'ask' }>, id: string, index: number, askedAt: string): NewTurn {
  return {
    id,
    index,
    phase: step.phase,
    difficulty: step.plan.difficulty,
    followUp: step.followUp,
    parentTurnId: step.parentTurnId,
    sourceId: step.plan.sourceId,
    questionText: step.plan.text,
    askedAt,
  };
}

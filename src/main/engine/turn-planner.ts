import type { InterviewConfig, Phase } from '../../shared/protocol';
import type { AnswerEvaluation } from '../interviewer/evaluation/evaluation-types';
import {
  difficultiesFor,
  isAssessed,
  isComplete,
  mayFollowUp,
  nextPhase,
  recordMainScore,
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
  let next: EngineSnapshot = snapshot;
  if (isAssessed(turn.phase) && !turn.followUp) next = { ...next, ...recordMainScore(next, turn.phase, evaluation?.score ?? 0) };
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

  const customCount = config.questions?.length;
  const wrapup = async (): Promise<NextStep> => ({
    kind: 'ask',
    snapshot: { ...next, phase: 'wrapup' },
    plan: await interviewer.wrapupQuestion(context, options),
    phase: 'wrapup',
    followUp: false,
    parentTurnId: null,
  });
  if (isComplete(next, length, customCount)) return wrapup();

  const phase = customCount !== undefined ? (next.mainAsked < 2 ? 'warmup' : 'standard') : nextPhase(next);
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

import { describe, expect, it } from 'vitest';
import type { InterviewConfig } from '../../shared/protocol';
import type { AnswerEvaluation } from '../interviewer/evaluation/evaluation-types';
import { initialSnapshot } from './assessment-rules';
import type { EngineSnapshot, InterviewerPort } from './ports';
import { planNextTurn, type FinishedTurn } from './turn-planner';

const evaluation: AnswerEvaluation = { score: 5, feedback: '', strengths: [], weaknesses: [], suggestions: [], missedConcepts: ['x'], skillsShown: [] };

/** An interviewer that wants a follow-up after every answer, even to a follow-up, and counts how often it was asked. */
function eagerInterviewer(): InterviewerPort & { followUpRequests: number } {
  let n = 0;
  const interviewer = {
    name: 'eager',
    followUpRequests: 0,
    introQuestion: async () => ({ sourceId: 'intro', text: 'Hello?', difficulty: 'easy' as const }),
    wrapupQuestion: async () => ({ sourceId: 'wrapup', text: 'Questions?', difficulty: 'easy' as const }),
    nextQuestion: async () => ({ sourceId: `q${(n += 1)}`, text: `Q${n}?`, difficulty: 'medium' as const }),
    followUp: async () => {
      interviewer.followUpRequests += 1;
      return { sourceId: `f${interviewer.followUpRequests}`, text: 'More?', difficulty: 'medium' as const };
    },
    evaluate: async () => evaluation,
  };
  return interviewer;
}

/** Plays a whole interview through the planner, every answer evaluated; returns the turns asked after the intro. */
async function play(interviewer: InterviewerPort, config: InterviewConfig): Promise<{ phase: string; followUp: boolean }[]> {
  let snapshot: EngineSnapshot = { ...initialSnapshot(), currentTurnId: 't0' };
  let turn: FinishedTurn = { id: 't0', phase: 'intro', followUp: false, sourceId: 'intro', questionText: 'Hello?' };
  const asked: { phase: string; followUp: boolean }[] = [];
  for (let i = 1; i < 100; i += 1) {
    const step = await planNextTurn(interviewer, config, snapshot, turn, evaluation, 'interview');
    if (step.kind === 'finish') return asked;
    asked.push({ phase: step.phase, followUp: step.followUp });
    snapshot = { ...step.snapshot, currentTurnId: `t${i}` };
    turn = { id: `t${i}`, phase: step.phase, followUp: step.followUp, sourceId: step.plan.sourceId, questionText: step.plan.text };
  }
  throw new Error('the interview never ended');
}

const mainQuestions = (asked: { phase: string; followUp: boolean }[]) => asked.filter((t) => !t.followUp && t.phase !== 'wrapup').length;
const followUps = (asked: { followUp: boolean }[]) => asked.filter((t) => t.followUp).length;

describe('interview length (DESIGN.md §5.1)', () => {
  it('quick: exactly 5 main questions and 2 follow-ups, and the interviewer is not asked for a third', async () => {
    const interviewer = eagerInterviewer();
    const asked = await play(interviewer, { track: 'backend', mode: 'text', length: 'quick' });
    expect(mainQuestions(asked)).toBe(5);
    expect(followUps(asked)).toBe(2);
    expect(interviewer.followUpRequests).toBe(2);
    expect(asked.at(-1)).toEqual({ phase: 'wrapup', followUp: false });
  });

  it('full: at most one follow-up per main question, never a follow-up to a follow-up', async () => {
    const asked = await play(eagerInterviewer(), { track: 'backend', mode: 'text', length: 'full' });
    expect(mainQuestions(asked)).toBe(20);
    expect(followUps(asked)).toBe(20);
    asked.forEach((turn, i) => {
      if (turn.followUp) expect(asked[i - 1]!.followUp).toBe(false);
    });
  });

  it('quick: once 2 follow-ups were asked, the next answer goes straight on to the next question', async () => {
    const interviewer = eagerInterviewer();
    const snapshot: EngineSnapshot = { ...initialSnapshot(), phase: 'standard', mainAsked: 3, followUpsAsked: 2, currentTurnId: 't6' };
    const answered: FinishedTurn = { id: 't6', phase: 'standard', followUp: false, sourceId: 'q3', questionText: 'Q3?' };
    const step = await planNextTurn(interviewer, { track: 'backend', mode: 'text', length: 'quick' }, snapshot, answered, evaluation, 'interview');
    expect(step).toMatchObject({ kind: 'ask', followUp: false, snapshot: { mainAsked: 4, followUpsAsked: 2 } });
    expect(interviewer.followUpRequests).toBe(0);
  });
});

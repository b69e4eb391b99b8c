import { describe, expect, it } from 'vitest';
import type { InterviewConfig } from '../../shared/protocol';
import type { AnswerEvaluation } from '../interviewer/evaluation/evaluation-types';
import { initialSnapshot } from './assessment-rules';
import type { EngineSnapshot, InterviewerPort } from './ports';
import { independentOfScore, planNextTurn, withSettledScore, type FinishedTurn } from './turn-planner';

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

describe('preparing the next question while the answer is judged (issue #10)', () => {
  const quick: InterviewConfig = { track: 'backend', mode: 'text', length: 'quick' };
  const at = (phase: EngineSnapshot['phase'], extra: Partial<EngineSnapshot> = {}): EngineSnapshot => ({ ...initialSnapshot(), phase, currentTurnId: 't', ...extra });
  const turn = (phase: FinishedTurn['phase'], followUp = false): FinishedTurn => ({ id: 't', phase, followUp, sourceId: 'q', questionText: 'Q?' });

  it('is allowed where the score cannot change what comes next', () => {
    // After the introduction the warm-up follows, whatever was said.
    expect(independentOfScore(quick, at('intro'), turn('intro'))).toBe(true);
    // After a follow-up (never followed up), the first warm-up answer, mid-phase.
    expect(independentOfScore(quick, at('warmup', { mainAsked: 1, scores: { warmup: [4], standard: [], advanced: [] } }), turn('warmup', true))).toBe(true);
    // Quick with both follow-ups used: the third core question, whatever the score.
    expect(independentOfScore(quick, at('standard', { mainAsked: 3, followUpsAsked: 2, scores: { warmup: [6, 6], standard: [], advanced: [] } }), turn('standard'))).toBe(true);
    // The candidate's own list is asked in order, whatever the scores, once no follow-up can come.
    const custom: InterviewConfig = { ...quick, length: 'full', questions: ['A?', 'B?', 'C?'] };
    expect(independentOfScore(custom, at('warmup', { mainAsked: 1 }), turn('warmup', true))).toBe(true);
  });

  it('is not allowed where the score decides: a possible follow-up, the end of the warm-up, the step to advanced, the wrap-up', () => {
    expect(independentOfScore(quick, at('warmup', { mainAsked: 1 }), turn('warmup'))).toBe(false);
    // Quick with both follow-ups used, so only the phase rules are left to decide.
    const used = { followUpsAsked: 2 };
    // The second warm-up answer decides between a third warm-up question and the core (average 6).
    expect(independentOfScore(quick, at('warmup', { ...used, mainAsked: 2, scores: { warmup: [6], standard: [], advanced: [] } }), turn('warmup'))).toBe(false);
    // A second core answer may lift the average to 7 and open the advanced phase.
    expect(independentOfScore(quick, at('standard', { ...used, mainAsked: 4, scores: { warmup: [6, 6], standard: [8], advanced: [] } }), turn('standard'))).toBe(false);
    expect(independentOfScore(quick, at('wrapup'), turn('wrapup'))).toBe(false);
  });

  it('records the real score once it is known, keeping what was planned', async () => {
    const before = at('intro', { mainAsked: 2, followUpsAsked: 2, phase: 'standard', scores: { warmup: [6, 6], standard: [], advanced: [] } });
    const answered = turn('standard');
    const early = await planNextTurn(eagerInterviewer(), quick, before, answered, undefined, 'interview');
    const settled = withSettledScore(early, before, answered, 8);
    expect(settled).toMatchObject({ kind: 'ask', plan: { sourceId: 'q1' }, snapshot: { mainAsked: 3, scores: { standard: [8] } } });
    const judgedFirst = await planNextTurn(eagerInterviewer(), quick, before, answered, { ...evaluation, score: 8 }, 'interview');
    expect(settled.snapshot).toEqual(judgedFirst.snapshot);
  });
});

import { describe, expect, it } from 'vitest';
import { callExamples, serverMessageExamples as ex } from '../../../shared/protocol/examples';
import type { InterviewDetail, InterviewTurn } from '../../../shared/protocol';
import { applyServerMessage, initialSessionState, type ReducerContext, type SessionState } from './session-reducer';
import { withStoredTurns } from './stored-turns';

const context: ReducerContext = { nowMs: 0, memory: { draft: () => undefined, elapsedMs: () => 0 } };
const interviewId = ex.session_started.interviewId;
const ids = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];
const turn = (i: number, extra: Partial<InterviewTurn> = {}): InterviewTurn => ({
  questionId: ids[i]!,
  index: i + 1,
  phase: i === 0 ? 'intro' : 'warmup',
  difficulty: 'easy',
  followUp: false,
  question: `Question text ${i + 1}`,
  skipped: false,
  ...(i > 0 ? { mainNumber: i } : {}),
  ...extra,
});
const evaluation = { answerId: '44444444-4444-4444-8444-444444444444', score: 6, feedback: 'Good start.', strengths: [], weaknesses: [], suggestions: [] };
const detail: InterviewDetail = {
  ...callExamples['interviews.get'].result,
  id: interviewId,
  status: 'paused',
  turns: [
    turn(0, { answer: { answerId: evaluation.answerId, text: 'About me.' }, evaluation }),
    turn(1, { skipped: true }),
    turn(2, { answer: { answerId: '55555555-5555-4555-8555-555555555555', transcript: 'Partly said.' } }),
  ],
};

/** A window that reloaded and resumed: the engine has re-sent only the current question. */
function resumedWindow(): SessionState {
  const started = applyServerMessage(initialSessionState, { ...ex.session_started, resumed: true }, context);
  return applyServerMessage(started, { ...ex.question, questionId: ids[2]!, index: 3, text: 'Question text 3' }, context);
}

describe('the stored interview fills a resumed window (issue #9: "So far" was empty after a reload)', () => {
  it('adds the earlier questions, answers, skips and feedback in the order asked', () => {
    const state = withStoredTurns(resumedWindow(), detail);
    expect(state.questions.map((q) => q.text)).toEqual(['Question text 1', 'Question text 2', 'Question text 3']);
    expect(state.questions[1]).toMatchObject({ type: 'question', questionId: ids[1], phase: 'warmup', mainNumber: 1 });
    expect(state.answers).toEqual({ [ids[0]!]: 'About me.' });
    expect(state.skipped).toEqual([ids[1]]);
    expect(state.evaluations).toEqual([{ type: 'evaluation', questionId: ids[0], ...evaluation }]);
  });

  it('leaves the question on screen, and everything the engine already sent, as the engine said it', () => {
    const live = applyServerMessage(resumedWindow(), { ...ex.evaluation, questionId: ids[0]!, score: 9 }, context);
    const state = withStoredTurns(live, detail);
    expect(state.question?.questionId).toBe(ids[2]);
    expect(state.questions.filter((q) => q.questionId === ids[2])).toEqual([live.question]);
    expect(state.evaluations.map((e) => e.score)).toEqual([9]);
    expect(state.answers[ids[2]!]).toBeUndefined();
  });

  it('is ignored when another interview has been opened meanwhile, and adds nothing twice', () => {
    expect(withStoredTurns(resumedWindow(), { ...detail, id: '66666666-6666-4666-8666-666666666666' })).toEqual(resumedWindow());
    const once = withStoredTurns(resumedWindow(), detail);
    expect(withStoredTurns(once, detail)).toEqual(once);
  });
});

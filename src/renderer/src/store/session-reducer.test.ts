import { describe, expect, it } from 'vitest';
import { serverMessageExamples as ex } from '../../../shared/protocol/examples';
import type { QuestionMessage, ServerMessage } from '../../../shared/protocol';
import { elapsedMs } from './interview-clock';
import { applySentMessage, applyServerMessage, initialSessionState, type ReducerContext, type SessionState } from './session-reducer';

const nothingRemembered: ReducerContext['memory'] = { draft: () => undefined, elapsedMs: () => 0 };
const at = (nowMs: number, memory = nothingRemembered): ReducerContext => ({ nowMs, memory });
const play = (...messages: ServerMessage[]): SessionState => messages.reduce((state, message) => applyServerMessage(state, message, at(0)), initialSessionState);
const question = (id: string, index: number, extra: Partial<QuestionMessage> = {}): QuestionMessage => ({ ...ex.question, questionId: id, index, ...extra });
const Q2 = '7f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a01';

describe('session state from protocol messages', () => {
  it('follows an interview from start to completion', () => {
    const state = play(ex.session_started, ex.status, ex.question, ex.transcription, ex.evaluation, ex.interview_complete);
    expect(state.interviewId).toBe(ex.session_started.interviewId);
    expect(state.engineState).toBe('listening');
    expect(state.question?.text).toBe(ex.question.text);
    expect(state.transcripts[ex.question.questionId]).toEqual({ text: 'I would add', isFinal: false });
    expect(state.evaluations).toHaveLength(1);
    expect(state.complete).toEqual({ overallScore: 72, totalQuestions: 5 });
  });

  it('lists a repeated question once', () => {
    expect(play(ex.session_started, ex.question, ex.question).questions).toHaveLength(1);
  });

  it('keeps the last error until the next question, and clears the question when the session ends', () => {
    const withError = play(ex.session_started, ex.question, ex.error);
    expect(withError.lastError).toEqual({ code: 'BAD_MESSAGE', message: ex.error.message, recoverable: true, aboutNextQuestion: false });
    expect(applyServerMessage(withError, question(Q2, 3), at(0)).lastError).toBeNull();
    const ended = applyServerMessage(withError, ex.session_ended, at(0));
    expect(ended.ended).toBe(true);
    expect(ended.question).toBeNull();
  });

  it('keeps a notice about the coming question through that question (a voice that fell back), then clears it', () => {
    const notice: ServerMessage = { type: 'error', code: 'TTS_FALLBACK', message: 'OpenAI could not be reached.', recoverable: true };
    const next = play(ex.session_started, ex.question, { type: 'status', state: 'generating' }, notice, question(Q2, 3));
    expect(next.lastError).toMatchObject({ code: 'TTS_FALLBACK', aboutNextQuestion: false });
    expect(applyServerMessage(next, question(ex.question.questionId, 4), at(0)).lastError).toBeNull();
  });

  it('starts clean when a new session starts', () => {
    const state = play(ex.session_started, ex.question, ex.evaluation, ex.session_started);
    expect(state.questions).toEqual([]);
    expect(state.evaluations).toEqual([]);
  });

  it('keeps the transcript when the same interview is re-attached after a reconnect', () => {
    const state = play(ex.session_started, ex.question, ex.evaluation, { ...ex.session_started, resumed: true });
    expect(state.questions).toHaveLength(1);
    expect(state.evaluations).toHaveLength(1);
    expect(state.resumed).toBe(true);
  });

  it('lists questions in the order asked, whatever order they became known in', () => {
    const state = play(ex.session_started, question(Q2, 5), question(ex.question.questionId, 2));
    expect(state.questions.map((q) => q.index)).toEqual([2, 5]);
  });
});

describe('opening an interview from this window (issue #9: Continue did nothing)', () => {
  it('counts each start or resume this window asked for, also of the interview already here', () => {
    let state = applySentMessage(initialSessionState, { type: 'start', config: { track: 'backend', mode: 'text' } });
    state = applyServerMessage(state, ex.session_started, at(0));
    expect(state.opened).toBe(1);
    state = applySentMessage(state, { type: 'resume', interviewId: ex.session_started.interviewId });
    state = applyServerMessage(state, { ...ex.session_started, resumed: true }, at(0));
    expect(state.opened).toBe(2);
  });

  it('does not count a reconnect it did not ask for, nor a request the engine refused', () => {
    let state = play(ex.session_started, ex.question, { ...ex.session_started, resumed: true });
    expect(state.opened).toBe(0);
    state = applySentMessage(state, { type: 'resume', interviewId: ex.session_started.interviewId });
    state = applyServerMessage(state, ex.error, at(0));
    state = applyServerMessage(state, { ...ex.session_started, resumed: true }, at(0));
    expect(state.opened).toBe(0);
  });
});

describe('the interview clock (issue #9)', () => {
  it('stops while paused and runs again after', () => {
    let state = applyServerMessage(initialSessionState, ex.session_started, at(1_000));
    state = applyServerMessage(state, { type: 'status', state: 'ready' }, at(2_000));
    state = applyServerMessage(state, { type: 'status', state: 'paused' }, at(11_000));
    expect(elapsedMs(state.clock, 60_000)).toBe(10_000);
    state = applyServerMessage(state, { ...ex.session_started, resumed: true }, at(70_000));
    expect(elapsedMs(state.clock, 75_000)).toBe(15_000);
  });

  it('carries on from the time remembered for a resumed interview, not from 0', () => {
    const remembered: ReducerContext['memory'] = { draft: () => undefined, elapsedMs: (id) => (id === ex.session_started.interviewId ? 95_000 : 0) };
    const state = applyServerMessage(initialSessionState, { ...ex.session_started, resumed: true }, at(1_000, remembered));
    expect(elapsedMs(state.clock, 3_000)).toBe(97_000);
    expect(elapsedMs(applyServerMessage(initialSessionState, ex.session_started, at(1_000, remembered)).clock, 3_000)).toBe(2_000);
  });

  it('stops when the interview finishes', () => {
    let state = applyServerMessage(initialSessionState, ex.session_started, at(0));
    state = applyServerMessage(state, ex.interview_complete, at(5_000));
    state = applyServerMessage(state, ex.session_ended, at(6_000));
    expect(elapsedMs(state.clock, 100_000)).toBe(5_000);
  });
});

describe('drafts (issue #9)', () => {
  const typed = (state: SessionState, questionId: string, text: string): SessionState => ({ ...state, drafts: { ...state.drafts, [questionId]: text } });

  it('keeps a draft through a resent question, and drops it once the engine accepted the answer', () => {
    let state = typed(play(ex.session_started, ex.question), ex.question.questionId, 'half an answer');
    state = applyServerMessage(state, ex.question, at(0)); // repeat
    expect(state.drafts).toEqual({ [ex.question.questionId]: 'half an answer' });
    expect(applyServerMessage(state, ex.evaluation, at(0)).drafts).toEqual({});
    expect(applyServerMessage(state, question(Q2, 3), at(0)).drafts).toEqual({}); // skipped, or moved on
  });

  it('brings back the draft remembered for a question shown again after a reload', () => {
    const remembered: ReducerContext['memory'] = { draft: (id, q) => (id === ex.session_started.interviewId && q === Q2 ? 'typed before the reload' : undefined), elapsedMs: () => 0 };
    let state = applyServerMessage(initialSessionState, { ...ex.session_started, resumed: true }, at(0, remembered));
    state = applyServerMessage(state, question(Q2, 3), at(0, remembered));
    expect(state.drafts).toEqual({ [Q2]: 'typed before the reload' });
  });
});

describe('a question a model streams (issue #10)', () => {
  const draft = (text: string, questionId = Q2): ServerMessage => ({ type: 'question_draft', questionId, text });
  const part = (index: number, questionId = Q2): ServerMessage => ({ type: 'question_audio_part', questionId, index, url: `/media/q.${index}.part.wav`, durationMs: 900 });
  const withdrawn: ServerMessage = { type: 'question_draft_withdrawn', questionId: Q2 };

  it('shows the draft until the question itself replaces it, and keeps its sentences to play', () => {
    const drafting = play(ex.session_started, ex.question, draft('You mentioned'), part(0), draft('You mentioned queues. How'), part(1));
    expect(drafting.question?.questionId).toBe(ex.question.questionId);
    expect(drafting.draft).toEqual({ questionId: Q2, text: 'You mentioned queues. How' });
    expect(drafting.speech).toMatchObject({ questionId: Q2, complete: false, parts: [{ index: 0 }, { index: 1 }] });
    const asked = applyServerMessage(drafting, question(Q2, 3, { text: 'You mentioned queues. How would you size them?' }), at(0));
    expect(asked.draft).toBeNull();
    expect(asked.speech).toMatchObject({ questionId: Q2, complete: true, parts: [{ index: 0 }, { index: 1 }] });
  });

  it('drops a withdrawn draft and its sentences, so the question is then played whole', () => {
    const state = play(ex.session_started, ex.question, draft('You mentioned'), part(0), withdrawn, question(Q2, 3));
    expect(state.draft).toBeNull();
    expect(state.speech).toBeNull();
  });

  it('ignores a late draft of the question already on screen, and forgets a preview on resume', () => {
    const late = play(ex.session_started, question(Q2, 3), draft('You mentioned'), part(0));
    expect(late.draft).toBeNull();
    expect(late.speech).toBeNull();
    const resumed = play(ex.session_started, ex.question, draft('You'), part(0), { ...ex.session_started, resumed: true });
    expect(resumed.draft).toBeNull();
    expect(resumed.speech).toBeNull();
  });
});

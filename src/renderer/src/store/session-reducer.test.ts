import { describe, expect, it } from 'vitest';
import { serverMessageExamples as ex } from '../../../shared/protocol/examples';
import type { ServerMessage } from '../../../shared/protocol';
import { applyServerMessage, initialSessionState, type SessionState } from './session-reducer';

const play = (...messages: ServerMessage[]): SessionState => messages.reduce(applyServerMessage, initialSessionState);

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
    expect(withError.lastError).toEqual({ code: 'BAD_MESSAGE', message: ex.error.message, recoverable: true });
    expect(applyServerMessage(withError, ex.question).lastError).toBeNull();
    const ended = applyServerMessage(withError, ex.session_ended);
    expect(ended.ended).toBe(true);
    expect(ended.question).toBeNull();
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
});

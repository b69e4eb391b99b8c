import { describe, expect, it } from 'vitest';
import { mapStorage } from '../test-support/map-storage';
import { serverMessageExamples as ex } from '../../../shared/protocol/examples';
import { createAppStore } from './app-store';
import { createInterviewMemory } from './interview-memory';

const interviewId = ex.session_started.interviewId;
const questionId = ex.question.questionId;

/** A window that started an interview and typed part of the first answer. */
function typedDraft(memory: ReturnType<typeof createInterviewMemory>, text: string): void {
  const store = createAppStore(memory);
  store.getState().receive(ex.session_started);
  store.getState().receive(ex.question);
  store.getState().setDraft(questionId, text);
}

describe('the store remembers drafts on this computer until the engine accepts them (issue #9)', () => {
  it('keeps a typed draft for the next page load, and forgets it once the answer is evaluated', () => {
    const memory = createInterviewMemory(mapStorage());
    typedDraft(memory, 'what I typed so far');
    expect(memory.draft(interviewId, questionId)).toBe('what I typed so far');

    // A reload: a new store over the same memory, the same question re-sent on resume.
    const reloaded = createAppStore(memory);
    reloaded.getState().receive({ ...ex.session_started, resumed: true });
    reloaded.getState().receive(ex.question);
    expect(reloaded.getState().session.drafts[questionId]).toBe('what I typed so far');

    reloaded.getState().receive(ex.evaluation);
    expect(reloaded.getState().session.drafts[questionId]).toBeUndefined();
    expect(memory.draft(interviewId, questionId)).toBeUndefined();
  });

  it('forgets a finished interview entirely', () => {
    const memory = createInterviewMemory(mapStorage());
    typedDraft(memory, 'never sent');
    memory.saveElapsed(interviewId, 30_000);
    const store = createAppStore(memory);
    store.getState().receive({ ...ex.session_started, resumed: true });
    store.getState().receive(ex.interview_complete);
    expect(memory.draft(interviewId, questionId)).toBeUndefined();
    expect(memory.elapsedMs(interviewId)).toBe(0);
  });
});

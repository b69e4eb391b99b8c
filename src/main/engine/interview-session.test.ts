import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../shared/protocol';
import { createEngineHarness, scriptedInterviewer, type EngineHarness } from '../../../tests/support/engine-harness';
import { modelError } from '../providers/llm/model-error';
import type { InterviewerPort } from './ports';
import { ATTEMPTS } from './provider-failover';

let harness: EngineHarness;
beforeEach(() => {
  harness = createEngineHarness();
});
afterEach(() => harness.close());

const types = (messages: ServerMessage[]): string[] => messages.map((m) => m.type);
const errorCode = (messages: ServerMessage[]): string | undefined => messages.find((m) => m.type === 'error')?.type && (messages.find((m) => m.type === 'error') as { code: string }).code;

describe('a quick interview', () => {
  it('greets, asks 5 questions and the wrap-up, evaluates every answer, and completes with the overall score', async () => {
    const client = harness.open();
    const started = await client.start();
    expect(types(started)).toEqual(['status', 'session_started', 'question', 'status']);
    expect(client.currentQuestion).toMatchObject({ phase: 'intro', index: 1, followUp: false });

    await client.answerAll(['6', '8', '8', '7', '7', '9', '5']);
    const phases = client.messages.filter((m) => m.type === 'question').map((m) => (m as { phase: string }).phase);
    expect(phases).toEqual(['intro', 'warmup', 'warmup', 'standard', 'standard', 'advanced', 'wrapup']);
    expect(client.messages.filter((m) => m.type === 'evaluation')).toHaveLength(7);
    // Overall: the main answers 8, 8 (easy), 7, 7 (medium ×1.5), 9 (hard ×2) → 55 / 7 = 7.86 → 79;
    // the intro's 6 and the wrap-up's 5 are not scored.
    expect(client.last('interview_complete')).toMatchObject({ overallScore: 79, totalQuestions: 5 });
    expect(client.last('session_ended')).toMatchObject({ totalTurns: 7 });
    const stored = harness.repository.detail(client.last('session_started')!.interviewId, (path) => path)!;
    expect(stored.status).toBe('completed');
    expect(stored.turns.filter((t) => t.evaluation)).toHaveLength(7);
  });

  it('asks at most one follow-up per main question, and follow-ups do not count as questions', async () => {
    const client = harness.open();
    await client.start();
    await client.answer('7');
    await client.answer('follow 5');
    expect(client.currentQuestion).toMatchObject({ followUp: true, phase: 'warmup' });
    await client.answer('follow 6');
    expect(client.currentQuestion).toMatchObject({ followUp: false, phase: 'warmup' });
    await client.answerAll(['8', '8', '8', '8', 'thanks']);
    expect(client.last('interview_complete')).toMatchObject({ totalQuestions: 5 });
  });

  it('ends by rule when the bank runs out', async () => {
    const client = harness.open(scriptedInterviewer({ bankSize: 2 }));
    await client.start({ length: 'standard' });
    await client.answerAll(['5', '5', '5']);
    expect(client.currentQuestion.phase).toBe('wrapup');
    await client.answer('no questions');
    expect(client.last('interview_complete')).toBeDefined();
  });

  it('asks custom questions in order instead of the bank, then wraps up', async () => {
    const client = harness.open();
    await client.start({ questions: ['Why this company?', 'Biggest weakness?'] });
    await client.answer('7');
    expect(client.currentQuestion.text).toBe('Why this company?');
    await client.answer('7');
    expect(client.currentQuestion.text).toBe('Biggest weakness?');
    await client.answer('7');
    expect(client.currentQuestion.phase).toBe('wrapup');
  });
});

describe('scores and length add up (DESIGN.md §5.1)', () => {
  const questions = (client: { messages: ServerMessage[] }) => client.messages.filter((m) => m.type === 'question');

  it('a quick interview asks exactly 5 main questions and at most 2 follow-ups, numbered by main question', async () => {
    const client = harness.open();
    await client.start();
    // Every answer asks for a follow-up; the engine allows two in a quick interview.
    for (let turn = 0; turn < 20 && !client.last('interview_complete'); turn += 1) await client.answer('follow 5');
    const asked = questions(client).map((q) => ({ phase: q.phase, followUp: q.followUp, mainNumber: q.mainNumber, parentNumber: q.parentNumber }));
    expect(asked).toEqual([
      { phase: 'intro', followUp: false, mainNumber: undefined, parentNumber: undefined },
      { phase: 'warmup', followUp: false, mainNumber: 1, parentNumber: undefined },
      { phase: 'warmup', followUp: true, mainNumber: undefined, parentNumber: 1 },
      { phase: 'warmup', followUp: false, mainNumber: 2, parentNumber: undefined },
      { phase: 'warmup', followUp: true, mainNumber: undefined, parentNumber: 2 },
      { phase: 'warmup', followUp: false, mainNumber: 3, parentNumber: undefined },
      { phase: 'standard', followUp: false, mainNumber: 4, parentNumber: undefined },
      { phase: 'standard', followUp: false, mainNumber: 5, parentNumber: undefined },
      { phase: 'wrapup', followUp: false, mainNumber: undefined, parentNumber: undefined },
    ]);
    expect(client.last('interview_complete')).toMatchObject({ totalQuestions: 5, overallScore: 50 });
  });

  it('a follow-up raises its main question in the overall, and the report shows the same numbers as the engine', async () => {
    const client = harness.open();
    await client.start();
    await client.answerAll(['7', 'follow 4', '9', '8', '8', '8', '8', 'thanks']);
    const complete = client.last('interview_complete')!;
    const detail = harness.repository.detail(complete.interviewId, (path) => path)!;
    const main = detail.turns.filter((t) => t.mainNumber !== undefined);
    expect(main.map((t) => t.mainNumber)).toEqual([1, 2, 3, 4, 5]);
    // Question 1 scored 4 on its own; its follow-up's 9 raises it to (4 + 9) / 2 = 6.5.
    expect(main[0]).toMatchObject({ countedScore: 6.5, raisedByFollowUp: true, evaluation: { score: 4 } });
    expect(detail.turns.find((t) => t.followUp)).toMatchObject({ parentNumber: 1 });
    expect(detail.turns.filter((t) => t.phase === 'intro' || t.phase === 'wrapup').every((t) => t.countedScore === undefined && t.mainNumber === undefined)).toBe(true);
    // Easy 6.5 and 8, then medium 8, 8, 8: (14.5 + 36) / 6.5 = 7.77 → 78.
    expect(complete).toMatchObject({ overallScore: 78, totalQuestions: 5 });
    expect(detail).toMatchObject({ overallScore: 78, mainQuestions: 5, followUps: 1, skippedQuestions: 0 });
    expect(harness.db.$client.prepare('SELECT overall_score FROM interviews').pluck().get()).toBe(78);
    expect(harness.repository.list({ limit: 10, offset: 0 })[0]).toMatchObject({ overallScore: 78, mainQuestions: 5, followUps: 1 });
  });

  it('a skipped main question counts 0 and is listed as skipped', async () => {
    const client = harness.open();
    await client.start();
    await client.answer('7');
    await client.send({ type: 'skip', questionId: client.currentQuestion.questionId });
    await client.answerAll(['8', '8', '8', '8', 'thanks']);
    const complete = client.last('interview_complete')!;
    const detail = harness.repository.detail(complete.interviewId, (path) => path)!;
    expect(detail.turns.find((t) => t.mainNumber === 1)).toMatchObject({ skipped: true, countedScore: 0 });
    // 0 and 8 average below 6, so a third warm-up: easy 0, 8, 8, then medium 8, 8: 40 / 6 = 6.67 → 67.
    expect(complete).toMatchObject({ overallScore: 67, totalQuestions: 5 });
    expect(detail).toMatchObject({ overallScore: 67, skippedQuestions: 1 });
  });

  it('a resumed interview shows the same progress numbers', async () => {
    const first = harness.open();
    await first.start();
    await first.answerAll(['7', 'follow 5']);
    const followUp = first.currentQuestion;
    expect(followUp).toMatchObject({ followUp: true, parentNumber: 1 });
    const second = harness.open();
    await second.send({ type: 'resume', interviewId: first.last('session_started')!.interviewId });
    expect(second.currentQuestion).toEqual(followUp);
  });

  it('an interview stored before follow-ups were counted keeps the quick cap when resumed', async () => {
    const first = harness.open();
    await first.start();
    await first.answerAll(['7', 'follow 5', '6', 'follow 5', '6']);
    const id = first.last('session_started')!.interviewId;
    // Take the count out of the stored snapshot, as an older version wrote it.
    harness.db.$client.prepare("UPDATE interviews SET engine_state_json = json_remove(engine_state_json, '$.followUpsAsked') WHERE id = ?").run(id);
    const second = harness.open();
    await second.send({ type: 'resume', interviewId: id });
    expect(second.currentQuestion).toMatchObject({ mainNumber: 3 });
    await second.answer('follow 5');
    expect(second.currentQuestion).toMatchObject({ followUp: false, mainNumber: 4 });
  });
});

describe('standard length', () => {
  it('completes at 12 questions once 2 skill boundaries were found', async () => {
    const client = harness.open();
    await client.start({ length: 'standard' });
    // intro, 2 warmup, 2 standard (avg 8 → advanced), then advanced: two scores below 5.
    await client.answerAll(['5', '8', '8', '8', '8', '4', '4', '9', '9', '9', '9', '9', '9']);
    expect(client.currentQuestion.phase).toBe('wrapup');
    await client.answer('ok');
    expect(client.last('interview_complete')).toMatchObject({ totalQuestions: 12 });
  });

  it('goes on to 20 questions without boundaries, and no further', async () => {
    const client = harness.open();
    await client.start({ length: 'standard' });
    await client.answerAll(['5', ...Array(20).fill('9')]);
    expect(client.currentQuestion.phase).toBe('wrapup');
    expect(client.currentQuestion.index).toBe(22);
  });
});

describe('messages that do not fit the state change nothing', () => {
  it('rejects answers before a start, to an old question, and after the end', async () => {
    const client = harness.open();
    const early = await client.send({ type: 'text_answer', questionId: crypto.randomUUID(), text: 'hi' });
    expect(errorCode(early)).toBe('WRONG_STATE');

    await client.start();
    const first = client.currentQuestion;
    await client.answer('7');
    const stale = await client.send({ type: 'text_answer', questionId: first.questionId, text: 'again' });
    expect(errorCode(stale)).toBe('WRONG_STATE');

    await client.send({ type: 'end' });
    const late = await client.answer('too late');
    expect(errorCode(late)).toBe('WRONG_STATE');
    const stored = harness.repository.detail(client.last('session_started')!.interviewId, (path) => path)!;
    expect(stored.turns.filter((t) => t.answer)).toHaveLength(1);
  });

  it('rejects a second start on a live interview and an empty answer', async () => {
    const client = harness.open();
    await client.start();
    expect(errorCode(await client.start())).toBe('WRONG_STATE');
    expect(errorCode(await client.answer('   '))).toBe('EMPTY_ANSWER');
    expect(harness.repository.list({ limit: 10, offset: 0 })).toHaveLength(1);
  });

  it('rejects an unknown track and an unknown interview', async () => {
    const client = harness.open();
    expect(errorCode(await client.start({ track: 'cooking' }))).toBe('NOT_FOUND');
    expect(errorCode(await client.send({ type: 'resume', interviewId: crypto.randomUUID() }))).toBe('NOT_FOUND');
  });
});

describe('skip, repeat, pause, end', () => {
  it('skip moves on without an evaluation; repeat re-sends the same question', async () => {
    const client = harness.open();
    await client.start();
    const intro = client.currentQuestion;
    const repeated = await client.send({ type: 'repeat', questionId: intro.questionId });
    expect(repeated.find((m) => m.type === 'question')).toEqual(intro);
    const skipped = await client.send({ type: 'skip', questionId: intro.questionId });
    expect(types(skipped)).not.toContain('evaluation');
    expect(client.currentQuestion.index).toBe(2);
  });

  it('pause holds answers until resumed', async () => {
    const client = harness.open();
    await client.start();
    const id = client.last('session_started')!.interviewId;
    expect(types(await client.send({ type: 'pause' }))).toEqual(['status']);
    expect(client.last('status')?.state).toBe('paused');
    expect(harness.repository.current()).toMatchObject({ id, status: 'paused' });
    expect(errorCode(await client.answer('7'))).toBe('WRONG_STATE');
    const resumed = await client.send({ type: 'resume', interviewId: id });
    expect(resumed[0]).toMatchObject({ type: 'session_started', resumed: true });
    await client.answer('7');
    expect(client.currentQuestion.index).toBe(2);
  });

  it('end produces a report of what was answered', async () => {
    const client = harness.open();
    await client.start();
    await client.answerAll(['5', '8', '6']);
    const ended = await client.send({ type: 'end' });
    expect(types(ended)).toEqual(['interview_complete', 'session_ended']);
    // Main questions 8 and 6 count; the third, on screen at End, was neither answered nor skipped.
    expect(client.last('interview_complete')).toMatchObject({ overallScore: 70, totalQuestions: 2 });
    const detail = harness.repository.detail(client.last('session_started')!.interviewId, (path) => path)!;
    expect(detail.status).toBe('ended');
    expect(detail.turns.filter((t) => t.evaluation).map((t) => t.evaluation!.score)).toEqual([5, 8, 6]);
  });
});

describe('resume', () => {
  it('continues at the current question in a new session, and the first window is told', async () => {
    const first = harness.open();
    await first.start();
    await first.answerAll(['6', '8']);
    const id = first.last('session_started')!.interviewId;
    const current = first.currentQuestion;

    const second = harness.open();
    const resumed = await second.send({ type: 'resume', interviewId: id });
    expect(types(resumed)).toEqual(['session_started', 'question', 'status']);
    expect(second.currentQuestion).toEqual(current);
    expect(first.last('error')).toMatchObject({ code: 'WRONG_STATE' });
    expect(errorCode(await first.answer('9'))).toBe('WRONG_STATE');
    await second.answer('9');
    expect(second.currentQuestion.index).toBe(4);
  });

  it('refuses to resume a finished interview', async () => {
    const client = harness.open();
    await client.start();
    await client.send({ type: 'end' });
    const id = client.last('session_started')!.interviewId;
    expect(errorCode(await harness.open().send({ type: 'resume', interviewId: id }))).toBe('WRONG_STATE');
  });
});

describe('provider failure', () => {
  it('retries, falls back to the embedded interviewer, says so, and loses nothing', async () => {
    let calls = 0;
    const failing: InterviewerPort = {
      ...scriptedInterviewer({ name: 'openai' }),
      evaluate: async () => {
        calls += 1;
        throw new Error('HTTP 503');
      },
    };
    const client = harness.open(failing, scriptedInterviewer({ name: 'embedded' }));
    await client.start();
    const messages = await client.answer('7');
    expect(calls).toBe(ATTEMPTS);
    expect(messages.find((m) => m.type === 'error')).toMatchObject({ code: 'PROVIDER_FAILED', recoverable: true });
    expect(messages.find((m) => m.type === 'evaluation')).toMatchObject({ score: 7 });
    const detail = harness.repository.detail(client.last('session_started')!.interviewId, (path) => path)!;
    expect(detail.turns[0]!.answer?.text).toBe('7');
  });

  it('does not retry a refused key, and names the service in one notice', async () => {
    let calls = 0;
    const refused: InterviewerPort = {
      ...scriptedInterviewer({ name: 'anthropic' }),
      service: 'Anthropic',
      evaluate: async () => {
        calls += 1;
        throw modelError('UNAUTHORIZED', 'Anthropic', { status: 401 });
      },
    };
    const client = harness.open(refused, scriptedInterviewer({ name: 'embedded' }));
    await client.start();
    const messages = await client.answer('6');
    expect(calls).toBe(1);
    const notices = messages.filter((m) => m.type === 'error');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ code: 'PROVIDER_FAILED', message: expect.stringMatching(/^Anthropic did not accept the API key: check it in Settings\. The built-in interviewer took over/) });
    const id = client.last('session_started')!.interviewId;
    expect(harness.repository.detail(id, (path) => path)!.turns[0]!.evaluation).toMatchObject({ score: 6 });
  });

  it('tells the user once while the provider keeps failing, and stops asking it after three failed turns', async () => {
    let calls = 0;
    const down: InterviewerPort = {
      ...scriptedInterviewer({ name: 'openai-compatible' }),
      service: 'the model server at 127.0.0.1:9',
      evaluate: async () => {
        calls += 1;
        throw modelError('BAD_RESPONSE', 'the model server at 127.0.0.1:9');
      },
    };
    const client = harness.open(down, scriptedInterviewer({ name: 'embedded' }));
    await client.start();
    const notices: string[] = [];
    for (const score of ['5', '6', '7', '8', '6']) {
      const messages = await client.answer(score);
      notices.push(...messages.flatMap((m) => (m.type === 'error' ? [m.message] : [])));
      expect(messages.some((m) => m.type === 'evaluation')).toBe(true);
    }
    expect(calls).toBe(3);
    expect(notices).toEqual([
      expect.stringMatching(/^The model server at 127\.0\.0\.1:9 answered with something that could not be read\./),
      'The model server at 127.0.0.1:9 failed three questions in a row, so the built-in interviewer will finish this interview.',
    ]);
  });

  it('keeps the answer when evaluation fails entirely, and evaluates it on resume', async () => {
    const broken: InterviewerPort = { ...scriptedInterviewer(), evaluate: async () => Promise.reject(new Error('bug')) };
    const client = harness.open(broken);
    await client.start();
    const id = client.last('session_started')!.interviewId;
    const messages = await client.answer('8');
    expect(messages.some((m) => m.type === 'error' && m.code === 'INTERNAL')).toBe(true);
    expect(harness.repository.detail(id, (path) => path)!.turns[0]!.answer?.text).toBe('8');

    const healed = harness.open();
    const resumed = await healed.send({ type: 'resume', interviewId: id });
    expect(resumed.find((m) => m.type === 'evaluation')).toMatchObject({ score: 8 });
    expect(healed.currentQuestion.index).toBe(2);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/shared/protocol';
import { startTestHost, TestClient, type HostFixture } from '../support/host-fixture';

/**
 * Issue #9, fault 15: a `start` over a limit is refused with a BAD_MESSAGE that names the
 * limit, and no interview is made from a cut-down config, over the real WebSocket host.
 */
let fixture: HostFixture;
let client: TestClient;
beforeEach(async () => {
  fixture = await startTestHost();
  client = await TestClient.open(fixture.host.ws);
});
afterEach(async () => {
  client.close();
  await fixture.stop();
});

const start = (config: Record<string, unknown>): void => client.send({ type: 'start', config: { track: 'backend', mode: 'text', length: 'quick', ...config } });
const isError = (frame: Record<string, unknown>): boolean => frame.type === 'error';

describe('start over a limit', () => {
  it('refuses 60 custom questions, naming the limit of 50, and starts nothing', async () => {
    start({ questions: Array.from({ length: 60 }, (_, i) => `Question number ${i + 1}?`) });
    expect(await client.next(isError)).toEqual({ type: 'error', code: 'BAD_MESSAGE', message: `config.questions: at most ${LIMITS.customQuestions} custom questions`, recoverable: true });
    expect(await client.call('interviews.list')).toMatchObject({ type: 'rpc_result', result: [] });
  });

  it('refuses a 50 KB job description, naming the limit of 20,000 characters', async () => {
    start({ jobDescription: 'Kafka and Postgres. '.repeat(2_560) });
    expect(await client.next(isError)).toMatchObject({ code: 'BAD_MESSAGE', message: 'config.jobDescription: at most 20,000 characters', recoverable: true });
    expect(await client.call('interviews.list')).toMatchObject({ type: 'rpc_result', result: [] });
  });

  it('refuses a custom question over 2,000 characters and a résumé over 50,000', async () => {
    start({ questions: ['Why?', 'a'.repeat(LIMITS.questionTextChars + 1)] });
    expect(await client.next(isError)).toMatchObject({ code: 'BAD_MESSAGE', message: 'config.questions.1: at most 2,000 characters' });
    start({ resume: 'r'.repeat(LIMITS.resumeChars + 1) });
    expect(await client.next(isError)).toMatchObject({ code: 'BAD_MESSAGE', message: 'config.resume: at most 50,000 characters' });
  });

  it('starts at exactly the limits, with every question kept', async () => {
    start({ questions: Array.from({ length: LIMITS.customQuestions }, (_, i) => `Question number ${i + 1}?`), jobDescription: 'j'.repeat(LIMITS.jobDescriptionChars) });
    const started = await client.next((frame) => frame.type === 'session_started');
    expect((started.config as { questions: string[] }).questions).toHaveLength(LIMITS.customQuestions);
    expect((started.config as { jobDescription: string }).jobDescription).toHaveLength(LIMITS.jobDescriptionChars);
  });
});

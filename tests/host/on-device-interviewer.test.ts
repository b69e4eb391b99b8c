import { afterEach, describe, expect, it } from 'vitest';
import { startTestHost, TestClient, type HostFixture } from '../support/host-fixture';
import { installOnDeviceModel, ON_DEVICE_TEST_MODEL } from '../support/llm/on-device-model-fixture';
import { syntheticGgufBytes } from '../support/llm/synthetic-gguf-model';
import { makeTempDir } from '../support/temp-dir';

/**
 * A whole quick text interview through the real host with the interviewer "On this computer"
 * (issue #12): the synthetic GGUF model, installed through the model manager, runs in its child
 * process; every answer is judged by its grammar-valid output. The test asserts the pipeline,
 * not the quality of a random model's words.
 */
let fixture: HostFixture | undefined;
let temp: ReturnType<typeof makeTempDir> | undefined;
afterEach(async () => {
  await fixture?.stop();
  temp?.remove();
  fixture = undefined;
  temp = undefined;
});

interface Detail {
  turns: { answer?: unknown; evaluation?: { evaluator?: string } }[];
  modelUsage?: { provider: string; model: string; calls: number }[];
}

/** A quick text interview with the installed model chosen, answered to the end. */
async function quickInterview(model?: Buffer): Promise<{ detail: Detail; frames: Record<string, unknown>[]; last: string }> {
  temp = makeTempDir('on-device-interview');
  const { dataDir, resourcesDir } = await installOnDeviceModel(temp.path, model);
  fixture = await startTestHost({ dataDir, resourcesDir, fetch: () => Promise.reject(new Error('no downloads in this test')) });
  const client = await TestClient.open(fixture.host.ws);
  expect(await client.call('settings.set', { interviewer: { provider: 'on-device', model: ON_DEVICE_TEST_MODEL, threads: 1 } })).toHaveProperty('result');
  client.send({ type: 'start', config: { track: 'backend', mode: 'text', length: 'quick' } });
  const started = await client.next((frame) => frame.type === 'session_started', 10_000);
  let step = await client.next((frame) => frame.type === 'question', 120_000);
  for (let turn = 1; step.type === 'question' && turn <= 15; turn += 1) {
    client.send({ type: 'text_answer', questionId: step.questionId, text: `I would use a queue with retries and idempotent handlers, answer ${turn}.` });
    step = await client.next((frame) => frame.type === 'question' || frame.type === 'interview_complete', 120_000);
  }
  const detail = (await client.call('interviews.get', { interviewId: started.interviewId })).result as Detail;
  return { detail, frames: client.frames, last: step.type as string };
}

describe('a quick interview with the model on this computer', { timeout: 300_000 }, () => {
  it('ends on a report whose answers the embedded model judged', async () => {
    const { detail, last } = await quickInterview();
    expect(last).toBe('interview_complete');
    expect(detail.turns.length).toBeGreaterThan(0);
    expect(detail.turns.every((turn) => turn.answer && turn.evaluation?.evaluator === 'on-device')).toBe(true);
    expect(detail.modelUsage).toEqual([expect.objectContaining({ provider: 'on-device', model: ON_DEVICE_TEST_MODEL })]);
  });

  it('goes on with the built-in interviewer and one notice when the model cannot be loaded, and the host survives', async () => {
    // A well-formed file llama.cpp refuses (an unknown architecture): the child fails its load.
    const { detail, frames, last } = await quickInterview(syntheticGgufBytes({ metadata: { 'general.architecture': 'no-such-architecture' } }));
    expect(last).toBe('interview_complete');
    expect(detail.turns.every((turn) => turn.answer && turn.evaluation?.evaluator === 'embedded')).toBe(true);
    const notices = frames.filter((frame) => frame.type === 'error' && frame.code === 'PROVIDER_FAILED');
    // One calm notice for the failed step, and one when the engine hands the rest of the interview over.
    expect(notices.map((notice) => notice.message)).toEqual([expect.stringMatching(/could not be loaded: download it again/), expect.stringMatching(/built-in interviewer will finish this interview/)]);
  });
});

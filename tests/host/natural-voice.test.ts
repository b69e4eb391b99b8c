import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestHost, TestClient, type HostFixture } from '../support/host-fixture';

/**
 * The natural voice ('local') through the real services: models say what they are for, the
 * setting is accepted without a voice, and with no voice installed (or OpenAI speech without a
 * key) the system voice speaks the questions, with one recoverable notice (issue #9).
 */
let fixture: HostFixture;
beforeEach(async () => {
  // Nothing here downloads; a fetch that refuses keeps it that way.
  fixture = await startTestHost({ fetch: () => Promise.reject(new Error('no network in this test')) });
});
afterEach(async () => {
  await fixture.stop();
});

describe('natural voices over the protocol', () => {
  it('lists every model with its purpose, speech-to-text models among them', async () => {
    const client = await TestClient.open(fixture.host.ws);
    const models = (await client.call('models.list')).result as { id: string; purpose: string }[];
    expect(models.every((model) => model.purpose === 'speech-to-text' || model.purpose === 'voice')).toBe(true);
    expect(models.some((model) => model.purpose === 'speech-to-text')).toBe(true);
    client.close();
  });

  it("speaks with the system voice when 'local' is chosen and no voice is installed, and says why once (issue #9)", async () => {
    const client = await TestClient.open(fixture.host.ws);
    expect(await client.call('settings.set', { textToSpeech: { provider: 'local' } })).toMatchObject({ result: { textToSpeech: { provider: 'local' } } });

    client.send({ type: 'start', config: { track: 'backend', mode: 'voice', questions: ['How would you speed up a slow query?'] } });
    const question = await client.next((frame) => frame.type === 'question', 10_000);
    expect(question).toMatchObject({ text: expect.stringMatching(/\w/), audio: { url: expect.stringMatching(/^\/media\/.+\.wav\?token=/) } });
    expect(await client.next((frame) => frame.type === 'error', 10_000)).toMatchObject({
      code: 'TTS_FALLBACK',
      recoverable: true,
      // The chosen voice's own sentence says what to do, then who speaks instead.
      message: expect.stringMatching(/natural voice.*\. The system voice reads the questions instead\.$/i),
    });
    client.send({ type: 'text_answer', questionId: question.questionId, text: 'I would look at the query plan and add an index.' });
    const next = await client.next((frame) => frame.type === 'question', 10_000);
    expect(next.audio).toBeDefined();
    expect(client.frames.filter((frame) => frame.type === 'error')).toEqual([]);
    client.close();
  });

  it('speaks with the system voice when OpenAI speech has no key yet', async () => {
    const client = await TestClient.open(fixture.host.ws);
    await client.call('settings.set', { textToSpeech: { provider: 'openai' } });
    client.send({ type: 'start', config: { track: 'backend', mode: 'voice', questions: ['How would you speed up a slow query?'] } });
    const question = await client.next((frame) => frame.type === 'question', 10_000);
    expect(question.audio).toBeDefined();
    expect(await client.next((frame) => frame.type === 'error', 10_000)).toMatchObject({ code: 'TTS_FALLBACK', message: expect.stringMatching(/The system voice reads the questions instead\.$/) });
    client.close();
  });

  it('clears a voice with null when switching away from a natural voice', async () => {
    const client = await TestClient.open(fixture.host.ws);
    await client.call('settings.set', { textToSpeech: { provider: 'local', voice: 'some-voice' } });
    const reply = await client.call('settings.set', { textToSpeech: { provider: 'system', voice: null } });
    expect((reply.result as { textToSpeech: unknown }).textToSpeech).toEqual({ provider: 'system' });
    client.close();
  });
});

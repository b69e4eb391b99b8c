import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestHost, TestClient, type HostFixture } from '../support/host-fixture';

/**
 * The natural voice ('local') through the real services: models say what they are for, the
 * setting is accepted without a voice, and with no voice installed questions are still
 * shown, as text, with a recoverable error rather than a stuck interview.
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

  it("shows questions as text when 'local' is chosen and no voice is installed", async () => {
    const client = await TestClient.open(fixture.host.ws);
    expect(await client.call('settings.set', { textToSpeech: { provider: 'local' } })).toMatchObject({ result: { textToSpeech: { provider: 'local' } } });

    client.send({ type: 'start', config: { track: 'backend', mode: 'voice', questions: ['How would you speed up a slow query?'] } });
    const question = await client.next((frame) => frame.type === 'question', 10_000);
    expect(question).toMatchObject({ text: expect.stringMatching(/\w/) });
    expect(question.audio).toBeUndefined();
    expect(await client.next((frame) => frame.type === 'error', 10_000)).toMatchObject({
      code: 'TTS_FAILED',
      recoverable: true,
      // The voice's own sentence says what to do, and the question is still there to read.
      message: expect.stringMatching(/natural voice.*\. The question is shown as text\.$/i),
    });
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

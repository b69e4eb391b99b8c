import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { startTestHost, TestClient, type HostFixture } from '../support/host-fixture';
import { canListOpenFiles, openFilesUnder } from '../support/open-files';

/**
 * Issue #9, fault 3: resuming an interview while it was recording left the recording's WAV
 * open, one file descriptor per resume, even after the socket closed. Counted from
 * /proc/<pid>/fd, so it sees what the process really holds.
 */
let fixture: HostFixture;
beforeEach(async () => {
  fixture = await startTestHost();
});
afterEach(async () => {
  await fixture.stop();
});

const openRecordings = (): string[] => openFilesUnder(fixture.dataDir, '.wav');
const CHUNK = new Uint8Array(1_600).fill(7);

describe.skipIf(!canListOpenFiles)('recordings interrupted by resume', () => {
  it('keeps at most the current recording open over 20 resumes, and none once the socket closes', async () => {
    const client = await TestClient.open(fixture.host.ws);
    await client.call('settings.set', { textToSpeech: { provider: 'none' }, speechToText: { provider: 'none' } });
    client.send({ type: 'start', config: { track: 'backend', mode: 'voice', length: 'quick' } });
    const { interviewId } = await client.next((frame) => frame.type === 'session_started', 10_000);
    let question = await client.next((frame) => frame.type === 'question', 10_000);

    for (let round = 0; round < 20; round += 1) {
      client.send({ type: 'audio_start', questionId: question.questionId, sampleRate: 16_000, encoding: 'pcm_s16le' });
      for (let chunk = 0; chunk < 3; chunk += 1) client.socket.send(CHUNK);
      await client.next((frame) => frame.type === 'status' && frame.state === 'listening');
      expect(openRecordings().length).toBeLessThanOrEqual(1);
      client.send({ type: 'resume', interviewId });
      await client.next((frame) => frame.type === 'session_started' && frame.resumed === true);
      question = await client.next((frame) => frame.type === 'question');
    }
    expect(openRecordings().length).toBeLessThanOrEqual(1);

    // What was said before the last resume is kept, as the recording of the current question.
    const detail = (await client.call('interviews.get', { interviewId })).result as { turns: { answer?: { audioUrl?: string } }[] };
    expect(detail.turns.at(-1)?.answer?.audioUrl).toMatch(/\/answers\/.+\.wav/);

    client.send({ type: 'audio_start', questionId: question.questionId, sampleRate: 16_000, encoding: 'pcm_s16le' });
    await client.next((frame) => frame.type === 'status' && frame.state === 'listening');
    client.close();
    await eventually(() => openRecordings().length === 0, 10_000);
  });
});

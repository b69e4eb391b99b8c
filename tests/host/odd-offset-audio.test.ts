import type { Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { computePeaks } from '../../src/main/audio/peaks';
import { readWav } from '../../src/main/audio/wav-file';
import { startTestHost, TestClient, type HostFixture } from '../support/host-fixture';
import { jsonReply, startTranscriptionServer, type TranscriptionServer } from '../support/stt/fake-transcription-server';

/**
 * Issue #9, fault 1: the `ws` library hands the host each frame as a view into the buffer it
 * read from the socket. An audio frame that follows a 51-byte rpc frame in the same read starts
 * at an odd byte offset there, where an Int16Array cannot be laid over it. Such chunks were
 * written to the WAV but missing from the waveform and the live transcript.
 */
const SAMPLE_RATE = 16_000;
const CHUNK_SAMPLES = 800; // 50 ms, as the renderer sends
const CHUNKS = 40;
/** 51 bytes: with the 6-byte header of a masked client frame and the audio frame's 8, the audio starts 65 bytes in. */
const RPC_FRAME = JSON.stringify({ type: 'rpc', id: 1, method: 'interviews.current' });

/** Quiet room, then 0.9 s of a tone (a phrase), then quiet again: every chunk has something in it. */
function chunkBytes(index: number): Uint8Array {
  const samples = new Int16Array(CHUNK_SAMPLES);
  const voiced = index >= 6 && index < 24;
  for (let i = 0; i < CHUNK_SAMPLES; i++) {
    const n = index * CHUNK_SAMPLES + i;
    samples[i] = voiced ? Math.round(10_000 * Math.sin((2 * Math.PI * 440 * n) / SAMPLE_RATE)) : ((n * 7919) % 61) - 30;
  }
  return new Uint8Array(samples.buffer);
}

/**
 * Both frames in one TCP write, so the host reads them from one buffer as in the probe. `ws`
 * has no public way to batch frames; corking its socket is the least intrusive one.
 */
function sendAfterRpcFrame(client: TestClient, chunk: Uint8Array): void {
  const socket = (client.socket as unknown as { _socket: Socket })._socket;
  socket.cork();
  client.send(RPC_FRAME);
  client.socket.send(chunk);
  socket.uncork();
}

let fixture: HostFixture;
let recognizer: TranscriptionServer;
beforeEach(async () => {
  recognizer = await startTranscriptionServer(() => jsonReply({ text: 'a phrase' }));
  fixture = await startTestHost();
});
afterEach(async () => {
  await fixture.stop();
  await recognizer.close();
});

it('puts every audio chunk into the waveform and the live transcript, whatever its offset in the read buffer', async () => {
  expect(Buffer.byteLength(RPC_FRAME)).toBe(51);
  const client = await TestClient.open(fixture.host.ws);
  await client.call('settings.set', {
    speechToText: { provider: 'openai-compatible', baseUrl: recognizer.baseURL, model: 'whisper-test' },
    textToSpeech: { provider: 'none' },
  });
  client.send({ type: 'start', config: { track: 'backend', mode: 'voice', questions: ['Tell me about a hard bug you fixed.'] } });
  const { interviewId } = await client.next((frame) => frame.type === 'session_started', 10_000);
  const question = await client.next((frame) => frame.type === 'question', 10_000);
  const questionId = question.questionId as string;

  client.send({ type: 'audio_start', questionId, sampleRate: SAMPLE_RATE, encoding: 'pcm_s16le' });
  for (let index = 0; index < CHUNKS; index++) sendAfterRpcFrame(client, chunkBytes(index));
  // The phrase ends 600 ms into the quiet: the live transcript must have heard it.
  expect(await client.next((frame) => frame.type === 'transcription' && frame.isFinal === false, 15_000)).toMatchObject({ text: 'a phrase' });
  client.send({ type: 'audio_end', questionId });
  const final = await client.next((frame) => frame.type === 'transcription' && frame.isFinal === true, 15_000);

  expect(client.frames.filter((frame) => frame.type === 'error')).toEqual([]);
  const recording = readWav(join(fixture.dataDir, 'media', interviewId as string, 'answers', `${questionId}.wav`));
  expect(recording.samples.length).toBe(CHUNKS * CHUNK_SAMPLES);
  const { peaks, durationMs } = final.audio as { peaks: number[]; durationMs: number };
  expect(durationMs).toBe(2000);
  expect(peaks).toHaveLength(100);
  expect(peaks).toEqual(computePeaks(recording.samples, SAMPLE_RATE));
  client.close();
});

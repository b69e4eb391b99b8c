import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { startTestHost, TestClient, type HostFixture } from '../support/host-fixture';
import { jsonReply, startTranscriptionServer, type TranscriptionServer } from '../support/stt/fake-transcription-server';
import { makeTempDir } from '../support/temp-dir';
import { createGatedVoice, withFirstOnPath, type GatedVoice } from '../support/tts/gated-voice';

/**
 * Issue #9, fault 6: window B resumed a voice interview while window A's answer was still
 * being handled (the next question being spoken). B got the question A had just answered,
 * B's answer then failed with INTERNAL and was lost, A still got the next question after
 * being told it was detached, and WAVs were left that no turn refers to. The voice is held
 * at a gate for exactly that window, so every round hits the race.
 */
let fixture: HostFixture;
let recognizer: TranscriptionServer;
let voice: GatedVoice;
let restorePath: () => void;
const temp = makeTempDir('voice-race');

beforeAll(async () => {
  voice = createGatedVoice(temp.path);
  restorePath = withFirstOnPath(voice.binDir);
  recognizer = await startTranscriptionServer(() => jsonReply({ text: 'I would add an index and check the query plan' }));
  fixture = await startTestHost();
  const setup = await TestClient.open(fixture.host.ws);
  await setup.call('settings.set', {
    speechToText: { provider: 'openai-compatible', baseUrl: recognizer.baseURL, model: 'whisper-race' },
    textToSpeech: { provider: 'system' },
  });
  setup.close();
});
afterAll(async () => {
  voice.release();
  await fixture.stop();
  await recognizer.close();
  restorePath();
  temp.remove();
});

type Frame = Record<string, unknown>;
const SPEECH = new Uint8Array(3_200).map((_, i) => (i % 2 === 0 ? (i * 37) & 0xff : ((i * 11) & 0x3f) - 0x20));
const WAIT_MS = 20_000;

/** Records a (synthetic) spoken answer to the current question and waits for its transcript. */
async function speakAnswer(client: TestClient, questionId: unknown): Promise<void> {
  client.send({ type: 'audio_start', questionId, sampleRate: 16_000, encoding: 'pcm_s16le' });
  for (let chunk = 0; chunk < 10; chunk += 1) client.socket.send(SPEECH);
  client.send({ type: 'audio_end', questionId });
  await client.next((frame) => frame.type === 'transcription' && frame.questionId === questionId && frame.isFinal === true, WAIT_MS);
}

/** Every file under the interview's media folder, relative to the media folder. */
function mediaFiles(interviewId: string): string[] {
  const media = join(fixture.dataDir, 'media');
  const dir = join(media, interviewId);
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(media, join(entry.parentPath, entry.name)));
}

/** The media files the stored interview refers to (question audio and answer recordings). */
function referencedFiles(detail: { turns: { questionAudioUrl?: string; answer?: { audioUrl?: string } }[] }): string[] {
  const path = (url: string): string => decodeURIComponent(new URL(url, 'http://host').pathname.slice('/media/'.length));
  return detail.turns.flatMap((turn) => [turn.questionAudioUrl, turn.answer?.audioUrl].filter((url): url is string => Boolean(url)).map(path));
}

async function raceOnce(): Promise<void> {
  const a = await TestClient.open(fixture.host.ws);
  a.send({ type: 'start', config: { track: 'backend', mode: 'voice', questions: ['How would you speed up a slow query?', 'How do you review a pull request?', 'What makes an API easy to use?'] } });
  const interviewId = String((await a.next((frame) => frame.type === 'session_started', WAIT_MS)).interviewId);
  const first = await a.next((frame) => frame.type === 'question', WAIT_MS);
  await speakAnswer(a, first.questionId);

  // A confirms its transcript; the next question is held in its synthesis while B resumes.
  voice.hold();
  a.send({ type: 'text_answer', questionId: first.questionId, text: 'I would add an index and check the query plan' });
  await eventually(() => voice.waiting(), WAIT_MS);
  const b = await TestClient.open(fixture.host.ws);
  b.send({ type: 'resume', interviewId });
  // The host has read B's resume once a call sent after it is answered.
  await b.call('interviews.current');
  voice.release();

  // B is given the next question, not the one A had just answered.
  const resumed = await b.next((frame) => frame.type === 'session_started', WAIT_MS);
  expect(resumed).toMatchObject({ interviewId, resumed: true });
  const bQuestion = await b.next((frame) => frame.type === 'question', WAIT_MS);
  expect(bQuestion.questionId).not.toBe(first.questionId);
  const aNext = await a.next((frame) => frame.type === 'question', WAIT_MS);
  expect(bQuestion.questionId).toBe(aNext.questionId);

  // B answers by voice, and it is evaluated, not lost.
  await speakAnswer(b, bQuestion.questionId);
  b.send({ type: 'text_answer', questionId: bQuestion.questionId, text: 'I read the tests first, then the change' });
  await b.next((frame) => frame.type === 'evaluation' && frame.questionId === bQuestion.questionId, WAIT_MS);
  await b.next((frame) => frame.type === 'question', WAIT_MS);
  expect(b.frames.filter((frame) => frame.type === 'error')).toEqual([]);

  // A was told once, and after that got nothing more.
  const aFrames: Frame[] = [...a.frames];
  const detachedAt = aFrames.findIndex((frame) => frame.type === 'error' && /another window/.test(String(frame.message)));
  expect(detachedAt).toBeGreaterThanOrEqual(0);
  expect(aFrames.slice(detachedAt + 1)).toEqual([]);
  expect(aFrames.filter((frame) => frame.type === 'error' && frame.code !== 'WRONG_STATE')).toEqual([]);

  // Both answers are stored with their evaluations, and every WAV belongs to a turn.
  const detail = (await b.call('interviews.get', { interviewId })).result as {
    turns: { questionId: string; questionAudioUrl?: string; answer?: { text?: string; audioUrl?: string }; evaluation?: unknown }[];
  };
  const answered = detail.turns.filter((turn) => turn.answer?.text);
  expect(answered.map((turn) => turn.questionId)).toEqual([first.questionId, bQuestion.questionId]);
  expect(answered.every((turn) => turn.evaluation && turn.answer?.audioUrl)).toBe(true);
  expect(mediaFiles(interviewId).sort()).toEqual(referencedFiles(detail).sort());
  a.close();
  b.close();
}

describe('two windows, voice mode', () => {
  it('orders a resume after the turn in flight: B gets the next question, A nothing more, and nothing is lost', async () => {
    for (let round = 0; round < 4; round += 1) await raceOnce();
  }, 120_000);
});

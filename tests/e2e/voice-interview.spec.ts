import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { readWav, writeWav } from '../../src/main/audio/wav-file';
import { findSpeechSegments } from '../../src/shared/audio/vad';
import { padded, speechClip } from '../support/audio/speech-audio';
import { withNoise } from '../support/audio/speech-recording';
import { bestEnvelopeCorrelation, energyEnvelope } from '../support/envelope';
import { chromiumWithFakeMicrophone } from '../support/fake-microphone';
import { jsonReply } from '../support/stt/fake-transcription-server';
import { startVoiceHost, type VoiceHost } from '../support/voice-host';

/**
 * Issue #4 end to end in Debian's Chromium: the microphone is a WAV that espeak-ng spoke
 * (Chromium's fake capture device), questions are spoken by the system voice and played in
 * the page, recognition goes to a loopback server speaking OpenAI's transcription API.
 */
const audioDir = mkdtempSync(join(tmpdir(), 'e2e-voice-audio-'));
const spoken = speechClip(audioDir, 'answer', 'I would add an index on the customer id column and check the query plan before and after.', { sampleRate: 48_000 });
const SILENCE_MS = 1_200;
/**
 * The microphone: a quiet room (-55 dBFS noise, as between the words too), the answer, and
 * 4 s more of the room, in which the silence detector must end the answer.
 */
const microphoneFile = join(audioDir, 'microphone.wav');
writeWav(microphoneFile, withNoise(readWav(padded(audioDir, 'padded', spoken, 300, 4_000)).samples, -55), 48_000);

test.use({ launchOptions: chromiumWithFakeMicrophone(microphoneFile) });

let host: VoiceHost;

test.beforeEach(async () => {
  host = await startVoiceHost({
    reply: () => jsonReply({ text: 'I would add an index on the customer id column and check the query plan' }),
    textToSpeech: { provider: 'system' },
    silenceMs: SILENCE_MS,
  });
});

test.afterEach(() => host.stop());

async function startVoiceInterview(page: Page, questions: string[]): Promise<void> {
  await page.goto(host.serve.url);
  await expect(page.getByTestId('connection-state')).toHaveText('Connected');
  await page.getByRole('button', { name: /Backend engineering/ }).click();
  await page.getByLabel('voice').check();
  await page.getByText('Tailor it').click();
  await page.getByLabel('Your own questions, one per line').fill(questions.join('\n'));
  await page.getByRole('button', { name: 'Start interview' }).click();
}

function storedAnswers(): string[] {
  const media = join(host.dataDir, 'media');
  return readdirSync(media).flatMap((interview) => {
    const dir = join(media, interview, 'answers');
    try {
      return readdirSync(dir).map((name) => join(dir, name));
    } catch {
      return [];
    }
  });
}

test('the spoken question plays, the fake microphone answer is recorded faithfully, and silence ends it', async ({ page }) => {
  await startVoiceInterview(page, ['How would you speed up a slow query?']);
  // The question is spoken, and its end (playback_complete) starts hands-free listening.
  await expect(page.getByTestId('status-line')).toHaveText('The interviewer is speaking…');
  await expect(page.getByTestId('voice-panel')).toHaveAttribute('data-recorder', 'recording', { timeout: 30_000 });
  // Silence after the answer ends it; the transcript arrives for review.
  await expect(page.getByLabel(/Your answer/)).toHaveValue(/customer id column/, { timeout: 30_000 });
  await expect(page.getByTestId('live-transcript-note')).toBeHidden();
  // The recogniser is on this computer, so the phrase may also have been sent on its own
  // for a partial transcript (tests/e2e/live-transcript.spec.ts); the final upload is the answer.
  expect(host.recognizer.received.length).toBeGreaterThanOrEqual(1);
  expect(host.recognizer.received.length).toBeLessThanOrEqual(2);
  expect(host.recognizer.received.every((upload) => upload.fields.model === 'whisper-e2e')).toBe(true);

  const [recording] = storedAnswers();
  const stored = readWav(recording!);
  const source = readWav(microphoneFile);
  const speechOf = (audio: typeof stored) => findSpeechSegments(audio.samples, audio.format.sampleRate);
  const sourceSpeech = speechOf(source);
  const storedSpeech = speechOf(stored);
  const span = (segments: typeof sourceSpeech) => segments.at(-1)!.endMs - segments[0]!.startMs;
  // The spoken part is all there: its length within 2% of the source's.
  expect(Math.abs(span(storedSpeech) - span(sourceSpeech)) / span(sourceSpeech)).toBeLessThan(0.02);
  // And it is the same speech: the energy envelopes correlate.
  const alignment = bestEnvelopeCorrelation(energyEnvelope(source.samples, source.format.sampleRate), energyEnvelope(stored.samples, stored.format.sampleRate));
  expect(alignment.correlation).toBeGreaterThan(0.8);
  // Voice activity detection ended the answer after the configured silence (plus one chunk or so).
  const trailingSilence = stored.durationMs - storedSpeech.at(-1)!.endMs;
  expect(trailingSilence).toBeGreaterThanOrEqual(SILENCE_MS - 100);
  expect(trailingSilence).toBeLessThan(SILENCE_MS + 600);
});

test('a complete voice interview ends on a report with waveforms and speech analytics', async ({ page }) => {
  await startVoiceInterview(page, ['How would you speed up a slow query?']);
  // intro, the one custom question, the wrap-up: each spoken, answered aloud, transcribed, confirmed.
  for (const progress of ['Introduction', 'Question 1 of 1', 'Your questions for us']) {
    await expect(page.getByTestId('question-meta')).toContainText(progress);
    const answerBox = page.getByLabel(/Your answer/);
    await expect(answerBox).toHaveValue(/customer id column/, { timeout: 30_000 });
    // The final transcript, not a partial one, is what the candidate reviews.
    await expect(page.getByTestId('live-transcript-note')).toBeHidden();
    // The candidate corrects the transcript before it is evaluated.
    await answerBox.fill(`${await answerBox.inputValue()}, then measure again.`);
    await page.getByRole('button', { name: 'Send answer' }).click();
  }
  await expect(page).toHaveURL(/#\/report\//, { timeout: 30_000 });
  const turns = page.getByTestId('report-turn');
  await expect(turns).toHaveCount(3);
  // Each question and each answer has its waveform; each answer its analytics.
  await expect(page.getByTestId('waveform')).toHaveCount(6);
  await expect(page.getByTestId('speech-analytics')).toHaveCount(3);
  await expect(page.getByTestId('speech-analytics').first()).toContainText(/\d+ words\/min/);
  await expect(turns.first().locator('blockquote')).toHaveText(/then measure again\.$/);
  // One upload per answer, and at most one more per answer for its partial transcript.
  expect(host.recognizer.received.length).toBeGreaterThanOrEqual(3);
  expect(host.recognizer.received.length).toBeLessThanOrEqual(6);
  // The waveform plays the recording from the host.
  await page.getByRole('button', { name: 'Play answer' }).first().click();
  await expect(page.getByRole('button', { name: 'Pause answer' }).first()).toBeVisible();
});

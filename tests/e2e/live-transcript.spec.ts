import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parseWavHeader } from '../../src/main/audio/wav-format';
import { writeWav } from '../../src/main/audio/wav-file';
import { recordSpeech, withNoise } from '../support/audio/speech-recording';
import { chromiumWithFakeMicrophone } from '../support/fake-microphone';
import { jsonReply, type ReceivedUpload } from '../support/stt/fake-transcription-server';
import { startVoiceHost, type VoiceHost } from '../support/voice-host';

/**
 * Issue #4, partial transcripts in Debian's Chromium: the fake microphone says two sentences
 * with a pause between them; the recogniser is a loopback server (on this computer, so the
 * app sends each finished phrase as it goes). The first phrase's text shows while the
 * candidate is still speaking; the whole answer's transcript replaces it at the end.
 */
const FINAL_TEXT = 'I would start by measuring the slow query. Then I would add an index on the customer id column.';
const SILENCE_MS = 2_500;
const audioDir = mkdtempSync(join(tmpdir(), 'e2e-live-audio-'));
const microphoneFile = join(audioDir, 'microphone.wav');
const speech = recordSpeech(['I would start by measuring the slow query.', 'Then I would add an index on the customer id column.'], {
  sampleRate: 48_000,
  leadMs: 300,
  gapMs: 1_500,
  tailMs: 5_000,
});
writeWav(microphoneFile, withNoise(speech.samples, -55), speech.sampleRate);

test.use({ launchOptions: chromiumWithFakeMicrophone(microphoneFile) });

let host: VoiceHost;

const secondsOf = (upload: ReceivedUpload): number => {
  const info = parseWavHeader(upload.file!.bytes);
  return (upload.file!.bytes.length - info.dataOffset) / (info.sampleRate * 2);
};

test.beforeEach(async () => {
  let phrases = 0;
  host = await startVoiceHost({
    // A phrase is a few seconds; the whole answer is both phrases and the pause.
    reply: (upload) => jsonReply({ text: secondsOf(upload) < 6 ? `phrase ${++phrases}` : FINAL_TEXT }),
    textToSpeech: { provider: 'none' },
    silenceMs: SILENCE_MS,
  });
});

test.afterEach(() => host.stop());

test('the first phrase is transcribed while the candidate is still speaking, and the full transcript replaces it', async ({ page }) => {
  await page.goto(host.serve.url);
  await expect(page.getByTestId('connection-state')).toHaveText('Connected');
  await page.getByRole('button', { name: /Backend engineering/ }).click();
  await page.getByLabel('voice').check();
  await page.getByText('Tailor it').click();
  await page.getByLabel('Your own questions, one per line').fill('How would you speed up a slow query?');
  await page.getByRole('button', { name: 'Start interview' }).click();

  const panel = page.getByTestId('voice-panel');
  const answerBox = page.getByLabel(/Your answer/);
  // No voice speaks the question (textToSpeech 'none'), so hands-free listening starts at once.
  await expect(panel).toHaveAttribute('data-recorder', 'recording', { timeout: 30_000 });
  // During the pause between the sentences: the first phrase's text, still recording.
  await expect(answerBox).toHaveValue('phrase 1', { timeout: 15_000 });
  await expect(panel).toHaveAttribute('data-recorder', 'recording');
  await expect(page.getByTestId('live-transcript-note')).toBeVisible();
  // The silence after the second sentence ends the answer; the whole recording's transcript replaces the partial one.
  await expect(answerBox).toHaveValue(FINAL_TEXT, { timeout: 30_000 });
  await expect(page.getByTestId('live-transcript-note')).toBeHidden();
  const seconds = host.recognizer.received.map(secondsOf);
  expect(seconds.at(-1)).toBeGreaterThan(8);
  expect(seconds.slice(0, -1).every((s) => s < 6)).toBe(true);
});

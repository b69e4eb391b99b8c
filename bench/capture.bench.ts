/**
 * Issue #4: capture over a long spoken answer in Debian's Chromium (fake microphone fed by an
 * espeak-ng WAV), push-to-talk held for CAPTURE_MINUTES (default 10). Prints how much audio
 * reached the stored WAV against how long the key was held (no dropped chunks means they
 * match to within the start/stop latency), and the host's memory while recording (flat means
 * chunks go to disk, not to memory).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { durationMsOf, parseWavHeader } from '../src/main/audio/wav-format';
import { speechClip, sox } from '../tests/support/audio/speech-audio';
import { chromiumLaunchOptions } from '../tests/support/chromium';
import { TestClient } from '../tests/support/host-fixture';
import { startServe } from '../tests/support/serve-process';
import { makeTempDir } from '../tests/support/temp-dir';

const minutes = Number(process.env.CAPTURE_MINUTES ?? 10);
const temp = makeTempDir('bench-capture');
const sentence = speechClip(temp.path, 'sentence', 'This is a long answer, spoken for as long as the benchmark holds the key down.', { sampleRate: 48_000 });
const microphone = join(temp.path, 'microphone.wav');
sox(sentence, microphone, 'pad', '0', '0.5', 'repeat', String(Math.ceil((minutes * 60) / 4)));

const rssMb = (pid: number): number => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

const serve = await startServe(join(temp.path, 'data'));
const settings = await TestClient.open(serve.ws);
await settings.call('settings.set', { speechToText: { provider: 'none' }, textToSpeech: { provider: 'none' }, preferences: { turnTaking: 'push-to-talk' } });
settings.close();

const browser = await chromium.launch(chromiumLaunchOptions(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${microphone}`]));
const page = await browser.newPage();
await page.goto(serve.url);
await page.getByRole('button', { name: /Backend engineering/ }).click();
await page.getByLabel('voice').check();
await page.getByRole('button', { name: 'Start interview' }).click();
await page.getByTestId('voice-panel').waitFor();

const memory: { atSeconds: number; rssMb: number }[] = [];
await page.keyboard.down('Space');
await page.getByTestId('voice-panel').and(page.locator('[data-recorder="recording"]')).waitFor();
const started = performance.now();
while (performance.now() - started < minutes * 60_000) {
  memory.push({ atSeconds: Math.round((performance.now() - started) / 1000), rssMb: rssMb(serve.child.pid!) });
  await new Promise((resolve) => setTimeout(resolve, Math.min(15_000, (minutes * 60_000) / 20)));
}
await page.keyboard.up('Space');
const heldMs = performance.now() - started;
await page.getByTestId('status-line').filter({ hasText: 'Your turn.' }).waitFor({ timeout: 30_000 });
await browser.close();

const mediaDir = join(temp.path, 'data', 'media');
const { readdirSync } = await import('node:fs');
const interview = readdirSync(mediaDir)[0]!;
const file = join(mediaDir, interview, 'answers', readdirSync(join(mediaDir, interview, 'answers'))[0]!);
const bytes = readFileSync(file);
const info = parseWavHeader(bytes);
const recordedMs = durationMsOf(info, bytes.length - info.dataOffset);
await serve.stop();
temp.remove();

console.log(`\nCapture over ${minutes} min of push-to-talk`);
console.log(`  key held                 ${(heldMs / 1000).toFixed(1)} s`);
console.log(`  audio stored             ${(recordedMs / 1000).toFixed(1)} s (${Math.round((bytes.length - info.dataOffset) / 1600)} chunks of 50 ms)`);
console.log(`  missing                  ${Math.max(0, (heldMs - recordedMs) / 1000).toFixed(2)} s (start/stop latency included)`);
const first = memory[1] ?? memory[0]!;
const last = memory.at(-1)!;
console.log(`  host memory (RSS)        ${first.rssMb.toFixed(0)} MB at ${first.atSeconds} s → ${last.rssMb.toFixed(0)} MB at ${last.atSeconds} s (max ${Math.max(...memory.map((m) => m.rssMb)).toFixed(0)} MB)`);

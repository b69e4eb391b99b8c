import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readWav, writeWav } from '../../../src/main/audio/wav-file';
import { concatSamples } from '../../../src/shared/audio/pcm';
import { speakWithBundledEspeak } from './bundled-speech';

/**
 * Real speech for audio tests, made with nothing installed: the app's bundled espeak-ng
 * (WebAssembly) speaks, and trimming, padding, joining and resampling are done here on the
 * samples (wave-resampler's windowed sinc). Each helper writes into the caller's temp folder
 * and returns the path of the WAV it made.
 *
 * `sox` and `soxDurationMs` remain for the tests whose point is to compare with sox, a
 * reference tool; they skip where it is not installed (tests/support/system-tools.ts).
 */

// Required, not imported: its package.json gives Node (Playwright's loader) a UMD file and Vite an ES module.
const { resample } = createRequire(import.meta.url)('wave-resampler') as typeof import('wave-resampler');

export const SOX = 'sox';
/** espeak-ng's own rate, 22050 Hz; the bundled copy speaks at it too. */
export const ESPEAK_RATE = 22_050;

export function sox(...args: string[]): void {
  execFileSync(SOX, args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** `soxi -D`: another tool's opinion of a file's duration, in ms. */
export function soxDurationMs(path: string): number {
  return Math.round(Number(execFileSync(SOX, ['--info', '-D', path], { encoding: 'utf8' }).trim()) * 1000);
}

export interface SpeechOptions {
  wordsPerMinute?: number;
  sampleRate?: number;
  voice?: string;
}

/** espeak-ng's own output: 22050 Hz mono 16-bit, with its leading and trailing quiet. */
export function espeak(dir: string, name: string, text: string, options: { wordsPerMinute?: number } = {}): string {
  const path = join(dir, `${name}.espeak.wav`);
  speakWithBundledEspeak([{ text, path, ...options }]);
  return path;
}

/** Speech at `sampleRate` (16 kHz unless told), untrimmed: what `espeak-ng | sox -r` gives. */
export function spokenWav(dir: string, name: string, text: string, options: SpeechOptions = {}): string {
  const path = join(dir, `${name}.wav`);
  const { sampleRate = 16_000, ...speech } = options;
  speakWithBundledEspeak([{ text, path, ...speech }]);
  writeWav(path, resampled(samplesOf(path), ESPEAK_RATE, sampleRate), sampleRate);
  return path;
}

/** Below 0.3% of full scale (-50 dBFS) counts as quiet when a clip is trimmed. */
const QUIET = Math.round(0.003 * 32768);

/**
 * Speech at `sampleRate` with the quiet before and after cut away, so the clip starts and
 * ends where the voice does: tests can then place it at a known time.
 */
export function speechClip(dir: string, name: string, text: string, options: SpeechOptions = {}): string {
  return speechClips(dir, [{ name, text }], options)[0]!;
}

/** Several clips made in one run of the voice (it takes a second to start). */
export function speechClips(dir: string, clips: { name: string; text: string }[], options: SpeechOptions = {}): string[] {
  const { sampleRate = 16_000, ...speech } = options;
  const raw = clips.map(({ name, text }) => ({ text, path: join(dir, `${name}.espeak.wav`), ...speech }));
  speakWithBundledEspeak(raw);
  return clips.map(({ name }, i) => {
    const path = join(dir, `${name}.wav`);
    writeWav(path, trimQuiet(resampled(samplesOf(raw[i]!.path), ESPEAK_RATE, sampleRate)), sampleRate);
    return path;
  });
}

/** A new WAV: the clip with `beforeMs` of silence before it and `afterMs` after. */
export function padded(dir: string, name: string, clip: string, beforeMs: number, afterMs: number): string {
  const { samples, format } = readWav(clip);
  const path = join(dir, `${name}.wav`);
  writeWav(path, concatSamples([silence(beforeMs, format.sampleRate), samples, silence(afterMs, format.sampleRate)]), format.sampleRate);
  return path;
}

/** Clips one after another (all at the same rate), with `gapMs` of silence between them. */
export function joinedWithSilence(dir: string, name: string, clips: string[], gapMs: number): string {
  const audio = clips.map((clip) => readWav(clip));
  const rate = audio[0]!.format.sampleRate;
  const parts = audio.flatMap(({ samples }, i) => (i === 0 ? [samples] : [silence(gapMs, rate), samples]));
  const path = join(dir, `${name}.wav`);
  writeWav(path, concatSamples(parts), rate);
  return path;
}

export const samplesOf = (path: string): Int16Array => readWav(path).samples;

/** A file's length in ms, rounded as `soxi -D` would print it. */
export const durationMsOf = (path: string): number => readWav(path).durationMs;

function resampled(samples: Int16Array, fromRate: number, toRate: number): Int16Array {
  if (fromRate === toRate) return samples;
  const out = resample(samples, fromRate, toRate, { method: 'sinc' });
  return Int16Array.from({ length: out.length }, (_, i) => Math.max(-32768, Math.min(32767, Math.round(out[i]!))));
}

function trimQuiet(samples: Int16Array): Int16Array {
  const loud = (value: number): boolean => Math.abs(value) > QUIET;
  const first = samples.findIndex(loud);
  if (first < 0) return new Int16Array(0);
  return samples.slice(first, samples.findLastIndex(loud) + 1);
}

const silence = (ms: number, rate: number): Int16Array => new Int16Array(Math.round((ms * rate) / 1000));

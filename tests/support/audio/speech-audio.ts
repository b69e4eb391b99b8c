import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { readWav } from '../../../src/main/audio/wav-file';

/**
 * Real speech for audio tests: espeak-ng speaks, sox resamples, trims and adds silence, as
 * the CI image has both (README "Requirements"). Each helper writes into the caller's temp
 * folder and returns the path of the WAV it made.
 */

export const ESPEAK = 'espeak-ng';
export const SOX = 'sox';

export function sox(...args: string[]): void {
  execFileSync(SOX, args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** `soxi -D`: another tool's opinion of a file's duration, in ms. */
export function soxDurationMs(path: string): number {
  return Math.round(Number(execFileSync(SOX, ['--info', '-D', path], { encoding: 'utf8' }).trim()) * 1000);
}

/** espeak-ng's own output: 22050 Hz mono 16-bit, with its leading and trailing quiet. */
export function espeak(dir: string, name: string, text: string, options: { wordsPerMinute?: number } = {}): string {
  const path = join(dir, `${name}.espeak.wav`);
  const rate = options.wordsPerMinute === undefined ? [] : ['-s', String(options.wordsPerMinute)];
  execFileSync(ESPEAK, [...rate, '-w', path, text], { stdio: ['ignore', 'ignore', 'pipe'] });
  return path;
}

/**
 * Speech at `sampleRate` with the quiet before and after cut away by sox (below 0.3% of full
 * scale, -50 dBFS), so the clip starts and ends where the voice does: tests can then place
 * it at a known time.
 */
export function speechClip(dir: string, name: string, text: string, options: { wordsPerMinute?: number; sampleRate?: number } = {}): string {
  const path = join(dir, `${name}.wav`);
  const trimQuiet = ['silence', '1', '0.005', '0.3%'];
  sox(espeak(dir, name, text, options), '-r', String(options.sampleRate ?? 16000), path, ...trimQuiet, 'reverse', ...trimQuiet, 'reverse');
  return path;
}

/** A new WAV: the clip with `beforeMs` of silence before it and `afterMs` after. */
export function padded(dir: string, name: string, clip: string, beforeMs: number, afterMs: number): string {
  const path = join(dir, `${name}.wav`);
  sox(clip, path, 'pad', `${beforeMs / 1000}`, `${afterMs / 1000}`);
  return path;
}

/** Clips one after another (all at the same rate), with `gapMs` of silence between them. */
export function joinedWithSilence(dir: string, name: string, clips: string[], gapMs: number): string {
  const path = join(dir, `${name}.wav`);
  const spaced = clips.map((clip, i) => (i === clips.length - 1 ? clip : padded(dir, `${name}-part${i}`, clip, 0, gapMs)));
  sox(...spaced, path);
  return path;
}

export const samplesOf = (path: string): Int16Array => readWav(path).samples;

import { describe, expect, it } from 'vitest';
import { recordSpeech } from '../../../../tests/support/audio/speech-recording';
import { MAX_WINDOW_MS, recognitionWindows } from './recognition-windows';

/** Long answers are recognised in pieces cut at pauses (sherpa-onnx's Whisper hears only 30 s). */
const RATE = 16_000;
const ms = (samples: number): number => (samples / RATE) * 1000;

describe('recognition windows', () => {
  it('leaves a recording up to the limit whole', () => {
    expect(recognitionWindows(new Int16Array(RATE * 28), RATE)).toEqual([{ start: 0, end: RATE * 28 }]);
  });

  it('cuts a long answer in the pauses between its phrases, every piece under the limit, nothing lost', () => {
    const sentence = 'I would measure the slow query first, then add an index on the customer id column and measure it again.';
    // Ten phrases of about 6 s with 0.8 s pauses: about 68 s in all.
    const answer = recordSpeech(Array.from({ length: 10 }, () => sentence), { sampleRate: RATE, gapMs: 800, leadMs: 300, tailMs: 300 });
    const windows = recognitionWindows(answer.samples, RATE);

    expect(windows.length).toBeGreaterThanOrEqual(3);
    expect(windows[0]!.start).toBe(0);
    expect(windows.at(-1)!.end).toBe(answer.samples.length);
    windows.slice(1).forEach((window, i) => expect(window.start).toBe(windows[i]!.end));
    for (const window of windows) expect(ms(window.end - window.start)).toBeLessThanOrEqual(MAX_WINDOW_MS);
    // Every cut falls in a pause, never inside a spoken phrase.
    for (const window of windows.slice(0, -1)) {
      const cutMs = ms(window.end);
      expect(answer.parts.some((part) => cutMs > part.startMs && cutMs < part.endMs)).toBe(false);
    }
  });

  it('cuts speech with no pause at the limit', () => {
    const tone = Int16Array.from({ length: RATE * 60 }, (_, i) => Math.round(8000 * Math.sin((2 * Math.PI * 220 * i) / RATE)));
    const windows = recognitionWindows(tone, RATE);
    expect(windows.map((window) => ms(window.end - window.start))).toEqual([MAX_WINDOW_MS, MAX_WINDOW_MS, 60_000 - 2 * MAX_WINDOW_MS]);
  });
});

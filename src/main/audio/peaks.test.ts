import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { espeak, padded, samplesOf, speechClip } from '../../../tests/support/audio/speech-audio';
import { makeTempDir } from '../../../tests/support/temp-dir';
import { computePeaks, createPeakAccumulator } from './peaks';

let dir: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  dir = makeTempDir('peaks');
});
afterAll(() => dir.remove());

function accumulateInChunks(samples: Int16Array, sampleRate: number, chunkSizes: number[]): number[] {
  const accumulator = createPeakAccumulator(sampleRate);
  for (let offset = 0, i = 0; offset < samples.length; i++) {
    const size = chunkSizes[i % chunkSizes.length]!;
    accumulator.push(samples.subarray(offset, offset + size));
    offset += size;
  }
  return accumulator.peaks();
}

describe('computePeaks', () => {
  it('gives 50 slices a second: silence is 0, full scale is 1, in between to 3 decimals', () => {
    const samples = new Int16Array(32_000);
    samples.fill(32_767, 16_000, 24_000);
    samples.fill(-32_768, 24_000, 24_001);
    samples[30_000] = 12_345;
    const peaks = computePeaks(samples, 16_000);
    expect(peaks).toHaveLength(100);
    expect(peaks.slice(0, 50)).toEqual(new Array(50).fill(0));
    expect(peaks.slice(50, 75)).toEqual(new Array(25).fill(1));
    expect(peaks[75]).toBe(1);
    expect(peaks[Math.floor(30_000 / 320)]).toBe(0.377);
  });

  it('counts a last, partial slice and nothing for no audio', () => {
    expect(computePeaks(new Int16Array(321).fill(100), 16_000)).toHaveLength(2);
    expect(computePeaks(new Int16Array(0), 16_000)).toEqual([]);
  });

  it('shows speech as loud and the 3 s of silence after it as flat', () => {
    const clip = speechClip(dir.path, 'answer', 'I would start by measuring where the time goes.');
    const peaks = computePeaks(samplesOf(padded(dir.path, 'answer-padded', clip, 0, 3000)), 16_000);
    const speech = peaks.slice(0, -150);
    const silence = peaks.slice(-150);
    expect(Math.max(...speech)).toBeGreaterThan(0.3);
    expect(Math.max(...silence)).toBeLessThan(0.001);
  });
});

describe('createPeakAccumulator', () => {
  it('gives exactly the whole-file peaks whatever the chunks, at 16 kHz and at espeak-ng’s 22050 Hz', () => {
    const at16k = samplesOf(speechClip(dir.path, 'speech16k', 'Tell me about the hardest bug you have fixed.'));
    const at22k = samplesOf(espeak(dir.path, 'speech22k', 'Tell me about the hardest bug you have fixed.'));
    for (const [samples, rate] of [
      [at16k, 16_000],
      [at22k, 22_050],
    ] as const) {
      const whole = computePeaks(samples, rate);
      expect(whole).toHaveLength(Math.ceil((samples.length * 50) / rate));
      for (const sizes of [[1], [320], [441], [1600], [7, 999, 333]]) expect(accumulateInChunks(samples, rate, sizes)).toEqual(whole);
    }
  });

  it('places every sample in slice floor(n · 50 / rate) when slices are not whole samples (11025 Hz)', () => {
    const samples = samplesOf(speechClip(dir.path, 'speech11k', 'What would you do in your first month?', { sampleRate: 11_025 }));
    // Clicks on the last sample of every other slice (220.5 samples each), where rounding the
    // boundary the wrong way would move them into the next slice.
    for (let n = 220; n < samples.length; n += 441) samples[n] = 32_767;
    const expected: number[] = [];
    for (let n = 0; n < samples.length; n++) {
      const slice = Math.floor((n * 50) / 11_025);
      expected[slice] = Math.max(expected[slice] ?? 0, Math.round((Math.abs(samples[n]!) / 32768) * 1000) / 1000);
    }
    expect(accumulateInChunks(samples, 11_025, [100, 2205, 1])).toEqual(expected);
  });

  it('can be read mid-recording and carries on', () => {
    const samples = samplesOf(speechClip(dir.path, 'mid', 'Why do you want this job?'));
    const accumulator = createPeakAccumulator(16_000);
    const half = 12_345;
    accumulator.push(samples.subarray(0, half));
    expect(accumulator.peaks()).toEqual(computePeaks(samples.subarray(0, half), 16_000));
    accumulator.push(samples.subarray(half));
    expect(accumulator.peaks()).toEqual(computePeaks(samples, 16_000));
  });
});

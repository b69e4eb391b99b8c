import { describe, expect, it } from 'vitest';
import { concatSamples, createDownsampler, createPcmDecoder, floatToInt16, int16ToFloat, pcm16leToSamples, rmsDbfs, samplesToPcm16le, SILENCE_DBFS } from './pcm';

/**
 * Real speech (the bundled espeak-ng) and a reference resampler (sox) come from a Node helper, imported
 * by a path held in a variable because tsconfig.web.json compiles src/shared, tests
 * included, without Node types; the shape it returns is declared here.
 */
const SPEECH_HELPER = '../../../tests/support/audio/speech-recording';
interface SpeechHelper {
  recordSpeech(texts: string[], layout: { sampleRate: number }): { samples: Int16Array };
  resampleWithSox(samples: Int16Array, fromRate: number, toRate: number): Int16Array;
  missing(tool: 'sox', what: string): boolean;
}

const sine = (frequency: number, rate: number, seconds: number, amplitude = 0.8): Float32Array =>
  Float32Array.from({ length: Math.round(rate * seconds) }, (_, n) => amplitude * Math.sin((2 * Math.PI * frequency * n) / rate));

/** Feeds `input` in chunks of the given sizes (cycled), the way an AudioWorklet delivers it. */
function downsampleInChunks(input: Float32Array, from: number, to: number, chunkSizes: number[]): Int16Array[] {
  const downsample = createDownsampler(from, to);
  const outputs: Int16Array[] = [];
  for (let offset = 0, i = 0; offset < input.length; i++) {
    const size = chunkSizes[i % chunkSizes.length]!;
    outputs.push(downsample(input.subarray(offset, offset + size)));
    offset += size;
  }
  return outputs;
}


/** Sign changes per second: twice the frequency of a pure tone. */
function zeroCrossingsPerSecond(samples: Int16Array, rate: number): number {
  let crossings = 0;
  for (let i = 1; i < samples.length; i++) if (samples[i - 1]! < 0 !== samples[i]! < 0) crossings++;
  return crossings / (samples.length / rate);
}

describe('sample conversion', () => {
  it('maps -1 and 1 to the ends of the int16 range and clamps beyond them', () => {
    expect([...floatToInt16(Float32Array.of(-1, 1, 0, -2, 1.5, Number.NaN))]).toEqual([-32768, 32767, 0, -32768, 32767, 0]);
  });

  it('round-trips every int16 value exactly', () => {
    const all = Int16Array.from({ length: 65536 }, (_, i) => i - 32768);
    expect(floatToInt16(int16ToFloat(all))).toEqual(all);
  });
});

describe('16-bit PCM bytes', () => {
  const samples = Int16Array.from({ length: 999 }, (_, i) => ((i * 7919) % 65_536) - 32_768);
  /** The samples' bytes inside a larger buffer at an odd offset, as a WebSocket frame sits in a socket read (issue #9). */
  const atOddOffset = (): Uint8Array => {
    const frame = new Uint8Array(samples.byteLength + 65);
    frame.set(samplesToPcm16le(samples), 65);
    return frame.subarray(65);
  };

  it('reads samples from bytes at any offset, into memory of their own', () => {
    const bytes = atOddOffset();
    expect(bytes.byteOffset % 2).toBe(1);
    const decoded = pcm16leToSamples(bytes);
    expect(decoded).toEqual(samples);
    bytes.fill(0);
    expect(decoded).toEqual(samples);
  });

  it('decodes a stream whose chunks start at odd offsets and split samples in half', () => {
    const bytes = atOddOffset();
    const decode = createPcmDecoder();
    const parts: Int16Array[] = [];
    for (let offset = 0, i = 0; offset < bytes.length; i++) {
      const size = [1, 3, 1600, 7, 2][i % 5]!;
      parts.push(decode(bytes.subarray(offset, offset + size)));
      offset += size;
    }
    expect(concatSamples(parts)).toEqual(samples);
    expect(decode(Uint8Array.of(0x12))).toEqual(new Int16Array(0));
  });
});

describe('rmsDbfs', () => {
  it('measures levels the meter can show', () => {
    expect(rmsDbfs(Float32Array.of(1, -1, 1, -1))).toBeCloseTo(0, 6);
    expect(rmsDbfs(sine(440, 48_000, 1, 0.5))).toBeCloseTo(-9.03, 1);
    expect(rmsDbfs(floatToInt16(sine(440, 48_000, 1, 0.5)))).toBeCloseTo(-9.03, 1);
  });

  it('reports silence as a finite floor', () => {
    expect(rmsDbfs(new Float32Array(128))).toBe(SILENCE_DBFS);
    expect(rmsDbfs(new Int16Array(0))).toBe(SILENCE_DBFS);
  });
});

describe('createDownsampler', () => {
  it('turns a 1 kHz tone at 48 kHz into a 1 kHz tone at 16 kHz of the same length and level', () => {
    const input = sine(1000, 48_000, 1);
    const output = concatSamples(downsampleInChunks(input, 48_000, 16_000, [128]));
    expect(output.length).toBe(16_000);
    expect(zeroCrossingsPerSecond(output, 16_000)).toBeCloseTo(2000, -1);
    expect(rmsDbfs(output)).toBeCloseTo(rmsDbfs(input), 0);
  });

  it('joins chunks seamlessly: any chunking gives exactly the one-call result', () => {
    const input = sine(440, 44_100, 0.5);
    const whole = createDownsampler(44_100, 16_000)(input);
    for (const sizes of [[128], [1], [7, 300, 2], [441, 1000]]) {
      expect(concatSamples(downsampleInChunks(input, 44_100, 16_000, sizes))).toEqual(whole);
    }
  });

  it('does not drift: after every chunk the output length matches the input time within one sample', () => {
    const downsample = createDownsampler(44_100, 16_000);
    let inputTotal = 0;
    let outputTotal = 0;
    const sizes = [128, 127, 1, 4410, 333];
    for (let i = 0; i < 5000; i++) {
      const size = sizes[i % sizes.length]!;
      inputTotal += size;
      outputTotal += downsample(new Float32Array(size).fill(0.1)).length;
      expect(Math.abs(outputTotal - Math.round((inputTotal * 16_000) / 44_100))).toBeLessThanOrEqual(1);
    }
  });

  it('averages away tones above the new Nyquist frequency instead of folding them into speech', () => {
    // Plain decimation would turn a 16 kHz tone into a constant offset at full level.
    expect(rmsDbfs(createDownsampler(48_000, 16_000)(sine(16_000, 48_000, 1)))).toBeLessThan(-60);
    expect(rmsDbfs(createDownsampler(48_000, 16_000)(sine(20_000, 48_000, 1)))).toBeLessThan(rmsDbfs(sine(20_000, 48_000, 1)) - 10);
  });

  it('clamps loud input to the int16 range', () => {
    expect([...createDownsampler(48_000, 16_000)(new Float32Array(6).fill(1.7))]).toEqual([32767, 32767]);
    expect([...createDownsampler(48_000, 16_000)(new Float32Array(6).fill(-3))]).toEqual([-32768, -32768]);
  });

  it('refuses to upsample', () => {
    expect(() => createDownsampler(8000, 16_000)).toThrow(/upsample/);
  });

  it('gives what sox gives when a 48 kHz recording of speech is brought to 16 kHz', async ({ skip }) => {
    const helper = (await import(/* @vite-ignore */ SPEECH_HELPER)) as SpeechHelper;
    skip(helper.missing('sox', 'the comparison with sox'));
    const at48k = helper.recordSpeech(['Tell me about a time you disagreed with your manager.'], { sampleRate: 48_000 }).samples;
    const expected = helper.resampleWithSox(at48k, 48_000, 16_000);
    const ours = concatSamples(downsampleInChunks(int16ToFloat(at48k), 48_000, 16_000, [128]));

    expect(Math.abs(ours.length - expected.length)).toBeLessThanOrEqual(1);
    expect(correlation(ours, expected)).toBeGreaterThan(0.95);
    expect(Math.abs(rmsDbfs(ours) - rmsDbfs(expected))).toBeLessThan(1);
  });
});

function correlation(a: Int16Array, b: Int16Array): number {
  const n = Math.min(a.length, b.length);
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    ab += a[i]! * b[i]!;
    aa += a[i]! * a[i]!;
    bb += b[i]! * b[i]!;
  }
  return ab / Math.sqrt(aa * bb);
}

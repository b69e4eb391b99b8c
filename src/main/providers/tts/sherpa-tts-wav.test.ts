import { describe, expect, it } from 'vitest';
import { parseWavHeader } from '../../audio/wav-format';
import { speechWavFromSamples } from './sherpa-tts-wav';

describe('speech samples as a WAV', () => {
  it('writes 16-bit mono PCM at the given rate, full scale at ±1', () => {
    const wav = speechWavFromSamples(new Float32Array([0, 0.5, -0.5, 1, -1]), 22_050);

    const header = parseWavHeader(wav);
    expect(header).toMatchObject({ channels: 1, bitsPerSample: 16, sampleRate: 22_050, dataBytes: 10 });
    const samples = [0, 1, 2, 3, 4].map((i) => wav.readInt16LE(header.dataOffset + i * 2));
    expect(samples).toEqual([0, 16384, -16383, 32767, -32767]);
  });

  it('clips samples beyond full scale instead of wrapping them into clicks, and silences NaN', () => {
    const wav = speechWavFromSamples(new Float32Array([1.7, -3, Number.NaN]), 16_000);

    const { dataOffset } = parseWavHeader(wav);
    expect([0, 1, 2].map((i) => wav.readInt16LE(dataOffset + i * 2))).toEqual([32767, -32767, 0]);
  });
});

import { wavHeader } from '../../audio/wav-format';

/**
 * sherpa-onnx's samples (float, nominally -1…1) as a 16-bit mono PCM WAV, the format every
 * other voice here writes. Samples beyond full scale are clipped rather than wrapped: a
 * model may overshoot slightly, and wrapping would turn that into a loud click.
 */
export function speechWavFromSamples(samples: Float32Array, sampleRate: number): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i++) {
    const clipped = Math.max(-1, Math.min(1, samples[i] || 0));
    data.writeInt16LE(Math.round(clipped * 32767), i * 2);
  }
  return Buffer.concat([wavHeader({ sampleRate, channels: 1, bitsPerSample: 16 }, data.length), data]);
}

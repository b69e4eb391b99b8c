import { wavHeader, type WavFormat } from '../../../src/main/audio/wav-format';

export const SPEECH_FORMAT: WavFormat = { sampleRate: 24_000, channels: 1, bitsPerSample: 16 };

/** A real, playable WAV: a quiet 440 Hz tone of the given length, 16-bit mono. */
export function toneWav(durationMs: number, format: WavFormat = SPEECH_FORMAT): Buffer {
  const samples = Math.round((format.sampleRate * durationMs) / 1000);
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) {
    data.writeInt16LE(Math.round(3000 * Math.sin((2 * Math.PI * 440 * i) / format.sampleRate)), i * 2);
  }
  return Buffer.concat([wavHeader(format, data.length), data]);
}

/**
 * The same, with the size fields a streaming server writes before it knows the length
 * (0xFFFFFFFF), as OpenAI's speech endpoint does.
 */
export function streamedToneWav(durationMs: number): Buffer {
  const wav = toneWav(durationMs);
  wav.writeUInt32LE(0xffffffff, 4);
  wav.writeUInt32LE(0xffffffff, 40);
  return wav;
}

import { readFileSync, writeFileSync } from 'node:fs';
import { pcm16leToSamples, samplesToPcm16le } from '../../shared/audio/pcm';
import { durationMsOf, parseWavHeader, wavHeader, type WavFormat } from './wav-format';

/**
 * Whole-file WAV reading and writing, for analysis, waveforms and speech files. Answers being
 * recorded go through wav-writer.ts instead, which keeps the file valid while it grows.
 */

export interface WavAudio {
  /** The format in the file; `samples` are always mono 16-bit at `format.sampleRate`. */
  format: WavFormat;
  samples: Int16Array;
  durationMs: number;
}

/**
 * Reads integer PCM (8, 16, 24 or 32 bits) from any tool's WAV: extra chunks (LIST, fact)
 * are skipped by the header parser, and channels are averaged to mono, because everything
 * downstream (peaks, speech detection, recognition) wants one channel.
 */
export function readWav(path: string): WavAudio {
  const bytes = readFileSync(path);
  const info = parseWavHeader(bytes);
  const bytesPerSample = info.bitsPerSample / 8;
  if (![1, 2, 3, 4].includes(bytesPerSample) || info.channels < 1) {
    throw new Error(`unsupported WAV format (${info.channels} channels, ${info.bitsPerSample} bits)`);
  }
  const blockAlign = bytesPerSample * info.channels;
  // Streaming writers (espeak-ng --stdout) leave the size at its maximum; the file's end is the truth.
  const available = Math.min(info.dataBytes, bytes.length - info.dataOffset);
  const frameCount = Math.floor(available / blockAlign);
  let samples: Int16Array;
  if (info.bitsPerSample === 16 && info.channels === 1) {
    // The common case (every file this app writes): the bytes already are the samples.
    samples = pcm16leToSamples(bytes.subarray(info.dataOffset, info.dataOffset + frameCount * 2));
  } else {
    samples = new Int16Array(frameCount);
    const readSample = sampleReader(bytes, bytesPerSample);
    for (let frame = 0; frame < frameCount; frame++) {
      const start = info.dataOffset + frame * blockAlign;
      let sum = 0;
      for (let channel = 0; channel < info.channels; channel++) sum += readSample(start + channel * bytesPerSample);
      samples[frame] = Math.round(sum / info.channels);
    }
  }
  const format: WavFormat = { sampleRate: info.sampleRate, channels: info.channels, bitsPerSample: info.bitsPerSample };
  return { format, samples, durationMs: durationMsOf(format, frameCount * blockAlign) };
}

/** One sample at a byte offset, scaled to the int16 range (wider samples keep their top 16 bits). */
function sampleReader(bytes: Buffer, bytesPerSample: number): (offset: number) => number {
  switch (bytesPerSample) {
    case 1:
      return (offset) => (bytes.readUInt8(offset) - 128) * 256; // 8-bit WAV is unsigned
    case 2:
      return (offset) => bytes.readInt16LE(offset);
    case 3:
      return (offset) => bytes.readIntLE(offset, 3) >> 8;
    default:
      return (offset) => bytes.readInt32LE(offset) >> 16;
  }
}

/** Writes mono 16-bit PCM as a canonical 44-byte-header WAV. */
export function writeWav(path: string, samples: Int16Array, sampleRate: number): void {
  const format: WavFormat = { sampleRate, channels: 1, bitsPerSample: 16 };
  const data = samplesToPcm16le(samples);
  writeFileSync(path, Buffer.concat([wavHeader(format, data.length), data]));
}

import { readFile } from 'node:fs/promises';
import { parseWavHeader, type WavInfo } from '../../audio/wav-format';
import { TranscriptionError } from './transcription-error';

/** A recorded answer as read from disk, checked to be what every provider expects. */
export interface AnswerAudio {
  bytes: Buffer;
  info: WavInfo;
  /** Bytes of sample data actually present, whatever the header claims. */
  sampleBytes: number;
}

const unreadable = (): TranscriptionError =>
  new TranscriptionError('BAD_AUDIO', 'The recording could not be read, so it was not transcribed.');

/**
 * Reads a mono 16-bit PCM WAV (src/main/audio/wav-format.ts). The header's data length is
 * trusted only up to the end of the file: a recording interrupted by a crash, or one still
 * marked as streamed (0xFFFFFFFF), is transcribed as far as it goes.
 */
export async function readAnswerAudio(wavPath: string): Promise<AnswerAudio> {
  let bytes: Buffer;
  let info: WavInfo;
  try {
    bytes = await readFile(wavPath);
    info = parseWavHeader(bytes);
  } catch {
    throw unreadable();
  }
  if (info.channels !== 1 || info.bitsPerSample !== 16 || info.sampleRate <= 0) {
    throw new TranscriptionError('BAD_AUDIO', 'The recording is not in the expected format (mono, 16-bit), so it was not transcribed.');
  }
  const available = Math.max(0, Math.min(info.dataBytes, bytes.length - info.dataOffset));
  return { bytes, info, sampleBytes: available - (available % 2) };
}

/** The samples as floats in [-1, 1), which is what the local recognizer takes. */
export function floatSamples(audio: AnswerAudio): Float32Array {
  const { bytes, info, sampleBytes } = audio;
  const samples = new Float32Array(sampleBytes / 2);
  for (let index = 0; index < samples.length; index++) {
    samples[index] = bytes.readInt16LE(info.dataOffset + index * 2) / 32768;
  }
  return samples;
}

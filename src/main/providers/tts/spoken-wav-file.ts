import { randomUUID } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { durationMsOf, parseWavHeader, type WavInfo } from '../../audio/wav-format';

/**
 * Speech is written next to its destination under a temporary name, checked, and only then
 * renamed into place: a player never sees half a file, and a failed or cancelled run leaves
 * nothing behind at `outputPath`.
 */
export const partialPathFor = (outputPath: string): string => `${outputPath}.${randomUUID()}.partial.wav`;

/** Enough for any header seen in practice: macOS writes a ~4 KiB FLLR padding chunk first. */
const HEADER_PROBE_BYTES = 64 * 1024;
/** What streamed WAVs (OpenAI's among them) put in the size fields: "unknown, read to the end". */
const STREAMED_SIZES = new Set([0, 0xffffffff]);

/** Thrown when a file is not playable speech; callers turn it into their own error code. */
export class InvalidSpeechFileError extends Error {}

/**
 * Checks that the file is a PCM WAV holding at least some sound and says how long it plays.
 * A streamed header's unknown sizes are replaced by the real ones so every player agrees.
 */
export async function measureSpeechWav(path: string): Promise<{ durationMs: number }> {
  const file = await open(path, 'r+');
  try {
    const { size } = await file.stat();
    const probe = Buffer.alloc(Math.min(size, HEADER_PROBE_BYTES));
    await file.read(probe, 0, probe.length, 0);
    let info: WavInfo;
    try {
      info = parseWavHeader(probe);
    } catch (error) {
      throw new InvalidSpeechFileError(error instanceof Error ? error.message : 'not a WAV file');
    }
    const blockAlign = (info.channels * info.bitsPerSample) / 8;
    if (info.channels < 1 || info.sampleRate < 1 || blockAlign < 1 || !Number.isInteger(blockAlign)) {
      throw new InvalidSpeechFileError('WAV has an impossible format');
    }
    const available = size - info.dataOffset;
    let dataBytes = info.dataBytes;
    if (STREAMED_SIZES.has(dataBytes)) {
      dataBytes = available - (available % blockAlign);
      await writeSizes(file, info, dataBytes);
    } else if (dataBytes > available) {
      throw new InvalidSpeechFileError('WAV is cut short');
    }
    const durationMs = durationMsOf(info, dataBytes);
    if (durationMs <= 0) throw new InvalidSpeechFileError('WAV holds no sound');
    return { durationMs };
  } finally {
    await file.close();
  }
}

async function writeSizes(file: Awaited<ReturnType<typeof open>>, info: WavInfo, dataBytes: number): Promise<void> {
  const riffSize = Buffer.alloc(4);
  riffSize.writeUInt32LE(info.dataOffset - 8 + dataBytes);
  const dataSize = Buffer.alloc(4);
  dataSize.writeUInt32LE(dataBytes);
  await file.write(riffSize, 0, 4, 4);
  await file.write(dataSize, 0, 4, info.dataOffset - 4);
}

/** Measures the finished partial file and moves it into place; removes it if it is not speech. */
export async function commitSpeechWav(partialPath: string, outputPath: string): Promise<{ durationMs: number }> {
  try {
    const measured = await measureSpeechWav(partialPath);
    await rename(partialPath, outputPath);
    return measured;
  } catch (error) {
    await rm(partialPath, { force: true });
    throw error;
  }
}

import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { durationMsOf, parseWavHeader, wavHeader, WAV_HEADER_BYTES, type WavFormat, type WavInfo } from './wav-format';

/**
 * Writes a spoken answer to disk as it arrives (DESIGN.md §4.3): the file is a valid WAV
 * after every chunk, so a crash loses at most the chunk being written, and
 * `repairWavFile` mends the header if the crash came between the samples and their sizes.
 */

/** What microphone answers are recorded as: the writer's alignment assumes 2-byte samples. */
export interface PcmWavFormat extends WavFormat {
  channels: 1;
  bitsPerSample: 16;
}

export interface WavWriteResult {
  durationMs: number;
  dataBytes: number;
}

export interface WavWriter {
  /** Appends little-endian 16-bit samples; a chunk may end mid-sample (its odd byte waits for the next). */
  append(chunk: Uint8Array): void;
  /** Closes the file; an odd byte still waiting is half a sample and is dropped. Safe to call twice. */
  close(): WavWriteResult;
  readonly dataBytes: number;
  readonly durationMs: number;
}

const BYTES_PER_SAMPLE = 2;
const RIFF_SIZE_OFFSET = 4;
const DATA_SIZE_OFFSET = 40;
/** Enough for any header with the extra chunks other tools put before the samples. */
const HEADER_SEARCH_BYTES = 64 * 1024;

export function createWavWriter(path: string, format: PcmWavFormat): WavWriter {
  const fd = openSync(path, 'w');
  let dataBytes = 0;
  let oddByte: number | undefined;
  let closed = false;
  try {
    writeFully(fd, wavHeader(format, 0), 0);
  } catch (error) {
    // Not even a header fits (a full disk): leave no file that is not a WAV.
    closeSync(fd);
    rmSync(path, { force: true });
    throw error;
  }

  function writeSizes(): void {
    const size = Buffer.alloc(4);
    size.writeUInt32LE(36 + dataBytes);
    writeFully(fd, size, RIFF_SIZE_OFFSET);
    size.writeUInt32LE(dataBytes);
    writeFully(fd, size, DATA_SIZE_OFFSET);
  }

  return {
    append(chunk) {
      if (closed) throw new Error('cannot append to a closed WAV writer');
      const bytes = oddByte === undefined ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength) : Buffer.concat([Buffer.of(oddByte), chunk]);
      const whole = bytes.length - (bytes.length % BYTES_PER_SAMPLE);
      oddByte = whole < bytes.length ? bytes[whole] : undefined;
      if (whole === 0) return;
      // Samples first, sizes second: if the process dies in between, the header still
      // describes only samples that are really there, and a repair can count the rest.
      try {
        writeFully(fd, bytes.subarray(0, whole), WAV_HEADER_BYTES + dataBytes);
      } catch (error) {
        // A chunk the disk refused half-way is cut off again: the file stays exactly what its header says.
        ftruncateSync(fd, WAV_HEADER_BYTES + dataBytes);
        throw error;
      }
      dataBytes += whole;
      writeSizes();
    },
    close() {
      if (!closed) {
        closed = true;
        try {
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
      }
      return { durationMs: durationMsOf(format, dataBytes), dataBytes };
    },
    get dataBytes() {
      return dataBytes;
    },
    get durationMs() {
      return durationMsOf(format, dataBytes);
    },
  };
}

export interface WavRepairResult {
  /** True when the header was rewritten (and an odd trailing byte cut off). */
  repaired: boolean;
  durationMs: number;
}

/**
 * Makes a WAV left by a crash readable: when the header's sizes disagree with the file's
 * length, the samples are taken to run to the end of the file (as in every file the writer
 * makes), a trailing partial sample is cut, and both sizes are rewritten. A consistent file,
 * including one with chunks after its samples, is left untouched.
 */
export function repairWavFile(path: string): WavRepairResult {
  const fd = openSync(path, 'r+');
  try {
    const fileBytes = fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(fileBytes, HEADER_SEARCH_BYTES));
    readSync(fd, head, 0, head.length, 0);
    const info = headerToRepair(head);
    const blockAlign = (info.channels * info.bitsPerSample) / 8;
    const riffSize = head.readUInt32LE(RIFF_SIZE_OFFSET);
    const dataEnd = info.dataOffset + info.dataBytes + (info.dataBytes % 2);
    if (riffSize + 8 === fileBytes && dataEnd <= fileBytes && info.dataBytes % blockAlign === 0) {
      return { repaired: false, durationMs: durationMsOf(info, info.dataBytes) };
    }

    const available = fileBytes - info.dataOffset;
    const dataBytes = available - (available % blockAlign);
    ftruncateSync(fd, info.dataOffset + dataBytes);
    const size = Buffer.alloc(4);
    size.writeUInt32LE(info.dataOffset + dataBytes - 8);
    writeFully(fd, size, RIFF_SIZE_OFFSET);
    size.writeUInt32LE(dataBytes);
    writeFully(fd, size, info.dataOffset - 4);
    fsyncSync(fd);
    return { repaired: true, durationMs: durationMsOf(info, dataBytes) };
  } finally {
    closeSync(fd);
  }
}

function headerToRepair(head: Buffer): WavInfo {
  try {
    return parseWavHeader(head);
  } catch (error) {
    throw new Error(`cannot repair a file that is not a readable WAV (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
}

/** writeSync may write less than asked (a full disk reports that on the next call). */
function writeFully(fd: number, bytes: Uint8Array, position: number): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
}

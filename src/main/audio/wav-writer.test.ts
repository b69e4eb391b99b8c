import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplesOf, sox, soxDurationMs, speechClip } from '../../../tests/support/audio/speech-audio';
import { missing } from '../../../tests/support/system-tools';
import { ROOT_DIR } from '../../../tests/support/paths';
import { makeTempDir } from '../../../tests/support/temp-dir';
import { mountSmallDisk, whySmallDisksAreUnavailable } from '../../../tests/support/tmpfs';
import { readWav, writeWav } from './wav-file';
import { parseWavHeader, WAV_HEADER_BYTES } from './wav-format';
import { createWavWriter, repairWavFile, type WavWriter } from './wav-writer';

const FORMAT = { sampleRate: 16_000, channels: 1, bitsPerSample: 16 } as const;
const BYTES_PER_MS = 32;

let dir: ReturnType<typeof makeTempDir>;
/** Real speech as the little-endian bytes the microphone sends. */
let speechBytes: Buffer;
let speechSamples: Int16Array;
beforeAll(() => {
  dir = makeTempDir('wav-writer');
  const clip = speechClip(dir.path, 'speech', 'My strongest skill is breaking a vague problem into small steps.');
  const file = readFileSync(clip);
  speechBytes = file.subarray(parseWavHeader(file).dataOffset);
  speechSamples = samplesOf(clip);
});
afterAll(() => dir.remove());

const path = (name: string): string => join(dir.path, name);

/** Splits bytes into chunks of the given sizes (cycled), most of them odd so samples straddle chunks. */
function chunksOf(bytes: Uint8Array, sizes: number[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let offset = 0, i = 0; offset < bytes.length; i++) {
    const size = sizes[i % sizes.length]!;
    chunks.push(bytes.subarray(offset, offset + size));
    offset += size;
  }
  return chunks;
}

/** Writes `bytes` through the writer and returns the finished file (closed). */
function recorded(name: string, bytes: Uint8Array): string {
  const writer = createWavWriter(path(name), FORMAT);
  for (const chunk of chunksOf(bytes, [641, 3200, 1])) writer.append(chunk);
  writer.close();
  return path(name);
}

const noSox = missing('sox', 'the checks that sox reads the files too');
/** Another program's reading of a file's length: sox where it is installed (always in CI). */
const expectSoxDuration = (file: string, ms: number): void => {
  if (!noSox) expect(soxDurationMs(file)).toBe(ms);
};

describe('createWavWriter', () => {
  it('leaves a valid WAV of the right duration after every chunk, without being closed', () => {
    const writer = createWavWriter(path('growing.wav'), FORMAT);
    let sent = 0;
    const chunks = chunksOf(speechBytes, [641, 1599, 3, 3200]);
    expect(chunks.length).toBeGreaterThan(20);
    for (const [i, chunk] of chunks.entries()) {
      writer.append(chunk);
      sent += chunk.length;
      const whole = sent - (sent % 2);
      const file = readFileSync(path('growing.wav'));
      const header = parseWavHeader(file);
      expect(file.length).toBe(WAV_HEADER_BYTES + whole);
      expect(header.dataBytes).toBe(whole);
      expect(file.readUInt32LE(4)).toBe(file.length - 8);
      expect(writer.dataBytes).toBe(whole);
      expect(writer.durationMs).toBe(Math.round(whole / BYTES_PER_MS));
      expect(file.subarray(WAV_HEADER_BYTES).equals(speechBytes.subarray(0, whole))).toBe(true);
      expect(readWav(path('growing.wav')).durationMs).toBe(writer.durationMs);
      // Another tool agrees, now and then (sox is slow to start for every chunk).
      if (i % 10 === 0) expectSoxDuration(path('growing.wav'), writer.durationMs);
    }
  });

  it('keeps samples aligned when chunks split them, and drops only a half sample at close', () => {
    const writer = createWavWriter(path('split.wav'), FORMAT);
    for (const chunk of chunksOf(speechBytes, [1, 2, 3, 1001])) writer.append(chunk);
    writer.append(Uint8Array.of(0x7f));
    expect(writer.close()).toEqual({ dataBytes: speechBytes.length, durationMs: Math.round(speechBytes.length / BYTES_PER_MS) });
    expect(readWav(path('split.wav')).samples).toEqual(speechSamples);
  });

  it('accepts chunks that are views into larger buffers, as IPC and WebSocket frames are', () => {
    const framed = new Uint8Array(speechBytes.length + 10);
    framed.set(speechBytes, 5);
    const writer = createWavWriter(path('views.wav'), FORMAT);
    for (const chunk of chunksOf(framed.subarray(5, 5 + speechBytes.length), [3201])) writer.append(chunk);
    writer.close();
    expect(readWav(path('views.wav')).samples).toEqual(speechSamples);
  });

  it('refuses chunks after close, and closing twice is harmless', () => {
    const writer = createWavWriter(path('closed.wav'), FORMAT);
    writer.append(speechBytes.subarray(0, 3200));
    const result = writer.close();
    expect(result).toEqual({ dataBytes: 3200, durationMs: 100 });
    expect(writer.close()).toEqual(result);
    expect(() => writer.append(speechBytes.subarray(0, 2))).toThrow(/closed/);
  });

  it('makes an empty but valid WAV when nothing was said', () => {
    createWavWriter(path('empty.wav'), FORMAT).close();
    expect(readWav(path('empty.wav')).durationMs).toBe(0);
    expectSoxDuration(path('empty.wav'), 0);
  });
});

describe('repairWavFile', () => {
  const expectedMs = (): number => Math.round(speechBytes.length / BYTES_PER_MS);

  it('restores the duration of a file whose header sizes were zeroed by a crash', () => {
    const file = recorded('zeroed.wav', speechBytes);
    const bytes = readFileSync(file);
    bytes.writeUInt32LE(0, 4);
    bytes.writeUInt32LE(0, 40);
    writeFileSync(file, bytes);
    expect(readWav(file).durationMs).toBe(0);

    expect(repairWavFile(file)).toEqual({ repaired: true, durationMs: expectedMs() });
    expect(readWav(file).samples).toEqual(speechSamples);
    expectSoxDuration(file, expectedMs());
  });

  it('keeps samples written just before a crash that left the sizes behind, cutting a half sample', () => {
    const file = recorded('behind.wav', speechBytes.subarray(0, 16_000));
    appendFileSync(file, speechBytes.subarray(16_000, 32_001));
    expect(repairWavFile(file)).toEqual({ repaired: true, durationMs: 1000 });
    expect(statSync(file).size).toBe(WAV_HEADER_BYTES + 32_000);
    expect(readWav(file).samples).toEqual(speechSamples.subarray(0, 16_000));
  });

  it('shortens the header of a file that lost its end', () => {
    const file = recorded('cut.wav', speechBytes);
    truncateSync(file, WAV_HEADER_BYTES + 16_001);
    expect(repairWavFile(file)).toEqual({ repaired: true, durationMs: 500 });
    expect(readWav(file).samples).toEqual(speechSamples.subarray(0, 8000));
  });

  it.skipIf(noSox)('leaves a healthy file alone, including one from sox with extra chunks', () => {
    const file = recorded('healthy.wav', speechBytes);
    sox(file, '-b', '24', path('healthy24.wav'));
    for (const healthy of [file, path('healthy24.wav')]) {
      const before = readFileSync(healthy);
      expect(repairWavFile(healthy)).toEqual({ repaired: false, durationMs: expectedMs() });
      expect(readFileSync(healthy).equals(before)).toBe(true);
    }
  });

  it('refuses a file that is not a WAV, saying so, without touching it', () => {
    writeFileSync(path('notes.txt'), 'these are my interview notes, not audio');
    expect(() => repairWavFile(path('notes.txt'))).toThrow(/not a readable WAV/);
    expect(readFileSync(path('notes.txt'), 'utf8')).toBe('these are my interview notes, not audio');
    writeFileSync(path('nothing.wav'), '');
    expect(() => repairWavFile(path('nothing.wav'))).toThrow(/not a readable WAV/);
  });

  it('repairs what writeWav and other tools make only when they are damaged', () => {
    writeWav(path('tool.wav'), speechSamples, 16_000);
    expect(repairWavFile(path('tool.wav')).repaired).toBe(false);
  });
});

describe('a recording process that is killed', () => {
  it('leaves a playable file holding every chunk it finished, and repair keeps the rest', async () => {
    const file = path('killed.wav');
    const source = speechClip(dir.path, 'killed-source', 'I am speaking while the app crashes.');
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT_DIR, 'tests/support/audio/record-until-killed.ts'), file, source], {
      cwd: ROOT_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    const appendedWhenKilled = await new Promise<number>((resolve, reject) => {
      let output = '';
      child.once('exit', (code) => reject(new Error(`recorder exited by itself (${code}): ${stderr}`)));
      child.stdout.on('data', (data: Buffer) => {
        output += data.toString();
        const reported = output.trim().split('\n');
        if (reported.length < 40) return;
        child.removeAllListeners('exit');
        child.kill('SIGKILL');
        resolve(Number(reported.at(-1)));
      });
    });
    await new Promise((resolve) => child.once('exit', resolve));

    // Before any repair the header already covers every chunk the recorder said it finished.
    const dataBytes = parseWavHeader(readFileSync(file)).dataBytes;
    expect(dataBytes).toBeGreaterThanOrEqual(appendedWhenKilled - 1);
    expectSoxDuration(file, Math.round(dataBytes / BYTES_PER_MS));

    const { durationMs } = repairWavFile(file);
    expect(durationMs).toBe(Math.round((statSync(file).size - WAV_HEADER_BYTES) / BYTES_PER_MS));
    expect(durationMs).toBeGreaterThanOrEqual(Math.round(dataBytes / BYTES_PER_MS));
    expectSoxDuration(file, durationMs);
  });
});

describe.skipIf(whySmallDisksAreUnavailable !== undefined)('on a disk that fills up (issue #9)', () => {
  it('keeps the file as long as its header says when a chunk does not fit, and leaves no file when not even a header does', () => {
    const disk = mountSmallDisk(path('disk'), 256 * 1024);
    let writer: WavWriter | undefined;
    try {
      const file = join(disk.path, 'answer.wav');
      const opened = createWavWriter(file, FORMAT);
      writer = opened;
      opened.append(speechBytes.subarray(0, 16_000));
      disk.fill();
      expect(() => opened.append(speechBytes.subarray(16_000, 80_000))).toThrow(/ENOSPC/);
      expect(statSync(file).size).toBe(WAV_HEADER_BYTES + 16_000);
      opened.close();
      expect(readWav(file).durationMs).toBe(500);
      expect(repairWavFile(file).repaired).toBe(false);

      expect(() => createWavWriter(join(disk.path, 'next.wav'), FORMAT)).toThrow(/ENOSPC/);
      expect(existsSync(join(disk.path, 'next.wav'))).toBe(false);
    } finally {
      // An open file would keep the disk busy and mounted.
      writer?.close();
      disk.unmount();
    }
  });
});

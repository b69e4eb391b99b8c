import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { wavHeader } from '../../audio/wav-format';
import { makeTempDir } from '../../../../tests/support/temp-dir';
import { streamedToneWav, toneWav } from '../../../../tests/support/tts/test-wav';
import { InvalidSpeechFileError, commitSpeechWav, measureSpeechWav, partialPathFor } from './spoken-wav-file';

let dir: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir('tts-wav');
});
afterEach(() => dir.remove());

const fileWith = (bytes: Buffer, name = 'a.wav'): string => {
  const path = join(dir.path, name);
  writeFileSync(path, bytes);
  return path;
};

describe('measureSpeechWav', () => {
  it('reads the duration of a canonical WAV', async () => {
    expect(await measureSpeechWav(fileWith(toneWav(1_250)))).toEqual({ durationMs: 1_250 });
  });

  it('finds the data after extra chunks, as macOS writes them (a 4 KiB FLLR chunk)', async () => {
    const tone = toneWav(700);
    const filler = Buffer.alloc(8 + 4_000);
    filler.write('FLLR', 0, 'ascii');
    filler.writeUInt32LE(4_000, 4);
    const wav = Buffer.concat([tone.subarray(0, 36), filler, tone.subarray(36)]);
    wav.writeUInt32LE(wav.length - 8, 4);

    expect(await measureSpeechWav(fileWith(wav))).toEqual({ durationMs: 700 });
  });

  it("fills in a streamed header's unknown sizes", async () => {
    const path = fileWith(streamedToneWav(900));

    expect(await measureSpeechWav(path)).toEqual({ durationMs: 900 });
    const fixed = readFileSync(path);
    expect(fixed.readUInt32LE(4)).toBe(fixed.length - 8);
    expect(fixed.readUInt32LE(40)).toBe(fixed.length - 44);
  });

  it.each([
    ['not a WAV', Buffer.from('ID3 this is an mp3')],
    ['a header only', wavHeader({ sampleRate: 22_050, channels: 1, bitsPerSample: 16 }, 0)],
    ['a WAV cut short', toneWav(1_000).subarray(0, 1_000)],
    ['an impossible format', wavHeader({ sampleRate: 22_050, channels: 0, bitsPerSample: 16 }, 0)],
  ])('rejects %s', async (_name, bytes) => {
    await expect(measureSpeechWav(fileWith(bytes))).rejects.toBeInstanceOf(InvalidSpeechFileError);
  });
});

describe('commitSpeechWav', () => {
  it('moves a good file into place', async () => {
    const target = join(dir.path, 'q.wav');
    const partial = fileWith(toneWav(400), 'q.wav.x.partial.wav');

    expect(await commitSpeechWav(partial, target)).toEqual({ durationMs: 400 });
    expect(existsSync(partial)).toBe(false);
    expect(existsSync(target)).toBe(true);
  });

  it('removes a bad file and leaves the destination untouched', async () => {
    const target = fileWith(toneWav(300), 'q.wav');
    const partial = fileWith(Buffer.from('<html>'), 'q.wav.y.partial.wav');

    await expect(commitSpeechWav(partial, target)).rejects.toBeInstanceOf(InvalidSpeechFileError);
    expect(existsSync(partial)).toBe(false);
    expect(await measureSpeechWav(target)).toEqual({ durationMs: 300 });
  });

  it('names partial files beside their destination, differently each time', () => {
    const first = partialPathFor('/media/q.wav');
    expect(first.startsWith('/media/q.wav.')).toBe(true);
    expect(first.endsWith('.partial.wav')).toBe(true);
    expect(partialPathFor('/media/q.wav')).not.toBe(first);
  });
});

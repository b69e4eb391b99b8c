import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeSpokenWav } from '../../../../tests/support/stt/test-wavs';
import { makeTempDir } from '../../../../tests/support/temp-dir';
import { wavHeader } from '../../audio/wav-format';
import { floatSamples, readAnswerAudio } from './answer-audio';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('stt-audio');
});
afterEach(() => temp.remove());

const MONO = { sampleRate: 16_000, channels: 1, bitsPerSample: 16 };

function writeWav(name: string, header: Buffer, samples: number[]): string {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((sample, index) => data.writeInt16LE(sample, index * 2));
  const path = join(temp.path, name);
  writeFileSync(path, Buffer.concat([header, data]));
  return path;
}

describe('readAnswerAudio', () => {
  it('reads 16-bit samples as floats in [-1, 1)', async () => {
    const path = writeWav('a.wav', wavHeader(MONO, 8), [0, 16_384, -32_768, 32_767]);

    const samples = floatSamples(await readAnswerAudio(path));

    expect([...samples]).toEqual([0, 0.5, -1, 32_767 / 32_768]);
  });

  it('reads a recording cut short, or still marked as streamed, as far as it goes', async () => {
    const cut = writeWav('cut.wav', wavHeader(MONO, 1_000), [1, 2, 3]);
    const streamedHeader = wavHeader(MONO, 0);
    streamedHeader.writeUInt32LE(0xffffffff, 40);
    const streamed = writeWav('streamed.wav', streamedHeader, [1, 2]);

    expect(floatSamples(await readAnswerAudio(cut))).toHaveLength(3);
    expect(floatSamples(await readAnswerAudio(streamed))).toHaveLength(2);
  });

  it('reads what espeak-ng and sox write (their own chunk layout), as the local-model test uses', async () => {
    const audio = await readAnswerAudio(writeSpokenWav(temp.path, 'Tell me about yourself'));

    expect(audio.info).toMatchObject({ sampleRate: 16_000, channels: 1, bitsPerSample: 16 });
    // About a second of speech, and not silence.
    expect(audio.sampleBytes / 2 / 16_000).toBeGreaterThan(0.5);
    expect(Math.max(...floatSamples(audio).map(Math.abs))).toBeGreaterThan(0.1);
  });

  it('rejects what is not a mono 16-bit WAV with BAD_AUDIO', async () => {
    const stereo = writeWav('stereo.wav', wavHeader({ ...MONO, channels: 2 }, 4), [1, 2]);
    const eightBit = writeWav('8bit.wav', wavHeader({ ...MONO, bitsPerSample: 8 }, 4), [1, 2]);
    const notWav = join(temp.path, 'notes.txt');
    writeFileSync(notWav, 'not audio at all');

    for (const path of [stereo, eightBit, notWav, join(temp.path, 'missing.wav')]) {
      await expect(readAnswerAudio(path)).rejects.toMatchObject({ code: 'BAD_AUDIO', retryable: false });
    }
  });
});

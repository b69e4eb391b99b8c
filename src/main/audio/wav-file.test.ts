import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { espeak, sox, soxDurationMs } from '../../../tests/support/audio/speech-audio';
import { missing } from '../../../tests/support/system-tools';
import { makeTempDir } from '../../../tests/support/temp-dir';
import { readWav, writeWav } from './wav-file';

const TEXT = 'Walk me through how you would design a rate limiter.';
const noSox = missing('sox', 'the tests that read and write files with sox');
const noEspeakNg = missing('espeak-ng', 'the test of espeak-ng --stdout');

let dir: ReturnType<typeof makeTempDir>;
let speech: string;
let reference: Int16Array;
beforeAll(() => {
  dir = makeTempDir('wav-file');
  speech = espeak(dir.path, 'speech', TEXT);
  reference = readWav(speech).samples;
});
afterAll(() => dir.remove());

const path = (name: string): string => join(dir.path, name);

const maxDifference = (a: Int16Array, b: Int16Array): number => {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
};

describe('readWav', () => {
  it.skipIf(noSox)('reads espeak-ng’s file with the duration sox reports', () => {
    const audio = readWav(speech);
    expect(audio.format).toEqual({ sampleRate: 22_050, channels: 1, bitsPerSample: 16 });
    expect(audio.durationMs).toBe(soxDurationMs(speech));
    expect(audio.samples.some((sample) => Math.abs(sample) > 10_000)).toBe(true);
  });

  it.skipIf(noSox)('reads sox’s 24-bit file (extensible format, extra fact chunk) as the same speech', () => {
    sox(speech, '-b', '24', path('speech24.wav'));
    expect(readFileSync(path('speech24.wav')).includes('fact')).toBe(true);
    expect(maxDifference(readWav(path('speech24.wav')).samples, reference)).toBeLessThanOrEqual(1);
  });

  it.skipIf(noSox)('reads 8-bit and 32-bit files to the nearest 16-bit value they can hold', () => {
    // Without dither, so every sample is its nearest 8-bit value.
    sox('-D', speech, '-b', '8', path('speech8.wav'));
    sox(speech, '-b', '32', path('speech32.wav'));
    expect(maxDifference(readWav(path('speech8.wav')).samples, reference)).toBeLessThanOrEqual(256);
    expect(maxDifference(readWav(path('speech32.wav')).samples, reference)).toBeLessThanOrEqual(1);
  });

  it.skipIf(noSox)('mixes stereo down to mono', () => {
    sox('-n', '-r', '22050', '-c', '1', '-b', '16', path('quiet.wav'), 'trim', '0', `${reference.length}s`);
    sox('-M', speech, path('quiet.wav'), path('stereo.wav'));
    const audio = readWav(path('stereo.wav'));
    expect(audio.format.channels).toBe(2);
    expect(audio.durationMs).toBe(soxDurationMs(speech));
    const halved = reference.map((sample) => Math.round(sample / 2));
    expect(maxDifference(audio.samples, halved)).toBeLessThanOrEqual(1);
  });

  it('skips chunks before the samples, including an odd-sized one and its pad byte', () => {
    const original = readFileSync(speech);
    const list = Buffer.concat([Buffer.from('LIST'), Buffer.from([3, 0, 0, 0]), Buffer.from('abc'), Buffer.from([0])]);
    const withList = Buffer.concat([original.subarray(0, 36), list, original.subarray(36)]);
    withList.writeUInt32LE(withList.length - 8, 4);
    writeFileSync(path('with-list.wav'), withList);
    expect(readWav(path('with-list.wav')).samples).toEqual(reference);
  });

  it.skipIf(noEspeakNg)('reads a streamed file whose header does not know its size (espeak-ng --stdout)', () => {
    const streamed = execFileSync('espeak-ng', ['--stdout', TEXT]);
    expect(streamed.readUInt32LE(40)).toBeGreaterThan(streamed.length);
    writeFileSync(path('streamed.wav'), streamed);
    execFileSync('espeak-ng', ['-w', path('written-by-espeak-ng.wav'), TEXT]);
    expect(readWav(path('streamed.wav')).samples).toEqual(readWav(path('written-by-espeak-ng.wav')).samples);
  });

  it('says plainly when a file is not a WAV', () => {
    writeFileSync(path('notes.txt'), 'these are my interview notes, not audio');
    expect(() => readWav(path('notes.txt'))).toThrow(/not a WAV file/);
  });
});

describe('writeWav', () => {
  it.skipIf(noSox)('writes a file sox and readWav both read back exactly', () => {
    writeWav(path('written.wav'), reference, 22_050);
    expect(soxDurationMs(path('written.wav'))).toBe(soxDurationMs(speech));
    sox(path('written.wav'), path('written-by-sox.wav'));
    expect(readWav(path('written-by-sox.wav')).samples).toEqual(reference);
    expect(readWav(path('written.wav'))).toEqual({ format: { sampleRate: 22_050, channels: 1, bitsPerSample: 16 }, samples: reference, durationMs: soxDurationMs(speech) });
  });

  it('keeps the extreme sample values', () => {
    const extremes = Int16Array.of(-32_768, -1, 0, 1, 32_767);
    writeWav(path('extremes.wav'), extremes, 16_000);
    expect(readWav(path('extremes.wav')).samples).toEqual(extremes);
  });
});

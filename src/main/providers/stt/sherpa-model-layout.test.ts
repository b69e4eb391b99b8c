import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../tests/support/temp-dir';
import { detectModelLayout, readModelLayout } from './sherpa-model-layout';
import { TranscriptionError } from './transcription-error';

/** File lists as sherpa-onnx publishes these models (names from its release archives). */
const WHISPER_TINY_EN = ['tiny.en-decoder.int8.onnx', 'tiny.en-decoder.onnx', 'tiny.en-encoder.int8.onnx', 'tiny.en-encoder.onnx', 'tiny.en-tokens.txt', 'test_wavs'];
const MOONSHINE_TINY = ['preprocess.onnx', 'encode.int8.onnx', 'uncached_decode.int8.onnx', 'cached_decode.int8.onnx', 'tokens.txt', 'LICENSE'];
const ZIPFORMER = [
  'encoder-epoch-99-avg-1.onnx',
  'encoder-epoch-99-avg-1.int8.onnx',
  'decoder-epoch-99-avg-1.onnx',
  'joiner-epoch-99-avg-1.onnx',
  'joiner-epoch-99-avg-1.int8.onnx',
  'tokens.txt',
];
const PARAKEET = ['encoder.int8.onnx', 'decoder.int8.onnx', 'joiner.int8.onnx', 'tokens.txt'];

describe('detectModelLayout', () => {
  it('recognises Whisper and prefers its int8 files', () => {
    expect(detectModelLayout('/m', WHISPER_TINY_EN)).toEqual({
      family: 'whisper',
      files: { whisper: { encoder: join('/m', 'tiny.en-encoder.int8.onnx'), decoder: join('/m', 'tiny.en-decoder.int8.onnx') }, tokens: join('/m', 'tiny.en-tokens.txt') },
    });
  });

  it('uses the float files when a model ships only those', () => {
    const layout = detectModelLayout('/m', ['base-encoder.onnx', 'base-decoder.onnx', 'base-tokens.txt']);
    expect(layout?.files.whisper).toEqual({ encoder: join('/m', 'base-encoder.onnx'), decoder: join('/m', 'base-decoder.onnx') });
  });

  it('recognises Moonshine', () => {
    expect(detectModelLayout('/m', MOONSHINE_TINY)).toEqual({
      family: 'moonshine',
      files: {
        moonshine: {
          preprocessor: join('/m', 'preprocess.onnx'),
          encoder: join('/m', 'encode.int8.onnx'),
          uncachedDecoder: join('/m', 'uncached_decode.int8.onnx'),
          cachedDecoder: join('/m', 'cached_decode.int8.onnx'),
        },
        tokens: join('/m', 'tokens.txt'),
      },
    });
  });

  it('recognises transducers by their joiner, Zipformer and Parakeet alike', () => {
    expect(detectModelLayout('/m', ZIPFORMER)).toEqual({
      family: 'transducer',
      files: {
        transducer: {
          encoder: join('/m', 'encoder-epoch-99-avg-1.int8.onnx'),
          decoder: join('/m', 'decoder-epoch-99-avg-1.onnx'),
          joiner: join('/m', 'joiner-epoch-99-avg-1.int8.onnx'),
        },
        tokens: join('/m', 'tokens.txt'),
      },
    });
    expect(detectModelLayout('/m', PARAKEET)?.family).toBe('transducer');
  });

  it('recognises nothing without tokens, or with a family’s files missing', () => {
    expect(detectModelLayout('/m', WHISPER_TINY_EN.filter((name) => !name.endsWith('tokens.txt')))).toBeUndefined();
    expect(detectModelLayout('/m', MOONSHINE_TINY.filter((name) => name !== 'preprocess.onnx'))).toBeUndefined();
    expect(detectModelLayout('/m', ['model.bin', 'config.json', 'tokens.txt'])).toBeUndefined();
    expect(detectModelLayout('/m', [])).toBeUndefined();
  });
});

describe('readModelLayout', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir('stt-layout');
  });
  afterEach(() => temp.remove());

  it('reads a folder, looking at files only', async () => {
    for (const name of MOONSHINE_TINY) writeFileSync(join(temp.path, name), '');
    // Were these folders taken for files, the folder would read as a transducer.
    for (const name of ['encoder.onnx', 'decoder.onnx', 'joiner.onnx']) mkdirSync(join(temp.path, name));

    expect((await readModelLayout(temp.path)).family).toBe('moonshine');
  });

  it('says NO_MODEL when the folder is gone', async () => {
    await expect(readModelLayout(join(temp.path, 'gone'))).rejects.toMatchObject({ code: 'NO_MODEL' });
  });

  it('says BAD_MODEL, naming the families it knows, for a folder of other files', async () => {
    writeFileSync(join(temp.path, 'ggml-base.en.bin'), 'not an onnx model');
    writeFileSync(join(temp.path, 'tokens.txt'), '');

    const error = await readModelLayout(temp.path).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(TranscriptionError);
    expect(error).toMatchObject({ code: 'BAD_MODEL', retryable: false, message: expect.stringMatching(/Whisper, Moonshine/) });
  });
});

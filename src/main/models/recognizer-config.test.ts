import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESOURCES_DIR } from '../../../tests/support/paths';
import { loadModelCatalog } from './catalog-loader';
import { recognizerModelConfig } from './recognizer-config';

const catalog = loadModelCatalog(RESOURCES_DIR);
const folder = join('/models', 'x');
const byKind = (kind: string) => catalog.models.find((model) => model.engine.kind === kind)!;

describe('the sherpa-onnx model config of an installed model', () => {
  it('points a Whisper recognizer at the encoder, decoder and tokens', () => {
    const model = byKind('whisper');
    expect(recognizerModelConfig(model, folder, { language: 'en' })).toEqual({
      whisper: { encoder: join(folder, model.files[0]!.name), decoder: join(folder, model.files[1]!.name), task: 'transcribe', language: 'en' },
      tokens: join(folder, model.files[2]!.name),
    });
  });

  it('points a Moonshine recognizer at its four graphs', () => {
    expect(recognizerModelConfig(byKind('moonshine'), folder)).toEqual({
      moonshine: {
        preprocessor: join(folder, 'preprocess.onnx'),
        encoder: join(folder, 'encode.int8.onnx'),
        uncachedDecoder: join(folder, 'uncached_decode.int8.onnx'),
        cachedDecoder: join(folder, 'cached_decode.int8.onnx'),
      },
      tokens: join(folder, 'tokens.txt'),
    });
  });

  it('marks a NeMo transducer so sherpa-onnx decodes it as one', () => {
    expect(recognizerModelConfig(byKind('nemo-transducer'), folder)).toEqual({
      transducer: { encoder: join(folder, 'encoder.int8.onnx'), decoder: join(folder, 'decoder.int8.onnx'), joiner: join(folder, 'joiner.int8.onnx') },
      tokens: join(folder, 'tokens.txt'),
      modelType: 'nemo_transducer',
    });
  });

  it('uses only files the catalog downloads, for every shipped model', () => {
    for (const model of catalog.models) {
      const config = JSON.stringify(recognizerModelConfig(model, folder));
      const used = [...config.matchAll(/"(\/models\/x\/[^"]+)"/g)].map((m) => m[1]);
      expect(used.length, model.id).toBeGreaterThanOrEqual(3);
      for (const path of used) expect(model.files.map((f) => join(folder, f.name)), model.id).toContain(path);
    }
  });
});

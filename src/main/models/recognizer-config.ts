import { join } from 'node:path';
import type { CatalogModel } from './catalog-schema';

/**
 * The `modelConfig` part of sherpa-onnx-node's OfflineRecognizer config for an installed
 * model, with absolute paths into its folder. Shapes follow sherpa-onnx's node-addon examples
 * (test_asr_non_streaming_whisper.js, _moonshine.js, _nemo_parakeet_tdt_v2.js). Kept free of
 * the native module so it can be checked without loading it.
 */
export type RecognizerModelConfig =
  | { whisper: { encoder: string; decoder: string; language?: string; task: 'transcribe' }; tokens: string }
  | { moonshine: { preprocessor: string; encoder: string; uncachedDecoder: string; cachedDecoder: string }; tokens: string }
  | { transducer: { encoder: string; decoder: string; joiner: string }; tokens: string; modelType: 'nemo_transducer' };

export function recognizerModelConfig(model: CatalogModel, folder: string, options: { language?: string } = {}): RecognizerModelConfig {
  const at = (name: string): string => join(folder, name);
  const engine = model.engine;
  switch (engine.kind) {
    case 'whisper':
      return {
        whisper: { encoder: at(engine.encoder), decoder: at(engine.decoder), task: 'transcribe', ...(options.language ? { language: options.language } : {}) },
        tokens: at(engine.tokens),
      };
    case 'moonshine':
      return {
        moonshine: {
          preprocessor: at(engine.preprocessor),
          encoder: at(engine.encoder),
          uncachedDecoder: at(engine.uncachedDecoder),
          cachedDecoder: at(engine.cachedDecoder),
        },
        tokens: at(engine.tokens),
      };
    case 'nemo-transducer':
      return {
        transducer: { encoder: at(engine.encoder), decoder: at(engine.decoder), joiner: at(engine.joiner) },
        tokens: at(engine.tokens),
        modelType: 'nemo_transducer',
      };
  }
}

import type { ModelLayout } from './sherpa-model-layout';

/**
 * sherpa-onnx-node's OfflineRecognizer config, typed from the JSDoc of the package
 * (node_modules/sherpa-onnx-node/types.js), which ships no TypeScript types. Only the
 * families this app detects are listed.
 */
export interface OfflineModelConfig {
  whisper?: { encoder: string; decoder: string };
  moonshine?: { preprocessor: string; encoder: string; uncachedDecoder: string; cachedDecoder: string };
  transducer?: { encoder: string; decoder: string; joiner: string };
  /** Skips sherpa-onnx's guess of the model type (see recognizerConfig). */
  modelType?: 'nemo_transducer';
  tokens: string;
  numThreads: number;
  provider: 'cpu';
  debug: 0 | 1;
}

export interface OfflineRecognizerConfig {
  featConfig: { sampleRate: number; featureDim: number };
  modelConfig: OfflineModelConfig;
}

export function recognizerConfig(layout: ModelLayout, numThreads: number): OfflineRecognizerConfig {
  return {
    // Every family here takes 16 kHz, and sherpa-onnx resamples other rates itself. Whisper
    // large-v3's 128 mel bins are read from the model, not from featureDim.
    featConfig: { sampleRate: 16_000, featureDim: 80 },
    modelConfig: {
      ...layout.files,
      // Every transducer the app installs is NeMo's (Parakeet; the catalog's `nemo-transducer`,
      // and imports must match catalog files). Without the type, sherpa-onnx loads the whole
      // encoder (~650 MB) a second time just to read its metadata and learn the same thing;
      // either way it ends in the same NeMo recogniser, which reads the feature size itself.
      ...(layout.family === 'transducer' ? { modelType: 'nemo_transducer' as const } : {}),
      numThreads,
      provider: 'cpu',
      debug: 0,
    },
  };
}

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { OfflineModelConfig } from './sherpa-recognizer-config';
import { TranscriptionError } from './transcription-error';

/**
 * Which sherpa-onnx model family a folder holds, told from its file names as sherpa-onnx
 * publishes them (https://k2-fsa.github.io/sherpa/onnx/pretrained_models/):
 *
 * - transducer (Zipformer, NeMo Parakeet): encoder*.onnx, decoder*.onnx, joiner*.onnx, tokens.txt
 * - Moonshine: preprocess.onnx, encode*.onnx, uncached_decode*.onnx, cached_decode*.onnx, tokens.txt
 * - Whisper: <size>-encoder*.onnx, <size>-decoder*.onnx, <size>-tokens.txt
 *
 * The joiner is what sets a transducer apart from Whisper, so transducers are matched first.
 * Where a folder ships both, the int8 files are used: a fraction of the memory and faster on
 * a CPU, for a small loss of accuracy.
 */
export type ModelFamily = 'whisper' | 'moonshine' | 'transducer';

export interface ModelLayout {
  family: ModelFamily;
  /** The family's part of sherpa-onnx's modelConfig, with absolute paths. */
  files: Pick<OfflineModelConfig, 'whisper' | 'moonshine' | 'transducer' | 'tokens'>;
}

export const SUPPORTED_FAMILIES = 'Whisper, Moonshine or a transducer model';

/** Detects the layout from a list of file names; undefined when it matches no family. */
export function detectModelLayout(directory: string, fileNames: readonly string[]): ModelLayout | undefined {
  const pick = (role: RegExp): string | undefined => {
    const matches = fileNames.filter((name) => role.test(name)).sort();
    const chosen = matches.find((name) => name.includes('.int8.')) ?? matches[0];
    return chosen === undefined ? undefined : join(directory, chosen);
  };
  const tokens = pick(/^(?:.+-)?tokens\.txt$/);
  if (!tokens) return undefined;

  const encoder = pick(/^encoder.*\.onnx$/);
  const decoder = pick(/^decoder.*\.onnx$/);
  const joiner = pick(/^joiner.*\.onnx$/);
  if (encoder && decoder && joiner) return { family: 'transducer', files: { transducer: { encoder, decoder, joiner }, tokens } };

  const preprocessor = pick(/^preprocess.*\.onnx$/);
  const moonshineEncoder = pick(/^encode(?:\.[\w]+)*\.onnx$/);
  const uncachedDecoder = pick(/^uncached_decode.*\.onnx$/);
  const cachedDecoder = pick(/^cached_decode.*\.onnx$/);
  if (preprocessor && moonshineEncoder && uncachedDecoder && cachedDecoder) {
    return { family: 'moonshine', files: { moonshine: { preprocessor, encoder: moonshineEncoder, uncachedDecoder, cachedDecoder }, tokens } };
  }

  const whisperEncoder = pick(/^(?:.+-)?encoder(?:\.[\w]+)*\.onnx$/);
  const whisperDecoder = pick(/^(?:.+-)?decoder(?:\.[\w]+)*\.onnx$/);
  if (whisperEncoder && whisperDecoder && !joiner) {
    return { family: 'whisper', files: { whisper: { encoder: whisperEncoder, decoder: whisperDecoder }, tokens } };
  }
  return undefined;
}

/**
 * Reads the folder and detects its layout. A missing folder is NO_MODEL (the model manager
 * named one that is gone); a folder of other files is BAD_MODEL.
 */
export async function readModelLayout(directory: string): Promise<ModelLayout> {
  let fileNames: string[];
  try {
    const entries = await readdir(directory, { withFileTypes: true });
    fileNames = entries.filter((entry) => !entry.isDirectory()).map((entry) => entry.name);
  } catch {
    throw new TranscriptionError('NO_MODEL', 'The speech model is missing from its folder: download it again in Settings.');
  }
  const layout = detectModelLayout(directory, fileNames);
  if (!layout) {
    throw new TranscriptionError('BAD_MODEL', `The installed speech model is not one this app can use (${SUPPORTED_FAMILIES}): choose another in Settings.`);
  }
  return layout;
}

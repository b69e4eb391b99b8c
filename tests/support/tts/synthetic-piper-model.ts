import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ELEM_FLOAT, ELEM_INT64, encodeOnnxModel, type TensorInit } from './onnx-protobuf';

/**
 * A tiny stand-in for a Piper voice converted for sherpa-onnx, built by hand because no real
 * voice can be downloaded in CI. sherpa-onnx treats it exactly like one: the same metadata
 * (what k2-fsa/sherpa-onnx scripts/piper/add_meta_data.py writes, read by
 * sherpa-onnx/csrc/offline-tts-vits-model.cc), the same inputs and output, a real tokens.txt,
 * and phonemes from the real espeak-ng. Only the sound differs: a 220 Hz tone lasting
 * HOP_SAMPLES × length_scale samples per phoneme id, so longer text gives longer audio and a
 * slower speed a longer one still.
 *
 *   input          int64 [1, N]  phoneme ids (^ p _ p _ … $)
 *   input_lengths  int64 [1]     N (read, as sherpa-onnx feeds it, but not needed here)
 *   scales         float [3]     noise_scale, length_scale, noise_scale_w
 *   output         float [1, 1, T] with T = ceil(N × HOP_SAMPLES × length_scale)
 */

export const SYNTHETIC_SAMPLE_RATE = 22_050;
/** Piper's own hop length: one phoneme id lasts 256 samples at length scale 1 (a real voice varies it). */
export const HOP_SAMPLES = 256;
const TONE_HZ = 220;

export interface SyntheticPiperVoice {
  model: string;
  tokens: string;
}

export interface SyntheticPiperOptions {
  sampleRate?: number;
  /** Metadata to change or (with undefined) leave out, to make a model sherpa-onnx refuses. */
  metadata?: Record<string, string | undefined>;
}

export function writeSyntheticPiperVoice(directory: string, options: SyntheticPiperOptions = {}): SyntheticPiperVoice {
  const sampleRate = options.sampleRate ?? SYNTHETIC_SAMPLE_RATE;
  const metadata: Record<string, string | undefined> = {
    model_type: 'vits',
    comment: 'piper',
    language: 'English',
    voice: 'en-us',
    has_espeak: '1',
    n_speakers: '1',
    sample_rate: String(sampleRate),
    ...options.metadata,
  };
  const scalar = (name: string, value: number): TensorInit => ({ name, type: ELEM_FLOAT, dims: [], values: [value] });

  const bytes = encodeOnnxModel({
    opset: 13,
    inputs: [
      { name: 'input', type: ELEM_INT64, shape: [1, 'phonemes'] },
      { name: 'input_lengths', type: ELEM_INT64, shape: [1] },
      { name: 'scales', type: ELEM_FLOAT, shape: [3] },
    ],
    outputs: [{ name: 'output', type: ELEM_FLOAT, shape: [1, 1, 'time'] }],
    initializers: [
      { name: 'one_index', type: ELEM_INT64, dims: [], values: [1] },
      { name: 'output_shape', type: ELEM_INT64, dims: [3], values: [1, 1, -1] },
      scalar('hop', HOP_SAMPLES),
      scalar('zero', 0),
      scalar('step', 1),
      scalar('radians_per_sample', (2 * Math.PI * TONE_HZ) / sampleRate),
      scalar('amplitude', 0.3),
    ],
    nodes: [
      { op: 'Shape', inputs: ['input'], outputs: ['input_shape'] },
      { op: 'Gather', inputs: ['input_shape', 'one_index'], outputs: ['ids'], attributes: { axis: 0 } },
      { op: 'Cast', inputs: ['ids'], outputs: ['ids_float'], attributes: { to: ELEM_FLOAT } },
      { op: 'Gather', inputs: ['scales', 'one_index'], outputs: ['length_scale'], attributes: { axis: 0 } },
      { op: 'Mul', inputs: ['ids_float', 'hop'], outputs: ['samples_at_scale_1'] },
      { op: 'Mul', inputs: ['samples_at_scale_1', 'length_scale'], outputs: ['samples'] },
      { op: 'Range', inputs: ['zero', 'samples', 'step'], outputs: ['time'] },
      { op: 'Mul', inputs: ['time', 'radians_per_sample'], outputs: ['phase'] },
      { op: 'Sin', inputs: ['phase'], outputs: ['tone'] },
      { op: 'Mul', inputs: ['tone', 'amplitude'], outputs: ['audio'] },
      { op: 'Reshape', inputs: ['audio', 'output_shape'], outputs: ['output'] },
    ],
    metadata: Object.fromEntries(Object.entries(metadata).filter((entry): entry is [string, string] => entry[1] !== undefined)),
  });

  const voice = { model: join(directory, 'en_US-synthetic-medium.onnx'), tokens: join(directory, 'tokens.txt') };
  writeFileSync(voice.model, bytes);
  writeFileSync(voice.tokens, PIPER_TOKENS.map((symbol, id) => `${symbol} ${id}\n`).join(''));
  return voice;
}

/**
 * Piper's default phoneme map (rhasspy/piper-phonemize src/phoneme_ids.hpp), id = position:
 * pad, bos, eos, punctuation, then the IPA letters and marks espeak-ng writes for English
 * (and most other languages). tokens.txt has one "<symbol> <id>" per line; the space's line
 * starts with a space, which sherpa-onnx reads as the space symbol.
 */
const PIPER_TOKENS = [
  '_', '^', '$', ' ', '!', "'", '(', ')', ',', '-', '.', ':', ';', '?',
  'a', 'b', 'c', 'd', 'e', 'f', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z',
  'æ', 'ç', 'ð', 'ø', 'ħ', 'ŋ', 'œ', 'ǀ', 'ǁ', 'ǂ', 'ǃ',
  'ɐ', 'ɑ', 'ɒ', 'ɓ', 'ɔ', 'ɕ', 'ɖ', 'ɗ', 'ɘ', 'ə', 'ɚ', 'ɛ', 'ɜ', 'ɞ', 'ɟ', 'ɠ', 'ɡ', 'ɢ', 'ɣ', 'ɤ', 'ɥ', 'ɦ', 'ɧ', 'ɨ',
  'ɪ', 'ɫ', 'ɬ', 'ɭ', 'ɮ', 'ɯ', 'ɰ', 'ɱ', 'ɲ', 'ɳ', 'ɴ', 'ɵ', 'ɶ', 'ɸ', 'ɹ', 'ɺ', 'ɻ', 'ɽ', 'ɾ', 'ʀ', 'ʁ', 'ʂ', 'ʃ', 'ʄ',
  'ʈ', 'ʉ', 'ʊ', 'ʋ', 'ʌ', 'ʍ', 'ʎ', 'ʏ', 'ʐ', 'ʑ', 'ʒ', 'ʔ', 'ʕ', 'ʘ', 'ʙ', 'ʛ', 'ʜ', 'ʝ', 'ʟ', 'ʡ', 'ʢ', 'ʲ',
  'ˈ', 'ˌ', 'ː', 'ˑ', '˞', 'β', 'θ', 'χ', 'ᵻ', 'ⱱ',
  '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
  '\u0327', '\u0303', '\u032a', '\u032f', '\u0329', 'ʰ', 'ˤ', 'ε', '↓', '#', '"', '↑',
];

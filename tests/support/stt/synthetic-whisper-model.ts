import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ELEM_FLOAT, ELEM_INT64, encodeOnnxModel, type ValueInit } from '../tts/onnx-protobuf';

/**
 * A tiny stand-in for a Whisper model converted for sherpa-onnx, built by hand because no
 * real model can be downloaded in CI. sherpa-onnx loads and runs it exactly like one: the
 * file names of sherpa-onnx-whisper-tiny.en, the encoder metadata that k2-fsa/sherpa-onnx
 * scripts/whisper/export-onnx.py writes (read by sherpa-onnx/csrc/offline-whisper-model.cc),
 * the decoder's inputs and outputs in that script's order, and a tokens file of base64 words.
 * Only the thinking is missing: whatever the audio, the decoder says SYNTHETIC_SENTENCE.
 *
 * How: sherpa-onnx's greedy search (offline-whisper-greedy-search-decoder.cc) feeds
 * [sot, no_timestamps] at offset 0, then one token at a time at offsets 2, 3, … and stops at
 * eot. The decoder's logits are rows of a constant table picked by position (offset + index
 * in `tokens`), and each row is one-hot on the word for that position, then on eot. So the
 * text comes out of the real decoding loop, the real argmax and the real tokens file.
 *
 *   encoder  mel    float [1, n_mels, T]  →  n_layer_cross_k, n_layer_cross_v (the mel, as is)
 *   decoder  tokens int64 [1, n], in_n_layer_self_{k,v}_cache float [layers, 1, ctx, state],
 *            n_layer_cross_{k,v} float [1, n_mels, T], offset int64 [1]
 *        →   logits float [1, n, vocab], out_n_layer_self_{k,v}_cache (the caches, as is)
 */

export const SYNTHETIC_SENTENCE = 'i would add an index';

const WORDS = SYNTHETIC_SENTENCE.split(' ');
/** Token ids: the words first, then Whisper's special tokens. */
const EOT = WORDS.length;
const SOT = EOT + 1;
const TRANSLATE = EOT + 2;
const TRANSCRIBE = EOT + 3;
const NO_SPEECH = EOT + 4;
const NO_TIMESTAMPS = EOT + 5;
const VOCAB = EOT + 6;
/** English-only, like tiny.en: sherpa-onnx starts from [sot] and appends no_timestamps. */
const SOT_SEQUENCE = [SOT];
const N_MELS = 80;
const TEXT_CTX = 64;
const TEXT_STATE = 4;
const TEXT_LAYERS = 1;

export interface SyntheticWhisperModel {
  directory: string;
  encoder: string;
  decoder: string;
  tokens: string;
}

export interface SyntheticWhisperOptions {
  /** Encoder metadata to change or (with undefined) leave out, to make a model sherpa-onnx refuses. */
  metadata?: Record<string, string | undefined>;
}

export function writeSyntheticWhisperModel(directory: string, options: SyntheticWhisperOptions = {}): SyntheticWhisperModel {
  const model: SyntheticWhisperModel = {
    directory,
    encoder: join(directory, 'tiny.en-encoder.int8.onnx'),
    decoder: join(directory, 'tiny.en-decoder.int8.onnx'),
    tokens: join(directory, 'tiny.en-tokens.txt'),
  };
  writeFileSync(model.encoder, encoder(options.metadata ?? {}));
  writeFileSync(model.decoder, decoder());
  // Whisper's tokens.txt is "<base64 of the token's bytes> <id>"; the words carry their space.
  writeFileSync(model.tokens, WORDS.map((word, id) => `${Buffer.from(` ${word}`).toString('base64')} ${id}\n`).join(''));
  return model;
}

function encoder(overrides: Record<string, string | undefined>): Buffer {
  const metadata: Record<string, string | undefined> = {
    model_type: 'whisper-tiny.en',
    n_mels: String(N_MELS),
    n_audio_ctx: '1500',
    n_audio_state: String(TEXT_STATE),
    n_audio_head: '1',
    n_audio_layer: String(TEXT_LAYERS),
    n_vocab: String(VOCAB),
    n_text_ctx: String(TEXT_CTX),
    n_text_state: String(TEXT_STATE),
    n_text_head: '1',
    n_text_layer: String(TEXT_LAYERS),
    sot_sequence: SOT_SEQUENCE.join(','),
    all_language_tokens: '',
    all_language_codes: '',
    sot: String(SOT),
    sot_index: '0',
    eot: String(EOT),
    blank_id: String(EOT),
    is_multilingual: '0',
    no_speech: String(NO_SPEECH),
    non_speech_tokens: '',
    transcribe: String(TRANSCRIBE),
    translate: String(TRANSLATE),
    sot_prev: String(SOT),
    sot_lm: String(SOT),
    no_timestamps: String(NO_TIMESTAMPS),
    ...overrides,
  };
  const mel: Omit<ValueInit, 'name'> = { type: ELEM_FLOAT, shape: [1, N_MELS, 'frames'] };
  return encodeOnnxModel({
    opset: 13,
    inputs: [{ name: 'mel', ...mel }],
    outputs: [
      { name: 'n_layer_cross_k', ...mel },
      { name: 'n_layer_cross_v', ...mel },
    ],
    initializers: [],
    nodes: [
      { op: 'Identity', inputs: ['mel'], outputs: ['n_layer_cross_k'] },
      { op: 'Identity', inputs: ['mel'], outputs: ['n_layer_cross_v'] },
    ],
    metadata: Object.fromEntries(Object.entries(metadata).filter((entry): entry is [string, string] => entry[1] !== undefined)),
  });
}

function decoder(): Buffer {
  const cache: Omit<ValueInit, 'name'> = { type: ELEM_FLOAT, shape: [TEXT_LAYERS, 1, TEXT_CTX, TEXT_STATE] };
  const cross: Omit<ValueInit, 'name'> = { type: ELEM_FLOAT, shape: [1, N_MELS, 'frames'] };
  return encodeOnnxModel({
    opset: 13,
    inputs: [
      { name: 'tokens', type: ELEM_INT64, shape: [1, 'n_tokens'] },
      { name: 'in_n_layer_self_k_cache', ...cache },
      { name: 'in_n_layer_self_v_cache', ...cache },
      { name: 'n_layer_cross_k', ...cross },
      { name: 'n_layer_cross_v', ...cross },
      { name: 'offset', type: ELEM_INT64, shape: [1] },
    ],
    outputs: [
      { name: 'logits', type: ELEM_FLOAT, shape: [1, 'n_tokens', VOCAB] },
      { name: 'out_n_layer_self_k_cache', ...cache },
      { name: 'out_n_layer_self_v_cache', ...cache },
    ],
    initializers: [
      { name: 'zero', type: ELEM_INT64, dims: [], values: [0] },
      { name: 'one', type: ELEM_INT64, dims: [], values: [1] },
      { name: 'batch_axis', type: ELEM_INT64, dims: [1], values: [0] },
      { name: 'script', type: ELEM_FLOAT, dims: [TEXT_CTX, VOCAB], values: script() },
    ],
    nodes: [
      { op: 'Shape', inputs: ['tokens'], outputs: ['tokens_shape'] },
      { op: 'Gather', inputs: ['tokens_shape', 'one'], outputs: ['n_tokens'], attributes: { axis: 0 } },
      { op: 'Range', inputs: ['zero', 'n_tokens', 'one'], outputs: ['steps'] },
      { op: 'Add', inputs: ['steps', 'offset'], outputs: ['positions'] },
      { op: 'Gather', inputs: ['script', 'positions'], outputs: ['rows'], attributes: { axis: 0 } },
      { op: 'Unsqueeze', inputs: ['rows', 'batch_axis'], outputs: ['logits'] },
      { op: 'Identity', inputs: ['in_n_layer_self_k_cache'], outputs: ['out_n_layer_self_k_cache'] },
      { op: 'Identity', inputs: ['in_n_layer_self_v_cache'], outputs: ['out_n_layer_self_v_cache'] },
    ],
    metadata: {},
  });
}

/**
 * Row p holds the logits after the token at position p. The last start token sits at
 * position SOT_SEQUENCE.length (after sot and no_timestamps' own slot), so the first word
 * comes from that row, each word from the next, then eot for the rest of the context.
 */
function script(): number[] {
  const firstWordRow = SOT_SEQUENCE.length;
  const rows: number[] = [];
  for (let position = 0; position < TEXT_CTX; position++) {
    const word = position - firstWordRow;
    const token = word >= 0 && word < WORDS.length ? word : EOT;
    for (let id = 0; id < VOCAB; id++) rows.push(id === token ? 10 : 0);
  }
  return rows;
}

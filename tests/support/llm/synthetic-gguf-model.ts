import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../seeded-random';

/**
 * A tiny llama-architecture model in GGUF, built by hand because no real model can be
 * downloaded in CI. llama.cpp loads it exactly like a real one: the llama hyperparameters, an
 * SPM vocabulary with byte fallback (every byte has a `<0xXX>` token, so any text tokenizes),
 * ChatML's special tokens and chat template, and F32 tensors of seeded random weights
 * (about half a megabyte). Its replies are noise: tests assert the pipeline, not quality.
 */

export const CHATML_TEMPLATE =
  "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

export interface SyntheticGgufOptions {
  seed?: number;
  /** Training context length written in the metadata. */
  contextLength?: number;
  /** Lets a test make a file that lies: added to every tensor's stated data offset. */
  tensorOffsetShift?: number;
  /** Metadata to change or (with undefined) leave out. */
  metadata?: Record<string, string | number | undefined>;
}

const EMBEDDING = 64;
const HEADS = 4;
const LAYERS = 2;
const FEED_FORWARD = 128;
const ALIGNMENT = 32;

// GGUF value types.
const UINT32 = 4;
const INT32 = 5;
const FLOAT32 = 6;
const BOOL = 7;
const STRING = 8;
const ARRAY = 9;

type Value = { type: typeof UINT32 | typeof INT32 | typeof FLOAT32; value: number } | { type: typeof BOOL; value: boolean } | { type: typeof STRING; value: string } | { type: typeof ARRAY; items: typeof STRING; value: string[] } | { type: typeof ARRAY; items: typeof FLOAT32 | typeof INT32; value: number[] };

interface Vocabulary {
  tokens: string[];
  scores: number[];
  types: number[];
}

/** <unk>, <s>, </s>, ChatML's two markers, 256 byte tokens, then one token per printable ASCII character. */
function vocabulary(): Vocabulary {
  const tokens = ['<unk>', '<s>', '</s>', '<|im_start|>', '<|im_end|>'];
  const types = [2, 3, 3, 3, 3];
  for (let byte = 0; byte < 256; byte++) {
    tokens.push(`<0x${byte.toString(16).toUpperCase().padStart(2, '0')}>`);
    types.push(6);
  }
  for (let code = 32; code < 127; code++) {
    tokens.push(code === 32 ? '\u2581' : String.fromCharCode(code));
    types.push(1);
  }
  const scores = tokens.map((_, index) => (types[index] === 1 ? -index : 0));
  return { tokens, scores, types };
}

interface Tensor {
  name: string;
  dims: number[];
  data: Float32Array;
}

function tensors(vocabSize: number, next: () => number): Tensor[] {
  const weights = (name: string, dims: number[], scale: number): Tensor => {
    const data = new Float32Array(dims.reduce((a, b) => a * b, 1));
    for (let i = 0; i < data.length; i++) data[i] = (next() * 2 - 1) * scale;
    return { name, dims, data };
  };
  const ones = (name: string, length: number): Tensor => ({ name, dims: [length], data: new Float32Array(length).fill(1) });
  const list = [weights('token_embd.weight', [EMBEDDING, vocabSize], 1), ones('output_norm.weight', EMBEDDING), weights('output.weight', [EMBEDDING, vocabSize], 0.5)];
  for (let layer = 0; layer < LAYERS; layer++) {
    const block = `blk.${layer}`;
    list.push(
      ones(`${block}.attn_norm.weight`, EMBEDDING),
      weights(`${block}.attn_q.weight`, [EMBEDDING, EMBEDDING], 0.2),
      weights(`${block}.attn_k.weight`, [EMBEDDING, EMBEDDING], 0.2),
      weights(`${block}.attn_v.weight`, [EMBEDDING, EMBEDDING], 0.2),
      weights(`${block}.attn_output.weight`, [EMBEDDING, EMBEDDING], 0.2),
      ones(`${block}.ffn_norm.weight`, EMBEDDING),
      weights(`${block}.ffn_gate.weight`, [EMBEDDING, FEED_FORWARD], 0.2),
      weights(`${block}.ffn_up.weight`, [EMBEDDING, FEED_FORWARD], 0.2),
      weights(`${block}.ffn_down.weight`, [FEED_FORWARD, EMBEDDING], 0.2),
    );
  }
  return list;
}

class Writer {
  private readonly chunks: Buffer[] = [];
  length = 0;
  private push(buffer: Buffer): void {
    this.chunks.push(buffer);
    this.length += buffer.length;
  }
  private fixed(bytes: number, write: (buffer: Buffer) => void): void {
    const buffer = Buffer.alloc(bytes);
    write(buffer);
    this.push(buffer);
  }
  u32 = (value: number): void => this.fixed(4, (b) => b.writeUInt32LE(value));
  i32 = (value: number): void => this.fixed(4, (b) => b.writeInt32LE(value));
  f32 = (value: number): void => this.fixed(4, (b) => b.writeFloatLE(value));
  u64 = (value: number): void => this.fixed(8, (b) => b.writeBigUInt64LE(BigInt(value)));
  string(value: string): void {
    const bytes = Buffer.from(value, 'utf8');
    this.u64(bytes.length);
    this.push(bytes);
  }
  bytes(buffer: Buffer): void {
    this.push(buffer);
  }
  pad(): void {
    const extra = (ALIGNMENT - (this.length % ALIGNMENT)) % ALIGNMENT;
    if (extra) this.push(Buffer.alloc(extra));
  }
  value(value: Value): void {
    this.u32(value.type);
    if (value.type === STRING) this.string(value.value);
    else if (value.type === BOOL) this.push(Buffer.from([value.value ? 1 : 0]));
    else if (value.type === ARRAY) {
      this.u32(value.items);
      this.u64(value.value.length);
      for (const item of value.value) {
        if (typeof item === 'string') this.string(item);
        else if (value.items === FLOAT32) this.f32(item);
        else this.i32(item);
      }
    } else if (value.type === FLOAT32) this.f32(value.value);
    else if (value.type === INT32) this.i32(value.value);
    else this.u32(value.value);
  }
  toBuffer(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

export function syntheticGgufBytes(options: SyntheticGgufOptions = {}): Buffer {
  const vocab = vocabulary();
  const u32 = (value: number): Value => ({ type: UINT32, value });
  const metadata = new Map<string, Value>([
    ['general.architecture', { type: STRING, value: 'llama' }],
    ['general.name', { type: STRING, value: 'synthetic test model' }],
    ['general.alignment', u32(ALIGNMENT)],
    ['llama.context_length', u32(options.contextLength ?? 16_384)],
    ['llama.embedding_length', u32(EMBEDDING)],
    ['llama.block_count', u32(LAYERS)],
    ['llama.feed_forward_length', u32(FEED_FORWARD)],
    ['llama.attention.head_count', u32(HEADS)],
    ['llama.attention.head_count_kv', u32(HEADS)],
    ['llama.rope.dimension_count', u32(EMBEDDING / HEADS)],
    ['llama.attention.layer_norm_rms_epsilon', { type: FLOAT32, value: 1e-5 }],
    ['tokenizer.ggml.model', { type: STRING, value: 'llama' }],
    ['tokenizer.ggml.tokens', { type: ARRAY, items: STRING, value: vocab.tokens }],
    ['tokenizer.ggml.scores', { type: ARRAY, items: FLOAT32, value: vocab.scores }],
    ['tokenizer.ggml.token_type', { type: ARRAY, items: INT32, value: vocab.types }],
    ['tokenizer.ggml.unknown_token_id', u32(0)],
    ['tokenizer.ggml.bos_token_id', u32(1)],
    ['tokenizer.ggml.eos_token_id', u32(4)],
    ['tokenizer.ggml.add_bos_token', { type: BOOL, value: false }],
    ['tokenizer.chat_template', { type: STRING, value: CHATML_TEMPLATE }],
  ]);
  for (const [key, value] of Object.entries(options.metadata ?? {})) {
    if (value === undefined) metadata.delete(key);
    else metadata.set(key, typeof value === 'string' ? { type: STRING, value } : u32(value));
  }

  const list = tensors(vocab.tokens.length, mulberry32(options.seed ?? 12));
  const out = new Writer();
  out.bytes(Buffer.from('GGUF', 'latin1'));
  out.u32(3);
  out.u64(list.length);
  out.u64(metadata.size);
  for (const [key, value] of metadata) {
    out.string(key);
    out.value(value);
  }
  let offset = 0;
  for (const tensor of list) {
    out.string(tensor.name);
    out.u32(tensor.dims.length);
    for (const dim of tensor.dims) out.u64(dim);
    out.u32(0); // F32
    out.u64(offset + (options.tensorOffsetShift ?? 0));
    offset += Math.ceil(tensor.data.byteLength / ALIGNMENT) * ALIGNMENT;
  }
  out.pad();
  for (const tensor of list) {
    out.bytes(Buffer.from(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength));
    out.pad();
  }
  return out.toBuffer();
}

export function writeSyntheticGgufModel(directory: string, options: SyntheticGgufOptions = {}, name = 'synthetic.gguf'): string {
  const path = join(directory, name);
  writeFileSync(path, syntheticGgufBytes(options));
  return path;
}

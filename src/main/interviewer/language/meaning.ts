import type { Token } from './analysed-text';
import { isContentWord } from './content-words';
import { cosine, type WordVectors } from './word-vectors';

/**
 * Meaning beyond the literal words, from word vectors: a text's vector (its content words'
 * vectors, rarer words weighing more, as in SIF averaging) and the nearest word of one list to
 * another. Without vectors (a test may run without them) every function says "no evidence".
 */
/** Words more frequent than this are everyday vocabulary ("team", "make", "important"). */
const COMMON_RANK = 3_000;

export class Meaning {
  constructor(readonly vectors: WordVectors | undefined) {}

  /** Weighted mean vector of the content words, as floats; undefined when no word is known. */
  textVector(tokens: readonly Token[]): Float32Array | undefined {
    const vectors = this.vectors;
    if (!vectors) return undefined;
    let sum: Float32Array | undefined;
    for (const token of tokens) {
      if (!isContentWord(token) || token.isNumber) continue;
      const vector = vectors.vector(token.normal) ?? vectors.vector(token.lemma);
      if (!vector) continue;
      const weight = this.weightOf(token.normal);
      sum ??= new Float32Array(vector.length);
      for (let i = 0; i < vector.length; i += 1) sum[i]! += vector[i]! * weight;
    }
    return sum;
  }

  /** How much a word says about a text: rarer words more (log of its frequency rank); 1 without vectors. */
  weightOf(word: string): number {
    return this.vectors ? Math.log(10 + this.vectors.rank(word)) : 1;
  }

  /** Whether a word is everyday vocabulary (among the most frequent); unknown without vectors. */
  isCommon(word: string): boolean | undefined {
    return this.vectors ? this.vectors.rank(word) < COMMON_RANK : undefined;
  }

  /** Cosine of two text vectors; 0 when either is missing. */
  similarity(a: Float32Array | undefined, b: Float32Array | undefined): number {
    if (!a || !b) return 0;
    let dot = 0;
    let na = 0;
    let nb = 0;
    for (let i = 0; i < a.length; i += 1) {
      dot += a[i]! * b[i]!;
      na += a[i]! * a[i]!;
      nb += b[i]! * b[i]!;
    }
    return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
  }

  /** The closest of `candidates` to `word` (by cosine), or 0 when none is known. */
  nearest(word: string, candidates: readonly string[]): number {
    const vectors = this.vectors;
    const target = vectors?.vector(word);
    if (!vectors || !target) return 0;
    let best = 0;
    for (const candidate of candidates) {
      if (candidate === word) return 1;
      const vector = vectors.vector(candidate);
      if (vector) best = Math.max(best, cosine(target, vector));
    }
    return best;
  }
}

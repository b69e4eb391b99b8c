import { analyse } from '../language/analysed-text';
import { isContentWord } from '../language/content-words';
import type { Meaning } from '../language/meaning';
import type { BankQuestion } from '../question-bank-schema';
import type { TrackCatalog } from '../track-catalog';

/**
 * Which bank questions a custom question is closest to, by meaning (issue #8): TF-IDF over the
 * questions' lemma stems (so "disagreed with a technical decision" meets "disagree with a
 * technical call") blended with word-vector similarity for paraphrase.
 */
export interface BankMatch {
  track: string;
  question: BankQuestion;
  /** 0–1; 1 for the same question. */
  similarity: number;
}

interface Indexed {
  track: string;
  question: BankQuestion;
  weights: Map<string, number>;
  norm: number;
  vector: Float32Array | undefined;
}

const LEXICAL_SHARE = 0.7;

export function createQuestionMatcher(catalog: TrackCatalog, meaning: Meaning): { closest(text: string, track: string, options?: { limit?: number; style?: 'concepts' | 'star' }): BankMatch[] } {
  let index: { entries: Indexed[]; idf: (key: string) => number } | undefined;
  const build = () => {
    const read = catalog.list().flatMap((track) =>
      (catalog.get(track.id)?.questions ?? []).map((question) => ({
        track: track.id,
        question,
        words: analyse(question.text).words.filter(isContentWord),
      })),
    );
    const documents = new Map<string, number>();
    for (const entry of read) for (const key of new Set(entry.words.map((w) => w.key))) documents.set(key, (documents.get(key) ?? 0) + 1);
    const idf = (key: string): number => Math.log((read.length + 1) / ((documents.get(key) ?? 0) + 1)) + 1;
    const entries = read.map(({ track, question, words }) => {
      const weights = weigh(words.map((w) => w.key), idf);
      return { track, question, weights, norm: norm(weights), vector: meaning.textVector(words) };
    });
    return { entries, idf };
  };

  return {
    closest(text, track, { limit = 3, style } = {}) {
      index ??= build();
      const words = analyse(text).words.filter(isContentWord);
      const weights = weigh(words.map((w) => w.key), index.idf);
      const length = norm(weights);
      const vector = meaning.textVector(words);
      const useVectors = meaning.vectors !== undefined;
      const candidates = style ? index.entries.filter((entry) => entry.question.rubric.style === style) : index.entries;
      const scored = candidates.map((entry) => {
        let dot = 0;
        for (const [key, weight] of weights) dot += weight * (entry.weights.get(key) ?? 0);
        const lexical = length === 0 || entry.norm === 0 ? 0 : dot / (length * entry.norm);
        const semantic = meaning.similarity(vector, entry.vector);
        const similarity = useVectors ? LEXICAL_SHARE * lexical + (1 - LEXICAL_SHARE) * semantic : lexical;
        // The candidate's own track is preferred when two questions are about as close.
        return { track: entry.track, question: entry.question, similarity: Math.min(1, similarity + (entry.track === track ? 0.03 : 0)) };
      });
      return scored.sort((a, b) => b.similarity - a.similarity).slice(0, limit);
    },
  };
}

function weigh(keys: string[], idf: (key: string) => number): Map<string, number> {
  const weights = new Map<string, number>();
  for (const key of keys) weights.set(key, (weights.get(key) ?? 0) + idf(key));
  return weights;
}

const norm = (weights: Map<string, number>): number => Math.sqrt([...weights.values()].reduce((sum, w) => sum + w * w, 0));

import { analyse } from '../language/analysed-text';
import { isContentWord } from '../language/content-words';
import type { Meaning } from '../language/meaning';
import { findAny, keysOf, quoteAround } from '../language/phrases';
import type { RubricConcept } from '../question-bank-schema';
import type { AnswerReading } from './answer-reading';

/**
 * How far an answer covers each of a rubric's concepts: fully when it says one of the
 * concept's terms (by lemma, so inflections and derivations count), half when it says a word
 * close in meaning to a single-word term (a paraphrase the rubric did not list). The place it
 * was found is kept, so feedback can quote the candidate.
 */
export interface ConceptCredit {
  concept: RubricConcept;
  /** 0, 0.5 (close in meaning) or 1 (said). */
  credit: number;
  quote?: string;
}

/** Cosine two words need to count as a paraphrase; antonyms score high too, so only half credit. */
const PARAPHRASE = 0.68;

export function coverConcepts(reading: AnswerReading, concepts: readonly RubricConcept[], meaning: Meaning, options: { onlyOnTopic?: boolean } = {}): ConceptCredit[] {
  const { text } = reading;
  const sentences = options.onlyOnTopic ? [...reading.onTopic] : reading.kept;
  const answerWords = [...new Set(sentences.flatMap((i) => text.words.slice(text.sentences[i]!.start, text.sentences[i]!.end)).filter((w) => isContentWord(w) && !w.isNumber).map((w) => w.normal))];
  return concepts.map((concept) => {
    for (const index of sentences) {
      const sentence = text.sentences[index]!;
      const found = findAny(text, concept.terms, sentence.start, sentence.end);
      if (found) return { concept, credit: 1, quote: quoteAround(text, found.at) };
    }
    const singleWordTerms = concept.terms.filter((term) => keysOf(term).length === 1).map((term) => term.toLowerCase());
    const close = singleWordTerms.some((term) => answerWords.some((word) => meaning.nearest(word, [term]) >= PARAPHRASE));
    return { concept, credit: close ? 0.5 : 0 };
  });
}

/**
 * Whether feedback may say "you did not mention X": only when nothing of X is in the answer,
 * neither a term nor any content word of its terms or name (issue #8: every "missed" claim is
 * checked against the answer before it is shown).
 */
export function isAbsent(reading: AnswerReading, concept: RubricConcept, meaning: Meaning): boolean {
  const keys = new Set(reading.text.words.map((w) => w.key));
  const phrases = [concept.name, ...concept.terms];
  if (phrases.some((phrase) => contentKeysOf(phrase).some((key) => keys.has(key)))) return false;
  const answerWords = [...new Set(reading.text.words.filter((w) => isContentWord(w) && !w.isNumber).map((w) => w.normal))];
  const conceptWords = [...new Set(phrases.flatMap((phrase) => analyse(phrase).words.filter(isContentWord).map((w) => w.normal)))];
  return !conceptWords.some((word) => meaning.nearest(word, answerWords) >= CLAIM_CHECK);
}

/** Closeness at which an answer's word may be the concept said differently: enough to withhold "you did not mention". */
const CLAIM_CHECK = 0.55;

const conceptKeys = new Map<string, string[]>();
function contentKeysOf(phrase: string): string[] {
  let keys = conceptKeys.get(phrase);
  if (!keys) {
    keys = [...new Set(analyse(phrase).words.filter((w) => isContentWord(w) && w.key.length > 2).map((w) => w.key))];
    if (conceptKeys.size > 20_000) conceptKeys.clear();
    conceptKeys.set(phrase, keys);
  }
  return keys;
}

/** Weighted share of the concepts covered, 0–1. */
export function coverageOf(credits: readonly ConceptCredit[]): number {
  const total = credits.reduce((sum, c) => sum + c.concept.weight, 0);
  return total === 0 ? 0 : credits.reduce((sum, c) => sum + c.concept.weight * c.credit, 0) / total;
}

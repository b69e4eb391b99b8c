import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import porter2 from 'wink-porter2-stemmer';

/**
 * Every answer, question and rubric phrase is read once by wink-nlp (issue #8: a maintained
 * NLP library instead of a hand-written stemmer): tokens with their lemma ("disagreed" →
 * "disagree"), Porter2 stem, part of speech, stop-word and negation flags, and sentences.
 * Contractions are expanded by the tokenizer ("didn't" → "did" "not", "I'd" → "would").
 */
export interface Token {
  /** As written, for quoting the candidate. */
  value: string;
  /** Lower-case surface form, contractions expanded. */
  normal: string;
  lemma: string;
  /** What phrases are matched on: the Porter2 stem of the lemma ("caching", "caches" → "cach"). */
  key: string;
  pos: string;
  stop: boolean;
  /** Inside a negated stretch ("I did not measure it"). */
  negated: boolean;
  isNumber: boolean;
  sentence: number;
}

export interface Sentence {
  text: string;
  /** Index range in `words`. */
  start: number;
  end: number;
}

export interface AnalysedText {
  text: string;
  /** Word and number tokens (no punctuation), in order. */
  words: Token[];
  sentences: Sentence[];
  wordCount: number;
  /** True when the text was longer than anyone speaks in one answer and only its start was read. */
  truncated: boolean;
}

/** Far beyond any spoken answer (about ten minutes of speech); longer input is read up to here. */
const MAX_CHARS = 12_000;

let nlp: WinkMethods | undefined;
const reader = (): WinkMethods => (nlp ??= winkNLP(model, ['sbd', 'negation', 'pos']));

export function analyse(text: string): AnalysedText {
  const truncated = text.length > MAX_CHARS;
  const source = truncated ? text.slice(0, MAX_CHARS) : text;
  const { its } = reader();
  const doc = reader().readDoc(source);
  const words: Token[] = [];
  const sentences: Sentence[] = [];
  doc.sentences().each((sentence, index) => {
    const start = words.length;
    const tokens = sentence.tokens();
    const types = tokens.out(its.type) as string[];
    // wink-nlp's typings do not accept every `its` helper in `out`; the values are as named.
    const out = tokens.out.bind(tokens) as (helper: unknown) => unknown[];
    const values = out(its.value) as string[];
    const normals = out(its.normal) as string[];
    const lemmas = out(its.lemma) as string[];
    const tags = out(its.pos) as string[];
    const stops = out(its.stopWordFlag) as boolean[];
    const negations = out(its.negationFlag) as boolean[];
    for (let i = 0; i < types.length; i += 1) {
      const type = types[i];
      if (type !== 'word' && type !== 'number') continue;
      const normal = normals[i]!.replace(/^'/, '');
      // wink-nlp has no lemma for a few tokens ("IAM" reads as "I am"): keep the word itself.
      const lemma = lemmas[i] ?? normal;
      words.push({
        value: values[i]!,
        normal,
        lemma,
        key: keyOf(lemma),
        pos: tags[i]!,
        stop: stops[i]!,
        negated: negations[i]!,
        isNumber: type === 'number',
        sentence: index,
      });
    }
    sentences.push({ text: sentence.out(), start, end: words.length });
  });
  return { text: source, words, sentences, wordCount: words.length, truncated };
}

// The Porter2 stem of the lemma: the lemma undoes irregular forms ("built" → "build", "were"
// → "be"), the stem merges derivations ("invalidate", "invalidation" → "invalid"). Words are
// few and repeat, so each is stemmed once; the cache is bounded for a long-running app.
const stems = new Map<string, string>();
export function keyOf(lemma: string): string {
  let key = stems.get(lemma);
  if (key === undefined) {
    key = /^[a-z]/.test(lemma) && lemma.length > 3 ? porter2(lemma) : lemma;
    if (stems.size > 50_000) stems.clear();
    stems.set(lemma, key);
  }
  return key;
}

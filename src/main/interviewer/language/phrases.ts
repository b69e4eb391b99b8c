import { analyse, type AnalysedText, type Token } from './analysed-text';

/**
 * Finding a rubric phrase ("time to live", "I was responsible") in an answer: the phrase's
 * word keys (lemma stems) must occur consecutively, so "caching layers" finds "cache layer"
 * and "disagreed" finds "disagree". Phrases are few and fixed, so each is read once.
 */
const phraseKeys = new Map<string, string[]>();

export function keysOf(phrase: string): string[] {
  let keys = phraseKeys.get(phrase);
  if (!keys) {
    keys = analyse(phrase).words.map((w) => w.key);
    if (phraseKeys.size > 20_000) phraseKeys.clear();
    phraseKeys.set(phrase, keys);
  }
  return keys;
}

/** Index in `text.words` where the phrase starts, or -1. `from`/`to` limit the search to a range. */
export function findPhrase(text: AnalysedText, phrase: string, from = 0, to = text.words.length): number {
  const target = keysOf(phrase);
  if (target.length === 0) return -1;
  const { words } = text;
  outer: for (let i = from; i + target.length <= to; i += 1) {
    for (let j = 0; j < target.length; j += 1) if (words[i + j]!.key !== target[j]) continue outer;
    return i;
  }
  return -1;
}

/** The first place any of the phrases occurs, or undefined. */
export function findAny(text: AnalysedText, phrases: readonly string[], from = 0, to = text.words.length): { at: number; phrase: string } | undefined {
  let best: { at: number; phrase: string } | undefined;
  for (const phrase of phrases) {
    const at = findPhrase(text, phrase, from, to);
    if (at !== -1 && (!best || at < best.at)) best = { at, phrase };
  }
  return best;
}

export const containsAny = (text: AnalysedText, phrases: readonly string[]): boolean => findAny(text, phrases) !== undefined;

/**
 * A few of the candidate's own words around a place in the answer, for feedback that quotes
 * what they said ("…we set a TTL of five minutes…").
 */
export function quoteAround(text: AnalysedText, at: number, span = 9): string {
  const token = text.words[at];
  if (!token) return '';
  const sentence = text.sentences[token.sentence]!;
  const start = Math.max(sentence.start, at - Math.floor(span / 2));
  const end = Math.min(sentence.end, start + span);
  const quoted = joinWords(text.words.slice(start, end));
  return `${start > sentence.start ? '…' : ''}${quoted}${end < sentence.end ? '…' : ''}`;
}

/** Words back into text: contractions ("did" + "n't") rejoin without a space. */
export const joinWords = (words: readonly Token[]): string =>
  words.map((w, i) => (i > 0 && /^(?:n't|'\w+)$/i.test(w.value) ? w.value : `${i > 0 ? ' ' : ''}${w.value}`)).join('');

/**
 * The small amount of language handling the embedded evaluator needs: words, a light stemmer
 * so "caching" matches "cache" and "indexes" matches "index", and phrase search over stems.
 * Deterministic and dependency-free on purpose: the same answer always gets the same score.
 */
export interface AnalysedText {
  /** Lower-case word stems, in order. */
  stems: string[];
  wordCount: number;
  lower: string;
}

const WORD = /[a-z0-9][a-z0-9+#]*(?:'[a-z]+)?/g;

export function stem(word: string): string {
  let w = word.replace(/'s$/, '');
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('es') && w.length > 4 && /(?:ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && w.length > 3) w = w.slice(0, -1);
  // "cach(e)" / "cach" and "shard(ing)": drop a final e so both forms meet.
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  // "stopp(ing)" → "stop"
  if (w.length > 4 && w.at(-1) === w.at(-2) && !/[lsz]/.test(w.at(-1)!)) w = w.slice(0, -1);
  return w;
}

export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

export function analyse(text: string): AnalysedText {
  const list = words(text);
  return { stems: list.map(stem), wordCount: list.length, lower: text.toLowerCase() };
}

// Rubric phrases are few and fixed: stem each once.
const phraseStems = new Map<string, string[]>();
function stemsOf(phrase: string): string[] {
  let stems = phraseStems.get(phrase);
  if (!stems) {
    stems = words(phrase).map(stem);
    phraseStems.set(phrase, stems);
  }
  return stems;
}

/** Whether the phrase's stems occur consecutively in the text. */
export function containsPhrase(text: AnalysedText, phrase: string): boolean {
  const target = stemsOf(phrase);
  if (target.length === 0) return false;
  const { stems } = text;
  outer: for (let i = 0; i + target.length <= stems.length; i += 1) {
    for (let j = 0; j < target.length; j += 1) if (stems[i + j] !== target[j]) continue outer;
    return true;
  }
  return false;
}

export function containsAny(text: AnalysedText, phrases: readonly string[]): boolean {
  return phrases.some((phrase) => containsPhrase(text, phrase));
}

const globalPatterns = new WeakMap<RegExp, RegExp>();

/** How many times the patterns occur in the text (each pattern counted on its own). */
export function countMatches(text: AnalysedText, patterns: readonly RegExp[]): number {
  let count = 0;
  for (const pattern of patterns) {
    let global = globalPatterns.get(pattern);
    if (!global) {
      global = new RegExp(pattern.source, 'g');
      globalPatterns.set(pattern, global);
    }
    count += text.lower.match(global)?.length ?? 0;
  }
  return count;
}

const STOPWORDS = new Set(
  (
    'a an the and or but if then so of to in on at by for with about from into over as is are was were be been being it its this that these those ' +
    'you your yours we our i me my he she they them their what which who whom how why when where do does did can could would should will shall may might ' +
    'have has had not no yes there here than too very just also some any each more most other such own same only both few all tell describe explain walk ' +
    'through give example time way thing things one two would like make know because matter matters important good right really much lot well ' +
    'need needs want use used using get got made work works just first then new different instance case cases often usually always never even ' +
    'still back early able sure think kind sort someone something people whole part point happen happens cannot without while after before ' +
    'since until again many every another without within across around look looks see seen said say says go goes going come comes took take'
  ).split(' '),
);

/** The content words of a question, for judging whether a free-form answer is on topic. */
export function keywords(text: string): string[] {
  return [...new Set(words(text).filter((w) => w.length > 2 && !STOPWORDS.has(w)).map(stem))];
}

export const clamp01 = (value: number): number => Math.min(1, Math.max(0, value));

/**
 * How much an answer talks about the question's subject: distinct content words it shares
 * with the question and its rubric, 3 or more counting as fully on topic.
 */
type TopicSource = { concepts: { terms: string[] }[]; strongAnswer: string[]; modelAnswer: string[] };
const vocabularies = new WeakMap<TopicSource, Set<string>>();

export function topicRelevance(text: AnalysedText, rubric: TopicSource, questionText: string): number {
  let vocabulary = vocabularies.get(rubric);
  if (!vocabulary) {
    vocabulary = new Set(keywords([questionText, ...rubric.concepts.flatMap((c) => c.terms), ...rubric.strongAnswer, ...rubric.modelAnswer].join(' ')));
    vocabularies.set(rubric, vocabulary);
  }
  const shared = new Set(text.stems.filter((word) => vocabulary.has(word)));
  return clamp01(shared.size / 3);
}

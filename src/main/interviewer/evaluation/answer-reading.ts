import type { AnalysedText, Token } from '../language/analysed-text';
import { isContentWord, isFunctionWord } from '../language/content-words';
import type { Meaning } from '../language/meaning';
import type { QuestionReference } from './question-reference';
import { NUMBER_WORDS } from './story-parts';

/**
 * What an answer contains, measured once and shared by every rubric style (issue #8): which
 * sentences are about the question, what is repeated, whether it is a list of terms or an
 * echo of the question, and the depth signals (reasoning, examples, numbers) counted only in
 * sentences that are on topic, so a long ramble earns nothing for its length.
 */
export interface AnswerReading {
  text: AnalysedText;
  /** Sentence indexes kept after dropping near-repeats of earlier sentences. */
  kept: readonly number[];
  /** Share of the words that repeat an earlier sentence. */
  repeatedShare: number;
  /** Sentences about the question (a subset of `kept`). */
  onTopic: ReadonlySet<number>;
  /** Share of the kept words that are in on-topic sentences. */
  focus: number;
  /** Distinct content words (keys) in kept sentences, and those not taken from the question. */
  contentKeys: ReadonlySet<string>;
  novelKeys: ReadonlySet<string>;
  /** Novel content words that belong to the question's vocabulary or are close to it in meaning. */
  relevantKeys: ReadonlySet<string>;
  /**
   * How much of what the question is about the answer engages with: the weighted share of the
   * question's words it uses (or close synonyms), half of the weight counting as full.
   */
  engagement: number;
  /** Specific content in on-topic sentences: uncommon words, names and numbers, not from the question. */
  specificKeys: ReadonlySet<string>;
  keptWords: number;
  listLike: boolean;
  echo: boolean;
  saysDontKnow: boolean;
  reasoning: number;
  examples: number;
  numbers: number;
}

const DONT_KNOW = /\b(?:i (?:do not|don['’]t|dont) know|no idea|not sure|no clue|i can(?:no|['’])t (?:remember|recall|think of)|(?:never|not) (?:heard of|worked with|used|done)|i(?:'d| would) have to look|pass\b|i have not|i haven't|skip this)/;
const EXAMPLE = /\b(?:for (?:example|instance)|e\.g\.|such as|in my (?:last|previous|current|old) (?:job|team|role|company|project)|at my (?:last|previous|current|old)|we had|we used|i once|like when|last (?:year|month|week|quarter)|in one project|at \w+ we)\b/g;
const REASONING = /\b(?:because|since|trade-?offs?|however|whereas|instead|downsides?|drawbacks?|the cost|costs?|depends on|on the other hand|so that|which means|that means|otherwise|unless|but|the risk|risks?|benefit|advantage|in exchange|at the expense)\b/g;
const NUMBER = /\b\d+(?:[.,]\d+)?\s*(?:%|percent|ms|milliseconds?|s\b|seconds?|minutes?|hours?|days?|weeks?|months?|x\b|times|users|requests|k\b|gb|mb)?/g;

/** Cosine for a word to count as a synonym of a question word. */
const NEAR = 0.65;

const NUMBER_WORD = new RegExp(NUMBER_WORDS.source, 'g');

const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;
const contentKeysOf = (tokens: readonly Token[]): Set<string> => new Set(tokens.filter(isContentWord).map((t) => t.key));

export function readAnswer(text: AnalysedText, reference: QuestionReference, meaning: Meaning): AnswerReading {
  const sentenceWords = text.sentences.map((s) => text.words.slice(s.start, s.end));
  const sentenceKeys = sentenceWords.map(contentKeysOf);

  // A sentence that mostly repeats an earlier one adds nothing (the 20,000-character answer).
  const kept: number[] = [];
  let repeatedWords = 0;
  sentenceKeys.forEach((keys, index) => {
    const repeat = keys.size >= 3 && kept.some((k) => overlap(keys, sentenceKeys[k]!) >= 0.7);
    if (repeat) repeatedWords += sentenceWords[index]!.length;
    else kept.push(index);
  });

  const relevantKeys = new Set<string>();
  const contentKeys = new Set<string>();
  const novelKeys = new Set<string>();
  const onTopic = new Set<number>();
  const topicTokens: Token[] = [];
  let keptWords = 0;
  let topicWords = 0;
  for (const index of kept) {
    const words = sentenceWords[index]!;
    keptWords += words.length;
    let related = 0;
    for (const token of words) {
      if (!isContentWord(token)) continue;
      contentKeys.add(token.key);
      const inQuestion = reference.questionKeys.has(token.key);
      if (!inQuestion) novelKeys.add(token.key);
      const inVocabulary = reference.vocabulary.has(token.key);
      // Close in meaning counts only for uncommon words: everyday ones ("right" and "left") are close to too much.
      const near = !inVocabulary && !token.isNumber && meaning.isCommon(token.normal) === false && meaning.nearest(token.normal, reference.subjectWords) >= NEAR;
      if (inVocabulary || near) {
        related += 1;
        if (!inQuestion) relevantKeys.add(token.key);
      }
    }
    if (related >= 2 || (related === 1 && words.length <= 12)) {
      onTopic.add(index);
      topicWords += words.length;
      topicTokens.push(...words);
    }
  }

  // Engagement with the question's subject, rarer question words weighing more.
  let engaged = 0;
  let total = 0;
  const answerWords = [...new Set(text.words.filter((w) => isContentWord(w) && !w.isNumber).map((w) => w.normal))];
  for (const [key, { weight, word }] of reference.questionWeights) {
    total += weight;
    if (contentKeys.has(key) || (meaning.isCommon(word) === false && meaning.nearest(word, answerWords) >= NEAR)) engaged += weight;
  }
  const specificKeys = new Set(
    topicTokens.filter((t) => isContentWord(t) && !reference.questionKeys.has(t.key) && (t.isNumber || t.pos === 'PROPN' || meaning.isCommon(t.normal) !== true)).map((t) => t.key),
  );

  const topicText = [...onTopic].map((i) => text.sentences[i]!.text.toLowerCase()).join(' ');
  const lower = text.text.toLowerCase();
  const functionShare = text.wordCount === 0 ? 0 : text.words.filter(isFunctionWord).length / text.wordCount;
  const novelShare = contentKeys.size === 0 ? 0 : novelKeys.size / contentKeys.size;
  return {
    text,
    kept,
    repeatedShare: text.wordCount === 0 ? 0 : repeatedWords / text.wordCount,
    onTopic,
    focus: keptWords === 0 ? 0 : topicWords / keptWords,
    contentKeys,
    novelKeys,
    relevantKeys,
    engagement: total === 0 ? 1 : Math.min(1, engaged / total / 0.5),
    specificKeys,
    keptWords,
    // Spoken sentences are about half function words; a list of terms has almost none.
    listLike: text.wordCount >= 4 && functionShare < 0.2,
    // Little said that the question did not already say.
    echo: text.wordCount >= 6 && (novelKeys.size <= 3 || (novelShare < 0.35 && relevantKeys.size < 4)),
    saysDontKnow: DONT_KNOW.test(lower) && contentKeys.size < 14,
    reasoning: count(topicText, REASONING),
    examples: count(topicText, EXAMPLE),
    numbers: count(topicText, NUMBER) + count(topicText, NUMBER_WORD),
  };
}

/** Share of the smaller set's words that the other set has. */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const key of small) if (large.has(key)) shared += 1;
  return small.size === 0 ? 0 : shared / small.size;
}

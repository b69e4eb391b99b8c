import { countMatches, type AnalysedText } from './text-analysis';

/**
 * Surface signals of a good spoken answer, shared by every rubric style: saying "I don't
 * know", giving a concrete example, reasoning about why and trade-offs, and length.
 */
const DONT_KNOW = /\b(?:i (?:do not|don't|dont) know|no idea|not sure|i have no clue|i can't remember|i cannot remember|never heard of|pass)\b/;
const EXAMPLE = [/\bfor (?:example|instance)\b/, /\be\.g\./, /\bsuch as\b/, /\bin my (?:last|previous|current)\b/, /\bat my (?:last|previous|current)\b/, /\bwe had\b/, /\bi once\b/, /\blike when\b/];
const REASONING = [/\bbecause\b/, /\btrade-?offs?\b/, /\bhowever\b/, /\bwhereas\b/, /\binstead\b/, /\bdownsides?\b/, /\bthe cost\b/, /\bdepends on\b/, /\bon the other hand\b/, /\bso that\b/, /\bwhich means\b/];
const NUMBER = /\b\d+(?:[.,]\d+)?\s*(?:%|percent|ms|s|seconds|minutes|hours|days|weeks|months|x|times|users|requests|k|m|gb|mb)?\b/;

export interface AnswerSignals {
  saysDontKnow: boolean;
  examples: number;
  reasoning: number;
  numbers: number;
  /** 0.35 for a few words, 1 for a full answer, a little less for a very long one. */
  lengthFactor: number;
}

export function readSignals(text: AnalysedText): AnswerSignals {
  const { wordCount } = text;
  return {
    saysDontKnow: DONT_KNOW.test(text.lower) && wordCount < 25,
    examples: countMatches(text, EXAMPLE),
    reasoning: countMatches(text, REASONING),
    numbers: countMatches(text, [NUMBER]),
    lengthFactor: wordCount < 8 ? 0.35 : wordCount < 20 ? 0.65 : wordCount < 35 ? 0.85 : wordCount <= 400 ? 1 : 0.9,
  };
}

import type { Meaning } from '../language/meaning';
import type { RubricConcept } from '../question-bank-schema';
import type { AnswerReading } from './answer-reading';
import { brevityFactor, CEILING, isLong, kindOf, lengthPenalty } from './answer-verdict';
import { coverageOf, coverConcepts, isAbsent, type ConceptCredit } from './concept-coverage';
import type { AnswerEvaluation } from './evaluation-types';
import { headline, lengthNote, lowerFirst, roundToHalf } from './feedback-text';

/** A rubric as the concept evaluator uses it: a bank's, a follow-up's subset, or one built from the question. */
export interface ConceptRubric {
  concepts: readonly RubricConcept[];
  commonMistakes: readonly string[];
  /** Built from the question's wording: its concepts count only in sentences about the question. */
  built?: boolean;
}

/** What an answer about the question's subject earns with no key point in it. */
const ATTEMPT = 2;

const clamp01 = (value: number): number => Math.min(1, Math.max(0, value));

/**
 * Technical (and conversation) answers: weighted coverage of the rubric's concepts, then depth
 * (reasoning, examples, numbers) and how much relevant substance the answer adds beyond the
 * question, all measured on the sentences that are about the question. Length never adds
 * points; an answer far longer than needed, much of it off the subject, loses some.
 */
export function evaluateConcepts(reading: AnswerReading, rubric: ConceptRubric, meaning: Meaning, expectedWords: number, askedFor: string): Omit<AnswerEvaluation, 'skillsShown'> {
  const kind = kindOf(reading);
  const credits = coverConcepts(reading, rubric.concepts, meaning, { onlyOnTopic: rubric.built });
  const coverage = coverageOf(credits);
  // Off topic is judged on the sentences about the question: "for example" in a story about hiking covers nothing.
  const topical = rubric.built ? coverage : coverageOf(coverConcepts(reading, rubric.concepts, meaning, { onlyOnTopic: true }));
  const depth = (clamp01(reading.reasoning / 2) + clamp01((reading.examples + reading.numbers) / 2)) / 2;
  const specificity = clamp01(reading.specificKeys.size / (expectedWords >= 100 ? 10 : 5));
  const substance = clamp01(reading.relevantKeys.size / (expectedWords >= 100 ? 12 : 6));
  // Off topic: it neither covers the rubric nor engages with what the question names. A vague
  // answer about the question's own subject is weak, not off topic.
  const offTopic =
    kind === 'answer' &&
    (rubric.built ? reading.engagement < 0.3 : (topical < 0.15 && reading.relevantKeys.size < 4 && reading.engagement < 0.5) || (topical < 0.35 && reading.engagement < 0.25));
  const brevity = brevityFactor(reading.text.wordCount, expectedWords);
  // A rubric built from the question's wording knows what is asked, not the answer: specific
  // content about the subject counts most there.
  let raw = rubric.built
    ? 10 * brevity * (0.35 * Math.pow(coverage, 0.75) + 0.4 * specificity + 0.25 * depth) * clamp01(reading.engagement * 1.4)
    : 10 * brevity * (0.7 * Math.pow(coverage, 0.75) + 0.15 * depth * clamp01(coverage * 3) + 0.15 * substance);
  const long = isLong(reading, expectedWords);
  raw -= lengthPenalty(reading, expectedWords);
  // An on-topic attempt that names no key point is still more than "I don't know" (fair: ~2–3).
  if (kind === 'answer' && !offTopic) raw = Math.max(raw, ATTEMPT * brevity * reading.engagement);
  raw = Math.min(raw, CEILING[kind], offTopic ? 1.5 : 10);
  const score = kind === 'dont-know' && coverage < 0.2 ? 0 : roundToHalf(raw);

  const byWeight = (list: ConceptCredit[]): ConceptCredit[] => [...list].sort((a, b) => b.concept.weight - a.concept.weight);
  const said = byWeight(credits.filter((c) => c.credit === 1));
  const touched = byWeight(credits.filter((c) => c.credit === 0.5));
  // "You did not mention X" only when none of X's terms occurs anywhere in the answer.
  const missing = byWeight(credits.filter((c) => c.credit === 0 && isAbsent(reading, c.concept, meaning)));

  const strengths: string[] = [];
  const weaknesses: string[] = [];
  const suggestions: string[] = [];
  if (kind === 'answer' && !offTopic) {
    strengths.push(...said.slice(0, 3).map((c) => `You explained ${c.concept.name}${c.quote ? ` ("${c.quote}")` : ''}.`));
    if (reading.examples + reading.numbers > 0 && coverage > 0.2) strengths.push('You made it concrete with an example or numbers.');
    if (reading.reasoning > 0 && coverage > 0.2) strengths.push('You reasoned about why, not only what.');
    weaknesses.push(...touched.slice(0, 2).map((c) => `You touched on ${c.concept.name}; say it explicitly.`));
  }
  weaknesses.push(...missing.slice(0, 3).map((c) => `You did not mention ${c.concept.name}.`));
  // Not found, but something close was said: ask for it plainly rather than claim it is missing.
  const unclear = byWeight(credits.filter((c) => c.credit === 0 && !missing.includes(c)));
  if (kind === 'answer' && !offTopic) weaknesses.push(...unclear.slice(0, Math.max(0, 3 - missing.length)).map((c) => `Make ${c.concept.name} explicit: it did not come through clearly.`));
  if (kind === 'answer' && brevity < 1) weaknesses.push('The answer was very short for this question.');
  if (kind === 'list') weaknesses.push('You listed terms without explaining them.');
  if (reading.repeatedShare > 0.2) weaknesses.push('Parts of the answer repeated themselves; repeating a point adds nothing.');

  const topMissing = missing[0] ?? touched[0];
  if (topMissing) suggestions.push(`Next time, cover ${topMissing.concept.name}.`);
  if (kind === 'list') suggestions.push('Say in a sentence or two what each term means and why it matters here.');
  if (kind === 'answer' && !offTopic && reading.examples + reading.numbers === 0) suggestions.push('Add a concrete example from your own experience.');
  const mistake = rubric.commonMistakes[0];
  if (mistake && score < 8 && kind === 'answer') suggestions.push(`A common mistake to avoid: ${lowerFirst(mistake)}`);
  if (long) suggestions.push(lengthNote(reading.text.wordCount, expectedWords));

  return {
    score,
    feedback: headline({ kind, offTopic, score, covered: said.length, total: rubric.built ? 0 : rubric.concepts.length, askedFor }),
    strengths,
    weaknesses,
    suggestions,
    missedConcepts: credits.filter((c) => c.credit < 1).map((c) => c.concept.name),
  };
}

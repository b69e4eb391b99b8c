import type { Rubric } from '../question-bank-schema';
import { readSignals } from './answer-signals';
import { roundToHalf, summarise, type AnswerEvaluation } from './evaluation-types';
import { clamp01, containsAny, topicRelevance, type AnalysedText } from './text-analysis';

/**
 * Technical answers: weighted coverage of the rubric's key concepts, with depth (reasoning,
 * examples, numbers) counting only as far as the answer is on topic, so a long off-topic
 * answer stays low however well it is phrased.
 */
export function evaluateConcepts(text: AnalysedText, rubric: Rubric, questionText: string): Omit<AnswerEvaluation, 'skillsShown'> {
  const signals = readSignals(text);
  const covered = rubric.concepts.filter((concept) => containsAny(text, concept.terms));
  const missed = rubric.concepts.filter((concept) => !covered.includes(concept));
  const totalWeight = rubric.concepts.reduce((sum, c) => sum + c.weight, 0);
  const coverage = covered.reduce((sum, c) => sum + c.weight, 0) / totalWeight;
  const depth = (clamp01(signals.reasoning / 2) + clamp01((signals.examples + signals.numbers) / 2)) / 2;
  const onTopic = clamp01(coverage * 2.5);
  // Coverage counts more at first: naming half the points is worth more than half the marks.
  const conceptual = 10 * signals.lengthFactor * (0.8 * Math.pow(coverage, 0.75) + 0.2 * depth * onTopic);
  // An answer that names no key concept but talks about the subject is a weak attempt,
  // still better than "I don't know" or an answer about something else.
  const attempt = coverage === 0 ? 1.5 * signals.lengthFactor * topicRelevance(text, rubric, questionText) : 0;
  const raw = signals.saysDontKnow && coverage < 0.2 ? 0 : conceptual + attempt;
  const score = roundToHalf(raw);

  const byWeight = <T extends { weight: number }>(list: T[]): T[] => [...list].sort((a, b) => b.weight - a.weight);
  const strengths = byWeight(covered)
    .slice(0, 3)
    .map((c) => `You explained ${c.name}.`);
  if (onTopic > 0.5 && signals.examples > 0) strengths.push('You made it concrete with an example.');
  if (onTopic > 0.5 && signals.reasoning > 0) strengths.push('You reasoned about why, not only what.');

  const weaknesses = byWeight(missed)
    .slice(0, 3)
    .map((c) => `You did not mention ${c.name}.`);
  if (signals.lengthFactor < 0.7 && !signals.saysDontKnow) weaknesses.push('The answer was very short for this question.');
  if (covered.length === 0 && text.wordCount >= 30) weaknesses.push('The answer did not address what the question asked.');

  const suggestions: string[] = [];
  const topMissed = byWeight(missed)[0];
  if (topMissed) suggestions.push(`Next time, cover ${topMissed.name}.`);
  if (signals.examples === 0) suggestions.push('Add a concrete example from your own experience.');
  if (rubric.commonMistakes[0] && score < 8) suggestions.push(`A common mistake to avoid: ${lowerFirst(rubric.commonMistakes[0])}`);

  return {
    score,
    feedback: summarise(score, covered.length, rubric.concepts.length),
    strengths,
    weaknesses,
    suggestions,
    missedConcepts: missed.map((c) => c.name),
  };
}

const lowerFirst = (sentence: string): string => sentence.charAt(0).toLowerCase() + sentence.slice(1);

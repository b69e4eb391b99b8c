import { readSignals } from './answer-signals';
import { roundToHalf, summarise, type AnswerEvaluation } from './evaluation-types';
import { clamp01, keywords, type AnalysedText } from './text-analysis';

/**
 * Questions without a rubric (the user's own): on topic when the answer uses the question's
 * content words, then credited for reasoning, examples and a sensible length.
 */
export function evaluateGeneric(text: AnalysedText, questionText: string): Omit<AnswerEvaluation, 'skillsShown'> {
  const signals = readSignals(text);
  const topic = keywords(questionText);
  const answerStems = new Set(text.stems);
  const shared = topic.filter((word) => answerStems.has(word));
  const relevance = topic.length === 0 ? 0.5 : clamp01(shared.length / Math.max(1, Math.min(topic.length, 4)));
  const depth = (clamp01(signals.reasoning / 2) + clamp01((signals.examples + signals.numbers) / 2)) / 2;
  const raw = signals.saysDontKnow ? 0 : 10 * signals.lengthFactor * (0.45 * relevance + 0.55 * depth * clamp01(relevance * 2));
  const score = roundToHalf(raw);

  const strengths: string[] = [];
  if (relevance >= 0.5) strengths.push('You stayed on the question.');
  if (signals.examples > 0) strengths.push('You made it concrete with an example.');
  if (signals.reasoning > 0) strengths.push('You explained your reasoning.');
  const weaknesses: string[] = [];
  if (relevance < 0.5) weaknesses.push('The answer drifted away from what was asked.');
  if (signals.examples === 0 && signals.numbers === 0) weaknesses.push('There was no concrete example.');
  if (signals.lengthFactor < 0.7) weaknesses.push('The answer was very short.');
  const suggestions = ['Answer the question directly first, then support it with one concrete example and its outcome.'];

  return { score, feedback: summarise(score, 0, 0), strengths, weaknesses, suggestions, missedConcepts: [] };
}

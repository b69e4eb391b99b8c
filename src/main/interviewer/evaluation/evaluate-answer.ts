import type { AnalysedText } from '../language/analysed-text';
import type { Meaning } from '../language/meaning';
import type { JudgedQuestion } from '../judged-question';
import { readAnswer } from './answer-reading';
import { CEILING, kindOf } from './answer-verdict';
import { evaluateConcepts } from './concept-evaluator';
import type { AnswerEvaluation } from './evaluation-types';
import { buildReference, type QuestionReference } from './question-reference';
import { evaluateStar } from './star-evaluator';

/**
 * The embedded evaluator's one entry point: read the answer against the question's reference,
 * then judge it by the question's style (concepts, or a STAR story). Pure and deterministic:
 * the same question and answer always give the same evaluation.
 */
const references = new WeakMap<JudgedQuestion, Map<string, QuestionReference>>();

function referenceFor(judged: JudgedQuestion, questionText: string, meaning: Meaning): QuestionReference {
  let byText = references.get(judged);
  if (!byText) references.set(judged, (byText = new Map()));
  let reference = byText.get(questionText);
  if (!reference) {
    reference = buildReference(meaning, questionText, judged.referenceTexts, judged.expectedWords);
    byText.set(questionText, reference);
  }
  return reference;
}

export function evaluateAnswer(judged: JudgedQuestion, questionText: string, answer: AnalysedText, meaning: Meaning): Omit<AnswerEvaluation, 'skillsShown'> {
  const reading = readAnswer(answer, referenceFor(judged, questionText, meaning), meaning);
  const judge = judged.style === 'star' ? evaluateStar : evaluateConcepts;
  return judge(reading, judged.rubric, meaning, judged.expectedWords, judged.askedFor);
}

/**
 * The most any evaluator may give this answer, from what it is: nothing said or "I don't
 * know" 1, the question repeated 2, a list of terms 3, else 10. A model evaluator's score is
 * held to it, so a gibberish or empty answer is never scored high, whatever the model says.
 */
export function answerCeiling(judged: JudgedQuestion, questionText: string, answer: AnalysedText, meaning: Meaning): number {
  return CEILING[kindOf(readAnswer(answer, referenceFor(judged, questionText, meaning), meaning))];
}

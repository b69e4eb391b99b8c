import type { InterviewConfig, Phase } from '../protocol';
import { LENGTH_RULES, lengthInQuestions } from './length-rules';

/** What the progress line needs to know about a question (the `question` message has it). */
export interface ProgressOf {
  phase: Phase;
  followUp: boolean;
  /** Which main question this is; absent for the introduction, closing and follow-ups. */
  mainNumber?: number | undefined;
  /** For a follow-up, the number of the main question it follows. */
  parentNumber?: number | undefined;
}

/**
 * Where the candidate is, counted in main questions only (DESIGN.md §5.1): "Question 3 of 5"
 * (quick), "Question 7 (12–20)" (standard), "Question 7 (up to 20)" (full), "Question 2 of 6"
 * (custom questions), "Follow-up to question 3". The introduction and the closing are not
 * questions that count, so they are named instead of numbered.
 */
export function progressLine(question: ProgressOf, config: Pick<InterviewConfig, 'length' | 'questions' | 'retakeOf'> | null | undefined): string {
  if (config?.retakeOf) return 'Practising one question again';
  if (question.phase === 'intro') return 'Introduction';
  if (question.phase === 'wrapup') return 'Your questions for us';
  if (question.followUp) return question.parentNumber ? `Follow-up to question ${question.parentNumber}` : 'Follow-up';
  if (!question.mainNumber) return 'Question';
  return `Question ${question.mainNumber}${outOf(config)}`;
}

function outOf(config: Pick<InterviewConfig, 'length' | 'questions'> | null | undefined): string {
  if (!config) return '';
  if (config.questions) return ` of ${config.questions.length}`;
  const length = config.length ?? 'standard';
  const { target, max } = LENGTH_RULES[length];
  return target === max ? ` of ${max}` : ` (${lengthInQuestions(length)})`;
}

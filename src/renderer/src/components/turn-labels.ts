import { progressLine } from '../../../shared/interview/progress-line';
import type { InterviewConfig, QuestionMessage } from '../../../shared/protocol';

type Question = Pick<QuestionMessage, 'phase' | 'followUp' | 'mainNumber' | 'parentNumber'>;

/** The introduction and the closing get feedback, not a score (DESIGN.md §5.1). */
export const isScored = (question: Pick<QuestionMessage, 'phase'>): boolean => question.phase !== 'intro' && question.phase !== 'wrapup';

/**
 * The progress line of the question on screen. A follow-up also quotes the main question it
 * follows, when this window knows it (issue #9): "Follow-up to question 3: How would you…".
 */
export function questionLine(question: Question, asked: readonly Pick<QuestionMessage, 'followUp' | 'mainNumber' | 'text'>[], config: InterviewConfig | null): string {
  const line = progressLine(question, config);
  if (!question.followUp || !question.parentNumber) return line;
  const main = asked.find((q) => !q.followUp && q.mainNumber === question.parentNumber);
  return main ? `${line}: ${main.text}` : line;
}

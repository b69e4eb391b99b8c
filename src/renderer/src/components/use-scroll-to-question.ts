import { useEffect } from 'react';

/** The element id of a question in the report. */
export const questionAnchor = (questionId: string): string => `question-${questionId}`;

/**
 * Brings the answer a History search found into view once the report is drawn (issue #11),
 * and moves focus to it, so a keyboard or screen-reader user lands there too.
 */
export function useScrollToQuestion(questionId: string | undefined): void {
  useEffect(() => {
    if (!questionId) return;
    const element = document.getElementById(questionAnchor(questionId));
    element?.scrollIntoView({ block: 'start' });
    element?.focus({ preventScroll: true });
  }, [questionId]);
}

import { DIFFICULTY_WEIGHTS } from './difficulty-weights';

const { easy, medium, hard } = DIFFICULTY_WEIGHTS;

/**
 * The one line that says what the overall score is (DESIGN.md §5.1: "the report says this in
 * one line"). The report, History and the end of the interview all show this text, so they
 * can never explain the number differently.
 */
export function describeOverallScore(mainQuestions: number): string {
  const whose = mainQuestions === 1 ? 'your 1 main question’s score' : `your ${mainQuestions} main questions’ scores`;
  return (
    `Overall = the average of ${whose}, weighted by difficulty (easy ${easy}×, medium ${medium}×, hard ${hard}×), ×10; ` +
    'a follow-up can raise its question’s score, never lower it; skipped questions count 0; ' +
    'the introduction and closing are not scored.'
  );
}

import { atMost, LIMITS } from '../../../shared/protocol';

/** What the candidate typed in the setup form's text boxes, before it is sent. */
export interface SetupTexts {
  jobDescription: string;
  resume: string;
  /** One question a line; blank lines are not questions. */
  customQuestions: string;
}

export interface FieldCount {
  count: number;
  limit: number;
  unit: string;
  over: boolean;
}

export const customQuestionsOf = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

const count = (value: number, limit: number, unit: string): FieldCount => ({ count: value, limit, unit, over: value > limit });

/** The counters under each box: "1,234 / 20,000 characters". */
export function setupCounts(texts: SetupTexts): Record<keyof SetupTexts, FieldCount> {
  return {
    jobDescription: count(texts.jobDescription.trim().length, LIMITS.jobDescriptionChars, 'characters'),
    resume: count(texts.resume.trim().length, LIMITS.resumeChars, 'characters'),
    customQuestions: count(customQuestionsOf(texts.customQuestions).length, LIMITS.customQuestions, 'questions'),
  };
}

export const formatCount = ({ count: value, limit, unit }: FieldCount): string => `${value.toLocaleString('en-US')} / ${limit.toLocaleString('en-US')} ${unit}`;

/**
 * Why the interview cannot start yet, one sentence per text over its limit (issue #9, fault
 * 15): the form refuses and says so rather than cutting what was typed, with the same limits
 * the engine checks.
 */
export function setupLimitProblems(texts: SetupTexts): string[] {
  const counts = setupCounts(texts);
  const problems: string[] = [];
  const over = (what: string, field: FieldCount, fix: string): string =>
    `${what} has ${field.count.toLocaleString('en-US')} ${field.unit}; it can have ${atMost(field.limit, field.unit)}. ${fix}`;
  if (counts.jobDescription.over) problems.push(over('The job description', counts.jobDescription, 'Shorten it to the parts about the role and its skills.'));
  if (counts.resume.over) problems.push(over('The résumé', counts.resume, 'Shorten it to your recent roles.'));
  if (counts.customQuestions.over) problems.push(over('Your question list', counts.customQuestions, `Remove ${(counts.customQuestions.count - counts.customQuestions.limit).toLocaleString('en-US')} to start.`));
  customQuestionsOf(texts.customQuestions).forEach((question, index) => {
    if (question.length > LIMITS.questionTextChars) {
      problems.push(`Question ${index + 1} has ${question.length.toLocaleString('en-US')} characters; a question can have ${atMost(LIMITS.questionTextChars, 'characters')}. Shorten it.`);
    }
  });
  return problems;
}

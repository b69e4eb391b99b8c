import type { JobSkill } from './evaluation/evaluation-types';
import { analyse } from './language/analysed-text';
import { containsAny } from './language/phrases';
import type { BankSkill } from './question-bank-schema';

/** The track's skills a job description names (by name or synonym), in the bank's order. */
export function skillsInJobDescription(skills: readonly BankSkill[], jobDescription: string | undefined): JobSkill[] {
  if (!jobDescription?.trim()) return [];
  const text = analyse(jobDescription);
  return skills
    .map((skill) => ({ id: skill.id, name: skill.name, terms: [skill.name, ...skill.synonyms] }))
    .filter((skill) => containsAny(text, skill.terms));
}

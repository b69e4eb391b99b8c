/** What any evaluator (embedded or a model provider) returns for one answer. */
export interface AnswerEvaluation {
  /** 0–10, in half points. */
  score: number;
  feedback: string;
  strengths: string[];
  weaknesses: string[];
  suggestions: string[];
  /** Concept names the answer missed, for choosing a follow-up. */
  missedConcepts: string[];
  /** Ids of job-description skills the answer showed. */
  skillsShown: string[];
}

export interface JobSkill {
  id: string;
  name: string;
  terms: string[];
}

export const roundToHalf = (score: number): number => Math.round(Math.min(10, Math.max(0, score)) * 2) / 2;

export function summarise(score: number, covered: number, total: number): string {
  const coverage = total > 0 ? ` You covered ${covered} of ${total} key points.` : '';
  if (score >= 8) return `Strong answer.${coverage}`;
  if (score >= 6) return `Good answer with room to go deeper.${coverage}`;
  if (score >= 4) return `Partly there: the core is present but important parts are missing.${coverage}`;
  if (score > 1) return `This answer missed most of what the question was after.${coverage}`;
  return `No real answer yet: that is fine in practice, and the outline in the report shows what to cover.${coverage}`;
}

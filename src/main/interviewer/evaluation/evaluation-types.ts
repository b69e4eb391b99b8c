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

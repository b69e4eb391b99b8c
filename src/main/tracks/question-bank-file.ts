import { z } from 'zod';
import { Difficulty, LIMITS, TrackId } from '../../shared/protocol';

/**
 * The file format of `resources/question-banks/<track>.json` (STYLE.md §8: data as data).
 * The interviewer issue extends each question with its rubric.
 */
export const BankQuestion = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/),
  text: z.string().min(10).max(LIMITS.questionTextChars),
  difficulty: Difficulty,
});

export const QuestionBankFile = z.object({
  id: TrackId,
  title: z.string().min(1).max(80),
  description: z.string().min(1).max(300),
  questions: z.array(BankQuestion),
});

export type QuestionBankFile = z.infer<typeof QuestionBankFile>;

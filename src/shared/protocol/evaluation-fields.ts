import { z } from 'zod';
import { LIMITS } from './limits';
import { Id, Score10 } from './primitives';

const FeedbackList = z.array(z.string().max(LIMITS.questionTextChars)).max(20);

/** One answer's evaluation, as the `evaluation` message and `interviews.get` both carry it. */
export const evaluationFields = {
  answerId: Id,
  score: Score10,
  feedback: z.string().max(LIMITS.answerTextChars),
  strengths: FeedbackList,
  weaknesses: FeedbackList,
  suggestions: FeedbackList,
  /** Names of job-description skills this answer showed (an addition to DESIGN.md §4.2). */
  skillsShown: z.array(z.string().max(LIMITS.shortTextChars)).max(20).optional(),
};

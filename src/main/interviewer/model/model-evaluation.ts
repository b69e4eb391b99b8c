import { z } from 'zod';
import type { OutputSchema } from '../../providers/llm/language-model';
import { portableSchema } from '../../providers/llm/portable-schema';
import { roundToHalfPoint } from '../../engine/score-summary';
import type { AnswerEvaluation } from '../evaluation/evaluation-types';

/**
 * What a model must return for one answer (DESIGN.md §8): the embedded evaluator's shape,
 * validated with zod, with the score's range checked in code (the schema's range is a hint
 * some APIs reject). Anything else is a bad reply, repaired once or replaced by the embedded
 * evaluator; never a default score.
 */
const Lines = z.array(z.string().trim().min(1).max(400)).max(6);

export const ModelEvaluation = z.strictObject({
  score: z.number().min(0).max(10),
  feedback: z.string().trim().min(1).max(600),
  strengths: Lines,
  weaknesses: Lines,
  suggestions: Lines,
  missedConcepts: z.array(z.string().trim().min(1).max(120)).max(8),
});
export type ModelEvaluation = z.infer<typeof ModelEvaluation>;

export const EVALUATION_OUTPUT: OutputSchema = {
  name: 'answer_evaluation',
  description: 'The evaluation of one interview answer.',
  schema: portableSchema(z.toJSONSchema(ModelEvaluation, { target: 'draft-7' }) as Record<string, unknown>),
  grammar: z.toJSONSchema(ModelEvaluation, { target: 'draft-7' }) as Record<string, unknown>,
};

export type EvaluationReading = { ok: true; evaluation: Omit<AnswerEvaluation, 'skillsShown'> } | { ok: false; problems: string };

export function readModelEvaluation(value: unknown): EvaluationReading {
  const parsed = ModelEvaluation.safeParse(value);
  if (!parsed.success) {
    // Paths and rule names only: the model's own text is not repeated back to it or logged.
    const problems = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || 'the object'}: ${issue.code}`).join('; ');
    return { ok: false, problems };
  }
  const { score, ...rest } = parsed.data;
  if (!Number.isFinite(score) || score < 0 || score > 10) return { ok: false, problems: 'score: must be between 0 and 10' };
  return { ok: true, evaluation: { ...rest, score: roundToHalfPoint(score) } };
}

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The graded answer set (issue #8): answers of known quality to bank and custom questions,
 * written by someone who had not read the rubrics. Used by the evaluator's tests and by
 * `npm run bench -- evaluator`. Its schema is checked on load.
 */
export const QUALITIES = ['excellent', 'good', 'vague', 'dont-know', 'off-topic'] as const;
export const KINDS = ['keyword-list', 'short-correct', 'ramble', 'non-native', 'echo', 'factual-error'] as const;
/** For rank correlation: "I don't know" and off-topic both answer nothing. */
export const QUALITY_GRADE: Record<(typeof QUALITIES)[number], number> = { excellent: 3, good: 2, vague: 1, 'dont-know': 0, 'off-topic': 0 };

const Answer = z.object({
  quality: z.enum(QUALITIES).optional(),
  kind: z.enum(KINDS).optional(),
  /** What a fair human interviewer would give, 0–10, in the writer's judgement. */
  fair: z.number().min(0).max(10),
  note: z.string().optional(),
  text: z.string().min(1),
});
const GradedFile = z.object({
  track: z.string(),
  questions: z.array(
    z.object({
      id: z.string(),
      source: z.enum(['bank', 'custom']),
      bankId: z.string().optional(),
      text: z.string().min(10),
      answers: z.array(Answer).min(5),
    }),
  ),
});

export interface GradedAnswer extends z.infer<typeof Answer> {
  /** The quality or kind, numbered when a kind repeats within a question. */
  label: string;
}
export interface GradedQuestion {
  id: string;
  track: string;
  source: 'bank' | 'custom';
  bankId?: string;
  text: string;
  answers: GradedAnswer[];
}

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'graded');

export function loadGradedSet(): GradedQuestion[] {
  return readdirSync(DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => {
      const file = GradedFile.parse(JSON.parse(readFileSync(join(DIR, name), 'utf8')));
      return file.questions.map((q) => {
        const seen = new Map<string, number>();
        const answers = q.answers.map((a) => {
          const base = a.quality ?? a.kind ?? 'answer';
          const n = (seen.get(base) ?? 0) + 1;
          seen.set(base, n);
          return { ...a, label: n === 1 ? base : `${base}-${n}` };
        });
        return { ...q, track: file.track, answers };
      });
    });
}

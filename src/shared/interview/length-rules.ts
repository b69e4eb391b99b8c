import type { InterviewLength } from '../protocol';

/**
 * How long each interview length is, in main questions (DESIGN.md §5.1). The engine's
 * completion rules, its follow-up cap and the progress line all read these numbers, so
 * "Question 3 of 5" cannot drift from when the interview really ends.
 * - `target`/`boundaries`: complete at `target` main questions once `boundaries` skill
 *   boundaries were found (the seeds' progressive assessment, DESIGN.md §5);
 * - `max`: complete at `max` main questions whatever was found;
 * - `followUpsMax`: follow-ups in the whole interview; `null` means only the per-question
 *   rule (at most one follow-up per main question) applies.
 */
export interface LengthRule {
  target: number;
  max: number;
  boundaries: number;
  followUpsMax: number | null;
}

export const LENGTH_RULES: Record<InterviewLength, LengthRule> = {
  quick: { target: 5, max: 5, boundaries: 0, followUpsMax: 2 },
  standard: { target: 12, max: 20, boundaries: 2, followUpsMax: null },
  full: { target: 16, max: 20, boundaries: 3, followUpsMax: null },
};

/** What a length means to the candidate: "5", "12–20", "up to 20" (main questions). */
export function lengthInQuestions(length: InterviewLength): string {
  const { target, max } = LENGTH_RULES[length];
  if (length === 'full') return `up to ${max}`;
  return target === max ? `${max}` : `${target}–${max}`;
}

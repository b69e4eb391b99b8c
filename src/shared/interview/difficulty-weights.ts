import type { Difficulty } from '../protocol';

/**
 * How much a main question weighs in the overall score (DESIGN.md §5.1: the
 * difficulty-weighted mean): a hard question counts double an easy one.
 */
export const DIFFICULTY_WEIGHTS: Record<Difficulty, number> = { easy: 1, medium: 1.5, hard: 2 };

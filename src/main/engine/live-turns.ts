import type { NewTurn, StoredTurn } from './ports';
import type { ScoringTurn } from './score-summary';

/**
 * The live interview's turns as the score summary counts them (DESIGN.md §5.1), kept beside
 * the session so numbering and the overall need no database read.
 */

/** A turn just asked (no outcome yet), or a stored one with what became of it. */
export function scoringTurnOf(turn: NewTurn | StoredTurn): ScoringTurn {
  const stored = 'skipped' in turn ? turn : undefined;
  return {
    id: turn.id,
    phase: turn.phase,
    difficulty: turn.difficulty,
    followUp: turn.followUp,
    parentTurnId: turn.parentTurnId,
    skipped: stored?.skipped ?? false,
    score: stored?.evaluation?.score,
  };
}

/** The turn was evaluated (its score) or, without a score, skipped. */
export function withOutcome(turns: readonly ScoringTurn[], turnId: string, score: number | undefined): ScoringTurn[] {
  return turns.map((t) => (t.id === turnId ? { ...t, skipped: score === undefined, score } : t));
}

import { asc, eq, inArray } from 'drizzle-orm';
import type { Difficulty, Phase } from '../../shared/protocol';
import { summariseScores, type ScoreSummary, type ScoringTurn } from '../engine/score-summary';
import type { AppDatabase } from './database';
import { answers, evaluations, turns } from './schema';

/**
 * The counts and overall score that History and the report show (DESIGN.md §5.1), from the
 * engine's own score summary over the stored turns, so they are the numbers the engine
 * stored when the interview finished. Interviews scored by an earlier rule are re-scored
 * here as they are read, so their report adds up too (docs/decisions.md).
 */

/** A stored turn, with its evaluation's score, as the score summary counts it. */
export function scoringTurnOfRow(turn: {
  id: string;
  phase: string;
  difficulty: string;
  followUp: boolean;
  parentTurnId: string | null;
  skipped: boolean;
  score: number | null | undefined;
}): ScoringTurn {
  return {
    id: turn.id,
    phase: turn.phase as Phase,
    difficulty: turn.difficulty as Difficulty,
    followUp: turn.followUp,
    parentTurnId: turn.parentTurnId,
    skipped: turn.skipped,
    score: turn.score ?? undefined,
  };
}

/** One query for the turns of many interviews (a page of History), summarised per interview. */
export function scoreSummariesOf(db: AppDatabase, interviewIds: string[]): Map<string, ScoreSummary> {
  if (interviewIds.length === 0) return new Map();
  const rows = db
    .select({
      interviewId: turns.interviewId,
      id: turns.id,
      phase: turns.phase,
      difficulty: turns.difficulty,
      followUp: turns.followUp,
      parentTurnId: turns.parentTurnId,
      skipped: turns.skipped,
      score: evaluations.score,
    })
    .from(turns)
    .leftJoin(answers, eq(answers.turnId, turns.id))
    .leftJoin(evaluations, eq(evaluations.answerId, answers.id))
    .where(inArray(turns.interviewId, interviewIds))
    .orderBy(asc(turns.interviewId), asc(turns.index))
    .all();
  const grouped = new Map<string, ScoringTurn[]>();
  for (const row of rows) {
    const list = grouped.get(row.interviewId) ?? [];
    list.push(scoringTurnOfRow(row));
    grouped.set(row.interviewId, list);
  }
  return new Map([...grouped].map(([id, list]) => [id, summariseScores(list)]));
}

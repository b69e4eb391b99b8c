import { DIFFICULTY_WEIGHTS } from '../../shared/interview/difficulty-weights';
import type { Difficulty, Phase } from '../../shared/protocol';
import { isAssessed } from './assessment-rules';

/**
 * How an interview's turns add up to its overall score (DESIGN.md §5.1). One pure function,
 * used by the engine when the interview finishes (the stored overall score and
 * `interview_complete`), by `interviews.get` and `interviews.list` (the report and History),
 * and for the progress line's numbering, so none of them can count differently.
 *
 * - Main questions are those of warmup, standard and advanced, numbered 1..N in order.
 *   Intro and wrap-up are evaluated but not scored.
 * - A follow-up belongs to its main question; it is never a question of its own. Its result
 *   can raise, never lower, the main question's counted score:
 *   counted = max(main, (main + followUp) / 2), rounded to half points (docs/decisions.md).
 * - A skipped main question counts 0. A main question neither answered nor skipped (the one
 *   on screen when the candidate ended the interview) does not count.
 * - Overall = the difficulty-weighted mean of the counted scores × 10, rounded.
 */
export interface ScoringTurn {
  id: string;
  phase: Phase;
  difficulty: Difficulty;
  followUp: boolean;
  /** The main question a follow-up belongs to; null for main questions. */
  parentTurnId: string | null;
  skipped: boolean;
  /** The evaluation's own score (0–10), once the answer was evaluated. */
  score?: number | undefined;
}

/** How one turn counts; empty for the introduction and closing. */
export interface TurnCount {
  /** Main questions: their number among main questions. */
  mainNumber?: number;
  /** Follow-ups: the number of the main question they belong to. */
  parentNumber?: number;
  /** Main questions that count: the score that enters the overall (0 when skipped). */
  countedScore?: number;
  /** Main questions whose follow-up raised the counted score above their own score. */
  raisedByFollowUp?: boolean;
}

export interface ScoreSummary {
  /** 0–100; 0 when no main question counts. */
  overallScore: number;
  /** Main questions counted in the overall (answered or skipped). */
  mainQuestions: number;
  followUps: number;
  skippedQuestions: number;
  byTurn: ReadonlyMap<string, TurnCount>;
}

/** Half points, as every score the candidate sees. */
export const roundToHalfPoint = (score: number): number => Math.round(Math.min(10, Math.max(0, score)) * 2) / 2;

/** The main question's counted score once its best follow-up (if any) is taken into account. */
export function countedScore(main: number, followUp: number | undefined): number {
  const combined = followUp === undefined ? main : Math.max(main, (main + followUp) / 2);
  return roundToHalfPoint(combined);
}

export function summariseScores(turns: readonly ScoringTurn[]): ScoreSummary {
  const byTurn = new Map<string, TurnCount>();
  const mains: ScoringTurn[] = [];
  const bestFollowUp = new Map<string, number>();
  let followUps = 0;
  let latestMain: ScoringTurn | undefined;

  for (const turn of turns) {
    if (!isAssessed(turn.phase)) {
      byTurn.set(turn.id, {});
    } else if (!turn.followUp) {
      mains.push(turn);
      latestMain = turn;
      byTurn.set(turn.id, { mainNumber: mains.length });
    } else {
      followUps += 1;
      // Follow-ups are stored with their parent; the question just before is the fallback.
      const parent = mains.find((m) => m.id === turn.parentTurnId) ?? latestMain;
      if (!parent) continue;
      byTurn.set(turn.id, { parentNumber: byTurn.get(parent.id)!.mainNumber! });
      // At most one follow-up per main question is asked; if ever there were more, the best counts.
      if (turn.score !== undefined) bestFollowUp.set(parent.id, Math.max(turn.score, bestFollowUp.get(parent.id) ?? 0));
    }
  }

  let weighted = 0;
  let weights = 0;
  let counted = 0;
  let skippedQuestions = 0;
  for (const main of mains) {
    const count = byTurn.get(main.id)!;
    if (main.skipped) {
      skippedQuestions += 1;
      count.countedScore = 0;
    } else if (main.score !== undefined) {
      count.countedScore = countedScore(main.score, bestFollowUp.get(main.id));
      if (count.countedScore > roundToHalfPoint(main.score)) count.raisedByFollowUp = true;
    } else {
      continue; // asked but never answered: the interview ended on it
    }
    counted += 1;
    const weight = DIFFICULTY_WEIGHTS[main.difficulty];
    weighted += weight * count.countedScore;
    weights += weight;
  }

  // Half points times weights of 1, 1.5 and 2 are multiples of 0.25, exact in floating point,
  // so the one division below rounds the same way wherever the mean is recomputed.
  const overallScore = weights === 0 ? 0 : Math.round((weighted * 10) / weights);
  return { overallScore, mainQuestions: counted, followUps, skippedQuestions, byTurn };
}

import { LENGTH_RULES } from '../../shared/interview/length-rules';
import { BOUNDARY_BELOW } from '../../shared/interview/skill-boundary';
import type { Difficulty, InterviewLength, Level, Phase } from '../../shared/protocol';

/**
 * Progressive assessment (DESIGN.md §5, from the seeds), as pure functions over a snapshot
 * that is stored with every answer:
 * - warmup: 2 questions, or 3 when the first two averaged below 6/10;
 * - standard until the average standard score is ≥ 7/10 (after at least 2), then advanced;
 * - in advanced, a score < 5/10 marks a skill boundary;
 * - completion: quick at 5 questions; standard at ≥ 12 with ≥ 2 boundaries, or at 20;
 *   full at ≥ 16 with ≥ 3 boundaries, or at 20; custom question lists when all were asked
 *   (the numbers are LENGTH_RULES, shared with the progress line);
 * - follow-ups: at most one per main question, and in quick at most 2 in all (§5.1).
 * Follow-ups and the intro/wrap-up questions do not count as questions here.
 */
export type AssessedPhase = 'warmup' | 'standard' | 'advanced';

export interface AssessmentSnapshot {
  phase: Phase;
  /** Main questions asked in the assessed phases, the current one included. */
  mainAsked: number;
  scores: Record<AssessedPhase, number[]>;
  boundaries: number;
  askedSourceIds: string[];
  /**
   * Follow-ups asked so far, for the quick interview's cap (§5.1). Snapshots stored before
   * it existed lack it; `restoreSnapshot` counts it from the stored turns.
   */
  followUpsAsked: number;
}

export const initialSnapshot = (): AssessmentSnapshot => ({
  phase: 'intro',
  mainAsked: 0,
  scores: { warmup: [], standard: [], advanced: [] },
  boundaries: 0,
  askedSourceIds: [],
  followUpsAsked: 0,
});

export const isAssessed = (phase: Phase): phase is AssessedPhase => phase === 'warmup' || phase === 'standard' || phase === 'advanced';

const average = (values: number[]): number => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);

export const ADVANCE_AT_STANDARD_AVERAGE = 7;
export { BOUNDARY_BELOW };

/** A main answer's score (0 for a skipped question) joins its phase's record. */
export function recordMainScore(snapshot: AssessmentSnapshot, phase: AssessedPhase, score: number): AssessmentSnapshot {
  return {
    ...snapshot,
    scores: { ...snapshot.scores, [phase]: [...snapshot.scores[phase], score] },
    boundaries: snapshot.boundaries + (phase === 'advanced' && score < BOUNDARY_BELOW ? 1 : 0),
  };
}

export function isComplete(snapshot: AssessmentSnapshot, length: InterviewLength, customCount: number | undefined): boolean {
  if (customCount !== undefined) return snapshot.mainAsked >= customCount;
  const limits = LENGTH_RULES[length];
  return snapshot.mainAsked >= limits.max || (snapshot.mainAsked >= limits.target && snapshot.boundaries >= limits.boundaries);
}

/**
 * Whether the interviewer may be asked for a follow-up to the turn just answered (§5.1): a
 * follow-up is never followed up (at most one per main question), and quick allows 2 in all.
 * The engine decides this, not the interviewer, so a model provider cannot lengthen a quick
 * interview.
 */
export function mayFollowUp(snapshot: AssessmentSnapshot, length: InterviewLength, answered: { phase: Phase; followUp: boolean }): boolean {
  if (!isAssessed(answered.phase) || answered.followUp) return false;
  const cap = LENGTH_RULES[length].followUpsMax;
  return cap === null || snapshot.followUpsAsked < cap;
}

/** The phase of the next main question. */
export function nextPhase(snapshot: AssessmentSnapshot): AssessedPhase {
  const { warmup, standard } = snapshot.scores;
  if (snapshot.phase === 'intro') return 'warmup';
  if (snapshot.phase === 'warmup') {
    const warmupDone = warmup.length >= 3 || (warmup.length >= 2 && average(warmup) >= 6);
    return warmupDone ? 'standard' : 'warmup';
  }
  if (snapshot.phase === 'standard') {
    return standard.length >= 2 && average(standard) >= ADVANCE_AT_STANDARD_AVERAGE ? 'advanced' : 'standard';
  }
  return 'advanced';
}

/** Which bank difficulties fit a phase for the candidate's level, best first. */
const DIFFICULTIES: Record<Level, Record<AssessedPhase, Difficulty[]>> = {
  junior: { warmup: ['easy'], standard: ['easy', 'medium'], advanced: ['medium', 'hard'] },
  mid: { warmup: ['easy', 'medium'], standard: ['medium', 'easy'], advanced: ['hard', 'medium'] },
  senior: { warmup: ['medium', 'easy'], standard: ['medium', 'hard'], advanced: ['hard'] },
};

export function difficultiesFor(level: Level, phase: AssessedPhase): Difficulty[] {
  return DIFFICULTIES[level][phase];
}

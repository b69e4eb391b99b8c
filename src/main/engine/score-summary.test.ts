import { describe, expect, it } from 'vitest';
import type { Difficulty } from '../../shared/protocol';
import { countedScore, summariseScores, type ScoringTurn } from './score-summary';

/** Builds an interview's turns in order; a follow-up belongs to the main question before it. */
function interview(build: (add: Builder) => void): ScoringTurn[] {
  const turns: ScoringTurn[] = [];
  let lastMain: string | null = null;
  const push = (turn: Omit<ScoringTurn, 'id' | 'parentTurnId' | 'skipped'> & Partial<ScoringTurn>): void => {
    const id = `t${turns.length + 1}`;
    turns.push({ id, parentTurnId: turn.followUp ? lastMain : null, skipped: false, ...turn });
    if (!turn.followUp && turn.phase !== 'intro' && turn.phase !== 'wrapup') lastMain = id;
  };
  build({
    intro: (score) => push({ phase: 'intro', difficulty: 'easy', followUp: false, score }),
    main: (difficulty, score) => push({ phase: 'standard', difficulty, followUp: false, score }),
    skipped: (difficulty) => push({ phase: 'standard', difficulty, followUp: false, skipped: true }),
    followUp: (score) => push({ phase: 'standard', difficulty: 'medium', followUp: true, score }),
    unanswered: (difficulty) => push({ phase: 'standard', difficulty, followUp: false }),
    wrapup: (score) => push({ phase: 'wrapup', difficulty: 'easy', followUp: false, score }),
  });
  return turns;
}
interface Builder {
  intro(score: number): void;
  main(difficulty: Difficulty, score: number): void;
  skipped(difficulty: Difficulty): void;
  followUp(score: number | undefined): void;
  unanswered(difficulty: Difficulty): void;
  wrapup(score: number): void;
}

describe('the overall score (DESIGN.md §5.1)', () => {
  it('is the difficulty-weighted mean of the main questions ×10: easy 1, medium 1.5, hard 2', () => {
    const summary = summariseScores(
      interview((i) => {
        i.main('easy', 8);
        i.main('medium', 6);
        i.main('hard', 4);
      }),
    );
    // (1×8 + 1.5×6 + 2×4) / (1 + 1.5 + 2) = 25 / 4.5 = 5.56 → 56; the plain mean would be 60.
    expect(summary.overallScore).toBe(56);
    expect(summary.mainQuestions).toBe(3);
  });

  it('leaves the introduction and the closing out, however they scored', () => {
    const withThem = summariseScores(
      interview((i) => {
        i.intro(1);
        i.main('medium', 7);
        i.main('medium', 9);
        i.wrapup(2);
      }),
    );
    expect(withThem.overallScore).toBe(80);
    expect(withThem.mainQuestions).toBe(2);
    const [intro, first, second, wrapup] = [...withThem.byTurn.values()];
    expect(intro).toEqual({});
    expect(wrapup).toEqual({});
    expect(first).toMatchObject({ mainNumber: 1, countedScore: 7 });
    expect(second).toMatchObject({ mainNumber: 2, countedScore: 9 });
  });

  it('counts a skipped main question as 0 and lists it as skipped', () => {
    const summary = summariseScores(
      interview((i) => {
        i.main('easy', 8);
        i.skipped('easy');
      }),
    );
    expect(summary.overallScore).toBe(40);
    expect(summary.mainQuestions).toBe(2);
    expect(summary.skippedQuestions).toBe(1);
    expect([...summary.byTurn.values()][1]).toEqual({ mainNumber: 2, countedScore: 0 });
  });

  it('counts only the questions asked when the interview ended early: not the one left unanswered', () => {
    const summary = summariseScores(
      interview((i) => {
        i.intro(5);
        i.main('medium', 8);
        i.main('medium', 6);
        i.unanswered('hard');
      }),
    );
    expect(summary.overallScore).toBe(70);
    expect(summary.mainQuestions).toBe(2);
    // It is still numbered (the candidate saw it as question 3), but adds nothing.
    expect([...summary.byTurn.values()][3]).toEqual({ mainNumber: 3 });
  });

  it('is 0 when no main question counts', () => {
    expect(summariseScores([]).overallScore).toBe(0);
    expect(summariseScores(interview((i) => i.intro(9))).overallScore).toBe(0);
  });
});

describe('follow-ups', () => {
  it('raise their main question to the mean of the two when that is higher, in half points', () => {
    expect(countedScore(5, 8)).toBe(6.5);
    expect(countedScore(5, 6)).toBe(5.5);
    expect(countedScore(6, 6.5)).toBe(6.5); // 6.25 rounds up to the half point
  });

  it('never lower it', () => {
    expect(countedScore(6, 2)).toBe(6);
    expect(countedScore(6, 0)).toBe(6);
    const summary = summariseScores(
      interview((i) => {
        i.main('medium', 6);
        i.followUp(1);
      }),
    );
    expect(summary.overallScore).toBe(60);
    expect([...summary.byTurn.values()][0]).toEqual({ mainNumber: 1, countedScore: 6 });
  });

  it('belong to their main question: numbered by it, not counted as questions, shown as raising it', () => {
    const summary = summariseScores(
      interview((i) => {
        i.intro(7);
        i.main('easy', 8);
        i.main('hard', 4);
        i.followUp(8);
        i.main('medium', 7);
        i.wrapup(7);
      }),
    );
    expect(summary.mainQuestions).toBe(3);
    expect(summary.followUps).toBe(1);
    const counts = [...summary.byTurn.values()];
    expect(counts[3]).toEqual({ parentNumber: 2 });
    expect(counts[2]).toEqual({ mainNumber: 2, countedScore: 6, raisedByFollowUp: true });
    expect(counts[4]).toEqual({ mainNumber: 3, countedScore: 7 });
    // (1×8 + 2×6 + 1.5×7) / 4.5 = 30.5 / 4.5 = 6.78 → 68.
    expect(summary.overallScore).toBe(68);
  });

  it('change nothing when skipped', () => {
    const summary = summariseScores(
      interview((i) => {
        i.main('medium', 5);
        i.followUp(undefined);
      }),
    );
    expect(summary.overallScore).toBe(50);
    expect(summary.followUps).toBe(1);
  });
});

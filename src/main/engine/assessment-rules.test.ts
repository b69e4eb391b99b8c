import { describe, expect, it } from 'vitest';
import {
  difficultiesFor,
  initialSnapshot,
  isComplete,
  mayFollowUp,
  nextPhase,
  recordMainScore,
  type AssessedPhase,
  type AssessmentSnapshot,
} from './assessment-rules';

/** Plays main-question scores through the rules, as the engine does, phase by phase. */
function play(scores: number[]): AssessmentSnapshot {
  let snapshot = initialSnapshot();
  for (const score of scores) {
    const phase = nextPhase(snapshot);
    snapshot = { ...snapshot, phase, mainAsked: snapshot.mainAsked + 1 };
    snapshot = recordMainScore(snapshot, phase, score);
  }
  return snapshot;
}
const phases = (scores: number[]): AssessedPhase[] => {
  const seen: AssessedPhase[] = [];
  let snapshot = initialSnapshot();
  for (const score of scores) {
    const phase = nextPhase(snapshot);
    seen.push(phase);
    snapshot = recordMainScore({ ...snapshot, phase, mainAsked: snapshot.mainAsked + 1 }, phase, score);
  }
  return seen;
};

describe('phase transitions', () => {
  it('starts with warmup after the intro', () => {
    expect(nextPhase(initialSnapshot())).toBe('warmup');
  });

  it('warms up with 2 questions when they go well, 3 when they do not', () => {
    expect(phases([8, 7, 5])).toEqual(['warmup', 'warmup', 'standard']);
    expect(phases([5, 4, 5, 5])).toEqual(['warmup', 'warmup', 'warmup', 'standard']);
  });

  it('moves to advanced once the standard average reaches 7 after at least 2 standard questions', () => {
    expect(phases([8, 8, 8, 5, 6])).toEqual(['warmup', 'warmup', 'standard', 'standard', 'standard']);
    expect(phases([8, 8, 7, 7, 3])).toEqual(['warmup', 'warmup', 'standard', 'standard', 'advanced']);
    expect(phases([8, 8, 10, 3, 8, 9, 4])).toEqual(['warmup', 'warmup', 'standard', 'standard', 'standard', 'advanced', 'advanced']);
  });

  it('stays in standard while the average is below 7', () => {
    expect(phases([8, 8, 6, 6, 6, 6, 6, 6]).slice(2)).toEqual(Array(6).fill('standard'));
  });

  it('marks a skill boundary for each advanced score below 5, and only in advanced', () => {
    expect(play([8, 8, 8, 8, 4, 4.5, 5, 9]).boundaries).toBe(2);
    expect(play([2, 2, 2, 2, 2, 2]).boundaries).toBe(0);
  });
});

describe('completion', () => {
  const atQuestions = (n: number, boundaries: number): AssessmentSnapshot => ({ ...initialSnapshot(), mainAsked: n, boundaries });

  it('quick completes at 5 questions', () => {
    expect(isComplete(atQuestions(4, 0), 'quick', undefined)).toBe(false);
    expect(isComplete(atQuestions(5, 0), 'quick', undefined)).toBe(true);
  });

  it('standard completes at 12 questions with 2 boundaries, else at 20', () => {
    expect(isComplete(atQuestions(11, 5), 'standard', undefined)).toBe(false);
    expect(isComplete(atQuestions(12, 1), 'standard', undefined)).toBe(false);
    expect(isComplete(atQuestions(12, 2), 'standard', undefined)).toBe(true);
    expect(isComplete(atQuestions(19, 0), 'standard', undefined)).toBe(false);
    expect(isComplete(atQuestions(20, 0), 'standard', undefined)).toBe(true);
  });

  it('full goes up to 20, ending at 16 only with 3 boundaries', () => {
    expect(isComplete(atQuestions(16, 2), 'full', undefined)).toBe(false);
    expect(isComplete(atQuestions(16, 3), 'full', undefined)).toBe(true);
    expect(isComplete(atQuestions(20, 0), 'full', undefined)).toBe(true);
  });

  it('custom question lists complete when every question was asked', () => {
    expect(isComplete(atQuestions(2, 0), 'standard', 3)).toBe(false);
    expect(isComplete(atQuestions(3, 0), 'standard', 3)).toBe(true);
  });
});

describe('difficulty and score', () => {
  it('asks harder questions in later phases and of more senior candidates', () => {
    expect(difficultiesFor('junior', 'warmup')[0]).toBe('easy');
    expect(difficultiesFor('mid', 'advanced')[0]).toBe('hard');
    expect(difficultiesFor('senior', 'warmup')[0]).toBe('medium');
  });
});

describe('follow-ups (DESIGN.md §5.1)', () => {
  const main = { phase: 'standard' as const, followUp: false };
  const withFollowUps = (n: number): AssessmentSnapshot => ({ ...initialSnapshot(), followUpsAsked: n });

  it('quick allows 2 follow-ups in the whole interview', () => {
    expect(mayFollowUp(withFollowUps(0), 'quick', main)).toBe(true);
    expect(mayFollowUp(withFollowUps(1), 'quick', main)).toBe(true);
    expect(mayFollowUp(withFollowUps(2), 'quick', main)).toBe(false);
  });

  it('standard and full allow one per main question, however many came before', () => {
    expect(mayFollowUp(withFollowUps(12), 'standard', main)).toBe(true);
    expect(mayFollowUp(withFollowUps(19), 'full', main)).toBe(true);
  });

  it('never follows up a follow-up, the introduction or the closing', () => {
    expect(mayFollowUp(withFollowUps(0), 'full', { phase: 'standard', followUp: true })).toBe(false);
    expect(mayFollowUp(withFollowUps(0), 'full', { phase: 'intro', followUp: false })).toBe(false);
    expect(mayFollowUp(withFollowUps(0), 'full', { phase: 'wrapup', followUp: false })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { InterviewTurn } from '../protocol';
import { compareAttempts, wordDiff } from './attempt-comparison';

const turn = (answer: string | undefined, evaluation?: { score: number; weaknesses: string[]; feedback?: string }): InterviewTurn => ({
  questionId: '00000000-0000-4000-8000-000000000001',
  index: 2,
  phase: 'standard',
  difficulty: 'medium',
  followUp: false,
  mainNumber: 1,
  question: 'How would you cache a slow endpoint?',
  skipped: answer === undefined,
  ...(answer !== undefined ? { answer: { answerId: '00000000-0000-4000-8000-000000000002', text: answer } } : {}),
  ...(evaluation ? { evaluation: { answerId: '00000000-0000-4000-8000-000000000002', feedback: evaluation.feedback ?? 'Partly there.', strengths: [], suggestions: [], ...evaluation } } : {}),
});

describe('comparing two attempts at a question', () => {
  it('says what was fixed and what is still missing, detail by detail, and the score change', () => {
    const earlier = turn('I would cache it.', { score: 4, weaknesses: ['You did not mention invalidation.', 'You did not mention TTLs.', 'You did not describe the result, ideally with numbers.'] });
    const later = turn('I would cache it with TTLs.', { score: 6.5, weaknesses: ['You did not mention invalidation.', 'Your answer is very short for this question.'] });
    const comparison = compareAttempts(earlier, later);
    expect(comparison.scoreChange).toBe(2.5);
    expect(comparison.fixed).toEqual([
      { text: 'Left out key points', details: ['TTLs'] },
      { text: 'Stated no result', details: [] },
    ]);
    expect(comparison.stillMissing).toEqual([{ text: 'Left out key points', details: ['invalidation'] }]);
    expect(comparison.newlyMissing).toEqual([{ text: 'Answered too briefly', details: [] }]);
    expect(comparison.diff).toEqual([
      { kind: 'same', text: 'I would cache it ' },
      { kind: 'added', text: 'with TTLs' },
      { kind: 'same', text: '.' },
    ]);
  });

  it('counts a skipped question answered later as fixed, and an attempt not judged yet as fixing nothing', () => {
    expect(compareAttempts(turn(undefined), turn('Now an answer.', { score: 5, weaknesses: [] })).fixed).toEqual([{ text: 'Skipped', details: [] }]);
    const unjudged = compareAttempts(turn('First.', { score: 3, weaknesses: ['You did not mention TTLs.'] }), turn('Second.'));
    expect(unjudged).toMatchObject({ fixed: [], stillMissing: [], newlyMissing: [] });
    expect(unjudged.scoreChange).toBeUndefined();
  });
});

describe('word differences', () => {
  it('finds words in scripts without spaces', () => {
    const parts = wordDiff('我们使用缓存来减少负载。', '我们使用Redis缓存来减少负载。');
    expect(parts.filter((part) => part.kind !== 'same').map((part) => part.text)).toEqual(['Redis']);
  });

  it('shows two unrelated long answers as one removed and one added, quickly', () => {
    const a = Array.from({ length: 3_000 }, (_v, i) => `alpha${i}`).join(' ');
    const b = Array.from({ length: 3_000 }, (_v, i) => `beta${i}`).join(' ');
    const started = performance.now();
    expect(wordDiff(a, b)).toEqual([
      { kind: 'removed', text: a },
      { kind: 'added', text: b },
    ]);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

import { describe, expect, it } from 'vitest';
import { progressLine } from './progress-line';

describe('the progress line (DESIGN.md §5.1)', () => {
  const main = (mainNumber: number) => ({ phase: 'standard' as const, followUp: false, mainNumber });

  it('counts main questions against the length', () => {
    expect(progressLine(main(3), { length: 'quick' })).toBe('Question 3 of 5');
    expect(progressLine(main(7), { length: 'standard' })).toBe('Question 7 (12–20)');
    expect(progressLine(main(7), {})).toBe('Question 7 (12–20)');
    expect(progressLine(main(7), { length: 'full' })).toBe('Question 7 (up to 20)');
  });

  it('counts custom questions against their number', () => {
    expect(progressLine(main(2), { length: 'quick', questions: ['a', 'b', 'c', 'd', 'e', 'f'] })).toBe('Question 2 of 6');
  });

  it('names follow-ups by their main question, and the introduction and closing by what they are', () => {
    expect(progressLine({ phase: 'advanced', followUp: true, parentNumber: 3 }, { length: 'quick' })).toBe('Follow-up to question 3');
    expect(progressLine({ phase: 'intro', followUp: false }, { length: 'quick' })).toBe('Introduction');
    expect(progressLine({ phase: 'wrapup', followUp: false }, { length: 'quick' })).toBe('Your questions for us');
  });
});

import { describe, expect, it } from 'vitest';
import { lengthInQuestions } from './length-rules';
import { describeOverallScore } from './overall-definition';

describe('the one-line definition of the overall score (DESIGN.md §5.1)', () => {
  it('names the count, the weights, follow-ups, skips and what is not scored', () => {
    expect(describeOverallScore(5)).toBe(
      'Overall = the average of your 5 main questions’ scores, weighted by difficulty (easy 1×, medium 1.5×, hard 2×), ×10; ' +
        'a follow-up can raise its question’s score, never lower it; skipped questions count 0; the introduction and closing are not scored.',
    );
    expect(describeOverallScore(1)).toContain('your 1 main question’s score,');
  });
});

describe('lengths in questions', () => {
  it('says what the setup form offers', () => {
    expect(lengthInQuestions('quick')).toBe('5');
    expect(lengthInQuestions('standard')).toBe('12–20');
    expect(lengthInQuestions('full')).toBe('up to 20');
  });
});

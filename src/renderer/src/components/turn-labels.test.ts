import { describe, expect, it } from 'vitest';
import { isScored, questionLine } from './turn-labels';

const quick = { track: 'backend', mode: 'text', length: 'quick' } as const;
const asked = [
  { followUp: false, mainNumber: undefined, text: 'Tell me about yourself.' },
  { followUp: false, mainNumber: 1, text: 'What is an idempotent request?' },
  { followUp: false, mainNumber: 2, text: 'How would you speed up a slow query?' },
];

describe('the line above the question', () => {
  it('names and quotes the main question a follow-up follows (issue #9)', () => {
    const followUp = { phase: 'standard', followUp: true, parentNumber: 2 } as const;
    expect(questionLine(followUp, asked, quick)).toBe('Follow-up to question 2: How would you speed up a slow query?');
  });

  it('says only the progress when the main question is not known here, and for main questions', () => {
    expect(questionLine({ phase: 'standard', followUp: true, parentNumber: 7 }, asked, quick)).toBe('Follow-up to question 7');
    expect(questionLine({ phase: 'warmup', followUp: false, mainNumber: 1 }, asked, quick)).toBe('Question 1 of 5');
  });

  it('scores main questions and follow-ups, not the introduction or the closing', () => {
    expect(['intro', 'warmup', 'standard', 'advanced', 'wrapup'].map((phase) => isScored({ phase: phase as never }))).toEqual([false, true, true, true, false]);
  });
});

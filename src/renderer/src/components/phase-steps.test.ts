import { describe, expect, it } from 'vitest';
import { phaseStepStates } from './phase-steps';

const states = (...args: Parameters<typeof phaseStepStates>) => phaseStepStates(...args).map((step) => `${step.label}:${step.state}`);

describe('the phase bar', () => {
  it('marks Advanced as not reached at the wrap-up of an interview that never got there (issue #9)', () => {
    expect(states('wrapup', ['intro', 'warmup', 'standard', 'wrapup'])).toEqual(['Intro:done', 'Warm-up:done', 'Core:done', 'Advanced:not-reached', 'Wrap-up:current']);
  });

  it('marks every phase asked as done, and the ones to come as ahead', () => {
    expect(states('standard', ['intro', 'warmup', 'standard'])).toEqual(['Intro:done', 'Warm-up:done', 'Core:current', 'Advanced:ahead', 'Wrap-up:ahead']);
    expect(states('wrapup', ['intro', 'warmup', 'standard', 'advanced', 'wrapup'])[3]).toBe('Advanced:done');
  });
});

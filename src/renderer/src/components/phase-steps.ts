import type { Phase } from '../../../shared/protocol';

export const PHASE_STEPS: readonly { phase: Phase; label: string }[] = [
  { phase: 'intro', label: 'Intro' },
  { phase: 'warmup', label: 'Warm-up' },
  { phase: 'standard', label: 'Core' },
  { phase: 'advanced', label: 'Advanced' },
  { phase: 'wrapup', label: 'Wrap-up' },
];

export type StepState = 'done' | 'current' | 'not-reached' | 'ahead';

/**
 * Each phase's state on the phase bar. A phase behind the current one is done only if a
 * question of it was asked: an interview that never reached Advanced passes it by (issue #9).
 */
export function phaseStepStates(current: Phase, asked: readonly Phase[]): { phase: Phase; label: string; state: StepState }[] {
  const at = PHASE_STEPS.findIndex((step) => step.phase === current);
  return PHASE_STEPS.map((step, index) => ({
    ...step,
    state: index === at ? 'current' : index > at ? 'ahead' : asked.includes(step.phase) ? 'done' : 'not-reached',
  }));
}

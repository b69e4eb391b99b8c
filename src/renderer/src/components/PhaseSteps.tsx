import type { Phase } from '../../../shared/protocol';

const STEPS: { phase: Phase; label: string }[] = [
  { phase: 'intro', label: 'Intro' },
  { phase: 'warmup', label: 'Warm-up' },
  { phase: 'standard', label: 'Core' },
  { phase: 'advanced', label: 'Advanced' },
  { phase: 'wrapup', label: 'Wrap-up' },
];

/** Where the interview is: the five phases, the current one marked. */
export function PhaseSteps({ phase }: { phase: Phase }) {
  const current = STEPS.findIndex((step) => step.phase === phase);
  return (
    <ol className="phase-steps" aria-label="Interview phases">
      {STEPS.map((step, index) => (
        <li key={step.phase} className={index < current ? 'done' : index === current ? 'current' : ''} aria-current={index === current ? 'step' : undefined}>
          {step.label}
        </li>
      ))}
    </ol>
  );
}

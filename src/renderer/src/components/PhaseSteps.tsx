import type { Phase } from '../../../shared/protocol';
import { phaseStepStates } from './phase-steps';

const SPOKEN: Record<string, string> = { done: ', done', 'not-reached': ', not reached', ahead: '', current: '' };

/** Where the interview is: the five phases, the current one marked, the ones passed by marked as such. */
export function PhaseSteps({ phase, asked }: { phase: Phase; asked: readonly Phase[] }) {
  return (
    <ol className="phase-steps" aria-label="Interview phases" data-testid="phase-steps">
      {phaseStepStates(phase, asked).map((step) => (
        <li key={step.phase} className={step.state} data-state={step.state} aria-current={step.state === 'current' ? 'step' : undefined}>
          {step.label}
          <span className="visually-hidden">{SPOKEN[step.state]}</span>
        </li>
      ))}
    </ol>
  );
}

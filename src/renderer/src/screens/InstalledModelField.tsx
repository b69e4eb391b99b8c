import { useId, type ReactNode } from 'react';
import type { ModelView } from '../../../shared/protocol';
import type { Loadable } from '../store/app-store';
import { installedModels, pickInstalled } from './voice-choice';

interface Props {
  models: Loadable<ModelView[]>;
  purpose: ModelView['purpose'];
  label: string;
  chosen: string | undefined;
  onChange(id: string): void;
  /** Shown instead of the picker while nothing of this kind is installed. */
  noneInstalled: ReactNode;
  testId: string;
}

/**
 * Which downloaded model (a speech model, or a natural voice) to use. The picker shows the one
 * main will use: the chosen one while it is installed, else the first installed one.
 */
export function InstalledModelField({ models, purpose, label, chosen, onChange, noneInstalled, testId }: Props) {
  const id = useId();
  if (models.status !== 'ready') return null;
  const installed = installedModels(models.data, purpose);
  if (installed.length === 0) {
    return (
      <p className="muted" role="note" data-testid={`no-${testId}-installed`}>
        {noneInstalled}
      </p>
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} data-testid={`${testId}-picker`} value={pickInstalled(chosen, installed)} onChange={(e) => onChange(e.target.value)}>
        {installed.map((model) => (
          <option key={model.id} value={model.id}>
            {model.name}
          </option>
        ))}
      </select>
    </div>
  );
}

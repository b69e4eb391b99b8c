import { useId } from 'react';
import type { ModelView } from '../../../shared/protocol';
import type { Loadable } from '../store/app-store';
import { installedVoices, pickVoice } from './voice-choice';

/**
 * Which downloaded natural voice speaks the questions. With none installed it says where to
 * get one, because until then questions are only shown as text.
 */
export function NaturalVoiceField({ models, voice, onChange }: { models: Loadable<ModelView[]>; voice: string | undefined; onChange(voice: string): void }) {
  const id = useId();
  if (models.status !== 'ready') return null;
  const installed = installedVoices(models.data);
  if (installed.length === 0) {
    return (
      <p className="muted" role="note" data-testid="no-voice-installed">
        No natural voice is installed yet: download one under <em>Voices</em> below. Until then questions are shown as text.
      </p>
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>Natural voice</label>
      <select id={id} value={pickVoice(voice, installed)} onChange={(e) => onChange(e.target.value)}>
        {installed.map((model) => (
          <option key={model.id} value={model.id}>
            {model.name}
          </option>
        ))}
      </select>
    </div>
  );
}

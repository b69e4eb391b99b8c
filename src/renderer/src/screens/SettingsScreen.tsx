import { useState } from 'react';
import type { PublicSettings, SecretName, SettingsPatch } from '../../../shared/protocol';
import { LoadableView } from '../components/LoadableView';
import { useCall, useTransport } from '../transport/transport-context';

const SECRET_LABELS: Record<SecretName, string> = {
  openai: 'OpenAI API key',
  anthropic: 'Anthropic API key',
  openaiCompatible: 'Local server API key (if it needs one)',
};

/** Providers and preferences. Keys are write-only: the page learns only whether one is stored. */
export function SettingsScreen() {
  const { state, reload } = useCall('settings.get', undefined);
  return (
    <section className="screen">
      <h1>Settings</h1>
      <LoadableView state={state} retry={reload}>
        {(settings) => <SettingsForm initial={settings} />}
      </LoadableView>
    </section>
  );
}

function SettingsForm({ initial }: { initial: PublicSettings }) {
  const transport = useTransport();
  const [settings, setSettings] = useState(initial);
  const [keys, setKeys] = useState<Partial<Record<SecretName, string>>>({});
  const [status, setStatus] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string }>({ kind: 'idle' });

  const save = async (secrets: SettingsPatch['secrets'] = {}): Promise<void> => {
    setStatus({ kind: 'saving' });
    try {
      const { interviewer, speechToText, textToSpeech, preferences } = settings;
      const typedKeys = Object.fromEntries(Object.entries(keys).filter(([, v]) => v && v.trim()));
      const saved = await transport.call('settings.set', {
        interviewer,
        speechToText,
        textToSpeech,
        preferences,
        secrets: { ...typedKeys, ...secrets },
      });
      setSettings(saved);
      setKeys({});
      setStatus({ kind: 'saved' });
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <form
      className="panel settings"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label className="field">
        <span>Interviewer</span>
        <select
          value={settings.interviewer.provider}
          onChange={(e) =>
            setSettings({ ...settings, interviewer: { ...settings.interviewer, provider: e.target.value as PublicSettings['interviewer']['provider'] } })
          }
        >
          <option value="embedded">Built-in (offline)</option>
          <option value="openai">OpenAI</option>
          <option value="anthropic">Anthropic</option>
          <option value="openai-compatible">Local server (Ollama, LM Studio, llama.cpp)</option>
        </select>
      </label>
      <label className="field">
        <span>Feedback</span>
        <select
          value={settings.preferences.feedbackTiming}
          onChange={(e) =>
            setSettings({ ...settings, preferences: { ...settings.preferences, feedbackTiming: e.target.value as PublicSettings['preferences']['feedbackTiming'] } })
          }
        >
          <option value="after-each">After each answer</option>
          <option value="at-end">At the end</option>
        </select>
      </label>
      {(Object.keys(SECRET_LABELS) as SecretName[]).map((name) => (
        <div className="field" key={name}>
          <label htmlFor={`secret-${name}`}>{SECRET_LABELS[name]}</label>
          <div className="row">
            <input
              id={`secret-${name}`}
              type="password"
              autoComplete="off"
              placeholder={settings.secrets[name]?.hasKey ? 'Stored — type to replace' : 'Not set'}
              value={keys[name] ?? ''}
              onChange={(e) => setKeys({ ...keys, [name]: e.target.value })}
            />
            {settings.secrets[name]?.hasKey && (
              <button type="button" onClick={() => void save({ [name]: null })}>
                Remove
              </button>
            )}
          </div>
        </div>
      ))}
      <div className="actions">
        <button type="submit" className="primary" disabled={status.kind === 'saving'}>
          Save
        </button>
        <span role="status" className="muted">
          {status.kind === 'saved' && 'Saved.'}
          {status.kind === 'error' && status.message}
        </span>
      </div>
    </form>
  );
}

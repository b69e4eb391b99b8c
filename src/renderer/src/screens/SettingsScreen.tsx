import { useId, useState } from 'react';
import type { AppMode, ModelView, PublicSettings, SecretName, Settings, SettingsPatch } from '../../../shared/protocol';
import { CopyDiagnostics } from '../components/CopyDiagnostics';
import { LoadableView } from '../components/LoadableView';
import { SpeechModelsPanel, VoicesPanel } from '../components/SpeechModelsPanel';
import { useModels } from '../components/use-models';
import { useLeaveGuard } from '../router/use-route';
import type { Loadable } from '../store/app-store';
import { useCall, useTransport } from '../transport/transport-context';
import { InstalledModelField } from './InstalledModelField';
import { installedVoices, offersVoices, pickInstalled, switchVoiceProvider } from './voice-choice';

const SECRET_LABELS: Record<SecretName, string> = {
  openai: 'OpenAI API key',
  anthropic: 'Anthropic API key',
  openaiCompatible: 'Local server API key (if it needs one)',
};

/** A key the other mode stored, which this one cannot use (the app's is encrypted where browser mode cannot read it). */
const STORED_BY_OTHER_MODE: Record<AppMode, string> = {
  'desktop-app': 'Stored by the desktop app; enter it again here to use it in browser mode.',
  'browser-mode': 'Stored by browser mode; enter it again here to use it in the app.',
};

/** Providers and preferences. Keys are write-only: the page learns only whether one is stored. */
export function SettingsScreen() {
  const { state, reload } = useCall('settings.get', undefined);
  const models = useModels();
  return (
    <section className="screen">
      <h1>Settings</h1>
      <LoadableView state={state} retry={reload}>
        {(settings) => <SettingsForm initial={settings} models={models.state} />}
      </LoadableView>
      <SpeechModelsPanel models={models.state} retry={models.reload} />
      {offersVoices(models.state) && <VoicesPanel models={models.state} retry={models.reload} />}
      <CopyDiagnostics />
    </section>
  );
}

type Section = keyof Settings;

function SettingsForm({ initial, models }: { initial: PublicSettings; models: Loadable<ModelView[]> }) {
  const transport = useTransport();
  const [settings, setSettings] = useState(initial);
  // What is stored, to tell a draft from it: leaving with a draft asks first (issue #9).
  const [stored, setStored] = useState(initial);
  const [keys, setKeys] = useState<Partial<Record<SecretName, string>>>({});
  const unsaved = JSON.stringify(settings) !== JSON.stringify(stored) || Object.values(keys).some((key) => key?.trim());
  useLeaveGuard(unsaved ? 'Your changes in Settings are not saved. Leave without saving them?' : null);
  const [status, setStatus] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string }>({ kind: 'idle' });
  const change = <S extends Section>(section: S, patch: Partial<Settings[S]>): void => setSettings({ ...settings, [section]: { ...settings[section], ...patch } });

  const save = async (secrets: SettingsPatch['secrets'] = {}): Promise<void> => {
    setStatus({ kind: 'saving' });
    try {
      const { interviewer, speechToText, preferences } = settings;
      // The voice 'local' saves is the one its picker shows; null clears a voice that no longer applies.
      const voice = settings.textToSpeech.provider === 'local' && models.status === 'ready' ? pickInstalled(settings.textToSpeech.voice, installedVoices(models.data)) : settings.textToSpeech.voice;
      const textToSpeech = { ...settings.textToSpeech, voice: voice ?? null };
      const typedKeys = Object.fromEntries(Object.entries(keys).filter(([, v]) => v && v.trim()));
      const saved = await transport.call('settings.set', { interviewer, speechToText, textToSpeech, preferences, secrets: { ...typedKeys, ...secrets } });
      setSettings(saved);
      setStored(saved);
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
      <h2>Interviewer</h2>
      <Select label="Interviewer" value={settings.interviewer.provider} onChange={(provider) => change('interviewer', { provider })} options={{ embedded: 'Built-in (offline)', openai: 'OpenAI', anthropic: 'Anthropic', 'openai-compatible': 'Local server (Ollama, LM Studio, llama.cpp)' }} />
      <Select label="Feedback" value={settings.preferences.feedbackTiming} onChange={(feedbackTiming) => change('preferences', { feedbackTiming })} options={{ 'after-each': 'After each answer', 'at-end': 'At the end' }} />

      <h2>Voice</h2>
      <Select
        label="Interviewer's voice"
        value={settings.textToSpeech.provider}
        onChange={(provider) => setSettings({ ...settings, textToSpeech: switchVoiceProvider(settings.textToSpeech, provider, models.status === 'ready' ? models.data : []) })}
        options={{ system: "This computer's voice (offline)", local: 'Natural voice (downloaded)', openai: 'OpenAI speech', none: 'Do not speak questions' }}
        // A build whose catalog has no voices offers nothing to download, so no natural voice to choose.
        hidden={offersVoices(models) || settings.textToSpeech.provider === 'local' ? [] : ['local']}
      />
      {settings.textToSpeech.provider === 'local' && (
        <InstalledModelField
          models={models}
          purpose="voice"
          label="Natural voice"
          chosen={settings.textToSpeech.voice}
          onChange={(voice) => change('textToSpeech', { voice })}
          testId="voice"
          noneInstalled={
            <>
              No natural voice is installed yet: download one under <em>Voices</em> below. Until then questions are shown as text.
            </>
          }
        />
      )}
      <Select label="Speech recognition" value={settings.speechToText.provider} onChange={(provider) => change('speechToText', { provider })} options={{ local: 'Speech model on this computer (offline)', openai: 'OpenAI transcription', 'openai-compatible': 'Compatible server (base URL)', none: 'Off (type answers)' }} />
      {settings.speechToText.provider === 'openai-compatible' && (
        <label className="field">
          <span>Recognition server base URL</span>
          <input type="url" placeholder="http://127.0.0.1:8080/v1" value={settings.speechToText.baseUrl ?? ''} onChange={(e) => change('speechToText', { baseUrl: e.target.value || undefined })} />
        </label>
      )}
      {settings.speechToText.provider === 'local' && (
        <InstalledModelField
          models={models}
          purpose="speech-to-text"
          label="Speech model"
          chosen={settings.speechToText.model}
          onChange={(model) => change('speechToText', { model })}
          testId="speech-model"
          noneInstalled={
            <>
              No speech model is installed yet: download one under <em>Speech models</em> below. Until then your spoken answers are kept and you type them.
            </>
          }
        />
      )}
      {(settings.speechToText.provider === 'openai' || settings.speechToText.provider === 'openai-compatible') && (
        <label className="field">
          <span>Recognition model</span>
          <input type="text" value={settings.speechToText.model ?? ''} onChange={(e) => change('speechToText', { model: e.target.value || undefined })} />
        </label>
      )}
      <Select label="Answering aloud" value={settings.preferences.turnTaking} onChange={(turnTaking) => change('preferences', { turnTaking })} options={{ 'push-to-talk': 'Push to talk (hold Space or the button)', 'hands-free': 'Hands-free (a pause ends the answer)' }} />
      {settings.preferences.turnTaking === 'hands-free' && (
        <label className="field">
          <span>Pause that ends a hands-free answer (seconds)</span>
          <input type="number" min={0.5} max={10} step={0.5} value={settings.preferences.silenceMs / 1000} onChange={(e) => change('preferences', { silenceMs: Math.round(Number(e.target.value) * 1000) })} />
        </label>
      )}

      <h2>API keys</h2>
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
          {settings.secrets[name]?.storedBy && (
            <span className="muted" data-testid={`secret-${name}-elsewhere`}>
              {STORED_BY_OTHER_MODE[settings.secrets[name].storedBy]}
            </span>
          )}
        </div>
      ))}
      <div className="actions">
        <button type="submit" className="primary" disabled={status.kind === 'saving'}>
          Save
        </button>
        <span role="status" className="muted" data-testid="settings-status">
          {unsaved && status.kind !== 'saving' && status.kind !== 'error' && 'Unsaved changes.'}
          {!unsaved && status.kind === 'saved' && 'Saved.'}
          {status.kind === 'error' && status.message}
        </span>
      </div>
    </form>
  );
}

function Select<T extends string>({ label, value, options, hidden = [], onChange }: { label: string; value: T; options: Record<T, string>; hidden?: T[]; onChange(value: T): void }) {
  // A separate label (not wrapping the select) keeps the accessible name to the label alone.
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {(Object.keys(options) as T[])
          .filter((option) => !hidden.includes(option))
          .map((option) => (
            <option key={option} value={option}>
              {options[option]}
            </option>
          ))}
      </select>
    </div>
  );
}

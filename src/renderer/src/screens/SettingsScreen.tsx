import { useState } from 'react';
import type { ModelView, PublicSettings, SecretName, Settings, SettingsPatch } from '../../../shared/protocol';
import { keyNameFor } from '../../../shared/settings/provider-keys';
import { ApiKeyField, KeyStorageNote, SECRET_LABELS } from '../components/ApiKeyField';
import { DeleteRecordingsPanel } from '../components/DeleteRecordingsPanel';
import { CopyDiagnostics } from '../components/CopyDiagnostics';
import { LoadableView } from '../components/LoadableView';
import { SelectField as Select } from '../components/SelectField';
import { SpeechModelsPanel, VoicesPanel } from '../components/SpeechModelsPanel';
import { useModels } from '../components/use-models';
import { useLeaveGuard } from '../router/use-route';
import type { Loadable } from '../store/app-store';
import { useCall, useTransport } from '../transport/transport-context';
import { InstalledModelField } from './InstalledModelField';
import { ConnectionTestButton } from './settings/ConnectionTestButton';
import { InterviewerSettingsSection } from './settings/InterviewerSettingsSection';
import { SaveStatus, type SaveState } from './settings/SaveStatus';
import { useConnectionTests } from './settings/use-connection-tests';
import { installedVoices, offersVoices, pickInstalled, switchVoiceProvider } from './voice-choice';

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
      <DeleteRecordingsPanel />
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
  const [status, setStatus] = useState<SaveState>({ kind: 'idle' });
  const tests = useConnectionTests();
  // From the latest draft: a test's result can arrive after other edits.
  const change = <S extends Section>(section: S, patch: Partial<Settings[S]>): void => setSettings((draft) => ({ ...draft, [section]: { ...draft[section], ...patch } }));
  const interviewerKey = keyNameFor('interviewer', settings.interviewer.provider);
  const keyField = (name: SecretName) => (
    <ApiKeyField key={name} name={name} status={settings.secrets[name]} storage={settings.keyStorage} value={keys[name] ?? ''} onChange={(value) => setKeys({ ...keys, [name]: value })} onRemove={() => void save({ [name]: null })} />
  );

  const save = async (secrets: SettingsPatch['secrets'] = {}): Promise<void> => {
    setStatus({ kind: 'checking' });
    try {
      // Every provider whose setup this changes is tested first, and what the interviewer's test found is saved with it.
      const { checks, found } = await tests.checkChanged(settings, stored, { ...keys, ...secrets });
      setStatus({ kind: 'saving' });
      const { speechToText, preferences } = settings;
      const interviewer = found ? { ...settings.interviewer, capabilities: found } : settings.interviewer;
      // The voice 'local' saves is the one its picker shows; null clears a voice that no longer applies.
      const voice = settings.textToSpeech.provider === 'local' && models.status === 'ready' ? pickInstalled(settings.textToSpeech.voice, installedVoices(models.data)) : settings.textToSpeech.voice;
      const textToSpeech = { ...settings.textToSpeech, voice: voice ?? null };
      const typedKeys = Object.fromEntries(Object.entries(keys).filter(([, v]) => v && v.trim()));
      const saved = await transport.call('settings.set', { interviewer, speechToText, textToSpeech, preferences, secrets: { ...typedKeys, ...secrets } });
      setSettings(saved);
      setStored(saved);
      setKeys({});
      setStatus({ kind: 'saved', checks });
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
      <InterviewerSettingsSection interviewer={settings.interviewer} onChange={(patch) => change('interviewer', patch)} keys={keys} keyField={interviewerKey && keyField(interviewerKey)} tests={tests} />
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
      <ConnectionTestButton capability="textToSpeech" section={settings.textToSpeech} keys={keys} tests={tests} />
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
      <ConnectionTestButton capability="speechToText" section={settings.speechToText} keys={keys} tests={tests} />
      <Select label="Answering aloud" value={settings.preferences.turnTaking} onChange={(turnTaking) => change('preferences', { turnTaking })} options={{ 'push-to-talk': 'Push to talk (hold Space or the button)', 'hands-free': 'Hands-free (a pause ends the answer)' }} />
      {settings.preferences.turnTaking === 'hands-free' && (
        <label className="field">
          <span>Pause that ends a hands-free answer (seconds)</span>
          <input type="number" min={0.5} max={10} step={0.5} value={settings.preferences.silenceMs / 1000} onChange={(e) => change('preferences', { silenceMs: Math.round(Number(e.target.value) * 1000) })} />
        </label>
      )}

      <h2>API keys</h2>
      <KeyStorageNote storage={settings.keyStorage} />
      {/* The interviewer's key is shown beside its provider above. */}
      {(Object.keys(SECRET_LABELS) as SecretName[]).filter((name) => name !== interviewerKey).map(keyField)}
      <div className="actions">
        <button type="submit" className="primary" disabled={status.kind === 'saving' || status.kind === 'checking'}>
          Save
        </button>
        <SaveStatus state={status} unsaved={unsaved} />
      </div>
    </form>
  );
}

import type { ReactNode } from 'react';
import type { ConnectionReport, InterviewerSettings } from '../../../../shared/protocol';
import { DEFAULT_MODELS } from '../../../../shared/settings/default-models';
import { SelectField } from '../../components/SelectField';
import { ConnectionTestButton } from './ConnectionTestButton';
import type { TypedKeys } from './connection-checks';
import { ModelNameField } from './ModelNameField';
import type { ConnectionTests } from './use-connection-tests';
import { useModelList } from './use-model-list';

interface Props {
  interviewer: InterviewerSettings;
  onChange(patch: Partial<InterviewerSettings>): void;
  keys: TypedKeys;
  /** The chosen provider's API key field, placed here beside its address and model. */
  keyField: ReactNode;
  tests: ConnectionTests;
}

const PROVIDERS: Record<InterviewerSettings['provider'], string> = {
  embedded: 'Built-in (offline)',
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  'openai-compatible': 'Local server (Ollama, LM Studio, llama.cpp)',
  'on-device': 'On this computer (downloaded model)',
};

const ADDRESS = {
  openai: { label: 'Base URL (optional, for a proxy)', placeholder: 'https://api.openai.com/v1' },
  anthropic: { label: 'Base URL (optional, for a proxy)', placeholder: 'https://api.anthropic.com' },
  'openai-compatible': { label: 'Server base URL', placeholder: 'http://127.0.0.1:11434/v1' },
} as const;

/**
 * Settings → Interviewer (issue #10): the provider, and for a model provider its address, its
 * model (from the server's list where it has one) and its key, with Test connection. What a
 * test finds about the server (structured output, where its text arrives, its context window)
 * goes into the draft, so Save stores it and calls need not guess.
 */
export function InterviewerSettingsSection({ interviewer, onChange, keys, keyField, tests }: Props) {
  const modelList = useModelList(interviewer, keys);
  const provider = interviewer.provider;
  const keep = (report: ConnectionReport): void => {
    if (report.models) modelList.offer(report.models);
    if (report.capabilities && JSON.stringify(report.capabilities) !== JSON.stringify(interviewer.capabilities)) onChange({ capabilities: report.capabilities });
  };
  return (
    <>
      <SelectField label="Interviewer" value={provider} onChange={(next) => onChange({ provider: next })} options={PROVIDERS} />
      {provider === 'on-device' && <p className="muted">Uses an interviewer model downloaded under Models; nothing leaves this computer.</p>}
      {provider !== 'embedded' && provider !== 'on-device' && (
        <>
          <label className="field">
            <span>{ADDRESS[provider].label}</span>
            <input type="url" spellCheck={false} placeholder={ADDRESS[provider].placeholder} value={interviewer.baseUrl ?? ''} onChange={(e) => onChange({ baseUrl: e.target.value.trim() || undefined })} />
          </label>
          <ModelNameField value={interviewer.model} defaultModel={provider === 'openai-compatible' ? undefined : DEFAULT_MODELS[provider]} models={modelList.models} onChange={(model) => onChange({ model })} />
          {keyField}
          <ConnectionTestButton capability="interviewer" section={interviewer} keys={keys} tests={tests} onReport={keep} />
        </>
      )}
    </>
  );
}

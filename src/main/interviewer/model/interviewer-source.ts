import type { InterviewerSettings, SecretName } from '../../../shared/protocol';
import { keyNameFor } from '../../../shared/settings/provider-keys';
import type { InterviewerPort } from '../../engine/ports';
import { createLanguageModel, type LanguageModelDeps } from '../../providers/llm/create-language-model';
import type { LanguageModel } from '../../providers/llm/language-model';
import { isModelError, type ModelError } from '../../providers/llm/model-error';
import type { FetchFunction } from '../../providers/llm/openai/openai-chat-model';
import { memoiseBySettings } from '../../settings/memoise-by-settings';
import type { EmbeddedInterviewer } from '../embedded-interviewer';
import type { TrackCatalog } from '../track-catalog';
import { createModelInterviewer } from './model-interviewer';
import type { PromptFile } from './prompt-file';

export interface InterviewerSourceDeps {
  settings: () => InterviewerSettings;
  secret(name: SecretName): string | undefined;
  embedded: EmbeddedInterviewer;
  catalog: TrackCatalog;
  prompts: PromptFile;
  fetch?: FetchFunction | undefined;
  onDeviceModel?: LanguageModelDeps['onDeviceModel'];
}

/**
 * The interviewer the user chose in Settings, rebuilt when the choice (or its key) changes.
 * A model provider that is chosen but not set up is not silently replaced by the built-in
 * interviewer: every step fails with "not set up yet", so the engine falls back and says so.
 */
export function createInterviewerSource(deps: InterviewerSourceDeps): () => InterviewerPort {
  let model: LanguageModel | undefined;
  return memoiseBySettings(
    () => {
      const settings = deps.settings();
      const name = keyNameFor('interviewer', settings.provider);
      // The key is part of what the client is built from; it stays in memory, never in a log.
      return { settings, key: name ? (deps.secret(name) ?? '') : '' };
    },
    ({ settings }) => {
      // The embedded model holds a process and gigabytes of memory: a changed choice frees them now.
      model?.close?.();
      model = undefined;
      if (settings.provider === 'embedded') return deps.embedded;
      const built = createLanguageModel(settings, { secret: deps.secret, fetch: deps.fetch, onDeviceModel: deps.onDeviceModel });
      if (isModelError(built)) return notSetUp(settings.provider, built);
      model = built;
      return createModelInterviewer({ model: built, prompts: deps.prompts, catalog: deps.catalog, embedded: deps.embedded });
    },
  );
}

const SERVICE = { openai: 'OpenAI', anthropic: 'Anthropic', 'openai-compatible': 'the local model server', 'on-device': 'the model on this computer' } as const;

function notSetUp(name: keyof typeof SERVICE, error: ModelError): InterviewerPort {
  const fail = async (): Promise<never> => {
    throw error;
  };
  return { name, service: SERVICE[name], introQuestion: fail, nextQuestion: fail, followUp: fail, wrapupQuestion: fail, evaluate: fail };
}

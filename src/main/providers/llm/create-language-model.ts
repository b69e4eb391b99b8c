import type { InterviewerSettings, SecretName } from '../../../shared/protocol';
import { DEFAULT_MODELS } from '../../../shared/settings/default-models';
import { keyNameFor } from '../../../shared/settings/provider-keys';
import { hostOf, normaliseBaseUrl } from '../server-address';
import { createAnthropicMessagesModel } from './anthropic/anthropic-messages-model';
import type { LanguageModel, ModelCapabilities, ModelProvider } from './language-model';
import { modelError, type ModelError } from './model-error';
import type { OnDeviceModel } from '../../models/installed-models';
import { createLlamaLanguageModel } from './llama/llama-language-model';
import { createOpenAiChatModel, type FetchFunction } from './openai/openai-chat-model';

/**
 * The language model the interviewer settings describe (issue #10). Model names are settings
 * with defaults (shared/settings/default-models.ts); capabilities are declared per API, and for a compatible server what
 * Test connection found (stored in the settings), else what every server can do: prompt and
 * read JSON leniently, within a small local model's usual 4,096-token window (Ollama's OpenAI
 * endpoint cannot raise its context size and silently cuts longer prompts).
 */
/** The providers reached over HTTP; the on-device model declares its own capabilities (llama/). */
export type RemoteModelProvider = Exclude<ModelProvider, 'on-device'>;

export const DECLARED: Record<RemoteModelProvider, ModelCapabilities> = {
  openai: { structuredOutput: 'json_schema', streaming: true, contextTokens: 128_000, textField: 'content' },
  anthropic: { structuredOutput: 'tool', streaming: true, contextTokens: 200_000, textField: 'content' },
  'openai-compatible': { structuredOutput: 'none', streaming: true, contextTokens: 4_096, textField: 'content' },
};

/** Generous: a local model on a laptop CPU can take a minute to judge a long answer. */
const TIMEOUT_MS = { openai: 45_000, anthropic: 45_000, 'openai-compatible': 120_000 } as const;

/** The model a setting names, its default filled in: what a test and a call both use. */
export function modelNameOf(settings: InterviewerSettings): string | undefined {
  if (settings.provider === 'openai' || settings.provider === 'anthropic') return settings.model ?? DEFAULT_MODELS[settings.provider];
  return settings.model;
}

/**
 * What Test connection found, only while the settings still name that provider, address and
 * model: a switch to another server must not inherit the last one's (issue #10).
 */
function storedCapabilities(settings: InterviewerSettings): Partial<ModelCapabilities> {
  const { foundFor, ...found } = settings.capabilities ?? {};
  if (!settings.capabilities) return {};
  if (!foundFor) return found;
  const same =
    foundFor.provider === settings.provider &&
    normaliseBaseUrl(foundFor.baseUrl) === normaliseBaseUrl(settings.baseUrl) &&
    (foundFor.model ?? modelNameOf({ provider: foundFor.provider })) === modelNameOf(settings);
  return same ? found : {};
}

export interface LanguageModelDeps {
  secret(name: SecretName): string | undefined;
  fetch?: FetchFunction | undefined;
  /** The GGUF file of the chosen (or first installed) interviewer model, from the model manager. */
  onDeviceModel?: ((chosen: string | undefined) => Promise<OnDeviceModel | undefined>) | undefined;
}

export function createLanguageModel(settings: InterviewerSettings, deps: LanguageModelDeps): LanguageModel | ModelError {
  if (settings.provider === 'embedded') return modelError('NOT_CONFIGURED', 'the built-in interviewer');
  if (settings.provider === 'on-device') {
    const find = deps.onDeviceModel;
    if (!find) return modelError('NOT_CONFIGURED', 'the model on this computer');
    return createLlamaLanguageModel({ model: settings.model ?? 'on-device', modelFile: () => find(settings.model), threads: settings.threads });
  }
  const provider = settings.provider;
  const keyName = keyNameFor('interviewer', provider);
  const apiKey = keyName && deps.secret(keyName);
  const capabilities = { ...DECLARED[provider], ...storedCapabilities(settings) };
  const common = { capabilities, timeoutMs: TIMEOUT_MS[provider], fetch: deps.fetch };
  if (provider === 'anthropic') {
    if (!apiKey) return modelError('NOT_CONFIGURED', 'Anthropic');
    return createAnthropicMessagesModel({ ...common, apiKey, baseURL: settings.baseUrl, model: settings.model ?? DEFAULT_MODELS.anthropic });
  }
  if (provider === 'openai') {
    if (!apiKey) return modelError('NOT_CONFIGURED', 'OpenAI');
    return createOpenAiChatModel({ ...common, kind: 'openai', apiKey, baseURL: settings.baseUrl, model: settings.model ?? DEFAULT_MODELS.openai });
  }
  const baseURL = normaliseBaseUrl(settings.baseUrl);
  // A local server needs its address and the name of a model it has loaded; there is no default for either.
  if (!baseURL || !settings.model) return modelError('NOT_CONFIGURED', baseURL ? `the model server at ${hostOf(baseURL)}` : 'the local model server');
  return createOpenAiChatModel({ ...common, kind: 'openai-compatible', apiKey, baseURL, model: settings.model });
}

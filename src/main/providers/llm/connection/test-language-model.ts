import type { ConnectionReport, InterviewerSettings } from '../../../../shared/protocol';
import type { FetchFunction } from '../../openai-client';
import { normaliseBaseUrl } from '../../server-address';
import { anthropicModelList, testAnthropicConnection } from '../anthropic/anthropic-connection-test';
import { DECLARED, modelNameOf } from '../create-language-model';
import { modelError, type ModelError } from '../model-error';
import { openAiModelList, testOpenAiConnection } from '../openai/openai-connection-test';
import { PROBE_TIMEOUT_MS } from './connection-probe';

export interface ConnectionDeps {
  /** The key to test with: typed on screen or stored; never kept. */
  apiKey: string | undefined;
  fetch?: FetchFunction | undefined;
}

type ModelSettings = InterviewerSettings & { provider: Exclude<InterviewerSettings['provider'], 'embedded'> };

const EMBEDDED_WORKS = 'The built-in interviewer works offline and needs no connection.';

/** What is missing before anything can be asked: a key (OpenAI, Anthropic) or an address (a compatible server). */
function missing(settings: ModelSettings, apiKey: string | undefined): ModelError | undefined {
  if (settings.provider === 'openai' && !apiKey) return modelError('NOT_CONFIGURED', 'OpenAI');
  if (settings.provider === 'anthropic' && !apiKey) return modelError('NOT_CONFIGURED', 'Anthropic');
  if (settings.provider === 'openai-compatible' && !normaliseBaseUrl(settings.baseUrl)) return modelError('NOT_CONFIGURED', 'the local model server');
  return undefined;
}

/** Settings → Interviewer → Test connection: one tiny real request to what the settings describe. */
export async function testLanguageModel(settings: InterviewerSettings, deps: ConnectionDeps): Promise<ConnectionReport> {
  if (settings.provider === 'embedded') return { ok: true, sentence: EMBEDDED_WORKS };
  // Nothing to connect to: the downloaded model is checked (header, size) each time it is loaded.
  if (settings.provider === 'on-device') return { ok: true, sentence: 'The downloaded model runs on this computer: there is no connection to test.' };
  const modelSettings = settings as ModelSettings;
  const notReady = missing(modelSettings, deps.apiKey);
  if (notReady) return { ok: false, sentence: notReady.message };
  const common = { baseUrl: settings.baseUrl, timeoutMs: PROBE_TIMEOUT_MS[settings.provider], fetch: deps.fetch, declaredContextTokens: DECLARED[settings.provider].contextTokens };
  if (settings.provider === 'anthropic') return testAnthropicConnection({ ...common, apiKey: deps.apiKey ?? '', model: modelNameOf(settings) ?? '' });
  return testOpenAiConnection({ ...common, kind: settings.provider, apiKey: deps.apiKey, model: modelNameOf(settings) });
}

/** The models the server lists, for the Settings picker; an error's sentence when it cannot say. */
export async function listLanguageModels(settings: InterviewerSettings, deps: ConnectionDeps): Promise<string[] | ModelError> {
  if (settings.provider === 'embedded' || settings.provider === 'on-device') return [];
  const notReady = missing(settings as ModelSettings, deps.apiKey);
  if (notReady) return notReady;
  const common = { baseUrl: settings.baseUrl, timeoutMs: PROBE_TIMEOUT_MS[settings.provider], fetch: deps.fetch };
  if (settings.provider === 'anthropic') return anthropicModelList({ ...common, apiKey: deps.apiKey ?? '' });
  return openAiModelList({ ...common, kind: settings.provider, apiKey: deps.apiKey });
}


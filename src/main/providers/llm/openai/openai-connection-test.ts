import type OpenAI from 'openai';
import type { ConnectionReport, ModelCapabilitiesSetting } from '../../../../shared/protocol';
import { createOpenAiClient, type FetchFunction } from '../../openai-client';
import { answersProbe, PROBE_MAX_TOKENS, PROBE_OUTPUT, PROBE_PROMPT } from '../connection/connection-probe';
import { capitalised, modelFailed, modelWorks, type Listed } from '../connection/connection-sentence';
import { extractJsonObject } from '../json-reply';
import { modelError, type ModelError } from '../model-error';
import { openAiEndpoint, tokenLimit, type OpenAiKind } from './openai-endpoint';
import { fromOpenAiError } from './openai-error-mapping';
import { listOpenAiModels, type ModelListing } from './openai-model-list';

export interface OpenAiConnectionOptions {
  kind: OpenAiKind;
  apiKey?: string | undefined;
  /** As the settings hold it: stored with what was found, and compared with it later. */
  baseUrl?: string | undefined;
  /** Undefined for a compatible server not told one yet: the test then lists what it has. */
  model: string | undefined;
  /** The window assumed when the server does not say (create-language-model.ts). */
  declaredContextTokens: number;
  timeoutMs: number;
  fetch?: FetchFunction | undefined;
}

interface ProbeReply {
  content: string;
  reasoning: string;
}

/**
 * Test connection for OpenAI and compatible servers (issue #10): the model list (is the server
 * there, is the key accepted, is the model loaded), then one tiny chat request with a strict
 * json_schema, which says whether the server supports native structured output and where its
 * text arrives (`content`, or `reasoning_content` on some local reasoning servers). A server
 * that refuses json_schema is asked once more without it, to see where its text arrives.
 */
export async function testOpenAiConnection(options: OpenAiConnectionOptions): Promise<ConnectionReport> {
  const { baseURL, service } = openAiEndpoint(options.kind, options.baseUrl);
  const client = createOpenAiClient({ apiKey: options.apiKey, baseURL, timeoutMs: options.timeoutMs, fetch: options.fetch });
  let listing: ModelListing | undefined;
  try {
    listing = await listOpenAiModels(client, options.kind);
  } catch (error) {
    const failure = fromOpenAiError(error, service, undefined);
    // A server without GET /models (some llama.cpp and vLLM builds) can still chat.
    if (failure.code !== 'NOT_FOUND') return modelFailed(failure, undefined);
  }
  const models = listing?.ids;
  const { model } = options;
  if (!model) {
    const sentence = models?.length ? `${capitalised(service)} is reachable and has ${models.length === 1 ? 'one model' : `${models.length} models`}: choose one.` : `${capitalised(service)} is reachable: name the model to use.`;
    return { ok: false, sentence, ...(models ? { models } : {}) };
  }

  const started = performance.now();
  let reply: ProbeReply;
  let schemaHonoured = true;
  try {
    reply = await probe(client, options.kind, model, true, service);
  } catch (error) {
    const failure = fromOpenAiError(error, service, undefined);
    // 400/422: the server does not take response_format json_schema; it may still chat.
    if (failure.code !== 'BAD_REQUEST') return modelFailed(failure, models);
    schemaHonoured = false;
    try {
      reply = await probe(client, options.kind, model, false, service);
    } catch (again) {
      return modelFailed(fromOpenAiError(again, service, undefined), models);
    }
  }
  const latencyMs = Math.round(performance.now() - started);
  const textField = reply.content.trim() ? 'content' : reply.reasoning.trim() ? 'reasoning_content' : undefined;
  if (!textField) return modelFailed(modelError('BAD_RESPONSE', service), models);
  const text = textField === 'content' ? reply.content : reply.reasoning;
  const capabilities: ModelCapabilitiesSetting = {
    structuredOutput: schemaHonoured && answersProbe(extractJsonObject(text)) ? 'json_schema' : 'none',
    contextTokens: listing?.contextTokens(model) ?? options.declaredContextTokens,
    textField,
    foundFor: { provider: options.kind, ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}), model },
  };
  const listed: Listed = !models ? 'unknown' : models.includes(model) ? 'found' : 'unlisted';
  return { ok: true, sentence: modelWorks(service, model, listed, capabilities, latencyMs), latencyMs, ...(models ? { models } : {}), capabilities };
}

/** The model list alone, for the Settings picker. */
export async function openAiModelList(options: Omit<OpenAiConnectionOptions, 'model' | 'declaredContextTokens'>): Promise<string[] | ModelError> {
  const { baseURL, service } = openAiEndpoint(options.kind, options.baseUrl);
  const client = createOpenAiClient({ apiKey: options.apiKey, baseURL, timeoutMs: options.timeoutMs, fetch: options.fetch });
  try {
    return (await listOpenAiModels(client, options.kind)).ids;
  } catch (error) {
    return fromOpenAiError(error, service, undefined);
  }
}

async function probe(client: OpenAI, kind: OpenAiKind, model: string, withSchema: boolean, service: string): Promise<ProbeReply> {
  const completion: unknown = await client.chat.completions.create({
    model,
    messages: [{ role: 'user', content: PROBE_PROMPT }],
    ...tokenLimit(kind, PROBE_MAX_TOKENS),
    ...(withSchema ? { response_format: { type: 'json_schema', json_schema: { name: PROBE_OUTPUT.name, description: PROBE_OUTPUT.description, schema: PROBE_OUTPUT.schema, strict: true } } } : {}),
  });
  const choices = (completion as { choices?: { message?: { content?: unknown; reasoning_content?: unknown } }[] } | null)?.choices;
  const message = Array.isArray(choices) ? choices[0]?.message : undefined;
  // A 200 whose body is an error, or no choices at all, is not a reply.
  if (!message) throw modelError('BAD_RESPONSE', service);
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  return { content: text(message.content), reasoning: text(message.reasoning_content) };
}

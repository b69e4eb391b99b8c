import type Anthropic from '@anthropic-ai/sdk';
import type { Tool } from '@anthropic-ai/sdk/resources/messages';
import type { ConnectionReport, ModelCapabilitiesSetting } from '../../../../shared/protocol';
import type { FetchFunction } from '../../openai-client';
import { answersProbe, PROBE_MAX_TOKENS, PROBE_OUTPUT, PROBE_PROMPT } from '../connection/connection-probe';
import { modelFailed, modelWorks, type Listed } from '../connection/connection-sentence';
import { modelError, type ModelError } from '../model-error';
import { portableSchema } from '../portable-schema';
import { ANTHROPIC_SERVICE, createAnthropicClient } from './anthropic-client';
import { fromAnthropicError } from './anthropic-error-mapping';

export interface AnthropicConnectionOptions {
  apiKey: string;
  baseUrl?: string | undefined;
  model: string;
  declaredContextTokens: number;
  timeoutMs: number;
  fetch?: FetchFunction | undefined;
}

interface Listing {
  ids: string[];
  contextTokens: Map<string, number>;
}

/**
 * Test connection for Anthropic (issue #10): GET /v1/models (the key, the model, its context
 * window), then one tiny request with the forced tool the interviewer's evaluations use.
 * Aliases such as "claude-haiku-4-5" resolve without being listed, so an unlisted model is
 * asked all the same.
 */
export async function testAnthropicConnection(options: AnthropicConnectionOptions): Promise<ConnectionReport> {
  const client = createAnthropicClient({ apiKey: options.apiKey, baseURL: options.baseUrl, timeoutMs: options.timeoutMs, fetch: options.fetch });
  let listing: Listing | undefined;
  try {
    listing = await listModels(client);
  } catch (error) {
    const failure = fromAnthropicError(error, ANTHROPIC_SERVICE, undefined);
    // A proxy without the models endpoint can still answer messages.
    if (failure.code !== 'NOT_FOUND') return modelFailed(failure, undefined);
  }
  const models = listing?.ids;
  const started = performance.now();
  let message: unknown;
  try {
    message = await client.messages.create({
      model: options.model,
      max_tokens: PROBE_MAX_TOKENS,
      messages: [{ role: 'user', content: PROBE_PROMPT }],
      tools: [{ name: PROBE_OUTPUT.name, description: PROBE_OUTPUT.description, input_schema: portableSchema(PROBE_OUTPUT.schema) as Tool.InputSchema }],
      tool_choice: { type: 'tool', name: PROBE_OUTPUT.name },
    });
  } catch (error) {
    return modelFailed(fromAnthropicError(error, ANTHROPIC_SERVICE, undefined), models);
  }
  const latencyMs = Math.round(performance.now() - started);
  const content = (message as { content?: unknown }).content;
  const call = Array.isArray(content) ? (content as { type?: string; input?: unknown }[]).find((block) => block?.type === 'tool_use') : undefined;
  if (!answersProbe(call?.input)) return modelFailed(modelError('BAD_RESPONSE', ANTHROPIC_SERVICE), models);
  const capabilities: ModelCapabilitiesSetting = {
    structuredOutput: 'tool',
    contextTokens: listing?.contextTokens.get(options.model) ?? options.declaredContextTokens,
    textField: 'content',
    foundFor: { provider: 'anthropic', ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}), model: options.model },
  };
  const listed: Listed = !models ? 'unknown' : models.includes(options.model) ? 'found' : 'unlisted';
  return { ok: true, sentence: modelWorks(ANTHROPIC_SERVICE, options.model, listed, capabilities, latencyMs), latencyMs, ...(models ? { models } : {}), capabilities };
}

export async function anthropicModelList(options: Omit<AnthropicConnectionOptions, 'model' | 'declaredContextTokens'>): Promise<string[] | ModelError> {
  try {
    return (await listModels(createAnthropicClient({ apiKey: options.apiKey, baseURL: options.baseUrl, timeoutMs: options.timeoutMs, fetch: options.fetch }))).ids;
  } catch (error) {
    return fromAnthropicError(error, ANTHROPIC_SERVICE, undefined);
  }
}

async function listModels(client: Anthropic): Promise<Listing> {
  const page = await client.models.list({ limit: 1000 });
  const contextTokens = new Map<string, number>();
  const ids: string[] = [];
  for (const entry of Array.isArray(page.data) ? page.data : []) {
    if (typeof entry?.id !== 'string' || !entry.id.trim()) continue;
    ids.push(entry.id);
    if (typeof entry.max_input_tokens === 'number' && entry.max_input_tokens >= 512) contextTokens.set(entry.id, entry.max_input_tokens);
  }
  return { ids: ids.sort(), contextTokens };
}

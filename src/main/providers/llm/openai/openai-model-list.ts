import type OpenAI from 'openai';
import type { OpenAiKind } from './openai-endpoint';

/** What GET /v1/models says: the model ids, and a model's context window where the server says it. */
export interface ModelListing {
  ids: string[];
  contextTokens(model: string): number | undefined;
}

/**
 * OpenAI lists every model of the account (speech, images, embeddings…); only chat models can
 * interview. Compatible servers list what they have loaded, all of it offered.
 */
const OPENAI_CHAT = /^(gpt-|o\d|chatgpt-)/;
const NOT_CHAT = /(audio|realtime|transcribe|tts|search|image|embedding|moderation|instruct)/;

/**
 * A context size some servers add to their entries: vLLM's `max_model_len`, LM Studio's and
 * OpenRouter's `context_length`. Ollama's OpenAI endpoint says nothing (and cannot change it).
 */
function contextOf(entry: Record<string, unknown>): number | undefined {
  for (const field of ['max_model_len', 'context_length', 'max_context_length']) {
    const value = entry[field];
    if (typeof value === 'number' && Number.isInteger(value) && value >= 512 && value <= 10_000_000) return value;
  }
  return undefined;
}

/** Throws what the SDK throws (the caller maps it): a 404 means the server has no list. */
export async function listOpenAiModels(client: OpenAI, kind: OpenAiKind, signal?: AbortSignal): Promise<ModelListing> {
  const page = await client.models.list(signal ? { signal } : {});
  const entries = (Array.isArray(page.data) ? page.data : []) as unknown as Record<string, unknown>[];
  const byId = new Map<string, Record<string, unknown>>();
  for (const entry of entries) if (typeof entry.id === 'string' && entry.id.trim()) byId.set(entry.id, entry);
  const ids = [...byId.keys()].filter((id) => kind !== 'openai' || (OPENAI_CHAT.test(id) && !NOT_CHAT.test(id))).sort();
  return {
    ids,
    contextTokens: (model) => {
      const entry = byId.get(model);
      return entry ? contextOf(entry) : undefined;
    },
  };
}

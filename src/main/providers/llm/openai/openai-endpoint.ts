import { hostOf, normaliseBaseUrl } from '../../server-address';

/** Where a chat-completions request goes and how the user hears it named, for every request to it (calls and Test connection). */
export type OpenAiKind = 'openai' | 'openai-compatible';

const OPENAI_BASE_URL = 'https://api.openai.com/v1';

export function openAiEndpoint(kind: OpenAiKind, baseURL: string | undefined): { baseURL: string | undefined; service: string } {
  if (kind === 'openai') return { baseURL: baseURL || OPENAI_BASE_URL, service: 'OpenAI' };
  const normalised = normaliseBaseUrl(baseURL);
  return { baseURL: normalised, service: `the model server at ${hostOf(normalised)}` };
}

/** OpenAI's newer models take only max_completion_tokens; compatible servers know max_tokens. */
export const tokenLimit = (kind: OpenAiKind, maxTokens: number): { max_completion_tokens: number } | { max_tokens: number } =>
  kind === 'openai' ? { max_completion_tokens: maxTokens } : { max_tokens: maxTokens };

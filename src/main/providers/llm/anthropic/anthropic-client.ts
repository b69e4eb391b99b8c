import Anthropic from '@anthropic-ai/sdk';
import type { FetchFunction } from '../../openai-client';

const ANTHROPIC_BASE_URL = 'https://api.anthropic.com';

export const ANTHROPIC_SERVICE = 'Anthropic';

/**
 * The Anthropic SDK's client, given every option it would read from the environment or a
 * profile on disk, so the app's settings alone decide where a conversation goes.
 */
export function createAnthropicClient(options: { apiKey: string; baseURL?: string | undefined; timeoutMs: number; fetch?: FetchFunction | undefined }): Anthropic {
  return new Anthropic({
    apiKey: options.apiKey,
    baseURL: options.baseURL || ANTHROPIC_BASE_URL,
    timeout: options.timeoutMs,
    maxRetries: 0,
    logLevel: 'off',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

import OpenAI from 'openai';

export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface OpenAiClientOptions {
  /** Optional for a compatible server, which then gets no Authorization header. */
  apiKey?: string | undefined;
  baseURL: string | undefined;
  timeoutMs: number;
  /** Retries are the caller's, so the SDK makes none unless told. */
  maxRetries?: number;
  /** STYLE.md §4: tests point the real client at a loopback server through this. */
  fetch?: FetchFunction | undefined;
}

/**
 * The `openai` SDK's client for OpenAI or any server speaking its API. Every option the SDK
 * would otherwise read from the environment (OPENAI_BASE_URL, OPENAI_ORG_ID, OPENAI_LOG…) is
 * given, so the app's settings alone decide where a request goes and the SDK never logs one.
 */
export function createOpenAiClient(options: OpenAiClientOptions): OpenAI {
  return new OpenAI({
    // The SDK refuses to start without a key; a keyless local server gets this placeholder,
    // and the null Authorization keeps it from being sent.
    apiKey: options.apiKey || 'no-key',
    defaultHeaders: options.apiKey ? {} : { Authorization: null },
    baseURL: options.baseURL,
    organization: null,
    project: null,
    timeout: options.timeoutMs,
    maxRetries: options.maxRetries ?? 0,
    logLevel: 'off',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

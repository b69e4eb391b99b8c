import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { ModelError } from '../model-error';
import { fromSdkError } from '../sdk-error';

const OPENAI_ERRORS = { APIError, APIConnectionError, APIConnectionTimeoutError, APIUserAbortError };

/** Whatever the OpenAI SDK throws, as a ModelError naming the service (see sdk-error.ts). */
export const fromOpenAiError = (error: unknown, service: string, signal: AbortSignal | undefined, midStream = false): ModelError =>
  fromSdkError(OPENAI_ERRORS, error, service, signal, midStream);

import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import type { ModelError } from '../model-error';
import { fromSdkError } from '../sdk-error';

const ANTHROPIC_ERRORS = { APIError, APIConnectionError, APIConnectionTimeoutError, APIUserAbortError };

/** Whatever the Anthropic SDK throws, as a ModelError naming the service (see sdk-error.ts). */
export const fromAnthropicError = (error: unknown, service: string, signal: AbortSignal | undefined, midStream = false): ModelError =>
  fromSdkError(ANTHROPIC_ERRORS, error, service, signal, midStream);

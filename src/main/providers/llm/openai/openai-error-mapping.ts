import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { retryAfterMs } from '../../retry-after';
import { isModelError, modelError, type ModelError } from '../model-error';

/**
 * Whatever the OpenAI SDK throws, as a ModelError naming the service. Only the error's class,
 * status and code are read, never its message: a server may echo the key in it.
 * `midStream`: a connection that breaks after the reply began surfaces as a bare TypeError.
 */
export function fromOpenAiError(error: unknown, service: string, signal: AbortSignal | undefined, midStream = false): ModelError {
  if (isModelError(error)) return error;
  if (signal?.aborted || error instanceof APIUserAbortError) return modelError('CANCELLED', service);
  if (error instanceof APIConnectionTimeoutError) return modelError('TIMEOUT', service);
  if (error instanceof APIConnectionError) return modelError(midStream ? 'STREAM_CUT' : 'UNREACHABLE', service);
  if (error instanceof APIError) {
    const status = typeof error.status === 'number' ? error.status : undefined;
    // An error event inside a 200 stream has no status: the server failed while answering.
    if (status === undefined) return modelError('SERVER_ERROR', service);
    if (status === 401 || status === 403) return modelError('UNAUTHORIZED', service, { status });
    if (status === 429) return error.code === 'insufficient_quota' ? modelError('NO_CREDIT', service, { status }) : modelError('RATE_LIMITED', service, { status, retryAfterMs: retryAfterMs(error.headers) });
    if (status === 408) return modelError('TIMEOUT', service, { status });
    if (status === 404) return modelError('NOT_FOUND', service, { status });
    if (status >= 500) return modelError('SERVER_ERROR', service, { status });
    return modelError('BAD_REQUEST', service, { status });
  }
  if (error instanceof SyntaxError) return modelError('BAD_RESPONSE', service);
  if (error instanceof TypeError && midStream) return modelError('STREAM_CUT', service);
  return modelError(midStream ? 'STREAM_CUT' : 'UNREACHABLE', service);
}

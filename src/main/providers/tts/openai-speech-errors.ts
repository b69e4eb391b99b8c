import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { SpeechSynthesisError, cancelledError, timeoutError } from './speech-synthesis-error';
import { InvalidSpeechFileError } from './spoken-wav-file';

export interface FailureContext {
  /** The caller's signal fired: the user moved on. */
  cancelled: boolean;
  /** Our own deadline fired (the client's per-attempt timeout is reported as its own error). */
  timedOut: boolean;
  timeoutMs: number;
  /** Where it failed: an error while the body streams in is a broken answer, not a refusal. */
  phase: 'request' | 'body';
}

/**
 * The OpenAI client's errors as the app's codes. The server's own message is never passed on:
 * a 401 from OpenAI quotes part of the key ("Incorrect API key provided: sk-…abcd").
 */
export function speechErrorFromOpenAi(error: unknown, context: FailureContext): SpeechSynthesisError {
  if (error instanceof SpeechSynthesisError) return error;
  if (context.cancelled) return cancelledError();
  if (context.timedOut || error instanceof APIConnectionTimeoutError) return timeoutError(context.timeoutMs);
  if (error instanceof InvalidSpeechFileError) {
    return new SpeechSynthesisError('BAD_RESPONSE', 'OpenAI answered with something that is not playable audio.');
  }
  if (error instanceof APIUserAbortError) return cancelledError();
  if (error instanceof APIError && typeof error.status === 'number') return fromStatus(error.status);
  if (error instanceof APIConnectionError) {
    return new SpeechSynthesisError('UNREACHABLE', 'OpenAI could not be reached. Check the internet connection, or use the system voice.');
  }
  if (typeof (error as NodeJS.ErrnoException | undefined)?.syscall === 'string') {
    return new SpeechSynthesisError('SYNTHESIS_FAILED', 'The spoken question could not be saved on this computer.');
  }
  if (context.phase === 'body') {
    return new SpeechSynthesisError('BAD_RESPONSE', 'The audio from OpenAI stopped arriving before it was complete.');
  }
  return new SpeechSynthesisError('SYNTHESIS_FAILED', 'Speaking the question with OpenAI failed.');
}

function fromStatus(status: number): SpeechSynthesisError {
  if (status === 401 || status === 403) {
    return new SpeechSynthesisError('UNAUTHORIZED', 'OpenAI did not accept the API key. Check the key in Settings.');
  }
  if (status === 429) {
    return new SpeechSynthesisError('RATE_LIMITED', 'OpenAI is limiting requests or the account is out of credit. Try again later.');
  }
  if (status >= 500) {
    return new SpeechSynthesisError('SERVER_ERROR', 'OpenAI had a problem on its side. Try again in a moment.');
  }
  if (status >= 400) {
    return new SpeechSynthesisError('BAD_REQUEST', 'OpenAI refused the request. Check the speech model and voice in Settings.');
  }
  return new SpeechSynthesisError('BAD_RESPONSE', 'OpenAI answered in a way this app does not understand.');
}

import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { retryAfterMs } from '../retry-after';
import { cancelledError, isTranscriptionError, TranscriptionError } from './transcription-error';

/**
 * Turns whatever the OpenAI SDK throws into a TranscriptionError whose sentence names the
 * service ("OpenAI", "the transcription server at 127.0.0.1:8080") and what the user can do.
 * Only the class, status and error code of the SDK's error are read, never its message
 * (see transcription-error.ts).
 */
export function toTranscriptionError(error: unknown, service: string, signal?: AbortSignal): TranscriptionError {
  if (isTranscriptionError(error)) return error;
  // An abort can surface as a connection error when it lands mid-upload; the caller's
  // intent is what matters.
  if (signal?.aborted || error instanceof APIUserAbortError) return cancelledError();
  if (error instanceof APIConnectionTimeoutError) {
    return new TranscriptionError('TIMEOUT', `${capitalised(service)} took too long to transcribe the recording.`);
  }
  if (error instanceof APIConnectionError) {
    return new TranscriptionError('UNREACHABLE', `Could not reach ${service}: check the connection and the address in Settings.`);
  }
  if (error instanceof APIError && typeof error.status === 'number') return fromStatus(error, error.status, service);
  // The SDK parses a JSON-labelled body itself and throws SyntaxError when it is not JSON.
  if (error instanceof SyntaxError) return badResponse(service);
  return new TranscriptionError('RECOGNITION_FAILED', `Transcription with ${service} failed unexpectedly.`);
}

export const badResponse = (service: string, status?: number): TranscriptionError =>
  new TranscriptionError('BAD_RESPONSE', `${capitalised(service)} answered with something that is not a transcription.`, { status });

function fromStatus(error: APIError, status: number, service: string): TranscriptionError {
  const details = { status };
  if (status === 401 || status === 403) {
    return new TranscriptionError('UNAUTHORIZED', `${capitalised(service)} did not accept the API key: check it in Settings.`, details);
  }
  if (status === 429) {
    // OpenAI says 429 both for "slow down" and for "no credit left"; only the first passes.
    if (error.code === 'insufficient_quota') {
      return new TranscriptionError('RATE_LIMITED', `The ${service} account has no credit left for transcription.`, { ...details, retryable: false });
    }
    return new TranscriptionError('RATE_LIMITED', `${capitalised(service)} is limiting requests right now: try again in a moment.`, {
      ...details,
      retryAfterMs: retryAfterMs(error.headers),
    });
  }
  if (status === 408) return new TranscriptionError('TIMEOUT', `${capitalised(service)} took too long to transcribe the recording.`, details);
  if (status >= 500) return new TranscriptionError('SERVER_ERROR', `${capitalised(service)} had a problem transcribing the recording: try again later.`, details);
  if (status === 404) {
    return new TranscriptionError('BAD_REQUEST', `${capitalised(service)} has no transcription service or model by that name: check the address and model in Settings.`, details);
  }
  if (status === 413) return new TranscriptionError('BAD_REQUEST', `The recording is too long for ${service}.`, details);
  if (status >= 400) return new TranscriptionError('BAD_REQUEST', `${capitalised(service)} refused the recording: check the model in Settings.`, details);
  return badResponse(service, status);
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

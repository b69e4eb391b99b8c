/**
 * Why speaking a question failed, as a code the app can act on (fall back to showing the
 * question, offer Settings, retry later) and a sentence it can show as is. Messages never
 * carry the question text, a key or a process's output: they may end up in a log.
 */
export type SpeechSynthesisErrorCode =
  /** No voice to speak with on this computer (no espeak-ng, no `say`, no PowerShell). */
  | 'NOT_AVAILABLE'
  /** The chosen provider needs something the user has not given yet (an API key). */
  | 'NOT_CONFIGURED'
  | 'EMPTY_TEXT'
  | 'TEXT_TOO_LONG'
  | 'VOICE_NOT_FOUND'
  /** The voice program ran but produced no usable audio. */
  | 'SYNTHESIS_FAILED'
  | 'UNAUTHORIZED'
  | 'RATE_LIMITED'
  | 'TIMEOUT'
  | 'UNREACHABLE'
  | 'SERVER_ERROR'
  /** The service refused the request itself (unknown model or voice, bad parameter). */
  | 'BAD_REQUEST'
  /** The service answered, but not with a playable WAV. */
  | 'BAD_RESPONSE'
  | 'CANCELLED';

export class SpeechSynthesisError extends Error {
  constructor(
    readonly code: SpeechSynthesisErrorCode,
    /** A sentence for the user. */
    message: string,
  ) {
    super(message);
    this.name = 'SpeechSynthesisError';
  }
}

export const cancelledError = (): SpeechSynthesisError =>
  new SpeechSynthesisError('CANCELLED', 'Speaking the question was cancelled.');

export const timeoutError = (limitMs: number): SpeechSynthesisError =>
  new SpeechSynthesisError(
    'TIMEOUT',
    `Speaking the question took longer than ${Math.max(1, Math.ceil(limitMs / 1000))} seconds, so it was stopped.`,
  );

export const emptyTextError = (): SpeechSynthesisError =>
  new SpeechSynthesisError('EMPTY_TEXT', 'There is nothing to say: the question is empty.');

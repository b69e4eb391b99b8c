/**
 * Why a transcription failed, for the engine (the code, and whether another try could help)
 * and for the user (the message, a sentence the engine shows as it is).
 *
 * The message is always written here, never copied from a library or a server: their
 * messages can echo part of an API key ("Incorrect API key provided: sk-ab…yz") or of the
 * response, which may be the transcript. For the same reason the original error is not kept
 * as `cause`; `status` carries the one detail worth logging.
 */
export type TranscriptionErrorCode =
  /** The provider lacks what it needs (a key, a base URL) or recognition is turned off. */
  | 'NOT_CONFIGURED'
  /** No local speech model is installed. */
  | 'NO_MODEL'
  /** The local model folder holds no model this app can load. */
  | 'BAD_MODEL'
  /** The recording is missing or not a mono 16-bit PCM WAV. */
  | 'BAD_AUDIO'
  | 'UNAUTHORIZED'
  | 'RATE_LIMITED'
  | 'TIMEOUT'
  | 'UNREACHABLE'
  | 'SERVER_ERROR'
  /** The server refused the request itself (unknown model, wrong path, recording too large). */
  | 'BAD_REQUEST'
  /** The server answered, but not with a transcription. */
  | 'BAD_RESPONSE'
  /** The local recognizer failed while decoding, or something unforeseen went wrong. */
  | 'RECOGNITION_FAILED'
  | 'CANCELLED';

/** Whether the same request, tried again later, could succeed. */
const RETRYABLE_BY_DEFAULT: Record<TranscriptionErrorCode, boolean> = {
  NOT_CONFIGURED: false,
  NO_MODEL: false,
  BAD_MODEL: false,
  BAD_AUDIO: false,
  UNAUTHORIZED: false,
  RATE_LIMITED: true,
  TIMEOUT: true,
  UNREACHABLE: true,
  SERVER_ERROR: true,
  BAD_REQUEST: false,
  BAD_RESPONSE: false,
  RECOGNITION_FAILED: false,
  CANCELLED: false,
};

export interface TranscriptionErrorDetails {
  /** Overrides the code's default, e.g. a 429 that means "out of credit" is not worth retrying. */
  retryable?: boolean;
  /** How long the server asked us to wait before trying again. */
  retryAfterMs?: number;
  /** The HTTP status, when a server answered. */
  status?: number;
}

export class TranscriptionError extends Error {
  override readonly name = 'TranscriptionError';
  readonly code: TranscriptionErrorCode;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly status: number | undefined;

  /** @param userMessage a sentence for the user: no key, no transcript, no library text. */
  constructor(code: TranscriptionErrorCode, userMessage: string, details: TranscriptionErrorDetails = {}) {
    super(userMessage);
    this.code = code;
    this.retryable = details.retryable ?? RETRYABLE_BY_DEFAULT[code];
    this.retryAfterMs = details.retryAfterMs;
    this.status = details.status;
  }
}

export const isTranscriptionError = (error: unknown): error is TranscriptionError => error instanceof TranscriptionError;

export const cancelledError = (): TranscriptionError =>
  new TranscriptionError('CANCELLED', 'The transcription was cancelled.');

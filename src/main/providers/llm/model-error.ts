/**
 * Every failure of a model call, whatever the API (DESIGN.md §8): a code the engine acts on
 * (retry or not, how long to wait, fall back), and one sentence for the user that names the
 * service and never quotes the server's own message (a server may echo the key in it).
 */
export type ModelErrorCode =
  | 'CANCELLED'
  | 'TIMEOUT'
  | 'UNREACHABLE'
  | 'UNAUTHORIZED'
  | 'RATE_LIMITED'
  | 'NO_CREDIT'
  | 'SERVER_ERROR'
  | 'BAD_REQUEST'
  | 'NOT_FOUND'
  | 'BAD_RESPONSE'
  | 'STREAM_CUT'
  | 'NOT_CONFIGURED';

const RETRYABLE: ReadonlySet<ModelErrorCode> = new Set(['TIMEOUT', 'UNREACHABLE', 'RATE_LIMITED', 'SERVER_ERROR', 'STREAM_CUT']);

export class ModelError extends Error {
  readonly code: ModelErrorCode;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(code: ModelErrorCode, message: string, details: { status?: number | undefined; retryAfterMs?: number | undefined } = {}) {
    super(message);
    this.name = 'ModelError';
    this.code = code;
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
  }

  /** Whether trying again can help: never for a bad key, a bad request or a cancelled call. */
  get retryable(): boolean {
    return RETRYABLE.has(this.code);
  }
}

export const isModelError = (error: unknown): error is ModelError => error instanceof ModelError;

export function sentenceFor(code: ModelErrorCode, service: string): string {
  const Service = service.charAt(0).toUpperCase() + service.slice(1);
  switch (code) {
    case 'CANCELLED':
      return 'The request was cancelled.';
    case 'TIMEOUT':
      return `${Service} took too long to answer.`;
    case 'UNREACHABLE':
      return `Could not reach ${service}: check the connection and the address in Settings.`;
    case 'UNAUTHORIZED':
      return `${Service} did not accept the API key: check it in Settings.`;
    case 'RATE_LIMITED':
      return `${Service} is limiting requests right now.`;
    case 'NO_CREDIT':
      return `The ${service} account has no credit left.`;
    case 'SERVER_ERROR':
      return `${Service} had a problem answering.`;
    case 'NOT_FOUND':
      return `${Service} has no model by that name: check the model in Settings.`;
    case 'BAD_REQUEST':
      return `${Service} refused the request: check the model in Settings.`;
    case 'BAD_RESPONSE':
      return `${Service} answered with something that could not be read.`;
    case 'STREAM_CUT':
      return `The connection to ${service} broke off mid-reply.`;
    case 'NOT_CONFIGURED':
      return `${Service} is not set up yet: add its key or address in Settings.`;
  }
}

export const modelError = (code: ModelErrorCode, service: string, details?: { status?: number | undefined; retryAfterMs?: number | undefined }): ModelError =>
  new ModelError(code, sentenceFor(code, service), details);

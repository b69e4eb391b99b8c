import type { CallMethod, CallParams, CallResult, ClientMessage, ServerMessage } from './protocol';

/**
 * The object the preload exposes as `window.interview` (DESIGN.md §3), and the interface the
 * renderer's WebSocket client implements too, so screens never know which transport they use.
 */
export interface InterviewApi {
  send(message: ClientMessage): void;
  /** Returns an unsubscribe function. */
  onMessage(listener: (message: ServerMessage) => void): () => void;
  sendAudio(chunk: ArrayBuffer): void;
  call<M extends CallMethod>(method: M, params?: CallParams<M>): Promise<CallResult<M>>;
}

/**
 * IPC channel names, one per `InterviewApi` member, named `domain:action`.
 * Calls share one channel because the method name travels with them and is checked against
 * the contract in main; a per-method channel would only duplicate that list.
 */
export const IPC_CHANNELS = {
  send: 'interview:send',
  message: 'interview:message',
  audio: 'interview:audio',
  call: 'interview:call',
} as const;

/** What `interview:call` answers over IPC; invoke() would otherwise flatten errors to strings. */
export type IpcCallOutcome =
  | { ok: true; result: unknown }
  | { ok: false; error: { code: string; message: string } };

/** Thrown by `call` in the renderer when the other side answered with an error. */
export class CallFailedError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CallFailedError';
  }
}

/**
 * contextBridge copies only an Error's message across worlds, so the preload encodes the
 * call's error code into it and the renderer's IPC client decodes it again.
 */
export function encodeCallError(error: { code: string; message: string }): string {
  return `[${error.code}] ${error.message}`;
}

export function decodeCallError(message: string): CallFailedError {
  const match = /^\[([A-Z_]{1,64})\] ([\s\S]*)$/.exec(message);
  return match ? new CallFailedError(match[1]!, match[2]!) : new CallFailedError('INTERNAL', message);
}

import {
  decodeJsonFrame,
  LIMITS,
  parseClientFrame,
  parseClientMessage,
  type RpcError,
  type RpcResult,
  type ServerMessage,
} from '../../shared/protocol';
import { describeError, type Logger } from '../log';
import { dispatchCall, type CallOutcome } from '../rpc/dispatch-call';
import type { AppServices } from '../services';

/** Anything main sends to one client: session messages, and over WebSocket call answers. */
export type OutboundFrame = ServerMessage | RpcResult | RpcError;

/**
 * One client of either transport. Everything that arrives is validated here, the single
 * place where a bad message becomes a BAD_MESSAGE error instead of a crash, and the
 * connection stays usable after it (DESIGN.md §4).
 */
export interface ClientConnection {
  /** A session message already decoded from JSON (IPC). */
  receiveMessage(raw: unknown): void;
  /** A JSON text frame: a session message or an `rpc` call (WebSocket). */
  receiveFrame(text: string): void;
  /** A binary audio chunk; anything else is rejected as BAD_MESSAGE. */
  receiveAudio(chunk: unknown): void;
  call(method: unknown, params: unknown): Promise<CallOutcome>;
  close(): Promise<void>;
}

export function openClientConnection(
  services: AppServices,
  send: (frame: OutboundFrame) => void,
  log: Logger,
): ClientConnection {
  const session = services.openSession(send);
  const badMessage = (reason: string): void => {
    log.warn('message.rejected', { reason });
    send({ type: 'error', code: 'BAD_MESSAGE', message: reason, recoverable: true });
  };
  const guarded = (what: string, run: () => void): void => {
    try {
      run();
    } catch (error) {
      log.error('session.failed', { what, error: describeError(error) });
      send({ type: 'error', code: 'INTERNAL', message: 'Something went wrong; please try again.', recoverable: true });
    }
  };
  const call = (method: unknown, params: unknown): Promise<CallOutcome> =>
    dispatchCall(services.handlers, method, params, log);

  return {
    receiveMessage(raw) {
      const message = parseClientMessage(raw);
      if (!message.ok) return badMessage(message.error);
      guarded(message.value.type, () => session.receive(message.value));
    },
    receiveFrame(text) {
      const decoded = decodeJsonFrame(text);
      if (!decoded.ok) return badMessage(decoded.error);
      const frame = parseClientFrame(decoded.value);
      if (!frame.ok) return badMessage(frame.error);
      if (frame.value.kind === 'message') {
        const message = frame.value.message;
        return guarded(message.type, () => session.receive(message));
      }
      const { id, method, params } = frame.value.request;
      void call(method, params).then((outcome) =>
        send(
          outcome.ok
            ? { type: 'rpc_result', id, result: outcome.result }
            : { type: 'rpc_error', id, error: outcome.error },
        ),
      );
    },
    receiveAudio(raw) {
      const chunk = asBytes(raw);
      if (!chunk) return badMessage('audio chunk must be binary');
      if (chunk.byteLength > LIMITS.maxAudioChunkBytes) {
        return badMessage(`audio chunk is larger than ${LIMITS.maxAudioChunkBytes} bytes`);
      }
      guarded('audio', () => session.receiveAudio(chunk));
    },
    call,
    close: () => session.close().catch((error: unknown) => log.error('session.close_failed', { error: describeError(error) })),
  };
}

function asBytes(raw: unknown): Uint8Array | undefined {
  if (raw instanceof Uint8Array) return raw;
  if (raw instanceof ArrayBuffer) return new Uint8Array(raw);
  if (ArrayBuffer.isView(raw)) return new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
  return undefined;
}

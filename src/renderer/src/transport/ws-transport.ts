import { CallFailedError } from '../../../shared/api';
import {
  decodeJsonFrame,
  parseServerFrame,
  type CallMethod,
  type CallResult,
  type ClientMessage,
  type ServerMessage,
} from '../../../shared/protocol';
import type { ConnectionState, Transport } from './transport';

/** Matches the host's close code for a missing or wrong token. */
const CLOSE_UNAUTHORIZED = 4401;
const CALL_TIMEOUT_MS = 30_000;
const MAX_QUEUED_FRAMES = 200;
const RECONNECT_DELAYS_MS = [250, 500, 1_000, 2_000, 5_000];

/** The part of the browser's WebSocket this client uses, so tests can pass another one. */
export interface SocketLike {
  readonly readyState: number;
  binaryType: string;
  send(data: string | ArrayBuffer): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

const OPEN = 1;

/**
 * Browser mode's transport: JSON text frames for messages and calls, binary frames for audio
 * (DESIGN.md §3). It reconnects with back-off after a dropped connection, and keeps what the
 * user sent meanwhile in a queue, so an answer typed during a hiccup is delivered, not lost.
 */
export function createWsTransport(
  url: string,
  openSocket: (url: string) => SocketLike = (u) => new WebSocket(u) as unknown as SocketLike,
): Transport {
  let socket: SocketLike | undefined;
  let state: ConnectionState = 'connecting';
  let attempts = 0;
  let closedByUser = false;
  let nextCallId = 1;
  let everConnected = false;
  let greeting: () => ClientMessage | undefined = () => undefined;
  const queue: (string | ArrayBuffer)[] = [];
  const messageListeners = new Set<(message: ServerMessage) => void>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  const pendingCalls = new Map<number, { resolve(value: unknown): void; reject(error: Error): void; timer: ReturnType<typeof setTimeout> }>();

  const setState = (next: ConnectionState): void => {
    if (state === next) return;
    state = next;
    for (const listener of stateListeners) listener(next);
  };

  const transmit = (frame: string | ArrayBuffer): void => {
    if (socket?.readyState === OPEN) return socket.send(frame);
    if (queue.length >= MAX_QUEUED_FRAMES) queue.shift();
    queue.push(frame);
  };

  const receive = (data: unknown): void => {
    if (typeof data !== 'string') return;
    const decoded = decodeJsonFrame(data);
    const frame = decoded.ok ? parseServerFrame(decoded.value) : decoded;
    if (!frame.ok) return console.warn('ignored an invalid frame from the host:', frame.error);
    const parsed = frame.value;
    if (parsed.kind === 'message') {
      for (const listener of messageListeners) listener(parsed.message);
      return;
    }
    const pending = typeof parsed.frame.id === 'number' ? pendingCalls.get(parsed.frame.id) : undefined;
    if (!pending) return;
    pendingCalls.delete(parsed.frame.id as number);
    clearTimeout(pending.timer);
    if (parsed.kind === 'rpc_result') pending.resolve(parsed.frame.result);
    else pending.reject(new CallFailedError(parsed.frame.error.code, parsed.frame.error.message));
  };

  const connect = (): void => {
    const current = openSocket(url);
    current.binaryType = 'arraybuffer';
    socket = current;
    current.onopen = () => {
      attempts = 0;
      const hello = everConnected ? greeting() : undefined;
      everConnected = true;
      if (hello) current.send(JSON.stringify(hello));
      for (const frame of queue.splice(0)) current.send(frame);
      setState('connected');
    };
    current.onmessage = (event) => receive(event.data);
    current.onclose = (event) => {
      if (socket !== current) return;
      socket = undefined;
      if (closedByUser) return setState('closed');
      if (event.code === CLOSE_UNAUTHORIZED) {
        failPendingCalls('UNAUTHORIZED', 'This page is not authorised to reach the host.');
        return setState('unauthorized');
      }
      setState('reconnecting');
      const delay = RECONNECT_DELAYS_MS[Math.min(attempts, RECONNECT_DELAYS_MS.length - 1)]!;
      attempts += 1;
      setTimeout(connect, delay);
    };
    current.onerror = () => {};
  };

  const failPendingCalls = (code: string, message: string): void => {
    for (const [id, pending] of pendingCalls) {
      clearTimeout(pending.timer);
      pending.reject(new CallFailedError(code, message));
      pendingCalls.delete(id);
    }
  };

  connect();

  return {
    kind: 'websocket',
    get connectionState() {
      return state;
    },
    onConnectionState(listener) {
      stateListeners.add(listener);
      return () => void stateListeners.delete(listener);
    },
    setReconnectGreeting(next) {
      greeting = next;
    },
    send: (message: ClientMessage) => transmit(JSON.stringify(message)),
    sendAudio: (chunk) => transmit(chunk),
    onMessage(listener) {
      messageListeners.add(listener);
      return () => void messageListeners.delete(listener);
    },
    call<M extends CallMethod>(method: M, params?: unknown): Promise<CallResult<M>> {
      const id = nextCallId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pendingCalls.delete(id);
          reject(new CallFailedError('TIMEOUT', `${method} got no answer in ${CALL_TIMEOUT_MS / 1000} s`));
        }, CALL_TIMEOUT_MS);
        pendingCalls.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
        transmit(JSON.stringify({ type: 'rpc', id, method, params }));
      });
    },
    close() {
      closedByUser = true;
      failPendingCalls('CLOSED', 'The connection was closed.');
      socket?.close(1000, 'closed by the page');
    },
  };
}

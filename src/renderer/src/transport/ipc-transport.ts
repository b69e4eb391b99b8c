import { decodeCallError, type InterviewApi } from '../../../shared/api';
import { parseServerMessage } from '../../../shared/protocol';
import type { Transport } from './transport';

/**
 * Inside the app: `window.interview` from the preload. IPC needs no connecting, so the state
 * is always "connected". Messages are validated again here, on receipt (DESIGN.md §2).
 */
export function createIpcTransport(bridge: InterviewApi): Transport {
  return {
    kind: 'ipc',
    connectionState: 'connected',
    onConnectionState: () => () => {},
    setReconnectGreeting() {},
    send: (message) => bridge.send(message),
    sendAudio: (chunk) => bridge.sendAudio(chunk),
    onMessage: (listener) =>
      bridge.onMessage((raw) => {
        const message = parseServerMessage(raw);
        if (message.ok) listener(message.value);
        else console.warn('ignored an invalid message from main:', message.error);
      }),
    async call(method, params) {
      try {
        return await bridge.call(method, params);
      } catch (error) {
        throw decodeCallError(error instanceof Error ? error.message : String(error));
      }
    },
    close() {},
  };
}

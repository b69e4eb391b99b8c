import type { InterviewApi } from '../../../shared/api';
import type { ClientMessage } from '../../../shared/protocol';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'unauthorized' | 'closed';

/** The renderer's one way to reach the engine, whichever process it runs in. */
export interface Transport extends InterviewApi {
  readonly kind: 'ipc' | 'websocket';
  readonly connectionState: ConnectionState;
  onConnectionState(listener: (state: ConnectionState) => void): () => void;
  /**
   * A message to send first whenever the connection is re-established (before anything queued
   * meanwhile), such as `resume` for the interview in progress. IPC never reconnects.
   */
  setReconnectGreeting(greeting: () => ClientMessage | undefined): void;
  close(): void;
}

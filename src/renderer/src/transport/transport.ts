import type { InterviewApi } from '../../../shared/api';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'unauthorized' | 'closed';

/** The renderer's one way to reach the engine, whichever process it runs in. */
export interface Transport extends InterviewApi {
  readonly kind: 'ipc' | 'websocket';
  readonly connectionState: ConnectionState;
  onConnectionState(listener: (state: ConnectionState) => void): () => void;
  close(): void;
}

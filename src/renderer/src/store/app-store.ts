import { create } from 'zustand';
import type { ClientMessage, ServerMessage } from '../../../shared/protocol';
import type { ConnectionState, Transport } from '../transport/transport';
import { applySentMessage, applyServerMessage, initialSessionState, type SessionState } from './session-reducer';

/**
 * The renderer's one store: the connection and the live session, fed only by protocol
 * messages. Lists fetched by calls live with the screen that shows them (useCall).
 */
export type Loadable<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'error'; message: string };

export interface AppState {
  transportKind: Transport['kind'] | null;
  connection: ConnectionState;
  session: SessionState;
  setConnection(kind: Transport['kind'], state: ConnectionState): void;
  receive(message: ServerMessage): void;
  sent(message: ClientMessage): void;
  dismissError(): void;
}

export const useAppStore = create<AppState>()((set) => ({
  transportKind: null,
  connection: 'connecting',
  session: initialSessionState,
  setConnection: (transportKind, connection) => set({ transportKind, connection }),
  receive: (message) => set((state) => ({ session: applyServerMessage(state.session, message) })),
  sent: (message) => set((state) => ({ session: applySentMessage(state.session, message) })),
  dismissError: () => set((state) => ({ session: { ...state.session, lastError: null } })),
}));

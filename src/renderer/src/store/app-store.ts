import { create } from 'zustand';
import type { ClientMessage, InterviewDetail, ServerMessage } from '../../../shared/protocol';
import type { ConnectionState, Transport } from '../transport/transport';
import { browserMemory, type InterviewMemory } from './interview-memory';
import { applySentMessage, applyServerMessage, initialSessionState, type SessionState } from './session-reducer';
import { withStoredTurns } from './stored-turns';

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
  /** The candidate typed or corrected the answer to this question. */
  setDraft(questionId: string, text: string): void;
  /** The stored interview, read after a resume: the earlier questions this window has not seen. */
  restore(detail: InterviewDetail): void;
  dismissError(): void;
}

export function createAppStore(memory: InterviewMemory) {
  return create<AppState>()((set, get) => ({
    transportKind: null,
    connection: 'connecting',
    session: initialSessionState,
    setConnection: (transportKind, connection) => set({ transportKind, connection }),
    receive: (message) => {
      const before = get().session;
      const after = applyServerMessage(before, message, { nowMs: Date.now(), memory });
      set({ session: after });
      rememberSession(memory, before, after);
    },
    sent: (message) => set((state) => ({ session: applySentMessage(state.session, message) })),
    setDraft: (questionId, text) => {
      const { session } = get();
      if (!session.interviewId) return;
      memory.saveDraft(session.interviewId, questionId, text);
      set({ session: { ...session, drafts: { ...session.drafts, [questionId]: text } } });
    },
    restore: (detail) => set((state) => ({ session: withStoredTurns(state.session, detail) })),
    dismissError: () => set((state) => ({ session: { ...state.session, lastError: null } })),
  }));
}

/**
 * Keeps this computer's memory in step with the session: a draft the engine accepted (or the
 * candidate skipped) is forgotten, and so is a finished interview.
 */
function rememberSession(memory: InterviewMemory, before: SessionState, after: SessionState): void {
  const id = before.interviewId;
  if (!id) return;
  if (after.interviewId === id && (after.ended || after.complete)) return memory.forget(id);
  if (after.interviewId !== id) return;
  for (const questionId of Object.keys(before.drafts)) if (!(questionId in after.drafts)) memory.clearDraft(id, questionId);
}

export const useAppStore = createAppStore(browserMemory);

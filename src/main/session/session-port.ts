import type { ClientMessage, ServerMessage } from '../../shared/protocol';

/**
 * One client's conversation with the interview engine. Each transport connection opens one
 * and feeds it validated messages; the engine answers through `emit`.
 */
export interface SessionPort {
  receive(message: ClientMessage): void;
  receiveAudio(chunk: Uint8Array): void;
  /**
   * The client went away or the process is stopping: finish the message in hand, keep the
   * interview resumable, release what the session holds. Safe to call more than once.
   */
  close(): Promise<void>;
}

export type Emit = (message: ServerMessage) => void;
export type OpenSession = (emit: Emit) => SessionPort;

import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_CHANNELS, type IpcCallOutcome } from '../../shared/api';
import type { Logger } from '../log';
import type { AppServices } from '../services';
import { openClientConnection, type ClientConnection } from './client-connection';

/**
 * The app's transport (DESIGN.md §3): the same ClientConnection the WebSocket host uses, fed
 * by IPC. Only the main window's top frame, showing the app's own origin, may talk to it.
 */
export function registerIpcTransport(
  services: AppServices,
  isTrustedSender: (frameUrl: string) => boolean,
  log: Logger,
): void {
  const connections = new Map<number, ClientConnection>();

  const connectionFor = (contents: WebContents): ClientConnection => {
    let connection = connections.get(contents.id);
    if (!connection) {
      const created = openClientConnection(
        services,
        (frame) => {
          if (!contents.isDestroyed()) contents.send(IPC_CHANNELS.message, frame);
        },
        log,
      );
      connections.set(contents.id, created);
      contents.once('destroyed', () => {
        void created.close();
        connections.delete(contents.id);
      });
      connection = created;
    }
    return connection;
  };

  const trusted = (event: IpcMainEvent | IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    const ok = frame !== null && frame.parent === null && isTrustedSender(frame.url);
    if (!ok) log.warn('ipc.untrusted_sender', { channel: 'interview' });
    return ok;
  };

  ipcMain.on(IPC_CHANNELS.send, (event, message: unknown) => {
    if (trusted(event)) connectionFor(event.sender).receiveMessage(message);
  });
  ipcMain.on(IPC_CHANNELS.audio, (event, chunk: unknown) => {
    if (trusted(event)) connectionFor(event.sender).receiveAudio(chunk);
  });
  ipcMain.handle(IPC_CHANNELS.call, async (event, method: unknown, params: unknown): Promise<IpcCallOutcome> => {
    if (!trusted(event)) return { ok: false, error: { code: 'FORBIDDEN', message: 'untrusted sender' } };
    return connectionFor(event.sender).call(method, params);
  });
}

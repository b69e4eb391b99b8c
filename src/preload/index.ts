/**
 * The only bridge between the sandboxed renderer and main (DESIGN.md §3): one object,
 * `window.interview`, checked against the shared InterviewApi type. It carries messages and
 * nothing else; no Node API and no secret reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { encodeCallError, IPC_CHANNELS, type InterviewApi, type IpcCallOutcome } from '../shared/api';
import type { ServerMessage } from '../shared/protocol';

const api = {
  send: (message) => ipcRenderer.send(IPC_CHANNELS.send, message),
  onMessage(listener) {
    // Main validates what it sends; the renderer validates again on receipt (transport client).
    const handler = (_event: IpcRendererEvent, message: ServerMessage): void => listener(message);
    ipcRenderer.on(IPC_CHANNELS.message, handler);
    return () => void ipcRenderer.removeListener(IPC_CHANNELS.message, handler);
  },
  sendAudio: (chunk) => ipcRenderer.send(IPC_CHANNELS.audio, chunk),
  async call(method, params) {
    const outcome = (await ipcRenderer.invoke(IPC_CHANNELS.call, method, params)) as IpcCallOutcome;
    // contextBridge keeps only an Error's message, so the code travels inside it.
    if (!outcome.ok) throw new Error(encodeCallError(outcome.error));
    return outcome.result as never;
  },
} satisfies InterviewApi;

contextBridge.exposeInMainWorld('interview', api);

import { takeAccessToken, tokenInLink } from './access-token';
import { createIpcTransport } from './ipc-transport';
import type { Transport } from './transport';
import { createWsTransport } from './ws-transport';

export type TransportChoice = { ok: true; transport: Transport } | { ok: false; reason: 'no-token' };

/**
 * DESIGN.md §3: IPC when the preload's bridge exists (the app), otherwise the WebSocket of
 * the host that served this page, with the token from the URL.
 */
export function pickTransport(): TransportChoice {
  if (window.interview) return { ok: true, transport: createIpcTransport(window.interview) };
  const token = takeAccessToken(window.location, window.sessionStorage, window.history);
  if (!token) return { ok: false, reason: 'no-token' };
  const wsUrl = `ws://${window.location.host}/ws?token=${encodeURIComponent(token)}`;
  return { ok: true, transport: createWsTransport(wsUrl) };
}

/**
 * Browser mode: an access link opened in a tab that already shows the page changes only the
 * address's fragment, so the page does not load again. The new link's token is taken and a
 * new transport made with it (issue #9: after a wrong link, the right one needed a reload).
 */
export function onAccessLink(listener: (choice: TransportChoice) => void): () => void {
  const handler = (): void => {
    if (tokenInLink(window.location.hash)) listener(pickTransport());
  };
  window.addEventListener('hashchange', handler);
  return () => window.removeEventListener('hashchange', handler);
}

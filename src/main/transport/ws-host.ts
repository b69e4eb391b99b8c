import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { LIMITS } from '../../shared/protocol';
import type { Logger } from '../log';
import type { AppServices } from '../services';
import { openClientConnection, type OutboundFrame } from './client-connection';
import { contentSecurityPolicy } from './content-security-policy';
import { replyText } from './file-reply';
import { isAllowedOrigin, isLoopbackHost, tokensMatch } from './host-security';
import { EXPORTS_PATH, sendExportFile } from './export-files';
import { sendMediaFile } from './media-files';
import { resolveStaticFile, sendFile } from './static-files';
import { receiveUpload, UPLOADS_PATH } from './upload-files';

/** Close code for a WebSocket that arrived without the right token (DESIGN.md §3). */
export const CLOSE_UNAUTHORIZED = 4401;

export interface HostOptions {
  services: AppServices;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** Recordings and spoken questions, served under /media/ with the token. */
  mediaDir: string;
  /** 0 picks a free port. */
  port: number;
  log: Logger;
}

export interface RunningHost {
  port: number;
  token: string;
  /** The page to open, with the token in the fragment (never sent to the server or logged). */
  url: string;
  ws: string;
  close(): Promise<void>;
}

/**
 * Browser mode (DESIGN.md §3): the built renderer over HTTP and the protocol over a
 * WebSocket, on 127.0.0.1 only. The app shell (index.html and its hashed assets) is public
 * because a browser cannot send the URL fragment's token when it fetches the page; the page
 * then reads the token and presents it on the WebSocket and on every data URL. Every other
 * path requires the token.
 */
export async function startWsHost(options: HostOptions & { token: string }): Promise<RunningHost> {
  const { services, rendererDir, log, token } = options;
  let port = options.port;
  const baseHeaders = (): Record<string, string> => ({
    'Content-Security-Policy': contentSecurityPolicy({ connect: [`ws://127.0.0.1:${port}`, `ws://localhost:${port}`] }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
  const reply = (res: ServerResponse, status: number, text: string): void => replyText(res, status, text, baseHeaders());

  const handleRequest = (req: IncomingMessage, res: ServerResponse): void => {
    if (!isLoopbackHost(req.headers.host, port)) return reply(res, 403, 'Forbidden host');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    // The one thing the page sends by HTTP: a résumé or posting file it announced (issue #14).
    if (req.method === 'POST' && url.pathname.startsWith(UPLOADS_PATH)) {
      if (!tokensMatch(url.searchParams.get('token'), token)) return reply(res, 401, 'Unauthorized');
      if (!isAllowedOrigin(req.headers.origin, port)) return reply(res, 403, 'Forbidden origin');
      return receiveUpload(req, res, services.uploads, decodeURIComponent(url.pathname.slice(UPLOADS_PATH.length)), baseHeaders());
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply(res, 405, 'Method not allowed');
    const shellFile = resolveStaticFile(rendererDir, url.pathname);
    if (shellFile) {
      if (req.method === 'HEAD') {
        res.writeHead(200, baseHeaders());
        return void res.end();
      }
      return sendFile(res, shellFile, baseHeaders(), log);
    }
    if (!tokensMatch(url.searchParams.get('token'), token)) return reply(res, 401, 'Unauthorized');
    if (url.pathname.startsWith('/media/') && sendMediaFile(req, res, options.mediaDir, url.pathname.slice('/media/'.length), baseHeaders(), log)) return;
    if (url.pathname.startsWith(EXPORTS_PATH) && sendExportFile(res, services.downloads, decodeURIComponent(url.pathname.slice(EXPORTS_PATH.length)), baseHeaders(), req.method === 'HEAD')) return;
    reply(res, 404, 'Not found');
  };

  const server = createServer(handleRequest);
  const sockets = new WebSocketServer({ noServer: true, maxPayload: LIMITS.maxWebSocketPayloadBytes });

  const refuseUpgrade = (socket: Duplex, status: string): void => {
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  };

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (!isLoopbackHost(req.headers.host, port)) return refuseUpgrade(socket, '403 Forbidden');
    if (url.pathname !== '/ws') return refuseUpgrade(socket, '404 Not Found');
    if (!isAllowedOrigin(req.headers.origin, port)) {
      log.warn('ws.origin_refused');
      return refuseUpgrade(socket, '403 Forbidden');
    }
    sockets.handleUpgrade(req, socket, head, (ws) => {
      if (!tokensMatch(url.searchParams.get('token'), token)) {
        log.warn('ws.unauthorized');
        return ws.close(CLOSE_UNAUTHORIZED, 'unauthorized');
      }
      attach(ws);
    });
  });

  const attach = (ws: WebSocket): void => {
    const send = (frame: OutboundFrame): void => {
      if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(frame));
    };
    const connection = openClientConnection(services, send, log);
    log.info('ws.connected', { clients: sockets.clients.size });
    ws.on('message', (data: RawData, isBinary: boolean) => {
      const bytes = toBuffer(data);
      if (isBinary) connection.receiveAudio(bytes);
      else connection.receiveFrame(bytes.toString('utf8'));
    });
    ws.on('close', (code: number) => {
      void connection.close();
      log.info('ws.closed', { code });
    });
    ws.on('error', (error: Error) => log.warn('ws.error', { error: error.message }));
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      for (const client of sockets.clients) client.close(1001, 'host shutting down');
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      sockets.close();
      await services.close();
    })();
    return closing;
  };

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    ws: `ws://127.0.0.1:${port}/ws?token=${token}`,
    close,
  };
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

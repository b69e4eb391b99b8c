import { statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { Logger } from '../log';
import { sendFileReply } from './file-reply';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
};

/**
 * Resolves a URL path to a file inside `rootDir`, or undefined. Paths that climb out of
 * the folder (`..`, encoded or not) resolve to nothing.
 */
export function resolveStaticFile(rootDir: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = normalize(rootDir + sep);
  const file = normalize(join(root, relative));
  if (!file.startsWith(root)) return undefined;
  try {
    return statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

export function sendFile(res: ServerResponse, file: string, headers: Record<string, string>, log: Logger): void {
  const isHtml = extname(file) === '.html';
  void sendFileReply(res, file, {
    what: 'app',
    headers,
    log,
    plan: (size) => ({
      status: 200,
      headers: {
        'Content-Type': MIME_TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': String(size),
        // Built assets carry a content hash in their names; the page itself must never be stale.
        'Cache-Control': isHtml ? 'no-store' : 'public, max-age=31536000, immutable',
      },
      body: true,
    }),
  });
}

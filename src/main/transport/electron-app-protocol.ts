import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { parseByteRange } from './byte-range';
import { contentSecurityPolicy } from './content-security-policy';
import type { ExportDownloads } from '../reports/export-downloads';
import { downloadHeaders } from './export-files';
import { resolveStaticFile } from './static-files';

/**
 * The renderer is served from app://bundle/ rather than file://, so it has a real origin
 * to check IPC senders and permissions against, and a CSP header on every response.
 */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://bundle`;
/** Recordings and spoken questions (DESIGN.md §4.3): `app-media://media/<path>`. */
export const MEDIA_SCHEME = 'app-media';
export const mediaUrl = (relativePath: string): string => `${MEDIA_SCHEME}://media/${relativePath.split('/').map(encodeURIComponent).join('/')}`;
/** Exports waiting to be saved (issue #11): `app-export://export/<id>`; the renderer fetches them and offers a save dialog. */
export const EXPORT_SCHEME = 'app-export';
export const exportUrl = (downloadId: string): string => `${EXPORT_SCHEME}://export/${encodeURIComponent(downloadId)}`;

/** Must run before the app is ready. */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    { scheme: EXPORT_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

const MIME: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  woff2: 'font/woff2',
};

export function serveRendererBundle(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'bundle' ? resolveStaticFile(rendererDir, url.pathname) : undefined;
    if (!file) return new Response('Not found', { status: 404 });
    const extension = file.split('.').pop() ?? '';
    return new Response(await readFile(file), {
      headers: {
        'Content-Type': MIME[extension] ?? 'application/octet-stream',
        'Content-Security-Policy': contentSecurityPolicy({ media: [`${MEDIA_SCHEME}:`], connect: [`${EXPORT_SCHEME}:`] }),
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}

/** Media files with byte ranges, so audio elements and waveforms can seek. */
export function serveMediaFiles(mediaDir: string): void {
  protocol.handle(MEDIA_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'media' ? resolveStaticFile(mediaDir, url.pathname) : undefined;
    if (!file || !file.endsWith('.wav')) return new Response('Not found', { status: 404 });
    const bytes = await readFile(file);
    const range = parseByteRange(request.headers.get('range'), bytes.length);
    const headers = { 'Content-Type': 'audio/wav', 'Accept-Ranges': 'bytes' };
    if (range === undefined) return new Response(bytes, { headers });
    if (range === 'unsatisfiable') return new Response(null, { status: 416, headers: { ...headers, 'Content-Range': `bytes */${bytes.length}` } });
    return new Response(bytes.subarray(range.start, range.end + 1), {
      status: 206,
      headers: { ...headers, 'Content-Range': `bytes ${range.start}-${range.end}/${bytes.length}` },
    });
  });
}

/** The same downloads browser mode serves under /exports/, for the app's own origin only (CORS). */
export function serveExportFiles(downloads: ExportDownloads, appOrigin: string): void {
  protocol.handle(EXPORT_SCHEME, (request) => {
    const url = new URL(request.url);
    const file = url.host === 'export' ? downloads.get(decodeURIComponent(url.pathname.slice(1))) : undefined;
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.bytes), { headers: { ...downloadHeaders(file), 'Access-Control-Allow-Origin': appOrigin } });
  });
}

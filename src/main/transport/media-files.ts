import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseByteRange } from './byte-range';
import { resolveStaticFile } from './static-files';

/**
 * Serves a recording or spoken question from the media folder, with byte ranges so the
 * browser's audio element and the waveform can seek (browser mode; the app uses app-media://).
 * Returns false when there is no such file.
 */
export function sendMediaFile(req: IncomingMessage, res: ServerResponse, mediaDir: string, mediaPath: string, headers: Record<string, string>): boolean {
  const file = resolveStaticFile(mediaDir, `/${mediaPath}`);
  if (!file || !file.endsWith('.wav')) return false;
  const size = statSync(file).size;
  const range = parseByteRange(req.headers.range, size);
  const send = (status: number, extra: Record<string, string>, stream?: { start: number; end: number }): void => {
    res.writeHead(status, { ...headers, 'Content-Type': 'audio/wav', 'Accept-Ranges': 'bytes', 'Cache-Control': 'private, no-cache', ...extra });
    if (req.method === 'HEAD' || status === 416) res.end();
    else createReadStream(file, stream).pipe(res);
  };
  if (range === undefined) send(200, { 'Content-Length': String(size) });
  else if (range === 'unsatisfiable') send(416, { 'Content-Range': `bytes */${size}` });
  else send(206, { 'Content-Range': `bytes ${range.start}-${range.end}/${size}`, 'Content-Length': String(range.end - range.start + 1) }, range);
  return true;
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log';
import { parseByteRange } from './byte-range';
import { sendFileReply, type FilePlan } from './file-reply';
import { resolveStaticFile } from './static-files';

/**
 * Serves a recording or spoken question from the media folder, with byte ranges so the
 * browser's audio element and the waveform can seek (browser mode; the app uses app-media://).
 * Returns false when there is no such file.
 */
export function sendMediaFile(
  req: IncomingMessage,
  res: ServerResponse,
  mediaDir: string,
  mediaPath: string,
  headers: Record<string, string>,
  log: Logger,
): boolean {
  const file = resolveStaticFile(mediaDir, `/${mediaPath}`);
  if (!file || !file.endsWith('.wav')) return false;
  const plan = (size: number): FilePlan => {
    const common = { 'Content-Type': 'audio/wav', 'Accept-Ranges': 'bytes', 'Cache-Control': 'private, no-cache' };
    const body = req.method !== 'HEAD';
    const range = parseByteRange(req.headers.range, size);
    if (range === undefined) return { status: 200, headers: { ...common, 'Content-Length': String(size) }, body };
    if (range === 'unsatisfiable') return { status: 416, headers: { ...common, 'Content-Range': `bytes */${size}` }, body: false };
    return {
      status: 206,
      headers: { ...common, 'Content-Range': `bytes ${range.start}-${range.end}/${size}`, 'Content-Length': String(range.end - range.start + 1) },
      range,
      body,
    };
  };
  void sendFileReply(res, file, { what: 'media', headers, log, plan });
  return true;
}

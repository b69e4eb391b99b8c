import { open, type FileHandle } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Logger } from '../log';

/** What to answer for a file of `size` bytes: the status, headers, and which bytes (if any) to send. */
export interface FilePlan {
  status: number;
  headers: Record<string, string>;
  /** The byte range to send; the whole file when absent. */
  range?: { start: number; end: number };
  /** False for HEAD and 416: headers only. */
  body: boolean;
}

export function replyText(res: ServerResponse, status: number, text: string, headers: Record<string, string>): void {
  res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text + '\n');
}

/**
 * Streams a file into a response without ever letting a file problem reach the process
 * (issue #9): a read stream's error with no listener ends Node, so one unreadable recording
 * took browser mode down. The file is opened before anything is promised, and sized from the
 * open file, so a file removed after it was found gets 404 and one that cannot be opened 500,
 * each with a log line; a failure half-way (a disk error) cuts that response short. The log
 * names the kind of file and the error code only, never a path or a URL (the URL has the token).
 */
export async function sendFileReply(
  res: ServerResponse,
  file: string,
  options: { what: 'app' | 'media'; headers: Record<string, string>; log: Logger; plan: (size: number) => FilePlan },
): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, 'r');
    const stats = await handle.stat();
    if (!stats.isFile()) return replyText(res, 404, 'Not found', options.headers);
    const plan = options.plan(stats.size);
    res.writeHead(plan.status, { ...options.headers, ...plan.headers });
    if (!plan.body) return void res.end();
    const stream = handle.createReadStream(plan.range ?? {});
    handle = undefined; // the stream closes it when it ends or fails
    await pipeline(stream, res);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'UNKNOWN';
    // The browser stopped listening (a seek, a closed tab): nothing failed on this side.
    if (code === 'ERR_STREAM_PREMATURE_CLOSE') return;
    options.log.warn('http.file_failed', { what: options.what, code, headersSent: res.headersSent });
    if (res.headersSent) res.destroy();
    else if (code === 'ENOENT' || code === 'ENOTDIR') replyText(res, 404, 'Not found', options.headers);
    else replyText(res, 500, 'The file could not be read.', options.headers);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

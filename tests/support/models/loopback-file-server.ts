import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP server on 127.0.0.1 that serves files the test made, with Range support, and
 * that can be told to misbehave the ways real downloads do. Tests drive the model manager's
 * real download code against it (the machine and CI have no internet).
 */
export interface ServedFileBehaviour {
  /** Answer this status with no body (e.g. 500). */
  failWithStatus?: number;
  /** Answer 200 with the whole file even when a Range was asked for. */
  ignoreRange?: boolean;
  /** Send this many body bytes, then drop the connection. */
  cutAfterBytes?: number;
  /** Send this many body bytes, then keep the connection open without sending more. */
  stallAfterBytes?: number;
  /** Serve bytes of the right length but the wrong content. */
  corrupt?: boolean;
}

export interface RecordedRequest {
  path: string;
  /** The Range header as received, if any. */
  range: string | undefined;
  status: number;
  /** Body bytes actually sent. */
  sentBytes: number;
}

export interface LoopbackFileServer {
  url(path: string): string;
  serve(path: string, body: Buffer): void;
  /** Replaces the behaviour of one path; `{}` makes it well-behaved again. */
  behave(path: string, behaviour: ServedFileBehaviour): void;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

const RANGE = /^bytes=(\d+)-(\d*)$/;
/** Long enough for the client to read what was sent before the connection drops. */
const CUT_DELAY_MS = 100;

export async function startLoopbackFileServer(): Promise<LoopbackFileServer> {
  const files = new Map<string, Buffer>();
  const behaviours = new Map<string, ServedFileBehaviour>();
  const requests: RecordedRequest[] = [];

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const range = request.headers.range;
    const record: RecordedRequest = { path, range, status: 0, sentBytes: 0 };
    requests.push(record);
    const file = files.get(path);
    const behaviour = behaviours.get(path) ?? {};
    const answer = (status: number, headers: Record<string, string | number> = {}): void => {
      record.status = status;
      response.writeHead(status, headers);
    };

    if (!file) return void (answer(404), response.end());
    if (behaviour.failWithStatus) return void (answer(behaviour.failWithStatus), response.end());

    let start = 0;
    const match = range && !behaviour.ignoreRange ? RANGE.exec(range) : null;
    if (match) {
      start = Number(match[1]);
      if (start >= file.length) return void (answer(416, { 'content-range': `bytes */${file.length}` }), response.end());
    }
    let body = file.subarray(start);
    if (behaviour.corrupt) body = Buffer.from(body.map((byte) => byte ^ 0xff));
    const headers: Record<string, string | number> = { 'content-type': 'application/octet-stream', 'content-length': body.length, 'accept-ranges': 'bytes' };
    if (match) headers['content-range'] = `bytes ${start}-${file.length - 1}/${file.length}`;
    answer(match ? 206 : 200, headers);

    const limit = behaviour.cutAfterBytes ?? behaviour.stallAfterBytes;
    if (limit === undefined || limit >= body.length) {
      record.sentBytes = body.length;
      return void response.end(body);
    }
    record.sentBytes = limit;
    response.write(body.subarray(0, limit), () => {
      if (behaviour.cutAfterBytes !== undefined) setTimeout(() => response.destroy(), CUT_DELAY_MS);
      // A stalled response stays open until the test cancels it or closes the server.
    });
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    serve: (path, body) => void files.set(path, body),
    behave: (path, behaviour) => void behaviours.set(path, behaviour),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

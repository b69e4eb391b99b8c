import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOnLoopback, readBody } from '../loopback-http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP server on 127.0.0.1 that speaks OpenAI's transcription API
 * (POST /v1/audio/transcriptions, multipart/form-data with `file` and `model`), so tests run
 * the real SDK over a real socket (STYLE.md §4). The multipart body is parsed by Node's own
 * fetch implementation (Response.formData), not by hand, so a malformed upload fails here.
 */
export interface ReceivedUpload {
  method: string;
  path: string;
  authorization: string | undefined;
  /** Every text field of the form (model, response_format, language…). */
  fields: Record<string, string>;
  file: { name: string; type: string; bytes: Buffer } | undefined;
}

export type Reply =
  | { status: number; body: string; contentType?: string; headers?: Record<string, string> }
  /** Accept the request and never answer. */
  | 'hang';

export interface TranscriptionServer {
  /** Ends in /v1, as a user would configure it. */
  baseURL: string;
  origin: string;
  received: ReceivedUpload[];
  /** Resolves with the next request once it has been read in full. */
  nextUpload(): Promise<ReceivedUpload>;
  close(): Promise<void>;
}

export const jsonReply = (value: unknown, status = 200): Reply => ({ status, body: JSON.stringify(value) });

export async function startTranscriptionServer(reply: (upload: ReceivedUpload) => Reply): Promise<TranscriptionServer> {
  const received: ReceivedUpload[] = [];
  let waiting: ((upload: ReceivedUpload) => void)[] = [];

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const upload = await readUpload(request);
    received.push(upload);
    for (const resolve of waiting) resolve(upload);
    waiting = [];
    if (upload.method !== 'POST' || upload.path !== '/v1/audio/transcriptions') {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
      return;
    }
    const answer = reply(upload);
    if (answer === 'hang') return;
    response.writeHead(answer.status, { 'content-type': answer.contentType ?? 'application/json', ...answer.headers }).end(answer.body);
  };

  const { origin, close } = await listenOnLoopback((request, response) => {
    handle(request, response).catch(() => response.writeHead(500).end());
  });

  return {
    baseURL: `${origin}/v1`,
    origin,
    received,
    nextUpload: () => new Promise((resolve) => waiting.push(resolve)),
    close,
  };
}

/** An address where nothing listens: a port that was free a moment ago. */
export async function closedPortOrigin(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

async function readUpload(request: IncomingMessage): Promise<ReceivedUpload> {
  const body = await readBody(request);
  const upload: ReceivedUpload = {
    method: request.method ?? '',
    path: new URL(request.url ?? '/', 'http://localhost').pathname,
    authorization: request.headers.authorization,
    fields: {},
    file: undefined,
  };
  const contentType = request.headers['content-type'] ?? '';
  if (!contentType.startsWith('multipart/form-data')) return upload;
  const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  for (const [name, value] of form) {
    if (typeof value === 'string') upload.fields[name] = value;
    else if (name === 'file') upload.file = { name: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()) };
  }
  return upload;
}

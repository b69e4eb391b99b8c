import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP server on 127.0.0.1 speaking OpenAI's `POST /v1/audio/speech`, so the real
 * OpenAI client is tested over a real socket (STYLE.md §4). Each test says how to answer.
 */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body, or undefined when it was not JSON. */
  json: Record<string, unknown> | undefined;
}

export type Answer = (response: ServerResponse, request: RecordedRequest) => void;

export interface SpeechServer {
  /** What to give the client as baseURL (ends in /v1, like OpenAI's). */
  baseURL: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startSpeechServer(answer: Answer): Promise<SpeechServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: Record<string, unknown> | undefined;
      try {
        json = JSON.parse(body) as Record<string, unknown>;
      } catch {
        json = undefined;
      }
      const recorded: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, json };
      requests.push(recorded);
      answer(res, recorded);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        // Tests leave answers hanging on purpose (timeouts, cancellation): cut them.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers with a WAV, the way OpenAI does. */
export const answerWav =
  (wav: Buffer): Answer =>
  (res) => {
    res.writeHead(200, { 'content-type': 'audio/wav', 'content-length': String(wav.length) });
    res.end(wav);
  };

/** Answers with OpenAI's error shape; `retry-after-ms` keeps the client's retry quick. */
export const answerError =
  (status: number, message = 'error', code: string | null = null): Answer =>
  (res) => {
    res.writeHead(status, { 'content-type': 'application/json', 'retry-after-ms': '10' });
    res.end(JSON.stringify({ error: { message, type: 'test_error', code } }));
  };

/** Never answers: for timeouts and cancellation. */
export const answerNever: Answer = () => {};

/** A port where nothing listens: start a server, note its address, close it. */
export async function unusedBaseURL(): Promise<string> {
  const server = await startSpeechServer(answerNever);
  await server.close();
  return server.baseURL;
}

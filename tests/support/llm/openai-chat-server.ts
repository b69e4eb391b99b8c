import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenOnLoopback, readBody } from '../loopback-http';

/**
 * A real HTTP server on 127.0.0.1 that speaks OpenAI's chat completions API (STYLE.md §4):
 * POST /v1/chat/completions, streamed as server-sent events ending in `data: [DONE]` or as one
 * JSON completion, and GET /v1/models. Each request is answered by the test's `reply`, which
 * can also misbehave the ways real servers do (status codes, hangs, cut streams, error bodies).
 * With `key`, a request without that key is refused with a 401 whose body quotes the key it
 * was sent, as some servers do: nothing of it may reach a log or the page.
 */
export interface ChatRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: {
    model?: string;
    stream?: boolean;
    messages?: { role: string; content: string }[];
    response_format?: { type: string; json_schema?: { name: string; schema: unknown; strict?: boolean } };
    max_tokens?: number;
    max_completion_tokens?: number;
    [key: string]: unknown;
  };
  /** When things happened (performance.now()): the request arrived, each chunk was written, the reply ended, the client gave up. */
  timeline: { received: number; chunks: number[]; ended?: number; abandoned?: number };
}

export type ChatReply =
  /**
   * A normal reply: streamed in word-sized pieces when the request streams, `chunkDelayMs`
   * apart, the first after `firstChunkDelayMs` (for a reply that is not streamed, the time it
   * takes to answer).
   */
  | { text: string; field?: 'content' | 'reasoning_content'; chunkDelayMs?: number; firstChunkDelayMs?: number; usage?: { prompt: number; completion: number } }
  | { status: number; body: string; headers?: Record<string, string> }
  /** Send this many chunks of `text` (`chunkDelayMs` apart), then, once `cutAfter` has settled, destroy the socket. */
  | { cutAfterChunks: number; text: string; chunkDelayMs?: number; cutAfter?: Promise<void> }
  /** Accept the request and never answer. */
  | 'hang';

export interface ChatServer {
  baseURL: string;
  origin: string;
  received: ChatRequest[];
  /** The keys of requests refused with `key` set (whose error bodies quoted them). */
  refusedKeys: string[];
  close(): Promise<void>;
}

export async function startOpenAiChatServer(reply: (request: ChatRequest, index: number) => ChatReply, options: { models?: string[]; key?: string } = {}): Promise<ChatServer> {
  const received: ChatRequest[] = [];
  const refusedKeys: string[] = [];
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const raw = (await readBody(request)).toString('utf8');
    const sent = request.headers.authorization?.replace(/^Bearer /, '');
    if (options.key !== undefined && sent !== options.key) {
      refusedKeys.push(String(sent));
      json(response, 401, { error: { message: `Incorrect API key provided: ${String(sent)}`, type: 'invalid_request_error', code: 'invalid_api_key' } });
      return;
    }
    if (request.method === 'GET' && path === '/v1/models') {
      json(response, 200, { object: 'list', data: (options.models ?? []).map((id) => ({ id, object: 'model', owned_by: 'test' })) });
      return;
    }
    if (request.method !== 'POST' || path !== '/v1/chat/completions') {
      json(response, 404, { error: { message: 'not found' } });
      return;
    }
    const chat: ChatRequest = { path, headers: request.headers, body: JSON.parse(raw || '{}') as ChatRequest['body'], timeline: { received: performance.now(), chunks: [] } };
    received.push(chat);
    // A client that cancels (pause, end, a timeout) closes the connection before the reply is done.
    response.once('close', () => {
      if (!response.writableFinished) chat.timeline.abandoned = performance.now();
    });
    const answer = reply(chat, received.length - 1);
    if (answer === 'hang') return;
    if ('status' in answer) {
      response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end(answer.body);
      return;
    }
    if ('cutAfterChunks' in answer) {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const piece of pieces(answer.text).slice(0, answer.cutAfterChunks)) {
        response.write(sse(chunk(chat, { content: piece })));
        chat.timeline.chunks.push(performance.now());
        if (answer.chunkDelayMs) await delay(answer.chunkDelayMs);
      }
      await answer.cutAfter;
      await delay(20);
      response.socket?.destroy();
      return;
    }
    const field = answer.field ?? 'content';
    const usage = { prompt_tokens: answer.usage?.prompt ?? 11, completion_tokens: answer.usage?.completion ?? 7, total_tokens: (answer.usage?.prompt ?? 11) + (answer.usage?.completion ?? 7) };
    if (!chat.body.stream) {
      await delay(answer.firstChunkDelayMs ?? 0);
      chat.timeline.ended = performance.now();
      json(response, 200, {
        id: 'chatcmpl-test',
        object: 'chat.completion',
        created: 0,
        model: chat.body.model,
        choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: field === 'content' ? answer.text : '', ...(field === 'reasoning_content' ? { reasoning_content: answer.text } : {}) } }],
        usage,
      });
      return;
    }
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    await delay(answer.firstChunkDelayMs ?? 0);
    for (const piece of pieces(answer.text)) {
      if (response.destroyed) return;
      response.write(sse(chunk(chat, { [field]: piece })));
      chat.timeline.chunks.push(performance.now());
      if (answer.chunkDelayMs) await delay(answer.chunkDelayMs);
    }
    response.write(sse({ ...chunk(chat, {}), choices: [], usage }));
    response.end('data: [DONE]\n\n');
    chat.timeline.ended = performance.now();
  };

  const { origin, close } = await listenOnLoopback((request, response) => {
    handle(request, response).catch(() => response.writeHead(500).end());
  });
  return {
    baseURL: `${origin}/v1`,
    origin,
    received,
    refusedKeys,
    close,
  };
}

/** The text in word-sized pieces, as a model streams it. */
export const pieces = (text: string): string[] => text.match(/\S+\s*|\s+/g) ?? [];

const chunk = (chat: ChatRequest, delta: Record<string, string>) => ({
  id: 'chatcmpl-test',
  object: 'chat.completion.chunk',
  created: 0,
  model: chat.body.model,
  choices: [{ index: 0, delta, finish_reason: null }],
});
const sse = (value: unknown): string => `data: ${JSON.stringify(value)}\n\n`;
const json = (response: ServerResponse, status: number, value: unknown): void => {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
};
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));


import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenOnLoopback, readBody } from '../loopback-http';
import { pieces } from './openai-chat-server';

/**
 * A real HTTP server on 127.0.0.1 that speaks Anthropic's Messages API (STYLE.md §4):
 * POST /v1/messages, streamed as the documented events (message_start, content_block_start,
 * content_block_delta, content_block_stop, message_delta, message_stop) or answered as one
 * message, with tool_use blocks for forced tool calls. A request must carry a key as
 * `x-api-key` or `Authorization: Bearer`, as the real API accepts either.
 */
export interface MessagesRequest {
  headers: IncomingMessage['headers'];
  body: {
    model?: string;
    max_tokens?: number;
    system?: string;
    stream?: boolean;
    messages?: { role: string; content: string }[];
    tools?: { name: string; description?: string; input_schema: Record<string, unknown> }[];
    tool_choice?: { type: string; name?: string };
  };
}

export type MessagesReply =
  | { text: string; chunkDelayMs?: number; firstChunkDelayMs?: number }
  | { toolInput: unknown }
  | { status: number; body: string; headers?: Record<string, string> }
  /** A 200 stream that reports an error event after its start (overloaded_error). */
  | { errorEvent: string }
  | { cutAfterChunks: number; text: string }
  | 'hang';

export interface MessagesServer {
  baseURL: string;
  received: MessagesRequest[];
  close(): Promise<void>;
}

/** With `models`, GET /v1/models lists them (with their context windows); without, it is a 404. */
export async function startAnthropicMessagesServer(
  reply: (request: MessagesRequest, index: number) => MessagesReply,
  options: { key?: string; models?: { id: string; maxInputTokens?: number }[] } = {},
): Promise<MessagesServer> {
  const received: MessagesRequest[] = [];
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const raw = (await readBody(request)).toString('utf8');
    const key = request.headers['x-api-key'] ?? request.headers.authorization?.replace(/^Bearer /, '');
    if (options.key !== undefined && key !== options.key) return json(response, 401, { type: 'error', error: { type: 'authentication_error', message: `invalid x-api-key ${String(key)}` } });
    if (request.method === 'GET' && path === '/v1/models' && options.models) {
      const data = options.models.map(({ id, maxInputTokens }) => ({ type: 'model', id, display_name: id, created_at: '2025-10-01T00:00:00Z', max_input_tokens: maxInputTokens ?? null, max_tokens: 64_000 }));
      return json(response, 200, { data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null });
    }
    if (request.method !== 'POST' || path !== '/v1/messages') return json(response, 404, { type: 'error', error: { type: 'not_found_error', message: 'not found' } });
    const message: MessagesRequest = { headers: request.headers, body: JSON.parse(raw || '{}') as MessagesRequest['body'] };
    received.push(message);
    const answer = reply(message, received.length - 1);
    if (answer === 'hang') return;
    if ('status' in answer) {
      response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end(answer.body);
      return;
    }
    const model = message.body.model;
    const start = { type: 'message_start', message: { id: 'msg_test', type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 21, output_tokens: 1 } } };
    if ('toolInput' in answer) {
      const name = message.body.tool_choice?.name ?? 'tool';
      return json(response, 200, { ...start.message, content: [{ type: 'tool_use', id: 'toolu_test', name, input: answer.toolInput }], stop_reason: 'tool_use', usage: { input_tokens: 21, output_tokens: 9 } });
    }
    if (!message.body.stream && 'text' in answer) {
      return json(response, 200, { ...start.message, content: [{ type: 'text', text: answer.text }], stop_reason: 'end_turn', usage: { input_tokens: 21, output_tokens: 9 } });
    }
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    response.write(event(start));
    if ('errorEvent' in answer) {
      response.end(event({ type: 'error', error: { type: answer.errorEvent, message: 'Overloaded' } }));
      return;
    }
    response.write(event({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }));
    const all = pieces(answer.text);
    const sent = 'cutAfterChunks' in answer ? all.slice(0, answer.cutAfterChunks) : all;
    if ('firstChunkDelayMs' in answer) await delay(answer.firstChunkDelayMs ?? 0);
    for (const piece of sent) {
      response.write(event({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: piece } }));
      if ('chunkDelayMs' in answer && answer.chunkDelayMs) await delay(answer.chunkDelayMs);
    }
    if ('cutAfterChunks' in answer) {
      await delay(20);
      response.socket?.destroy();
      return;
    }
    response.write(event({ type: 'content_block_stop', index: 0 }));
    response.write(event({ type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: all.length } }));
    response.end(event({ type: 'message_stop' }));
  };

  const { origin, close } = await listenOnLoopback((request, response) => {
    handle(request, response).catch(() => response.writeHead(500).end());
  });
  return {
    baseURL: origin,
    received,
    close,
  };
}

const event = (data: { type: string; [field: string]: unknown }): string => `event: ${data.type}\ndata: ${JSON.stringify(data)}\n\n`;
function json(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
}
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));


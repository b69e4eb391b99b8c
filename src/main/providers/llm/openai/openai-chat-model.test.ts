import { afterEach, describe, expect, it } from 'vitest';
import { closedPortOrigin } from '../../../../../tests/support/stt/fake-transcription-server';
import { startOpenAiChatServer, type ChatReply, type ChatRequest, type ChatServer } from '../../../../../tests/support/llm/openai-chat-server';
import type { ModelCapabilities, OutputSchema } from '../language-model';
import { ModelError } from '../model-error';
import { wholeReply } from '../reply-stream';
import { createOpenAiChatModel } from './openai-chat-model';

const CAPABLE: ModelCapabilities = { structuredOutput: 'json_schema', streaming: true, contextTokens: 128_000, textField: 'content' };
const SCORE: OutputSchema = { name: 'score', description: 'A score', schema: { type: 'object', properties: { score: { type: 'number' } }, required: ['score'], additionalProperties: false } };
const REQUEST = { system: 'You are an interviewer.', messages: [{ role: 'user' as const, content: 'Ask me something.' }], maxTokens: 200 };

let server: ChatServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function modelFor(reply: (request: ChatRequest, index: number) => ChatReply, overrides: Partial<Parameters<typeof createOpenAiChatModel>[0]> = {}) {
  server = await startOpenAiChatServer(reply);
  return createOpenAiChatModel({ kind: 'openai-compatible', baseURL: server.origin, model: 'test-model', capabilities: CAPABLE, timeoutMs: 2_000, ...overrides });
}

async function failureOf(promise: Promise<unknown>): Promise<ModelError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ModelError);
  return error as ModelError;
}

describe('OpenAI chat completions over a real socket', () => {
  it('streams the reply in order and sends the system prompt, the history and the model', async () => {
    const model = await modelFor(() => ({ text: 'What is a database index? Tell me when you would add one.' }));
    const stream = model.streamText({ ...REQUEST, messages: [{ role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hello.' }, { role: 'user', content: 'Ready.' }] });
    const deltas: string[] = [];
    for await (const delta of stream.deltas) deltas.push(delta);
    expect(deltas.length).toBeGreaterThan(5);
    const { text, usage } = await stream.done;
    expect(text).toBe('What is a database index? Tell me when you would add one.');
    expect(usage).toEqual({ inputTokens: 11, outputTokens: 7 });
    const sent = server!.received[0]!;
    expect(sent.body.model).toBe('test-model');
    expect(sent.body.stream).toBe(true);
    expect(sent.body.messages).toEqual([
      { role: 'system', content: 'You are an interviewer.' },
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello.' },
      { role: 'user', content: 'Ready.' },
    ]);
    // A keyless local server gets no Authorization header at all.
    expect(sent.headers.authorization).toBeUndefined();
  });

  it('sends the key as a bearer token and uses max_completion_tokens with OpenAI', async () => {
    server = await startOpenAiChatServer(() => ({ text: 'Hello.' }));
    const model = createOpenAiChatModel({ kind: 'openai', apiKey: 'sk-test-123', baseURL: server.baseURL, model: 'gpt-test', capabilities: CAPABLE, timeoutMs: 2_000 });
    await wholeReply(model.streamText(REQUEST));
    expect(model.service).toBe('OpenAI');
    expect(server!.received[0]!.headers.authorization).toBe('Bearer sk-test-123');
    expect(server!.received[0]!.body.max_completion_tokens).toBe(200);
  });

  it('asks for strict json_schema output and returns the parsed object', async () => {
    const model = await modelFor(() => ({ text: '{"score": 7}' }));
    const { value } = await model.structured(REQUEST, SCORE);
    expect(value).toEqual({ score: 7 });
    expect(server!.received[0]!.body.response_format).toEqual({ type: 'json_schema', json_schema: { name: 'score', description: 'A score', schema: SCORE.schema, strict: true } });
  });

  it('puts the schema in the instructions and reads JSON out of prose when the server has no structured output', async () => {
    const model = await modelFor(() => ({ text: 'Sure! Here it is:\n```json\n{"score": 4, "note": "a } inside"}\n```' }), { capabilities: { ...CAPABLE, structuredOutput: 'none' } });
    const { value } = await model.structured(REQUEST, SCORE);
    expect(value).toEqual({ score: 4, note: 'a } inside' });
    const sent = server!.received[0]!.body;
    expect(sent.response_format).toBeUndefined();
    expect(sent.messages![0]!.content).toContain('"score"');
  });

  it('reads the text from reasoning_content when the server is declared to put it there', async () => {
    const model = await modelFor(() => ({ text: 'Tell me about caching.', field: 'reasoning_content' }), { capabilities: { ...CAPABLE, textField: 'reasoning_content' } });
    expect((await wholeReply(model.streamText(REQUEST))).text).toBe('Tell me about caching.');
  });

  it('calls a reply with no text (reasoning only, content expected) a bad response', async () => {
    const model = await modelFor(() => ({ text: 'Thinking about it…', field: 'reasoning_content' }));
    expect((await failureOf(wholeReply(model.streamText(REQUEST)))).code).toBe('BAD_RESPONSE');
  });

  it.each([
    [{ status: 401, body: '{"error":{"message":"bad key sk-secret-echoed"}}' }, 'UNAUTHORIZED', false],
    [{ status: 400, body: '{"error":{"message":"nope"}}' }, 'BAD_REQUEST', false],
    [{ status: 404, body: '{"error":{"message":"model not found"}}' }, 'NOT_FOUND', false],
    [{ status: 500, body: '{"error":{"message":"boom"}}' }, 'SERVER_ERROR', true],
    [{ status: 429, body: '{"error":{"message":"slow down"}}', headers: { 'retry-after': '3' } }, 'RATE_LIMITED', true],
  ] as const)('maps HTTP %o to %s (retryable %s) without quoting the server', async (reply, code, retryable) => {
    const model = await modelFor(() => reply);
    const error = await failureOf(model.structured(REQUEST, SCORE));
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
    expect(error.message).not.toContain('sk-secret');
    expect(error.message).toContain('127.0.0.1');
    if (code === 'RATE_LIMITED') expect(error.retryAfterMs).toBe(3000);
  });

  it('calls a 200 whose body is an error a bad response', async () => {
    const model = await modelFor(() => ({ status: 200, body: '{"error":{"message":"model is loading"}}' }));
    expect((await failureOf(model.structured(REQUEST, SCORE))).code).toBe('BAD_RESPONSE');
  });

  it('calls malformed JSON a bad response', async () => {
    const model = await modelFor(() => ({ text: '{"score": 7,, oops' }));
    expect((await failureOf(model.structured(REQUEST, SCORE))).code).toBe('BAD_RESPONSE');
  });

  it('reports a stream cut mid-way as such, after the text that did arrive', async () => {
    const model = await modelFor(() => ({ cutAfterChunks: 3, text: 'one two three four five six' }));
    const stream = model.streamText(REQUEST);
    const seen: string[] = [];
    const error = await failureOf((async () => {
      for await (const delta of stream.deltas) seen.push(delta);
    })());
    expect(seen.join('')).toBe('one two three ');
    expect(error.code).toBe('STREAM_CUT');
    expect(error.retryable).toBe(true);
  });

  it('times out a server that never answers', async () => {
    const model = await modelFor(() => 'hang', { timeoutMs: 300 });
    expect((await failureOf(model.structured(REQUEST, SCORE))).code).toBe('TIMEOUT');
  });

  it('says the server is unreachable when nothing listens', async () => {
    const model = createOpenAiChatModel({ kind: 'openai-compatible', baseURL: await closedPortOrigin(), model: 'm', capabilities: CAPABLE, timeoutMs: 2_000 });
    const error = await failureOf(wholeReply(model.streamText(REQUEST)));
    expect(error.code).toBe('UNREACHABLE');
    expect(error.message).toMatch(/^Could not reach the model server at 127\.0\.0\.1:\d+/);
  });

  it('cancels an in-flight call when its signal aborts', async () => {
    const model = await modelFor(() => 'hang', { timeoutMs: 10_000 });
    const controller = new AbortController();
    const pending = model.structured({ ...REQUEST, signal: controller.signal }, SCORE);
    setTimeout(() => controller.abort(), 50);
    expect((await failureOf(pending)).code).toBe('CANCELLED');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { startAnthropicMessagesServer, type MessagesReply, type MessagesRequest, type MessagesServer } from '../../../../../tests/support/llm/anthropic-messages-server';
import type { ModelCapabilities, OutputSchema } from '../language-model';
import { ModelError } from '../model-error';
import { wholeReply } from '../reply-stream';
import { createAnthropicMessagesModel } from './anthropic-messages-model';

const CAPABILITIES: ModelCapabilities = { structuredOutput: 'tool', streaming: true, contextTokens: 200_000, textField: 'content' };
const EVALUATION: OutputSchema = {
  name: 'evaluation',
  description: 'The evaluation of one answer',
  schema: { type: 'object', properties: { score: { type: 'number', minimum: 0, maximum: 10 }, minimum: { type: 'string' } }, required: ['score'], additionalProperties: false },
};
const REQUEST = { system: 'You are an interviewer.', messages: [{ role: 'user' as const, content: 'Ask me something.' }], maxTokens: 300 };
const KEY = 'sk-ant-test-key';

let server: MessagesServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function modelFor(reply: (request: MessagesRequest, index: number) => MessagesReply, timeoutMs = 2_000) {
  server = await startAnthropicMessagesServer(reply, { key: KEY });
  return createAnthropicMessagesModel({ apiKey: KEY, baseURL: server.baseURL, model: 'claude-test', capabilities: CAPABILITIES, timeoutMs });
}

async function failureOf(promise: Promise<unknown>): Promise<ModelError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ModelError);
  return error as ModelError;
}

describe('Anthropic Messages over a real socket', () => {
  it('streams the text deltas in order, with the system prompt, history, model and key', async () => {
    const model = await modelFor(() => ({ text: 'Tell me about a time you disagreed with a decision.' }));
    const deltas: string[] = [];
    const stream = model.streamText(REQUEST);
    for await (const delta of stream.deltas) deltas.push(delta);
    const { text, usage } = await stream.done;
    expect(deltas.length).toBeGreaterThan(5);
    expect(text).toBe('Tell me about a time you disagreed with a decision.');
    expect(usage.inputTokens).toBe(21);
    expect(usage.outputTokens).toBeGreaterThan(0);
    const sent = server!.received[0]!.body;
    expect(sent).toMatchObject({ model: 'claude-test', system: 'You are an interviewer.', max_tokens: 300, stream: true, messages: [{ role: 'user', content: 'Ask me something.' }] });
  });

  it('forces a tool call for structured output, without the range keywords Claude rejects', async () => {
    const model = await modelFor(() => ({ toolInput: { score: 6, minimum: 'a field named minimum stays' } }));
    const { value, usage } = await model.structured(REQUEST, EVALUATION);
    expect(value).toEqual({ score: 6, minimum: 'a field named minimum stays' });
    expect(usage).toEqual({ inputTokens: 21, outputTokens: 9 });
    const sent = server!.received[0]!.body;
    expect(sent.tool_choice).toEqual({ type: 'tool', name: 'evaluation' });
    expect(sent.tools![0]!.input_schema).toEqual({ type: 'object', properties: { score: { type: 'number' }, minimum: { type: 'string' } }, required: ['score'], additionalProperties: false });
  });

  it('refuses a wrong key with a sentence that does not echo it', async () => {
    server = await startAnthropicMessagesServer(() => ({ text: 'never' }), { key: KEY });
    const model = createAnthropicMessagesModel({ apiKey: 'sk-ant-wrong', baseURL: server.baseURL, model: 'claude-test', capabilities: CAPABILITIES, timeoutMs: 2_000 });
    const error = await failureOf(wholeReply(model.streamText(REQUEST)));
    expect(error.code).toBe('UNAUTHORIZED');
    expect(error.retryable).toBe(false);
    expect(error.message).toBe('Anthropic did not accept the API key: check it in Settings.');
  });

  it('treats an error event inside a 200 stream as a server failure', async () => {
    const model = await modelFor(() => ({ errorEvent: 'overloaded_error' }));
    const error = await failureOf(wholeReply(model.streamText(REQUEST)));
    expect(error.code).toBe('SERVER_ERROR');
    expect(error.retryable).toBe(true);
  });

  it('honours retry-after on 429 and calls 529 overloaded a server error', async () => {
    const limited = await modelFor(() => ({ status: 429, body: '{"type":"error","error":{"type":"rate_limit_error","message":"slow"}}', headers: { 'retry-after': '2' } }));
    const error = await failureOf(limited.structured(REQUEST, EVALUATION));
    expect([error.code, error.retryAfterMs]).toEqual(['RATE_LIMITED', 2000]);
    await server!.close();
    const overloaded = await modelFor(() => ({ status: 529, body: '{"type":"error","error":{"type":"overloaded_error","message":"busy"}}' }));
    expect((await failureOf(overloaded.structured(REQUEST, EVALUATION))).code).toBe('SERVER_ERROR');
  });

  it('calls a reply without the forced tool call a bad response', async () => {
    const model = await modelFor(() => ({ text: 'I would rather chat.' }));
    expect((await failureOf(model.structured(REQUEST, EVALUATION))).code).toBe('BAD_RESPONSE');
  });

  it('reports a stream cut mid-way', async () => {
    const model = await modelFor(() => ({ cutAfterChunks: 2, text: 'one two three four' }));
    expect((await failureOf(wholeReply(model.streamText(REQUEST)))).code).toBe('STREAM_CUT');
  });

  it('times out a server that never answers', async () => {
    const model = await modelFor(() => 'hang', 300);
    expect((await failureOf(model.structured(REQUEST, EVALUATION))).code).toBe('TIMEOUT');
  });
});

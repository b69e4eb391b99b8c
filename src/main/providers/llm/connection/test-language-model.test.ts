import { afterEach, describe, expect, it } from 'vitest';
import type { InterviewerSettings } from '../../../../shared/protocol';
import { startAnthropicMessagesServer, type MessagesServer } from '../../../../../tests/support/llm/anthropic-messages-server';
import { chatReplies } from '../../../../../tests/support/llm/interview-model-replies';
import { startOpenAiChatServer, type ChatReply, type ChatRequest, type ChatServer } from '../../../../../tests/support/llm/openai-chat-server';
import { listLanguageModels, testLanguageModel } from './test-language-model';

/**
 * Settings → Interviewer → Test connection (issue #10) against loopback servers speaking the
 * real APIs: one sentence saying whether it works, and what the server can do, found once.
 */
const KEY = 'sk-test-connection-key-0123';
let servers: (ChatServer | MessagesServer)[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function chatServer(reply: (request: ChatRequest) => ChatReply, options: { models?: string[]; key?: string } = {}): Promise<ChatServer> {
  const server = await startOpenAiChatServer(reply, options);
  servers.push(server);
  return server;
}
const compatible = (server: ChatServer, model: string | null = 'llama-test'): InterviewerSettings => ({ provider: 'openai-compatible', baseUrl: server.origin, ...(model ? { model } : {}) });

describe('testing a compatible server', () => {
  it('finds the model, json_schema support and where the text arrives, and says so in one sentence', async () => {
    const server = await chatServer(chatReplies(), { models: ['llama-test', 'qwen-test'] });
    const report = await testLanguageModel(compatible(server), { apiKey: undefined });
    expect(report).toMatchObject({
      ok: true,
      models: ['llama-test', 'qwen-test'],
      capabilities: { structuredOutput: 'json_schema', textField: 'content', contextTokens: 4_096, foundFor: { provider: 'openai-compatible', baseUrl: server.origin, model: 'llama-test' } },
    });
    expect(report.sentence).toMatch(/^The model server at 127\.0\.0\.1:\d+ works: model "llama-test" found, structured output \(JSON schema\) supported, a test request took \d+ ms\.$/);
    expect(report.latencyMs).toBeGreaterThanOrEqual(0);
    // One tiny request, with the model's name and the schema, and no key where none is set.
    expect(server.received).toHaveLength(1);
    expect(server.received[0]!.body).toMatchObject({ model: 'llama-test', response_format: { type: 'json_schema', json_schema: { name: 'connection_test', strict: true } } });
    expect(server.received[0]!.body.max_tokens).toBeLessThanOrEqual(600);
    expect(server.received[0]!.headers.authorization).toBeUndefined();
  });

  it('tells a server that ignores the schema from one that honours it', async () => {
    const server = await chatServer(chatReplies('prose'), { models: ['llama-test'] });
    const report = await testLanguageModel(compatible(server), { apiKey: undefined });
    expect(report.capabilities?.structuredOutput).toBe('none');
    expect(report.sentence).toContain('no structured output, so evaluations are read out of its replies');
  });

  it('asks once more without the schema when the server refuses it', async () => {
    const server = await chatServer((request) => (request.body.response_format ? { status: 400, body: '{"error":{"message":"response_format not supported"}}' } : { text: 'Blue.' }));
    const report = await testLanguageModel(compatible(server), { apiKey: undefined });
    expect(report).toMatchObject({ ok: true, capabilities: { structuredOutput: 'none', textField: 'content' } });
    expect(server.received.map((request) => request.body.response_format?.type ?? 'none')).toEqual(['json_schema', 'none']);
  });

  it('finds text that arrives only as reasoning_content', async () => {
    const server = await chatServer(() => ({ text: '{"colour":"blue"}', field: 'reasoning_content' }), { models: ['llama-test'] });
    const report = await testLanguageModel(compatible(server), { apiKey: undefined });
    expect(report.capabilities).toMatchObject({ structuredOutput: 'json_schema', textField: 'reasoning_content' });
    expect(report.sentence).toContain('its replies arrive as reasoning_content');
  });

  it('says a key was refused without repeating the key the server echoed', async () => {
    const server = await chatServer(chatReplies(), { models: ['llama-test'], key: 'the-right-key-1234' });
    const report = await testLanguageModel(compatible(server), { apiKey: KEY });
    expect(report).toEqual({ ok: false, sentence: expect.stringMatching(/^The model server at 127\.0\.0\.1:\d+ did not accept the API key: check it in Settings\.$/) });
    expect(JSON.stringify(report)).not.toContain(KEY);
  });

  it('says an address that answers nothing cannot be reached', async () => {
    const server = await chatServer(chatReplies());
    const origin = server.origin;
    await server.close();
    servers = [];
    const report = await testLanguageModel({ provider: 'openai-compatible', baseUrl: origin, model: 'llama-test' }, { apiKey: undefined });
    expect(report).toEqual({ ok: false, sentence: expect.stringMatching(/^Could not reach the model server at 127\.0\.0\.1:\d+: check the connection and the address in Settings\.$/) });
  });

  it('names the models the server has when the one set is not among them', async () => {
    const server = await chatServer((request) => (request.body.model === 'llama-test' ? { text: 'Blue.' } : { status: 404, body: '{"error":{"message":"model not found"}}' }), { models: ['llama-test', 'qwen-test'] });
    const report = await testLanguageModel(compatible(server, 'mistral'), { apiKey: undefined });
    expect(report.ok).toBe(false);
    expect(report.sentence).toMatch(/has no model by that name: check the model in Settings\. It has: llama-test, qwen-test\.$/);
  });

  it('asks for a model to be chosen when none is set, listing what there is', async () => {
    const server = await chatServer(chatReplies(), { models: ['llama-test', 'qwen-test'] });
    const report = await testLanguageModel(compatible(server, null), { apiKey: undefined });
    expect(report).toEqual({ ok: false, sentence: expect.stringMatching(/is reachable and has 2 models: choose one\.$/), models: ['llama-test', 'qwen-test'] });
    expect(server.received).toHaveLength(0);
  });

  it('lists models for the picker, and says why when it cannot', async () => {
    const server = await chatServer(chatReplies(), { models: ['b-model', 'a-model'] });
    expect(await listLanguageModels(compatible(server), { apiKey: undefined })).toEqual(['a-model', 'b-model']);
    const refused = await listLanguageModels({ provider: 'openai' }, { apiKey: undefined });
    expect(refused).toMatchObject({ code: 'NOT_CONFIGURED', message: 'OpenAI is not set up yet: add its key or address in Settings.' });
  });
});

describe('testing OpenAI and Anthropic', () => {
  it('OpenAI with no key is not set up, and nothing is sent', async () => {
    expect(await testLanguageModel({ provider: 'openai' }, { apiKey: undefined })).toEqual({ ok: false, sentence: 'OpenAI is not set up yet: add its key or address in Settings.' });
  });

  it('OpenAI through a proxy: only chat models are offered, the key is sent, max_completion_tokens is used', async () => {
    const server = await chatServer(chatReplies(), { models: ['gpt-4o-mini', 'text-embedding-3-small', 'gpt-4o-mini-tts', 'whisper-1', 'o4-mini'], key: KEY });
    const report = await testLanguageModel({ provider: 'openai', baseUrl: server.baseURL }, { apiKey: KEY });
    expect(report).toMatchObject({ ok: true, models: ['gpt-4o-mini', 'o4-mini'], capabilities: { structuredOutput: 'json_schema', contextTokens: 128_000 } });
    expect(report.sentence).toMatch(/^OpenAI works: model "gpt-4o-mini" found/);
    expect(server.received[0]!.body.max_completion_tokens).toBeDefined();
  });

  it('Anthropic: the forced tool answers, and the model list gives the context window', async () => {
    const server = await startAnthropicMessagesServer((request) => (request.body.tool_choice?.name === 'connection_test' ? { toolInput: { colour: 'blue' } } : { text: 'no' }), {
      key: KEY,
      models: [{ id: 'claude-haiku-4-5', maxInputTokens: 180_000 }],
    });
    servers.push(server);
    const report = await testLanguageModel({ provider: 'anthropic', baseUrl: server.baseURL }, { apiKey: KEY });
    expect(report).toMatchObject({ ok: true, models: ['claude-haiku-4-5'], capabilities: { structuredOutput: 'tool', contextTokens: 180_000, foundFor: { provider: 'anthropic', model: 'claude-haiku-4-5' } } });
    expect(report.sentence).toMatch(/^Anthropic works: model "claude-haiku-4-5" found, structured output \(a forced tool call\) supported/);
    // Claude rejects minimum/maximum in tool schemas; the probe's schema has none to begin with.
    expect(server.received[0]!.body.tools?.[0]?.name).toBe('connection_test');

    const refused = await testLanguageModel({ provider: 'anthropic', baseUrl: server.baseURL }, { apiKey: 'sk-ant-wrong-key-000' });
    expect(refused).toEqual({ ok: false, sentence: 'Anthropic did not accept the API key: check it in Settings.' });
  });
});

import { afterEach, expect, it } from 'vitest';
import { startTestHost, TestClient, type HostFixture } from '../support/host-fixture';
import { chatReplies, isConnectionTest } from '../support/llm/interview-model-replies';
import { startOpenAiChatServer, type ChatServer } from '../support/llm/openai-chat-server';
import { answerQuickInterview } from '../support/llm/quick-interview';
import { createMemoryLog } from '../support/memory-log';

/**
 * Issue #10 (DESIGN.md §6): the renderer never receives a key, and no key reaches the log,
 * through Settings, Test connection, the model list and whole interviews with a model, while
 * the server quotes every wrong key it is sent in its error bodies. Every frame the client
 * receives (messages, call results, call errors) and every log line is checked.
 */
const RIGHT = 'sk-right-key-3f9a1c7e5b';
const STORED_WRONG = 'local-wrong-stored-8d2e4f';
const TYPED_WRONG = 'local-wrong-typed-6b1a0c';

let fixture: HostFixture | undefined;
let server: ChatServer | undefined;
afterEach(async () => {
  await fixture?.stop();
  await server?.close();
  fixture = server = undefined;
});

it('no key reaches the page or the log, whatever the server echoes', { timeout: 120_000 }, async () => {
  server = await startOpenAiChatServer(chatReplies(), { models: ['llama-test'], key: RIGHT });
  const memory = createMemoryLog();
  fixture = await startTestHost({ log: memory.log });
  const client = await TestClient.open(fixture.host.ws);
  const received: string[] = [];
  client.socket.on('message', (data, isBinary) => {
    if (!isBinary) received.push(data.toString());
  });
  const draft = { provider: 'openai-compatible', baseUrl: server.origin, model: 'llama-test' };

  // A wrong key stored and tested; another typed and tested; the list asked for with it.
  expect(await client.call('settings.set', { interviewer: draft, secrets: { openaiCompatible: STORED_WRONG } })).toMatchObject({ result: { secrets: { openaiCompatible: { hasKey: true } } } });
  expect(await client.call('providers.test', { capability: 'interviewer' })).toMatchObject({ result: { ok: false, sentence: expect.stringMatching(/did not accept the API key/) } });
  expect(await client.call('providers.test', { capability: 'interviewer', draft, key: TYPED_WRONG })).toMatchObject({ result: { ok: false } });
  expect(await client.call('providers.models', { capability: 'interviewer', draft, key: TYPED_WRONG })).toMatchObject({ error: { code: 'UNAVAILABLE', message: expect.stringMatching(/did not accept the API key/) } });
  // An interview with the wrong key: the built-in interviewer takes over, and says why.
  await answerQuickInterview(client);

  // The right key, typed and tested, then saved with what the test found; an interview with the model.
  const tested = await client.call('providers.test', { capability: 'interviewer', draft, key: RIGHT });
  expect(tested).toMatchObject({ result: { ok: true, capabilities: { structuredOutput: 'json_schema' } } });
  const capabilities = (tested.result as { capabilities: unknown }).capabilities;
  await client.call('settings.set', { interviewer: { ...draft, capabilities }, secrets: { openaiCompatible: RIGHT } });
  expect(await client.call('settings.get')).toMatchObject({ result: { interviewer: { capabilities: { structuredOutput: 'json_schema' } } } });
  const interviewId = await answerQuickInterview(client);
  const detail = (await client.call('interviews.get', { interviewId })).result as { turns: { evaluation?: { evaluator?: string } }[] };
  expect(detail.turns.every((turn) => turn.evaluation?.evaluator === 'openai-compatible')).toBe(true);

  // The server did get (and echo) every key, so the checks below had something to find.
  expect(new Set(server.refusedKeys)).toEqual(new Set([STORED_WRONG, TYPED_WRONG]));
  expect(server.received.map((request) => request.headers.authorization)).toContain(`Bearer ${RIGHT}`);
  expect(received.some((frame) => frame.includes('"PROVIDER_FAILED"'))).toBe(true);
  expect(server.received.filter(isConnectionTest).length).toBeGreaterThanOrEqual(1);
  for (const key of [RIGHT, STORED_WRONG, TYPED_WRONG]) {
    expect(received.filter((frame) => frame.includes(key))).toEqual([]);
    expect(memory.lines.filter((line) => line.includes(key))).toEqual([]);
  }
});

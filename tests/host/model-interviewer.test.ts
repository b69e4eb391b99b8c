import { afterEach, describe, expect, it } from 'vitest';
import { startTestHost, TestClient, type HostFixture } from '../support/host-fixture';
import { startAnthropicMessagesServer, type MessagesServer } from '../support/llm/anthropic-messages-server';
import { chatReplies, messagesReplies, MODEL_QUESTION } from '../support/llm/interview-model-replies';
import { answerQuickInterview } from '../support/llm/quick-interview';
import { startOpenAiChatServer, type ChatReply, type ChatRequest, type ChatServer } from '../support/llm/openai-chat-server';

/**
 * Whole quick interviews through the real host with a model interviewer chosen in Settings,
 * against loopback servers speaking OpenAI chat completions, Anthropic Messages and an
 * Ollama-like compatible server (issue #10): every answer stored, the evaluator recorded per
 * answer, usage kept, and the key never sent to the client.
 */
const KEY = 'sk-test-secret-0123456789';
let fixture: HostFixture | undefined;
let servers: (ChatServer | MessagesServer)[] = [];
afterEach(async () => {
  await fixture?.stop();
  await Promise.all(servers.map((server) => server.close()));
  fixture = undefined;
  servers = [];
});

interface Finished {
  frames: Record<string, unknown>[];
  interviewId: string;
  questions: string[];
  detail: { turns: { question: string; answer?: { text?: string }; evaluation?: { evaluator?: string; score: number } }[]; modelUsage?: { provider: string; model: string; calls: number; inputTokens: number; shortened?: boolean }[]; promptVersion?: string };
}

/** A quick text interview answered to the end; every frame the client received is kept for checks. */
async function quickInterview(settings: Record<string, unknown>, jobDescription = 'Payments platform in Node.js.'): Promise<Finished> {
  fixture = await startTestHost({ fetch: () => Promise.reject(new Error('no downloads in this test')) });
  const client = await TestClient.open(fixture.host.ws);
  const received: Record<string, unknown>[] = [];
  client.socket.on('message', (data, isBinary) => {
    if (!isBinary) received.push(JSON.parse(data.toString()) as Record<string, unknown>);
  });
  expect(await client.call('settings.set', settings)).toHaveProperty('result');
  const interviewId = await answerQuickInterview(client, jobDescription);
  const detail = (await client.call('interviews.get', { interviewId })).result as Finished['detail'];
  return { frames: received, interviewId, questions: received.filter((f) => f.type === 'question').map((f) => f.text as string), detail };
}

function expectCompleteWith({ frames, detail }: Finished, evaluator: string): void {
  expect(frames.some((frame) => frame.type === 'interview_complete')).toBe(true);
  const answered = detail.turns.filter((turn) => turn.answer);
  expect(answered.length).toBe(detail.turns.length);
  expect(answered.every((turn) => turn.answer?.text?.startsWith('I would retry'))).toBe(true);
  expect(detail.turns.every((turn) => turn.evaluation?.evaluator === evaluator)).toBe(true);
  // The key is for main only: never in a message or a call result (settings say hasKey).
  expect(JSON.stringify(frames)).not.toContain(KEY);
}

describe('a quick interview with a model interviewer', { timeout: 120_000 }, () => {
  it('through OpenAI: questions worded by the model, answers judged by it, usage stored', async () => {
    const server = await startOpenAiChatServer(chatReplies());
    servers.push(server);
    const finished = await quickInterview({ interviewer: { provider: 'openai', model: 'gpt-test', baseUrl: server.baseURL }, secrets: { openai: KEY } });
    expectCompleteWith(finished, 'openai');
    expect(finished.questions.filter((text) => /^Model question \d+/.test(text)).length).toBeGreaterThanOrEqual(5);
    expect(finished.detail.modelUsage).toEqual([expect.objectContaining({ provider: 'openai', model: 'gpt-test', calls: server.received.length })]);
    expect(finished.detail.promptVersion).toMatch(/^interviewer-/);
    const requests = server.received.map((request) => request.body);
    expect(requests.every((body) => body.model === 'gpt-test' && body.messages?.[0]?.role === 'system')).toBe(true);
    expect(server.received.every((request) => request.headers.authorization === `Bearer ${KEY}`)).toBe(true);
    const evaluations = requests.filter((body) => body.response_format?.type === 'json_schema');
    expect(evaluations.length).toBe(finished.detail.turns.length);
    // Later requests carry the transcript: the first answer is in the last request.
    expect(requests.at(-1)!.messages!.at(-1)!.content).toContain('answer 1.');
  });

  it('through Anthropic: a forced tool call judges each answer', async () => {
    const server = await startAnthropicMessagesServer(messagesReplies(), { key: KEY });
    servers.push(server);
    const finished = await quickInterview({ interviewer: { provider: 'anthropic', model: 'claude-test', baseUrl: server.baseURL }, secrets: { anthropic: KEY } });
    expectCompleteWith(finished, 'anthropic');
    expect(finished.questions.some((text) => text === MODEL_QUESTION(1))).toBe(true);
    expect(server.received.filter((request) => request.body.tool_choice?.name === 'answer_evaluation').length).toBe(finished.detail.turns.length);
  });

  it('through an Ollama-like local server without structured output: JSON read out of prose, no key needed', async () => {
    const server = await startOpenAiChatServer(chatReplies('prose'));
    servers.push(server);
    const finished = await quickInterview({ interviewer: { provider: 'openai-compatible', model: 'llama3.2', baseUrl: server.origin } });
    expectCompleteWith(finished, 'openai-compatible');
    expect(server.received.every((request) => request.body.response_format === undefined && request.headers.authorization === undefined)).toBe(true);
  });

  it('records in the usage that a job description too long for a local model’s window was cut to fit', async () => {
    const server = await startOpenAiChatServer(chatReplies('prose'));
    servers.push(server);
    const job = 'You would own the refunds service, its queues and its on-call rota. '.repeat(250);
    const finished = await quickInterview({ interviewer: { provider: 'openai-compatible', model: 'llama3.2', baseUrl: server.origin } }, job);
    expectCompleteWith(finished, 'openai-compatible');
    expect(finished.detail.modelUsage).toEqual([expect.objectContaining({ shortened: true })]);
    expect(server.received.every((request) => (request.body.messages![0]!.content.length + request.body.messages![1]!.content.length) / 3.2 < 4_096 * 0.8)).toBe(true);
  });
});

/** A compatible server that misbehaves as told on some requests and answers normally otherwise. */
async function faultyServer(fault: (request: ChatRequest, index: number) => ChatReply | undefined): Promise<ChatServer> {
  const normal = chatReplies();
  const server = await startOpenAiChatServer((request, index) => fault(request, index) ?? normal(request));
  servers.push(server);
  return server;
}

const compatible = (server: ChatServer) => ({ interviewer: { provider: 'openai-compatible', model: 'local', baseUrl: server.origin, capabilities: { structuredOutput: 'json_schema', contextTokens: 32_000, textField: 'content' } } });
const notices = (finished: Finished) => finished.frames.filter((frame) => frame.type === 'error' && frame.code === 'PROVIDER_FAILED');
const evaluators = (finished: Finished) => finished.detail.turns.map((turn) => turn.evaluation?.evaluator);

describe('a model provider that fails mid-interview', { timeout: 120_000 }, () => {
  it('waits out a 429 with retry-after and goes on with the model, no notice', async () => {
    const server = await faultyServer((_r, index) => (index === 2 ? { status: 429, body: '{"error":{"message":"slow down"}}', headers: { 'retry-after': '0.2' } } : undefined));
    const finished = await quickInterview(compatible(server));
    expectCompleteWith(finished, 'openai-compatible');
    expect(notices(finished)).toEqual([]);
  });

  it('retries a 500 and goes on with the model', async () => {
    const server = await faultyServer((_r, index) => (index === 3 ? { status: 500, body: '{"error":{"message":"boom"}}' } : undefined));
    const finished = await quickInterview(compatible(server));
    expectCompleteWith(finished, 'openai-compatible');
    expect(notices(finished)).toEqual([]);
  });

  it.each([
    ['malformed JSON', (r: ChatRequest) => (r.body.response_format ? { text: '{"score": 6,, "feedback"' } : undefined)],
    ['a 200 whose body is an error', (r: ChatRequest) => (r.body.response_format ? { status: 200, body: '{"error":{"message":"model is loading"}}' } : undefined)],
    ['reasoning-only content', (r: ChatRequest) => (r.body.response_format ? { text: '{"score": 6}', field: 'reasoning_content' as const } : undefined)],
  ])('completes with the built-in evaluator on %s, with one notice and nothing lost', async (_name, fault) => {
    const server = await faultyServer(fault);
    const finished = await quickInterview(compatible(server));
    expect(finished.frames.some((frame) => frame.type === 'interview_complete')).toBe(true);
    expect(finished.detail.turns.every((turn) => turn.answer?.text)).toBe(true);
    expect(evaluators(finished).every((name) => name === 'embedded')).toBe(true);
    expect(notices(finished).length).toBeGreaterThanOrEqual(1);
    expect(notices(finished).length).toBeLessThanOrEqual(2);
  });

  it('falls back on a stream cut mid-way while a question is generated', async () => {
    const server = await faultyServer((r) => (r.body.stream ? { cutAfterChunks: 2, text: 'Model question that never ends because the' } : undefined));
    const finished = await quickInterview(compatible(server));
    expect(finished.frames.some((frame) => frame.type === 'interview_complete')).toBe(true);
    expect(finished.detail.turns.every((turn) => turn.answer?.text)).toBe(true);
    expect(finished.questions.some((text) => text.includes('never ends'))).toBe(false);
    expect(notices(finished).length).toBeLessThanOrEqual(2);
  });

  it('says once that the key was refused, and finishes with the built-in interviewer', async () => {
    const server = await faultyServer(() => ({ status: 401, body: JSON.stringify({ error: { message: `bad key ${KEY}` } }) }));
    const finished = await quickInterview({ ...compatible(server), secrets: { openaiCompatible: KEY } });
    expect(finished.frames.some((frame) => frame.type === 'interview_complete')).toBe(true);
    expect(evaluators(finished).every((name) => name === 'embedded')).toBe(true);
    const said = notices(finished).map((frame) => frame.message as string);
    expect(said[0]).toMatch(/did not accept the API key/);
    expect(said.join(' ')).not.toContain(KEY);
    expect(said.length).toBeLessThanOrEqual(2);
  });

  it('survives the server going away mid-interview', async () => {
    let served = 0;
    const server = await faultyServer(() => (++served > 4 ? { status: 503, body: '' } : undefined));
    const finished = await quickInterview(compatible(server));
    await server.close();
    expect(finished.frames.some((frame) => frame.type === 'interview_complete')).toBe(true);
    expect(finished.detail.turns.every((turn) => turn.answer?.text && turn.evaluation)).toBe(true);
    expect(evaluators(finished)).toContain('openai-compatible');
    expect(evaluators(finished)).toContain('embedded');
  });
});

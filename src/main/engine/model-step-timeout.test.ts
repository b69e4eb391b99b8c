import { afterAll, beforeAll, expect, it } from 'vitest';
import { createEngineHarness, type EngineHarness } from '../../../tests/support/engine-harness';
import { eventually } from '../../../tests/support/eventually';
import { isEvaluationRequest } from '../../../tests/support/model-interview-host';
import { startOpenAiChatServer, type ChatServer } from '../../../tests/support/llm/openai-chat-server';
import { loopbackModelInterviewer } from '../../../tests/support/loopback-model-interviewer';

/**
 * Issue #10: a model that accepts a request and never answers. Each attempt's timeout aborts
 * the request itself (before, the engine stopped waiting but the request stayed open for the
 * SDK's own two-minute timeout, one more connection per attempt), the built-in evaluator
 * answers after the retries, and the user is told once.
 */
let harness: EngineHarness;
let server: ChatServer;
beforeAll(async () => {
  harness = createEngineHarness();
  server = await startOpenAiChatServer((request) => (isEvaluationRequest(request) ? 'hang' : { text: 'Tell me about yourself.' }));
});
afterAll(async () => {
  harness.close();
  await server.close();
});

it('times out each attempt by cancelling its request, then the built-in evaluator judges the answer', { timeout: 30_000 }, async () => {
  const { interviewer, embedded } = loopbackModelInterviewer(server.baseURL);
  const client = harness.open(interviewer, embedded, {}, { modelStepTimeoutMs: 1_000 });
  await client.start();
  const messages = await client.answer('I build payment services in Node.js and I care about safe retries.');

  const attempts = server.received.filter(isEvaluationRequest);
  expect(attempts).toHaveLength(3);
  // The server sees the connection close a moment after the client gives up.
  await eventually(() => attempts.every((request) => request.timeline.abandoned !== undefined));
  expect(messages.filter((m) => m.type === 'error')).toEqual([expect.objectContaining({ code: 'PROVIDER_FAILED', message: expect.stringMatching(/took too long to answer/) })]);
  expect(messages.find((m) => m.type === 'evaluation')).toBeDefined();
  const detail = harness.repository.detail(client.last('session_started')!.interviewId, (path) => path)!;
  expect(detail.turns[0]!.evaluation).toMatchObject({ evaluator: 'embedded' });
});

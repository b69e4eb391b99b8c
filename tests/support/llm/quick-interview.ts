import type { TestClient } from '../host-fixture';

/** A quick text interview answered to the end over the client's WebSocket; resolves with its id once it is complete. */
export async function answerQuickInterview(client: TestClient, jobDescription = 'Payments platform in Node.js.'): Promise<string> {
  client.send({ type: 'start', config: { track: 'backend', mode: 'text', length: 'quick', jobDescription } });
  const started = await client.next((frame) => frame.type === 'session_started', 10_000);
  let step = await client.next((frame) => frame.type === 'question', 30_000);
  for (let turn = 1; step.type === 'question' && turn <= 15; turn += 1) {
    client.send({ type: 'text_answer', questionId: step.questionId, text: `I would retry with exponential backoff and jitter, and make each request idempotent, answer ${turn}.` });
    step = await client.next((frame) => frame.type === 'question' || frame.type === 'interview_complete', 30_000);
  }
  return started.interviewId as string;
}

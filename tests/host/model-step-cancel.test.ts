import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import type { ChatReply, ChatRequest } from '../support/llm/openai-chat-server';
import { evaluationReply, isEvaluationRequest, startModelInterviewHost, type ModelInterviewHost } from '../support/model-interview-host';

/**
 * Issue #10: pause and end cancel the model call in flight. Messages about one interview are
 * handled in turn, so before this a pause sent while the model hung waited behind the call
 * for its 30-second timeout and three attempts. Now the request is abandoned at once, the
 * answer it was for is already stored, and the interview resumes from it.
 */
let host: ModelInterviewHost | undefined;
afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const ANSWER = 'I would make every charge idempotent with a key stored alongside its result.';
const SOON_MS = 5_000;

/** A model that answers normally until `hanging` says otherwise for a request. */
function model(hanging: (request: ChatRequest) => boolean) {
  let questions = 0;
  return (request: ChatRequest): ChatReply => {
    if (hanging(request)) return 'hang';
    if (isEvaluationRequest(request)) return evaluationReply();
    questions += 1;
    return { text: `Model question ${questions}: how would you test that?` };
  };
}

const errors = (host: ModelInterviewHost) => host.timed.filter(({ frame }) => frame.type === 'error').map(({ frame }) => frame.code);

describe('a model call that hangs', { timeout: 60_000 }, () => {
  it('is cancelled by pause; the answer is kept, and resume judges it and goes on', async () => {
    let hang = true;
    host = await startModelInterviewHost(model((request) => hang && isEvaluationRequest(request)));
    const { interviewId, question } = await host.start();
    host.client.send({ type: 'text_answer', questionId: question.questionId, text: ANSWER });
    await eventually(() => host!.server.received.some(isEvaluationRequest), SOON_MS);

    host.client.send({ type: 'pause' });
    await host.client.next((frame) => frame.type === 'status' && frame.state === 'paused', SOON_MS);
    const judging = host.server.received.find(isEvaluationRequest)!;
    await eventually(() => judging.timeline.abandoned !== undefined, SOON_MS);
    // Cancelled, not failed: no notice that the built-in interviewer took over, no error.
    expect(errors(host)).toEqual([]);
    const stored = (await host.client.call('interviews.get', { interviewId })).result as { status: string; turns: { answer?: { text: string }; evaluation?: unknown }[] };
    expect(stored.status).toBe('paused');
    expect(stored.turns[0]).toMatchObject({ answer: { text: ANSWER } });

    hang = false;
    host.client.send({ type: 'resume', interviewId });
    const evaluation = await host.client.next((frame) => frame.type === 'evaluation', 30_000);
    expect(evaluation.questionId).toBe(question.questionId);
    const next = await host.client.next((frame) => frame.type === 'question' && frame.questionId !== question.questionId, 30_000);
    expect(next.text).toMatch(/^Model question/);
    const after = (await host.client.call('interviews.get', { interviewId })).result as { turns: { answer?: { text: string }; evaluation?: { evaluator: string } }[] };
    expect(after.turns).toHaveLength(2);
    expect(after.turns[0]).toMatchObject({ answer: { text: ANSWER }, evaluation: { evaluator: 'openai-compatible' } });
  });

  it('is cancelled by end, which finishes the interview at once with the answer kept', async () => {
    let questions = 0;
    host = await startModelInterviewHost(model((request) => !isEvaluationRequest(request) && ++questions > 1));
    const { interviewId, question } = await host.start();
    host.client.send({ type: 'text_answer', questionId: question.questionId, text: ANSWER });
    await eventually(() => host!.server.received.filter((request) => !isEvaluationRequest(request)).length === 2, SOON_MS);

    const sent = performance.now();
    host.client.send({ type: 'end' });
    await host.client.next((frame) => frame.type === 'interview_complete', SOON_MS);
    expect(performance.now() - sent).toBeLessThan(SOON_MS);
    const planning = host.server.received.filter((request) => !isEvaluationRequest(request))[1]!;
    await eventually(() => planning.timeline.abandoned !== undefined, SOON_MS);
    expect(errors(host)).toEqual([]);
    const stored = (await host.client.call('interviews.get', { interviewId })).result as { status: string; turns: { answer?: { text: string } }[] };
    expect(stored.status).toBe('ended');
    expect(stored.turns).toHaveLength(1);
    expect(stored.turns[0]).toMatchObject({ answer: { text: ANSWER } });
  });
});

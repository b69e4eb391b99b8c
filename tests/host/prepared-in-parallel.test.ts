import { afterEach, expect, it } from 'vitest';
import type { ChatRequest } from '../support/llm/openai-chat-server';
import { evaluationReply, isEvaluationRequest, startModelInterviewHost, type ModelInterviewHost } from '../support/model-interview-host';

/**
 * Issue #10: with a model interviewer, judging an answer and writing the next question each
 * take the model seconds. Where the rules say the next question cannot depend on the score
 * (after the introduction, mid-phase, through the candidate's own list) it is prepared while
 * the answer is judged; where the score decides (a follow-up may be due, an average decides
 * the phase) it waits for the score. bench/model-turn.bench.ts measures what this saves.
 */
let host: ModelInterviewHost | undefined;
afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const INTRO_ANSWER = 'I have built payment services in Node.js for five years, mostly refunds and retries.';
const THINKING_MS = 700;

it('prepares the next question while the answer is judged only where the score cannot change it', { timeout: 60_000 }, async () => {
  let questions = 0;
  host = await startModelInterviewHost((request: ChatRequest) => {
    if (isEvaluationRequest(request)) return evaluationReply({ firstChunkDelayMs: THINKING_MS });
    questions += 1;
    return { text: `Model question ${questions}: how would you handle that?`, firstChunkDelayMs: questions === 1 ? 0 : THINKING_MS };
  });
  const { question: intro } = await host.start();
  const first = await host.answer(intro.questionId as string, INTRO_ANSWER);

  // After the introduction the warm-up follows whatever the score: both at once.
  const afterIntro = host.server.received.slice(1);
  expect(afterIntro).toHaveLength(2);
  const judgingIntro = afterIntro.find(isEvaluationRequest);
  const writingFirst = afterIntro.find((request) => !isEvaluationRequest(request));
  expect(writingFirst!.timeline.received).toBeLessThan(judgingIntro!.timeline.ended!);
  // The question builds on what was said, without a score the model has not given yet.
  const prompt = writingFirst!.body.messages!.at(-1)!.content;
  expect(prompt).toContain(INTRO_ANSWER);
  expect(prompt).not.toMatch(/Score \d/);

  // A warm-up answer may earn a follow-up: the next question waits for its score.
  await host.answer(first.questionId as string, 'I would retry with backoff and make the charge idempotent.');
  const [judgingFirst, afterFirst] = host.server.received.slice(3);
  expect(isEvaluationRequest(judgingFirst!)).toBe(true);
  expect(isEvaluationRequest(afterFirst!)).toBe(false);
  expect(afterFirst!.timeline.received).toBeGreaterThanOrEqual(judgingFirst!.timeline.ended!);
  expect(afterFirst!.body.messages!.at(-1)!.content).toMatch(/Score 6\/10/);
});

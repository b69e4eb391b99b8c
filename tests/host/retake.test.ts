import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InterviewDetail, ProgressReport } from '../../src/shared/protocol';
import { compareAttempts } from '../../src/shared/report/attempt-comparison';
import { startTestHost, TestClient, type HostFixture } from '../support/host-fixture';
import { REPORT_CONFIG, REPORT_TURNS, seedReportInterview } from '../support/report-fixture';

/**
 * Issue #11, retake and compare: "Practise this question again" starts a one-question
 * interview over the real WebSocket, with the earlier question, track and level, linked to
 * the earlier answer, which stays as it was; the comparison shows both attempts.
 */
let fixture: HostFixture;
let originalId: string;

beforeAll(async () => {
  fixture = await startTestHost({ seed: (dataDir) => (originalId = seedReportInterview(dataDir)) });
});
afterAll(async () => {
  await fixture.stop();
});

const isError = (frame: Record<string, unknown>): boolean => frame.type === 'error';
const CACHE_QUESTION = REPORT_TURNS[3]!.question;
const BETTER_ANSWER = 'I would put Redis in front of the endpoint, with a TTL, and invalidate the entry on every write, and watch the hit rate.';

async function detail(client: TestClient, interviewId: string): Promise<InterviewDetail> {
  return (await client.call('interviews.get', { interviewId })).result as InterviewDetail;
}

/** Practises one question again in text mode; resolves with the new interview once it is complete. */
async function practise(client: TestClient, questionId: string, answer: string): Promise<string> {
  // What the client says about the track and level does not matter: the earlier interview's count.
  client.send({ type: 'start', config: { track: 'frontend', level: 'junior', mode: 'text', retakeOf: questionId } });
  const started = await client.next((frame) => frame.type === 'session_started', 10_000);
  const question = await client.next((frame) => frame.type === 'question', 10_000);
  expect(question).toMatchObject({ text: CACHE_QUESTION, phase: 'standard', followUp: false, mainNumber: 1 });
  client.send({ type: 'text_answer', questionId: question.questionId, text: answer });
  const complete = await client.next((frame) => frame.type === 'interview_complete', 15_000);
  expect(complete).toMatchObject({ interviewId: started.interviewId, totalQuestions: 1 });
  return started.interviewId as string;
}

describe('practise this question again', () => {
  it('asks only that question, with the earlier track and level, and links the attempt to the earlier answer', async () => {
    const client = await TestClient.open(fixture.host.ws);
    const before = await detail(client, originalId);
    const original = before.turns.find((turn) => turn.question === CACHE_QUESTION)!;

    const retakeId = await practise(client, original.questionId, BETTER_ANSWER);
    const retake = await detail(client, retakeId);
    expect(retake.config).toMatchObject({ track: REPORT_CONFIG.track, level: REPORT_CONFIG.level, jobDescription: REPORT_CONFIG.jobDescription, mode: 'text', retakeOf: original.questionId });
    expect(retake.retakeOf).toBe(original.questionId);
    expect(retake.retakeOfInterviewId).toBe(originalId);
    expect(retake.turns).toHaveLength(1);
    expect(retake.turns[0]).toMatchObject({ question: CACHE_QUESTION, mainNumber: 1, answer: { text: BETTER_ANSWER } });
    expect(retake.turns[0]!.evaluation).toBeDefined();

    // The earlier attempt is untouched and lists the new one.
    const after = await detail(client, originalId);
    const kept = after.turns.find((turn) => turn.questionId === original.questionId)!;
    expect(kept.answer).toEqual(original.answer);
    expect(kept.evaluation).toEqual(original.evaluation);
    expect(kept.retakes).toEqual([{ interviewId: retakeId, startedAt: retake.startedAt, status: 'completed', score: retake.turns[0]!.evaluation!.score }]);

    // The comparison shows both attempts, what changed in the words, and the score change.
    const comparison = compareAttempts(kept, retake.turns[0]!);
    expect(comparison.earlier.answer?.text).toBe(original.answer!.text);
    expect(comparison.later.answer?.text).toBe(BETTER_ANSWER);
    expect(comparison.scoreChange).toBe(retake.turns[0]!.evaluation!.score - original.evaluation!.score);
    expect(comparison.diff.filter((part) => part.kind === 'added').map((part) => part.text).join('')).toContain('Redis');
    expect([...comparison.fixed, ...comparison.stillMissing].map((theme) => theme.text)).toContain('Left out key points');

    // History lists it as a practice of one question; Progress counts it as practice only.
    const listed = (await client.call('interviews.list', {})).result as { id: string; retakeOf?: string }[];
    expect(listed.find((summary) => summary.id === retakeId)?.retakeOf).toBe(original.questionId);
    const progress = (await client.call('progress.get')).result as ProgressReport;
    expect(progress.practice).toMatchObject({ interviews: 2, retakes: 1 });
    expect(progress.tracks.map((track) => track.interviews)).toEqual([1]);
    client.close();
  });

  it('keeps every attempt: a second practice is listed after the first', async () => {
    const client = await TestClient.open(fixture.host.ws);
    const original = (await detail(client, originalId)).turns.find((turn) => turn.question === CACHE_QUESTION)!;
    const second = await practise(client, original.questionId, 'A shorter try: cache it.');
    const attempts = (await detail(client, originalId)).turns.find((turn) => turn.questionId === original.questionId)!.retakes!;
    expect(attempts).toHaveLength(2);
    expect(attempts[1]!.interviewId).toBe(second);
    expect((await detail(client, attempts[0]!.interviewId)).turns[0]!.answer?.text).toBe(BETTER_ANSWER);
    client.close();
  });

  it('is still one question after a pause: resumed, it asks that question and ends after the answer', async () => {
    const first = await TestClient.open(fixture.host.ws);
    const original = (await detail(first, originalId)).turns.find((turn) => turn.question === CACHE_QUESTION)!;
    first.send({ type: 'start', config: { track: 'backend', mode: 'text', retakeOf: original.questionId } });
    const { interviewId } = await first.next((frame) => frame.type === 'session_started', 10_000);
    await first.next((frame) => frame.type === 'question', 10_000);
    first.close(); // a closed window pauses its interview

    const second = await TestClient.open(fixture.host.ws);
    await expect.poll(async () => ((await second.call('interviews.current')).result as { id?: string } | null)?.id, { timeout: 10_000 }).toBe(interviewId);
    second.send({ type: 'resume', interviewId });
    const question = await second.next((frame) => frame.type === 'question', 10_000);
    expect(question).toMatchObject({ text: CACHE_QUESTION, mainNumber: 1 });
    second.send({ type: 'text_answer', questionId: question.questionId, text: BETTER_ANSWER });
    expect(await second.next((frame) => frame.type === 'interview_complete', 15_000)).toMatchObject({ interviewId, totalQuestions: 1 });
    expect((await detail(second, interviewId as string)).turns).toHaveLength(1);
    second.close();
  });

  it('refuses a question that is not in the history, or the introduction, in a sentence, and nothing is stored', async () => {
    const client = await TestClient.open(fixture.host.ws);
    const intro = (await detail(client, originalId)).turns.find((turn) => turn.phase === 'intro')!;
    const count = ((await client.call('interviews.list', {})).result as unknown[]).length;
    client.send({ type: 'start', config: { track: 'backend', mode: 'text', retakeOf: '7d1c1c4e-98f6-4c35-8f6e-1d2b3c4d5e6f' } });
    expect(await client.next(isError)).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('no longer in your history') });
    client.send({ type: 'start', config: { track: 'backend', mode: 'text', retakeOf: intro.questionId } });
    expect(await client.next(isError)).toMatchObject({ code: 'WRONG_STATE', message: expect.stringContaining('Only scored questions') });
    expect(((await client.call('interviews.list', {})).result as unknown[]).length).toBe(count);
    client.close();
  });
});

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readWav } from '../../src/main/audio/wav-file';
import { pieces, type ChatRequest } from '../support/llm/openai-chat-server';
import { evaluationReply, isEvaluationRequest, startModelInterviewHost, type ModelInterviewHost } from '../support/model-interview-host';

/**
 * Issue #10: a model's question reaches the screen as it is generated (`question_draft`), and
 * in voice mode speech starts with its first complete sentence (`question_audio_part`), while
 * the committed `question` still comes only once the turn is stored, its audio the sentences
 * joined. A stream that breaks off mid-way is withdrawn: the built-in question is spoken as
 * usual, and nothing of the half question is kept. Real host, real loopback model server, the
 * real system voice (espeak-ng).
 */
let host: ModelInterviewHost | undefined;
afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const INTRO = 'Hello, and welcome. Please introduce yourself.';
// Three sentences, an abbreviation and a price inside them, and no full stop at the end.
const QUESTION = 'Thanks, that helps. You mentioned payments, e.g. refunds of $4.50 each. How would you stop a retried charge from billing twice';
const ANSWER = 'I build payment services in Node.js and PostgreSQL, and I care about safe retries.';

/** The model answers questions slowly enough to be seen arriving, and judges at once. */
function slowModel(question = QUESTION) {
  let questions = 0;
  return (request: ChatRequest) => {
    if (isEvaluationRequest(request)) return evaluationReply();
    questions += 1;
    return { text: questions === 1 ? INTRO : question, chunkDelayMs: 40 };
  };
}

const framesFor = (timed: ModelInterviewHost['timed'], type: string, questionId: string) => timed.filter(({ frame }) => frame.type === type && frame.questionId === questionId);
const questionRequests = (server: ModelInterviewHost['server']) => server.received.filter((request) => !isEvaluationRequest(request));

describe('a streamed question', { timeout: 90_000 }, () => {
  it('is shown as it is generated, before the committed question, which says the same', async () => {
    host = await startModelInterviewHost(slowModel());
    const { question: intro } = await host.start();
    const next = await host.answer(intro.questionId as string, ANSWER);
    expect(next.text).toBe(QUESTION);

    const drafts = framesFor(host.timed, 'question_draft', next.questionId as string);
    const committed = host.timed.findIndex(({ frame }) => frame.type === 'question' && frame.questionId === next.questionId);
    expect(drafts.length).toBeGreaterThanOrEqual(3);
    // Each draft is the question so far, growing, all of them before the question itself.
    let previous = '';
    for (const { frame } of drafts) {
      expect(QUESTION.startsWith(frame.text as string)).toBe(true);
      expect((frame.text as string).length).toBeGreaterThan(previous.length);
      previous = frame.text as string;
      expect(host.timed.findIndex((entry) => entry.frame === frame)).toBeLessThan(committed);
    }
    // The first draft reached the client while the model was still writing.
    const stream = questionRequests(host.server)[1]!;
    expect(drafts[0]!.at).toBeLessThan(stream.timeline.ended!);
  });

  it('in voice mode is spoken sentence by sentence from the first one, and stored whole', async () => {
    host = await startModelInterviewHost(slowModel());
    const { interviewId, question: intro } = await host.start({ mode: 'voice' });
    const next = await host.answer(intro.questionId as string, ANSWER);
    const questionId = next.questionId as string;
    expect(next.text).toBe(QUESTION);

    const parts = framesFor(host.timed, 'question_audio_part', questionId);
    // Every sentence, the last one without a full stop too, in order.
    expect(parts.map(({ frame }) => frame.index)).toEqual([0, 1, 2]);
    // Speech began before the model had finished the question.
    const stream = questionRequests(host.server)[1]!;
    expect(parts[0]!.at).toBeLessThan(stream.timeline.ended!);

    // The question's own audio is the sentences joined, sample for sample.
    const audio = next.audio as { url: string; durationMs: number };
    const questions = join(host.fixture.dataDir, 'media', interviewId, 'questions');
    const whole = readWav(join(questions, `${questionId}.wav`));
    const sentences = readdirSync(questions).filter((name) => name.startsWith(questionId) && name.endsWith('.part.wav')).sort();
    expect(sentences).toHaveLength(3);
    const joined = sentences.flatMap((name) => [...readWav(join(questions, name)).samples]);
    expect(whole.samples.length).toBe(joined.length);
    expect(Buffer.from(whole.samples.buffer).equals(Buffer.from(Int16Array.from(joined).buffer))).toBe(true);
    const partsMs = parts.reduce((sum, { frame }) => sum + (frame.durationMs as number), 0);
    expect(Math.abs(audio.durationMs - partsMs)).toBeLessThanOrEqual(3);
    const detail = (await host.client.call('interviews.get', { interviewId })).result as { turns: { question: string; questionAudioUrl?: string }[] };
    expect(detail.turns[1]).toMatchObject({ question: QUESTION, questionAudioUrl: audio.url });

    // Once the question is answered its sentence files go; the question's own audio stays.
    await host.answer(questionId, ANSWER);
    expect(readdirSync(questions).filter((name) => name.startsWith(questionId))).toEqual([`${questionId}.wav`]);
  });

  it('that breaks off mid-way is withdrawn, and the built-in question is spoken and stored instead', async () => {
    let heardFirstSentence!: () => void;
    const firstSentence = new Promise<void>((resolve) => (heardFirstSentence = resolve));
    let asked = 0;
    host = await startModelInterviewHost((request) => {
      if (isEvaluationRequest(request)) return evaluationReply();
      asked += 1;
      if (asked === 1) return { text: INTRO };
      // Two sentences and the start of a third, then the connection breaks: on every attempt.
      return { cutAfterChunks: pieces(QUESTION).length - 4, text: QUESTION, chunkDelayMs: 20, cutAfter: firstSentence };
    });
    const { interviewId, question: intro } = await host.start({ mode: 'voice' });
    const watching = setInterval(() => {
      if (host?.timed.some(({ frame }) => frame.type === 'question_audio_part')) heardFirstSentence();
    }, 10);
    const next = await host.answer(intro.questionId as string, ANSWER).finally(() => clearInterval(watching));
    const questionId = next.questionId as string;

    expect(framesFor(host.timed, 'question_audio_part', questionId).length).toBeGreaterThanOrEqual(1);
    const withdrawn = host.timed.findIndex(({ frame }) => frame.type === 'question_draft_withdrawn' && frame.questionId === questionId);
    const committed = host.timed.findIndex(({ frame }) => frame.type === 'question' && frame.questionId === questionId);
    expect(withdrawn).toBeGreaterThanOrEqual(0);
    expect(withdrawn).toBeLessThan(committed);
    // No sentence was played after the last withdrawal.
    const lastWithdrawn = host.timed.findLastIndex(({ frame }) => frame.type === 'question_draft_withdrawn');
    expect(host.timed.slice(lastWithdrawn).some(({ frame }) => frame.type === 'question_audio_part')).toBe(false);

    // The built-in interviewer's question, spoken whole; nothing of the half question kept.
    expect(next.text).not.toContain('retried charge');
    expect(next.audio).toMatchObject({ durationMs: expect.any(Number) });
    const questions = join(host.fixture.dataDir, 'media', interviewId, 'questions');
    expect(readdirSync(questions).filter((name) => name.startsWith(questionId))).toEqual([`${questionId}.wav`]);
    expect(existsSync(join(questions, `${questionId}.wav`))).toBe(true);
    const detail = (await host.client.call('interviews.get', { interviewId })).result as { turns: { question: string }[] };
    expect(detail.turns.map((turn) => turn.question).join(' ')).not.toContain('retried charge');
    expect(host.timed.filter(({ frame }) => frame.type === 'error' && frame.code === 'PROVIDER_FAILED')).toHaveLength(1);
  });
});

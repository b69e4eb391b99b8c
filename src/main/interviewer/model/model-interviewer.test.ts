import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RESOURCES_DIR } from '../../../../tests/support/paths';
import { startOpenAiChatServer, type ChatReply, type ChatRequest, type ChatServer } from '../../../../tests/support/llm/openai-chat-server';
import type { InterviewContext, ModelCall, TranscriptEntry } from '../../engine/ports';
import { createOpenAiChatModel } from '../../providers/llm/openai/openai-chat-model';
import { ModelError } from '../../providers/llm/model-error';
import { loadConversation } from '../conversation-file';
import { createEmbeddedInterviewer } from '../embedded-interviewer';
import { Meaning } from '../language/meaning';
import { loadWordVectors } from '../language/word-vectors';
import { loadTrackCatalog } from '../track-catalog';
import { createModelInterviewer } from './model-interviewer';
import { loadPromptFile } from './prompt-file';

/**
 * The model-backed interviewer against a real OpenAI-compatible server on loopback: what it
 * sends (system prompt, transcript, schema), what it makes of the replies, and the guards
 * that hold whatever the model says.
 */
const catalog = loadTrackCatalog(RESOURCES_DIR);
const prompts = loadPromptFile(RESOURCES_DIR);
let embedded: ReturnType<typeof createEmbeddedInterviewer>;
beforeAll(() => {
  embedded = createEmbeddedInterviewer(catalog, loadConversation(RESOURCES_DIR), new Meaning(loadWordVectors(RESOURCES_DIR)));
});

let server: ChatServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function interviewerFor(reply: (request: ChatRequest, index: number) => ChatReply, contextTokens = 32_000) {
  server = await startOpenAiChatServer(reply);
  const model = createOpenAiChatModel({
    kind: 'openai-compatible',
    baseURL: server.baseURL,
    model: 'local-test',
    capabilities: { structuredOutput: 'json_schema', streaming: true, contextTokens, textField: 'content' },
    timeoutMs: 5_000,
  });
  return createModelInterviewer({ model, prompts, catalog, embedded });
}

const JOB = 'We are hiring a backend engineer to build payment APIs in Node.js and PostgreSQL.';
const context = (transcript: TranscriptEntry[] = [], extra: Partial<InterviewContext['config']> = {}): InterviewContext => ({
  interviewId: '6f1d7c1e-5b0a-4c8e-9f2b-3a4d5e6f7a8b',
  config: { track: 'backend', mode: 'text', level: 'senior', jobDescription: JOB, ...extra },
  askedSourceIds: [],
  transcript,
});
const EARLIER: TranscriptEntry[] = [
  { question: 'Tell me about yourself.', phase: 'intro', followUp: false, answer: 'I build payment services in Node.' },
  { question: 'What is an index?', phase: 'warmup', followUp: false, answer: 'A structure that speeds up lookups.', evaluation: { score: 6, missedConcepts: ['write cost'] } },
];
const evaluationJson = (score: number) =>
  JSON.stringify({ score, feedback: 'You said "idempotency key", which is the heart of it.', strengths: ['Named the idempotency key.'], weaknesses: [], suggestions: ['Say where the key is stored.'], missedConcepts: ['key expiry'] });
const asked = { sourceId: 'http-idempotency', text: catalog.get('backend')!.questions.find((q) => q.id === 'http-idempotency')!.text, phase: 'standard' as const, followUp: false };

describe('a model-backed interviewer', () => {
  it('adapts the chosen bank question, streaming its text, with the job description, the transcript and the bank question in the request', async () => {
    const interviewer = await interviewerFor(() => ({ text: 'Interviewer: "Your payments API gets a retried POST. How do you make sure the customer is charged once?"' }));
    const deltas: string[] = [];
    const calls: ModelCall[] = [];
    const plan = await interviewer.nextQuestion(context(EARLIER), 'standard', ['easy', 'medium'], { onQuestionText: (d) => deltas.push(d), onModelCall: (c) => calls.push(c) });
    expect(plan?.text).toBe('Your payments API gets a retried POST. How do you make sure the customer is charged once?');
    // The bank still decides which question comes next (its id is kept for coverage and fallback).
    expect(catalog.get('backend')!.questions.some((q) => q.id === plan?.sourceId)).toBe(true);
    // What streamed to the screen is exactly the question, without the label and quotes.
    expect(deltas.join('')).toBe(plan?.text);
    expect(calls).toMatchObject([{ operation: 'question', provider: 'openai-compatible', model: 'local-test', inputTokens: 11, outputTokens: 7, summarised: false }]);
    const [system, user] = server!.received[0]!.body.messages!;
    expect(system!.role).toBe('system');
    expect(system!.content).toContain('Backend engineering');
    expect(system!.content).toContain(JOB);
    expect(system!.content).toContain('senior');
    expect(user!.content).toContain('I build payment services in Node.');
    expect(user!.content).toContain('Score 6/10; missed: write cost');
    const bankText = catalog.get('backend')!.questions.find((q) => q.id === plan?.sourceId)!.text;
    expect(user!.content).toContain(bankText);
  });

  it('asks the candidate’s own questions as written, without calling the model', async () => {
    const interviewer = await interviewerFor(() => ({ text: 'should not be asked' }));
    const plan = await interviewer.nextQuestion(context([], { questions: ['Why do you want to work here?'] }), 'warmup', ['easy']);
    expect(plan).toEqual({ sourceId: 'custom:0', text: 'Why do you want to work here?', difficulty: 'medium' });
    expect(server!.received).toHaveLength(0);
  });

  it('judges an answer through strict json_schema output and returns the embedded shape', async () => {
    const interviewer = await interviewerFor(() => ({ text: evaluationJson(7.3) }));
    const answer = 'I would have the client send an idempotency key with each POST, store it with the result, and return the stored result for a retry with the same key.';
    const evaluation = await interviewer.evaluate(context(), asked, answer);
    expect(evaluation.score).toBe(7.5);
    expect(evaluation.feedback).toContain('idempotency key');
    expect(evaluation.missedConcepts).toEqual(['key expiry']);
    const sent = server!.received[0]!.body;
    expect(sent.response_format?.type).toBe('json_schema');
    expect(sent.response_format?.json_schema?.strict).toBe(true);
    expect(sent.messages![1]!.content).toContain(answer);
  });

  it('never scores an empty, "I don’t know" or echoed answer high, whatever the model says', async () => {
    const interviewer = await interviewerFor(() => ({ text: evaluationJson(9) }));
    expect((await interviewer.evaluate(context(), asked, '')).score).toBeLessThanOrEqual(1);
    expect((await interviewer.evaluate(context(), asked, 'Honestly I do not know.')).score).toBeLessThanOrEqual(1);
    expect((await interviewer.evaluate(context(), asked, asked.text)).score).toBeLessThanOrEqual(2);
  });

  it('repairs an invalid evaluation once, telling the model what was wrong', async () => {
    const interviewer = await interviewerFor((_request, index) => ({ text: index === 0 ? '{"score": 14, "feedback": ""}' : evaluationJson(6) }));
    const calls: ModelCall[] = [];
    const evaluation = await interviewer.evaluate(context(), asked, 'Use an idempotency key stored with the response.', { onModelCall: (c) => calls.push(c) });
    expect(evaluation.score).toBe(6);
    expect(calls.map((c) => c.operation)).toEqual(['evaluate', 'repair']);
    const repair = server!.received[1]!.body.messages!.at(-1)!.content;
    expect(repair).toMatch(/score/);
  });

  it('gives up after one failed repair with a bad-response error, not a made-up score', async () => {
    const interviewer = await interviewerFor(() => ({ text: '{"score": "great"}' }));
    const error = await interviewer.evaluate(context(), asked, 'Use an idempotency key.').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).code).toBe('BAD_RESPONSE');
    expect(server!.received).toHaveLength(2);
  });

  it('writes a follow-up for what a middling answer missed, and none for a strong one', async () => {
    const interviewer = await interviewerFor(() => ({ text: 'Where would you keep the keys, and for how long?' }));
    const middling = { score: 5, feedback: 'x', strengths: [], weaknesses: [], suggestions: [], missedConcepts: ['key storage', 'expiry'], skillsShown: [] };
    const followUp = await interviewer.followUp(context(), asked, middling);
    expect(followUp).toEqual({ sourceId: 'http-idempotency#model', text: 'Where would you keep the keys, and for how long?', difficulty: 'medium' });
    expect(server!.received[0]!.body.messages![1]!.content).toContain('key storage; expiry');
    expect(await interviewer.followUp(context(), asked, { ...middling, score: 9 })).toBeUndefined();
  });

  it('keeps the system prompt and the latest turns, summarising the rest, when the prompt would pass 80% of the context', async () => {
    const long = (n: number): TranscriptEntry => ({ question: `Question number ${n} about queues and retries?`, phase: 'standard', followUp: false, answer: `Answer ${n}: ${'we used a queue with retries and dead letters. '.repeat(40)}`, evaluation: { score: 5, missedConcepts: [] } });
    const transcript = Array.from({ length: 12 }, (_, i) => long(i + 1));
    const interviewer = await interviewerFor(() => ({ text: 'Next question?' }), 4_096);
    const calls: ModelCall[] = [];
    await interviewer.nextQuestion(context(transcript), 'standard', ['medium'], { onModelCall: (c) => calls.push(c) });
    const [system, user] = server!.received[0]!.body.messages!;
    expect(system!.content).toContain('Backend engineering');
    expect(user!.content).toContain('Answer 12:');
    expect(user!.content).not.toContain('Answer 1:');
    expect(user!.content).toContain('summarised');
    expect(user!.content).toMatch(/- 1\. \(standard\) Question number 1 about queues/);
    expect((system!.content.length + user!.content.length) / 3.2).toBeLessThan(4_096 * 0.8);
    expect(calls[0]!.summarised).toBe(true);
  });

  it('keeps the job description and résumé whole when they fit, and cuts them at a sentence or line end, with a note, when they would crowd out the conversation', async () => {
    const job = Array.from({ length: 240 }, (_, i) => `At Acme you would own payments service ${i}, e.g. a v2.0 API for $4.50 refunds. `).join('');
    const resume = Array.from({ length: 900 }, (_, i) => `- Built queue ${i} with retries and dead letters`).join('\n');
    expect(job.length).toBeLessThanOrEqual(20_000);
    const interviewer = await interviewerFor(() => ({ text: 'Next question?' }), 4_096);
    const calls: ModelCall[] = [];
    await interviewer.nextQuestion(context([], { jobDescription: job, resume }), 'standard', ['medium'], { onModelCall: (c) => calls.push(c) });
    const [system, user] = server!.received[0]!.body.messages!;
    const sent = (tag: string) => system!.content.split(`<${tag}>\n`)[1]!.split(`\n</${tag}>`)[0]!;
    const note = /\n\[The rest of this text, [\d,]+ more words, is left out to fit the model's context\.\]$/;
    // Each is its own beginning, cut where a sentence (not an abbreviation) or a line ends.
    expect(sent('job_description')).toMatch(note);
    const keptJob = sent('job_description').replace(note, '');
    expect(job.startsWith(keptJob)).toBe(true);
    expect(keptJob).toMatch(/\$4\.50 refunds\.$/);
    const keptResume = sent('resume').replace(note, '');
    expect(resume.startsWith(`${keptResume}\n`)).toBe(true);
    expect(keptResume).toMatch(/dead letters$/);
    // The whole prompt stays within 80% of the window, and the call says what was cut.
    expect((system!.content.length + user!.content.length) / 3.2).toBeLessThan(4_096 * 0.8);
    expect(calls[0]).toMatchObject({ shortened: true, summarised: false });

    // Texts that fit are sent whole, and nothing is said to be cut.
    await interviewer.nextQuestion(context([], { jobDescription: JOB, resume: 'Five years of Node.js payments work.' }), 'standard', ['medium'], { onModelCall: (c) => calls.push(c) });
    const whole = server!.received[1]!.body.messages![0]!.content;
    expect(whole).toContain(`<job_description>\n${JOB}\n</job_description>`);
    expect(whole).toContain('<resume>\nFive years of Node.js payments work.\n</resume>');
    expect(calls[1]).toMatchObject({ shortened: false });
  });

  it('inserts the candidate’s text once: placeholders inside an answer stay as typed', async () => {
    const interviewer = await interviewerFor(() => ({ text: evaluationJson(5) }));
    await interviewer.evaluate(context(), asked, 'My answer mentions {question} and {answer} literally, with an idempotency key.');
    expect(server!.received[0]!.body.messages![1]!.content).toContain('My answer mentions {question} and {answer} literally');
  });
});

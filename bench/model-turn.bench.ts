/**
 * Issue #10: a turn with a model interviewer, from the answer sent to the next question on
 * screen, when the rules let the next question be prepared while the answer is judged (here
 * the turn after the introduction, which leads to the warm-up whatever its score), against
 * judging first and then writing the question, in the same run. The loopback model takes
 * 800 ms to judge, and 800 ms to its first token then 30 tokens a second to write a question;
 * text mode, so no voice is involved.
 */
import { join } from 'node:path';
import { migrate, openDatabase } from '../src/main/db/database';
import { createInterviewRepository } from '../src/main/db/interview-repository';
import { createAttachments } from '../src/main/engine/attachments';
import type { EngineTuning } from '../src/main/engine/engine-context';
import { createInterviewSession } from '../src/main/engine/interview-session';
import { createKeptAnswers } from '../src/main/engine/kept-answers';
import { loadConversation } from '../src/main/interviewer/conversation-file';
import { createEmbeddedInterviewer } from '../src/main/interviewer/embedded-interviewer';
import { Meaning } from '../src/main/interviewer/language/meaning';
import { loadWordVectors } from '../src/main/interviewer/language/word-vectors';
import { createModelInterviewer } from '../src/main/interviewer/model/model-interviewer';
import { loadPromptFile } from '../src/main/interviewer/model/prompt-file';
import { loadTrackCatalog } from '../src/main/interviewer/track-catalog';
import { silentLogger } from '../src/main/log';
import { createMediaStore } from '../src/main/media/media-store';
import { createOpenAiChatModel } from '../src/main/providers/llm/openai/openai-chat-model';
import type { ServerMessage } from '../src/shared/protocol';
import { EVALUATION, MODEL_QUESTION } from '../tests/support/llm/interview-model-replies';
import { startOpenAiChatServer } from '../tests/support/llm/openai-chat-server';
import { isEvaluationRequest } from '../tests/support/model-interview-host';
import { RESOURCES_DIR } from '../tests/support/paths';
import { makeTempDir } from '../tests/support/temp-dir';
import { percentile } from './stats';

const ROUNDS = 8;
const MODEL_MS = 800;

const temp = makeTempDir('bench-model-turn');
const server = await startOpenAiChatServer((request) =>
  isEvaluationRequest(request) ? { text: JSON.stringify(EVALUATION), firstChunkDelayMs: MODEL_MS } : { text: MODEL_QUESTION(1), firstChunkDelayMs: MODEL_MS, chunkDelayMs: 1000 / 30 },
);
const catalog = loadTrackCatalog(RESOURCES_DIR);
const embedded = createEmbeddedInterviewer(catalog, loadConversation(RESOURCES_DIR), new Meaning(loadWordVectors(RESOURCES_DIR)));
const model = createOpenAiChatModel({
  kind: 'openai-compatible',
  baseURL: server.baseURL,
  model: 'bench',
  capabilities: { structuredOutput: 'json_schema', streaming: true, contextTokens: 32_000, textField: 'content' },
  timeoutMs: 60_000,
});
const interviewer = createModelInterviewer({ model, prompts: loadPromptFile(RESOURCES_DIR), catalog, embedded });

async function measure(name: string, tuning: EngineTuning): Promise<number[]> {
  const db = openDatabase(join(temp.path, `${name}.sqlite`));
  migrate(db, join(RESOURCES_DIR, 'migrations'));
  let current: Extract<ServerMessage, { type: 'question' }> | undefined;
  let asked: (() => void) | undefined;
  const session = createInterviewSession(
    {
      repository: createInterviewRepository(db),
      interviewer: () => interviewer,
      fallback: embedded,
      speechToText: () => ({ name: 'none', liveTranscripts: false, availability: async () => ({ available: false, reason: 'off' }), transcribe: async () => ({ text: '' }) }),
      textToSpeech: () => undefined,
      media: createMediaStore(join(temp.path, name)),
      mediaUrl: (path) => path,
      trackExists: (id) => catalog.get(id) !== undefined,
      attachments: createAttachments(),
      keptAnswers: createKeptAnswers(),
      dataDir: join(temp.path, name),
      clock: { now: () => new Date() },
      ids: { newId: () => crypto.randomUUID() },
      log: silentLogger,
      tuning,
    },
    (message) => {
      if (message.type !== 'question') return;
      current = message;
      asked?.();
    },
  );
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    session.receive({ type: 'start', config: { track: 'backend', mode: 'text', length: 'quick' } });
    await session.whenIdle();
    const next = new Promise<void>((resolve) => (asked = resolve));
    const started = performance.now();
    session.receive({ type: 'text_answer', questionId: current!.questionId, text: 'I build payment services in Node.js and care about safe retries.' });
    await next;
    samples.push(performance.now() - started);
    session.receive({ type: 'end' });
    await session.whenIdle();
  }
  db.$client.close();
  return samples;
}

const sequential = await measure('judged-first', { prepareInParallel: false });
const parallel = await measure('in-parallel', {});
await server.close();
temp.remove();

const row = (label: string, values: number[]): void => console.log(`  ${label.padEnd(52)} ${percentile(values, 50).toFixed(0).padStart(6)} / ${percentile(values, 95).toFixed(0).padStart(6)}`);
console.log(`\nAnswer → next question on screen, model ${MODEL_MS} ms to judge and ${MODEL_MS} ms to first token at 30 tokens/s, ${ROUNDS} turns each (ms, p50 / p95)`);
row('judge, then write the next question (baseline)', sequential);
row('write the next question while the answer is judged', parallel);
console.log(`ratio p50 baseline/parallel: ${(percentile(sequential, 50) / percentile(parallel, 50)).toFixed(2)}x`);

/**
 * Issue #10: from the end of an answer to the first spoken audio of the next question, with a
 * model that answers like a hosted one: 800 ms to its first token, then 30 tokens a second
 * (a loopback OpenAI-compatible server; one token is one word-sized piece of the reply). The
 * system voice (espeak-ng) speaks. Streaming (each sentence spoken as soon as it is complete,
 * the first played while the rest is written) against waiting for the whole reply and then
 * speaking it, the app as it was, in the same run. Aim: the first audio within 300 ms of the
 * first sentence arriving. Evaluations are answered at once, so the difference is the question.
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
import { createSystemVoice } from '../src/main/providers/tts/system-voice';
import type { ServerMessage } from '../src/shared/protocol';
import { EVALUATION } from '../tests/support/llm/interview-model-replies';
import { pieces, startOpenAiChatServer, type ChatRequest } from '../tests/support/llm/openai-chat-server';
import { isEvaluationRequest } from '../tests/support/model-interview-host';
import { RESOURCES_DIR } from '../tests/support/paths';
import { makeTempDir } from '../tests/support/temp-dir';
import { percentile } from './stats';

const ROUNDS = 10;
const FIRST_TOKEN_MS = 800;
const TOKENS_PER_SECOND = 30;
const QUESTION = 'Thanks, that is helpful. You mentioned retries in the payments service, so let us stay there. How would you make sure a retried refund is paid out only once, and how would you test it?';
/** The piece that ends the first sentence: from when it is written, the sentence has arrived. */
const FIRST_SENTENCE_END = pieces(QUESTION).findIndex((piece) => /[.!?]\s*$/.test(piece));

const temp = makeTempDir('bench-streamed-speech');
const server = await startOpenAiChatServer((request) =>
  isEvaluationRequest(request) ? { text: JSON.stringify(EVALUATION) } : { text: QUESTION, firstChunkDelayMs: FIRST_TOKEN_MS, chunkDelayMs: 1000 / TOKENS_PER_SECOND },
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
const voice = createSystemVoice();

interface Turn {
  toFirstAudio: number;
  /** From the first sentence's last token leaving the server to its audio reaching the client. */
  sentenceToAudio: number;
}

async function measure(name: string, tuning: EngineTuning): Promise<Turn[]> {
  const db = openDatabase(join(temp.path, `${name}.sqlite`));
  migrate(db, join(RESOURCES_DIR, 'migrations'));
  let firstAudioAt: number | undefined;
  let current: Extract<ServerMessage, { type: 'question' }> | undefined;
  let asked: (() => void) | undefined;
  const session = createInterviewSession(
    {
      repository: createInterviewRepository(db),
      interviewer: () => interviewer,
      fallback: embedded,
      speechToText: () => ({ name: 'none', liveTranscripts: false, availability: async () => ({ available: false, reason: 'off' }), transcribe: async () => ({ text: '' }) }),
      textToSpeech: () => voice,
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
      const now = performance.now();
      // What the client can start playing first: a sentence streamed, or the whole question.
      if ((message.type === 'question_audio_part' || (message.type === 'question' && message.audio)) && firstAudioAt === undefined) firstAudioAt = now;
      if (message.type === 'question') {
        current = message;
        asked?.();
      }
    },
  );
  session.receive({ type: 'start', config: { track: 'backend', mode: 'voice', length: 'full' } });
  await session.whenIdle();
  const turns: Turn[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const before = server.received.length;
    firstAudioAt = undefined;
    const next = new Promise<void>((resolve) => (asked = resolve));
    const answeredAt = performance.now();
    session.receive({ type: 'text_answer', questionId: current!.questionId, text: 'I would keep an idempotency key with each refund and return the stored result for a retry.' });
    await next;
    await session.whenIdle();
    const writing = server.received.slice(before).find((request: ChatRequest) => !isEvaluationRequest(request))!;
    turns.push({ toFirstAudio: firstAudioAt! - answeredAt, sentenceToAudio: firstAudioAt! - writing.timeline.chunks[FIRST_SENTENCE_END]! });
  }
  session.receive({ type: 'end' });
  await session.whenIdle();
  db.$client.close();
  return turns;
}

const waiting = await measure('whole-reply', { streamQuestions: false });
const streaming = await measure('streaming', {});
await server.close();
temp.remove();

const row = (name: string, values: number[]): void => console.log(`  ${name.padEnd(58)} ${percentile(values, 50).toFixed(0).padStart(6)} / ${percentile(values, 95).toFixed(0).padStart(6)}`);
const words = pieces(QUESTION).length;
console.log(`\nEnd of answer → first spoken audio of the next question (${words}-token question, ${FIRST_TOKEN_MS} ms to first token, ${TOKENS_PER_SECOND} tokens/s, system voice), ${ROUNDS} turns each (ms, p50 / p95)`);
row('waiting for the whole reply, then speaking it (baseline)', waiting.map((t) => t.toFirstAudio));
row('streaming: first sentence spoken while the rest is written', streaming.map((t) => t.toFirstAudio));
row('streaming: first sentence arrived → its audio sent (aim < 300)', streaming.map((t) => t.sentenceToAudio));
console.log(`ratio p50 baseline/streaming: ${(percentile(waiting.map((t) => t.toFirstAudio), 50) / percentile(streaming.map((t) => t.toFirstAudio), 50)).toFixed(2)}x`);

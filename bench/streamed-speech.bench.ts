/**
 * Issue #10: from the end of an answer to the first spoken audio of the next question, with a
 * model that answers like a hosted one: 800 ms to its first token, then 30 tokens a second
 * (a loopback OpenAI-compatible server; one token is one word-sized piece of the reply). The
 * system voice (espeak-ng) speaks. Streaming (each sentence spoken as soon as it is complete,
 * the first played while the rest is written) against waiting for the whole reply and then
 * speaking it, the app as it was, in the same run. Aim: the first audio within 300 ms of the
 * first sentence arriving. Evaluations are answered at once, so the difference is the question.
 */
import type { EngineTuning } from '../src/main/engine/engine-context';
import { createSystemVoice } from '../src/main/providers/tts/system-voice';
import type { ServerMessage } from '../src/shared/protocol';
import { EVALUATION } from '../tests/support/llm/interview-model-replies';
import { pieces, startOpenAiChatServer, type ChatRequest } from '../tests/support/llm/openai-chat-server';
import { isEvaluationRequest } from '../tests/support/model-interview-host';
import { makeTempDir } from '../tests/support/temp-dir';
import { openModelSession } from './model-session';
import { percentile, printMsRow } from './stats';

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
const voice = createSystemVoice();

interface Turn {
  toFirstAudio: number;
  /** From the first sentence's last token leaving the server to its audio reaching the client. */
  sentenceToAudio: number;
}

async function measure(name: string, tuning: EngineTuning): Promise<Turn[]> {
  let firstAudioAt: number | undefined;
  // What the client can start playing first: a sentence streamed, or the whole question.
  const observe = (message: ServerMessage): void => {
    if ((message.type === 'question_audio_part' || (message.type === 'question' && message.audio)) && firstAudioAt === undefined) firstAudioAt = performance.now();
  };
  const session = openModelSession({ dir: temp.path, name, baseURL: server.baseURL, tuning, voice, observe });
  await session.start({ track: 'backend', mode: 'voice', length: 'full' });
  const turns: Turn[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const before = server.received.length;
    firstAudioAt = undefined;
    const answeredAt = performance.now();
    await session.answer('I would keep an idempotency key with each refund and return the stored result for a retry.');
    await session.idle();
    const writing = server.received.slice(before).find((request: ChatRequest) => !isEvaluationRequest(request))!;
    turns.push({ toFirstAudio: firstAudioAt! - answeredAt, sentenceToAudio: firstAudioAt! - writing.timeline.chunks[FIRST_SENTENCE_END]! });
  }
  await session.end();
  session.close();
  return turns;
}

const waiting = await measure('whole-reply', { streamQuestions: false });
const streaming = await measure('streaming', {});
await server.close();
temp.remove();

const words = pieces(QUESTION).length;
console.log(`\nEnd of answer → first spoken audio of the next question (${words}-token question, ${FIRST_TOKEN_MS} ms to first token, ${TOKENS_PER_SECOND} tokens/s, system voice), ${ROUNDS} turns each (ms, p50 / p95)`);
printMsRow('waiting for the whole reply, then speaking it (baseline)', waiting.map((t) => t.toFirstAudio));
printMsRow('streaming: first sentence spoken while the rest is written', streaming.map((t) => t.toFirstAudio));
printMsRow('streaming: first sentence arrived → its audio sent (aim < 300)', streaming.map((t) => t.sentenceToAudio));
console.log(`ratio p50 baseline/streaming: ${(percentile(waiting.map((t) => t.toFirstAudio), 50) / percentile(streaming.map((t) => t.toFirstAudio), 50)).toFixed(2)}x`);

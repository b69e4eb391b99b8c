/**
 * Issue #10: a turn with a model interviewer, from the answer sent to the next question on
 * screen, when the rules let the next question be prepared while the answer is judged (here
 * the turn after the introduction, which leads to the warm-up whatever its score), against
 * judging first and then writing the question, in the same run. The loopback model takes
 * 800 ms to judge, and 800 ms to its first token then 30 tokens a second to write a question;
 * text mode, so no voice is involved.
 */
import type { EngineTuning } from '../src/main/engine/engine-context';
import { EVALUATION, MODEL_QUESTION } from '../tests/support/llm/interview-model-replies';
import { startOpenAiChatServer } from '../tests/support/llm/openai-chat-server';
import { isEvaluationRequest } from '../tests/support/model-interview-host';
import { makeTempDir } from '../tests/support/temp-dir';
import { openModelSession } from './model-session';
import { percentile, printMsRow } from './stats';

const ROUNDS = 8;
const MODEL_MS = 800;

const temp = makeTempDir('bench-model-turn');
const server = await startOpenAiChatServer((request) =>
  isEvaluationRequest(request) ? { text: JSON.stringify(EVALUATION), firstChunkDelayMs: MODEL_MS } : { text: MODEL_QUESTION(1), firstChunkDelayMs: MODEL_MS, chunkDelayMs: 1000 / 30 },
);

async function measure(name: string, tuning: EngineTuning): Promise<number[]> {
  const session = openModelSession({ dir: temp.path, name, baseURL: server.baseURL, tuning });
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    await session.start({ track: 'backend', mode: 'text', length: 'quick' });
    const started = performance.now();
    await session.answer('I build payment services in Node.js and care about safe retries.');
    samples.push(performance.now() - started);
    await session.end();
  }
  session.close();
  return samples;
}

const sequential = await measure('judged-first', { prepareInParallel: false });
const parallel = await measure('in-parallel', {});
await server.close();
temp.remove();

console.log(`\nAnswer → next question on screen, model ${MODEL_MS} ms to judge and ${MODEL_MS} ms to first token at 30 tokens/s, ${ROUNDS} turns each (ms, p50 / p95)`);
printMsRow('judge, then write the next question (baseline)', sequential);
printMsRow('write the next question while the answer is judged', parallel);
console.log(`ratio p50 baseline/parallel: ${(percentile(sequential, 50) / percentile(parallel, 50)).toFixed(2)}x`);

/**
 * Issue #10: what the provider layer itself costs per turn, the model server's time excluded.
 * One turn is what a model interviewer sends for an answer: the conversation built from a
 * 10-turn transcript (summarised where it must be), a question streamed and cleaned, and an
 * evaluation asked for as structured output and validated, through the real adapters (the
 * `openai` SDK for OpenAI and every compatible server, `@anthropic-ai/sdk` for Claude) against
 * loopback servers that answer at once, in a process of their own. Two measures: the wall time
 * less the adapters' own fetch (which reads each reply to its end before handing it over, the
 * baseline in the same run; the aim is on this), and this process's CPU time per turn, which
 * also counts the HTTP client's own work inside that fetch but not the servers' nor other
 * programs' on a busy machine. Aim: p95 under 5 ms.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { buildConversation } from '../src/main/interviewer/model/model-conversation';
import { EVALUATION_OUTPUT, readModelEvaluation } from '../src/main/interviewer/model/model-evaluation';
import { loadPromptFile } from '../src/main/interviewer/model/prompt-file';
import { createSpokenTextFilter } from '../src/main/interviewer/model/spoken-text';
import type { TranscriptEntry } from '../src/main/engine/ports';
import { createAnthropicMessagesModel } from '../src/main/providers/llm/anthropic/anthropic-messages-model';
import type { LanguageModel } from '../src/main/providers/llm/language-model';
import { createOpenAiChatModel, type FetchFunction } from '../src/main/providers/llm/openai/openai-chat-model';
import { RESOURCES_DIR } from '../tests/support/paths';
import { percentile, printTable } from './stats';

const TURNS = 400;
const WARMUP = 40;
const prompts = loadPromptFile(RESOURCES_DIR);
const transcript: TranscriptEntry[] = Array.from({ length: 10 }, (_, i) => ({
  question: `Question ${i + 1}: how would you make a payments API safe to retry?`,
  phase: i < 2 ? 'warmup' : 'standard',
  followUp: false,
  answer: 'I would send an idempotency key with each request, store it with the result, and return the stored result for a retry with the same key. '.repeat(3),
  evaluation: { score: 6, missedConcepts: ['key expiry'] },
}));
const config = { track: 'backend', mode: 'text' as const, level: 'mid' as const, jobDescription: 'Backend engineer for a payments platform in Node.js and PostgreSQL. '.repeat(20) };

/** The adapter's fetch, reading every reply whole before handing it over: its time is the network's and the server's. */
function timedFetch(): { fetch: FetchFunction; spent: () => number; reset: () => void } {
  let spent = 0;
  return {
    fetch: async (input, init) => {
      const started = performance.now();
      const response = await fetch(input, init);
      const body = await response.arrayBuffer();
      spent += performance.now() - started;
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    },
    spent: () => spent,
    reset: () => void (spent = 0),
  };
}

async function turnsThrough(model: LanguageModel, timing: ReturnType<typeof timedFetch>): Promise<{ layer: number[]; network: number[]; cpu: number[] }> {
  const layer: number[] = [];
  const network: number[] = [];
  const cpu: number[] = [];
  const conversation = (instruction: string, maxTokens: number) =>
    buildConversation({ prompts, config, track: { title: 'Backend engineering', description: 'APIs and databases.' }, transcript, instruction, provider: model.provider, contextTokens: model.capabilities.contextTokens, maxTokens });
  for (let turn = 0; turn < TURNS + WARMUP; turn += 1) {
    timing.reset();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const stream = model.streamText(conversation('Ask the next question.', 220).request);
    const filter = createSpokenTextFilter();
    let question = '';
    for await (const delta of stream.deltas) question += filter.push(delta);
    question += filter.end();
    await stream.done;
    const { value } = await model.structured(conversation('Evaluate the candidate’s answer.', 900).request, EVALUATION_OUTPUT);
    if (!readModelEvaluation(value).ok || !question) throw new Error('the bench server gave an unusable reply');
    const total = performance.now() - started;
    const used = process.cpuUsage(cpuBefore);
    if (turn < WARMUP) continue;
    layer.push(total - timing.spent());
    network.push(timing.spent());
    cpu.push((used.user + used.system) / 1000);
  }
  return { layer, network, cpu };
}

const capabilities = { structuredOutput: 'json_schema' as const, streaming: true, contextTokens: 128_000, textField: 'content' as const };
const servers = spawn(process.execPath, ['--import', 'tsx', 'bench/loopback-model-servers.ts'], { stdio: ['pipe', 'pipe', 'inherit'] });
const [ready] = (await once(createInterface({ input: servers.stdout }), 'line')) as [string];
const urls = JSON.parse(ready.replace(/^READY /, '')) as { chat: string; messages: string };
const openAiTiming = timedFetch();
const openAi = createOpenAiChatModel({ kind: 'openai', apiKey: 'sk-bench', baseURL: urls.chat, model: 'gpt-bench', capabilities, timeoutMs: 10_000, fetch: openAiTiming.fetch });
const anthropicTiming = timedFetch();
const anthropic = createAnthropicMessagesModel({ apiKey: 'sk-ant-bench', baseURL: urls.messages, model: 'claude-bench', capabilities: { ...capabilities, structuredOutput: 'tool' }, timeoutMs: 10_000, fetch: anthropicTiming.fetch });

const viaOpenAi = await turnsThrough(openAi, openAiTiming);
const viaAnthropic = await turnsThrough(anthropic, anthropicTiming);
servers.stdin.end();
await once(servers, 'exit');

const stats = (name: string, values: number[]) => ({ name, p50: percentile(values, 50), p95: percentile(values, 95) });
printTable(`Provider layer per turn (a streamed question and a structured evaluation), ${TURNS} turns each (ms)`, [
  stats('openai SDK: network and server (baseline)', viaOpenAi.network),
  stats('openai SDK: the layer itself (wall)', viaOpenAi.layer),
  stats('openai SDK: layer + HTTP client (CPU)', viaOpenAi.cpu),
  stats('anthropic SDK: network and server', viaAnthropic.network),
  stats('anthropic SDK: the layer itself (wall)', viaAnthropic.layer),
  stats('anthropic SDK: layer + HTTP client (CPU)', viaAnthropic.cpu),
]);
const worst = (key: 'layer' | 'cpu') => Math.max(percentile(viaOpenAi[key], 95), percentile(viaAnthropic[key], 95)).toFixed(2);
console.log(`layer p95, worse of the two: ${worst('layer')} ms wall (aim < 5 ms), ${worst('cpu')} ms CPU with the HTTP client; ratio layer/network p95 (openai, wall): ${(percentile(viaOpenAi.layer, 95) / percentile(viaOpenAi.network, 95)).toFixed(2)}x`);

/**
 * The loopback model servers of bench/provider-overhead.bench.ts, in a process of their own, so
 * that the CPU time the bench measures is the provider layer's alone. Prints one line, READY
 * and the servers' URLs as JSON, and runs until its stdin closes.
 */
import { startAnthropicMessagesServer } from '../tests/support/llm/anthropic-messages-server';
import { EVALUATION, MODEL_QUESTION } from '../tests/support/llm/interview-model-replies';
import { startOpenAiChatServer } from '../tests/support/llm/openai-chat-server';
import { isEvaluationRequest } from '../tests/support/model-interview-host';

const chat = await startOpenAiChatServer((request) => ({ text: isEvaluationRequest(request) ? JSON.stringify(EVALUATION) : MODEL_QUESTION(1) }));
const messages = await startAnthropicMessagesServer((request) => (request.body.tool_choice ? { toolInput: EVALUATION } : { text: MODEL_QUESTION(1) }));
// The bench reads nothing it does not need: forget what was received.
setInterval(() => {
  chat.received.length = 0;
  messages.received.length = 0;
}, 1_000).unref();
console.log(`READY ${JSON.stringify({ chat: chat.baseURL, messages: messages.baseURL })}`);
process.stdin.resume();
process.stdin.on('end', () => void Promise.all([chat.close(), messages.close()]).then(() => process.exit(0)));

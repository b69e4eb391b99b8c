import type { ChatReply, ChatRequest } from './openai-chat-server';
import type { MessagesReply, MessagesRequest } from './anthropic-messages-server';

/**
 * What a model server says during a whole interview, in the real wire formats: a question for
 * a question request, an evaluation object for an evaluation request (strict json_schema,
 * a forced tool, or JSON inside prose for a server without structured output). Questions are
 * numbered so a test can see they came from the model.
 */
export const MODEL_QUESTION = (n: number) => `Model question ${n}: how would you design the retry policy for a payments API?`;

export const EVALUATION = {
  score: 6,
  feedback: 'You said "retry with backoff", which is the core of it.',
  strengths: ['Named exponential backoff.'],
  weaknesses: ['No word on idempotency keys.'],
  suggestions: ['Say how a retried request is made safe.'],
  missedConcepts: ['idempotency keys'],
};

const isEvaluation = (text: string): boolean => text.includes('Evaluate the candidate');

/** Settings → Test connection's request (providers/llm/connection/connection-probe.ts). */
export const isConnectionTest = (request: ChatRequest): boolean => request.body.messages?.at(-1)?.content.startsWith('What colour is a clear daytime sky?') ?? false;

export function chatReplies(style: 'json_schema' | 'prose' = 'json_schema'): (request: ChatRequest) => ChatReply {
  let questions = 0;
  return (request) => {
    const last = request.body.messages?.at(-1)?.content ?? '';
    // A server with structured output answers the test's schema; one without answers in words.
    if (isConnectionTest(request)) return { text: style === 'json_schema' && request.body.response_format ? '{"colour":"blue"}' : 'Blue.' };
    if (isEvaluation(last)) return { text: style === 'prose' ? `Here is my evaluation:\n\`\`\`json\n${JSON.stringify(EVALUATION)}\n\`\`\`` : JSON.stringify(EVALUATION) };
    questions += 1;
    return { text: MODEL_QUESTION(questions) };
  };
}

export function messagesReplies(): (request: MessagesRequest) => MessagesReply {
  let questions = 0;
  return (request) => {
    if (request.body.tool_choice?.name === 'connection_test') return { toolInput: { colour: 'blue' } };
    if (request.body.tool_choice) return { toolInput: EVALUATION };
    questions += 1;
    return { text: MODEL_QUESTION(questions) };
  };
}

import type { InterviewConfig } from '../../src/shared/protocol';
import { startTestHost, TestClient, type HostFixture } from './host-fixture';
import { EVALUATION } from './llm/interview-model-replies';
import { startOpenAiChatServer, type ChatReply, type ChatRequest, type ChatServer } from './llm/openai-chat-server';

/**
 * The real host with an OpenAI-compatible loopback server chosen as the interviewer, and a
 * client that notes when each frame arrived (performance.now(), the same clock as the
 * server's timeline), for the tests of streamed questions, cancellation and preparation in
 * parallel (issue #10).
 */
export interface ModelInterviewHost {
  fixture: HostFixture;
  server: ChatServer;
  client: TestClient;
  /** Every frame received, in order, with its arrival time. */
  timed: { frame: Record<string, unknown>; at: number }[];
  start(config?: Partial<InterviewConfig>): Promise<{ interviewId: string; question: Record<string, unknown> }>;
  /** Answers the current question and waits for the next one (or the end). */
  answer(questionId: string, text: string): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

export const isEvaluationRequest = (request: ChatRequest): boolean => (request.body.messages?.at(-1)?.content ?? '').includes('Evaluate the candidate');
export const evaluationReply = (extra: Partial<Extract<ChatReply, { text: string }>> = {}): ChatReply => ({ text: JSON.stringify(EVALUATION), ...extra });

export async function startModelInterviewHost(reply: (request: ChatRequest, index: number) => ChatReply): Promise<ModelInterviewHost> {
  const server = await startOpenAiChatServer(reply);
  const fixture = await startTestHost({ fetch: () => Promise.reject(new Error('no downloads in this test')) });
  const client = await TestClient.open(fixture.host.ws);
  const timed: ModelInterviewHost['timed'] = [];
  client.socket.on('message', (data, isBinary) => {
    if (!isBinary) timed.push({ frame: JSON.parse(data.toString()) as Record<string, unknown>, at: performance.now() });
  });
  await client.call('settings.set', {
    interviewer: { provider: 'openai-compatible', model: 'local', baseUrl: server.origin, capabilities: { structuredOutput: 'json_schema', contextTokens: 32_000, textField: 'content' } },
  });
  const nextQuestion = () => client.next((frame) => frame.type === 'question' || frame.type === 'interview_complete', 60_000);
  return {
    fixture,
    server,
    client,
    timed,
    async start(config = {}) {
      client.send({ type: 'start', config: { track: 'backend', mode: 'text', length: 'quick', ...config } });
      const started = await client.next((frame) => frame.type === 'session_started', 30_000);
      return { interviewId: started.interviewId as string, question: await nextQuestion() };
    },
    async answer(questionId, text) {
      client.send({ type: 'text_answer', questionId, text });
      return nextQuestion();
    },
    async stop() {
      client.close();
      await fixture.stop();
      await server.close();
    },
  };
}

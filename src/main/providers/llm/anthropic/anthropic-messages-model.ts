import type { MessageCreateParamsNonStreaming, RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';
import type { LanguageModel, ModelCapabilities, ModelRequest } from '../language-model';
import { modelError } from '../model-error';
import { toTextStream } from '../reply-stream';
import { ANTHROPIC_SERVICE, createAnthropicClient } from './anthropic-client';
import { fromAnthropicError } from './anthropic-error-mapping';
import { portableSchema } from '../portable-schema';
import type { Tool } from '@anthropic-ai/sdk/resources/messages';

export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface AnthropicMessagesOptions {
  apiKey: string;
  /** Only tests and proxies set it. */
  baseURL?: string | undefined;
  model: string;
  capabilities: ModelCapabilities;
  timeoutMs: number;
  fetch?: FetchFunction | undefined;
}

const SERVICE = ANTHROPIC_SERVICE;

/**
 * Claude through the Messages API (`@anthropic-ai/sdk`): text streamed from
 * content_block_delta events; structured output as a forced tool call, whose input is the object
 * (its schema without validation keywords: Claude rejects `minimum`/`maximum` in tool schemas).
 */
export function createAnthropicMessagesModel(options: AnthropicMessagesOptions): LanguageModel {
  const { model, capabilities } = options;
  const client = createAnthropicClient(options);
  const base = (request: ModelRequest) => ({
    model,
    max_tokens: request.maxTokens,
    system: request.system,
    messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
  });

  return {
    provider: 'anthropic',
    model,
    service: SERVICE,
    capabilities,

    streamText(request) {
      return toTextStream(async function* () {
        let stream;
        try {
          stream = await client.messages.create({ ...base(request), stream: true }, { signal: request.signal });
        } catch (error) {
          throw fromAnthropicError(error, SERVICE, request.signal);
        }
        let inputTokens = 0;
        try {
          for await (const event of stream as AsyncIterable<RawMessageStreamEvent>) {
            if (event.type === 'message_start') inputTokens = event.message.usage.input_tokens;
            else if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') yield { text: event.delta.text };
            else if (event.type === 'message_delta') yield { usage: { inputTokens, outputTokens: event.usage.output_tokens } };
          }
        } catch (error) {
          throw fromAnthropicError(error, SERVICE, request.signal, true);
        }
      }, SERVICE);
    },

    async structured(request, output) {
      const body: MessageCreateParamsNonStreaming = {
        ...base(request),
        tools: [{ name: output.name, description: output.description, input_schema: portableSchema(output.schema) as Tool.InputSchema }],
        tool_choice: { type: 'tool', name: output.name },
      };
      let message: unknown;
      try {
        message = await client.messages.create(body, { signal: request.signal });
      } catch (error) {
        throw fromAnthropicError(error, SERVICE, request.signal);
      }
      const content = (message as { content?: unknown }).content;
      const call = Array.isArray(content) ? content.find((block: { type?: string; name?: string }) => block?.type === 'tool_use' && block.name === output.name) : undefined;
      const input: unknown = call?.input;
      if (typeof input !== 'object' || input === null) throw modelError('BAD_RESPONSE', SERVICE);
      const usage = (message as { usage?: { input_tokens?: number; output_tokens?: number } }).usage;
      return { value: input, usage: { inputTokens: usage?.input_tokens ?? 0, outputTokens: usage?.output_tokens ?? 0 } };
    },
  };
}

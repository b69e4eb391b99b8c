import type { ChatCompletionChunk, ChatCompletionCreateParamsNonStreaming, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { createOpenAiClient, type FetchFunction } from '../../openai-client';
import { extractJsonObject } from '../json-reply';
import type { LanguageModel, ModelCapabilities, ModelRequest, OutputSchema, TokenUsage } from '../language-model';
import { modelError } from '../model-error';
import { openAiEndpoint, tokenLimit } from './openai-endpoint';
import { fromOpenAiError } from './openai-error-mapping';
import { toTextStream } from '../reply-stream';

export type { FetchFunction };

export interface OpenAiChatOptions {
  /** OpenAI itself, or a server speaking its chat completions API (Ollama, LM Studio, llama.cpp server, vLLM). */
  kind: 'openai' | 'openai-compatible';
  apiKey?: string | undefined;
  /** Required for a compatible server; for OpenAI only tests and proxies set it. */
  baseURL?: string | undefined;
  model: string;
  capabilities: ModelCapabilities;
  /** Per request. Retries are the caller's (model-retries.ts), so the SDK makes none. */
  timeoutMs: number;
  /** STYLE.md §4: tests point the real client at a loopback server through this. */
  fetch?: FetchFunction | undefined;
}

/** Chat completions through the `openai` SDK, for OpenAI and every compatible server. */
export function createOpenAiChatModel(options: OpenAiChatOptions): LanguageModel {
  const { baseURL, service } = openAiEndpoint(options.kind, options.baseURL);
  const { capabilities, model } = options;
  const client = createOpenAiClient({ apiKey: options.apiKey, baseURL, timeoutMs: options.timeoutMs, fetch: options.fetch });

  const messagesOf = (request: ModelRequest, system = request.system): ChatCompletionMessageParam[] => [
    { role: 'system', content: system },
    ...request.messages.map((m) => ({ role: m.role, content: m.content })),
  ];
  const limit = (maxTokens: number) => tokenLimit(options.kind, maxTokens);
  const textOf = (part: { content?: string | null; reasoning_content?: string | null } | undefined): string =>
    (capabilities.textField === 'reasoning_content' ? part?.reasoning_content : part?.content) ?? '';

  return {
    provider: options.kind,
    model,
    service,
    capabilities,

    streamText(request) {
      return toTextStream(async function* () {
        let stream;
        try {
          stream = await client.chat.completions.create(
            { model, messages: messagesOf(request), ...limit(request.maxTokens), stream: true, stream_options: { include_usage: true } },
            { signal: request.signal },
          );
        } catch (error) {
          throw fromOpenAiError(error, service, request.signal);
        }
        try {
          for await (const chunk of stream as AsyncIterable<ChatCompletionChunk>) {
            if (chunk.usage) yield { usage: { inputTokens: chunk.usage.prompt_tokens, outputTokens: chunk.usage.completion_tokens } };
            const text = textOf(chunk.choices?.[0]?.delta as Parameters<typeof textOf>[0]);
            if (text) yield { text };
          }
        } catch (error) {
          throw fromOpenAiError(error, service, request.signal, true);
        }
      }, service);
    },

    async structured(request, output) {
      const body: ChatCompletionCreateParamsNonStreaming = { model, messages: messagesOf(request, withSchema(request.system, output, capabilities.structuredOutput)), ...limit(request.maxTokens) };
      if (capabilities.structuredOutput === 'json_schema') body.response_format = { type: 'json_schema', json_schema: { name: output.name, description: output.description, schema: output.schema, strict: true } };
      else if (capabilities.structuredOutput === 'json_object') body.response_format = { type: 'json_object' };
      let completion: unknown;
      try {
        completion = await client.chat.completions.create(body, { signal: request.signal });
      } catch (error) {
        throw fromOpenAiError(error, service, request.signal);
      }
      const reply = replyOf(completion);
      // A 200 whose body is an error, or no choices at all, is not a reply.
      if (!reply) throw modelError('BAD_RESPONSE', service);
      const value = extractJsonObject(textOf(reply.message));
      if (value === undefined) throw modelError('BAD_RESPONSE', service);
      return { value, usage: reply.usage };
    },
  };
}

/** Without native schema output the schema goes into the instructions. */
function withSchema(system: string, output: OutputSchema, kind: ModelCapabilities['structuredOutput']): string {
  if (kind === 'json_schema') return system;
  return `${system}\n\nReply with one JSON object and nothing else. It must match this JSON schema:\n${JSON.stringify(output.schema)}`;
}

function replyOf(completion: unknown): { message: { content?: string | null; reasoning_content?: string | null }; usage: TokenUsage } | undefined {
  if (typeof completion !== 'object' || completion === null) return undefined;
  const { choices, usage } = completion as { choices?: { message?: { content?: string | null } }[]; usage?: { prompt_tokens?: number; completion_tokens?: number } };
  const message = Array.isArray(choices) ? choices[0]?.message : undefined;
  if (!message) return undefined;
  return { message, usage: { inputTokens: usage?.prompt_tokens ?? 0, outputTokens: usage?.completion_tokens ?? 0 } };
}

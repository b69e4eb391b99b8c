/**
 * The wire contract every model adapter implements (DESIGN.md §8): stream a text reply, and
 * produce an object for a JSON schema. Adapters know their API and nothing of interviews;
 * what is said and judged lives in src/main/interviewer/.
 */
export type ModelProvider = 'openai' | 'anthropic' | 'openai-compatible' | 'on-device';

/** How a model can be made to answer in a given JSON shape. */
export type StructuredOutputKind = 'json_schema' | 'tool' | 'json_object' | 'none';

/** Declared (or detected once and stored), never guessed per call. */
export interface ModelCapabilities {
  structuredOutput: StructuredOutputKind;
  streaming: boolean;
  /** The model's context window, in tokens. */
  contextTokens: number;
  /** Where the reply's text arrives: some local reasoning servers put it all in `reasoning_content`. */
  textField: 'content' | 'reasoning_content';
}

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

export interface ModelRequest {
  system: string;
  messages: readonly ChatMessage[];
  maxTokens: number;
  /** Pause and end cancel in-flight calls. */
  signal?: AbortSignal | undefined;
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

/** A JSON schema for structured output, with a name the APIs require. */
export interface OutputSchema {
  name: string;
  description: string;
  schema: Record<string, unknown>;
  /** The full schema with lengths and ranges, for decoders that enforce it as a grammar (the embedded model of §10). */
  grammar?: Record<string, unknown>;
}

export interface TextStream {
  /** Text as it is generated, in order; ends when the reply does. */
  deltas: AsyncIterable<string>;
  /** The whole reply and its usage, once the stream has ended; rejects as the stream does. */
  done: Promise<{ text: string; usage: TokenUsage }>;
}

export interface LanguageModel {
  readonly provider: ModelProvider;
  readonly model: string;
  /** For sentences the user reads: "OpenAI", "Anthropic", "the model server at 127.0.0.1:11434". */
  readonly service: string;
  readonly capabilities: ModelCapabilities;
  streamText(request: ModelRequest): TextStream;
  /** The parsed JSON value (unvalidated: callers validate with zod and check ranges). */
  structured(request: ModelRequest, output: OutputSchema): Promise<{ value: unknown; usage: TokenUsage }>;
  /** Frees what the model holds (the embedded model's process and memory); API clients hold nothing. */
  close?(): void;
}

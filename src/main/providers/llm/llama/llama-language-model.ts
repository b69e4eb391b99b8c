import type { LanguageModel, ModelCapabilities, ModelRequest } from '../language-model';
import { ModelError, modelError } from '../model-error';
import { toTextStream, type ReplyPart } from '../reply-stream';
import { checkGgufFile } from './gguf-header';
import { DEFAULT_GRAMMAR_LIMITS, grammarSchema, type GrammarLimits } from './grammar-schema';
import { createLlamaChild, type LlamaChild, type LlamaChildOptions } from './llama-child';

export const ON_DEVICE_SERVICE = 'the model on this computer';

/**
 * What the conversation is planned for: enough for the interview's prompts, and a real 2 GB
 * model's cache at 4,096 tokens stays near half a gigabyte. A catalog entry may run a larger
 * context as headroom for a tokenizer that needs more tokens than the estimate.
 */
export const DEFAULT_CONTEXT_TOKENS = 4_096;

export interface LlamaModelOptions extends Omit<LlamaChildOptions, 'contextSize' | 'modelPath'> {
  /**
   * The GGUF file to load and the context to run it with, read before each request so a model
   * removed in Settings is never loaded again; undefined when none is installed.
   */
  modelFile: () => Promise<{ file: string; contextTokens?: number } | undefined>;
  /** The model's name for the report (its catalog id). */
  model: string;
  grammarLimits?: GrammarLimits;
  /** For tests: a seed per request makes a random model's replies repeatable. */
  seed?: () => number;
}


/**
 * The embedded model (DESIGN.md §10) behind the same contract as the API adapters, so the
 * model interviewer and its failover work unchanged. Evaluation is constrained by a JSON-schema
 * grammar, so "structured output" is native here. The file's header is checked before the
 * child first loads it; a file that fails the check never reaches llama.cpp.
 */
export function createLlamaLanguageModel(options: LlamaModelOptions): LanguageModel & { close(): void } {
  const capabilities: ModelCapabilities = { structuredOutput: 'json_schema', streaming: true, contextTokens: DEFAULT_CONTEXT_TOKENS, textField: 'content' };
  let current: { path: string; child: Promise<LlamaChild> } | undefined;

  /** The child for the installed file, its header checked once per file before llama.cpp sees it. */
  const childFor = async (): Promise<LlamaChild> => {
    const installed = await options.modelFile();
    if (!installed) throw new ModelError('NOT_CONFIGURED', 'No interviewer model is downloaded yet: download one in Settings, or choose another interviewer.');
    const path = installed.file;
    const contextSize = Math.max(installed.contextTokens ?? 0, DEFAULT_CONTEXT_TOKENS);
    if (current?.path !== path) {
      void current?.child.then((old) => old.close(), () => undefined);
      const child = checkGgufFile(path).then((check) => {
        if (!check.ok) throw new ModelError('BAD_REQUEST', `The downloaded interviewer model cannot be used: ${check.problem}. Download it again in Settings.`);
        return createLlamaChild({ ...options, modelPath: path, contextSize });
      });
      current = { path, child };
      // A re-downloaded or repaired file is checked afresh.
      child.catch(() => current?.child === child && (current = undefined));
    }
    return current.child;
  };

  const base = (request: ModelRequest) => ({ system: request.system, messages: request.messages, maxTokens: request.maxTokens, ...(options.seed ? { seed: options.seed() } : {}) });

  return {
    provider: 'on-device',
    model: options.model,
    service: ON_DEVICE_SERVICE,
    capabilities,

    streamText(request) {
      return toTextStream(async function* (): AsyncGenerator<ReplyPart> {
        const child = await childFor();
        const parts: ReplyPart[] = [];
        let wake: (() => void) | undefined;
        let ended = false;
        const push = (part: ReplyPart): void => {
          parts.push(part);
          wake?.();
        };
        const reply = child.request({ kind: 'text', ...base(request) }, request.signal, (text) => push({ text })).then(({ usage }) => push({ usage }));
        reply.catch(() => undefined).finally(() => {
          ended = true;
          wake?.();
        });
        while (true) {
          const part = parts.shift();
          if (part) {
            yield part;
            continue;
          }
          if (ended) break;
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
        }
        await reply;
      }, ON_DEVICE_SERVICE);
    },

    async structured(request, output) {
      const child = await childFor();
      const budget = { maxTokens: request.maxTokens, charsPerToken: await child.charsPerToken() };
      const schema = grammarSchema(output.grammar ?? output.schema, options.grammarLimits ?? DEFAULT_GRAMMAR_LIMITS, budget);
      const { text, usage } = await child.request({ kind: 'structured', ...base(request), schema }, request.signal);
      try {
        return { value: JSON.parse(text) as unknown, usage };
      } catch {
        // The grammar makes every complete reply valid JSON: this one was cut by its token limit.
        throw modelError('BAD_RESPONSE', ON_DEVICE_SERVICE);
      }
    },

    close() {
      void current?.child.then((child) => child.close(), () => undefined);
      current = undefined;
    },
  };
}

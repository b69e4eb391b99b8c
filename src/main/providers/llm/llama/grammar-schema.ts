/**
 * The JSON schema given to node-llama-cpp's createGrammarForJsonSchema (issue #12). The grammar
 * honours lengths and item counts but ignores `minimum`/`maximum`, so a bounded number becomes
 * an enum of half points (the scale scores are rounded to anyway) and cannot leave its range.
 * Lengths and counts are capped lower than the schema allows: a small model on a laptop CPU
 * writes a few tokens a second, and a short evaluation that arrives beats a long one that times
 * out. With a token budget, every string is shortened further so that the longest reply the
 * grammar allows still fits the reply's token limit: a reply cut off is no JSON at all.
 * Keywords the grammar does not know are dropped.
 */
export interface GrammarLimits {
  maxStringLength: number;
  maxItems: number;
}

export const DEFAULT_GRAMMAR_LIMITS: GrammarLimits = { maxStringLength: 300, maxItems: 3 };

const KEPT = new Set(['type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'const', 'anyOf', 'oneOf', 'minLength', 'minItems']);
/** More half points than this and the range is left to the check after parsing. */
const MAX_ENUM_STEPS = 40;

export interface TokenBudget {
  maxTokens: number;
  /** Of the model's tokenizer, for prose; escapes and rare characters take more tokens, hence the margin below. */
  charsPerToken: number;
}

/** Share of the budget strings may fill; the rest is keys, punctuation and escapes. */
const STRING_SHARE = 0.5;
const MIN_STRING_LENGTH = 8;

export function grammarSchema(schema: Record<string, unknown>, limits: GrammarLimits = DEFAULT_GRAMMAR_LIMITS, budget?: TokenBudget): Record<string, unknown> {
  const first = convert(schema, limits);
  if (!budget) return first as Record<string, unknown>;
  const slots = stringSlots(first);
  if (slots === 0) return first as Record<string, unknown>;
  const fitting = Math.floor((budget.maxTokens * STRING_SHARE * budget.charsPerToken) / slots);
  return convert(schema, { ...limits, maxStringLength: Math.max(MIN_STRING_LENGTH, Math.min(limits.maxStringLength, fitting)) }) as Record<string, unknown>;
}

/** How many strings the longest allowed reply holds: each array repeats its item up to maxItems times. */
function stringSlots(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  const schema = value as Record<string, unknown>;
  if (schema.type === 'string') return 1;
  if (schema.type === 'array') return (typeof schema.maxItems === 'number' ? schema.maxItems : 1) * stringSlots(schema.items);
  const inner = [...Object.values((schema.properties as Record<string, unknown> | undefined) ?? {}), ...((schema.anyOf as unknown[] | undefined) ?? []), ...((schema.oneOf as unknown[] | undefined) ?? [])];
  return inner.reduce<number>((sum, field) => sum + stringSlots(field), 0);
}

function convert(value: unknown, limits: GrammarLimits): unknown {
  if (Array.isArray(value)) return value.map((item) => convert(item, limits));
  if (typeof value !== 'object' || value === null) return value;
  const schema = value as Record<string, unknown>;
  const { minimum, maximum } = schema;
  if ((schema.type === 'number' || schema.type === 'integer') && typeof minimum === 'number' && typeof maximum === 'number') {
    const step = schema.type === 'integer' ? 1 : 0.5;
    const steps = Math.floor((maximum - minimum) / step);
    if (steps >= 0 && steps <= MAX_ENUM_STEPS) return { enum: Array.from({ length: steps + 1 }, (_, i) => minimum + i * step) };
  }
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(schema)) {
    if (key === 'properties' && typeof inner === 'object' && inner !== null) {
      out.properties = Object.fromEntries(Object.entries(inner).map(([name, field]) => [name, convert(field, limits)]));
    } else if (KEPT.has(key)) out[key] = convert(inner, limits);
  }
  if (schema.type === 'string') out.maxLength = Math.min(typeof schema.maxLength === 'number' ? schema.maxLength : Infinity, limits.maxStringLength);
  if (schema.type === 'array') out.maxItems = Math.min(typeof schema.maxItems === 'number' ? schema.maxItems : Infinity, limits.maxItems);
  return out;
}

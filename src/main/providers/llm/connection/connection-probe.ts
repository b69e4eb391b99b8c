import type { OutputSchema } from '../language-model';

/**
 * The one tiny request Test connection sends (issue #10). The prompt does not describe the
 * JSON shape: only the schema sent as native structured output does. A server that honours
 * the schema answers `{"colour": "blue"}`; one that ignores it answers in words, which is how
 * the test tells "supports json_schema" from "the model happened to write JSON".
 */
export const PROBE_PROMPT = 'What colour is a clear daytime sky? Answer in one word.';

export const PROBE_OUTPUT: OutputSchema = {
  name: 'connection_test',
  description: 'A one-word answer.',
  schema: { type: 'object', properties: { colour: { type: 'string' } }, required: ['colour'], additionalProperties: false },
};

/** Room for a reasoning model to think before its one word; others stop after a few tokens. */
export const PROBE_MAX_TOKENS = 600;

/** Whether a structured reply is the object the schema asked for. */
export function answersProbe(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const colour = (value as { colour?: unknown }).colour;
  return typeof colour === 'string' && colour.trim() !== '';
}

/** How long a test may wait: a local server may first have to load the model into memory. */
export const PROBE_TIMEOUT_MS = { openai: 20_000, anthropic: 20_000, 'openai-compatible': 60_000 } as const;

import type { Tool } from '@anthropic-ai/sdk/resources/messages';

/**
 * A JSON schema as Claude's tool input_schema accepts it: Claude rejects numeric range
 * keywords (`minimum`, `maximum` and the exclusive ones) in tool schemas, so they are removed
 * here, at every depth; the ranges are checked in code after validation anyway.
 */
const REJECTED = new Set(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum']);

export function toolInputSchema(schema: Record<string, unknown>): Tool.InputSchema {
  return withoutRanges(schema) as Tool.InputSchema;
}

function withoutRanges(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutRanges);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      // Under `properties` the keys are field names, which may be called "minimum".
      .filter(([key]) => !REJECTED.has(key))
      .map(([key, inner]) => [key, key === 'properties' ? mapValues(inner) : withoutRanges(inner)]),
  );
}

const mapValues = (properties: unknown): unknown =>
  typeof properties === 'object' && properties !== null ? Object.fromEntries(Object.entries(properties).map(([name, schema]) => [name, withoutRanges(schema)])) : properties;

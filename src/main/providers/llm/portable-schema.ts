/**
 * A JSON schema every structured-output API accepts: the shape only (types, properties,
 * required fields, items, enums, descriptions). Validation keywords differ per API (OpenAI's
 * strict mode rejects string lengths, Claude's tools reject numeric ranges, small local servers
 * choke on `$schema`), and the reply is validated with zod in code anyway.
 */
const SHAPE_KEYWORDS = new Set(['type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'description', 'anyOf']);

export function portableSchema(schema: Record<string, unknown>): Record<string, unknown> {
  return shapeOnly(schema) as Record<string, unknown>;
}

function shapeOnly(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOnly);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => SHAPE_KEYWORDS.has(key))
      .map(([key, inner]) => [key, key === 'properties' ? eachProperty(inner) : shapeOnly(inner)]),
  );
}

// Under `properties` the keys are field names (a field may be called "type").
const eachProperty = (properties: unknown): unknown =>
  typeof properties === 'object' && properties !== null ? Object.fromEntries(Object.entries(properties).map(([name, schema]) => [name, shapeOnly(schema)])) : properties;

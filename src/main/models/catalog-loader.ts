import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ModelCatalog } from './catalog-schema';

/**
 * Validates a catalog. An invalid catalog stops the start with the first problem's location,
 * because shipping a broken catalog is a build error, not a user's problem (as with the
 * question banks in interviewer/track-catalog.ts).
 */
export function parseModelCatalog(raw: unknown, origin = 'model catalog'): ModelCatalog {
  const parsed = ModelCatalog.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${origin} is invalid at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`);
  }
  return parsed.data;
}

/** Reads `<resourcesDir>/models/catalog.json`. */
export function loadModelCatalog(resourcesDir: string): ModelCatalog {
  const path = join(resourcesDir, 'models', 'catalog.json');
  return parseModelCatalog(JSON.parse(readFileSync(path, 'utf8')) as unknown, 'models/catalog.json');
}

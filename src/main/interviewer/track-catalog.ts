import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TrackSummary } from '../../shared/protocol';
import { QuestionBankFile } from './question-bank-schema';

export interface TrackCatalog {
  list(): TrackSummary[];
  get(trackId: string): QuestionBankFile | undefined;
}

/**
 * Loads every question bank once at start. A bank that fails its schema stops the start with
 * the file's name, because shipping a broken bank is a build error, not a user's problem.
 */
export function loadTrackCatalog(resourcesDir: string): TrackCatalog {
  const dir = join(resourcesDir, 'question-banks');
  const banks = new Map<string, QuestionBankFile>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const parsed = QuestionBankFile.safeParse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`question bank ${name} is invalid at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`);
    }
    if (`${parsed.data.id}.json` !== name) {
      throw new Error(`question bank ${name} declares id "${parsed.data.id}"`);
    }
    banks.set(parsed.data.id, parsed.data);
  }
  return {
    list: () =>
      [...banks.values()].map((bank) => ({
        id: bank.id,
        title: bank.title,
        description: bank.description,
        questionCount: bank.questions.length,
      })),
    get: (trackId) => banks.get(trackId),
  };
}

import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RESOURCES_DIR } from '../../../tests/support/paths';
import { makeTempDir } from '../../../tests/support/temp-dir';
import { initialSnapshot } from '../engine/assessment-rules';
import { migrate, openDatabase, type AppDatabase } from './database';
import { createInterviewRepository } from './interview-repository';

/**
 * Issue #9, fault 16 (History): a search shows where it matched, with the matched words
 * marked, and a search with nothing searchable in it finds nothing instead of everything.
 */
let temp: ReturnType<typeof makeTempDir>;
let db: AppDatabase;
let repository: ReturnType<typeof createInterviewRepository>;

const IDEMPOTENT =
  'I have built payment APIs for five years. An operation is idempotent when repeating it has the same effect as doing it once, ' +
  'so for retries after a timeout we send an idempotency key with every charge, and the server stores the first result for a day.';

function interviewWith(id: string, text: string, startedAt: string): void {
  const turnId = `${id}-t1`;
  repository.create(
    { id, config: { track: 'backend', mode: 'text' }, snapshot: { ...initialSnapshot(), currentTurnId: turnId }, startedAt },
    { id: turnId, index: 1, phase: 'warmup', difficulty: 'easy', followUp: false, parentTurnId: null, sourceId: 'q1', questionText: 'Question?', askedAt: startedAt },
  );
  repository.recordAnswer({ id: `${id}-a1`, turnId, text, transcript: null, answeredAt: startedAt });
}

beforeEach(() => {
  temp = makeTempDir('history-search');
  db = openDatabase(join(temp.path, 'interviews.sqlite'));
  migrate(db, join(RESOURCES_DIR, 'migrations'));
  repository = createInterviewRepository(db);
  interviewWith('i1', IDEMPOTENT, '2026-01-01T00:00:00.000Z');
  interviewWith('i2', 'I would add an index on the customer id column; it made the report 50% faster.', '2026-01-02T00:00:00.000Z');
  repository.flushSearchIndex();
});
afterEach(() => {
  db.$client.close();
  temp.remove();
});

const search = (query: string) => repository.list({ limit: 10, offset: 0, query });

describe('History search', () => {
  it('gives each match a snippet of the answer with the matched words highlighted', () => {
    const [found, ...others] = search('idempot');
    expect(others).toEqual([]);
    expect(found!.id).toBe('i1');
    const snippet = found!.snippet!;
    const marked = snippet.filter((part) => part.highlight).map((part) => part.text);
    expect(marked.length).toBeGreaterThan(0);
    for (const word of marked) expect(word).toMatch(/^idempoten(t|cy)$/);
    const text = snippet.map((part) => part.text).join('');
    expect(IDEMPOTENT).toContain(text.replace(/^…|…$/g, ''));
    expect(text.length).toBeLessThan(IDEMPOTENT.length);
  });

  it('shows no snippet when nothing was searched for', () => {
    expect(repository.list({ limit: 10, offset: 0 }).map((interview) => [interview.id, interview.snippet])).toEqual([
      ['i2', undefined],
      ['i1', undefined],
    ]);
  });

  it('finds nothing, not everything, for a search with no letters or numbers', () => {
    expect(search('%')).toEqual([]);
    expect(search('🚀')).toEqual([]);
    expect(search('%%% ***')).toEqual([]);
  });

  it('reads % as a character, never as a wildcard', () => {
    // The index keeps words and numbers only: "50%" is a search for "50".
    expect(search('50%').map((interview) => interview.id)).toEqual(['i2']);
    expect(search('in%x')).toEqual([]);
  });
});

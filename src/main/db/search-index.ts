import type { AppDatabase } from './database';

/**
 * Keeps `transcript_search` (FTS5) up to date with new answers, off the turn's hot path:
 * answers are queued as they are saved and indexed together on the next turn of the event
 * loop, after the next question has gone out. At start, answers a crash left unindexed are
 * caught up, so search never misses one for long.
 */
export interface SearchIndexer {
  schedule(answerId: string): void;
  /** Indexes everything queued now (before closing the database, and in tests). */
  flush(): void;
  /** Indexes every answer that is not in the index yet. */
  catchUp(): number;
}

const BODY = "coalesce(a.text, '') || ' ' || coalesce(a.transcript, '')";

export function createSearchIndexer(db: AppDatabase): SearchIndexer {
  const client = db.$client;
  const indexOne = client.prepare(
    `INSERT OR IGNORE INTO transcript_search (rowid, interview_id, body)
     SELECT a.rowid, t.interview_id, ${BODY} FROM answers a JOIN turns t ON t.id = a.turn_id
     WHERE a.id = ? AND NOT EXISTS (SELECT 1 FROM transcript_search s WHERE s.rowid = a.rowid)`,
  );
  const indexAll = client.transaction((ids: string[]) => ids.forEach((id) => indexOne.run(id)));
  const catchUp = client.prepare(
    `INSERT INTO transcript_search (rowid, interview_id, body)
     SELECT a.rowid, t.interview_id, ${BODY} FROM answers a JOIN turns t ON t.id = a.turn_id
     WHERE NOT EXISTS (SELECT 1 FROM transcript_search s WHERE s.rowid = a.rowid)`,
  );
  let pending: string[] = [];
  let scheduled = false;

  const flush = (): void => {
    scheduled = false;
    if (pending.length === 0 || !client.open) return;
    const ids = pending;
    pending = [];
    indexAll(ids);
  };

  return {
    schedule(answerId) {
      pending.push(answerId);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
    catchUp: () => catchUp.run().changes,
  };
}

import type { SearchSnippet } from '../../shared/protocol';
import { searchTerms } from '../../shared/search/search-terms';
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

/**
 * FTS5 query from what the user typed: each word becomes a quoted prefix term, so punctuation
 * in the search box can never be read as FTS syntax. Undefined when there is no word in it.
 */
export function toFtsQuery(query: string): string | undefined {
  const terms = searchTerms(query);
  return terms.length === 0 ? undefined : terms.map((t) => `"${t}"*`).join(' ');
}

/** Private-use characters mark the matched words in FTS5's snippet(); answers do not contain them. */
const OPEN = '\uE000';
const CLOSE = '\uE001';
/** About a line of text around the best match. */
const SNIPPET_TOKENS = 16;

/** The best-ranked answer of an interview that matches, and its question (to scroll the report to, issue #11). */
export interface SearchMatch {
  snippet: SearchSnippet;
  questionId?: string;
}

/**
 * Where each interview's answers match a search: the best-ranked answer's snippet (FTS5
 * `snippet()`), split into parts with the matched words marked (issue #9).
 */
export function createSnippetReader(db: AppDatabase): (fts: string, interviewIds: string[]) => Map<string, SearchMatch> {
  const statement = db.$client.prepare<[string, string, string, string], { interviewId: string; snippet: string; questionId: string | null }>(
    `SELECT interview_id AS interviewId, snippet(transcript_search, 1, ?, ?, '…', ${SNIPPET_TOKENS}) AS snippet,
            (SELECT turn_id FROM answers WHERE answers.rowid = transcript_search.rowid) AS questionId
     FROM transcript_search
     WHERE transcript_search MATCH ? AND interview_id IN (SELECT value FROM json_each(?))
     ORDER BY rank`,
  );
  return (fts, interviewIds) => {
    const snippets = new Map<string, SearchMatch>();
    if (interviewIds.length === 0) return snippets;
    for (const row of statement.all(OPEN, CLOSE, fts, JSON.stringify(interviewIds))) {
      if (!snippets.has(row.interviewId)) snippets.set(row.interviewId, { snippet: snippetParts(row.snippet), ...(row.questionId ? { questionId: row.questionId } : {}) });
    }
    return snippets;
  };
}

function snippetParts(marked: string): SearchSnippet {
  const parts: SearchSnippet = [];
  let highlight = false;
  for (const piece of marked.split(/([\uE000\uE001])/u)) {
    if (piece === OPEN || piece === CLOSE) highlight = piece === OPEN;
    else if (piece) parts.push({ text: piece, highlight });
  }
  return parts;
}

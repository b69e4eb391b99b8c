import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RESOURCES_DIR } from '../../../tests/support/paths';
import { makeTempDir } from '../../../tests/support/temp-dir';
import { initialSnapshot } from '../engine/assessment-rules';
import type { NewTurn } from '../engine/ports';
import { migrate, openDatabase } from './database';
import { createInterviewRepository } from './interview-repository';
import { toFtsQuery } from './search-index';

const MIGRATIONS = join(RESOURCES_DIR, 'migrations');
let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('db');
});
afterEach(() => temp.remove());

const turn = (id: string, index: number): NewTurn => ({
  id,
  index,
  phase: 'warmup',
  difficulty: 'easy',
  followUp: false,
  parentTurnId: null,
  sourceId: `q${index}`,
  questionText: `Question ${index}?`,
  askedAt: new Date(2026, 0, 1, 0, index).toISOString(),
});
const config = { track: 'backend', mode: 'text' as const };

/** A copy of the migrations folder whose journal stops after the first `count` migrations. */
function migrationsUpTo(count: number): string {
  const dir = join(temp.path, `migrations-${count}`);
  cpSync(MIGRATIONS, dir, { recursive: true });
  const journalFile = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }));
  return dir;
}

describe('migrations', () => {
  it('create every table on an empty file, in WAL mode with foreign keys on', () => {
    const db = openDatabase(join(temp.path, 'new.sqlite'));
    migrate(db, MIGRATIONS);
    const tables = db.$client.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['answers', 'evaluations', 'interviews', 'turns', 'transcript_search']));
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    migrate(db, MIGRATIONS); // a second run changes nothing
    db.$client.close();
  });

  it('upgrade a file from the previous schema, keeping its data and indexing it for search', () => {
    const file = join(temp.path, 'old.sqlite');
    const old = openDatabase(file);
    migrate(old, migrationsUpTo(1));
    // Rows as the first schema's code wrote them (no search index existed then).
    old.$client.exec(`
      INSERT INTO interviews (id, track, status, config_json, engine_state_json, started_at, updated_at)
        VALUES ('i1', 'backend', 'in_progress', '${JSON.stringify(config)}', '${JSON.stringify({ ...initialSnapshot(), currentTurnId: 't1' })}', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
      INSERT INTO turns (id, interview_id, idx, phase, difficulty, follow_up, source_id, question_text, asked_at)
        VALUES ('t1', 'i1', 1, 'warmup', 'easy', 0, 'q1', 'Question 1?', '2026-01-01T00:00:00.000Z');
      INSERT INTO answers (id, turn_id, text, answered_at) VALUES ('a1', 't1', 'I would add a covering index', '2026-01-01T00:01:00.000Z');
    `);
    old.$client.close();

    const db = openDatabase(file);
    migrate(db, MIGRATIONS);
    const repository = createInterviewRepository(db);
    expect(repository.load('i1')?.turns[0]?.answer?.text).toBe('I would add a covering index');
    expect(repository.list({ limit: 10, offset: 0, query: 'covering' }).map((i) => i.id)).toEqual(['i1']);
    db.$client.close();
  });
});

describe('repository', () => {
  const open = () => {
    const db = openDatabase(join(temp.path, 'repo.sqlite'));
    migrate(db, MIGRATIONS);
    return { db, repository: createInterviewRepository(db) };
  };

  it('rolls back a failed advance completely: no half-written turn or evaluation', () => {
    const { db, repository } = open();
    repository.create({ id: 'i1', config, snapshot: { ...initialSnapshot(), currentTurnId: 't1' }, startedAt: '2026-01-01T00:00:00.000Z' }, turn('t1', 1));
    repository.recordAnswer({ id: 'a1', turnId: 't1', text: 'answer', transcript: null, answeredAt: '2026-01-01T00:01:00.000Z' });
    const evaluation = { score: 7, feedback: 'ok', strengths: [], weaknesses: [], suggestions: [], missedConcepts: [], skillsShown: [] };
    // The next turn reuses index 1, so the insert fails after the evaluation was written.
    expect(() =>
      repository.advance({
        interviewId: 'i1',
        snapshot: { ...initialSnapshot(), currentTurnId: 't2', mainAsked: 1 },
        updatedAt: '2026-01-01T00:02:00.000Z',
        evaluation: { id: 'e1', answerId: 'a1', evaluation, evaluator: 'embedded', evaluatedAt: '2026-01-01T00:02:00.000Z' },
        nextTurn: turn('t2', 1),
      }),
    ).toThrow();
    const count = (table: string): unknown => db.$client.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    expect(count('evaluations')).toBe(0);
    expect(count('turns')).toBe(1);
    expect(repository.load('i1')?.snapshot.currentTurnId).toBe('t1');
    expect(repository.load('i1')?.turns[0]?.answer?.text).toBe('answer');
    db.$client.close();
  });

  it('lists newest first with paging, finds transcripts by words, and deletes everything of an interview', () => {
    const { db, repository } = open();
    for (let i = 1; i <= 3; i += 1) {
      repository.create({ id: `i${i}`, config, snapshot: { ...initialSnapshot(), currentTurnId: `t${i}` }, startedAt: `2026-01-0${i}T00:00:00.000Z` }, turn(`t${i}`, 1));
      repository.recordAnswer({ id: `a${i}`, turnId: `t${i}`, text: i === 2 ? 'Sharding by customer id, then rebalancing' : 'caching', transcript: null, answeredAt: '2026-01-05T00:00:00.000Z' });
    }
    expect(repository.list({ limit: 2, offset: 0 }).map((i) => i.id)).toEqual(['i3', 'i2']);
    expect(repository.list({ limit: 2, offset: 2 }).map((i) => i.id)).toEqual(['i1']);
    repository.flushSearchIndex(); // indexing runs just after each turn; here, at once
    expect(repository.list({ limit: 10, offset: 0, query: 'rebalanc' }).map((i) => i.id)).toEqual(['i2']);
    expect(repository.list({ limit: 10, offset: 0, query: 'SHARD"); --' }).map((i) => i.id)).toEqual(['i2']);
    expect(repository.delete('i2')).toBe(true);
    expect(repository.delete('i2')).toBe(false);
    expect(repository.list({ limit: 10, offset: 0, query: 'rebalancing' })).toEqual([]);
    expect(db.$client.prepare('SELECT count(*) FROM answers').pluck().get()).toBe(2);
    db.$client.close();
  });

  it('indexes answers a crash left out of the search index when it opens again', () => {
    const { db, repository } = open();
    repository.create({ id: 'i1', config, snapshot: { ...initialSnapshot(), currentTurnId: 't1' }, startedAt: '2026-01-01T00:00:00.000Z' }, turn('t1', 1));
    repository.recordAnswer({ id: 'a1', turnId: 't1', text: 'consistent hashing ring', transcript: null, answeredAt: '2026-01-01T00:01:00.000Z' });
    expect(repository.list({ limit: 10, offset: 0, query: 'hashing' })).toEqual([]); // the process "dies" before the deferred index ran
    const reopened = createInterviewRepository(db);
    expect(reopened.list({ limit: 10, offset: 0, query: 'hashing' }).map((i) => i.id)).toEqual(['i1']);
    db.$client.close();
  });

  it('gives History and the report the same counts and overall, re-scoring an interview finished under an older rule', () => {
    const { db, repository } = open();
    const at = '2026-01-01T00:00:00.000Z';
    const snapshot = { ...initialSnapshot(), currentTurnId: null };
    const evaluation = (score: number) => ({ score, feedback: 'ok', strengths: [], weaknesses: [], suggestions: [], missedConcepts: [], skillsShown: [] });
    // Main question 6, its follow-up 2, main question 8: the old rule averaged all three (53).
    const turns: NewTurn[] = [turn('t1', 1), { ...turn('t2', 2), followUp: true, parentTurnId: 't1' }, turn('t3', 3)];
    repository.create({ id: 'i1', config, snapshot, startedAt: at }, turns[0]!);
    [6, 2, 8].forEach((score, i) => {
      repository.recordAnswer({ id: `a${i}`, turnId: `t${i + 1}`, text: 'answer', transcript: null, answeredAt: at });
      repository.advance({
        interviewId: 'i1',
        snapshot,
        updatedAt: at,
        evaluation: { id: `e${i}`, answerId: `a${i}`, evaluation: evaluation(score), evaluator: 'embedded', evaluatedAt: at },
        ...(turns[i + 1] ? { nextTurn: turns[i + 1] } : { finish: { status: 'completed' as const, overallScore: 53, completedAt: at } }),
      });
    });
    // §5.1: the follow-up cannot lower question 1 (max(6, 4) = 6), and is not a question: (6 + 8) / 2 → 70.
    const counts = { overallScore: 70, mainQuestions: 2, followUps: 1, skippedQuestions: 0 };
    expect(repository.list({ limit: 10, offset: 0 })).toEqual([expect.objectContaining(counts)]);
    const detail = repository.detail('i1', (path) => path)!;
    expect(detail).toMatchObject(counts);
    expect(detail.turns.map((t) => [t.mainNumber, t.parentNumber, t.countedScore])).toEqual([
      [1, undefined, 6],
      [undefined, 1, undefined],
      [2, undefined, 8],
    ]);
    db.$client.close();
  });

  it('turns search text into safe FTS terms', () => {
    expect(toFtsQuery('  index, "covering"  ')).toBe('"index"* "covering"*');
    expect(toFtsQuery('***')).toBeUndefined();
  });

  it('keeps every committed answer after the process is killed', () => {
    const { repository } = open();
    repository.create({ id: 'i1', config, snapshot: { ...initialSnapshot(), currentTurnId: 't1' }, startedAt: '2026-01-01T00:00:00.000Z' }, turn('t1', 1));
    repository.recordAnswer({ id: 'a1', turnId: 't1', text: 'committed', transcript: null, answeredAt: '2026-01-01T00:01:00.000Z' });
    // No close, no checkpoint: a second connection reads the WAL as a restarted app would.
    const reader = new Database(join(temp.path, 'repo.sqlite'), { readonly: true });
    expect(reader.prepare('SELECT text FROM answers').pluck().get()).toBe('committed');
    reader.close();
  });
});

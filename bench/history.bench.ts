/**
 * Issue #3: history with 5,000 interviews of 15 turns each: the first page of
 * `interviews.list` and a transcript search, each timed over repeated runs.
 * Aim: each under 50 ms.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { migrate, openDatabase } from '../src/main/db/database';
import { createInterviewRepository } from '../src/main/db/interview-repository';
import { interviews as interviewsTable } from '../src/main/db/schema';
import { RESOURCES_DIR } from '../tests/support/paths';
import { makeTempDir } from '../tests/support/temp-dir';
import { percentile, printTable } from './stats';

const INTERVIEWS = 5_000;
const TURNS = 15;
const RUNS = 50;
const WORDS = 'index cache queue shard replica latency throughput retry idempotent transaction lock deadlock partition consumer producer schema migration rollback canary metric trace'.split(' ');

const temp = makeTempDir('bench-history');
const db = openDatabase(join(temp.path, 'interviews.sqlite'));
migrate(db, join(RESOURCES_DIR, 'migrations'));
const repository = createInterviewRepository(db);

const seedStarted = performance.now();
const seed = db.$client.transaction(() => {
  for (let i = 0; i < INTERVIEWS; i += 1) {
    const interviewId = randomUUID();
    const startedAt = new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString();
    const turnIds = Array.from({ length: TURNS }, () => randomUUID());
    const turn = (t: number) => ({ id: turnIds[t]!, index: t + 1, phase: 'standard' as const, difficulty: 'medium' as const, followUp: false, parentTurnId: null, sourceId: `q${t}`, questionText: `Question ${t}?`, askedAt: startedAt });
    repository.create({ id: interviewId, config: { track: 'backend', mode: 'text' }, snapshot: { phase: 'standard', mainAsked: 0, scores: { warmup: [], standard: [], advanced: [] }, boundaries: 0, askedSourceIds: [], currentTurnId: turnIds[0]! }, startedAt }, turn(0));
    for (let t = 0; t < TURNS; t += 1) {
      if (t > 0) db.$client.prepare('INSERT INTO turns (id, interview_id, idx, phase, difficulty, follow_up, source_id, question_text, asked_at, skipped) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, 0)').run(turnIds[t], interviewId, t + 1, 'standard', 'medium', `q${t}`, `Question ${t}?`, startedAt);
      const words = Array.from({ length: 60 }, (_v, w) => WORDS[(i * 7 + t * 13 + w * 3) % WORDS.length]).join(' ');
      repository.recordAnswer({ id: randomUUID(), turnId: turnIds[t]!, text: `answer ${i}-${t}: ${words}`, transcript: null, answeredAt: startedAt });
    }
  }
});
seed();
repository.flushSearchIndex();
db.update(interviewsTable).set({ status: 'completed', overallScore: 70 }).run();
console.log(`seeded ${INTERVIEWS} interviews × ${TURNS} turns in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

function time(run: () => unknown): number[] {
  run();
  return Array.from({ length: RUNS }, () => {
    const started = performance.now();
    run();
    return performance.now() - started;
  });
}

const firstPage = time(() => repository.list({ limit: 20, offset: 0 }));
const search = time(() => repository.list({ limit: 20, offset: 0, query: 'deadlock partition' }));
const rare = time(() => repository.list({ limit: 20, offset: 0, query: 'answer 4321-7' }));
db.$client.close();
temp.remove();

printTable(`History over ${INTERVIEWS} interviews (ms, ${RUNS} runs each)`, [
  { name: 'interviews.list first page', p50: percentile(firstPage, 50), p95: percentile(firstPage, 95) },
  { name: 'search, common words', p50: percentile(search, 50), p95: percentile(search, 95) },
  { name: 'search, one interview', p50: percentile(rare, 50), p95: percentile(rare, 95) },
]);
console.log('aim: each under 50 ms');

/**
 * Issue #3: turn latency with the embedded interviewer, from an answer received to the next
 * `question` sent (evaluation, planning and both commits included), over 1,000 turns on a
 * real SQLite file, against a bare insert-in-transaction on the same machine in the same run.
 * Aim: p95 under 20 ms and under 10× the bare transaction.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { migrate, openDatabase } from '../src/main/db/database';
import { createInterviewRepository } from '../src/main/db/interview-repository';
import { createAttachments } from '../src/main/engine/attachments';
import { createKeptAnswers } from '../src/main/engine/kept-answers';
import { createInterviewSession } from '../src/main/engine/interview-session';
import { loadConversation } from '../src/main/interviewer/conversation-file';
import { createEmbeddedInterviewer } from '../src/main/interviewer/embedded-interviewer';
import { Meaning } from '../src/main/interviewer/language/meaning';
import { loadWordVectors } from '../src/main/interviewer/language/word-vectors';
import { loadTrackCatalog } from '../src/main/interviewer/track-catalog';
import { silentLogger } from '../src/main/log';
import { createMediaStore } from '../src/main/media/media-store';
import type { ServerMessage } from '../src/shared/protocol';
import { RESOURCES_DIR } from '../tests/support/paths';
import { makeTempDir } from '../tests/support/temp-dir';
import { percentile, printTable } from './stats';

const TURNS = 1_000;
const ANSWERS = [
  'An operation is idempotent when repeating it has the same effect as doing it once. PUT and DELETE are idempotent while POST is not, so after a timeout the client can only retry safely when the call is idempotent. For example we send an idempotency key with payments and deduplicate on the server, because the network can drop the response after the write succeeded.',
  'I would start from the slow query log and the query plan, look for sequential scans, and add an index on the filtered columns. The trade-off is slower writes and more storage, so I would measure before and after, for example with p95 latency on the endpoint.',
  'At my previous company our release was blocked by flaky tests. My responsibility was the test setup, so I analysed the failures, I proposed isolated databases and I implemented it with a colleague. As a result failures dropped by 90 percent, and I learned to measure before guessing.',
];

const temp = makeTempDir('bench-turns');
const db = openDatabase(join(temp.path, 'interviews.sqlite'));
migrate(db, join(RESOURCES_DIR, 'migrations'));

// Baseline: one small row inserted in its own transaction, as bare as SQLite gets here.
db.$client.exec('CREATE TABLE baseline (id TEXT PRIMARY KEY, body TEXT NOT NULL)');
const insert = db.$client.prepare('INSERT INTO baseline (id, body) VALUES (?, ?)');
const bareTransaction = db.$client.transaction((id: string) => insert.run(id, ANSWERS[0]));
const baseline: number[] = [];
for (let i = 0; i < TURNS + 100; i += 1) {
  const started = performance.now();
  bareTransaction(randomUUID());
  if (i >= 100) baseline.push(performance.now() - started);
}

const catalog = loadTrackCatalog(RESOURCES_DIR);
const embedded = createEmbeddedInterviewer(catalog, loadConversation(RESOURCES_DIR), new Meaning(loadWordVectors(RESOURCES_DIR)));
const repository = createInterviewRepository(db);
const attachments = createAttachments();
const tracks = catalog.list().map((t) => t.id);

const samples: number[] = [];
let nextQuestion: (() => void) | undefined;
let current: Extract<ServerMessage, { type: 'question' }> | undefined;
const run = { ended: false };
const session = createInterviewSession(
  {
    repository,
    interviewer: () => embedded,
    fallback: embedded,
    // Text interviews: nothing is spoken or transcribed (bench/voice-latency measures those).
    speechToText: () => ({ name: 'none', liveTranscripts: false, availability: async () => ({ available: false, reason: 'off' }), transcribe: async () => ({ text: '' }) }),
    textToSpeech: () => undefined,
    media: createMediaStore(temp.path),
    mediaUrl: (path) => path,
    trackExists: (id) => catalog.get(id) !== undefined,
    attachments,
    keptAnswers: createKeptAnswers(),
    dataDir: temp.path,
    clock: { now: () => new Date() },
    ids: { newId: randomUUID },
    log: silentLogger,
  },
  (message) => {
    if (message.type === 'question') {
      current = message;
      nextQuestion?.();
    }
    if (message.type === 'session_ended') run.ended = true;
  },
);

let interviews = 0;
while (samples.length < TURNS) {
  run.ended = false;
  session.receive({ type: 'start', config: { track: tracks[interviews % tracks.length]!, mode: 'text', length: 'full' } });
  await session.whenIdle();
  interviews += 1;
  while (!run.ended && samples.length < TURNS) {
    const started = performance.now();
    const asked = new Promise<void>((resolve) => (nextQuestion = resolve));
    session.receive({ type: 'text_answer', questionId: current!.questionId, text: ANSWERS[samples.length % ANSWERS.length]! });
    await Promise.race([asked, session.whenIdle()]);
    if (!run.ended) samples.push(performance.now() - started);
    await session.whenIdle();
    // The candidate takes a while to answer: let deferred work (search indexing) run, as it
    // does between real turns, outside the measured window.
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (!run.ended) session.receive({ type: 'end' });
  await session.whenIdle();
}
db.$client.close();
temp.remove();

printTable(`Turn latency over ${samples.length} turns in ${interviews} interviews (ms)`, [
  { name: 'bare insert in a transaction', p50: percentile(baseline, 50), p95: percentile(baseline, 95) },
  { name: 'answer → next question', p50: percentile(samples, 50), p95: percentile(samples, 95) },
]);
console.log(`ratio p95 turn/bare: ${(percentile(samples, 95) / percentile(baseline, 95)).toFixed(1)}x (aim: p95 < 20 ms and < 10x)`);

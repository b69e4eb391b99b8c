/**
 * Issue #11: the Progress screen over 5,000 interviews must open in under 100 ms. Seeds a real
 * SQLite file (tests/support/progress-history.ts: several tracks, follow-ups, skips, spoken
 * answers, retakes), then times `progress.get` through the same dispatch the transports use
 * (validation of the result included) and the renderer's chart geometry for its answer.
 * The first call also makes the per-interview rows interviews from before issue #11 lack; it is
 * timed on its own.
 */
import { join } from 'node:path';
import type { ProgressReport } from '../src/shared/protocol';
import { progressCharts } from '../src/shared/report/progress-charts';
import { dispatchCall } from '../src/main/rpc/dispatch-call';
import { createServices } from '../src/main/services';
import { migrate, openDatabase } from '../src/main/db/database';
import { seedHistory } from '../tests/support/progress-history';
import { silentLogger } from '../src/main/log';
import { RESOURCES_DIR } from '../tests/support/paths';
import { makeTempDir } from '../tests/support/temp-dir';
import { percentile, printTable } from './stats';

const INTERVIEWS = 5_000;
const RUNS = 30;

const temp = makeTempDir('bench-progress');
const seeding = openDatabase(join(temp.path, 'interviews.sqlite'));
migrate(seeding, join(RESOURCES_DIR, 'migrations'));
const seedStarted = performance.now();
seedHistory(seeding, { interviews: INTERVIEWS });
seeding.$client.close();
console.log(`seeded ${INTERVIEWS} interviews in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

const log = silentLogger;
const services = createServices({ dataDir: temp.path, resourcesDir: RESOURCES_DIR, mediaUrl: (p) => `/media/${p}`, downloadUrl: (id) => `/exports/${id}`, mode: 'browser-mode', log });
const call = async () => {
  const outcome = await dispatchCall(services.handlers, 'progress.get', undefined, log);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.result as ProgressReport;
};

const catchUpStarted = performance.now();
const first = await call();
const catchUpMs = performance.now() - catchUpStarted;

// CPU time beside wall time: on a machine shared with other work the wall time includes waiting for a core.
const times = async (run: () => unknown): Promise<{ wall: number[]; cpu: number[] }> => {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    await run();
    const used = process.cpuUsage(cpuStarted);
    wall.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall, cpu };
};
const get = await times(call);
const geometry = await times(() => progressCharts(first));
await services.close();
temp.remove();

console.log(`first call, making the rows of ${first.practice.interviews} finished interviews at once: ${catchUpMs.toFixed(0)} ms (once after an update; the app makes them in the background from start)`);
printTable(`Progress over ${INTERVIEWS} interviews (ms, ${RUNS} runs each)`, [
  { name: 'progress.get (dispatch + validation)', p50: percentile(get.wall, 50), p95: percentile(get.wall, 95) },
  { name: '  of which CPU time', p50: percentile(get.cpu, 50), p95: percentile(get.cpu, 95) },
  { name: 'chart geometry (renderer)', p50: percentile(geometry.wall, 50), p95: percentile(geometry.wall, 95) },
]);
console.log(`tracks ${first.tracks.length}, points per track ${first.tracks.map((t) => `${t.points.length} (${t.grouping})`).join(', ')}; speaking points ${first.speaking.points.length}`);
console.log('aim: progress.get plus geometry under 100 ms');

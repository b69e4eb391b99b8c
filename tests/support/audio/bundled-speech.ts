import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledEspeakPackageDir } from '../../../src/main/providers/tts/bundled-espeak-package';

export interface BundledSpeechJob {
  text: string;
  path: string;
  wordsPerMinute?: number;
  voice?: string;
}

const CLI = fileURLToPath(new URL('./bundled-espeak-cli.ts', import.meta.url));
/** The bundled espeak-ng as a command (bundled-espeak-cli.ts), runnable from any folder. */
export const BUNDLED_ESPEAK_COMMAND = [process.execPath, '--import', import.meta.resolve('tsx'), CLI];
const ESPEAK_VERSION = (JSON.parse(readFileSync(join(bundledEspeakPackageDir(), 'package.json'), 'utf8')) as { version: string }).version;
// Shared by every test process and run: the same request always makes the same samples.
const CACHE = join(tmpdir(), `interview-practice-test-speech-${ESPEAK_VERSION}`);

const keyOf = ({ text, wordsPerMinute, voice }: BundledSpeechJob): string =>
  createHash('sha256').update(JSON.stringify([text, wordsPerMinute ?? null, voice ?? null])).digest('hex').slice(0, 32);

/**
 * Speaks each job into its WAV with the bundled espeak-ng, synchronously (a child process,
 * started once for all the jobs not already made by an earlier test). Made speech is kept in
 * the temp folder, since starting the voice costs about a second.
 */
export function speakWithBundledEspeak(jobs: BundledSpeechJob[]): void {
  mkdirSync(CACHE, { recursive: true });
  const cached = (job: BundledSpeechJob): string => join(CACHE, `${keyOf(job)}.wav`);
  // One request per distinct speech: a test may ask for the same sentence ten times.
  const missing = [...new Map(jobs.map((job) => [cached(job), job])).values()].filter((job) => !existsSync(cached(job)));
  if (missing.length > 0) {
    // Written beside the cache entry, then renamed: a test process running at the same time sees a whole file or none.
    const unique = `${process.pid}-${Date.now()}`;
    const writes = missing.map((job) => ({ ...job, path: `${cached(job)}.${unique}.partial` }));
    const [program, ...args] = BUNDLED_ESPEAK_COMMAND;
    execFileSync(program!, [...args, '--jobs', JSON.stringify(writes)], { stdio: ['ignore', 'ignore', 'pipe'] });
    writes.forEach((write, i) => renameSync(write.path, cached(missing[i]!)));
  }
  for (const job of jobs) copyFileSync(cached(job), job.path);
}

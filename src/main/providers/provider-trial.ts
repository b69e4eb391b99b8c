import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConnectionReport } from '../../shared/protocol';
import { formatLatency } from './llm/connection/connection-sentence';

export interface Trial {
  /** One tiny real piece of work in a scratch folder, removed afterwards. */
  run(folder: string, signal: AbortSignal): Promise<void>;
  /** What to say when it worked, given how long it took ("240 ms"). */
  works(took: string): string;
  /** The failure's own sentence (the provider errors never quote a server). */
  failed(error: unknown): string;
  tooSlow: string;
  timeoutMs: number;
}

/**
 * Test connection for speech-to-text and voices (issue #10): transcribe a generated recording,
 * or speak a short sentence, exactly as an interview would, with a deadline.
 */
export async function runTrial(trial: Trial): Promise<ConnectionReport> {
  const folder = await mkdtemp(join(tmpdir(), 'interview-practice-test-'));
  const deadline = AbortSignal.timeout(trial.timeoutMs);
  const started = performance.now();
  try {
    await trial.run(folder, deadline);
    const latencyMs = Math.round(performance.now() - started);
    return { ok: true, sentence: trial.works(formatLatency(latencyMs)), latencyMs };
  } catch (error) {
    return { ok: false, sentence: deadline.aborted ? trial.tooSlow : trial.failed(error) };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

import { isModelError } from '../providers/llm/model-error';

/**
 * When to try a model provider again, and when to stop asking it (DESIGN.md §8, issue #10):
 * retry what can pass (timeouts, 429, 5xx, a cut stream, an unreachable server) with
 * back-off, waiting what a 429 asks when that is short; never retry a bad key, a bad request
 * or a reply that could not be read (its repair was already tried). A provider that failed
 * three turns running is paused for the rest of the interview.
 */
export const ATTEMPTS = 3;
const BACKOFF_MS = [400, 1_200];
/** A server that asks for a longer wait than this is treated as failed for this step. */
const LONGEST_WAIT_MS = 10_000;
export const FAILED_TURNS_BEFORE_PAUSE = 3;

/** How long to wait before attempt `attempt + 1`, or undefined to stop trying. */
export function retryDelay(error: unknown, attempt: number): number | undefined {
  if (attempt >= ATTEMPTS) return undefined;
  const backoff = BACKOFF_MS[Math.min(attempt - 1, BACKOFF_MS.length - 1)]!;
  if (!isModelError(error)) return backoff;
  if (!error.retryable) return undefined;
  if (error.retryAfterMs !== undefined) return error.retryAfterMs <= LONGEST_WAIT_MS ? Math.max(error.retryAfterMs, 50) : undefined;
  return backoff;
}

/**
 * What one interview's provider has done lately: which steps of the current turn fell back,
 * how many turns running failed, and whether the user has been told.
 */
export class ProviderHealth {
  private failedTurns = 0;
  private turnFailed = false;
  private told = false;

  get paused(): boolean {
    return this.failedTurns >= FAILED_TURNS_BEFORE_PAUSE;
  }

  /** A step fell back. Returns the notice to show, or undefined when the user already knows. */
  stepFailed(): 'fell-back' | undefined {
    this.turnFailed = true;
    if (this.told) return undefined;
    this.told = true;
    return 'fell-back';
  }

  /**
   * The turn is over (the next question is planned). A turn with no failure ends the run of
   * failures: the next one is news again. Returns 'paused' when this turn paused the provider.
   */
  endTurn(): 'paused' | undefined {
    // Paused stays paused: the turns it was not asked in are not successes.
    if (this.paused) return undefined;
    this.failedTurns = this.turnFailed ? this.failedTurns + 1 : 0;
    if (!this.turnFailed) this.told = false;
    this.turnFailed = false;
    return this.paused ? 'paused' : undefined;
  }
}

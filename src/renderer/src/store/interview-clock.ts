/**
 * The interview's clock: the time spent in the interview, which stops while it is paused or
 * finished (issue #9: the timer ran while paused, and restarted from 0 after a reload). It is
 * data, not a start time, so it can be remembered per interview and picked up again.
 */
export interface InterviewClock {
  /** Time counted before the current run. */
  accumulatedMs: number;
  /** When the current run started (ms since epoch); null while stopped. */
  runningSinceMs: number | null;
}

export const stoppedClock = (accumulatedMs = 0): InterviewClock => ({ accumulatedMs: Math.max(0, accumulatedMs), runningSinceMs: null });

export function elapsedMs(clock: InterviewClock, nowMs: number): number {
  return clock.accumulatedMs + (clock.runningSinceMs === null ? 0 : Math.max(0, nowMs - clock.runningSinceMs));
}

export function runClock(clock: InterviewClock, nowMs: number): InterviewClock {
  return clock.runningSinceMs === null ? { ...clock, runningSinceMs: nowMs } : clock;
}

export function stopClock(clock: InterviewClock, nowMs: number): InterviewClock {
  return clock.runningSinceMs === null ? clock : stoppedClock(elapsedMs(clock, nowMs));
}

/** "m:ss", the way the interview screen shows it. */
export function formatElapsed(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

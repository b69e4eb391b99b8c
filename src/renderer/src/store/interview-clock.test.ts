import { describe, expect, it } from 'vitest';
import { elapsedMs, formatElapsed, runClock, stopClock, stoppedClock } from './interview-clock';

describe('interview clock', () => {
  it('counts only the time it runs', () => {
    let clock = runClock(stoppedClock(), 1_000);
    expect(elapsedMs(clock, 4_000)).toBe(3_000);
    clock = stopClock(clock, 4_000);
    expect(elapsedMs(clock, 100_000)).toBe(3_000);
    clock = runClock(clock, 200_000);
    expect(runClock(clock, 250_000)).toBe(clock); // already running: the start stays
    expect(elapsedMs(clock, 201_500)).toBe(4_500);
  });

  it('never goes below what was counted', () => {
    expect(elapsedMs(runClock(stoppedClock(5_000), 10_000), 9_000)).toBe(5_000);
    expect(stoppedClock(-3).accumulatedMs).toBe(0);
  });

  it('shows minutes and seconds', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(59_999)).toBe('0:59');
    expect(formatElapsed(125_000)).toBe('2:05');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { createPeriodClock, groupByPeriod, groupingFor, MAX_POINTS } from './periods';

/** Local Monday and first of the month, the plain (slow) way, to check the fast way against. */
function plainPeriods(iso: string): { week: string; month: string } {
  const d = new Date(iso);
  return {
    week: new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7)).toISOString(),
    month: new Date(d.getFullYear(), d.getMonth(), 1).toISOString(),
  };
}

const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe('the weeks and months of Progress', () => {
  // Whole-hour, half-hour and 45-minute offsets, both hemispheres' summer time, a 30-minute shift.
  for (const zone of ['UTC', 'Europe/Berlin', 'America/St_Johns', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Chatham']) {
    it(`start at local midnight in ${zone}, across summer time`, () => {
      process.env.TZ = zone;
      const periodsOf = createPeriodClock();
      const wrong: string[] = [];
      for (let at = Date.UTC(2025, 0, 1); at < Date.UTC(2026, 0, 1); at += 47 * 60_000) {
        const iso = new Date(at).toISOString();
        if (JSON.stringify(periodsOf(iso)) !== JSON.stringify(plainPeriods(iso))) wrong.push(iso);
      }
      expect(wrong).toEqual([]);
    });
  }

  it('has a point per interview while there are few, then per week, then per month', () => {
    process.env.TZ = 'Europe/Berlin';
    const periodsOf = createPeriodClock();
    const every = (hours: number, count: number) => Array.from({ length: count }, (_v, i) => ({ startedAt: new Date(Date.UTC(2025, 0, 6) + i * hours * 3_600_000).toISOString(), ...periodsOf(new Date(Date.UTC(2025, 0, 6) + i * hours * 3_600_000).toISOString()) }));
    expect(groupingFor(every(24, MAX_POINTS))).toBe('interview');
    expect(groupingFor(every(24, MAX_POINTS + 1))).toBe('week');
    expect(groupingFor(every(24 * 3, 400))).toBe('month');
    const daily = every(24, 14);
    expect(groupByPeriod(daily, 'week').map((group) => [group.from, group.items.length])).toEqual([
      ['2025-01-05T23:00:00.000Z', 7],
      ['2025-01-12T23:00:00.000Z', 7],
    ]);
  });
});

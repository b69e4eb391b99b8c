import type { ProgressGrouping } from '../../shared/protocol';

/**
 * Which points a line over time has (issue #11): one per interview while there are at most
 * MAX_POINTS, else one per week (weeks start on Monday), else one per month, in the local time
 * of this computer, as the candidate lived them. A line of 5,000 points says no more than one
 * of 60, and its table would be unreadable.
 *
 * Each item carries the start of its week and month (local midnight, as an ISO timestamp),
 * from `periodsOf`.
 */
export const MAX_POINTS = 60;

export interface InPeriods {
  startedAt: string;
  week: string;
  month: string;
}

const DAY_MS = 86_400_000;

/**
 * The local week and month of moments, made cheaply for thousands of them: one time-zone look-up
 * per moment (its offset) and one per period start, where `new Date(y, m, d)` and its getters
 * cost several each (bench/progress.bench.ts). SQLite's 'localtime' is no help: without TZ set,
 * glibc reads /etc/localtime again for every row.
 */
export function createPeriodClock(): (iso: string) => { week: string; month: string } {
  const starts = new Map<number, string>();
  /** The instant of local midnight of a local day number (days since 1970-01-01, local). */
  const midnight = (localDay: number): string => {
    let start = starts.get(localDay);
    if (start === undefined) {
      const local = localDay * DAY_MS;
      const guess = local + new Date(local).getTimezoneOffset() * 60_000;
      start = new Date(local + new Date(guess).getTimezoneOffset() * 60_000).toISOString();
      starts.set(localDay, start);
    }
    return start;
  };
  return (iso) => {
    const at = Date.parse(iso);
    const local = at - new Date(at).getTimezoneOffset() * 60_000;
    const day = Math.floor(local / DAY_MS);
    // 1970-01-01 was a Thursday: (day + 3) % 7 is 0 on Mondays.
    const monday = day - (((day + 3) % 7) + 7) % 7;
    const date = new Date(local);
    const firstOfMonth = Math.floor(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / DAY_MS);
    return { week: midnight(monday), month: midnight(firstOfMonth) };
  };
}

/** The finest grouping that keeps the line at MAX_POINTS or fewer (months whatever their number). */
export function groupingFor(items: readonly InPeriods[]): ProgressGrouping {
  if (items.length <= MAX_POINTS) return 'interview';
  return new Set(items.map((item) => item.week)).size <= MAX_POINTS ? 'week' : 'month';
}

/** Items in time order, grouped as `grouping` says; each group starts at its period's start (or its interview's). */
export function groupByPeriod<T extends InPeriods>(items: readonly T[], grouping: ProgressGrouping): { from: string; items: T[] }[] {
  const groups: { from: string; items: T[] }[] = [];
  for (const item of items) {
    const from = grouping === 'interview' ? item.startedAt : item[grouping];
    const last = groups.at(-1);
    if (grouping !== 'interview' && last?.from === from) last.items.push(item);
    else groups.push({ from, items: [item] });
  }
  return groups;
}

import type { ProgressGrouping } from '../../shared/protocol';

/**
 * Which points a line over time has (issue #11): one per interview while there are at most
 * MAX_POINTS, else one per week (weeks start on Monday), else one per month, in the local time
 * of this computer, as the candidate lived them. A line of 5,000 points says no more than one
 * of 60, and its table would be unreadable.
 */
export const MAX_POINTS = 60;

/** The local midnight starting the week (Monday) or month of a moment, as an ISO timestamp. */
export function periodStart(iso: string, grouping: Exclude<ProgressGrouping, 'interview'>): string {
  const date = new Date(iso);
  const start =
    grouping === 'month'
      ? new Date(date.getFullYear(), date.getMonth(), 1)
      : new Date(date.getFullYear(), date.getMonth(), date.getDate() - ((date.getDay() + 6) % 7));
  return start.toISOString();
}

/** The finest grouping that keeps the line at MAX_POINTS or fewer (months whatever their number). */
export function groupingFor(moments: readonly string[]): ProgressGrouping {
  if (moments.length <= MAX_POINTS) return 'interview';
  const weeks = new Set(moments.map((moment) => periodStart(moment, 'week')));
  return weeks.size <= MAX_POINTS ? 'week' : 'month';
}

/**
 * Items in time order, grouped as `grouping` says; each group starts at its period's start (or
 * its interview's). Order is kept within and across groups.
 */
export function groupByPeriod<T extends { startedAt: string }>(items: readonly T[], grouping: ProgressGrouping): { from: string; items: T[] }[] {
  const groups: { from: string; items: T[] }[] = [];
  for (const item of items) {
    const from = grouping === 'interview' ? item.startedAt : periodStart(item.startedAt, grouping);
    const last = groups.at(-1);
    if (grouping !== 'interview' && last?.from === from) last.items.push(item);
    else groups.push({ from, items: [item] });
  }
  return groups;
}

/**
 * Date ranges as résumés write them: "Jan 2019 – Mar 2023", "2019 - present", "03/2019 to
 * 11/2021", "Sept. 2020 – Now". Months are kept when given ("2019-03"), else the year.
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const POINT = String.raw`(?:${MONTH}\s+(?:19|20)\d{2}|(?:0?[1-9]|1[0-2])[/.](?:19|20)\d{2}|(?:19|20)\d{2})`;
const NOW = String.raw`(?:present|current|now|today|date)`;
const RANGE = new RegExp(String.raw`(${POINT})\s*(?:–|—|-|to|until|till)\s*(${POINT}|${NOW})\b`, 'i');

export interface DateRange {
  start: string;
  end?: string;
  current: boolean;
  /** Where the range was written in the line, to take it out of the title. */
  index: number;
  length: number;
}

function pointOf(text: string): string {
  const year = /(?:19|20)\d{2}/.exec(text)![0];
  const named = MONTHS.findIndex((m) => text.toLowerCase().startsWith(m));
  const numbered = /^(0?[1-9]|1[0-2])[/.]/.exec(text);
  const month = named >= 0 ? named + 1 : numbered ? Number(numbered[1]) : undefined;
  return month ? `${year}-${String(month).padStart(2, '0')}` : year;
}

export function findDateRange(line: string): DateRange | undefined {
  const match = RANGE.exec(line);
  if (!match) return undefined;
  const current = new RegExp(`^${NOW}$`, 'i').test(match[2]!);
  return { start: pointOf(match[1]!), ...(current ? {} : { end: pointOf(match[2]!) }), current, index: match.index, length: match[0].length };
}

/** Months from a "2019" or "2019-03" to another (or to `now`), counting a bare year from January. */
export function monthIndex(point: string): number {
  const [year, month = '1'] = point.split('-');
  return Number(year) * 12 + Number(month) - 1;
}

/** Years worked, overlapping roles counted once, to the nearest half year. */
export function yearsCovered(ranges: readonly { start?: string | undefined; end?: string | undefined; current: boolean }[], now: Date): number | undefined {
  const nowIndex = now.getUTCFullYear() * 12 + now.getUTCMonth();
  const spans = ranges
    .filter((r): r is { start: string; end?: string; current: boolean } => r.start !== undefined)
    .map((r) => [monthIndex(r.start), r.end ? monthIndex(r.end) + (r.end.includes('-') ? 1 : 12) : nowIndex + 1] as const)
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);
  if (spans.length === 0) return undefined;
  let months = 0;
  let [from, to] = spans[0]!;
  for (const [start, end] of spans.slice(1)) {
    if (start <= to) to = Math.max(to, end);
    else {
      months += to - from;
      [from, to] = [start, end];
    }
  }
  months += to - from;
  return Math.round((months / 12) * 2) / 2;
}

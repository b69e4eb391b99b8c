import type { ProgressGrouping, ProgressReport } from '../protocol';
import { lineChartGeometry, niceCeiling, type LineChartGeometry } from './chart-geometry';
import { formatDuration } from './report-wording';

/**
 * The Progress screen's charts (issue #11), computed once from `progress.get` as geometry with
 * their text alternatives and the numbers behind them as table rows, so the page only draws.
 */
export interface ProgressTable {
  columns: string[];
  rows: string[][];
}

export interface TrackChart {
  track: string;
  title: string;
  /** "12 interviews · first 58 · best 81 (14 February 2025) · latest 74" */
  summary: string;
  chart: LineChartGeometry;
  table: ProgressTable;
}

export interface ProgressCharts {
  tracks: TrackChart[];
  /** Absent until a recogniser heard a spoken answer. */
  speaking?: { pace: LineChartGeometry; fillers: LineChartGeometry; table: ProgressTable };
  /** Absent before the first finished interview. */
  practice?: { chart: LineChartGeometry; table: ProgressTable };
}

/** The reader's locale and, unless a test fixes one, this computer's time zone. */
interface Reader {
  locale?: string | undefined;
  timeZone?: string | undefined;
}

const dateFormat = ({ locale, timeZone }: Reader, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
  const zoned = timeZone ? { ...options, timeZone } : options;
  try {
    return new Intl.DateTimeFormat(locale, zoned);
  } catch {
    return new Intl.DateTimeFormat(undefined, zoned);
  }
};

/** What a point stands for, in words: an interview's date, a week, a month. */
function periodLabels(reader: Reader): Record<ProgressGrouping, (iso: string) => string> {
  const day = dateFormat(reader, { dateStyle: 'medium' });
  const moment = dateFormat(reader, { dateStyle: 'medium', timeStyle: 'short' });
  const month = dateFormat(reader, { month: 'long', year: 'numeric' });
  return {
    interview: (iso) => moment.format(new Date(iso)),
    week: (iso) => `Week of ${day.format(new Date(iso))}`,
    month: (iso) => month.format(new Date(iso)),
  };
}

const GROUPED: Record<ProgressGrouping, string> = { interview: 'one point per interview', week: 'the mean of each week', month: 'the mean of each month' };
const plural = (n: number, noun: string): string => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

export function progressCharts(report: ProgressReport, reader: Reader = {}): ProgressCharts {
  const label = periodLabels(reader);
  const day = dateFormat(reader, { dateStyle: 'long' });
  const when = (iso: string): string => day.format(new Date(iso));
  const shortDay = dateFormat(reader, { month: 'short', year: 'numeric' });
  const timeLabel = (at: number): string => shortDay.format(new Date(at));

  const tracks = report.tracks.map((track): TrackChart => {
    const summary = `${plural(track.interviews, 'interview')} · first ${track.first.score} · best ${track.best.score} (${when(track.best.startedAt)}) · latest ${track.latest.score}`;
    const description = `${track.title}, overall score out of 100 over time, ${GROUPED[track.grouping]}: ${summary}.`;
    return {
      track: track.track,
      title: track.title,
      summary,
      chart: lineChartGeometry(
        track.points.map((point) => ({ at: Date.parse(point.from), value: point.score })),
        { min: 0, max: 100, grid: [0, 50, 100], timeLabel, description },
      ),
      table: {
        columns: [track.grouping === 'interview' ? 'Interview' : 'Period', 'Overall score', 'Interviews'],
        rows: track.points.map((point) => [label[track.grouping](point.from), String(point.score), String(point.interviews)]),
      },
    };
  });

  const points = report.speaking.points;
  const speaking = points.length === 0 ? undefined : speakingCharts(report, label, timeLabel);
  const months = report.practice.months;
  const practiceMax = niceCeiling(Math.max(...months.map((month) => month.activeMs / 60_000), 1));
  const practice =
    months.length === 0
      ? undefined
      : {
          chart: lineChartGeometry(
            months.map((month) => ({ at: Date.parse(month.from), value: Math.round(month.activeMs / 60_000) })),
            {
              min: 0,
              max: practiceMax,
              grid: [0, practiceMax],
              timeLabel,
              description: `Minutes practised per month: ${months.map((month) => `${label.month(month.from)}: ${formatDuration(month.activeMs)}`).join('; ')}.`,
            },
          ),
          table: {
            columns: ['Month', 'Time practised', 'Interviews'],
            rows: months.map((month) => [label.month(month.from), formatDuration(month.activeMs), String(month.interviews)]),
          },
        };
  return { tracks, ...(speaking ? { speaking } : {}), ...(practice ? { practice } : {}) };
}

function speakingCharts(report: ProgressReport, label: Record<ProgressGrouping, (iso: string) => string>, timeLabel: (at: number) => string): NonNullable<ProgressCharts['speaking']> {
  const { grouping, points } = report.speaking;
  const paceMax = niceCeiling(Math.max(...points.map((point) => point.wordsPerMinute), 1));
  const fillersMax = niceCeiling(Math.max(...points.map((point) => point.fillersPerMinute), 1));
  const series = (of: (point: (typeof points)[number]) => number) => points.map((point) => ({ at: Date.parse(point.from), value: of(point) }));
  const describe = (what: string, of: (point: (typeof points)[number]) => number): string =>
    `${what} over time, ${GROUPED[grouping]}, from answers speech recognition heard: ${points.map((point) => `${label[grouping](point.from)}: ${of(point)}`).join('; ')}.`;
  return {
    pace: lineChartGeometry(series((point) => point.wordsPerMinute), { min: 0, max: paceMax, grid: [0, paceMax], timeLabel, description: describe('Words per minute', (point) => point.wordsPerMinute) }),
    fillers: lineChartGeometry(series((point) => point.fillersPerMinute), { min: 0, max: fillersMax, grid: [0, fillersMax], timeLabel, description: describe('Filler words per minute (at least)', (point) => point.fillersPerMinute) }),
    table: {
      columns: [grouping === 'interview' ? 'Interview' : 'Period', 'Words per minute', 'Filler words per minute', 'Answers heard'],
      rows: points.map((point) => [label[grouping](point.from), String(point.wordsPerMinute), String(point.fillersPerMinute), String(point.answers)]),
    },
  };
}

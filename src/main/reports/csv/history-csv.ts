import type { InterviewSummary } from '../../../shared/protocol';
import { localDateTime } from '../export-file-name';

/**
 * History as CSV, one row per interview (issue #11), for people who keep their own
 * spreadsheets. RFC 4180 quoting, CRLF line ends and a byte-order mark, so Excel reads é and
 * 中文 as UTF-8. A cell that starts with = + - @ (or a tab or carriage return) would be run as
 * a formula by a spreadsheet ("CSV injection"), so it gets a leading apostrophe.
 */
export interface HistoryRow extends InterviewSummary {
  trackTitle: string;
}

const COLUMNS: { header: string; value: (row: HistoryRow) => string | number | undefined }[] = [
  { header: 'Started', value: (row) => localDateTime(row.startedAt, ':') },
  { header: 'Finished', value: (row) => (row.completedAt ? localDateTime(row.completedAt, ':') : undefined) },
  { header: 'Track', value: (row) => row.trackTitle },
  { header: 'Status', value: (row) => row.status.replace('_', ' ') },
  { header: 'Overall score (0-100)', value: (row) => (row.overallScore === undefined ? undefined : Math.round(row.overallScore)) },
  { header: 'Main questions', value: (row) => row.mainQuestions },
  { header: 'Follow-ups', value: (row) => row.followUps },
  { header: 'Skipped', value: (row) => row.skippedQuestions },
  { header: 'Interview id', value: (row) => row.id },
];

export function historyCsv(rows: readonly HistoryRow[]): string {
  const lines = [COLUMNS.map((column) => csvCell(column.header)), ...rows.map((row) => COLUMNS.map((column) => csvCell(column.value(row))))];
  return `\uFEFF${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}

export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) || guarded !== guarded.trim() ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

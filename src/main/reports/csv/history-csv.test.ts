import { describe, expect, it } from 'vitest';
import { csvCell, historyCsv } from './history-csv';

describe('History CSV', () => {
  it('guards every cell a spreadsheet would run as a formula', () => {
    for (const formula of ['=HYPERLINK("http://127.0.0.1:9","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(csvCell(formula).replace(/^"/, '')).toMatch(/^'/);
    }
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(-2)).toBe('-2'); // numbers are numbers, not text a formula could hide in
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(undefined)).toBe('');
  });

  it('is one row per interview, UTF-8 with a byte-order mark and CRLF line ends', () => {
    const csv = historyCsv([
      { id: '00000000-0000-4000-8000-000000000001', track: 'backend', trackTitle: '=Backend, "new"', status: 'in_progress', startedAt: '2026-03-14T09:00:00.000Z', mainQuestions: 2, followUps: 0, skippedQuestions: 0 },
    ]);
    expect(csv.startsWith('\uFEFFStarted,Finished,Track,')).toBe(true);
    const [, row] = csv.slice(1).split('\r\n');
    expect(row).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d,,"'=Backend, ""new""",in progress,,2,0,0,00000000-0000-4000-8000-000000000001$/);
  });
});

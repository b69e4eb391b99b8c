import { describe, expect, it } from 'vitest';
import { callExamples } from '../protocol/examples';
import { progressCharts } from './progress-charts';

describe('the Progress charts', () => {
  const report = callExamples['progress.get'].result;
  const charts = progressCharts(report, { locale: 'en-GB', timeZone: 'Europe/London' });

  it('say in words what each line shows, and keep the numbers as a table', () => {
    const [track] = charts.tracks;
    expect(track!.summary).toBe('2 interviews · first 58 · best 72 (22 November 2026) · latest 72');
    expect(track!.chart.description).toContain('Backend engineering, overall score out of 100 over time, one point per interview');
    expect(track!.table.rows).toEqual([
      ['20 Nov 2026, 09:30', '58', '1'],
      ['22 Nov 2026, 09:30', '72', '1'],
    ]);
    expect(charts.speaking!.pace.description).toContain('128.5');
    expect(charts.speaking!.table.rows[0]).toEqual(['22 Nov 2026, 09:30', '128.5', '2.1', '4']);
    expect(charts.practice!.table.rows).toEqual([['November 2026', '40 min', '2']]);
  });

  it('draws the line left to right in time, higher for higher scores', () => {
    const [first, second] = charts.tracks[0]!.chart.points;
    expect(first!.x).toBeLessThan(second!.x);
    expect(first!.y).toBeGreaterThan(second!.y);
    expect(charts.tracks[0]!.chart.path).toMatch(/^M[\d.]+ [\d.]+ L[\d.]+ [\d.]+$/);
  });
});

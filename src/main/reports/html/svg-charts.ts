import type { ScoreChartGeometry, WaveformGeometry } from '../../../shared/report/chart-geometry';
import { escapeHtml } from './html-escape';

/**
 * The shared chart geometry (src/shared/report/chart-geometry.ts) as inline SVG, for the HTML
 * export: no script, no external reference, each with a text alternative (role="img" and a
 * title) so a screen reader says what the chart shows.
 */
export function scoreChartSvg(chart: ScoreChartGeometry): string {
  const grid = chart.gridLines
    .map((line) => `<line x1="${chart.plot.left}" x2="${chart.plot.right}" y1="${line.y}" y2="${line.y}" class="grid"/><text x="${chart.plot.left - 6}" y="${line.y + 4}" class="axis" text-anchor="end">${line.label}</text>`)
    .join('');
  const bars = chart.bars
    .map(
      (bar) =>
        `<rect x="${bar.x}" y="${bar.y}" width="${bar.width}" height="${bar.height}" class="bar ${bar.band}"/>` +
        `<text x="${bar.labelX}" y="${chart.height - 6}" class="axis" text-anchor="middle">${escapeHtml(bar.label)}</text>`,
    )
    .join('');
  return svg(chart.width, chart.height, chart.description, `${grid}${bars}`, 'score-chart');
}

export function waveformSvg(waveform: WaveformGeometry, label: string): string {
  const path = waveform.bars.map((bar) => `M${bar.x} ${bar.y}h${bar.width}v${bar.height}h${-bar.width}z`).join('');
  return svg(waveform.width, waveform.height, label, `<path d="${path}" class="wave"/>`, 'waveform');
}

function svg(width: number, height: number, title: string, body: string, className: string): string {
  return `<svg class="${className}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}"><title>${escapeHtml(title)}</title>${body}</svg>`;
}

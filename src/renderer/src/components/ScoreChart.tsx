import type { ScoreChartGeometry } from '../../../shared/report/chart-geometry';
import { ChartGrid } from './ChartGrid';

/** The score per main question, drawn from the geometry the exports use too (DESIGN.md §9). */
export function ScoreChart({ chart }: { chart: ScoreChartGeometry }) {
  return (
    <svg className="score-chart" viewBox={`0 0 ${chart.width} ${chart.height}`} role="img" aria-label={chart.description} data-testid="score-chart">
      <title>{chart.description}</title>
      <ChartGrid plot={chart.plot} gridLines={chart.gridLines} />
      {chart.bars.map((bar) => (
        <g key={bar.label}>
          <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} className={`bar ${bar.band}`} />
          <text x={bar.labelX} y={chart.height - 6} textAnchor="middle" className="axis">
            {bar.label}
          </text>
        </g>
      ))}
    </svg>
  );
}

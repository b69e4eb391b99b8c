import type { LineChartGeometry } from '../../../shared/report/chart-geometry';
import type { ProgressTable } from '../../../shared/report/progress-charts';
import { ChartGrid } from './ChartGrid';
import { DataTable } from './DataTable';

/** A line over time from the shared geometry (DESIGN.md §9), with its text alternative. */
export function LineChart({ chart, testId }: { chart: LineChartGeometry; testId: string }) {
  return (
    <svg className="line-chart" viewBox={`0 0 ${chart.width} ${chart.height}`} role="img" aria-label={chart.description} data-testid={testId}>
      <title>{chart.description}</title>
      <ChartGrid plot={chart.plot} gridLines={chart.gridLines} />
      <path d={chart.path} className="line" />
      {chart.points.map((point, i) => (
        <circle key={i} cx={point.x} cy={point.y} r={chart.points.length > 40 ? 1.5 : 3} className="point" />
      ))}
      {chart.timeLabels.map((label, i) => (
        <text key={i} x={label.x} y={chart.height - 6} textAnchor={chart.timeLabels.length === 1 ? 'middle' : i === 0 ? 'start' : 'end'} className="axis">
          {label.label}
        </text>
      ))}
    </svg>
  );
}

/** The numbers behind a chart, folded away under it. */
export function ChartNumbers({ table, caption, testId }: { table: ProgressTable; caption: string; testId: string }) {
  return (
    <details className="chart-numbers">
      <summary>The numbers</summary>
      <DataTable columns={table.columns} rows={table.rows} className="data-table" testId={testId} caption={caption} />
    </details>
  );
}

import type { LineChartGeometry } from '../../../shared/report/chart-geometry';
import type { ProgressTable } from '../../../shared/report/progress-charts';

/** A line over time from the shared geometry (DESIGN.md §9), with its text alternative. */
export function LineChart({ chart, testId }: { chart: LineChartGeometry; testId: string }) {
  return (
    <svg className="line-chart" viewBox={`0 0 ${chart.width} ${chart.height}`} role="img" aria-label={chart.description} data-testid={testId}>
      <title>{chart.description}</title>
      {chart.gridLines.map((line) => (
        <g key={line.label}>
          <line x1={chart.plot.left} x2={chart.plot.right} y1={line.y} y2={line.y} className="grid" />
          <text x={chart.plot.left - 6} y={line.y + 4} textAnchor="end" className="axis">
            {line.label}
          </text>
        </g>
      ))}
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
      <table className="data-table" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={j}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

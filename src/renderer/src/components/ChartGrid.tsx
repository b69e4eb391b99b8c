/** A chart's horizontal grid lines with their values, as the shared geometry places them (DESIGN.md §9). */
export function ChartGrid({ plot, gridLines }: { plot: { left: number; right: number }; gridLines: { y: number; label: string }[] }) {
  return (
    <>
      {gridLines.map((line) => (
        <g key={line.label}>
          <line x1={plot.left} x2={plot.right} y1={line.y} y2={line.y} className="grid" />
          <text x={plot.left - 6} y={line.y + 4} textAnchor="end" className="axis">
            {line.label}
          </text>
        </g>
      ))}
    </>
  );
}

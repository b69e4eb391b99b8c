/** A plain table of text cells with column headers: the per-phase scores, the posting's skills, the numbers behind a chart. */
export function DataTable({
  columns,
  rows,
  className,
  testId,
  caption,
  rowAttributes,
}: {
  columns: readonly string[];
  rows: readonly (readonly string[])[];
  className: string;
  testId?: string;
  caption?: string;
  /** Extra attributes per row (test ids, a status to style by). */
  rowAttributes?: (index: number) => Record<string, string>;
}) {
  return (
    <table className={className} data-testid={testId}>
      {caption && <caption className="visually-hidden">{caption}</caption>}
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i} {...rowAttributes?.(i)}>
            {row.map((cell, j) => (
              <td key={columns[j] ?? j}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A table of plain text cells under column headers: the report's per-phase and skills tables. */
export function TextTable({ headers, rows, testId, rowAttributes }: { headers: readonly string[]; rows: readonly string[][]; testId?: string; rowAttributes?: (index: number) => Record<string, string> }) {
  return (
    <table className="phase-table" data-testid={testId}>
      <thead>
        <tr>
          {headers.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((cells, index) => (
          <tr key={index} {...rowAttributes?.(index)}>
            {cells.map((cell, i) => (
              <td key={headers[i]}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

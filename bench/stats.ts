/** Small helpers shared by the benchmarks: they print numbers, they never assert. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function printTable(title: string, rows: { name: string; p50: number; p95: number }[]): void {
  console.log(`\n${title}`);
  for (const row of rows) {
    console.log(`  ${row.name.padEnd(34)} p50 ${row.p50.toFixed(3).padStart(8)}   p95 ${row.p95.toFixed(3).padStart(8)}`);
  }
}

/** One line of milliseconds, "label  p50 / p95", rounded to whole milliseconds. */
export function printMsRow(label: string, samples: number[], width = 58): void {
  console.log(`  ${label.padEnd(width)} ${percentile(samples, 50).toFixed(0).padStart(6)} / ${percentile(samples, 95).toFixed(0).padStart(6)}`);
}

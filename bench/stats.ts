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

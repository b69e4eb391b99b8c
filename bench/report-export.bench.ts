/**
 * Issue #11: exporting a 60-question interview with 60 waveforms (and 12 follow-ups), from the
 * report model to the file's bytes, in each format. Goals: Markdown, HTML and JSON under
 * 200 ms each (aim under 50 ms); PDF under 3 s (aim under 1 s). The report model is built
 * once per run too, as `reports.export` does.
 */
import { htmlReport } from '../src/main/reports/html/html-report';
import { jsonReport } from '../src/main/reports/json/json-export';
import { markdownReport } from '../src/main/reports/markdown/markdown-report';
import { loadReportFonts } from '../src/main/reports/pdf/report-fonts';
import { pdfReport } from '../src/main/reports/pdf/pdf-report';
import { buildReport } from '../src/shared/report/build-report';
import { largeInterviewDetail } from '../tests/support/report-fixture';
import { percentile, printTable } from './stats';

const detail = largeInterviewDetail(60);
const options = { locale: 'en-GB' };

async function time(runs: number, run: () => unknown): Promise<{ p50: number; p95: number; bytes: number }> {
  let bytes = 0;
  const once = async (): Promise<number> => {
    const started = performance.now();
    const out = (await run()) as string | Buffer;
    bytes = Buffer.byteLength(out);
    return performance.now() - started;
  };
  await once(); // warm-up: fonts read, code compiled
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) samples.push(await once());
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), bytes };
}

loadReportFonts();
const rows = [
  { name: 'report model only', ...(await time(30, () => JSON.stringify(buildReport(detail)))) },
  { name: 'Markdown', ...(await time(30, () => markdownReport(buildReport(detail), options))) },
  { name: 'HTML (inline SVG waveforms)', ...(await time(30, () => htmlReport(buildReport(detail), options))) },
  { name: 'JSON', ...(await time(30, () => jsonReport(buildReport(detail), { exportedAt: new Date().toISOString(), appVersion: 'bench' }))) },
  { name: 'PDF', ...(await time(5, () => pdfReport(buildReport(detail), options))) },
];
printTable('Export of 60 questions with 60 waveforms, ms (goal: text formats < 200, PDF < 3000)', rows);
for (const row of rows) console.log(`  ${row.name.padEnd(34)} ${(row.bytes / 1024).toFixed(0)} KiB`);

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openFont } from '../../src/main/reports/pdf/font-fallback';
import { loadReportFonts } from '../../src/main/reports/pdf/report-fonts';
import type { HostFixture } from './host-fixture';
import { TestClient } from './host-fixture';
import { httpGet, type HttpReply } from './http-get';
import { makeTempDir } from './temp-dir';

/** Calls an export method over the real WebSocket and downloads the file it offers over HTTP. */
export async function downloadExport(
  fixture: HostFixture,
  method: 'reports.export' | 'history.exportCsv',
  params?: unknown,
): Promise<{ fileName: string; mimeType: string; url: string; reply: HttpReply }> {
  const client = await TestClient.open(fixture.host.ws);
  try {
    const answer = await client.call(method, params);
    if (answer.type !== 'rpc_result') throw new Error(`${method} failed: ${JSON.stringify(answer)}`);
    const result = answer.result as { fileName: string; mimeType: string; url: string };
    return { ...result, reply: await httpGet(fixture.host.port, result.url) };
  } finally {
    client.close();
  }
}

/**
 * The text of a PDF, page by page (split at the form feed), as Debian's poppler-utils reads it.
 * `-raw` keeps the order the text was drawn in and does not join a line ending in "-" to the next.
 */
export function pdfPages(bytes: Buffer): string[] {
  const temp = makeTempDir('pdf-text');
  try {
    const file = join(temp.path, 'report.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f');
  } finally {
    temp.remove();
  }
}

/**
 * True when the OS has no CJK font among those the PDF export falls back on (fonts-noto-cjk on
 * Debian, which .ci/run installs), after saying once what is skipped.
 */
export function missingCjkFont(what: string): boolean {
  const has = loadReportFonts().fallbacks.some(({ file }) => openFont(file)?.font.hasGlyphForCodePoint(0x4e2d));
  if (!has) console.log(`skipped ${what}: this computer has no CJK font (sudo apt install fonts-noto-cjk; .ci/run installs it)`);
  return !has;
}

import type { ServerResponse } from 'node:http';
import type { ExportDownloads, ExportFile } from '../reports/export-downloads';

/**
 * Browser mode's downloads of exports (issue #11): `/exports/<id>?token=…` answers with the
 * file made by `reports.export` or `history.exportCsv`, as an attachment. The file is never
 * shown in the host's own origin: `Content-Disposition: attachment`, and a sandboxing CSP in
 * case a browser shows it anyway, so an exported HTML report can never act as the app.
 */
export const EXPORTS_PATH = '/exports/';

/** The download URL of an export, with the host's token (DESIGN.md §3: every data path needs it). */
export const hostDownloadUrl =
  (token: string) =>
  (downloadId: string): string =>
    `${EXPORTS_PATH}${encodeURIComponent(downloadId)}?token=${token}`;

export function sendExportFile(res: ServerResponse, downloads: ExportDownloads, downloadId: string, headers: Record<string, string>, headOnly: boolean): boolean {
  const file = downloads.get(downloadId);
  if (!file) return false;
  res.writeHead(200, { ...headers, ...downloadHeaders(file), 'Content-Security-Policy': "default-src 'none'; sandbox" });
  res.end(headOnly ? undefined : file.bytes);
  return true;
}

/** Headers that make a browser (or Electron) save the file under its name, never sniff or cache it. */
export function downloadHeaders(file: ExportFile): Record<string, string> {
  const ascii = file.fileName.replace(/[^\x20-\x7E]/g, '_').replace(/["\\]/g, '_');
  return {
    'Content-Type': file.mimeType,
    'Content-Length': String(file.bytes.length),
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(file.fileName)}`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
}

/** RFC 5987's ext-value: percent-encoding, including the characters encodeURIComponent leaves. */
const encodeRfc5987 = (text: string): string => encodeURIComponent(text).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);

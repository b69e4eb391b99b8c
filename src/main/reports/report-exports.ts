import type { ExportFormat, InterviewDetail, InterviewSummary } from '../../shared/protocol';
import { buildReport } from '../../shared/report/build-report';
import type { Logger } from '../log';
import { CallError } from '../rpc/call-handlers';
import { historyCsv, type HistoryRow } from './csv/history-csv';
import type { ExportDownloads, ExportFile } from './export-downloads';
import { localDateTime, safeFileName } from './export-file-name';
import { htmlReport } from './html/html-report';
import { jsonReport } from './json/json-export';
import { markdownReport } from './markdown/markdown-report';
import { pdfReport } from './pdf/pdf-report';

/**
 * `reports.export` and `history.exportCsv` (DESIGN.md §4.4, issue #11): make the file, keep it
 * for download, answer with its name, type and URL. The same code runs in the app and in
 * browser mode; only `downloadUrl` differs.
 */
export interface ReportExportDeps {
  detail(interviewId: string): InterviewDetail | undefined;
  /** Every interview, newest first, for the History CSV. */
  history(): (InterviewSummary & { trackTitle: string })[];
  downloads: ExportDownloads;
  downloadUrl(downloadId: string): string;
  appVersion: string;
  /** The OS's locale for dates, when the caller sends none. */
  locale: string;
  now(): Date;
  log: Logger;
}

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  url: string;
}

const MIME_TYPES: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  json: 'application/json; charset=utf-8',
};

export function createReportExports(deps: ReportExportDeps) {
  const offer = (file: ExportFile): ExportedFile => ({ fileName: file.fileName, mimeType: file.mimeType, url: deps.downloadUrl(deps.downloads.add(file)) });

  return {
    async exportReport(interviewId: string, format: ExportFormat, locale?: string): Promise<ExportedFile> {
      const detail = deps.detail(interviewId);
      if (!detail) throw new CallError('NOT_FOUND', 'There is no interview with that id.');
      const started = performance.now();
      const report = buildReport(detail);
      const options = { locale: locale ?? deps.locale };
      let content: string | Buffer;
      try {
        content = await render(format);
      } catch (error) {
        // Never the text of the report: only what failed.
        deps.log.error('report.export_failed', { interviewId, format, error: error instanceof Error ? error.name : 'unknown' });
        throw new CallError('INTERNAL', `The ${format.toUpperCase()} file could not be made. Try again, or export the report in another format.`);
      }
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      deps.log.info('report.exported', { interviewId, format, bytes: bytes.length, ms: Math.round(performance.now() - started) });
      return offer({ bytes, mimeType: MIME_TYPES[format], fileName: safeFileName(`${report.track.title} interview ${localDateTime(report.startedAt)}`, format) });

      function render(kind: ExportFormat): Promise<string | Buffer> | string {
        switch (kind) {
          case 'md':
            return markdownReport(report, options);
          case 'html':
            return htmlReport(report, options);
          case 'pdf':
            return pdfReport(report, options);
          case 'json':
            return jsonReport(report, { exportedAt: deps.now().toISOString(), appVersion: deps.appVersion });
        }
      }
    },

    exportHistoryCsv(): ExportedFile {
      const rows: HistoryRow[] = deps.history();
      const bytes = Buffer.from(historyCsv(rows), 'utf8');
      deps.log.info('history.exported', { rows: rows.length, bytes: bytes.length });
      return offer({ bytes, mimeType: 'text/csv; charset=utf-8', fileName: safeFileName(`Interview history ${localDateTime(deps.now().toISOString())}`, 'csv') });
    },
  };
}

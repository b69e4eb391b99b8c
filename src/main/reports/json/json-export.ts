import { z } from 'zod';
import { Timestamp } from '../../../shared/protocol';
import { ReportModel } from '../../../shared/report/report-model';

/**
 * The JSON export (issue #11): `{ format, schemaVersion, exportedAt, app, interview }`, with
 * `interview` the report model itself. Its JSON Schema is generated from these zod types and
 * committed as docs/export-schema-v1.json (json-export.test.ts fails when it drifts). Adding an
 * optional field keeps version 1 and readers of version 1 ignore fields they do not know;
 * removing, renaming or retyping a field is a new version with its own schema file.
 */
export const EXPORT_FORMAT = 'interview-practice-report';
export const SCHEMA_VERSION = 1;

export const ReportExport = z.object({
  format: z.literal(EXPORT_FORMAT),
  schemaVersion: z.literal(SCHEMA_VERSION),
  exportedAt: Timestamp,
  app: z.object({ name: z.string(), version: z.string() }),
  interview: ReportModel,
});
export type ReportExport = z.infer<typeof ReportExport>;

export function jsonReport(report: ReportModel, options: { exportedAt: string; appVersion: string }): string {
  const envelope: ReportExport = {
    format: EXPORT_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    exportedAt: options.exportedAt,
    app: { name: 'Interview Practice', version: options.appVersion },
    interview: report,
  };
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

/**
 * The schema of what a reader accepts ("input"): objects allow properties they do not list,
 * so a version 1 reader validates a file that gained optional fields since.
 */
export function reportExportJsonSchema(): Record<string, unknown> {
  return {
    $id: `https://interview-practice.invalid/export-schema-v${SCHEMA_VERSION}.json`,
    title: 'Interview Practice report export',
    ...z.toJSONSchema(ReportExport, { io: 'input', target: 'draft-2020-12' }),
  };
}

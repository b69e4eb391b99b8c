import type { ExportFormat } from '../../../shared/protocol';
import { useTransport } from '../transport/transport-context';
import { readerLocale, useExport } from './use-export';

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'pdf', label: 'PDF' },
  { format: 'html', label: 'HTML' },
  { format: 'md', label: 'Markdown' },
  { format: 'json', label: 'JSON' },
];

/** Save the report as PDF, HTML, Markdown or JSON (issue #11); the PDF takes a few seconds, so it shows progress. */
export function ExportButtons({ interviewId }: { interviewId: string }) {
  const transport = useTransport();
  const { busy, error, run } = useExport<ExportFormat>();
  const locale = readerLocale();
  return (
    <div className="export-bar" data-testid="export-bar">
      <span className="muted">Save this report as</span>
      {FORMATS.map(({ format, label }) => (
        <button
          key={format}
          type="button"
          disabled={busy !== null}
          onClick={() => void run(format, () => transport.call('reports.export', { interviewId, format, ...(locale ? { locale } : {}) }))}
        >
          {label}
        </button>
      ))}
      {busy && (
        <span className="export-progress" role="status" data-testid="export-progress">
          <progress aria-label={`Preparing the ${busy === 'md' ? 'Markdown' : busy.toUpperCase()} file`} />
          {busy === 'pdf' ? 'Preparing the PDF… this takes a few seconds.' : 'Preparing the file…'}
        </span>
      )}
      {error && <p role="alert">{error}</p>}
    </div>
  );
}

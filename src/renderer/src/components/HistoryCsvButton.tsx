import { useTransport } from '../transport/transport-context';
import { useExport } from './use-export';

/** History as a CSV file, one row per interview, for people who keep their own spreadsheets (issue #11). */
export function HistoryCsvButton() {
  const transport = useTransport();
  const { busy, error, run } = useExport<'csv'>();
  return (
    <div className="export-bar">
      <button type="button" disabled={busy !== null} onClick={() => void run('csv', () => transport.call('history.exportCsv', {}))}>
        {busy ? 'Preparing the CSV…' : 'Export history as CSV'}
      </button>
      {error && <p role="alert">{error}</p>}
    </div>
  );
}

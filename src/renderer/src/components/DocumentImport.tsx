import { useId, useState } from 'react';
import { IMPORT_ACCEPT, IMPORT_LIMITS_TEXT } from '../../../shared/documents/import-limits';
import type { DocumentKind, SavedDocument } from '../../../shared/protocol';
import { importFile, importPasted, pickAndImport } from '../transport/import-document';
import { useTransport } from '../transport/transport-context';

const WORDS: Record<DocumentKind, string> = { resume: 'résumé', posting: 'job posting' };

/**
 * Import a résumé or job posting: a file (the app's dialog, or a file field in the browser) or
 * pasted text. What can be imported is said before anything is chosen; a file that cannot be
 * read gets its sentence here, and what was pasted stays in the box.
 */
export function DocumentImport({ kind, onImported }: { kind: DocumentKind; onImported(document: SavedDocument): void }) {
  const transport = useTransport();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');
  const pasteId = useId();
  const limitsId = useId();

  const run = async (work: () => Promise<SavedDocument | undefined>): Promise<void> => {
    setBusy(true);
    setProblem(null);
    try {
      const saved = await work();
      if (saved) onImported(saved);
      return;
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="document-import" data-testid={`${kind}-import`}>
      <p className="muted" id={limitsId}>
        {IMPORT_LIMITS_TEXT}
      </p>
      {transport.kind === 'ipc' ? (
        <button type="button" disabled={busy} aria-describedby={limitsId} onClick={() => void run(() => pickAndImport(transport, kind))}>
          Import a {WORDS[kind]} file…
        </button>
      ) : (
        <label className="file-field">
          Import a {WORDS[kind]} file
          <input
            type="file"
            accept={IMPORT_ACCEPT}
            disabled={busy}
            aria-describedby={limitsId}
            data-testid={`${kind}-file`}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void run(() => importFile(transport, kind, file));
            }}
          />
        </label>
      )}
      <details>
        <summary>Or paste the {WORDS[kind]}</summary>
        <label htmlFor={pasteId}>The {WORDS[kind]} as text</label>
        <textarea id={pasteId} rows={5} value={pasted} onChange={(event) => setPasted(event.target.value)} data-testid={`${kind}-paste`} />
        <button type="button" disabled={busy || !pasted.trim()} onClick={() => void run(() => importPasted(transport, kind, pasted))}>
          Read this text
        </button>
      </details>
      {busy && (
        <p className="muted" role="status">
          Reading…
        </p>
      )}
      {problem && (
        <p className="import-problem" role="alert" data-testid={`${kind}-import-problem`}>
          {problem}
        </p>
      )}
    </div>
  );
}

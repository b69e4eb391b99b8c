import { useState } from 'react';
import { saveExportedFile } from '../transport/save-export';

/** One export at a time, with what is being made and what went wrong, for export buttons. */
export function useExport<K extends string>(): {
  busy: K | null;
  error: string | null;
  run(kind: K, make: () => Promise<{ fileName: string; url: string }>): Promise<void>;
} {
  const [busy, setBusy] = useState<K | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (kind: K, make: () => Promise<{ fileName: string; url: string }>): Promise<void> => {
    setBusy(kind);
    setError(null);
    try {
      await saveExportedFile(await make());
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(null);
    }
  };
  return { busy, error, run };
}

/** The reader's language for dates in exports, when the browser names one the protocol accepts. */
export const readerLocale = (): string | undefined => (/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(navigator.language) ? navigator.language : undefined);

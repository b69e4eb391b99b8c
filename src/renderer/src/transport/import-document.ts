import { fileTooLargeSentence } from '../../../shared/documents/import-limits';
import { LIMITS, type DocumentKind, type SavedDocument } from '../../../shared/protocol';
import type { Transport } from './transport';

/**
 * Bringing a résumé or job posting in (issue #14). Every file is read in main: browser mode
 * announces the file (main refuses a type it cannot read), sends its bytes to the host, then
 * asks for it to be read; the app opens its own file dialog. The size is checked here first,
 * so a file too large is refused before a byte moves.
 */
export async function importFile(transport: Transport, kind: DocumentKind, file: File): Promise<SavedDocument> {
  if (file.size > LIMITS.importFileBytes) throw new Error(fileTooLargeSentence(file.size));
  const slot = await transport.call('documents.upload', { fileName: file.name, size: file.size });
  let sent: Response;
  try {
    sent = await fetch(slot.url, { method: 'POST', body: file, headers: { 'Content-Type': 'application/octet-stream' } });
  } catch {
    throw new Error('The file could not be sent to the app. Check that it is still running, then choose the file again.');
  }
  if (!sent.ok) throw new Error('The file did not arrive whole; choose it again.');
  const result = await transport.call('documents.import', { kind, source: { type: 'upload', uploadId: slot.uploadId } });
  if ('cancelled' in result) throw new Error('The file did not arrive; choose it again.');
  return result;
}

/** The app's file dialog; undefined when the candidate closed it without choosing. */
export async function pickAndImport(transport: Transport, kind: DocumentKind): Promise<SavedDocument | undefined> {
  const result = await transport.call('documents.import', { kind, source: { type: 'pick' } });
  return 'cancelled' in result ? undefined : result;
}

export async function importPasted(transport: Transport, kind: DocumentKind, text: string): Promise<SavedDocument> {
  const result = await transport.call('documents.import', { kind, source: { type: 'paste', text } });
  if ('cancelled' in result) throw new Error('Nothing was read.');
  return result;
}

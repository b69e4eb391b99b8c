import { LIMITS, type DocumentKind, type DocumentSource } from '../../shared/protocol';
import { documentErrors } from './document-error';
import { typeOfFile, type FileType } from './document-type';
import { docxText } from './docx-text';
import { requireEnglish } from './language-check';
import { pdfText } from './pdf-text';
import { decodePlainText } from './plain-text';

/** Fewer letters than this in a whole file is no text: what a scan's stray marks come to. */
const MIN_LETTERS = 20;

export const DOCUMENT_WORDS: Record<DocumentKind, string> = { resume: 'résumé', posting: 'job posting' };
/** The longest text each kind keeps: the same limits the setup form's boxes have. */
export const TEXT_LIMITS: Record<DocumentKind, number> = { resume: LIMITS.resumeChars, posting: LIMITS.jobDescriptionChars };

const extractors: Record<FileType, (bytes: Uint8Array) => Promise<string> | string> = {
  pdf: pdfText,
  docx: docxText,
  txt: decodePlainText,
  md: decodePlainText,
};

/** Lines trimmed, runs of blank lines and spaces collapsed, control characters gone. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\p{Cc}|\u00ad/gu, (char) => (char === '\n' || char === '\t' ? char : ' '))
    .replace(/[ \t\u00a0]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** What a text must be to be kept as a résumé or posting: some letters, within its limit, in English. */
export function checkDocumentText(kind: DocumentKind, text: string, source: DocumentSource): string {
  const tidy = tidyText(text);
  if ((tidy.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) throw source === 'pdf' ? documentErrors.scanned() : documentErrors.empty();
  if (tidy.length > TEXT_LIMITS[kind]) throw documentErrors.tooLong(DOCUMENT_WORDS[kind], tidy.length, TEXT_LIMITS[kind]);
  requireEnglish(tidy, DOCUMENT_WORDS[kind]);
  return tidy;
}

/**
 * A résumé or posting file's text (issue #14), read here in the main process only: PDF with
 * pdf.js, Word with mammoth, text and Markdown as they are. Every way it can fail is a
 * DocumentError with its sentence.
 */
export async function readDocumentFile(kind: DocumentKind, fileName: string, bytes: Uint8Array): Promise<{ text: string; source: DocumentSource }> {
  if (bytes.byteLength > LIMITS.importFileBytes) throw documentErrors.tooLarge(bytes.byteLength);
  const source = typeOfFile(fileName, bytes);
  const text = await extractors[source](bytes);
  return { text: checkDocumentText(kind, text, source), source };
}

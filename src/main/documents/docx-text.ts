import mammoth from 'mammoth';
import { documentErrors } from './document-error';

/** A Word file's text with mammoth (paragraphs become lines); a broken zip or document is "damaged". */
export async function docxText(bytes: Uint8Array): Promise<string> {
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return value;
  } catch {
    throw documentErrors.damaged();
  }
}

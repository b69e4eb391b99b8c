import { documentErrors } from './document-error';

/**
 * A text or Markdown file's characters: UTF-8 (with or without a byte-order mark), UTF-16 with
 * one, or else Windows-1252, which older Windows editors still write. A file with NUL bytes
 * in it is not text at all.
 */
export function decodePlainText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.includes(0)) throw documentErrors.unknownType();
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

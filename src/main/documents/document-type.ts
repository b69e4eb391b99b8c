import { documentErrors } from './document-error';

export type FileType = 'pdf' | 'docx' | 'txt' | 'md';

const TEXT_EXTENSIONS: Record<string, FileType> = { txt: 'txt', text: 'txt', md: 'md', markdown: 'md' };
/** Office files saved with a password are OLE compound files, whatever their extension says. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((byte, i) => bytes[i] === byte);
export const extensionOf = (fileName: string): string => /\.([A-Za-z0-9]{1,10})$/.exec(fileName)?.[1]?.toLowerCase() ?? '';

/** The type a file's name claims, for refusing an unknown type before any byte is sent. */
export function typeByName(fileName: string): FileType {
  const extension = extensionOf(fileName);
  if (extension === 'pdf' || extension === 'docx') return extension;
  if (extension === 'doc') throw documentErrors.oldWord();
  const text = TEXT_EXTENSIONS[extension];
  if (!text) throw documentErrors.unknownType();
  return text;
}

/**
 * What the bytes are, checked against the name: a PDF renamed .txt is still read as a PDF, and
 * a ".docx" that is not a zip is a password-protected or damaged file, not an unknown type.
 */
export function typeOfFile(fileName: string, bytes: Uint8Array): FileType {
  const claimed = typeByName(fileName);
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (claimed === 'pdf') throw documentErrors.damaged();
  if (startsWith(bytes, OLE)) throw claimed === 'docx' ? documentErrors.protected('Word file') : documentErrors.unknownType();
  if (startsWith(bytes, ZIP)) {
    if (claimed === 'docx') return 'docx';
    throw documentErrors.unknownType();
  }
  if (claimed === 'docx') throw documentErrors.damaged();
  return claimed;
}

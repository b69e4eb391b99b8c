import { fileTooLargeSentence } from '../../shared/documents/import-limits';

/**
 * Why a résumé or job posting could not be read (issue #14), as one sentence the candidate
 * understands with the next step. Never the file's name or contents: the sentence may be logged.
 */
export type DocumentProblem = 'FILE_TOO_LARGE' | 'FILE_TYPE' | 'FILE_PROTECTED' | 'FILE_DAMAGED' | 'NO_TEXT' | 'TEXT_TOO_LONG' | 'LANGUAGE';

export class DocumentError extends Error {
  constructor(
    readonly code: DocumentProblem,
    message: string,
  ) {
    super(message);
    this.name = 'DocumentError';
  }
}

const PASTE_INSTEAD = 'or paste the text instead';

export const documentErrors = {
  tooLarge: (bytes: number) => new DocumentError('FILE_TOO_LARGE', fileTooLargeSentence(bytes)),
  unknownType: () => new DocumentError('FILE_TYPE', `This type of file cannot be read; import a PDF, a Word file (.docx), a text or Markdown file, ${PASTE_INSTEAD}.`),
  oldWord: () => new DocumentError('FILE_TYPE', `Old Word files (.doc) cannot be read; save it as .docx or PDF in Word, ${PASTE_INSTEAD}.`),
  protected: (what: 'PDF' | 'Word file') =>
    new DocumentError('FILE_PROTECTED', `This ${what} is protected with a password, so it cannot be read; save a copy without the password, ${PASTE_INSTEAD}.`),
  damaged: () => new DocumentError('FILE_DAMAGED', `This file is damaged and cannot be read; save or export it again from the program that made it, ${PASTE_INSTEAD}.`),
  scanned: () => new DocumentError('NO_TEXT', 'This PDF has no text to read (it may be a scan or a picture); paste the text instead.'),
  empty: () => new DocumentError('NO_TEXT', `This file has no text in it; check that it is the right file, ${PASTE_INSTEAD}.`),
  tooLong: (what: string, chars: number, limit: number) =>
    new DocumentError(
      'TEXT_TOO_LONG',
      `This ${what} has ${chars.toLocaleString('en-US')} characters of text; at most ${limit.toLocaleString('en-US')} can be used. Shorten it, or paste the parts that matter.`,
    ),
  language: (what: string, language: string) =>
    new DocumentError('LANGUAGE', `This ${what} looks like it is written in ${language}; the built-in interviewer reads English only. Import an English version, or paste one.`),
};

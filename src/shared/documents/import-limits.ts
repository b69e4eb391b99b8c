import { LIMITS } from '../protocol/limits';

/**
 * What can be imported, said before the candidate picks a file (issue #14: limits shown before
 * import, not discovered after), and the sentence for a file over the size limit, the same in
 * the page (which checks before sending) and in main (which checks again).
 */
export const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

export const IMPORT_LIMITS_TEXT = `PDF, Word (.docx), text or Markdown, up to ${megabytes(LIMITS.importFileBytes)}. Read on this computer; nothing is sent anywhere.`;

/** The file types a file field offers. */
export const IMPORT_ACCEPT = '.pdf,.docx,.txt,.md,.markdown,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/markdown';

export const fileTooLargeSentence = (bytes: number): string =>
  `This file is ${megabytes(bytes)}; files up to ${megabytes(LIMITS.importFileBytes)} can be imported. Save a smaller copy (without pictures), or paste the text instead.`;

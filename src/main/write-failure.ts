import type { ErrorCode } from '../shared/protocol';

/**
 * How the app reports a write the disk refused (issue #9, fault 7): a full disk or a folder
 * that cannot be written is the user's to fix, not a bug, so it gets its own code and one
 * sentence naming the data folder and what to do, the same wherever the write was (an
 * answer, a recording, settings). Everything else stays an unexpected failure.
 */
export type WriteFailureCode = Extract<ErrorCode, 'DISK_FULL' | 'FOLDER_NOT_WRITABLE'>;

export interface WriteFailure {
  code: WriteFailureCode;
  /** One sentence for the user: what happened, which folder, what to do next. */
  message: string;
}

/**
 * Node's errno codes and SQLite's result codes (better-sqlite3 gives extended ones such as
 * SQLITE_READONLY_DBMOVED: the family is what counts).
 */
const CODES: Record<string, WriteFailureCode> = {
  ENOSPC: 'DISK_FULL',
  EDQUOT: 'DISK_FULL',
  SQLITE_FULL: 'DISK_FULL',
  EROFS: 'FOLDER_NOT_WRITABLE',
  EACCES: 'FOLDER_NOT_WRITABLE',
  EPERM: 'FOLDER_NOT_WRITABLE',
  SQLITE_READONLY: 'FOLDER_NOT_WRITABLE',
  SQLITE_CANTOPEN: 'FOLDER_NOT_WRITABLE',
  SQLITE_PERM: 'FOLDER_NOT_WRITABLE',
};

const MESSAGES: Record<WriteFailureCode, (folder: string) => string> = {
  DISK_FULL: (folder) => `The disk that holds your data folder (${folder}) is full: free some space on it, then try again.`,
  FOLDER_NOT_WRITABLE: (folder) =>
    `Your data folder (${folder}) cannot be written to: make it writable (it may be read-only, or belong to another user), then try again.`,
};

/** The error's code, or that of an error it wraps (`cause`), reduced to its family. */
function codeOf(error: unknown): WriteFailureCode | undefined {
  for (let current = error, depth = 0; current instanceof Object && depth < 5; current = (current as { cause?: unknown }).cause, depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code !== 'string') continue;
    const family = code.startsWith('SQLITE_') ? code.split('_').slice(0, 2).join('_') : code;
    const mapped = CODES[family];
    if (mapped) return mapped;
  }
  return undefined;
}

/** The failure to report when `error` is the disk refusing a write under `folder`, else undefined. */
export function writeFailureOf(error: unknown, folder: string): WriteFailure | undefined {
  const code = codeOf(error);
  return code ? { code, message: MESSAGES[code](folder) } : undefined;
}

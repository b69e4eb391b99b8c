import type { AppMode } from './app-mode';

/**
 * A data folder that cannot be used, in one sentence for the user. Entry points show its
 * message as it is (stderr, the app's dialog), never a stack trace.
 */
export class DataFolderError extends Error {
  override name = 'DataFolderError';
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOTDIR: 'part of its path is a file, not a folder',
  EEXIST: 'a file has that name',
  ENOENT: 'part of its path does not exist',
  ENAMETOOLONG: 'its path is too long',
};

/** Only browser mode takes --data-dir; the app's folder is the system's, so its user can only fix it. */
const NEXT_STEP: Record<AppMode, string> = {
  'browser-mode': 'Choose another folder with --data-dir.',
  'desktop-app': 'Check that you can write to it, then open Interview Practice again.',
};

export function folderProblem(dir: string, action: 'created' | 'written', error: unknown, mode: AppMode): DataFolderError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const reason = REASONS[code] ?? (code ? `error ${code}` : 'an unexpected error');
  return new DataFolderError(`The data folder ${dir} cannot be ${action} (${reason}). ${NEXT_STEP[mode]}`);
}

const DATABASE_REASONS: Record<string, string> = {
  SQLITE_READONLY: 'you may read it but not change it',
  SQLITE_CANTOPEN: 'it cannot be opened',
  SQLITE_PERM: 'permission denied',
  SQLITE_FULL: 'the disk is full',
  SQLITE_IOERR: 'the disk reported an error',
};

/** The database file's own problems (the folder may be writable while the file is not); other errors pass through. */
export function databaseProblem(file: string, error: unknown, mode: AppMode): unknown {
  const code = String((error as { code?: unknown } | undefined)?.code ?? '');
  // Extended codes (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED) share their primary code's reason.
  const primary = Object.keys(DATABASE_REASONS).find((key) => code === key || code.startsWith(`${key}_`));
  const reason = primary && DATABASE_REASONS[primary];
  return reason ? new DataFolderError(`The interview database ${file} cannot be used (${reason}). ${NEXT_STEP[mode]}`) : error;
}

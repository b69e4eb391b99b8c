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

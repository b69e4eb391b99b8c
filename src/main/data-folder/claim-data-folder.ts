import { mkdirSync } from 'node:fs';
import type { AppMode } from './app-mode';
import { folderProblem } from './data-folder-error';
import { lockDataFolder, type FolderLock } from './folder-lock';

/**
 * Creates the data folder if needed and claims it for this process, before anything in it is
 * read or written. A folder that cannot be created or written fails here, with a sentence
 * that names it (the lock file is the first thing written).
 */
export function claimDataFolder(dir: string, mode: AppMode): FolderLock {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw folderProblem(dir, 'created', error, mode);
  }
  return lockDataFolder(dir, mode);
}

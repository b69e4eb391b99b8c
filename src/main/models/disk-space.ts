import { stat, statfs as nodeStatfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Logger } from '../log';
import { formatBytes, ModelError } from './model-errors';

/** The part of `fs.statfs` the check needs, so tests (and callers) can pass their own. */
export type StatFs = (path: string) => Promise<{ bavail: number | bigint; bsize: number | bigint }>;

export const defaultStatFs: StatFs = (path) => nodeStatfs(path);

/** Head room left after a download, so the app can still write its database and recordings. */
const MIN_MARGIN_BYTES = 64 * 1024 * 1024;
const MARGIN_FRACTION = 0.05;

/** What must be free to write `remainingBytes` more: the bytes plus a margin. */
export function requiredFreeBytes(remainingBytes: number): number {
  if (remainingBytes <= 0) return 0;
  return remainingBytes + Math.max(MIN_MARGIN_BYTES, Math.ceil(remainingBytes * MARGIN_FRACTION));
}

/** statfs needs an existing path; the models folder may not be created yet. */
async function nearestExistingFolder(path: string): Promise<string> {
  let current = path;
  for (;;) {
    const isFolder = await stat(current).then(
      (info) => info.isDirectory(),
      () => false,
    );
    const parent = dirname(current);
    if (isFolder || parent === current) return current;
    current = parent;
  }
}

/**
 * Refuses, before anything is downloaded or copied, when the disk holding `folder` has less
 * free space than `remainingBytes` plus the margin. When the free space cannot be measured
 * (an unusual file system), it says so in the log and lets the transfer try.
 */
export async function ensureFreeSpace(options: {
  statfs: StatFs;
  folder: string;
  remainingBytes: number;
  modelName: string;
  log: Logger;
  modelId: string;
}): Promise<void> {
  const needed = requiredFreeBytes(options.remainingBytes);
  if (needed === 0) return;
  let free: number;
  try {
    const stats = await options.statfs(await nearestExistingFolder(options.folder));
    free = Number(stats.bavail) * Number(stats.bsize);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    options.log.warn('models.disk_space_unknown', { modelId: options.modelId, cause: typeof code === 'string' ? code : 'unknown' });
    return;
  }
  if (free < needed) {
    throw new ModelError(
      'NOT_ENOUGH_SPACE',
      `There is not enough free disk space for ${options.modelName}: it needs ${formatBytes(needed)} ` +
        `(${formatBytes(options.remainingBytes)} plus room to spare) and only ${formatBytes(free)} is free. ` +
        'Free up some space, then try again.',
    );
  }
}

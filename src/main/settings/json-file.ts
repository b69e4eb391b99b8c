import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Logger } from '../log';

/** Write to a temporary file and rename it over the old one, so a crash never leaves half a file. */
export function writeJsonAtomically(path: string, value: unknown, mode: number): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, JSON.stringify(value, null, 2) + '\n', { mode });
    renameSync(temporary, path);
  } catch (error) {
    // A full or read-only disk: the old file stands, and no half-written copy is left beside it.
    rmSync(temporary, { force: true });
    throw error;
  }
  chmodSync(path, mode);
}

/** The file's JSON, or undefined when there is none; a damaged file is kept aside for the user. */
export function readJsonFile(path: string, log: Logger): unknown {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    renameSync(path, `${path}.damaged-${Date.now()}`);
    log.warn('settings.file_damaged', { file: basename(path) });
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Another mode's file, read without changing it: undefined when it is missing or damaged. */
export function peekJsonFile(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

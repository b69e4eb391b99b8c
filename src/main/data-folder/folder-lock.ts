import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { AppMode } from '../../shared/protocol';
import { MODE_NAMES } from './app-mode';
import { DataFolderError, folderProblem } from './data-folder-error';

/**
 * One process per data folder (DESIGN.md §6, issue #9): two hosts, or the app and a host,
 * on one folder overwrote each other's settings and lost answers. The lock is a file created
 * with O_EXCL that says who holds it; a holder that is gone (killed, crashed, or from before
 * the computer restarted) is taken over. docs/decisions.md says why not proper-lockfile.
 */
export const LOCK_FILE = 'interview-practice.lock';

const LockRecord = z.object({
  pid: z.number().int().positive(),
  hostname: z.string(),
  mode: AppMode,
  startedAt: z.string(),
  /** When the holder's computer started, so a pid reused after a restart is not taken for the holder. */
  bootedAt: z.number(),
  id: z.string(),
});
type LockRecord = z.infer<typeof LockRecord>;

/** Clocks and uptimes disagree by seconds; a restart moves the boot time by far more. */
const SAME_BOOT_TOLERANCE_MS = 5 * 60_000;
/** A lock file with no record yet is one being written right now, unless it stays that way. */
const BEING_WRITTEN_MS = 10_000;

export interface FolderLock {
  release(): void;
}

const heldByThisProcess = new Map<string, LockRecord>();

export function lockDataFolder(dir: string, mode: AppMode): FolderLock {
  const path = join(dir, LOCK_FILE);
  const alreadyHeld = heldByThisProcess.get(path);
  if (alreadyHeld) throw inUse(dir, alreadyHeld, mode);
  const mine: LockRecord = { pid: process.pid, hostname: hostname(), mode, startedAt: new Date().toISOString(), bootedAt: bootedAt(), id: randomUUID() };
  const text = JSON.stringify(mine) + '\n';
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (createExclusively(path, text, dir, mode)) return holding(path, mine, text);
    const held = readLock(path);
    if (held === undefined) continue;
    if (held.record ? isRunning(held.record) : Date.now() - held.modifiedMs < BEING_WRITTEN_MS) throw inUse(dir, held.record, mode);
    try {
      takeOver(path, held.text);
    } catch (error) {
      throw folderProblem(dir, 'written', error, mode);
    }
  }
  throw new DataFolderError(`The data folder ${dir} could not be locked because several programs are starting on it at once. Try again.`);
}

function holding(path: string, record: LockRecord, text: string): FolderLock {
  heldByThisProcess.set(path, record);
  const release = (): void => {
    if (heldByThisProcess.get(path) !== record) return;
    heldByThisProcess.delete(path);
    process.off('exit', release);
    // Only our own record is removed: a folder taken over after we were thought gone is not ours.
    try {
      if (readLock(path)?.text === text) unlinkQuietly(path);
    } catch {
      // The folder became unreadable or went away: there is nothing left to release.
    }
  };
  // process.exit() from any path (a failed start, a fatal error) still frees the folder.
  process.on('exit', release);
  return { release };
}

function createExclusively(path: string, text: string, dir: string, mode: AppMode): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw folderProblem(dir, 'written', error, mode);
  }
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkQuietly(path);
    throw folderProblem(dir, 'written', error, mode);
  }
  closeSync(fd);
  return true;
}

function readLock(path: string): { text: string; record: LockRecord | undefined; modifiedMs: number } | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    const modifiedMs = statSync(path).mtimeMs;
    let record: LockRecord | undefined;
    try {
      const parsed = LockRecord.safeParse(JSON.parse(text));
      record = parsed.success ? parsed.data : undefined;
    } catch {
      record = undefined;
    }
    return { text, record, modifiedMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function isRunning(holder: LockRecord): boolean {
  // Another computer's process cannot be checked from here (a shared or synced folder).
  if (holder.hostname !== hostname()) return true;
  if (Math.abs(holder.bootedAt - bootedAt()) > SAME_BOOT_TOLERANCE_MS) return false;
  // Our own pid but not our lock: an earlier run in a container, where pids start over.
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Moves the stale lock aside before deleting it, and checks that what it moved is the lock it
 * judged: two processes taking over at once must not delete the lock the faster one just made.
 */
function takeOver(path: string, staleText: string): void {
  const aside = `${path}.stale-${process.pid}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (readLock(aside)?.text === staleText) unlinkQuietly(aside);
  else renameSync(aside, path);
}

function inUse(dir: string, holder: LockRecord | undefined, mode: AppMode): DataFolderError {
  const nextStep = mode === 'browser-mode' ? 'Close it, or choose another folder with --data-dir.' : 'Close it, then open Interview Practice again.';
  if (!holder) return new DataFolderError(`The data folder ${dir} is in use by another Interview Practice that is starting. ${nextStep}`);
  const where = holder.hostname === hostname() ? '' : ` on the computer "${holder.hostname}"`;
  const elsewhere = where ? ` If it no longer runs there, delete ${join(dir, LOCK_FILE)}.` : '';
  return new DataFolderError(
    `The data folder ${dir} is in use by another Interview Practice (process ${holder.pid}${where}, ${MODE_NAMES[holder.mode]}). ${nextStep}${elsewhere}`,
  );
}

function bootedAt(): number {
  return Date.now() - uptime() * 1000;
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone: nothing to release.
  }
}

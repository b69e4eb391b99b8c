import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../tests/support/temp-dir';
import { claimDataFolder } from './claim-data-folder';
import { DataFolderError } from './data-folder-error';
import { LOCK_FILE } from './folder-lock';

let temp: ReturnType<typeof makeTempDir>;
let lockPath: string;
beforeEach(() => {
  temp = makeTempDir('lock');
  lockPath = join(temp.path, LOCK_FILE);
});
afterEach(() => temp.remove());

const bootedAt = (): number => Date.now() - uptime() * 1000;
const writeLock = (fields: Partial<{ pid: number; hostname: string; mode: string; bootedAt: number }>): void =>
  writeFileSync(lockPath, JSON.stringify({ pid: process.ppid, hostname: hostname(), mode: 'desktop-app', startedAt: new Date().toISOString(), bootedAt: bootedAt(), id: 'x', ...fields }));
const holderPid = (): number => (JSON.parse(readFileSync(lockPath, 'utf8')) as { pid: number }).pid;
const refusal = (claim: () => unknown): string => {
  try {
    claim();
  } catch (error) {
    expect(error).toBeInstanceOf(DataFolderError);
    return (error as Error).message;
  }
  throw new Error('the claim was not refused');
};

describe('the data folder lock', () => {
  it('refuses a folder this process already holds, and frees it on release', () => {
    const lock = claimDataFolder(temp.path, 'browser-mode');
    expect(refusal(() => claimDataFolder(temp.path, 'desktop-app'))).toBe(
      `The data folder ${temp.path} is in use by another Interview Practice (process ${process.pid}, browser mode). Close it, then open Interview Practice again.`,
    );
    lock.release();
    expect(existsSync(lockPath)).toBe(false);
    claimDataFolder(temp.path, 'desktop-app').release();
  });

  it('refuses a folder held by a running process, naming it as the app', () => {
    writeLock({ pid: process.ppid });
    expect(refusal(() => claimDataFolder(temp.path, 'browser-mode'))).toContain(`(process ${process.ppid}, the desktop app). Close it, or choose another folder with --data-dir.`);
    expect(holderPid()).toBe(process.ppid);
  });

  it('takes over a lock whose process is gone', () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    writeLock({ pid: gone });
    const lock = claimDataFolder(temp.path, 'browser-mode');
    expect(holderPid()).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock from before the computer restarted, even if its pid is in use again', () => {
    writeLock({ pid: process.ppid, bootedAt: bootedAt() - 3_600_000 });
    claimDataFolder(temp.path, 'browser-mode').release();
  });

  it('never takes over a lock from another computer, and says how to free it', () => {
    writeLock({ hostname: 'other-laptop', pid: 1 });
    const message = refusal(() => claimDataFolder(temp.path, 'browser-mode'));
    expect(message).toContain('(process 1 on the computer "other-laptop", the desktop app)');
    expect(message).toContain(`If it no longer runs there, delete ${lockPath}.`);
  });

  it('waits out a lock being written, and takes over one left empty by a crash', () => {
    writeFileSync(lockPath, '');
    expect(refusal(() => claimDataFolder(temp.path, 'browser-mode'))).toContain('in use by another Interview Practice that is starting');
    const aMinuteAgo = new Date(Date.now() - 60_000);
    utimesSync(lockPath, aMinuteAgo, aMinuteAgo);
    claimDataFolder(temp.path, 'browser-mode').release();
  });

  it('does not delete a lock another process took over after this one was thought gone', () => {
    const lock = claimDataFolder(temp.path, 'browser-mode');
    writeLock({ pid: process.ppid });
    lock.release();
    expect(holderPid()).toBe(process.ppid);
  });

  it('says which folder cannot be created, and why, in one sentence', () => {
    writeFileSync(join(temp.path, 'a-file'), '');
    const dir = join(temp.path, 'a-file', 'data');
    expect(refusal(() => claimDataFolder(dir, 'browser-mode'))).toBe(
      `The data folder ${dir} cannot be created (part of its path is a file, not a folder). Choose another folder with --data-dir.`,
    );
  });
});

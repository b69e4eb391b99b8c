import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../src/main/db/database';
import { DATABASE_FILE } from '../../src/main/services';
import { RESOURCES_DIR, writeFakeRenderer } from '../support/host-fixture';
import { exitOf, spawnHostCli, unprivilegedPrefix } from '../support/host-process';
import { makeTempDir } from '../support/temp-dir';

/**
 * Issue #9 fault 8: a data folder the host cannot use ends the start with one sentence that
 * names the folder (or file) and why, on stderr, and exit code 1: never a stack trace.
 */
let temp: ReturnType<typeof makeTempDir>;
let rendererDir: string;
beforeEach(() => {
  temp = makeTempDir('folder-problems');
  rendererDir = join(temp.path, 'renderer');
  writeFakeRenderer(rendererDir);
  // Readable by the other account the permission tests run the host as.
  chmodSync(temp.path, 0o755);
});
afterEach(() => temp.remove());

/** Root may write anywhere, so these run the host as nobody when the tests run as root. */
const unprivileged = unprivilegedPrefix();

async function refusal(dataDir: string): Promise<string> {
  const host = spawnHostCli(['--port', '0', '--data-dir', dataDir, '--renderer-dir', rendererDir], 'prefix' in unprivileged ? unprivileged.prefix : []);
  expect((await exitOf(host.child)).code).toBe(1);
  expect(host.stdout()).toBe('');
  expect(host.stderr()).not.toMatch(/\n\s+at /);
  return host.stderr();
}

describe.skipIf(process.platform === 'win32' || 'skip' in unprivileged)('a data folder that cannot be used', () => {
  it('says which folder cannot be created, and why', async () => {
    writeFileSync(join(temp.path, 'notes.txt'), 'a file where a folder should be');
    const dataDir = join(temp.path, 'notes.txt', 'data');
    expect(await refusal(dataDir)).toContain(`The data folder ${dataDir} cannot be created (part of its path is a file, not a folder). Choose another folder with --data-dir.`);
  });

  it('says which folder cannot be written, and why', async () => {
    const dataDir = join(temp.path, 'read-only');
    mkdirSync(dataDir, { mode: 0o555 });
    chmodSync(dataDir, 0o555);
    expect(await refusal(dataDir)).toContain(`The data folder ${dataDir} cannot be written (permission denied). Choose another folder with --data-dir.`);
  });

  it('says which database file cannot be changed, in a folder that can', async () => {
    const dataDir = join(temp.path, 'shared');
    mkdirSync(dataDir);
    const db = openDatabase(join(dataDir, DATABASE_FILE));
    migrate(db, join(RESOURCES_DIR, 'migrations'));
    db.$client.close();
    chmodSync(join(dataDir, DATABASE_FILE), 0o444);
    chmodSync(dataDir, 0o777);
    expect(await refusal(dataDir)).toContain(`The interview database ${join(dataDir, DATABASE_FILE)} cannot be used (`);
  });
});

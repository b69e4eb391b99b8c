import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../src/main/data-folder/folder-lock';
import { hostFolderPerTest } from '../support/host-folder';
import { TestClient } from '../support/host-fixture';
import { exitOf, readyOf, type HostProcess } from '../support/host-process';

/**
 * Issue #9 fault 4, DESIGN.md §6: one process per data folder. Two hosts on one folder
 * overwrote each other's settings and lost an answer; the second must be refused instead.
 */
const folder = hostFolderPerTest('folder-lock');
const startHost = (): HostProcess => folder.start();

const lockHolderPid = (): number => (JSON.parse(readFileSync(join(folder.dataDir, LOCK_FILE), 'utf8')) as { pid: number }).pid;

describe('one process per data folder', () => {
  it('refuses a second host with one sentence naming the folder and the holder; the first keeps working', async () => {
    const first = startHost();
    const ready = await readyOf(first);

    const second = startHost();
    expect((await exitOf(second.child)).code).toBe(1);
    expect(second.stdout()).toBe('');
    expect(second.stderr()).toContain(
      `The data folder ${folder.dataDir} is in use by another Interview Practice (process ${first.child.pid}, browser mode). Close it, or choose another folder with --data-dir.`,
    );
    expect(second.stderr()).not.toMatch(/\n\s+at /);

    // The refused host left the first one's lock alone, and the first still serves and saves.
    expect(lockHolderPid()).toBe(first.child.pid);
    const client = await TestClient.open(ready.ws);
    expect(await client.call('settings.set', { preferences: { feedbackTiming: 'at-end' } })).toMatchObject({ type: 'rpc_result' });
    expect(await client.call('settings.get')).toMatchObject({ result: { preferences: { feedbackTiming: 'at-end' } } });
    client.close();

    // A clean shutdown releases the folder.
    first.child.kill('SIGINT');
    expect((await exitOf(first.child)).code).toBe(0);
    expect(existsSync(join(folder.dataDir, LOCK_FILE))).toBe(false);
    await readyOf(startHost());
  });

  it('takes over the lock a killed host left behind', async () => {
    const first = startHost();
    await readyOf(first);
    first.child.kill('SIGKILL');
    await exitOf(first.child);
    expect(lockHolderPid()).toBe(first.child.pid);

    const second = startHost();
    await readyOf(second);
    expect(lockHolderPid()).toBe(second.child.pid);
  });
});

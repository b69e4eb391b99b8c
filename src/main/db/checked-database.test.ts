import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RESOURCES_DIR } from '../../../tests/support/paths';
import { makeTempDir } from '../../../tests/support/temp-dir';
import { openCheckedDatabase } from './checked-database';

let temp: ReturnType<typeof makeTempDir>;
let file: string;
beforeEach(() => {
  temp = makeTempDir('checked-db');
  file = join(temp.path, 'interviews.sqlite');
});
afterEach(() => temp.remove());

const MIGRATIONS = join(RESOURCES_DIR, 'migrations');
const AT = new Date('2026-12-04T18:00:00.123Z');
const open = () => openCheckedDatabase(file, MIGRATIONS, AT);

describe('opening the interview database (issue #9 fault 8)', () => {
  it('opens a healthy database as it is, with nothing moved', () => {
    open().db.$client.close();
    const { db, keptAs } = open();
    db.$client.close();
    expect(keptAs).toBeUndefined();
    expect(readdirSync(temp.path).filter((name) => name.includes('damaged'))).toEqual([]);
  });

  it('keeps a file that is no database at all, with its -wal and -shm, and starts a working one', () => {
    const garbage = randomBytes(8192);
    writeFileSync(file, garbage);
    writeFileSync(`${file}-wal`, 'wal');
    writeFileSync(`${file}-shm`, 'shm');
    const { db, keptAs } = open();
    expect(keptAs).toBe(join(temp.path, 'interviews.damaged-2026-12-04T18-00-00.sqlite'));
    expect(readFileSync(keptAs!).equals(garbage)).toBe(true);
    expect(readFileSync(`${keptAs}-wal`, 'utf8')).toBe('wal');
    // The -shm is only an index SQLite rebuilds from the -wal; reading may refresh it, so it just moves along.
    expect(existsSync(`${keptAs}-shm`)).toBe(true);
    expect(db.$client.prepare('SELECT count(*) AS n FROM interviews').get()).toEqual({ n: 0 });
    db.$client.close();
  });

  it('never overwrites a damaged file kept earlier in the same second', () => {
    writeFileSync(file, randomBytes(8192));
    open().db.$client.close();
    writeFileSync(file, randomBytes(8192));
    const { db, keptAs } = open();
    db.$client.close();
    expect(keptAs).toBe(join(temp.path, 'interviews.damaged-2026-12-04T18-00-00-2.sqlite'));
    expect(readdirSync(temp.path).filter((name) => name.endsWith('.sqlite')).sort()).toEqual([
      'interviews.damaged-2026-12-04T18-00-00-2.sqlite',
      'interviews.damaged-2026-12-04T18-00-00.sqlite',
      'interviews.sqlite',
    ]);
  });
});

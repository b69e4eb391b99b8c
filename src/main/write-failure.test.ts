import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../tests/support/temp-dir';
import { writeFailureOf } from './write-failure';

const FOLDER = '/home/sam/Interview Practice';
const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: failed`), { code });

describe('writeFailureOf', () => {
  it.each(['ENOSPC', 'EDQUOT', 'SQLITE_FULL'])('reads %s as a full disk, naming the folder and the next step', (code) => {
    const failure = writeFailureOf(errno(code), FOLDER);
    expect(failure?.code).toBe('DISK_FULL');
    expect(failure?.message).toMatch(/is full: free some space on it, then try again\.$/);
    expect(failure?.message).toContain(FOLDER);
  });

  it.each(['EROFS', 'EACCES', 'EPERM', 'SQLITE_READONLY', 'SQLITE_READONLY_DBMOVED', 'SQLITE_CANTOPEN', 'SQLITE_PERM'])('reads %s as a folder that cannot be written', (code) => {
    const failure = writeFailureOf(errno(code), FOLDER);
    expect(failure?.code).toBe('FOLDER_NOT_WRITABLE');
    expect(failure?.message).toContain(FOLDER);
    expect(failure?.message).toMatch(/make it writable/);
  });

  it('finds the code of a wrapped error', () => {
    expect(writeFailureOf(new Error('could not save', { cause: errno('ENOSPC') }), FOLDER)?.code).toBe('DISK_FULL');
  });

  it('leaves every other failure alone', () => {
    for (const error of [new Error('boom'), errno('ENOENT'), errno('SQLITE_CONSTRAINT_UNIQUE'), 'text', undefined]) {
      expect(writeFailureOf(error, FOLDER)).toBeUndefined();
    }
  });

  it("reads SQLite's own error for a database it may not write", () => {
    const temp = makeTempDir('write-failure');
    try {
      const file = join(temp.path, 'db.sqlite');
      new Database(file).exec('create table t (a)');
      const readOnly = new Database(file, { readonly: true });
      let caught: unknown;
      try {
        readOnly.exec('insert into t values (1)');
      } catch (error) {
        caught = error;
      }
      readOnly.close();
      expect(writeFailureOf(caught, FOLDER)?.code).toBe('FOLDER_NOT_WRITABLE');
    } finally {
      temp.remove();
    }
  });
});

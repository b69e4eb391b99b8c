import { existsSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate, openDatabase, type AppDatabase } from './database';

export interface CheckedDatabase {
  db: AppDatabase;
  /** Where a damaged database was moved, when one was. */
  keptAs?: string;
}

/**
 * Opens the interview database after `PRAGMA quick_check` (issue #9): a file with a damaged
 * page used to open and then fail every call. A damaged file is moved aside with its -wal and
 * -shm, never deleted and never written to, and a fresh database is created in its place.
 * The check reads every page once; that is a fraction of a second for years of practice.
 */
export function openCheckedDatabase(file: string, migrationsFolder: string, now: Date = new Date()): CheckedDatabase {
  const keptAs = isDamaged(file) ? moveAside(file, now) : undefined;
  const db = openDatabase(file);
  try {
    migrate(db, migrationsFolder);
    // A file the user may read but not write opens read-only without a word: find out now,
    // with a sentence, rather than when the first answer cannot be saved.
    db.$client.exec('BEGIN IMMEDIATE; CREATE TABLE write_probe (x); ROLLBACK');
  } catch (error) {
    db.$client.close();
    throw error;
  }
  return keptAs ? { db, keptAs } : { db };
}

/**
 * Read-only, so checking writes nothing to the database or its -wal (no checkpoint on close);
 * only the -shm, an index SQLite rebuilds from the -wal, may be refreshed.
 */
function isDamaged(file: string): boolean {
  if (!existsSync(file)) return false;
  let check: Database.Database | undefined;
  try {
    check = new Database(file, { readonly: true, fileMustExist: true });
    const rows = check.pragma('quick_check') as { quick_check: string }[];
    return !(rows.length === 1 && rows[0]!.quick_check === 'ok');
  } catch (error) {
    // Damage can also stop the file from opening at all; anything else (busy, no access) is no damage.
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')) return true;
    throw error;
  } finally {
    check?.close();
  }
}

/** interviews.sqlite → interviews.damaged-2026-12-04T18-00-00.sqlite, beside it. */
function moveAside(file: string, now: Date): string {
  const name = basename(file);
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, '-');
  let keptAs = join(dirname(file), `${stem}.damaged-${stamp}${extension}`);
  for (let n = 2; existsSync(keptAs); n += 1) keptAs = join(dirname(file), `${stem}.damaged-${stamp}-${n}${extension}`);
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, keptAs + suffix);
  }
  return keptAs;
}

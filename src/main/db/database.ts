import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate as runMigrations } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type AppDatabase = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * Opens (creating if needed) the interview database. WAL lets the UI read while an answer is
 * being written; synchronous=NORMAL under WAL keeps every commit across a crash of the app
 * (kill -9) and only risks the last commits on a power cut, for a fraction of FULL's cost.
 */
export function openDatabase(file: string): AppDatabase {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const client = new Database(file);
  client.pragma('journal_mode = WAL');
  client.pragma('synchronous = NORMAL');
  client.pragma('busy_timeout = 5000');
  client.pragma('foreign_keys = ON');
  return drizzle({ client, schema }) as AppDatabase;
}

/**
 * The one migration function (STYLE.md §3), used by app start, the host and tests alike.
 * Foreign keys are switched off around it (a migration that recreates a table must not
 * cascade-delete its children) and checked before they are switched back on.
 */
export function migrate(db: AppDatabase, migrationsFolder: string): void {
  const client = db.$client;
  client.pragma('foreign_keys = OFF');
  try {
    runMigrations(db, { migrationsFolder });
    const broken = client.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new Error(`migration left ${broken.length} broken foreign keys`);
  } finally {
    client.pragma('foreign_keys = ON');
  }
}

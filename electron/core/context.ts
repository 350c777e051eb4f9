import { Kysely, SqliteDialect } from 'kysely';
import type { Sqlite } from './db/connection';
import type { DB } from './db/schema';

/** What every service gets: the open ledger and the clock. */
export interface Context {
  sqlite: Sqlite;
  db: Kysely<DB>;
  dataDir: string;
  databaseFile: string;
  appVersion: string;
  /** Today's calendar date, `yyyy-MM-dd` (fixed in tests with OPENSTAAND_TODAY). */
  today(): string;
  /** A timestamp for created_at columns. */
  now(): string;
}

export function createKysely(sqlite: Sqlite): Kysely<DB> {
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
}

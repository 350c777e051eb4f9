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
  /**
   * Replaces the ledger file under the running backend (restore, backup/restore.ts): closes this
   * connection, runs `install` (which puts the new file in place), reopens and migrates it, and
   * answers the new Context. If anything fails it runs `rollback`, reopens what is there and
   * throws. Set by the backend (backend.ts); services other than restore never need it.
   */
  swapLedger?(steps: LedgerSwap): Promise<Context>;
}

export interface LedgerSwap {
  install(databaseFile: string): void | Promise<void>;
  rollback(databaseFile: string): void | Promise<void>;
}

export function createKysely(sqlite: Sqlite): Kysely<DB> {
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
}

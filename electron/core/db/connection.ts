import Database from 'better-sqlite3';
import { checkOpenable } from './migrate';

export type Sqlite = Database.Database;

/**
 * Opens the ledger file with the settings every connection needs. WAL so that a crash never
 * leaves a half-written page; foreign keys on (SQLite leaves them off by default); a busy timeout
 * so a backup and a write do not fail on each other. A file that is not an Openstaand ledger, or
 * one from a newer app, is refused BEFORE anything is written to it (switching to WAL rewrites the
 * file header).
 */
export function openSqlite(file: string, options: { readonly?: boolean } = {}): Sqlite {
  const nativeBinding = process.env.OPENSTAAND_SQLITE_BINDING || undefined;
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false, nativeBinding });
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  if (!options.readonly) {
    try {
      checkOpenable(db);
    } catch (error) {
      db.close();
      throw error;
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  return db;
}

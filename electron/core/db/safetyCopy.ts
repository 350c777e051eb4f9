import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Sqlite } from './connection';

/**
 * Before a migration touches an existing ledger, a full copy is made next to it with SQLite's
 * online backup API, so that a failed or unwanted upgrade can always be undone by hand.
 */
export async function copyBeforeMigration(db: Sqlite, databaseFile: string, from: number, to: number): Promise<string> {
  const dir = path.join(path.dirname(databaseFile), 'backups');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = path.join(dir, `voor-migratie-v${from}-naar-v${to}-${stamp}.sqlite`);
  await db.backup(target);
  return target;
}

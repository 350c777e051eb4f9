import { AppError } from '../errors';
import type { Sqlite } from './connection';
import { migrations as allMigrations, type Migration } from './migrations';

/** PRAGMA application_id of an Openstaand ledger ("OPST"): how a restore recognises our files. */
export const APPLICATION_ID = 0x4f505354;

export function latestVersion(migrations: readonly Migration[] = allMigrations): number {
  return migrations.at(-1)?.version ?? 0;
}

export function schemaVersion(db: Sqlite): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function checkMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
}

/**
 * Refuses what this app cannot safely open: another program's database, or one written by a newer
 * Openstaand (its schema may mean things this version does not know).
 */
export function checkOpenable(db: Sqlite, migrations: readonly Migration[] = allMigrations): number {
  const version = schemaVersion(db);
  const appId = db.pragma('application_id', { simple: true }) as number;
  const hasTables = (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n > 0;
  if ((version > 0 || hasTables) && appId !== APPLICATION_ID) {
    throw new AppError('database', 'Dit bestand is geen Openstaand-administratie.', 'This file is not an Openstaand ledger.');
  }
  if (version > latestVersion(migrations)) {
    throw new AppError(
      'database',
      `Deze administratie is gemaakt met een nieuwere versie van Openstaand (schema ${version}; deze versie kent tot en met ${latestVersion(migrations)}). Werk Openstaand bij om haar te openen; er is niets veranderd.`,
      `This ledger was written by a newer Openstaand (schema ${version}; this version knows up to ${latestVersion(migrations)}). Update Openstaand to open it; nothing was changed.`,
    );
  }
  return version;
}

/**
 * Brings the schema up to date. Each migration runs in its own transaction together with the
 * version bump, so a crash leaves the file at the old version or the new one, never between.
 * (Kysely's Migrator cannot do that on SQLite: it runs DDL outside a transaction and records the
 * step separately.) `beforeMigrate` runs first when an existing ledger is about to change: the
 * caller copies the file there.
 */
export async function migrate(
  db: Sqlite,
  options: { beforeMigrate?: (from: number, to: number) => Promise<void>; migrations?: readonly Migration[]; target?: number } = {},
): Promise<{ from: number; to: number }> {
  const migrations = options.migrations ?? allMigrations;
  checkMigrationList(migrations);
  const from = checkOpenable(db, migrations);
  const target = options.target ?? latestVersion(migrations);
  const pending = migrations.filter((m) => m.version > from && m.version <= target);
  if (pending.length === 0) return { from, to: from };
  if (from > 0 && options.beforeMigrate) await options.beforeMigrate(from, target);
  for (const m of pending) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    })();
  }
  return { from, to: target };
}

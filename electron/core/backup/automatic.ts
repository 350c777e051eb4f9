// Copies the app makes by itself, in `<dataDir>/backups/`:
//   automatisch-…   at start (after the backend is ready) when the last one is older than a day,
//                   and again while the app stays open for days; pruned 7 daily / 4 weekly / 12 monthly
//   voor-import-…   before every import (backupBeforeImport); the 10 newest are kept
//   voor-migratie-… before a schema migration of an existing ledger; never pruned
//   voor-herstel-…  the ledger as it was before a restore (restore.ts); never pruned
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { BackupFile } from '../../../shared/contract/methods/backup';
import type { Context } from '../context';
import type { Sqlite } from '../db/connection';
import { AppError } from '../errors';
import { backupsDir, freeBackupPath, listBackupFiles, parseBackupName } from './files';
import { DEFAULT_RETENTION, selectBackupsToKeep, selectNewest, type DatedCopy } from './retention';
import { removeLeftovers, writeSnapshot } from './snapshot';

/** How many copies taken before imports are kept (the newest). */
export const KEEP_BEFORE_IMPORT = 10;

/**
 * "Older than a day", with an hour of slack: a copy is made each working day even when the app
 * starts a little earlier than the day before.
 */
export const AUTOMATIC_INTERVAL_MS = 23 * 60 * 60 * 1000;

function toBackupFile(file: string, sizeBytes: number): BackupFile {
  const fileName = path.basename(file);
  const parsed = parseBackupName(fileName)!;
  return { fileName, kind: parsed.kind, createdAt: parsed.takenAt.toISOString(), sizeBytes, detail: parsed.detail };
}

/** True when the ledger holds anything worth a copy (a brand-new, empty ledger does not). */
export function hasData(sqlite: Sqlite): boolean {
  return (sqlite.prepare(`SELECT EXISTS (SELECT 1 FROM business) OR EXISTS (SELECT 1 FROM debtors)
    OR EXISTS (SELECT 1 FROM invoices) OR EXISTS (SELECT 1 FROM documents) AS any_rows`).get() as { any_rows: number }).any_rows === 1;
}

/** True when no automatic copy was made in the last day. */
export function automaticBackupDue(dataDir: string, now = new Date()): boolean {
  const last = listBackupFiles(dataDir).find((f) => f.kind === 'automatisch');
  return !last || now.getTime() - new Date(last.createdAt).getTime() >= AUTOMATIC_INTERVAL_MS;
}

/**
 * Deletes the copies the retention rules no longer keep: automatic copies by 7/4/12
 * (retention.ts), copies before imports beyond the newest 10. Copies before a migration or a
 * restore are never deleted by the app. Answers the names deleted.
 */
export function pruneBackups(dataDir: string): string[] {
  const files = listBackupFiles(dataDir);
  const dated = (kind: BackupFile['kind']): DatedCopy[] =>
    files.filter((f) => f.kind === kind).map((f) => ({ id: f.fileName, takenAt: new Date(f.createdAt) }));
  const automatic = dated('automatisch');
  const beforeImport = dated('voor-import');
  const keep = new Set([...selectBackupsToKeep(automatic, DEFAULT_RETENTION), ...selectNewest(beforeImport, KEEP_BEFORE_IMPORT)]);
  const removed: string[] = [];
  for (const copy of [...automatic, ...beforeImport]) {
    if (keep.has(copy.id)) continue;
    rmSync(path.join(backupsDir(dataDir), copy.id), { force: true });
    removed.push(copy.id);
  }
  return removed;
}

/** Makes an automatic copy now and prunes old ones. */
export async function makeAutomaticBackup(ctx: Context, now = new Date()): Promise<BackupFile> {
  const target = freeBackupPath(backupsDir(ctx.dataDir), 'automatisch', now);
  const { sizeBytes } = await writeSnapshot(ctx.sqlite, target);
  pruneBackups(ctx.dataDir);
  return toBackupFile(target, sizeBytes);
}

/**
 * The start-up (and once-a-day) job: clears what an interrupted copy left behind, and makes an
 * automatic copy when the last one is older than a day and the ledger holds data.
 */
export async function automaticBackupIfDue(ctx: Context, now = new Date()): Promise<BackupFile | null> {
  removeLeftovers(ctx.dataDir);
  if (!automaticBackupDue(ctx.dataDir, now) || !hasData(ctx.sqlite)) return null;
  return makeAutomaticBackup(ctx, now);
}

/**
 * A full copy of the ledger before an import changes it. For the imports service (issue 8):
 *
 * ```ts
 * const copy = await backupBeforeImport(ctx, `bank ${fileName}`);   // before the transaction
 * await transaction(ctx, async () => { … insert the import … });
 * ```
 *
 * - Call it inside the import's request (the backend runs one request at a time, so the copy is
 *   exactly the ledger before the import) and BEFORE `transaction(ctx, …)`: inside an open
 *   transaction it throws, because the copy would contain uncommitted changes.
 * - `reason` becomes part of the file name (lower-case words, at most 40 characters), e.g.
 *   `voor-import-2026-11-24T10-15-30-123Z-bank-ing-2026-csv.sqlite`; it is shown in the backups list.
 * - If the copy cannot be made (disk full, folder not writable) it throws an AppError
 *   ('database') with a Dutch message: do not import then.
 * - Answers the copy (file name, time, size); the 10 newest copies before imports are kept.
 */
export async function backupBeforeImport(ctx: Context, reason: string, now = new Date()): Promise<BackupFile> {
  if (ctx.sqlite.inTransaction) throw new Error('backupBeforeImport must be called before the import\'s transaction is opened');
  const target = freeBackupPath(backupsDir(ctx.dataDir), 'voor-import', now, reason);
  try {
    const { sizeBytes } = await writeSnapshot(ctx.sqlite, target);
    pruneBackups(ctx.dataDir);
    return toBackupFile(target, sizeBytes);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new AppError(
      'database',
      `Er kon geen reservekopie worden gemaakt vóór het importeren (${detail}). Er is niets geïmporteerd; maak ruimte vrij op de schijf en probeer het opnieuw.`,
      `No backup could be made before the import (${detail}). Nothing was imported; free some disk space and try again.`,
    );
  }
}

/**
 * Before a migration touches an existing ledger (db/migrate.ts `beforeMigrate`): a full copy with
 * the online backup API, so that a failed or unwanted upgrade can always be undone.
 */
export async function copyBeforeMigration(db: Sqlite, databaseFile: string, from: number, to: number, now = new Date()): Promise<string> {
  const target = freeBackupPath(path.join(path.dirname(databaseFile), 'backups'), 'voor-migratie', now, [from, to]);
  await writeSnapshot(db, target);
  return target;
}

/**
 * Runs `automaticBackupIfDue` through the backend's request queue (`run`), first after `delayMs`
 * (so start-up is not slowed) and then every `intervalMs`. Timers do not keep the process alive.
 * Answers a function that stops them.
 */
export function scheduleAutomaticBackups(
  run: (task: (ctx: Context) => Promise<unknown>) => Promise<unknown>,
  options: { delayMs?: number; intervalMs?: number } = {},
): () => void {
  let warned = false;
  const job = () => {
    run((ctx) => automaticBackupIfDue(ctx)).catch((error: unknown) => {
      // Closed while copying (the app quits): nothing to report. Else say it once.
      if (warned || (error instanceof Error && /not open|closed/i.test(error.message))) return;
      warned = true;
      console.warn('[openstaand] automatic backup failed:', error instanceof Error ? error.message : error);
    });
  };
  const first = setTimeout(job, options.delayMs ?? 2000);
  const every = setInterval(job, options.intervalMs ?? 60 * 60 * 1000);
  first.unref();
  every.unref();
  return () => { clearTimeout(first); clearInterval(every); };
}

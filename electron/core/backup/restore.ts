// Putting a backup back: from the backups folder (by name) or from the user's own file.
//
//   1. the candidate is written to a private file next to the ledger (same disk: rename is atomic)
//   2. it is checked (inspect.ts): an Openstaand ledger, sound, a version this app knows, our schema
//   3. the current ledger is copied aside: backups/voor-herstel-<time>.sqlite
//   4. the backend closes the ledger, the candidate is renamed over it, the backend reopens it
//      (migrating an older one, with its own copy first); every later request sees the restored data
//
// Anything refused in 1–3 changes nothing. A crash at any moment leaves either the old file or
// the new one in place (one rename), never a mix; a leftover candidate is removed at the next start.
import { copyFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RestoreSummary } from '../../../shared/contract/methods/backup';
import type { Context } from '../context';
import { schemaVersion } from '../db/migrate';
import { AppError } from '../errors';
import { backupsDir, freeBackupPath, resolveBackupFile } from './files';
import { inspectLedgerFile, openCentsTotal, type LedgerFacts } from './inspect';
import { fsyncDir, fsyncFile, openRaw, removeDatabaseFiles, tempLedgerPath, writeSnapshot } from './snapshot';

/**
 * Throws (conflict) when another connection has the ledger open: an exclusive lock is refused
 * while anyone else holds even a read lock (in WAL mode every open connection does). The probe's
 * own close, as the last connection, folds in and removes the write-ahead log.
 */
export function assertNotOpenElsewhere(databaseFile: string): void {
  const probe = openRaw(databaseFile);
  try {
    probe.pragma('busy_timeout = 0');
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('COMMIT');
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY') || (error as { code?: string }).code?.startsWith('SQLITE_LOCKED')) {
      throw new AppError('conflict', 'Een ander programma of venster heeft de administratie nog open; sluit het en probeer opnieuw. Er is niets veranderd.', 'Another program or window still has the ledger open; close it and try again. Nothing was changed.');
    }
    throw error;
  } finally {
    probe.close();
  }
}

const countOf = (ctx: Context, table: 'debtors' | 'invoices' | 'payments' | 'documents') =>
  (ctx.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/**
 * Replaces the open ledger by `candidate` (a private file in the data folder, consumed: renamed
 * into place or removed). `verify` may refuse the checked facts (the moving import compares them
 * with its manifest). Throws an AppError, with nothing changed, when the candidate is refused.
 */
export async function replaceLedger(ctx: Context, candidate: string, restoredFrom: string, verify?: (facts: LedgerFacts) => void): Promise<RestoreSummary> {
  try {
    const facts = await inspectLedgerFile(candidate);
    verify?.(facts);
    if (!ctx.swapLedger) throw new AppError('database', 'Terugzetten kan hier niet: de administratie is niet door de app zelf geopend.', 'Restoring is not possible here.');

    const keptAside = freeBackupPath(backupsDir(ctx.dataDir), 'voor-herstel', new Date());
    await writeSnapshot(ctx.sqlite, keptAside);

    let installed = false;
    const swap = ctx.swapLedger({
      install(databaseFile) {
        // Our connection is closed. If any other connection (a second window, the command line,
        // another program) still has the file open, replacing it would pair its write-ahead log
        // with the wrong file: refuse instead.
        assertNotOpenElsewhere(databaseFile);
        rmSync(`${databaseFile}-wal`, { force: true });
        rmSync(`${databaseFile}-shm`, { force: true });
        fsyncFile(candidate);
        renameSync(candidate, databaseFile);
        installed = true;
        fsyncDir(path.dirname(databaseFile));
      },
      rollback(databaseFile) {
        if (!installed) return;
        // The copy taken aside is the ledger as it was: put it back the same way.
        const back = tempLedgerPath(ctx.dataDir, 'herstel');
        copyFileSync(keptAside, back);
        fsyncFile(back);
        rmSync(`${databaseFile}-wal`, { force: true });
        rmSync(`${databaseFile}-shm`, { force: true });
        renameSync(back, databaseFile);
        fsyncDir(path.dirname(databaseFile));
      },
    });
    let fresh: Context;
    try {
      fresh = await swap;
    } catch (error) {
      // Refused before the file was replaced: the ledger is as it was, so the copy aside is not needed.
      if (!installed) {
        removeDatabaseFiles(keptAside);
        try { rmdirSync(path.dirname(keptAside)); } catch { /* not empty: other copies are there */ }
      }
      throw error;
    }
    return {
      restoredFrom,
      keptAside: path.basename(keptAside),
      schemaVersion: schemaVersion(fresh.sqlite),
      originalSchemaVersion: facts.schemaVersion,
      counts: { debtors: countOf(fresh, 'debtors'), invoices: countOf(fresh, 'invoices'), payments: countOf(fresh, 'payments'), documents: countOf(fresh, 'documents') },
      openCents: openCentsTotal(fresh.sqlite),
    };
  } finally {
    removeDatabaseFiles(candidate);
  }
}

/** 'backup.restore': a copy from the backups folder by name, or the bytes of the user's file. */
export async function restoreBackup(ctx: Context, input: { fileName?: string; dataBase64?: string }): Promise<RestoreSummary> {
  const source = input.fileName === undefined ? null : resolveBackupFile(ctx.dataDir, input.fileName);
  if (input.fileName !== undefined && !source) {
    throw new AppError('not-found', 'Deze back-up staat niet (meer) in de map met back-ups. Er is niets veranderd.', 'This backup is not (or no longer) in the backups folder. Nothing was changed.');
  }
  const candidate = tempLedgerPath(ctx.dataDir, 'herstel');
  try {
    if (source) copyFileSync(source, candidate);
    else writeFileSync(candidate, Buffer.from(input.dataBase64 ?? '', 'base64'));
    return await replaceLedger(ctx, candidate, input.fileName ?? 'bestand');
  } finally {
    removeDatabaseFiles(candidate);
  }
}

// The health screen's methods: where the ledger is and how it is doing, a copy to take away, and
// the integrity check on demand.
import { readFileSync, statSync } from 'node:fs';
import type { BackupDownload, BackupFile, BackupStatus, IntegrityReport } from '../../../shared/contract/methods/backup';
import type { Context } from '../context';
import { schemaVersion } from '../db/migrate';
import { sha256Hex } from '../util/hash';
import { automaticBackupDue, KEEP_BEFORE_IMPORT } from './automatic';
import { backupsDir, listBackupFiles } from './files';
import { checkLedger } from './inspect';
import { DEFAULT_RETENTION } from './retention';
import { removeDatabaseFiles, tempLedgerPath, writeSnapshot } from './snapshot';

const sizeOf = (file: string) => {
  try { return statSync(file).size; } catch { return 0; }
};

export function backupStatus(ctx: Context): BackupStatus {
  return {
    dataDir: ctx.dataDir,
    databaseFile: ctx.databaseFile,
    backupsDir: backupsDir(ctx.dataDir),
    databaseBytes: sizeOf(ctx.databaseFile) + sizeOf(`${ctx.databaseFile}-wal`),
    lastBackup: listBackupFiles(ctx.dataDir)[0] ?? null,
    automaticDue: automaticBackupDue(ctx.dataDir),
    appVersion: ctx.appVersion,
    schemaVersion: schemaVersion(ctx.sqlite),
    retention: { ...DEFAULT_RETENTION, beforeImport: KEEP_BEFORE_IMPORT },
  };
}

export function listBackups(ctx: Context): BackupFile[] {
  return listBackupFiles(ctx.dataDir);
}

/** A complete, self-contained copy of the ledger as bytes: `openstaand-backup-<today>.sqlite`. */
export async function snapshotBytes(ctx: Context): Promise<Buffer> {
  const file = tempLedgerPath(ctx.dataDir, 'kopie');
  try {
    await writeSnapshot(ctx.sqlite, file);
    return readFileSync(file);
  } finally {
    removeDatabaseFiles(file);
  }
}

export async function createBackupDownload(ctx: Context): Promise<BackupDownload> {
  const bytes = await snapshotBytes(ctx);
  return {
    fileName: `openstaand-backup-${ctx.today()}.sqlite`,
    mimeType: 'application/vnd.sqlite3',
    dataBase64: bytes.toString('base64'),
    sizeBytes: bytes.length,
    sha256: sha256Hex(bytes),
  };
}

export function checkIntegrity(ctx: Context): IntegrityReport {
  return checkLedger(ctx.sqlite);
}

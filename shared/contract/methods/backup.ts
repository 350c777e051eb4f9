import { z } from 'zod';
import { method } from '../define';
import { base64, id } from '../../domain/primitives';
import type { FileBytes } from './ledger';

// Care of the ledger file itself (issue 11): backups, restore, moving to another computer, the
// health check, and forgetting a customer on request (AVG). The implementation is in
// electron/core/backup/.

/** automatisch: daily at start; voor-import / voor-migratie / voor-herstel: taken before that step. */
export type BackupKind = 'automatisch' | 'voor-import' | 'voor-migratie' | 'voor-herstel';

export interface BackupFile {
  /** The name in the backups folder; restore takes it back as is. */
  fileName: string;
  kind: BackupKind;
  /** When the copy was taken (ISO time stamp, UTC). */
  createdAt: string;
  sizeBytes: number;
  /** voor-migratie: "v1→v2"; voor-import: what was imported; else null. */
  detail: string | null;
}

export interface BackupStatus {
  dataDir: string;
  databaseFile: string;
  backupsDir: string;
  /** The ledger file plus its write-ahead log. */
  databaseBytes: number;
  lastBackup: BackupFile | null;
  /** True when no automatic copy of the last day exists (one is made at the next start). */
  automaticDue: boolean;
  appVersion: string;
  schemaVersion: number;
  retention: { daily: number; weekly: number; monthly: number; beforeImport: number };
}

export interface IntegrityReport {
  ok: boolean;
  checkedAt: string;
  /** PRAGMA integrity_check: ["ok"] or the first problems it found. */
  integrity: string[];
  foreignKeyProblems: number;
  /** Invoices whose stored open amount differs from amount − payments − credit notes. */
  balanceProblems: number;
  documentsChecked: number;
  /** Stored documents whose bytes no longer match their SHA-256. */
  documentProblems: { id: number; fileName: string }[];
}

export interface BackupDownload extends FileBytes {
  sizeBytes: number;
  sha256: string;
}

export interface MoveManifest {
  format: 'openstaand-verhuizing';
  formatVersion: 1;
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  database: { fileName: 'openstaand.sqlite'; sizeBytes: number; sha256: string };
  /** Rows per table. */
  counts: Record<string, number>;
  /** Sum of what is still open on all invoices, in cents. */
  openCents: number;
}

export interface MoveExport extends BackupDownload {
  manifest: MoveManifest;
}

export interface RestoreSummary {
  /** "bestand" (the user's file), "verhuizing" (an export zip) or the backup's file name. */
  restoredFrom: string;
  /** The ledger as it was just before, in the backups folder. */
  keptAside: string;
  schemaVersion: number;
  /** The restored file's schema version before it was brought up to date. */
  originalSchemaVersion: number;
  counts: { debtors: number; invoices: number; payments: number; documents: number };
  openCents: number;
}

export interface ForgetSummary {
  debtorId: number;
  name: string;
  forgottenAt: string;
  /** What stays, and why (see electron/core/backup/forget.ts). */
  kept: { invoices: number; invoicePdfs: number; payments: number };
  erased: { events: number; documents: number; payments: number; bankLines: number };
}

/** Decoded size a restore or import will take in: well above any real ledger, far below memory trouble. */
export const MAX_LEDGER_BYTES = 1024 * 1024 * 1024;
const maxBase64 = Math.ceil(MAX_LEDGER_BYTES / 3) * 4;

const backupFileName = z.string().max(160).regex(/^[a-z0-9][A-Za-z0-9-]*\.sqlite$/, { message: 'Geen geldige naam van een back-up.' });
const fileBytes = base64.max(maxBase64, { message: 'Het bestand is te groot.' }).min(1, { message: 'Het bestand is leeg.' });
const empty = z.object({}).strict();

export const backupMethods = {
  'backup.status': method<BackupStatus>()(empty, 'Where the ledger is, how large, the last backup, versions.'),
  'backup.list': method<BackupFile[]>()(empty, 'The copies in the backups folder (automatic and before imports, migrations, restores), newest first.'),
  'backup.create': method<BackupDownload>()(empty, 'A complete copy of the ledger as a file (bytes, base64) for the user to keep elsewhere.'),
  'backup.checkIntegrity': method<IntegrityReport>()(empty, 'Check the ledger file: SQLite integrity, references, stored balances, document hashes.'),
  'backup.restore': method<RestoreSummary>()(
    z.object({ fileName: backupFileName.optional(), dataBase64: fileBytes.optional() }).strict()
      .refine((v) => (v.fileName === undefined) !== (v.dataBase64 === undefined), { message: 'Kies een back-up uit de lijst óf een bestand, niet allebei.' }),
    'Put back a backup (by name from backup.list, or a file\'s bytes); the current ledger is kept aside first.',
  ),
  'backup.exportAll': method<MoveExport>()(empty, 'Everything for moving to another computer: a zip with the ledger and a manifest.'),
  'backup.importAll': method<RestoreSummary>()(z.object({ dataBase64: fileBytes }).strict(), 'On a new installation: take in the zip of backup.exportAll, checked against its manifest.'),
  'debtors.forget': method<ForgetSummary>()(z.object({ id }).strict(), 'Forget a customer on request (AVG): personal data removed, what the law requires kept.'),
};

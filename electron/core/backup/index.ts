// Care of the ledger file (issue 11). For other services, the one entry point is
// `backupBeforeImport(ctx, reason)`: call it at the start of every import, before its transaction
// (see automatic.ts for the contract). Everything else is reached through the contract's backup.*
// methods and 'debtors.forget'.
export { backupBeforeImport, copyBeforeMigration, pruneBackups, automaticBackupIfDue, KEEP_BEFORE_IMPORT } from './automatic';
export { backupStatus, checkIntegrity, createBackupDownload, listBackups } from './health';
export { exportAll, importAll } from './moving';
export { restoreBackup } from './restore';
export { forgetDebtor } from './forget';
export { selectBackupsToKeep, selectBackupsToPrune, DEFAULT_RETENTION, type DatedCopy, type RetentionPolicy } from './retention';

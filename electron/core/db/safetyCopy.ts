/**
 * Before a migration touches an existing ledger, a full copy is made next to it with SQLite's
 * online backup API (`backups/voor-migratie-v<from>-naar-v<to>-<time>.sqlite`), so that a failed or
 * unwanted upgrade can always be undone. One implementation for every copy the app makes:
 * electron/core/backup/ (written under a temporary name, self-contained, flushed, then renamed).
 */
export { copyBeforeMigration } from '../backup/automatic';

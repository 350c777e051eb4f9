// Writing a complete, self-contained copy of the open ledger with SQLite's online backup API.
// A copy is written under a temporary name, made independent of the WAL, flushed to disk and only
// then renamed to its final name: a crash or a full disk never leaves something that looks like a
// backup but is not one.
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Sqlite } from '../db/connection';
import { backupsDir, PARTIAL_SUFFIX } from './files';

/** Pages copied per step of the online backup (4 KB each): large steps, since requests wait anyway. */
const PAGES_PER_STEP = 4096;

/**
 * A connection of the backup module's own, for copies and candidate files: the same native
 * binding as the ledger's connection (Electron's ABI differs from Node's), nothing else set.
 */
export function openRaw(file: string, options: { readonly?: boolean } = {}): Sqlite {
  const nativeBinding = process.env.OPENSTAAND_SQLITE_BINDING || undefined;
  return new Database(file, { readonly: options.readonly ?? false, fileMustExist: true, nativeBinding });
}

/** Flushes a file's bytes to the disk. */
export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a folder's entries (a rename) to the disk, where the system allows it (not on Windows). */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder; NTFS journals the rename itself.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Removes a database file and the journal files SQLite may have left next to it. */
export function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

/**
 * Switches a copy from WAL to a plain rollback journal, so that it is one self-contained file
 * (the backup API copies the WAL flag in the header along with the pages).
 */
export function makeSelfContained(file: string): void {
  const db = openRaw(file);
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/**
 * Copies the open ledger to `target` with the online backup API (consistent even while the app
 * keeps working). Refuses to run inside an open transaction: the copy would contain changes that
 * may still be rolled back.
 */
export async function writeSnapshot(source: Sqlite, target: string): Promise<{ file: string; sizeBytes: number }> {
  if (source.inTransaction) throw new Error('A backup must be made outside a transaction');
  const dir = path.dirname(target);
  mkdirSync(dir, { recursive: true });
  const partial = target + PARTIAL_SUFFIX;
  removeDatabaseFiles(partial);
  try {
    await source.backup(partial, { progress: () => PAGES_PER_STEP });
    makeSelfContained(partial);
    fsyncFile(partial);
    renameSync(partial, target);
    fsyncDir(dir);
  } catch (error) {
    removeDatabaseFiles(partial);
    throw error;
  }
  return { file: target, sizeBytes: statSync(target).size };
}

/**
 * Removes what an interrupted copy or restore left behind: `*.partial` files in the backups
 * folder and `.herstel-*` / `.kopie-*` candidates in the data folder, once they are older than
 * `minAgeMs` (so a copy another process, such as the command line, is writing right now is left
 * alone). Never touches a complete copy.
 */
export function removeLeftovers(dataDir: string, minAgeMs = 10 * 60 * 1000, now = Date.now()): string[] {
  const removed: string[] = [];
  const sweep = (dir: string, test: (name: string) => boolean) => {
    let names: string[];
    try { names = readdirSync(dir); } catch { return; }
    for (const name of names) {
      if (!test(name)) continue;
      const file = path.join(dir, name);
      try {
        if (now - statSync(file).mtimeMs < minAgeMs) continue;
      } catch {
        continue;
      }
      rmSync(file, { force: true });
      removed.push(name);
    }
  };
  sweep(backupsDir(dataDir), (n) => /\.partial(-journal|-wal|-shm)?$/.test(n));
  sweep(dataDir, (n) => /^\.(herstel|kopie)-[a-z0-9-]+\.sqlite(-journal|-wal|-shm)?$/.test(n));
  return removed;
}

/** A private temporary file name in the data folder (same file system as the ledger: rename is atomic). */
export function tempLedgerPath(dataDir: string, purpose: 'herstel' | 'kopie'): string {
  const random = Math.random().toString(36).slice(2, 10);
  return path.join(dataDir, `.${purpose}-${Date.now().toString(36)}-${random}.sqlite`);
}

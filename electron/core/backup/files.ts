// The backups folder, `<dataDir>/backups/`: how copies are named, listed and found again.
// A name carries everything the app needs (kind and UTC time stamp), so no database row has to be
// written to make or list a backup: backing up never changes the ledger it copies.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BackupFile, BackupKind } from '../../../shared/contract/methods/backup';

export const BACKUPS_DIR = 'backups';

/** Suffix of a copy still being written; renamed to its final name only when complete. */
export const PARTIAL_SUFFIX = '.partial';

export const backupsDir = (dataDir: string) => path.join(dataDir, BACKUPS_DIR);

/** `2026-11-24T10-15-30-123Z`: an ISO time stamp that is a valid file name everywhere. */
export const stampOf = (date: Date) => date.toISOString().replace(/[:.]/g, '-');

const STAMP = String.raw`(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)`;
const NAME = new RegExp(String.raw`^(automatisch|voor-import|voor-migratie-v(\d+)-naar-v(\d+)|voor-herstel)-${STAMP}(?:-([a-z0-9-]{1,40}))?\.sqlite$`);

/** A plain backup file name as the app writes them (no folders, no dots but the extension). */
export const BACKUP_FILE_NAME = /^[a-z0-9][A-Za-z0-9-]{0,150}\.sqlite$/;

export function dateOfStamp(stamp: string): Date {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(stamp);
  return m ? new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`) : new Date(Number.NaN);
}

export interface ParsedBackupName {
  kind: BackupKind;
  takenAt: Date;
  /** voor-migratie: the versions; voor-import: the reason's slug. */
  detail: string | null;
}

export function parseBackupName(fileName: string): ParsedBackupName | null {
  const m = NAME.exec(fileName);
  if (!m) return null;
  const takenAt = dateOfStamp(m[4]!);
  if (Number.isNaN(takenAt.getTime())) return null;
  const kind: BackupKind = m[1]!.startsWith('voor-migratie') ? 'voor-migratie' : (m[1] as BackupKind);
  const detail = kind === 'voor-migratie' ? `v${m[2]}→v${m[3]}` : (m[5] ?? null);
  return { kind, takenAt, detail };
}

/** Lower-case ASCII words joined by dashes, at most 40 characters: "Bank ING (CAMT)" → "bank-ing-camt". */
export function slug(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
}

/** The name of a new copy. `kind` voor-migratie takes its versions in `detail` as `[from, to]`. */
export function backupName(kind: BackupKind, takenAt: Date, detail?: string | [number, number]): string {
  const stamp = stampOf(takenAt);
  if (kind === 'voor-migratie') {
    const [from, to] = Array.isArray(detail) ? detail : [0, 0];
    return `voor-migratie-v${from}-naar-v${to}-${stamp}.sqlite`;
  }
  const extra = typeof detail === 'string' && slug(detail) ? `-${slug(detail)}` : '';
  return `${kind}-${stamp}${extra}.sqlite`;
}

/**
 * A free path for a new copy in `dir`: if a copy of the same kind was made in the same millisecond,
 * the time stamp moves on by a millisecond (never overwrite a copy).
 */
export function freeBackupPath(dir: string, kind: BackupKind, takenAt: Date, detail?: string | [number, number]): string {
  let at = takenAt;
  for (;;) {
    const file = path.join(dir, backupName(kind, at, detail));
    if (!existsSync(file) && !existsSync(file + PARTIAL_SUFFIX)) return file;
    at = new Date(at.getTime() + 1);
  }
}

/** Every complete copy in the backups folder that the app made, newest first. Other files are ignored. */
export function listBackupFiles(dataDir: string): BackupFile[] {
  const dir = backupsDir(dataDir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const files: BackupFile[] = [];
  for (const fileName of names) {
    const parsed = parseBackupName(fileName);
    if (!parsed) continue;
    let sizeBytes: number;
    try {
      const st = statSync(path.join(dir, fileName));
      if (!st.isFile()) continue;
      sizeBytes = st.size;
    } catch {
      continue;
    }
    files.push({ fileName, kind: parsed.kind, createdAt: parsed.takenAt.toISOString(), sizeBytes, detail: parsed.detail });
  }
  return files.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.fileName < b.fileName ? 1 : -1));
}

/**
 * The path of a backup the user picked by name, or null: only a plain name the app itself would
 * write, of a file that exists directly in the backups folder (no "../", no other folder).
 */
export function resolveBackupFile(dataDir: string, fileName: string): string | null {
  if (!BACKUP_FILE_NAME.test(fileName) || !parseBackupName(fileName)) return null;
  const dir = path.resolve(backupsDir(dataDir));
  const file = path.resolve(dir, fileName);
  if (path.dirname(file) !== dir) return null;
  try {
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

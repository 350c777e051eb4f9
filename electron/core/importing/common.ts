// What every import shares: bytes from base64 with the size checked first, the file's hash, the
// parsers' ImportError turned into the contract's error, the copy of the ledger taken before an
// import writes, and the imports row.
import type { ImportKind } from '../../../shared/contract';
import { backupBeforeImport } from '../backup';
import type { Context } from '../context';
import { AppError } from '../errors';
import { isImportError, MAX_IMPORT_BYTES } from '../imports';
import { sha256Hex } from '../util/hash';

const mb = (n: number) => `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;

/** Base64 → bytes; the size is judged from the text's length before it is decoded. */
export function decodeImportFile(dataBase64: string): Uint8Array {
  const approx = Math.floor((dataBase64.length * 3) / 4);
  if (approx > MAX_IMPORT_BYTES + 2) {
    throw new AppError('too-large', `Het bestand is te groot (${mb(approx)}); het maximum is ${mb(MAX_IMPORT_BYTES)}. Exporteer een kortere periode.`,
      `The file is too large (${mb(approx)}); the maximum is ${mb(MAX_IMPORT_BYTES)}. Export a shorter period.`);
  }
  const buffer = Buffer.from(dataBase64, 'base64');
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

export const fileHash = (bytes: Uint8Array) => sha256Hex(bytes);

/** An ImportError from the parsers (Dutch + English message) as the contract's error; anything else unchanged. */
export function asAppError(error: unknown): unknown {
  if (!isImportError(error)) return error;
  const code = error.code === 'too-large' || error.code === 'zip-too-large' || error.code === 'zip-too-many-files' ? 'too-large' : 'import-failed';
  const said = /niet ingelezen|not imported/.test(error.message + error.messageEn);
  return new AppError(code, said ? error.message : `${error.message} Er is niets ingelezen.`, said ? error.messageEn : `${error.messageEn} Nothing was imported.`);
}

/** Runs a parser; its ImportError becomes an AppError with the user's message. */
export function parsing<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw asAppError(error);
  }
}

/**
 * The copy of the whole ledger before an import writes (backup/automatic.ts): called before the
 * import's transaction opens; if it cannot be made, the import does not happen.
 */
export async function copyBeforeImport(ctx: Context, reason: string): Promise<string> {
  const copy = await backupBeforeImport(ctx, reason);
  return copy.fileName;
}

export function previousImportOf(ctx: Context, sha256: string): { id: number; importedAt: string } | null {
  const row = ctx.sqlite.prepare('SELECT id, imported_at FROM imports WHERE sha256 = ? ORDER BY id DESC LIMIT 1').get(sha256) as { id: number; imported_at: string } | undefined;
  return row ? { id: row.id, importedAt: row.imported_at } : null;
}

export function insertImportRow(ctx: Context, kind: ImportKind, fileName: string, sha256: string): number {
  const r = ctx.sqlite.prepare('INSERT INTO imports (kind, file_name, sha256, counts_json, imported_at) VALUES (?, ?, ?, ?, ?)')
    .run(kind, fileName, sha256, '{}', ctx.now());
  return Number(r.lastInsertRowid);
}

export function setImportCounts(ctx: Context, importId: number, counts: Record<string, number>): void {
  ctx.sqlite.prepare('UPDATE imports SET counts_json = ? WHERE id = ?').run(JSON.stringify(counts), importId);
}

/** "facturen.csv" for the reason in a backup's file name. */
export const backupReason = (kind: 'bank' | 'facturen', fileName: string) => `${kind} ${fileName}`.slice(0, 60);

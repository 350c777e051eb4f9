// Checking a ledger file before it is trusted: a user's backup, an export from another laptop,
// or the open ledger itself (the health screen). A file that fails any check is refused with a
// sentence the user can act on, and nothing is changed.
//
// Defence against a crafted file: the header is read by hand before SQLite sees the file; the
// candidate is opened with trusted_schema off and query_only on; and its schema (tables, indexes,
// triggers, views, as SQLite stores their SQL) must be exactly what our own migrations produce for
// its version, so a file with an extra trigger or view, or a loosened CHECK, is never opened as
// the ledger.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { MAX_LEDGER_BYTES, type IntegrityReport } from '../../../shared/contract/methods/backup';
import type { Sqlite } from '../db/connection';
import { APPLICATION_ID, latestVersion, migrate } from '../db/migrate';
import { AppError } from '../errors';
import { sha256Hex } from '../util/hash';
import { openRaw } from './snapshot';

const NOTHING_CHANGED = 'Er is niets veranderd.';
const NOTHING_CHANGED_EN = 'Nothing was changed.';

export const refuse = (message: string, messageEn: string) =>
  new AppError('invalid-input', `${message} ${NOTHING_CHANGED}`, `${messageEn} ${NOTHING_CHANGED_EN}`);

/** What a checked ledger file holds. */
export interface LedgerFacts {
  schemaVersion: number;
  /** Rows per table. */
  counts: Record<string, number>;
  /** Sum of invoices.open_cents. */
  openCents: number;
  sizeBytes: number;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The schema as SQLite stores it, one line per object, in a stable order (statistics tables left out). */
export function schemaLines(db: Sqlite): string[] {
  const rows = db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name").all() as
    { type: string; name: string; tbl_name: string; sql: string | null }[];
  return rows.map((r) => `${r.type} ${r.name} ON ${r.tbl_name}: ${r.sql ?? '(implicit)'}`);
}

const expected = new Map<number, string[]>();

/** The schema our migrations produce for `version`, built once per version in memory. */
async function expectedSchema(version: number): Promise<string[]> {
  const known = expected.get(version);
  if (known) return known;
  const db = new Database(':memory:', { nativeBinding: process.env.OPENSTAAND_SQLITE_BINDING || undefined });
  try {
    await migrate(db, { target: version });
    const lines = schemaLines(db);
    expected.set(version, lines);
    return lines;
  } finally {
    db.close();
  }
}

export function tableNames(db: Sqlite): string[] {
  return (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

export function countRows(db: Sqlite): Record<string, number> {
  return Object.fromEntries(tableNames(db).map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${quote(t)}`).get() as { n: number }).n]));
}

export function openCentsTotal(db: Sqlite): number {
  return (db.prepare('SELECT coalesce(sum(open_cents), 0) AS n FROM invoices').get() as { n: number }).n;
}

/** PRAGMA integrity_check, at most `max` messages; ["ok"] when sound. */
export function integrityMessages(db: Sqlite, max = 20): string[] {
  return (db.pragma(`integrity_check(${max})`) as { integrity_check: string }[]).map((r) => r.integrity_check);
}

export function foreignKeyProblems(db: Sqlite): number {
  return (db.pragma('foreign_key_check') as unknown[]).length;
}

/** Invoices whose stored open amount differs from amount − allocations − credit notes (kept by triggers). */
export function balanceProblems(db: Sqlite): number {
  return (db.prepare(`SELECT count(*) AS n FROM invoices i WHERE i.open_cents <>
      (CASE WHEN i.kind = 'invoice' THEN i.amount_cents ELSE 0 END)
      - coalesce((SELECT sum(a.amount_cents) FROM payment_allocations a WHERE a.invoice_id = i.id), 0)
      - coalesce((SELECT sum(c.amount_cents) FROM invoices c WHERE c.kind = 'credit-note' AND c.corrects_invoice_id = i.id), 0)`).get() as { n: number }).n;
}

/** Documents whose bytes no longer match the SHA-256 stored with them (read one at a time). */
export function documentProblems(db: Sqlite): { checked: number; problems: { id: number; fileName: string }[] } {
  const ids = db.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as number[];
  const read = db.prepare('SELECT id, file_name, bytes, sha256, size FROM documents WHERE id = ?');
  const problems: { id: number; fileName: string }[] = [];
  for (const docId of ids) {
    const row = read.get(docId) as { id: number; file_name: string; bytes: Uint8Array; sha256: string; size: number };
    if (row.bytes.length !== row.size || sha256Hex(row.bytes) !== row.sha256) problems.push({ id: row.id, fileName: row.file_name });
  }
  return { checked: ids.length, problems };
}

/** Every check of the health screen, on an open connection. Reads only. */
export function checkLedger(db: Sqlite, now = new Date()): IntegrityReport {
  const integrity = integrityMessages(db);
  const fk = foreignKeyProblems(db);
  const balances = balanceProblems(db);
  const docs = documentProblems(db);
  return {
    ok: integrity.length === 1 && integrity[0] === 'ok' && fk === 0 && balances === 0 && docs.problems.length === 0,
    checkedAt: now.toISOString(),
    integrity,
    foreignKeyProblems: fk,
    balanceProblems: balances,
    documentsChecked: docs.checked,
    documentProblems: docs.problems.slice(0, 50),
  };
}

/** The first 100 bytes of a file: SQLite's header. */
function readHeader(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(100);
    const n = readSync(fd, header, 0, 100, 0);
    return header.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks a candidate ledger file (a private copy: it may be opened read-write, nothing is written)
 * and answers what it holds, or throws an AppError saying what is wrong. In order: size, header
 * (SQLite, our application_id, a version this app knows), schema identical to our migrations',
 * PRAGMA integrity_check, foreign keys, and every document's SHA-256.
 */
export async function inspectLedgerFile(file: string): Promise<LedgerFacts> {
  const sizeBytes = statSync(file).size;
  if (sizeBytes > MAX_LEDGER_BYTES) {
    throw refuse(`Dit bestand is groter dan ${MAX_LEDGER_BYTES / 1024 / 1024} MB; dat kan geen administratie van Openstaand zijn.`, `This file is larger than ${MAX_LEDGER_BYTES / 1024 / 1024} MB; it cannot be an Openstaand ledger.`);
  }
  const header = readHeader(file);
  if (header.length < 100 || header.subarray(0, 16).toString('latin1') !== 'SQLite format 3\u0000') {
    throw refuse('Dit bestand is geen back-up van Openstaand: het is geen database.', 'This file is not an Openstaand backup: it is not a database.');
  }
  const userVersion = header.readUInt32BE(60);
  const applicationId = header.readUInt32BE(68);
  if (applicationId !== APPLICATION_ID || userVersion === 0) {
    throw refuse('Dit bestand is geen Openstaand-administratie (het is een database van een ander programma).', 'This file is not an Openstaand ledger (it is another program\'s database).');
  }
  const latest = latestVersion();
  if (userVersion > latest) {
    throw refuse(
      `Deze back-up is gemaakt met een nieuwere versie van Openstaand (schema ${userVersion}; deze versie kent tot en met ${latest}). Werk Openstaand eerst bij.`,
      `This backup was made by a newer Openstaand (schema ${userVersion}; this version knows up to ${latest}). Update Openstaand first.`,
    );
  }

  let db: Sqlite;
  try {
    db = openRaw(file);
  } catch {
    throw refuse('Deze back-up is beschadigd: SQLite kan hem niet openen.', 'This backup is damaged: SQLite cannot open it.');
  }
  try {
    try {
      db.pragma('trusted_schema = OFF');
      db.pragma('cell_size_check = ON');
      db.pragma('query_only = ON');
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version !== userVersion) throw new Error('header and pragma disagree');
      const actual = schemaLines(db);
      const wanted = await expectedSchema(version);
      if (actual.join('\n') !== wanted.join('\n')) {
        const extra = actual.filter((l) => !wanted.includes(l)).map((l) => l.split(':')[0]).slice(0, 3);
        const missing = wanted.filter((l) => !actual.includes(l)).map((l) => l.split(':')[0]).slice(0, 3);
        const what = [...extra.map((e) => `anders of extra: ${e}`), ...missing.map((m) => `ontbreekt: ${m}`)].join('; ');
        throw refuse(
          `De opbouw van deze back-up wijkt af van die van Openstaand (${what}). Hij is buiten Openstaand veranderd en wordt niet teruggezet.`,
          `This backup's structure differs from Openstaand's (${what}). It was changed outside Openstaand and is not restored.`,
        );
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw refuse('Deze back-up is beschadigd: de opbouw van de database is niet te lezen.', 'This backup is damaged: its database structure cannot be read.');
    }
    const integrity = integrityMessages(db, 5);
    if (integrity.length !== 1 || integrity[0] !== 'ok') {
      throw refuse(
        `Deze back-up is beschadigd (de controle van SQLite meldt: ${integrity.slice(0, 2).join('; ')}). Hij wordt niet teruggezet.`,
        `This backup is damaged (SQLite's check reports: ${integrity.slice(0, 2).join('; ')}). It is not restored.`,
      );
    }
    const fk = foreignKeyProblems(db);
    if (fk > 0) {
      throw refuse(`In deze back-up verwijzen ${fk} gegevens naar iets dat niet bestaat. Hij wordt niet teruggezet.`, `In this backup ${fk} rows refer to something that does not exist. It is not restored.`);
    }
    const docs = documentProblems(db);
    if (docs.problems.length > 0) {
      const names = docs.problems.slice(0, 3).map((p) => p.fileName).join(', ');
      throw refuse(
        `In deze back-up ${docs.problems.length === 1 ? 'is een document' : `zijn ${docs.problems.length} documenten`} veranderd na het opslaan (de controlecode klopt niet: ${names}). Hij wordt niet teruggezet.`,
        `In this backup ${docs.problems.length} document(s) changed after they were stored (checksum mismatch: ${names}). It is not restored.`,
      );
    }
    return { schemaVersion: userVersion, counts: countRows(db), openCents: openCentsTotal(db), sizeBytes };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refuse('Deze back-up is beschadigd en kan niet worden gelezen.', 'This backup is damaged and cannot be read.');
  } finally {
    db.close();
  }
}

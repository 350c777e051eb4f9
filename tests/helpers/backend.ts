// A real backend over a real SQLite file in a fresh temp folder, and small tools to talk to it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { onTestFinished } from 'vitest';
import { createBackend, type Backend } from '../../electron/core/backend';
import type { Sqlite } from '../../electron/core/db/connection';
import type { ApiError, InputOf, MethodName, OutputOf, Result } from '../../shared/contract';

/** The fixed "today" of the ledger tests: a Tuesday. */
export const TODAY = '2026-11-24';

export interface TestBackend {
  backend: Backend;
  dataDir: string;
  databaseFile: string;
  /** Closes the backend (when still open) and removes the temp folder. Safe to call twice. */
  cleanup(): void;
}

export function makeTempDir(prefix = 'openstaand-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** A backend in its own temp folder; the caller cleans up (for beforeAll/afterAll use). */
export async function createTestBackend(today = TODAY): Promise<TestBackend> {
  const dataDir = makeTempDir();
  let backend: Backend;
  try {
    backend = await createBackend({ dataDir, today });
  } catch (error) {
    removeDir(dataDir);
    throw error;
  }
  return {
    backend,
    dataDir,
    databaseFile: backend.context.databaseFile,
    cleanup() {
      if (backend.context.sqlite.open) backend.close();
      removeDir(dataDir);
    },
  };
}

/** A backend in a fresh temp folder that is closed and removed when the current test ends. */
export async function withBackend(today = TODAY): Promise<TestBackend> {
  const t = await createTestBackend(today);
  onTestFinished(() => t.cleanup());
  return t;
}

/** What `call` throws when the backend answers ok:false; `error` is the Result's error. */
export class CallFailed extends Error {
  constructor(readonly method: string, readonly error: ApiError) {
    super(`${method} → ${error.code}: ${error.message}`);
    this.name = 'CallFailed';
  }
}

/** Calls a method and returns its value; throws CallFailed on an error Result. */
export async function call<M extends MethodName>(backend: Backend, method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const result = await backend.invoke(method, input);
  if (!result.ok) throw new CallFailed(method, result.error);
  return result.value as OutputOf<M>;
}

/** Calls a method and returns the Result as is. */
export async function attempt<M extends MethodName>(backend: Backend, method: M, input: InputOf<M>): Promise<Result<OutputOf<M>>> {
  return (await backend.invoke(method, input)) as Result<OutputOf<M>>;
}

/** Calls any method name with any input (for what the types would not allow) and returns the Result. */
export function attemptRaw(backend: Backend, method: string, input: unknown): Promise<Result<unknown>> {
  return backend.invoke(method, input);
}

/** Calls a method that must fail and returns its error; throws when it succeeds. */
export async function failure(backend: Backend, method: string, input: unknown): Promise<ApiError> {
  const result = await backend.invoke(method, input);
  if (result.ok) throw new Error(`${method} was expected to fail but answered ${JSON.stringify(result.value)}`);
  return result.error;
}

function tableNames(db: Sqlite): string[] {
  return (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function dumpValue(value: unknown): unknown {
  if (value instanceof Uint8Array) return `blob(${value.length}):${createHash('sha256').update(value).digest('hex')}`;
  if (typeof value === 'bigint') return `bigint:${value}`;
  return value;
}

/** Runs `fn` with a connection of its own to `source` (a file), or with `source` itself (a handle). */
function withConnection<T>(source: string | Sqlite, fn: (db: Sqlite) => T): T {
  if (typeof source !== 'string') return fn(source);
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/**
 * A deterministic text dump of every table's rows (sorted by all columns; blobs as length and
 * hash) plus user_version, for "nothing changed" comparisons. Reads through its own read-only
 * connection when given a file, so it sees exactly what is committed.
 */
export function dumpDatabase(source: string | Sqlite): string {
  return withConnection(source, (db) => {
    const lines = [`user_version ${String(db.pragma('user_version', { simple: true }))}`];
    for (const table of tableNames(db)) {
      const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name);
      const order = columns.map((_, i) => String(i + 1)).join(', ');
      const rows = db.prepare(`SELECT * FROM ${quote(table)} ORDER BY ${order}`).all() as Record<string, unknown>[];
      lines.push(`== ${table} (${rows.length})`);
      for (const row of rows) lines.push(JSON.stringify(columns.map((c) => dumpValue(row[c]))));
    }
    return lines.join('\n');
  });
}

/** The number of rows in every table, by table name. */
export function countRows(source: string | Sqlite): Record<string, number> {
  return withConnection(source, (db) =>
    Object.fromEntries(tableNames(db).map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${quote(t)}`).get() as { n: number }).n])));
}

/** The SHA-256 of a file's bytes. */
export function fileHash(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

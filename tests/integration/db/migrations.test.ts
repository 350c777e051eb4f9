import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackend, DATABASE_FILE } from '../../../electron/core/backend';
import { openSqlite, type Sqlite } from '../../../electron/core/db/connection';
import { APPLICATION_ID, checkMigrationList, latestVersion, migrate, schemaVersion } from '../../../electron/core/db/migrate';
import { migrations, type Migration } from '../../../electron/core/db/migrations';
import { copyBeforeMigration } from '../../../electron/core/db/safetyCopy';
import { dumpDatabase, fileHash, makeTempDir, removeDir } from '../../helpers/backend';

const LATEST = latestVersion();

// Every test gets its own folder; every handle opened through `open` is closed afterwards.
const dirs: string[] = [];
const handles: Sqlite[] = [];
afterEach(() => {
  for (const db of handles.splice(0)) if (db.open) db.close();
  for (const dir of dirs.splice(0)) removeDir(dir);
});
function tempFile(name = DATABASE_FILE): string {
  const dir = makeTempDir('openstaand-migrations-');
  dirs.push(dir);
  return path.join(dir, name);
}
function open(file: string): Sqlite {
  const db = openSqlite(file);
  handles.push(db);
  return db;
}

/** The schema as SQLite stores it, one line per object, comments dropped, whitespace collapsed, in a stable order. */
function normalisedSchema(db: Sqlite): string {
  const rows = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').all() as { type: string; name: string; tbl_name: string; sql: string | null }[];
  return rows.map((r) => `${r.type} ${r.name} ON ${r.tbl_name}: ${(r.sql ?? '(implicit)').replace(/--[^\n]*/g, '').replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').trim()}`).join('\n');
}

const tableNames = (db: Sqlite) =>
  (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

/** Two small migrations, to exercise the mechanism independently of the real schema. */
const fakeMigrations: Migration[] = [
  { version: 1, name: 'first', up: (db) => db.exec('CREATE TABLE first (id INTEGER PRIMARY KEY, value TEXT NOT NULL); INSERT INTO first (value) VALUES (\'een\')') },
  { version: 2, name: 'second', up: (db) => db.exec('CREATE TABLE second (id INTEGER PRIMARY KEY); ALTER TABLE first ADD COLUMN extra TEXT') },
];

describe('the migration list', () => {
  it('numbers its migrations 1, 2, 3 … without gaps, each with a name', () => {
    expect(() => checkMigrationList(migrations)).not.toThrow();
    expect(migrations.map((m) => m.version)).toEqual(Array.from({ length: migrations.length }, (_, i) => i + 1));
    expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length);
    expect(LATEST).toBe(migrations.length);
  });

  it('refuses a list with a gap before touching the file', async () => {
    const db = open(tempFile());
    const gap: Migration[] = [fakeMigrations[0]!, { ...fakeMigrations[1]!, version: 3 }];
    await expect(migrate(db, { migrations: gap })).rejects.toThrow(/version 3, expected 2/);
    expect(schemaVersion(db)).toBe(0);
    expect(tableNames(db)).toEqual([]);
  });
});

describe('migrate', () => {
  it('brings an empty file to the latest version and marks it as an Openstaand ledger', async () => {
    const db = open(tempFile());
    const beforeMigrate = vi.fn(async () => {});
    expect(await migrate(db, { beforeMigrate })).toEqual({ from: 0, to: LATEST });
    expect(schemaVersion(db)).toBe(LATEST);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['business', 'debtors', 'invoices', 'payments', 'payment_allocations', 'events', 'event_invoices', 'documents']));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(beforeMigrate).not.toHaveBeenCalled();
  });

  it('does nothing on a ledger that is already up to date', async () => {
    const file = tempFile();
    const db = open(file);
    await migrate(db);
    const schema = normalisedSchema(db);
    const beforeMigrate = vi.fn(async () => {});
    expect(await migrate(db, { beforeMigrate })).toEqual({ from: LATEST, to: LATEST });
    expect(beforeMigrate).not.toHaveBeenCalled();
    expect(normalisedSchema(db)).toBe(schema);
  });

  it.each(Array.from({ length: LATEST }, (_, k) => k))('from version %i to the latest gives exactly the schema of a fresh ledger', async (k) => {
    const fresh = open(tempFile());
    await migrate(fresh);

    const db = open(tempFile());
    expect(await migrate(db, { target: k })).toEqual({ from: 0, to: k });
    expect(schemaVersion(db)).toBe(k);
    expect(await migrate(db)).toEqual({ from: k, to: LATEST });
    expect(normalisedSchema(db)).toBe(normalisedSchema(fresh));
    expect(schemaVersion(db)).toBe(LATEST);
  });

  it('calls beforeMigrate once with (from, to) for an existing ledger, never for a fresh file', async () => {
    const file = tempFile();
    const db = open(file);
    const beforeMigrate = vi.fn(async (from: number, to: number) => { await copyBeforeMigration(db, file, from, to); });
    expect(await migrate(db, { migrations: fakeMigrations, target: 1, beforeMigrate })).toEqual({ from: 0, to: 1 });
    expect(beforeMigrate).not.toHaveBeenCalled();

    expect(await migrate(db, { migrations: fakeMigrations, beforeMigrate })).toEqual({ from: 1, to: 2 });
    expect(beforeMigrate).toHaveBeenCalledTimes(1);
    expect(beforeMigrate).toHaveBeenCalledWith(1, 2);

    // The copy is the ledger as it was before: version 1, its rows, without the second migration.
    const backups = fs.readdirSync(path.join(path.dirname(file), 'backups'));
    expect(backups).toEqual([expect.stringMatching(/^voor-migratie-v1-naar-v2-.*\.sqlite$/)]);
    const copy = new Database(path.join(path.dirname(file), 'backups', backups[0]!), { readonly: true });
    try {
      expect(copy.pragma('user_version', { simple: true })).toBe(1);
      expect(copy.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(copy.prepare('SELECT value FROM first').all()).toEqual([{ value: 'een' }]);
      expect(tableNames(copy as Sqlite)).not.toContain('second');
    } finally {
      copy.close();
    }
  });

  it('a migration that throws leaves the version unchanged and no half-applied table', async () => {
    const file = tempFile();
    const db = open(file);
    await migrate(db, { migrations: fakeMigrations, target: 1 });
    const before = dumpDatabase(db);
    const broken: Migration[] = [fakeMigrations[0]!, {
      version: 2, name: 'broken',
      up: (d) => {
        d.exec('CREATE TABLE second (id INTEGER PRIMARY KEY); INSERT INTO second DEFAULT VALUES; ALTER TABLE first ADD COLUMN extra TEXT');
        throw new Error('disk vol (test)');
      },
    }];
    const beforeMigrate = vi.fn(async () => {});
    await expect(migrate(db, { migrations: broken, beforeMigrate })).rejects.toThrow('disk vol (test)');
    expect(schemaVersion(db)).toBe(1);
    expect(tableNames(db)).not.toContain('second');
    expect(dumpDatabase(db)).toBe(before);
    expect(beforeMigrate).toHaveBeenCalledTimes(1);

    // The ledger is still usable: the repaired migration goes through.
    expect(await migrate(db, { migrations: fakeMigrations })).toEqual({ from: 1, to: 2 });
  });

  it('keeps the migrations that succeeded before the one that failed (each is its own transaction)', async () => {
    const db = open(tempFile());
    const broken: Migration[] = [fakeMigrations[0]!, { version: 2, name: 'broken', up: () => { throw new Error('kapot'); } }];
    await expect(migrate(db, { migrations: broken })).rejects.toThrow('kapot');
    expect(schemaVersion(db)).toBe(1);
    expect(tableNames(db)).toEqual(['first']);
  });
});

describe('files the app must not open', () => {
  /** A ledger written by this app, then stamped with a version this app does not know. */
  async function ledgerFromNewerApp(): Promise<string> {
    const file = tempFile();
    const db = openSqlite(file);
    await migrate(db);
    db.pragma(`user_version = ${LATEST + 1}`);
    db.close();
    return file;
  }

  it('refuses a ledger from a newer Openstaand with a Dutch message, and leaves the file byte for byte unchanged', async () => {
    const file = await ledgerFromNewerApp();
    const dataDir = path.dirname(file);
    const hash = fileHash(file);
    await expect(createBackend({ dataDir })).rejects.toMatchObject({
      code: 'database', message: expect.stringMatching(/nieuwere versie van Openstaand/),
    });
    expect(fileHash(file)).toBe(hash);
    expect(fs.readdirSync(dataDir)).toEqual([DATABASE_FILE]);
  });

  it('refuses it in migrate itself too, without calling beforeMigrate', async () => {
    const file = await ledgerFromNewerApp();
    // openSqlite itself already refuses it (before switching to WAL): open it raw to reach migrate.
    expect(() => open(file)).toThrow(/nieuwere versie/);
    const db = new Database(file);
    handles.push(db);
    const beforeMigrate = vi.fn(async () => {});
    await expect(migrate(db, { beforeMigrate })).rejects.toMatchObject({ code: 'database', message: expect.stringContaining(`schema ${LATEST + 1}`) });
    expect(beforeMigrate).not.toHaveBeenCalled();
    expect(schemaVersion(db)).toBe(LATEST + 1);
  });

  /** Another program's SQLite file: tables of its own, its own application_id, rollback journal. */
  function foreignFile(applicationId: number): string {
    const file = tempFile();
    const db = new Database(file);
    db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('van een ander programma')");
    db.pragma(`application_id = ${applicationId}`);
    db.close();
    return file;
  }

  it.each([
    ['another application_id', 0x12345678],
    ['no application_id at all', 0],
  ])('refuses a SQLite file of another program (%s), and changes none of its data', async (_what, applicationId) => {
    const file = foreignFile(applicationId);
    const before = dumpDatabase(file);
    await expect(createBackend({ dataDir: path.dirname(file) })).rejects.toMatchObject({
      code: 'database', message: 'Dit bestand is geen Openstaand-administratie.',
    });
    expect(dumpDatabase(file)).toBe(before);
  });

  // BUG (reported): createBackend → openSqlite switches the file to WAL (PRAGMA journal_mode) before
  // checkOpenable refuses it, so another program's file is modified although we refuse it and say
  // nothing changed. The lead must fix this (check first, then switch the journal mode).
  it('leaves another program\'s SQLite file byte for byte unchanged', async () => {
    const file = foreignFile(0x12345678);
    const hash = fileHash(file);
    await expect(createBackend({ dataDir: path.dirname(file) })).rejects.toMatchObject({ code: 'database' });
    expect(fileHash(file)).toBe(hash);
  });
});

describe('the schema', () => {
  it('is what the snapshot says (changing it must be a conscious act: update the snapshot)', async () => {
    const db = open(tempFile());
    await migrate(db);
    expect(`user_version ${schemaVersion(db)}\n${normalisedSchema(db)}`).toMatchSnapshot();
  });
});

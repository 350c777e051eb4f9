// Automatic backups, the copy before an import, "Back-up maken", and restore (issue 11, parts 1–2).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { automaticBackupIfDue, backupBeforeImport, pruneBackups } from '../../../electron/core/backup';
import { backupName } from '../../../electron/core/backup/files';
import { createBackend } from '../../../electron/core/backend';
import { APPLICATION_ID, latestVersion } from '../../../electron/core/db/migrate';
import { transaction } from '../../../electron/core/db/transaction';
import { call, dumpDatabase, failure, makeTempDir, removeDir, TODAY } from '../../helpers/backend';
import { createDebtor } from '../../helpers/ledger';
import { base64, bytesOf, editLedgerBytes, eventually, ledgerAtVersion, listing, PDF, seedLedger, withQuietBackend } from './helpers';

const HOUR = 3_600_000;
const names = (backend: Awaited<ReturnType<typeof withQuietBackend>>['backend']) => call(backend, 'debtors.list', { includeArchived: true }).then((l) => l.map((d) => d.name).sort());

describe('automatic backups', () => {
  it('makes none for a brand-new, empty ledger', async () => {
    const { backend, dataDir } = await withQuietBackend();
    expect(await automaticBackupIfDue(backend.context)).toBeNull();
    expect(fs.existsSync(path.join(dataDir, 'backups'))).toBe(false);
  });

  it('makes one when the last is older than a day, not when it is recent; the copy is a sound, self-contained ledger', async () => {
    const { backend, dataDir, databaseFile } = await withQuietBackend();
    await seedLedger(backend);
    const now = new Date('2026-11-24T09:00:00.000Z');
    const first = await automaticBackupIfDue(backend.context, now);
    expect(first).toMatchObject({ kind: 'automatisch', fileName: 'automatisch-2026-11-24T09-00-00-000Z.sqlite', createdAt: now.toISOString() });
    expect(await automaticBackupIfDue(backend.context, new Date(now.getTime() + 12 * HOUR))).toBeNull();
    expect(await automaticBackupIfDue(backend.context, new Date(now.getTime() + 24 * HOUR))).toMatchObject({ kind: 'automatisch' });

    const file = path.join(dataDir, 'backups', first!.fileName);
    expect(fs.readdirSync(path.join(dataDir, 'backups')).filter((n) => !n.endsWith('.sqlite'))).toEqual([]); // no -wal, no .partial
    const copy = new Database(file, { readonly: true });
    try {
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    } finally {
      copy.close();
    }
    expect(dumpDatabase(file)).toBe(dumpDatabase(databaseFile));
  });

  it('runs by itself after start-up (without delaying it), through the request queue', async () => {
    const dataDir = makeTempDir('openstaand-auto-');
    try {
      const first = await createBackend({ dataDir, today: TODAY, autoBackup: false });
      await seedLedger(first);
      first.close();
      const backend = await createBackend({ dataDir, today: TODAY, autoBackup: { delayMs: 50 } });
      expect(fs.existsSync(path.join(dataDir, 'backups'))).toBe(false); // not yet: start-up is not kept waiting
      await eventually(() => fs.existsSync(path.join(dataDir, 'backups')) && fs.readdirSync(path.join(dataDir, 'backups')).some((n) => n.startsWith('automatisch-') && n.endsWith('.sqlite')));
      expect((await call(backend, 'backup.list', {})).map((b) => b.kind)).toEqual(['automatisch']);
      backend.close();
    } finally {
      removeDir(dataDir);
    }
  });

  it('removes what an interrupted copy or restore left behind', async () => {
    const { backend, dataDir } = await withQuietBackend();
    await seedLedger(backend);
    fs.mkdirSync(path.join(dataDir, 'backups'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'backups', 'automatisch-2026-11-20T09-00-00-000Z.sqlite.partial'), 'half');
    fs.writeFileSync(path.join(dataDir, '.herstel-abc-123.sqlite'), 'half');
    fs.writeFileSync(path.join(dataDir, 'backups', 'mijn-eigen-kopie.sqlite'), 'van de gebruiker');
    fs.writeFileSync(path.join(dataDir, '.kopie-nu-bezig.sqlite'), 'wordt nu geschreven');
    const anHourAgo = new Date(Date.now() - HOUR);
    for (const f of ['backups/automatisch-2026-11-20T09-00-00-000Z.sqlite.partial', '.herstel-abc-123.sqlite']) fs.utimesSync(path.join(dataDir, f), anHourAgo, anHourAgo);
    await automaticBackupIfDue(backend.context);
    // Old leftovers go; one being written right now (by another process) stays; the user's own file stays.
    expect(listing(dataDir).filter((n) => !/automatisch-/.test(n))).toEqual(['.kopie-nu-bezig.sqlite', 'backups', 'openstaand.sqlite', 'backups/mijn-eigen-kopie.sqlite']);
  });

  it('prunes to 7 daily, 4 weekly, 12 monthly; copies before imports to the newest 10; never other kinds or other files', () => {
    const dataDir = makeTempDir('openstaand-prune-');
    try {
      const dir = path.join(dataDir, 'backups');
      fs.mkdirSync(dir);
      const end = new Date('2026-11-24T09:00:00.000Z').getTime();
      for (let d = 0; d < 400; d++) fs.writeFileSync(path.join(dir, backupName('automatisch', new Date(end - d * 86_400_000))), 'x');
      for (let i = 0; i < 12; i++) fs.writeFileSync(path.join(dir, backupName('voor-import', new Date(end - i * HOUR), 'bank')), 'x');
      fs.writeFileSync(path.join(dir, backupName('voor-migratie', new Date(end - 900 * 86_400_000), [1, 2])), 'x');
      fs.writeFileSync(path.join(dir, backupName('voor-herstel', new Date(end - 800 * 86_400_000))), 'x');
      fs.writeFileSync(path.join(dir, 'notities.txt'), 'x');
      const removed = pruneBackups(dataDir);
      const left = fs.readdirSync(dir);
      expect(left.filter((n) => n.startsWith('automatisch-'))).toHaveLength(20);
      expect(left.filter((n) => n.startsWith('voor-import-'))).toHaveLength(10);
      expect(left.filter((n) => n.startsWith('voor-migratie-') || n.startsWith('voor-herstel-') || n === 'notities.txt')).toHaveLength(3);
      expect(removed).toHaveLength(380 + 2);
      expect(left).toContain(backupName('automatisch', new Date(end)));
    } finally {
      removeDir(dataDir);
    }
  });
});

describe('the copy before an import', () => {
  it('is the ledger as it was, named after the import; refused inside a transaction; the 10 newest are kept', async () => {
    const { backend, dataDir, databaseFile } = await withQuietBackend();
    await seedLedger(backend);
    const before = dumpDatabase(databaseFile);
    const copy = await backupBeforeImport(backend.context, 'Bank ING 2026.csv');
    expect(copy).toMatchObject({ kind: 'voor-import', detail: 'bank-ing-2026-csv' });
    expect(copy.fileName).toMatch(/^voor-import-\d{4}-\d{2}-\d{2}T[\d-]+Z-bank-ing-2026-csv\.sqlite$/);
    expect(dumpDatabase(path.join(dataDir, 'backups', copy.fileName))).toBe(before);

    await expect(transaction(backend.context, () => backupBeforeImport(backend.context, 'x'))).rejects.toThrow(/before the import's transaction/);

    for (let i = 0; i < 11; i++) await backupBeforeImport(backend.context, `import ${i}`, new Date(Date.now() + (i + 1) * 1000));
    const list = await call(backend, 'backup.list', {});
    expect(list.filter((b) => b.kind === 'voor-import')).toHaveLength(10);
    expect(list.some((b) => b.fileName === copy.fileName)).toBe(false);
  });
});

describe('Back-up maken (backup.create), backup.list and backup.status', () => {
  it('answers the whole ledger as one file named after today, which is a sound copy', async () => {
    const { backend, dataDir, databaseFile } = await withQuietBackend();
    await seedLedger(backend);
    const download = await call(backend, 'backup.create', {});
    expect(download).toMatchObject({ fileName: `openstaand-backup-${TODAY}.sqlite`, mimeType: 'application/vnd.sqlite3' });
    const bytes = bytesOf(download);
    expect(bytes.length).toBe(download.sizeBytes);
    expect(bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\u0000');
    const file = path.join(dataDir, 'kopie.sqlite');
    fs.writeFileSync(file, bytes);
    expect(dumpDatabase(file)).toBe(dumpDatabase(databaseFile));
    fs.rmSync(file);
    expect(listing(dataDir)).toEqual(['openstaand.sqlite']); // nothing left behind, no copy kept unasked
  });

  it('reports where the ledger is, its size, the last backup and the versions', async () => {
    const { backend, databaseFile } = await withQuietBackend();
    await seedLedger(backend);
    expect(await call(backend, 'backup.status', {})).toMatchObject({ databaseFile, lastBackup: null, automaticDue: true, schemaVersion: latestVersion(), retention: { daily: 7, weekly: 4, monthly: 12, beforeImport: 10 } });
    await automaticBackupIfDue(backend.context);
    const status = await call(backend, 'backup.status', {});
    expect(status.databaseBytes).toBeGreaterThan(4096);
    expect(status).toMatchObject({ automaticDue: false, lastBackup: { kind: 'automatisch' } });
    expect(await call(backend, 'backup.list', {})).toEqual([status.lastBackup]);
  });
});

describe('the integrity check on demand', () => {
  it('is ok on a sound ledger, and finds a changed document and a wrong stored balance', async () => {
    const { backend, databaseFile } = await withQuietBackend();
    await seedLedger(backend);
    expect(await call(backend, 'backup.checkIntegrity', {})).toMatchObject({ ok: true, integrity: ['ok'], foreignKeyProblems: 0, balanceProblems: 0, documentsChecked: 1, documentProblems: [] });
    // Another program changes the file behind the app's back (bypassing the triggers).
    const other = new Database(databaseFile);
    const trigger = other.prepare("SELECT sql FROM sqlite_schema WHERE name = 'documents_immutable'").pluck().get() as string;
    other.exec(`DROP TRIGGER documents_immutable; UPDATE documents SET bytes = X'2550444623', size = 5; ${trigger};
      UPDATE invoices SET open_cents = open_cents + 1 WHERE id = 1;`);
    other.close();
    expect(await call(backend, 'backup.checkIntegrity', {})).toMatchObject({ ok: false, balanceProblems: 1, documentProblems: [{ id: 1, fileName: 'factuur.pdf' }] });
  });
});

describe('restore', () => {
  it('from the user\'s file: the current ledger is kept aside, the file replaces it, and every later request sees the restored data', async () => {
    const { backend, dataDir, databaseFile } = await withQuietBackend();
    await seedLedger(backend);
    const saved = await call(backend, 'backup.create', {});
    const state = dumpDatabase(databaseFile);
    await createDebtor(backend, { name: 'Later toegevoegd' });
    const later = dumpDatabase(databaseFile);
    const oldContext = backend.context;

    // A request queued behind the restore sees the restored data.
    const [summary, list] = await Promise.all([call(backend, 'backup.restore', { dataBase64: saved.dataBase64 }), names(backend)]);
    expect(summary).toMatchObject({ restoredFrom: 'bestand', schemaVersion: latestVersion(), originalSchemaVersion: latestVersion(), counts: { debtors: 2, invoices: 2, payments: 1, documents: 1 }, openCents: 600_00 });
    expect(list).toEqual(['Bakkerij De Korenschoof B.V.', 'Petra Jansen']);
    expect(dumpDatabase(databaseFile)).toBe(state);
    expect(oldContext.sqlite.open).toBe(false);
    expect(backend.context.sqlite.open).toBe(true);
    expect(dumpDatabase(path.join(dataDir, 'backups', summary.keptAside))).toBe(later);
    expect(summary.keptAside).toMatch(/^voor-herstel-\d{4}-\d{2}-\d{2}T[\d-]+Z\.sqlite$/);
    expect(listing(dataDir)).toEqual(['backups', 'openstaand.sqlite', `backups/${summary.keptAside}`]);

    // The backend goes on working on the restored file, and survives a restart.
    await createDebtor(backend, { name: 'Na herstel' });
    backend.close();
    const again = await createBackend({ dataDir, today: TODAY, autoBackup: false });
    expect((await call(again, 'debtors.list', {})).map((d) => d.name)).toContain('Na herstel');
    again.close();
  });

  it('from the backups list by name, and from a copy made by an older version (migrated, with a copy first)', async () => {
    const { backend, dataDir } = await withQuietBackend();
    await seedLedger(backend);
    const auto = (await automaticBackupIfDue(backend.context))!;
    await createDebtor(backend, { name: 'Na de back-up' });
    expect(await call(backend, 'backup.restore', { fileName: auto.fileName })).toMatchObject({ restoredFrom: auto.fileName });
    expect(await names(backend)).toEqual(['Bakkerij De Korenschoof B.V.', 'Petra Jansen']);
    expect(fs.existsSync(path.join(dataDir, 'backups', auto.fileName))).toBe(true); // the copy itself stays

    const old = await ledgerAtVersion(1);
    const summary = await call(backend, 'backup.restore', { dataBase64: base64(old) });
    expect(summary).toMatchObject({ originalSchemaVersion: 1, schemaVersion: latestVersion(), counts: { debtors: 1 } });
    expect(await names(backend)).toEqual(['Oude Klant']);
    expect((await call(backend, 'backup.list', {})).map((b) => b.kind)).toEqual(expect.arrayContaining(['voor-migratie', 'voor-herstel', 'automatisch']));
  });

  const refusals: [string, (good: Buffer) => Buffer | Promise<Buffer>, RegExp][] = [
    ['a file that is not a database', () => Buffer.from('Dit is een boodschappenlijstje.\n'.repeat(20)), /geen database/],
    ['an empty-looking SQLite header', (good) => good.subarray(0, 50), /geen database/],
    ['another program\'s SQLite database', () => editLedgerBytes(Buffer.alloc(0), (db) => { db.exec("CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('x')"); db.pragma('application_id = 1234'); db.pragma('user_version = 1'); }), /geen Openstaand-administratie/],
    ['a ledger from a newer Openstaand', (good) => editLedgerBytes(good, (db) => db.pragma(`user_version = ${latestVersion() + 1}`)), /nieuwere versie van Openstaand/],
    ['a damaged file (a page overwritten)', (good) => { const bad = Buffer.from(good); bad.fill(0x5a, 4096 * 3, 4096 * 3 + 2000); return bad; }, /beschadigd/],
    ['a truncated file', (good) => good.subarray(0, Math.floor(good.length / 2)), /beschadigd/],
    ['a crafted file with an extra trigger', (good) => editLedgerBytes(good, (db) => db.exec("CREATE TRIGGER sneaky AFTER INSERT ON debtors BEGIN DELETE FROM invoices; END")), /opbouw van deze back-up wijkt af.*trigger sneaky/],
    ['a crafted file with a loosened CHECK', (good) => editLedgerBytes(good, (db) => {
      // Rebuild the payments table with a weaker CHECK (negative payments), keeping its rows.
      db.pragma('foreign_keys = OFF');
      db.pragma('legacy_alter_table = ON');
      const table = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'payments'").pluck().get() as string;
      const indexes = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'payments' AND sql IS NOT NULL").pluck().all() as string[];
      db.exec(`ALTER TABLE payments RENAME TO payments_old; ${table.replace('amount_cents >= 0', 'amount_cents >= -999')};
        INSERT INTO payments SELECT * FROM payments_old; DROP TABLE payments_old; ${indexes.join(';')}`);
    }), /opbouw van deze back-up wijkt af/],
    ['a ledger with a document changed after it was stored', (good) => editLedgerBytes(good, (db) => {
      const trigger = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'documents_immutable'").pluck().get() as string;
      db.exec(`DROP TRIGGER documents_immutable; UPDATE documents SET bytes = X'255044462D', size = 5; ${trigger}`);
    }), /document veranderd na het opslaan.*factuur\.pdf/],
    ['a ledger whose rows point at nothing', (good) => editLedgerBytes(good, (db) => { db.pragma('foreign_keys = OFF'); db.exec("UPDATE invoices SET debtor_id = 999 WHERE id = 1"); }), /verwijzen 1 gegevens naar iets dat niet bestaat/],
  ];

  it.each(refusals)('refuses %s with a clear Dutch message, and changes nothing', async (_what, make, message) => {
    const { backend, dataDir, databaseFile } = await withQuietBackend();
    await seedLedger(backend);
    const good = bytesOf(await call(backend, 'backup.create', {}));
    const before = dumpDatabase(databaseFile);
    const files = listing(dataDir);
    const error = await failure(backend, 'backup.restore', { dataBase64: base64(await make(good)) });
    expect(error).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(message) });
    expect(error.message).toMatch(/Er is niets veranderd\.$/);
    expect(dumpDatabase(databaseFile)).toBe(before);
    expect(listing(dataDir)).toEqual(files);
    expect(await names(backend)).toEqual(['Bakkerij De Korenschoof B.V.', 'Petra Jansen']);
  });

  it('refuses a name that is not a backup in the folder (no path tricks), and changes nothing', async () => {
    const { backend, dataDir, databaseFile } = await withQuietBackend();
    await seedLedger(backend);
    fs.writeFileSync(path.join(dataDir, 'backups-elders.sqlite'), PDF);
    const before = dumpDatabase(databaseFile);
    for (const fileName of ['../openstaand.sqlite', '..%2Fopenstaand.sqlite', '/etc/passwd', 'backups/../../x.sqlite', 'automatisch-2026-11-24T09-00-00-000Z.sqlite', 'openstaand.sqlite', 'backups-elders.sqlite']) {
      const error = await failure(backend, 'backup.restore', { fileName });
      expect(['invalid-input', 'not-found']).toContain(error.code);
    }
    expect(await failure(backend, 'backup.restore', { fileName: 'automatisch-2026-11-24T09-00-00-000Z.sqlite', dataBase64: 'AAAA' })).toMatchObject({ code: 'invalid-input' });
    expect(await failure(backend, 'backup.restore', {})).toMatchObject({ code: 'invalid-input' });
    expect(dumpDatabase(databaseFile)).toBe(before);
  });

  it('refuses while another program has the ledger open (its write-ahead log would meet the wrong file), and changes nothing', async () => {
    const { backend, dataDir, databaseFile } = await withQuietBackend();
    await seedLedger(backend);
    const saved = await call(backend, 'backup.create', {});
    await createDebtor(backend, { name: 'Later' });
    const before = dumpDatabase(databaseFile);
    const files = listing(dataDir);
    const other = new Database(databaseFile, { readonly: true });
    try {
      other.prepare('SELECT count(*) FROM debtors').get();
      expect(await failure(backend, 'backup.restore', { dataBase64: saved.dataBase64 })).toMatchObject({ code: 'conflict', message: expect.stringMatching(/ander programma.*Er is niets veranderd/) });
    } finally {
      other.close();
    }
    expect(dumpDatabase(databaseFile)).toBe(before);
    expect(listing(dataDir)).toEqual(files);
    expect(await names(backend)).toContain('Later');
    // Once it is closed, the restore goes through.
    expect(await call(backend, 'backup.restore', { dataBase64: saved.dataBase64 })).toMatchObject({ counts: { debtors: 2 } });
  });

  it('puts the old ledger back when the new one cannot be opened after the swap', async () => {
    const { backend, databaseFile } = await withQuietBackend();
    await seedLedger(backend);
    const before = dumpDatabase(databaseFile);
    const aside = path.join(path.dirname(databaseFile), 'aside.sqlite');
    await backend.context.sqlite.backup(aside);
    await expect(backend.context.swapLedger!({
      install: (file) => { fs.writeFileSync(file, 'kapot'); },
      rollback: (file) => { fs.copyFileSync(aside, file); },
    })).rejects.toThrow();
    expect(await names(backend)).toEqual(['Bakkerij De Korenschoof B.V.', 'Petra Jansen']);
    expect(dumpDatabase(databaseFile)).toBe(before);
  });

  it('reopen() closes and reopens the ledger between requests', async () => {
    const { backend } = await withQuietBackend();
    await createDebtor(backend, { name: 'Blijft' });
    const first = backend.context;
    await backend.reopen();
    expect(first.sqlite.open).toBe(false);
    expect(await names(backend)).toEqual(['Blijft']);
  });
});

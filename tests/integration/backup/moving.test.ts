// Moving to another laptop (issue 11, part 3): backup.exportAll → backup.importAll.
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../electron/core/util/hash';
import type { MoveManifest } from '../../../shared/contract';
import { call, dumpDatabase, failure } from '../../helpers/backend';
import { createDebtor } from '../../helpers/ledger';
import { base64, editLedgerBytes, listing, seedLedger, withQuietBackend } from './helpers';

/** An export of a seeded ledger: the zip, its entries and its manifest (made once, read-only after). */
let made: ReturnType<typeof makeExport> | null = null;
const anExport = () => (made ??= makeExport());
async function makeExport() {
  const { backend } = await withQuietBackend();
  await seedLedger(backend);
  const exported = await call(backend, 'backup.exportAll', {});
  const zip = Buffer.from(exported.dataBase64, 'base64');
  const entries = unzipSync(zip);
  const manifest = JSON.parse(Buffer.from(entries['manifest.json']!).toString('utf8')) as MoveManifest;
  return { exported, zip, entries, manifest, database: Buffer.from(entries['openstaand.sqlite']!) };
}

const rezip = (files: Zippable) => Buffer.from(zipSync(files));
const manifestBytes = (m: unknown) => strToU8(JSON.stringify(m));

describe('backup.exportAll', () => {
  it('packs the ledger and a manifest with versions, counts per table, the open total and the SHA-256', async () => {
    const { exported, entries, manifest, database } = await anExport();
    expect(exported).toMatchObject({ fileName: 'openstaand-verhuizing-2026-11-24.zip', mimeType: 'application/zip' });
    expect(Object.keys(entries).sort()).toEqual(['manifest.json', 'openstaand.sqlite']);
    expect(manifest).toMatchObject({
      format: 'openstaand-verhuizing', formatVersion: 1, appVersion: '0.1.0', schemaVersion: expect.any(Number),
      database: { fileName: 'openstaand.sqlite', sizeBytes: database.length, sha256: sha256Hex(database) },
      counts: { debtors: 2, invoices: 2, payments: 1, documents: 1, business: 1 },
      openCents: 600_00,
    });
    expect(exported.manifest).toEqual(manifest);
  });
});

describe('backup.importAll on a new installation', () => {
  it('takes the export in: the new laptop holds exactly the old ledger', async () => {
    const { backend: oldLaptop, databaseFile: oldFile } = await withQuietBackend();
    await seedLedger(oldLaptop);
    const exported = await call(oldLaptop, 'backup.exportAll', {});
    const { backend: newLaptop, databaseFile: newFile } = await withQuietBackend();
    const summary = await call(newLaptop, 'backup.importAll', { dataBase64: exported.dataBase64 });
    expect(summary).toMatchObject({ restoredFrom: 'verhuizing', counts: { debtors: 2, invoices: 2, payments: 1, documents: 1 }, openCents: 600_00 });
    expect(dumpDatabase(newFile)).toBe(dumpDatabase(oldFile));
    expect((await call(newLaptop, 'overview.get', {})).totals).toBeDefined();
  });

  it('refuses an installation that already holds a ledger, and changes nothing', async () => {
    const { exported } = await anExport();
    const { backend, dataDir, databaseFile } = await withQuietBackend();
    await createDebtor(backend, { name: 'Al aanwezig' });
    const before = dumpDatabase(databaseFile);
    const files = listing(dataDir);
    expect(await failure(backend, 'backup.importAll', { dataBase64: exported.dataBase64 })).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/al een administratie.*Er is niets veranderd/) });
    expect(dumpDatabase(databaseFile)).toBe(before);
    expect(listing(dataDir)).toEqual(files);
  });

  const cases: [string, (x: Awaited<ReturnType<typeof anExport>>) => Buffer, RegExp][] = [
    ['a file that is not a zip', () => Buffer.from('PK? nee, gewoon tekst'), /geen zip-bestand/],
    ['a zip with an extra entry', (x) => rezip({ 'manifest.json': x.entries['manifest.json']!, 'openstaand.sqlite': x.database, 'leesmij.txt': strToU8('hallo') }), /iets wat er niet in hoort \(leesmij\.txt\)/],
    ['a zip with a path outside the folder', (x) => rezip({ 'manifest.json': x.entries['manifest.json']!, '../openstaand.sqlite': x.database }), /iets wat er niet in hoort/],
    ['a zip without the manifest', (x) => rezip({ 'openstaand.sqlite': x.database }), /onvolledig.*manifest\.json ontbreekt/],
    ['a zip without the ledger', (x) => rezip({ 'manifest.json': x.entries['manifest.json']! }), /onvolledig.*openstaand\.sqlite ontbreekt/],
    ['a manifest that is not JSON', (x) => rezip({ 'manifest.json': strToU8('{niet'), 'openstaand.sqlite': x.database }), /manifest .*onleesbaar/],
    ['a manifest with unknown fields', (x) => rezip({ 'manifest.json': manifestBytes({ ...x.manifest, extra: 1 }), 'openstaand.sqlite': x.database }), /manifest .*onleesbaar/],
    ['a zip bomb (a manifest that unpacks to 4 MB)', (x) => rezip({ 'manifest.json': [new Uint8Array(4 * 1024 * 1024), { level: 6 }], 'openstaand.sqlite': x.database }), /zip-bom/],
    ['a ledger that is not the exported one (SHA-256)', (x) => rezip({ 'manifest.json': x.entries['manifest.json']!, 'openstaand.sqlite': editLedgerBytes(x.database, (db) => db.exec("UPDATE debtors SET name = 'Iemand anders' WHERE id = 1")) }), /controlecode klopt niet/],
    ['counts that do not match the manifest', (x) => {
      const changed = editLedgerBytes(x.database, (db) => db.exec("DELETE FROM csv_mappings; INSERT INTO csv_mappings VALUES ('x', '{}', '2026-01-01')"));
      const manifest = { ...x.manifest, database: { ...x.manifest.database, sizeBytes: changed.length, sha256: sha256Hex(changed) } };
      return rezip({ 'manifest.json': manifestBytes(manifest), 'openstaand.sqlite': changed });
    }, /klopt niet met het manifest \(csv_mappings: 0 in het manifest, 1 in de database\)/],
    ['an open total that does not match the manifest', (x) => rezip({ 'manifest.json': manifestBytes({ ...x.manifest, openCents: x.manifest.openCents + 1 }), 'openstaand.sqlite': x.database }), /openstaand 60001 cent in het manifest, 60000 in de database/],
    ['a damaged ledger with a matching manifest', (x) => {
      const bad = Buffer.from(x.database); bad.fill(0x33, 8192, 9000);
      return rezip({ 'manifest.json': manifestBytes({ ...x.manifest, database: { ...x.manifest.database, sha256: sha256Hex(bad) } }), 'openstaand.sqlite': bad });
    }, /beschadigd/],
  ];

  it.each(cases)('refuses %s with a clear Dutch message, and changes nothing', async (_what, make, message) => {
    const x = await anExport();
    const { backend, dataDir, databaseFile } = await withQuietBackend();
    const before = dumpDatabase(databaseFile);
    const files = listing(dataDir);
    const error = await failure(backend, 'backup.importAll', { dataBase64: base64(make(x)) });
    expect(error).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(message) });
    expect(error.message).toMatch(/Er is niets veranderd\.$/);
    expect(dumpDatabase(databaseFile)).toBe(before);
    expect(listing(dataDir)).toEqual(files);
  });
});

// The debtor file for an incassobureau, exported for the demo's Kemal Özdemir (consumer, 14-day
// letter sent) and Bouwbedrijf Mulder B.V. (business), then taken apart: schema, totals in three
// formats, stored letters byte for byte, nothing of other debtors, no notes, Excel-safe CSVs.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/core/backend';
import { addEvent } from '../../../electron/core/ledger/events';
import { vorderingJsonSchemaText } from '../../../electron/core/handover/vordering';
import type { DossierFile } from '../../../shared/contract';
import { call, createTestBackend, type TestBackend } from '../../helpers/backend';
import { hasTool, pdfText, removeTempFiles } from '../../unit/pdf/popplerTools';
import { csvCents, debtorByName, euroCents, fakePdf, parseCsv, unzipBase64, utf8 } from './helpers';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SCHEMA_FILE = path.join(ROOT, 'resources/schemas/vordering.schema.json');
const OUT = path.join(ROOT, 'test-results/handover');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const NOTES = 'Privé: zoon heeft schulden, niet over praten';
const INJECTION = '=HYPERLINK("http://evil.example","klik")';

let t: TestBackend;
let backend: Backend;
const stored: Record<string, { kind: string; bytes: Uint8Array }[]> = {};
const files: Record<string, Record<string, Uint8Array>> = {};
const exported: Record<string, DossierFile> = {};

async function insertDocument(debtorId: number, kind: 'letter' | 'reminder' | 'mail' | 'confirmation', fileName: string, bytes: Uint8Array) {
  const ctx = backend.context;
  const row = await ctx.db.insertInto('documents').values({
    debtor_id: debtorId, kind, file_name: fileName, mime_type: 'application/pdf', bytes, size: bytes.length, sha256: sha(bytes), is_demo: 1, created_at: ctx.now(),
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  t = await createTestBackend();
  backend = t.backend;
  await call(backend, 'setup.loadDemo', {});
  await call(backend, 'business.saveTerms', { fileName: 'voorwaarden 2026.pdf', dataBase64: Buffer.from(fakePdf(99)).toString('base64') });
  const ctx = backend.context;

  // The demo has no stored letters yet: store some, as the letters module would, for Kemal and Mulder
  // and for another debtor (which must not end up in their files).
  for (const name of ['Kemal Özdemir', 'Bouwbedrijf Mulder B.V.', 'Petra Jansen']) {
    const debtor = await debtorByName(backend, name);
    const page = await call(backend, 'debtors.page', { id: debtor.id });
    const invoiceIds = page.invoices.map((i) => i.id);
    const docs = [
      { kind: 'reminder' as const, bytes: fakePdf(debtor.id * 10 + 1), fileName: 'herinnering-2.pdf' },
      { kind: 'letter' as const, bytes: fakePdf(debtor.id * 10 + 2), fileName: `${debtor.kind === 'consumer' ? 'veertiendagenbrief' : 'laatste-aanmaning'}-${name}.pdf` },
    ];
    stored[name] = [];
    for (const doc of docs) {
      const id = await insertDocument(debtor.id, doc.kind, doc.fileName, doc.bytes);
      await addEvent(ctx, { debtorId: debtor.id, type: doc.kind === 'letter' ? 'mail.sent' : 'reminder.sent', occurredOn: '2026-11-10', invoiceIds, documentId: id,
        summary: `${doc.fileName} per e-mail verstuurd`, data: { channel: 'email' } });
      stored[name].push(doc);
    }
    if (name !== 'Petra Jansen') {
      await call(backend, 'invoices.attachPdf', { invoiceId: invoiceIds[0]!, fileName: 'origineel.pdf', dataBase64: Buffer.from(fakePdf(debtor.id * 10 + 3)).toString('base64') });
      stored[name].push({ kind: 'invoice-pdf', bytes: fakePdf(debtor.id * 10 + 3) });
      // Free-text notes are personal: they must never leave the app with the file.
      await call(backend, 'debtors.update', { id: debtor.id, debtor: { ...debtor, notes: NOTES } });
      // A call note a spreadsheet would try to run as a formula.
      await addEvent(ctx, { debtorId: debtor.id, type: 'call.logged', occurredOn: '2026-11-12', invoiceIds, summary: INJECTION, data: { reached: true, notes: INJECTION } });
    }
  }
  fs.mkdirSync(OUT, { recursive: true });
  for (const name of ['Kemal Özdemir', 'Bouwbedrijf Mulder B.V.']) {
    const debtor = await debtorByName(backend, name);
    exported[name] = await call(backend, 'handover.exportDossier', { debtorId: debtor.id });
    files[name] = unzipBase64(exported[name].dataBase64);
    fs.writeFileSync(path.join(OUT, exported[name].fileName), Buffer.from(exported[name].dataBase64, 'base64'));
    fs.writeFileSync(path.join(OUT, `${debtor.kind}-overzicht.pdf`), files[name]['overzicht.pdf']!);
  }
});

afterAll(() => {
  removeTempFiles();
  t?.cleanup();
});

describe.each(['Kemal Özdemir', 'Bouwbedrijf Mulder B.V.'])('the dossier of %s', (name) => {
  it('is a zip named after the debtor and the day, with its SHA-256, kept as a dossier document', async () => {
    const file = exported[name]!;
    expect(file.fileName).toBe(name === 'Kemal Özdemir' ? 'Kemal-Ozdemir-2026-11-24.zip' : 'Bouwbedrijf-Mulder-B.V-2026-11-24.zip');
    expect(file.fileName).toMatch(/^[A-Za-z0-9._-]+$/);
    const bytes = Buffer.from(file.dataBase64, 'base64');
    expect(sha(bytes)).toBe(file.sha256);
    const doc = await backend.context.db.selectFrom('documents').selectAll().where('id', '=', file.documentId).executeTakeFirstOrThrow();
    expect(doc.kind).toBe('dossier');
    expect(doc.sha256).toBe(file.sha256);
    expect(Buffer.from(doc.bytes).equals(bytes)).toBe(true);
    expect(Object.keys(files[name]!).sort()).toEqual(expect.arrayContaining(['overzicht.pdf', 'vordering.json', 'vordering.schema.json', 'facturen.csv', 'tijdlijn.csv', 'algemene-voorwaarden.pdf']));
  });

  it('is the same file when exported again on the same day (and is stored once)', async () => {
    const debtor = await debtorByName(backend, name);
    const again = await call(backend, 'handover.exportDossier', { debtorId: debtor.id });
    expect(again.sha256).toBe(exported[name]!.sha256);
    expect(again.documentId).toBe(exported[name]!.documentId);
  });

  it('has a vordering.json that is valid against resources/schemas/vordering.schema.json, and the same schema inside', () => {
    const schemaText = fs.readFileSync(SCHEMA_FILE, 'utf8');
    expect(utf8(files[name]!['vordering.schema.json']!)).toBe(schemaText);
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(schemaText) as object);
    const json = JSON.parse(utf8(files[name]!['vordering.json']!)) as Record<string, unknown>;
    expect(json.$schema).toBe('./vordering.schema.json');
    expect(json.schemaVersion).toBe('1.0.0');
    const valid = validate(json);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // And a file that breaks the contract is refused by the same schema.
    expect(validate({ ...json, totals: { principalCents: '12,00' } })).toBe(false);
  });

  it('states the same totals, to the cent, in overzicht.pdf, vordering.json and facturen.csv', () => {
    const json = JSON.parse(utf8(files[name]!['vordering.json']!)) as {
      totals: { principalCents: number; interestCents: number; collectionCostsCents: number; creditCents: number; totalClaimedCents: number };
      invoices: { openCents: number; interestCents: number; interestPeriods: { interestCents: number }[] }[];
      collectionCosts: { totalCents: number; slices: { amountCents: number }[]; staffelCents: number; vatCents: number; applicable: boolean };
    };
    const tot = json.totals;
    // The JSON adds up by itself.
    expect(tot.principalCents + tot.interestCents + tot.collectionCostsCents - tot.creditCents).toBe(tot.totalClaimedCents);
    expect(json.invoices.reduce((s, i) => s + i.openCents, 0)).toBe(tot.principalCents);
    for (const inv of json.invoices) expect(inv.interestPeriods.reduce((s, p) => s + p.interestCents, 0)).toBe(inv.interestCents);
    if (json.collectionCosts.applicable) {
      expect(json.collectionCosts.slices.reduce((s, x) => s + x.amountCents, 0)).toBeLessThanOrEqual(json.collectionCosts.staffelCents);
      expect(json.collectionCosts.staffelCents + json.collectionCosts.vatCents).toBe(tot.collectionCostsCents);
    }
    expect(tot.totalClaimedCents).toBeGreaterThan(tot.principalCents);

    // facturen.csv: the Totaal row.
    const rows = parseCsv(utf8(files[name]!['facturen.csv']!).replace(/^\uFEFF/, ''));
    const header = rows[0]!;
    const total = rows.at(-1)!;
    expect(total[0]).toBe('Totaal');
    expect(csvCents(total[header.indexOf('Open')]!)).toBe(tot.principalCents);
    expect(csvCents(total[header.indexOf('Rente')]!)).toBe(tot.interestCents);
    const body = rows.slice(1, -1);
    expect(body.reduce((s, r) => s + csvCents(r[header.indexOf('Open')]!), 0)).toBe(tot.principalCents);

    // overzicht.pdf, read back with pdftotext.
    if (!hasTool('pdftotext')) return;
    const text = pdfText(files[name]!['overzicht.pdf']!);
    const line = (label: RegExp) => {
      const found = text.split('\n').find((l) => label.test(l));
      if (!found) throw new Error(`No line ${label} in the PDF:\n${text}`);
      return euroCents(found.slice(found.search(label)));
    };
    expect(line(/Openstaande hoofdsom/)).toBe(tot.principalCents);
    expect(line(/Rente tot en met/)).toBe(tot.interestCents);
    expect(line(/Buitengerechtelijke incassokosten\s+(\(incl\. btw\)\s+)?€/)).toBe(tot.collectionCostsCents);
    expect(line(/Totaal gevorderd/)).toBe(tot.totalClaimedCents);
    expect(line(/Totaal rente/)).toBe(tot.interestCents);
    if (json.collectionCosts.applicable) expect(line(/Totaal incassokosten/)).toBe(tot.collectionCostsCents);
  });

  it('holds every stored letter and reminder of this debtor byte for byte, the invoice PDF and the terms', async () => {
    const debtor = await debtorByName(backend, name);
    const docs = await backend.context.db.selectFrom('documents').selectAll().where('debtor_id', '=', debtor.id)
      .where('kind', 'in', ['letter', 'reminder', 'mail', 'confirmation']).execute();
    expect(docs.length).toBeGreaterThanOrEqual(2);
    const letters = Object.entries(files[name]!).filter(([p]) => p.startsWith('brieven/'));
    expect(letters).toHaveLength(docs.length);
    for (const doc of docs) {
      const match = letters.find(([, bytes]) => sha(bytes) === doc.sha256);
      expect(match, `letter ${doc.file_name} in brieven/`).toBeDefined();
      expect(Buffer.from(match![1]).equals(Buffer.from(doc.bytes))).toBe(true);
    }
    const invoicePdfs = Object.entries(files[name]!).filter(([p]) => p.startsWith('facturen/'));
    expect(invoicePdfs).toHaveLength(1);
    expect(Buffer.from(invoicePdfs[0]![1]).equals(Buffer.from(stored[name]!.find((s) => s.kind === 'invoice-pdf')!.bytes))).toBe(true);
    expect(Buffer.from(files[name]!['algemene-voorwaarden.pdf']!).equals(Buffer.from(fakePdf(99)))).toBe(true);
    // vordering.json lists each file with its hash.
    const json = JSON.parse(utf8(files[name]!['vordering.json']!)) as { documents: { path: string; sha256: string }[] };
    for (const [p, bytes] of Object.entries(files[name]!)) {
      if (p === 'vordering.json' || p === 'vordering.schema.json') continue;
      expect(json.documents.find((d) => d.path === p)?.sha256, p).toBe(sha(bytes));
    }
  });

  it('contains nothing of other debtors and not the debtor\'s notes', async () => {
    const others = (await call(backend, 'debtors.list', {})).filter((d) => d.name !== name);
    const otherInvoices = (await Promise.all(others.map((d) => call(backend, 'debtors.page', { id: d.id })))).flatMap((p) => p.invoices.map((i) => i.number));
    const texts = Object.entries(files[name]!).map(([p, bytes]) => [p, p.endsWith('.pdf') && p === 'overzicht.pdf' && hasTool('pdftotext') ? pdfText(bytes) : utf8(bytes)] as const);
    const otherLetters = new Set(stored['Petra Jansen']!.map((s) => sha(s.bytes)));
    for (const [p, bytes] of Object.entries(files[name]!)) expect(otherLetters.has(sha(bytes)), p).toBe(false);
    for (const [p, text] of texts) {
      if (!/\.(json|csv)$/.test(p) && p !== 'overzicht.pdf') continue;
      expect(text, p).not.toContain(NOTES.slice(0, 20));
      expect(text, p).not.toContain('zoon heeft schulden');
      for (const other of others) expect(text, `${p} names ${other.name}`).not.toContain(other.name);
      for (const number of otherInvoices) expect(text, `${p} has invoice ${number}`).not.toMatch(new RegExp(`\\b${number}\\b`));
    }
  });

  it('writes CSVs for Dutch Excel: BOM, semicolons, decimal comma, CRLF, and formulas neutralised', () => {
    for (const file of ['facturen.csv', 'tijdlijn.csv']) {
      const bytes = files[name]![file]!;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = utf8(bytes).slice(1);
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      const rows = parseCsv(text);
      expect(new Set(rows.map((r) => r.length)).size).toBe(1);
      for (const row of rows) for (const cell of row) expect(cell, `${file}: ${cell}`).not.toMatch(/^[=+@\t\r]|^-(?!\d)/);
    }
    const invoices = parseCsv(utf8(files[name]!['facturen.csv']!).slice(1));
    expect(invoices[0]!.slice(0, 4)).toEqual(['Factuurnummer', 'Factuurdatum', 'Leverdatum', 'Vervaldatum']);
    expect(invoices[1]![invoices[0]!.indexOf('Bedrag')]).toMatch(/^\d+,\d{2}$/);
    expect(invoices[1]![1]).toMatch(/^\d{2}-\d{2}-\d{4}$/);
    const timeline = utf8(files[name]!['tijdlijn.csv']!).slice(1);
    // The call note is there, as text that Excel will not run: '=HYPERLINK… quoted because of the "".
    expect(timeline).toContain(`"'=HYPERLINK(""http://evil.example"",""klik"")"`);
    expect(parseCsv(timeline).some((r) => r[2] === `'${INJECTION}`)).toBe(true);
  });
});

describe('the contents for a consumer and a business', () => {
  it('Kemal (consumer): no collection costs yet, because the 14-day term still runs; letter and tracking code in the timeline', () => {
    const json = JSON.parse(utf8(files['Kemal Özdemir']!['vordering.json']!)) as {
      debtor: { type: string }; interest: { kind: string }; collectionCosts: { applicable: boolean; explanation: string; fourteenDayLetter: { sentOn: string; lastDay: string; termPassed: boolean; trackingCode: string } };
      timeline: { type: string; trackingCode: string | null; date: string }[];
    };
    expect(json.debtor.type).toBe('B2C');
    expect(json.interest.kind).toBe('consumer');
    expect(json.collectionCosts.applicable).toBe(false);
    expect(json.collectionCosts.fourteenDayLetter).toMatchObject({ sentOn: '2026-11-18', termPassed: false, trackingCode: '3SOPST1234567' });
    expect(json.collectionCosts.explanation).toMatch(/veertiendagenbrief van 18-11-2026 geeft tot en met \d\d-\d\d-2026/);
    expect(json.timeline.find((e) => e.type === 'registered.sent')?.trackingCode).toBe('3SOPST1234567');
    const dates = json.timeline.map((e) => e.date);
    expect([...dates].sort()).toEqual(dates);
    for (const type of ['reminder.sent', 'call.logged', 'letter.sent', 'registered.sent']) expect(json.timeline.some((e) => e.type === type), type).toBe(true);
  });

  it('Mulder (business): handelsrente, BIK per the staffel over the summed principal, the earlier agency in the history', () => {
    const json = JSON.parse(utf8(files['Bouwbedrijf Mulder B.V.']!['vordering.json']!)) as {
      debtor: { type: string; kvk: string; contactName: string }; creditor: { vatLiable: boolean; kvk: string; iban: string; termsAttached: boolean };
      interest: { kind: string; legalBasis: string }; collectionCosts: { applicable: boolean; baseCents: number; totalCents: number };
      invoices: { interestPeriods: { percent: number }[] }[]; timeline: { type: string }[];
    };
    expect(json.debtor).toMatchObject({ type: 'B2B', kvk: '08123456', contactName: 'Peter Mulder' });
    expect(json.creditor).toMatchObject({ vatLiable: true, kvk: '12345678', iban: 'NL91 ABNA 0417 1643 00', termsAttached: true });
    expect(json.interest.kind).toBe('commercial');
    // € 4.840: 15 % of 2.500 + 10 % of 2.340 = 375 + 234 = € 609.
    expect(json.collectionCosts).toMatchObject({ applicable: true, baseCents: 4_840_00, totalCents: 609_00 });
    expect(json.invoices[0]!.interestPeriods.length).toBeGreaterThan(0);
    expect(json.timeline.some((e) => e.type === 'handover.created')).toBe(true);
  });
});

describe('the published schema', () => {
  it('is exactly the one generated from the zod schema (regenerate: UPDATE_SCHEMA=1 vitest run tests/integration/handover)', () => {
    const generated = vorderingJsonSchemaText();
    if (process.env.UPDATE_SCHEMA === '1') fs.writeFileSync(SCHEMA_FILE, generated);
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated);
  });
});

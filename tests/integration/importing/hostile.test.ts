// Hostile and broken files: each is refused with a clear Dutch message, and the ledger is exactly
// as before (a dump of every table compared), for preview and commit, bank and invoice imports.
import fs from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_FILE_BYTES } from '../../../shared/contract';
import { SECRET_HEADER } from '../../../electron/web/security';
import { startWebServer } from '../../../electron/web/server';
import { dumpDatabase, failure, withBackend } from '../../helpers/backend';
import { base64Of, camt053 } from './camt';
import { demoStatement } from './helpers';

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const CAMT_HEAD = '<?xml version="1.0" encoding="UTF-8"?>';

const cases: { name: string; method: 'bank' | 'invoices'; fileName: string; bytes: () => Uint8Array; code: string; message: RegExp }[] = [
  { name: 'malformed XML', method: 'bank', fileName: 'kapot.xml', bytes: () => utf8(`${CAMT_HEAD}<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Ntry>`),
    code: 'import-failed', message: /^Het XML-bestand is beschadigd of onvolledig \(regel \d+, kolom \d+\)/ },
  { name: 'XXE (external entity)', method: 'bank', fileName: 'xxe.xml', bytes: () => utf8(`${CAMT_HEAD}<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Document><BkToCstmrStmt><Stmt><Id>&xxe;</Id></Stmt></BkToCstmrStmt></Document>`),
    code: 'import-failed', message: /^Het XML-bestand bevat een DOCTYPE- of ENTITY-declaratie\..*om veiligheidsredenen wordt het bestand niet gelezen\. Er is niets ingelezen\.$/ },
  { name: 'entity bomb (billion laughs)', method: 'bank', fileName: 'bom.xml', bytes: () => utf8(`${CAMT_HEAD}<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><Document>&lol9;</Document>`),
    code: 'import-failed', message: /DOCTYPE- of ENTITY-declaratie/ },
  { name: 'a binary file renamed .xml', method: 'bank', fileName: 'afschrift.xml', bytes: () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256),
    code: 'import-failed', message: /^Dit is geen XML-bestand: het bevat binaire gegevens\./ },
  { name: 'balances that do not add up (an incomplete statement)', method: 'bank', fileName: 'onvolledig.xml',
    bytes: () => utf8(camt053([{ date: '2026-11-02', amount: 100_00, direction: 'credit', name: 'A', text: 'x' }]).replace(/<Bal><Tp><CdOrPrtry><Cd>CLBD<\/Cd><\/CdOrPrtry><\/Tp><Amt Ccy="EUR">[\d.]+</, '<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">9999.00<')),
    code: 'import-failed', message: /^De saldi van .* kloppen niet: beginsaldo € 1\.000,00 plus de 1 regels .* wordt niet ingelezen\.$/ },
  { name: 'a zip bomb (60 MB of zeros in a small zip)', method: 'bank', fileName: 'bom.zip', bytes: () => zipSync({ 'a.xml': new Uint8Array(60 * 1024 * 1024) }, { level: 1 }),
    code: 'too-large', message: /^Het zip-bestand pakt uit tot meer dan 50 MB; dat wordt niet geopend \(mogelijk een zip-bom\)\./ },
  { name: 'an invoice (UBL) offered as a bank statement', method: 'bank', fileName: 'factuur.xml', bytes: () => fs.readFileSync(path.resolve(import.meta.dirname, '../../../../shared/fixtures/invoices/ubl/SI-UBL-2.0_ok_minimal.xml')),
    code: 'import-failed', message: /^Dit is een factuur \(UBL\), geen bankafschrift\./ },
  { name: 'XXE in an e-invoice', method: 'invoices', fileName: 'factuur.xml', bytes: () => utf8(`${CAMT_HEAD}<!DOCTYPE i [<!ENTITY x SYSTEM "http://evil.example/x">]><Invoice><ID>&x;</ID></Invoice>`),
    code: 'import-failed', message: /DOCTYPE- of ENTITY-declaratie/ },
  { name: 'an Excel file renamed .csv', method: 'invoices', fileName: 'facturen.csv', bytes: () => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0, 8, 0, 0, 0, 0x21, 0, ...new Array(200).fill(0)]),
    code: 'import-failed', message: /zip-bestand|binaire gegevens/ },
  { name: 'an Excel workbook (.xlsx) offered as invoices', method: 'invoices', fileName: 'facturen.xlsx',
    bytes: () => zipSync({ '[Content_Types].xml': utf8('<Types/>'), 'xl/workbook.xml': utf8('<workbook/>'), 'xl/worksheets/sheet1.xml': utf8('<worksheet/>') }),
    code: 'import-failed', message: /^facturen\.xlsx is een Excel- of rekenbladbestand, geen CSV\. .*Opslaan als/ },
  { name: 'a CSV with a formula cell', method: 'invoices', fileName: 'facturen.csv',
    bytes: () => utf8('Factuurnummer;Klant;Factuurdatum;Bedrag\nF-1;=cmd|\' /C calc\'!A0;01-10-2026;100,00\n'),
    code: 'import-failed', message: /^Eén rij heeft een probleem, daarom is er niets ingelezen\. rij 2: Kolom "Klant": .* lijkt een spreadsheetformule/ },
];

describe('hostile and broken files change nothing', () => {
  for (const c of cases) {
    it(`${c.name}: a clear Dutch message, the ledger unchanged`, async () => {
      const { backend, databaseFile } = await withBackend();
      await demoStatement(backend); // a ledger with data in every table the imports touch
      const before = dumpDatabase(databaseFile);
      const input = { fileName: c.fileName, dataBase64: base64Of(c.bytes()) };
      const methods = c.method === 'bank' ? ['imports.bank.preview', 'imports.bank.commit'] : ['imports.invoices.preview', 'imports.invoices.commit'];
      for (const m of methods) {
        if (c.name === 'a CSV with a formula cell' && m.endsWith('preview')) continue; // the preview shows the row with its problem
        const error = await failure(backend, m, input);
        expect(error.code, `${m}: ${error.message}`).toBe(c.code);
        expect(error.message).toMatch(c.message);
        expect(error.messageEn?.length).toBeGreaterThan(10);
      }
      expect(dumpDatabase(databaseFile)).toBe(before);
      expect(fs.existsSync(path.join(path.dirname(databaseFile), 'backups')) ? fs.readdirSync(path.join(path.dirname(databaseFile), 'backups')).filter((f) => f.startsWith('voor-import')) : []).toEqual([]);
    });
  }

  it('a file above 50 MB is refused by the contract before it is decoded or parsed', async () => {
    const { backend, databaseFile } = await withBackend();
    const before = dumpDatabase(databaseFile);
    const huge = 'A'.repeat(Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4 + 4);
    for (const m of ['imports.bank.preview', 'imports.bank.commit', 'imports.invoices.preview', 'imports.invoices.commit']) {
      const error = await failure(backend, m, { fileName: 'groot.xml', dataBase64: huge });
      expect(error.code).toBe('invalid-input');
      expect(error.fields?.dataBase64).toBe('Het bestand is te groot: het maximum is 50 MB. Exporteer een kortere periode.');
    }
    expect(dumpDatabase(databaseFile)).toBe(before);
  });

  it('a 2 GB upload to the browser shell is refused from its declared length, before the body is read', async () => {
    const { backend, databaseFile, dataDir } = await withBackend();
    const staticDir = path.join(dataDir, 'static');
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<html><head></head><body></body></html>');
    const server = await startWebServer({ backend, staticDir, port: 0 });
    try {
      const page = await (await fetch(server.url)).text();
      const secret = /name="openstaand-secret" content="([0-9a-f]+)"/.exec(page)![1]!;
      const before = dumpDatabase(databaseFile);
      const reply = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: server.port, method: 'POST', path: '/api/imports.bank.preview',
          headers: { host: `127.0.0.1:${server.port}`, 'content-type': 'application/json', [SECRET_HEADER]: secret, 'content-length': String(2 * 1024 * 1024 * 1024) } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (d: Buffer) => chunks.push(d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        });
        req.on('error', reject);
        req.write('{"fileName":"groot.xml","dataBase64":"');
        req.end();
      }).catch((e: unknown) => ({ status: -1, body: String(e) }));
      expect(reply.status).toBe(413);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'too-large', message: 'Het verzoek is groter dan 80 MB.' } });
      expect(dumpDatabase(databaseFile)).toBe(before);
    } finally {
      await server.close();
    }
  });
});

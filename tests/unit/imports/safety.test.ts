// Hostile and broken input: every parser gives a clear ImportError and reads, fetches or runs nothing.
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sniffCsv } from '../../../electron/core/imports/csvTable';
import { ImportError } from '../../../electron/core/imports/importError';
import { MAX_IMPORT_BYTES } from '../../../electron/core/imports/limits';
import { parseBankFile } from '../../../electron/core/imports/parseBankFile';
import { parseUblFile } from '../../../electron/core/imports/ubl';
import { parseXmlSafely } from '../../../electron/core/imports/xmlSafe';
import { unzipSafely } from '../../../electron/core/imports/zipSafe';
import { expectImportError, fixture, fixtureText, sample, utf8 } from './helpers';

const CAMT = fixtureText('bank/camt/camt053.v2.multi.statement.xml');

describe('XML with a DTD is refused before any parser sees it', () => {
  const xxe = `<?xml version="1.0"?>
<!DOCTYPE Document [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Id>&xxe;</Id></Stmt></BkToCstmrStmt></Document>`;
  const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<Invoice><ID>&lol9;</ID></Invoice>`;

  it('XXE (an external entity pointing at a local file)', () => {
    for (const parse of [() => parseBankFile('x.xml', utf8(xxe)), () => parseUblFile('x.xml', utf8(xxe))]) {
      const err = expectImportError(parse, 'xml-entities');
      expect(err.message).toContain('DOCTYPE');
      expect(err.message).not.toContain('root:');
    }
  });

  it('billion laughs (entity expansion bomb)', () => {
    expectImportError(() => parseUblFile('lol.xml', utf8(laughs)), 'xml-entities');
    expectImportError(() => parseBankFile('lol.xml', utf8(laughs)), 'xml-entities');
  });

  it('an ENTITY declaration without DOCTYPE, and a DTD inside a zip', () => {
    expectImportError(() => parseXmlSafely(utf8('<!ENTITY x "y"><a/>')), 'xml-entities');
    expectImportError(() => parseBankFile('a.zip', zipSync({ 'a.xml': utf8(xxe) })), 'xml-entities');
  });

  it('never expands entities other than the five predefined ones', () => {
    const doc = parseXmlSafely(utf8('<a><b>&amp;&lt;&#65;&#x42;&unknown;</b></a>'));
    expect((doc.root['b'] as { '#text': string }[])[0]!['#text']).toBe('&amp;&lt;&#65;&#x42;&unknown;');
  });
});

describe('malformed XML', () => {
  it('gives line and column', () => {
    const broken = CAMT.replace('</Stmt>', '</Stmtt>');
    const err = expectImportError(() => parseBankFile('kapot.xml', utf8(broken)), 'malformed');
    expect(err.message).toMatch(/regel \d+, kolom \d+/);
    expect(err.details?.['line']).toBeGreaterThan(1);
  });

  it('a truncated file, two roots, text that only starts like XML', () => {
    expectImportError(() => parseBankFile('a.xml', utf8(CAMT.slice(0, CAMT.length / 2))), 'malformed');
    expectImportError(() => parseUblFile('a.xml', utf8('<a/><b/>')), 'malformed');
    expectImportError(() => parseUblFile('a.xml', utf8('<<<<')), 'malformed');
    expectImportError(() => parseUblFile('a.xml', utf8('hallo')), 'not-xml');
  });

  it('declared UTF-8 with invalid bytes, and an unknown declared encoding', () => {
    const bad = new Uint8Array([...utf8('<?xml version="1.0" encoding="UTF-8"?><Invoice><ID>'), 0xe9, ...utf8('</ID></Invoice>')]);
    expectImportError(() => parseUblFile('a.xml', bad), 'encoding');
    expectImportError(() => parseUblFile('a.xml', utf8('<?xml version="1.0" encoding="EBCDIC-NL"?><a/>')), 'encoding');
  });
});

describe('size limit: refused before parsing', () => {
  const big = new Uint8Array(60 * 1024 * 1024).fill(0x20); // 60 MB of spaces
  big.set(utf8('<Document>'), 0);

  it('every entry point refuses a 60 MB input with "too-large"', () => {
    for (const parse of [() => parseBankFile('groot.xml', big), () => parseUblFile('groot.xml', big), () => sniffCsv(big), () => parseXmlSafely(big)]) {
      const err = expectImportError(parse, 'too-large');
      expect(err.message).toContain('60 MB');
      expect(err.details).toMatchObject({ size: big.length, limit: MAX_IMPORT_BYTES });
    }
  });

  it('an empty file', () => {
    expectImportError(() => parseBankFile('leeg.sta', new Uint8Array()), 'empty');
  });
});

describe('binary files with a text extension', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);

  it('a picture renamed .xml / .csv / .sta gets the matching "not-…" error', () => {
    expect(expectImportError(() => parseBankFile('afschrift.xml', png), 'not-xml').message).toContain('geen XML');
    expectImportError(() => parseUblFile('factuur.xml', png), 'not-xml');
    expectImportError(() => parseBankFile('afschrift.csv', png), 'not-csv');
    expectImportError(() => sniffCsv(png, 'x.csv'), 'not-csv');
    expectImportError(() => parseBankFile('afschrift.sta', png), 'not-mt940');
    expectImportError(() => parseBankFile('afschrift', png), 'not-text');
  });

  it('a text file with NUL bytes in it', () => {
    const text = sample('knab-2026.sta');
    const withNul = new Uint8Array([...text.subarray(0, 100), 0, ...text.subarray(100)]);
    expectImportError(() => parseBankFile('knab.sta', withNul), 'not-mt940');
    const xml = utf8(CAMT);
    expectImportError(() => parseBankFile('x.xml', new Uint8Array([...xml.subarray(0, 50), 0, ...xml.subarray(50)])), 'not-xml');
  });

  it('control characters throughout (no NUL)', () => {
    const noise = new Uint8Array(4000).map((_, i) => (i % 7 === 0 ? 0x01 : 0x41));
    expectImportError(() => parseBankFile('a.csv', noise), 'not-csv');
  });
});

describe('zip bombs and other zips', () => {
  it('stops inflating at the limit (64 MB of zeros packed into a small zip)', () => {
    const bomb = zipSync({ 'afschrift.xml': new Uint8Array(64 * 1024 * 1024) }, { level: 1 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(expectImportError(() => parseBankFile('bom.zip', bomb), 'zip-too-large').message).toContain('zip-bom');
    expectImportError(() => parseUblFile('bom.zip', bomb), 'zip-too-large');
  });

  it('counts what is inflated, not what the headers claim', () => {
    const zip = zipSync({ 'a.xml': new Uint8Array(3 * 1024 * 1024) }, { level: 9 });
    expectImportError(() => unzipSafely(zip, { maxTotalBytes: 1024 * 1024 }), 'zip-too-large');
  });

  it('too many entries', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 1005; i++) files[`f${i}.xml`] = utf8('<a/>');
    expectImportError(() => parseBankFile('veel.zip', zipSync(files)), 'zip-too-many-files');
  });

  it('a damaged zip, an empty zip, a zip inside a zip', () => {
    const zip = zipSync({ 'a.xml': utf8(CAMT) });
    expectImportError(() => parseBankFile('a.zip', zip.subarray(0, 60)), 'malformed');
    expectImportError(() => parseBankFile('leeg.zip', zipSync({})), 'empty');
    expectImportError(() => parseBankFile('nest.zip', zipSync({ 'binnen.zip': zip })), 'unsupported-format');
  });
});

describe('CSV with a formula in a cell', () => {
  it('the bank CSV keeps the cell as text', () => {
    const csv = new TextDecoder().decode(sample('ing-2026.csv')).replace('"Bakkerij De Vries B.V.";"NL20INGB0001234567"', '"=HYPERLINK(""http://evil.example"",""x"")";"NL20INGB0001234567"');
    const [st] = parseBankFile('ing.csv', utf8(csv));
    expect(st!.transactions[0]!.counterpartyName).toBe('=HYPERLINK("http://evil.example","x")');
  });
});

describe('a real fixture with bytes flipped never escapes as anything but ImportError', () => {
  it('camt, MT940 and UBL', () => {
    for (const [name, bytes, parse] of [
      ['camt053.v4.xml', fixture('bank/camt/camt053.v4.xml'), parseBankFile],
      ['rabobank-iban.sta', fixture('bank/mt940/rabobank-iban.sta'), parseBankFile],
      ['peppol-base-example.xml', fixture('invoices/ubl/peppol-base-example.xml'), parseUblFile],
    ] as const) {
      for (let i = 0; i < bytes.length; i += 97) {
        const copy = bytes.slice();
        copy[i] = (copy[i]! + 13) % 256;
        try {
          parse(name, copy);
        } catch (e) {
          expect(e, `byte ${i} of ${name}`).toBeInstanceOf(ImportError);
          expect((e as ImportError).details?.['internal'], `byte ${i} of ${name}: ${(e as Error).message}`).toBeUndefined();
        }
      }
    }
  });
});

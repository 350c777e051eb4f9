// The strict XML reader that replaced fast-xml-parser in imports/xmlSafe.ts (for speed: a
// 10,000-line camt.053 took seconds): the same tree on every real sample, and a clear refusal with
// line and column for what is not well-formed.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { readXml, XmlSyntaxError } from '../../../electron/core/imports/xmlReader';
import { camt053 } from './camt';
import { FIXTURES } from './helpers';

/** fast-xml-parser with the options xmlSafe.ts used before. */
const reference = new XMLParser({
  ignoreAttributes: false, attributeNamePrefix: '@_', removeNSPrefix: true, parseTagValue: false, parseAttributeValue: false, processEntities: false,
  htmlEntities: false, ignoreDeclaration: true, ignorePiTags: true, alwaysCreateTextNode: true, trimValues: true, cdataPropName: '#cdata',
  commentPropName: false, isArray: (_name: string, _jpath: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
});
const sorted = (v: unknown): unknown => (Array.isArray(v) ? v.map(sorted) : v && typeof v === 'object'
  ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])])) : v);
const viaReference = (text: string) => {
  const doc = reference.parse(text) as Record<string, unknown[]>;
  const root = Object.keys(doc).find((k) => !k.startsWith('?'))!;
  return sorted(doc[root]![0]);
};

const samples = [
  ...['invoices/ubl', 'bank/camt'].flatMap((dir) => readdirSync(path.join(FIXTURES, dir)).filter((f) => f.endsWith('.xml')).map((f) => path.join(FIXTURES, dir, f))),
  ...readdirSync(path.resolve(import.meta.dirname, '../../unit/imports/samples')).filter((f) => f.endsWith('.xml')).map((f) => path.resolve(import.meta.dirname, '../../unit/imports/samples', f)),
];

describe('xmlReader', () => {
  it.each(samples.map((f) => [path.basename(f), f]))('%s: the same tree as before', (_name, file) => {
    const text = readFileSync(file, 'latin1');
    expect(sorted(readXml(text).root)).toEqual(viaReference(text));
  });

  it('the same tree for namespaces, attributes, entities kept as written, CDATA, mixed text, empty elements', () => {
    const text = '<a:Doc xmlns:a="urn:x" xmlns="urn:y"><b c="1" a:d="&amp;2">t &amp; u</b><e/><f>  </f><g><![CDATA[x<y]]></g><h>one<i/>two</h><j><k>1</k><k>2</k></j><!-- c --><l></l></a:Doc>';
    expect(sorted(readXml(text).root)).toEqual(viaReference(text));
    const generated = camt053([{ date: '2026-11-02', amount: 5, direction: 'credit', name: 'A & B <c>', text: 'x &amp; y' }]);
    expect(sorted(readXml(generated).root)).toEqual(viaReference(generated));
  });

  it.each([
    ['<a><b></a>', 1, 7, 'sluittag </b> verwacht'],
    ['<a>\n<b>\n</a>', 3, 1, 'sluittag </b> verwacht (geopend op regel 2, kolom 1)'],
    ['<a/><b/>', 1, 5, 'meer dan één hoofdelement'],
    ['<a>x</a>tekst', 1, 9, 'tekst na het hoofdelement'],
    ['<a b="1" b="2"/>', 1, 10, 'attribuut "b" staat twee keer'],
    ['<a b=1/>', 1, 6, 'niet tussen aanhalingstekens'],
    ['<a b="<"/>', 1, 6, '"<" in de waarde'],
    ['<a><b>', 1, 7, 'nog open'],
    ['<<<<', 1, 1, 'ongeldige elementnaam'],
    ['<a><!-- nooit dicht</a>', 1, 4, 'commentaar'],
  ])('%j is refused at line %i, column %i: %s', (text, line, column, message) => {
    let caught: unknown;
    try { readXml(text); } catch (e) { caught = e; }
    expect(caught).toBeInstanceOf(XmlSyntaxError);
    const { detail } = caught as XmlSyntaxError;
    expect(detail).toMatchObject({ line, column });
    expect(detail.nl).toContain(message);
  });
});

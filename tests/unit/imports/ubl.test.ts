import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseUblFile } from '../../../electron/core/imports/ubl';
import { expectImportError, fixture, fixtureText, utf8 } from './helpers';

const one = (name: string) => {
  const list = parseUblFile(name, fixture(`invoices/ubl/${name}`));
  expect(list).toHaveLength(1);
  return list[0]!;
};

const ONTVANGER = { name: 'Ontvanger', street: 'Teststraat 123', postcode: '1111 AA', city: 'Grotestad', country: 'NL', kvk: '11111111' };
const SIMPLER = { name: 'SimplerInvoicing', vatId: 'NL1111.11.111.B.01' };

describe('SI-UBL 2.0 / NLCIUS (Simplerinvoicing test files)', () => {
  it('ok_minimal: one line, VAT id from the EndpointID with scheme 9944', () => {
    expect(one('SI-UBL-2.0_ok_minimal.xml')).toEqual({
      number: '12115118', issueDate: '2015-01-09', dueDate: '2015-01-09', kind: 'invoice', currency: 'EUR',
      payableAmount: 24200, taxExclusive: 20000, taxAmount: 4200,
      customer: { ...ONTVANGER, vatId: 'NL1234567890' },
      paymentReference: 'Deb. 10202 / Fact. 12115118', payeeIban: 'NL11BANK1111111111',
      description: 'SimplerInvoicing test invoice', documentTypeCode: '380', supplier: SIMPLER,
      sourceName: 'SI-UBL-2.0_ok_minimal.xml',
    });
  });

  it('ok_base: three lines (one negative), two PaymentMeans (the first counts)', () => {
    expect(one('SI-UBL-2.0_ok_base.xml')).toEqual({
      number: '12115118', issueDate: '2015-01-09', dueDate: '2015-01-09', kind: 'invoice', currency: 'EUR',
      payableAmount: 22700, taxExclusive: 20000, taxAmount: 2700, customer: ONTVANGER,
      paymentReference: 'Deb. 10202 / Fact. 12115118', payeeIban: 'NL11BANK1111111111',
      description: 'SimplerInvoicing test invoice; Testing procedures; Previous Test Invoice returned',
      documentTypeCode: '380', supplier: SIMPLER, sourceName: 'SI-UBL-2.0_ok_base.xml',
    });
  });

  it('ok_full: registered and trading name, contact, address lines, KvK from PartyLegalEntity, prepaid amount', () => {
    expect(one('SI-UBL-2.0_ok_full.xml')).toEqual({
      number: 'TOSL108', issueDate: '2009-12-15', deliveryDate: '2009-12-15', kind: 'invoice', currency: 'EUR',
      payableAmount: 72900, taxExclusive: 143650, taxAmount: 29220,
      customer: {
        name: 'The buyercompany inc.', tradingName: 'Buyercompany ltd', email: 'john@buyercompany.eu', phone: '5121230',
        street: 'Anystreet, Back door', postcode: '101', city: 'Anytown', country: 'NL', kvk: '87654321', vatId: 'BE54321',
      },
      paymentReference: 'Payref1', payeeIban: 'NLING34434343434',
      description: 'Labtop computer; Returned "Advanced computing" book; "Computing for dummies" book; Returned IBM 5150 desktop; Network cable',
      documentTypeCode: '380',
      supplier: { name: 'The Sellercompany Incorporated', kvk: '12345678', vatId: 'NL12345678' },
      warnings: ['Er staat geen vervaldatum in; de standaard betaaltermijn geldt.'],
      sourceName: 'SI-UBL-2.0_ok_full.xml',
    });
  });

  it('ok_negative: an invoice with a negative total is read as a credit note of the positive amount', () => {
    const inv = one('SI-UBL-2.0_ok_negative.xml');
    expect(inv).toMatchObject({ number: '12115118', kind: 'credit-note', documentTypeCode: '380', payableAmount: 24200, taxExclusive: 20000, taxAmount: 4200, description: 'SimplerInvoicing test invoice' });
  });

  it('BR-NL-8 ok 381: a credit note with the invoice it corrects', () => {
    expect(one('SI-UBL-2.0_BR-NL-8_ok_381.xml')).toEqual({
      number: '12115118', issueDate: '2015-01-09', kind: 'credit-note', currency: 'EUR',
      payableAmount: 22700, taxExclusive: 20000, taxAmount: 2700, customer: ONTVANGER,
      paymentReference: 'Deb. 10202 / Fact. 12115118', payeeIban: 'NL11BANK1111111111',
      description: 'SimplerInvoicing test invoice; Testing procedures; Previous Test CreditNote returned',
      billingReference: '46568', documentTypeCode: '381', supplier: SIMPLER, sourceName: 'SI-UBL-2.0_BR-NL-8_ok_381.xml',
    });
  });

  it('error_no_customizationid: invalid under NLCIUS but readable, with a warning', () => {
    const inv = one('SI-UBL-2.0_error_no_customizationid.xml');
    expect(inv).toMatchObject({ number: '12115118', kind: 'invoice', payableAmount: 22700, dueDate: '2015-01-09', customer: ONTVANGER });
    expect(inv.warnings).toEqual(['Het bestand noemt geen specificatie (CustomizationID): het is geen geldige NLCIUS- of Peppol-factuur, maar is wel gelezen.']);
  });
});

describe('Peppol BIS Billing 3.0 base example', () => {
  it('reads every field', () => {
    expect(one('peppol-base-example.xml')).toEqual({
      number: 'Snippet1', issueDate: '2017-11-13', dueDate: '2017-12-01', deliveryDate: '2017-11-01', kind: 'invoice', currency: 'EUR',
      payableAmount: 165625, taxExclusive: 132500, taxAmount: 33125,
      customer: {
        name: 'Buyer Official Name', tradingName: 'BuyerTradingName AS', contactName: 'Lisa Johnson', email: 'lj@buyer.se', phone: '23434234',
        street: 'Hovedgatan 32, Po box 878', postcode: '456 34', city: 'Stockholm', country: 'SE', vatId: 'SE4598375937',
      },
      paymentReference: 'Snippet1', payeeIban: 'IBAN32423940', description: 'item name; item name 2', documentTypeCode: '380',
      supplier: { name: 'SupplierOfficialName Ltd', vatId: 'GB1232434' }, sourceName: 'peppol-base-example.xml',
    });
  });
});

describe('containers and variations', () => {
  it('reads a zip of invoices and skips the PDFs next to them', () => {
    const zip = zipSync({
      'facturen/a.xml': fixture('invoices/ubl/SI-UBL-2.0_ok_minimal.xml'),
      'facturen/a.pdf': new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2]),
      'facturen/b.xml': fixture('invoices/ubl/peppol-base-example.xml'),
      'facturen/c.XML': fixture('invoices/ubl/SI-UBL-2.0_BR-NL-8_ok_381.xml'),
    });
    expect(parseUblFile('facturen.zip', zip).map((i) => [i.sourceName, i.number, i.kind])).toEqual([
      ['facturen/a.xml', '12115118', 'invoice'],
      ['facturen/b.xml', 'Snippet1', 'invoice'],
      ['facturen/c.XML', '12115118', 'credit-note'],
    ]);
  });

  it('names the zip entry that cannot be read', () => {
    const zip = zipSync({ 'ok.xml': fixture('invoices/ubl/SI-UBL-2.0_ok_minimal.xml'), 'stuk.xml': utf8('<Invoice><cbc:ID>1') });
    expect(expectImportError(() => parseUblFile('f.zip', zip), 'malformed').message.startsWith('stuk.xml: ')).toBe(true);
  });

  it('reads an invoice inside a Peppol StandardBusinessDocument envelope', () => {
    const inner = fixtureText('invoices/ubl/peppol-base-example.xml').replace(/^<\?xml[^>]*>\s*/, '');
    const sbd = `<?xml version="1.0" encoding="UTF-8"?><StandardBusinessDocument xmlns="http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader"><StandardBusinessDocumentHeader><HeaderVersion>1.0</HeaderVersion></StandardBusinessDocumentHeader>${inner}</StandardBusinessDocument>`;
    expect(parseUblFile('sbd.xml', utf8(sbd))[0]).toMatchObject({ number: 'Snippet1', payableAmount: 165625 });
  });

  it('honours other prefixes, ISO-8859-1 and entities in names', () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?>
<ubl:Invoice xmlns:ubl="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:a="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:b="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
<b:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:nen.nl:nlcius:v1.0</b:CustomizationID>
<b:ID>2026-014</b:ID><b:IssueDate>2026-02-01</b:IssueDate><b:DueDate>2026-03-03</b:DueDate><b:DocumentCurrencyCode>EUR</b:DocumentCurrencyCode>
<a:AccountingCustomerParty><a:Party><a:PartyName><b:Name>Caf\xe9 Smit &amp; Zn</b:Name></a:PartyName>
<a:PartyIdentification><b:ID schemeID="0106">12345678</b:ID></a:PartyIdentification></a:Party></a:AccountingCustomerParty>
<a:PaymentMeans><b:PaymentMeansCode>30</b:PaymentMeansCode><b:PaymentID>5000 0567 8901 2345</b:PaymentID><a:PayeeFinancialAccount><b:ID>nl20 ingb 0001 2345 67</b:ID></a:PayeeFinancialAccount></a:PaymentMeans>
<a:LegalMonetaryTotal><b:PayableAmount currencyID="EUR">1210.005</b:PayableAmount></a:LegalMonetaryTotal>
<a:InvoiceLine><b:ID>1</b:ID><a:Item><b:Description>Brood &lt;vers&gt;</b:Description></a:Item></a:InvoiceLine>
</ubl:Invoice>`;
    const bytes = Uint8Array.from(xml, (c) => c.charCodeAt(0));
    expect(parseUblFile('iso.xml', bytes)[0]).toMatchObject({
      number: '2026-014', issueDate: '2026-02-01', dueDate: '2026-03-03',
      customer: { name: 'Café Smit & Zn', kvk: '12345678' }, paymentReference: '5000 0567 8901 2345', payeeIban: 'NL20INGB0001234567',
      payableAmount: 121001, // 1210.005 rounded half away from zero
      description: 'Brood <vers>',
    });
  });

  it('refuses what is not a UBL invoice, and a UBL without its required parts', () => {
    expect(expectImportError(() => parseUblFile('cii.xml', utf8('<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"/>')), 'unsupported-format').message).toContain('CII');
    expectImportError(() => parseUblFile('camt.xml', fixture('bank/camt/camt054.v2.xml')), 'unsupported-format');
    expect(expectImportError(() => parseUblFile('x.xml', utf8('<Invoice><IssueDate>2026-01-01</IssueDate></Invoice>')), 'malformed').message).toContain('factuurnummer');
    expectImportError(() => parseUblFile('x.xml', utf8('<Invoice><ID>1</ID><IssueDate>2026-02-30</IssueDate></Invoice>')), 'malformed');
    expectImportError(() => parseUblFile('x.xml', utf8('<Invoice><ID>1</ID><IssueDate>2026-02-03</IssueDate></Invoice>')), 'malformed');
    expectImportError(() => parseUblFile('x.xml', utf8('<Invoice><ID>1</ID><IssueDate>2026-02-03</IssueDate><LegalMonetaryTotal><PayableAmount>12,50</PayableAmount></LegalMonetaryTotal></Invoice>')), 'malformed');
  });
});

// UBL 2.1 e-invoices: Invoice and CreditNote as SI-UBL 2.0 (NLCIUS) and Peppol BIS Billing 3.0
// describe them, also inside a Peppol StandardBusinessDocument envelope, one file or a zip.
// Files that break the NLCIUS business rules but are readable are read (with a warning).
import { isIsoDate } from './dates';
import { decimalToCents } from './decimal';
import { compactAccount } from './iban';
import { asImportError, ImportError, malformed } from './importError';
import { assertImportSize } from './limits';
import { compact } from './objects';
import { isZip } from './textDecoding';
import type { Cents, ImportedCustomer, ImportedInvoice } from './types';
import { all, attr, kid, kids, oneLine, val, type ParsedXml, type XNode, parseXmlSafely } from './xmlSafe';
import { unzipSafely } from './zipSafe';

const KVK_SCHEME = '0106';
const NL_VAT_SCHEME = '9944';

function amount(node: XNode | undefined, what: string): Cents | undefined {
  const text = val(node);
  if (text === undefined) return undefined;
  // EN 16931 allows two decimals; a tool that writes more is rounded half away from zero.
  const cents = decimalToCents(text, { decimalSeparator: '.', rounding: 'half-away' });
  if (cents === null) throw malformed(`Ongeldig bedrag "${text}" (${what}).`, `Invalid amount "${text}" (${what}).`);
  return cents;
}

function date(node: XNode | undefined, what: string): string | undefined {
  const text = val(node);
  if (text === undefined) return undefined;
  const d = text.slice(0, 10);
  if (!isIsoDate(d)) throw malformed(`Ongeldige datum "${text}" (${what}).`, `Invalid date "${text}" (${what}).`);
  return d;
}

const withScheme = (nodes: XNode[], scheme: string) => nodes.find((n) => attr(n, 'schemeID') === scheme);
const kvkOf = (text: string | undefined) => {
  const digits = text?.replace(/[\s.]/g, '');
  return digits && /^\d{8}$/.test(digits) ? digits : undefined;
};

function address(party: XNode | undefined): Pick<ImportedCustomer, 'street' | 'postcode' | 'city' | 'country'> {
  const a = kid(party, 'PostalAddress');
  if (!a) return {};
  const street = [val(a, 'StreetName'), val(a, 'BuildingNumber')].filter(Boolean).join(' ');
  const lines = [street, val(a, 'AdditionalStreetName')].filter(Boolean);
  if (lines.length === 0) lines.push(...all(a, 'AddressLine', 'Line').map((l) => val(l)).filter((l): l is string => !!l));
  return {
    street: oneLine(lines.join(', ')),
    postcode: oneLine(val(a, 'PostalZone')),
    city: oneLine(val(a, 'CityName')),
    country: val(a, 'Country', 'IdentificationCode')?.toUpperCase(),
  };
}

function party(p: XNode | undefined): ImportedCustomer {
  const legal = kid(p, 'PartyLegalEntity');
  const registered = oneLine(val(legal, 'RegistrationName'));
  const trading = oneLine(val(p, 'PartyName', 'Name'));
  const contact = kid(p, 'Contact');
  const kvk =
    kvkOf(val(withScheme(kids(legal, 'CompanyID'), KVK_SCHEME))) ??
    kvkOf(val(withScheme(all(p, 'PartyIdentification', 'ID'), KVK_SCHEME))) ??
    kvkOf(val(withScheme(kids(p, 'EndpointID'), KVK_SCHEME)));
  const vatNode = kids(p, 'PartyTaxScheme').find((t) => (val(t, 'TaxScheme', 'ID') ?? 'VAT').toUpperCase() === 'VAT');
  const vatId = val(vatNode, 'CompanyID') ?? val(withScheme(kids(p, 'EndpointID'), NL_VAT_SCHEME));
  const c: ImportedCustomer = {
    name: registered ?? trading ?? oneLine(val(contact, 'Name')) ?? '',
    ...(trading && registered && trading !== registered ? { tradingName: trading } : {}),
    contactName: oneLine(val(contact, 'Name')),
    email: val(contact, 'ElectronicMail'),
    phone: val(contact, 'Telephone'),
    ...address(p),
    kvk,
    vatId: vatId?.replace(/\s/g, '').toUpperCase(),
  };
  return { ...compact(c, true), name: c.name };
}

/** Reads one parsed UBL document. */
export function readUbl(doc: ParsedXml, sourceName?: string): ImportedInvoice {
  let root = doc.root;
  let rootName = doc.rootName;
  if (rootName === 'StandardBusinessDocument') {
    const inner = kid(root, 'Invoice') ?? kid(root, 'CreditNote');
    if (!inner) throw new ImportError('unsupported-format', 'Deze Peppol-envelop bevat geen factuur of creditnota.', 'This Peppol envelope holds no invoice or credit note.');
    rootName = kid(root, 'Invoice') ? 'Invoice' : 'CreditNote';
    root = inner;
  }
  if (rootName !== 'Invoice' && rootName !== 'CreditNote') {
    const hint = rootName === 'CrossIndustryInvoice' ? ' (UN/CEFACT CII wordt niet ondersteund; vraag om UBL)' : '';
    const hintEn = rootName === 'CrossIndustryInvoice' ? ' (UN/CEFACT CII is not supported; ask for UBL)' : '';
    throw new ImportError('unsupported-format', `Dit XML-bestand is geen UBL-factuur of -creditnota${hint}.`, `This XML file is not a UBL invoice or credit note${hintEn}.`);
  }
  const warnings: string[] = [];
  const number = oneLine(val(root, 'ID'));
  if (!number) throw malformed('Het factuurnummer (cbc:ID) ontbreekt.', 'The invoice number (cbc:ID) is missing.');
  const issueDate = date(kid(root, 'IssueDate'), 'IssueDate');
  if (!issueDate) throw malformed(`Factuur ${number}: de factuurdatum (IssueDate) ontbreekt.`, `Invoice ${number}: the issue date (IssueDate) is missing.`);
  const typeCode = val(root, 'InvoiceTypeCode') ?? val(root, 'CreditNoteTypeCode');
  const totals = kid(root, 'LegalMonetaryTotal') ?? kid(root, 'RequestedMonetaryTotal');
  const payable = amount(kid(totals, 'PayableAmount'), 'PayableAmount');
  if (payable === undefined) throw malformed(`Factuur ${number}: het te betalen bedrag (PayableAmount) ontbreekt.`, `Invoice ${number}: the payable amount (PayableAmount) is missing.`);
  const currency = val(root, 'DocumentCurrencyCode') ?? attr(kid(totals, 'PayableAmount'), 'currencyID') ?? 'EUR';

  // A credit note credits; an invoice with a negative total does too (and the other way round).
  const declaredCredit = rootName === 'CreditNote' || typeCode === '381';
  const kind: ImportedInvoice['kind'] = (payable < 0) !== declaredCredit ? 'credit-note' : 'invoice';

  const means = kids(root, 'PaymentMeans');
  const paymentReference = means.map((m) => oneLine(val(m, 'PaymentID'))).find(Boolean);
  const payeeAccount = means.map((m) => val(m, 'PayeeFinancialAccount', 'ID')).find(Boolean);
  const dueDate =
    date(kid(root, 'DueDate'), 'DueDate') ??
    means.map((m) => date(kid(m, 'PaymentDueDate'), 'PaymentDueDate')).find(Boolean) ??
    kids(root, 'PaymentTerms').map((t) => date(kid(t, 'PaymentDueDate'), 'PaymentDueDate')).find(Boolean);
  const lines = [...kids(root, 'InvoiceLine'), ...kids(root, 'CreditNoteLine')];
  const description = lines
    .map((l) => oneLine(val(l, 'Item', 'Name')) ?? oneLine(val(l, 'Item', 'Description')))
    .filter(Boolean)
    .join('; ');
  const billingReference = oneLine(val(root, 'BillingReference', 'InvoiceDocumentReference', 'ID') ?? val(root, 'BillingReference', 'CreditNoteDocumentReference', 'ID'));
  const taxTotal = kids(root, 'TaxTotal').find((t) => (attr(kid(t, 'TaxAmount'), 'currencyID') ?? currency) === currency);
  const customer = party(kid(root, 'AccountingCustomerParty', 'Party'));
  const supplierParty = party(kid(root, 'AccountingSupplierParty', 'Party'));

  if (!val(root, 'CustomizationID')) warnings.push('Het bestand noemt geen specificatie (CustomizationID): het is geen geldige NLCIUS- of Peppol-factuur, maar is wel gelezen.');
  if (!customer.name) warnings.push('De naam van de klant ontbreekt.');
  if (!dueDate && kind === 'invoice') warnings.push('Er staat geen vervaldatum in; de standaard betaaltermijn geldt.');
  if (currency !== 'EUR') warnings.push(`Het bedrag staat in ${currency}, niet in euro.`);

  const invoice: ImportedInvoice = {
    number,
    issueDate,
    ...(dueDate ? { dueDate } : {}),
    ...(date(kid(root, 'Delivery', 'ActualDeliveryDate'), 'ActualDeliveryDate') ? { deliveryDate: date(kid(root, 'Delivery', 'ActualDeliveryDate'), 'ActualDeliveryDate')! } : {}),
    kind,
    currency,
    payableAmount: Math.abs(payable),
    ...(amount(kid(totals, 'TaxExclusiveAmount'), 'TaxExclusiveAmount') !== undefined ? { taxExclusive: Math.abs(amount(kid(totals, 'TaxExclusiveAmount'), 'TaxExclusiveAmount')!) } : {}),
    ...(taxTotal && amount(kid(taxTotal, 'TaxAmount'), 'TaxAmount') !== undefined ? { taxAmount: Math.abs(amount(kid(taxTotal, 'TaxAmount'), 'TaxAmount')!) } : {}),
    customer,
    ...(paymentReference ? { paymentReference } : {}),
    ...(payeeAccount ? { payeeIban: compactAccount(payeeAccount) } : {}),
    description,
    ...(billingReference ? { billingReference } : {}),
    ...(typeCode ? { documentTypeCode: typeCode } : {}),
    supplier: { ...(supplierParty.name ? { name: supplierParty.name } : {}), ...(supplierParty.kvk ? { kvk: supplierParty.kvk } : {}), ...(supplierParty.vatId ? { vatId: supplierParty.vatId } : {}) },
    ...(warnings.length ? { warnings } : {}),
    ...(sourceName ? { sourceName } : {}),
  };
  return invoice;
}

/** One UBL file, or a zip of them (other files in the zip, such as PDFs, are skipped). */
export function parseUblFile(fileName: string, bytes: Uint8Array): ImportedInvoice[] {
  try {
    assertImportSize(bytes);
    if (!isZip(bytes)) return [readUbl(parseXmlSafely(bytes, fileName), fileName)];
    const entries = unzipSafely(bytes).filter((e) => /\.xml$/i.test(e.name));
    if (entries.length === 0) throw new ImportError('empty', 'Het zip-bestand bevat geen XML-facturen.', 'The zip file contains no XML invoices.');
    return entries.map((e) => {
      try {
        return readUbl(parseXmlSafely(e.bytes, e.name), e.name);
      } catch (err) {
        throw asImportError(err).inFile(e.name);
      }
    });
  } catch (e) {
    throw asImportError(e);
  }
}

// Invoices from the CSV export of any invoicing tool: guess which column holds what (Dutch and
// English headers), then read every row with its problems. Cells are text; a cell that looks like
// a spreadsheet formula is kept as text and reported, never evaluated.
import { addDays, parseDutchDate } from './dates';
import { parseLooseAmount } from './decimal';
import type { CsvTable } from './csvTable';
import type { ImportedCustomer, ImportedInvoice } from './types';

export type InvoiceField =
  | 'number' | 'customerName' | 'contactName' | 'email' | 'phone' | 'kvk' | 'vatId'
  | 'street' | 'postcode' | 'city' | 'country'
  | 'issueDate' | 'dueDate' | 'paymentTermDays'
  | 'amount' | 'amountExclVat' | 'vatAmount' | 'openAmount'
  | 'description' | 'paymentReference' | 'currency';

/** Which column (0-based) holds each field; fields without a column are absent. */
export type InvoiceMapping = Partial<Record<InvoiceField, number>>;

/** Header synonyms, best first, in the normalised form of `normaliseHeader`. */
export const HEADER_SYNONYMS: Record<InvoiceField, string[]> = {
  number: ['factuurnummer', 'factuurnr', 'factuur nr', 'factuur nummer', 'invoice number', 'invoice no', 'invoice nr', 'invoice id', 'factuur id', 'documentnummer', 'document number', 'boekstuknummer', 'factuur', 'invoice', 'nummer', 'number', 'nr', 'no'],
  customerName: ['klantnaam', 'naam klant', 'debiteurnaam', 'naam debiteur', 'relatienaam', 'bedrijfsnaam', 'customer name', 'client name', 'company name', 'klant', 'debiteur', 'relatie', 'bedrijf', 'organisatie', 'customer', 'client', 'company', 'naam', 'name'],
  contactName: ['contactpersoon', 'contact persoon', 'ter attentie van', 't a v', 'tav', 'contact person', 'contact name', 'attention', 'contact'],
  email: ['e mailadres', 'emailadres', 'e mail adres', 'e mail', 'email', 'email address', 'e mail address', 'mail', 'factuur e mail'],
  phone: ['telefoonnummer', 'telefoon', 'tel', 'mobiel', 'phone number', 'phone', 'telephone', 'mobile'],
  kvk: ['kvk nummer', 'kvknummer', 'kvk nr', 'kvk', 'kamer van koophandel', 'coc number', 'chamber of commerce', 'coc'],
  vatId: ['btw nummer', 'btwnummer', 'btw nr', 'btw id', 'btw identificatienummer', 'vat number', 'vat id', 'vat no', 'vat reg no'],
  street: ['adres', 'straat', 'straatnaam', 'straat en huisnummer', 'address', 'street', 'address line 1', 'adresregel 1'],
  postcode: ['postcode', 'postal code', 'zip code', 'zip', 'zipcode'],
  city: ['plaats', 'woonplaats', 'vestigingsplaats', 'stad', 'city', 'town'],
  country: ['land', 'landcode', 'country', 'country code'],
  issueDate: ['factuurdatum', 'datum factuur', 'invoice date', 'issue date', 'documentdatum', 'datum', 'date'],
  dueDate: ['vervaldatum', 'verloopdatum', 'uiterste betaaldatum', 'te betalen voor', 'due date', 'payment due date', 'due'],
  paymentTermDays: ['betaaltermijn', 'betalingstermijn', 'betaaltermijn dagen', 'payment term', 'payment terms', 'termijn'],
  amount: ['totaal incl btw', 'bedrag incl btw', 'totaalbedrag incl btw', 'factuurbedrag incl btw', 'incl btw', 'totaalbedrag', 'factuurbedrag', 'totaal', 'bedrag', 'total incl vat', 'amount incl vat', 'total amount', 'invoice amount', 'gross amount', 'total', 'amount'],
  amountExclVat: ['totaal excl btw', 'bedrag excl btw', 'excl btw', 'subtotaal', 'netto', 'total excl vat', 'amount excl vat', 'subtotal', 'net amount'],
  vatAmount: ['btw bedrag', 'btw', 'vat amount', 'vat', 'tax amount', 'tax'],
  openAmount: ['openstaand bedrag', 'openstaand', 'nog te betalen', 'openstaand saldo', 'resterend', 'open amount', 'outstanding', 'amount due', 'balance due', 'open'],
  description: ['omschrijving', 'beschrijving', 'onderwerp', 'description', 'subject', 'project'],
  paymentReference: ['betalingskenmerk', 'betaalkenmerk', 'kenmerk', 'payment reference', 'structured reference', 'reference'],
  currency: ['valuta', 'munt', 'currency'],
};

export const normaliseHeader = (h: string) =>
  h.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\(.*?\)/g, ' ').replace(/[^a-z0-9]+/g, ' ').trim();

/** Words that keep a header away from a field whatever else it says. */
const EXCLUDE: Partial<Record<InvoiceField, RegExp>> = {
  amount: /\b(excl|exclusief|ex|netto|btw bedrag|open|openstaand|betaald|paid|tax|vat)\b(?!.*\bincl)/,
  number: /\b(klant|debiteur|relatie|customer|client|kvk|btw|vat|telefoon|phone|order|huis|house|iban|rekening)\b/,
  customerName: /\b(contact|tav|attentie|bestand|file|product|artikel)\b/,
  issueDate: /\b(verval|due|betaal|payment|lever|delivery)\b/,
  vatAmount: /\b(nummer|nr|number|id|no|percentage|tarief|rate)\b/,
  description: /\b(product|artikel)\s*code\b/,
};

/** Guesses which column holds which field from the header names (Dutch and English). */
export function guessInvoiceMapping(headers: string[]): InvoiceMapping {
  const normalised = headers.map(normaliseHeader);
  const candidates: { field: InvoiceField; column: number; score: number }[] = [];
  for (const [field, synonyms] of Object.entries(HEADER_SYNONYMS) as [InvoiceField, string[]][]) {
    normalised.forEach((h, column) => {
      if (!h || EXCLUDE[field]?.test(h)) return;
      const words = ` ${h} `;
      synonyms.forEach((syn, rank) => {
        const score = h === syn ? 1000 - rank : words.includes(` ${syn} `) ? 500 - rank - (h.length - syn.length) : 0;
        if (score > 0) candidates.push({ field, column, score });
      });
    });
  }
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const mapping: InvoiceMapping = {};
  const usedColumns = new Set<number>();
  for (const c of candidates) {
    if (mapping[c.field] !== undefined || usedColumns.has(c.column)) continue;
    mapping[c.field] = c.column;
    usedColumns.add(c.column);
  }
  return mapping;
}

export interface MappedInvoiceRow {
  /** 0-based index into `table.rows`. */
  index: number;
  /** Absent when a required field (number, customer, date, amount) is missing or unreadable. */
  invoice?: ImportedInvoice;
  /** Dutch sentences, one per problem. */
  problems: string[];
}

export interface ApplyOptions {
  defaultCurrency?: string;
}

/** A cell spreadsheets would run as a formula (=, +, -, @, or a leading tab/CR) unless it is just a number. */
export function looksLikeFormula(raw: string): boolean {
  const t = raw.replace(/^[ ]+/, '');
  if (!/^[=+\-@\t\r]/.test(t)) return false;
  return !/^[+-]?\s*(€\s*)?[\d.,\s]+$/.test(t.trim());
}

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]{2,}$/;

/** Reads every row with the given mapping. Never throws for bad cells: they become problems. */
export function applyInvoiceMapping(table: Pick<CsvTable, 'headers' | 'rows'>, mapping: InvoiceMapping, options: ApplyOptions = {}): { rows: MappedInvoiceRow[] } {
  const seen = new Map<string, number>();
  const rows: MappedInvoiceRow[] = [];
  table.rows.forEach((row, index) => {
    if (row.every((c) => c.trim() === '')) return;
    const problems: string[] = [];
    const header = (f: InvoiceField) => table.headers[mapping[f]!] ?? f;
    const cell = (f: InvoiceField): string | undefined => {
      const i = mapping[f];
      if (i === undefined) return undefined;
      const raw = row[i] ?? '';
      if (looksLikeFormula(raw)) {
        problems.push(`Kolom "${header(f)}": "${raw.trim().slice(0, 40)}" begint met "${raw.trim()[0] ?? raw[0]}" en lijkt een spreadsheetformule; de inhoud is als tekst overgenomen en niet uitgerekend.`);
      }
      const v = raw.trim();
      return v === '' ? undefined : v;
    };
    const required = (f: InvoiceField, label: string): string | undefined => {
      const v = cell(f);
      if (v === undefined) problems.push(mapping[f] === undefined ? `Geen kolom gekozen voor ${label}.` : `${label[0]!.toUpperCase()}${label.slice(1)} ontbreekt.`);
      return v;
    };
    const dateCell = (f: InvoiceField, label: string, v: string | undefined) => {
      if (v === undefined) return undefined;
      const d = parseDutchDate(v);
      if (!d) problems.push(`${label} "${v}" is geen geldige datum (verwacht bijvoorbeeld 31-12-2026 of 2026-12-31).`);
      return d ?? undefined;
    };
    const amountCell = (f: InvoiceField, label: string, v: string | undefined) => {
      if (v === undefined) return undefined;
      const a = parseLooseAmount(v);
      if (a === null) problems.push(`${label} "${v}" is geen geldig bedrag (verwacht bijvoorbeeld 1.234,56).`);
      return a ?? undefined;
    };

    const number = required('number', 'het factuurnummer');
    const name = required('customerName', 'de klantnaam');
    const issueText = required('issueDate', 'de factuurdatum');
    const issueDate = dateCell('issueDate', 'Factuurdatum', issueText);
    const amountText = cell('amount');
    const openText = cell('openAmount');
    if (amountText === undefined && openText === undefined) problems.push(mapping.amount === undefined && mapping.openAmount === undefined ? 'Geen kolom gekozen voor het bedrag.' : 'Het bedrag ontbreekt.');
    const amount = amountCell('amount', 'Bedrag', amountText);
    const open = amountCell('openAmount', 'Openstaand bedrag', openText);
    const exclVat = amountCell('amountExclVat', 'Bedrag excl. btw', cell('amountExclVat'));
    const vat = amountCell('vatAmount', 'Btw-bedrag', cell('vatAmount'));
    let dueDate = dateCell('dueDate', 'Vervaldatum', cell('dueDate'));
    const termText = cell('paymentTermDays');
    if (!dueDate && termText !== undefined && issueDate) {
      const days = /^(\d{1,3})(\s*dagen|\s*days|\s*d)?$/i.exec(termText);
      if (days) dueDate = addDays(issueDate, Number(days[1]));
      else problems.push(`Betaaltermijn "${termText}" is geen aantal dagen.`);
    }
    if (dueDate && issueDate && dueDate < issueDate) problems.push(`De vervaldatum (${dueDate}) ligt vóór de factuurdatum (${issueDate}).`);

    const payable = amount ?? open;
    if (payable === 0) problems.push('Het bedrag is nul.');
    if (number !== undefined) {
      const key = number.toUpperCase();
      const earlier = seen.get(key);
      if (earlier !== undefined) problems.push(`Factuurnummer ${number} komt in dit bestand al voor (rij ${earlier + 2}).`);
      else seen.set(key, index);
    }

    const customer: ImportedCustomer = { name: name ?? '' };
    const contactName = cell('contactName');
    if (contactName) customer.contactName = contactName;
    const email = cell('email');
    if (email !== undefined) {
      const first = email.split(/[;,\s]+/).filter(Boolean)[0] ?? '';
      if (EMAIL.test(first)) customer.email = first.toLowerCase();
      else problems.push(`E-mailadres "${email}" is ongeldig.`);
    }
    const phone = cell('phone');
    if (phone) customer.phone = phone;
    const kvk = cell('kvk');
    if (kvk !== undefined) {
      const digits = kvk.replace(/[\s.]/g, '');
      if (/^\d{8}$/.test(digits)) customer.kvk = digits;
      else problems.push(`KvK-nummer "${kvk}" heeft geen 8 cijfers.`);
    }
    const vatId = cell('vatId');
    if (vatId) customer.vatId = vatId.replace(/[\s.]/g, '').toUpperCase();
    for (const f of ['street', 'postcode', 'city', 'country'] as const) {
      const v = cell(f);
      if (v) customer[f] = f === 'country' && /^[a-z]{2}$/i.test(v) ? v.toUpperCase() : f === 'postcode' ? v.toUpperCase() : v;
    }
    const currency = (cell('currency') ?? options.defaultCurrency ?? 'EUR').toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) problems.push(`Valuta "${currency}" is geen geldige valutacode.`);
    const reference = cell('paymentReference');

    const ok = number !== undefined && name !== undefined && issueDate && payable !== undefined && payable !== 0;
    const out: MappedInvoiceRow = { index, problems };
    if (ok) {
      const invoice: ImportedInvoice = {
        number,
        issueDate,
        ...(dueDate ? { dueDate } : {}),
        kind: payable < 0 ? 'credit-note' : 'invoice',
        currency,
        payableAmount: Math.abs(payable),
        ...(open !== undefined && amount !== undefined ? { openAmount: Math.abs(open) } : {}),
        ...(exclVat !== undefined ? { taxExclusive: Math.abs(exclVat) } : {}),
        ...(vat !== undefined ? { taxAmount: Math.abs(vat) } : {}),
        customer,
        ...(reference ? { paymentReference: reference } : {}),
        description: cell('description') ?? '',
      };
      out.invoice = invoice;
    }
    rows.push(out);
  });
  return { rows };
}


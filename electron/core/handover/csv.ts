// CSV for Dutch Excel: UTF-8 with BOM (else Excel reads it as Windows-1252), `;` between cells
// (Dutch Excel's list separator), decimal comma, CRLF line ends, quotes only where needed. A text
// cell that starts with = + - @ (or a tab or carriage return) is prefixed with ' so that Excel
// shows it as text and never evaluates it as a formula (OWASP "CSV injection").
import type { Claim } from './claim';

/** A cell: text as is, or an amount in cents (written with a decimal comma, never neutralised). */
export type CsvCell = string | null | { cents: number };

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** `123456` → `1234,56` (no thousands separator: Excel reads it as a number in every Dutch locale). */
export function decimalComma(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

function cell(value: CsvCell): string {
  const text = value === null ? '' : typeof value === 'string' ? neutralise(value) : decimalComma(value.cents);
  return /[;"\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_BOM = '\uFEFF';

export function toCsv(rows: CsvCell[][]): string {
  return CSV_BOM + rows.map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
}

const nl = (d: string | null) => (d ? d.split('-').reverse().join('-') : '');

export const INVOICE_CSV_HEADER = [
  'Factuurnummer', 'Factuurdatum', 'Leverdatum', 'Vervaldatum', 'Omschrijving', 'Bedrag', 'Betaald', 'Gecrediteerd', 'Open', 'Rente',
  'Betwist', 'Reden betwisting', 'Betalingskenmerk', 'Verjaringsdatum',
];

/** One row per claimed invoice and a Totaal row (amounts summed; they match overzicht.pdf and vordering.json). */
export function invoicesCsv(c: Claim): string {
  const rows: CsvCell[][] = [INVOICE_CSV_HEADER];
  for (const i of c.invoices) {
    rows.push([
      i.number, nl(i.invoiceDate), nl(i.deliveryDate), nl(i.dueDate), i.description, { cents: i.amount }, { cents: i.paid }, { cents: i.credited },
      { cents: i.open }, { cents: i.interest }, i.disputed ? 'ja' : 'nee', i.disputeReason, i.paymentReference, nl(i.limitationDate),
    ]);
  }
  const sum = (f: (i: Claim['invoices'][number]) => number) => ({ cents: c.invoices.reduce((s, i) => s + f(i), 0) });
  rows.push(['Totaal', null, null, null, null, sum((i) => i.amount), sum((i) => i.paid), sum((i) => i.credited), sum((i) => i.open), sum((i) => i.interest), null, null, null, null]);
  return toCsv(rows);
}

export const TIMELINE_CSV_HEADER = ['Datum', 'Soort', 'Omschrijving', 'Kanaal', 'Track & trace', 'Facturen', 'Bijlage'];

/** The timeline, oldest first, with the proof file in the dossier where there is one. */
export function timelineCsv(c: Claim): string {
  const pathOf = new Map(c.documents.map((d) => [d.id, d.path]));
  const rows: CsvCell[][] = [TIMELINE_CSV_HEADER];
  for (const e of c.timeline) {
    rows.push([nl(e.date), e.label, e.description, e.channel, e.trackingCode, e.invoiceNumbers.join(', '), e.documentId !== null ? pathOf.get(e.documentId) ?? null : null]);
  }
  return toCsv(rows);
}

// Shared by the import tests (also the end-to-end test and the bench, so no vitest here): the demo ledger's invoices as the tests need them, and a statement
// that pays some of them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Backend } from '../../../electron/core/backend';
import { camt053, type CamtLine } from './camt';

/** The public sample files: the folder `shared/` BESIDE the repository. */
export const FIXTURES = path.resolve(import.meta.dirname, '../../../../shared/fixtures');
export const fixture = (relative: string) => readFileSync(path.join(FIXTURES, relative));

export interface LedgerInvoice { id: number; number: string; reference: string; open: number; amount: number; debtorId: number; debtorName: string }

/** Every invoice with its customer, by customer name. */
export function invoicesByDebtor(backend: Backend): Map<string, LedgerInvoice[]> {
  const rows = backend.context.sqlite.prepare(`SELECT i.id, i.number, i.payment_reference AS reference, i.open_cents AS open, i.amount_cents AS amount, d.id AS debtorId, d.name AS debtorName
    FROM invoices i JOIN debtors d ON d.id = i.debtor_id WHERE i.kind = 'invoice' ORDER BY i.id`).all() as LedgerInvoice[];
  const out = new Map<string, LedgerInvoice[]>();
  for (const r of rows) out.set(r.debtorName, [...(out.get(r.debtorName) ?? []), r]);
  return out;
}

export const openOf = (backend: Backend, invoiceId: number) =>
  (backend.context.sqlite.prepare('SELECT open_cents FROM invoices WHERE id = ?').pluck().get(invoiceId) as number);

/**
 * The statement of the tests (demo data, today 2026-11-24): pays Studio Lindeboom's invoice in full
 * by its betalingskenmerk, Petra Jansen's in full by the invoice number in the text, € 1.000 of
 * Drukkerij Peeters' € 2.420; and one credit nobody can place, and one debit.
 */
export async function demoStatement(backend: Backend): Promise<{ xml: string; lines: CamtLine[]; lindeboom: LedgerInvoice; petra: LedgerInvoice; peeters: LedgerInvoice }> {
  const loaded = await backend.invoke('setup.loadDemo', {});
  if (!loaded.ok) throw new Error(loaded.error.message);
  const byDebtor = invoicesByDebtor(backend);
  const lindeboom = byDebtor.get('Studio Lindeboom')![0]!;
  const petra = byDebtor.get('Petra Jansen')![0]!;
  const peeters = byDebtor.get('Drukkerij Peeters B.V.')![0]!;
  const lines: CamtLine[] = [
    { date: '2026-11-20', amount: lindeboom.open, direction: 'credit', name: 'STUDIO LINDEBOOM', iban: 'NL02ABNA0123456789', reference: lindeboom.reference },
    { date: '2026-11-20', amount: petra.open, direction: 'credit', name: 'P JANSEN', iban: 'NL44RABO0123456789', text: `Factuur ${petra.number} interieuradvies` },
    { date: '2026-11-21', amount: 1_000_00, direction: 'credit', name: 'Drukkerij Peeters BV', iban: 'NL69INGB0123456789', text: `Deelbetaling factuur ${peeters.number}` },
    { date: '2026-11-21', amount: 77_77, direction: 'credit', name: 'J. Onbekend', iban: 'NL18RABO0123459876', text: 'Terugbetaling borg' },
    { date: '2026-11-22', amount: 45_00, direction: 'debit', name: 'KPN B.V.', iban: 'NL20INGB0001234567', text: 'Abonnement november' },
  ];
  return { xml: camt053(lines, { id: 'DEMO-1' }), lines, lindeboom, petra, peeters };
}

/**
 * A statement of `count` lines against whatever ledger the backend holds (the bench: 100,000
 * invoices): a third pay an open invoice by its betalingskenmerk, a sixth by the invoice number in
 * the text (some partly), a sixth are credits nobody can place, a third are debits.
 */
export function largeStatement(backend: Backend, count: number): string {
  const open = backend.context.sqlite.prepare("SELECT number, payment_reference AS reference, open_cents AS open FROM invoices WHERE open_cents > 0 AND kind = 'invoice' ORDER BY id")
    .all() as { number: string; reference: string; open: number }[];
  const lines: CamtLine[] = [];
  for (let i = 0; i < count; i++) {
    const inv = open[(i * 7919) % Math.max(1, open.length)];
    const date = `2026-11-${String(1 + (i % 23)).padStart(2, '0')}`;
    const bankRef = `BENCH-${i}`;
    const r = i % 6;
    if (inv && (r === 0 || r === 1)) lines.push({ date, amount: inv.open, direction: 'credit', name: `Klant ${i}`, iban: 'NL18RABO0123459876', reference: inv.reference, bankRef });
    else if (inv && r === 2) lines.push({ date, amount: i % 12 === 2 ? Math.max(1, Math.floor(inv.open / 2)) : inv.open, direction: 'credit', name: `Klant ${i}`, text: `Betaling factuur ${inv.number}`, bankRef });
    else if (r === 3) lines.push({ date, amount: 1_000 + i, direction: 'credit', name: `Onbekend ${i}`, text: `Overboeking ${i}`, bankRef });
    else lines.push({ date, amount: 500 + (i % 997), direction: 'debit', name: 'Leverancier', text: `Inkoop ${i}`, bankRef });
  }
  return camt053(lines, { id: 'BENCH', opening: 10_000_000_00 });
}

// Shared set-ups for the workflow tests: a demo ledger, or a small hand-made one.
import type { Backend } from '../../../electron/core/backend';
import { call } from '../../helpers/backend';
import { aBusiness, addDays } from '../../helpers/ledger';

export { addDays };

/** A customer with one invoice due `daysAgo` days before `today` (negative: in the future). */
export async function customerWithInvoice(backend: Backend, today: string, opts: { name?: string; kind?: 'business' | 'consumer'; daysAgo: number; amount?: number; email?: string | null; contactName?: string; language?: 'nl' | 'en'; number?: string }) {
  if (!(await call(backend, 'business.get', {}))) await call(backend, 'business.save', aBusiness({ email: 'noor@studio.example', contactName: 'Noor Visser' }));
  const debtor = await call(backend, 'debtors.create', {
    kind: opts.kind ?? 'business', name: opts.name ?? 'Klant B.V.', email: opts.email === undefined ? 'klant@klant.example' : opts.email,
    contactName: opts.contactName ?? null, language: opts.language ?? 'nl', phone: '030 123 4567', street: 'Dorpsstraat 1', postcode: '3511 AA', city: 'Utrecht',
  });
  const dueDate = addDays(today, -opts.daysAgo);
  const invoice = await call(backend, 'invoices.create', {
    debtorId: debtor.id, number: opts.number ?? `F-${debtor.id}-1`, invoiceDate: addDays(dueDate, -14), deliveryDate: addDays(dueDate, -16), dueDate,
    amount: opts.amount ?? 242_00, description: 'Ontwerp visitekaartjes',
  });
  return { debtor, invoice };
}

/** The demo ledger's customer with this (unique) name part. */
export async function demoDebtorId(backend: Backend, name: string): Promise<number> {
  const debtors = await call(backend, 'debtors.list', {});
  const found = debtors.find((d) => d.name.includes(name));
  if (!found) throw new Error(`No demo customer ${name}`);
  return found.id;
}

/** Drafts and marks as sent the given reminder steps for all open invoices of a customer. */
export async function sendReminders(backend: Backend, debtorId: number, steps: ('nudge' | 'reminder-1' | 'reminder-2')[]) {
  for (const step of steps) {
    const draft = await call(backend, 'reminders.draft', { debtorId, step });
    await call(backend, 'reminders.markSent', { debtorId, step, subject: draft.subject, body: draft.body, invoiceIds: draft.invoiceIds });
  }
}

// Verjaring per open invoice (docs/domain-nl.md §4; shared/law/limitation.ts does the arithmetic).
//
// What counts as an interruption here (deliberately conservative: a missed interruption only makes
// the warning come earlier, a wrongly counted one could let a claim expire unnoticed):
//   - art. 3:317 BW, a written aanmaning: a 'letter.sent' event about the invoice that says it
//     interrupts (data.interruptsLimitation) or is a final notice / veertiendagenbrief (always an
//     aanmaning with a reservation of rights). It takes effect when it reaches the debtor
//     (3:37 lid 3 BW): the presumed delivery day after sending (the registered-mail date when the
//     letter went registered, else the letter's date). E-mail reminders are not counted.
//   - art. 3:318 BW, acknowledgement: a partial payment (every payment allocated to the invoice, on
//     its date), an agreed payment arrangement ('arrangement.created'), or an explicitly recorded
//     acknowledgement ('acknowledgement.*' events).
import type { LimitationRow } from '../../../shared/contract/methods/letters';
import { addDaysIso, daysBetween } from '../../../shared/domain/dates';
import { limitationDate, presumedDeliveryDate } from '../../../shared/law';
import type { Context } from '../context';

interface OpenInvoiceRow {
  id: number; number: string; debtor_id: number; debtor_name: string; debtor_kind: 'business' | 'consumer';
  due_date: string; open_cents: number; consumer_sale_of_goods: number;
}

const INTERRUPTING_LETTERS = new Set(['final-notice', 'fourteen-day']);

/** Interruption dates per invoice id, for the given invoices. */
export function interruptionsOf(ctx: Context, invoiceIds: number[]): Map<number, string[]> {
  const result = new Map<number, string[]>();
  if (invoiceIds.length === 0) return result;
  const ids = JSON.stringify(invoiceIds);
  const add = (invoiceId: number, date: string) => {
    const list = result.get(invoiceId) ?? [];
    if (!list.includes(date)) list.push(date);
    result.set(invoiceId, list);
  };
  const events = ctx.sqlite.prepare(`
    SELECT ei.invoice_id AS invoiceId, e.id, e.type, e.occurred_on AS occurredOn, e.data_json AS dataJson
    FROM event_invoices ei JOIN events e ON e.id = ei.event_id
    WHERE ei.invoice_id IN (SELECT value FROM json_each(?))
      AND (e.type IN ('letter.sent', 'registered.sent', 'arrangement.created') OR e.type LIKE 'acknowledgement.%')
    ORDER BY e.id
  `).all(ids) as { invoiceId: number; id: number; type: string; occurredOn: string; dataJson: string }[];
  // The registered-mail date of a produced letter, by its document id.
  const registeredOn = new Map<number, string>();
  for (const e of events) {
    if (e.type !== 'registered.sent') continue;
    const data = safeJson(e.dataJson);
    if (typeof data.documentId === 'number' && typeof data.sentOn === 'string') registeredOn.set(data.documentId, data.sentOn);
  }
  for (const e of events) {
    const data = safeJson(e.dataJson);
    if (e.type === 'letter.sent') {
      const interrupts = data.interruptsLimitation === true || (typeof data.letter === 'string' && INTERRUPTING_LETTERS.has(data.letter));
      if (!interrupts) continue;
      const sent = (typeof data.documentId === 'number' && registeredOn.get(data.documentId)) || e.occurredOn;
      add(e.invoiceId, presumedDeliveryDate(sent));
    } else if (e.type === 'arrangement.created' || e.type.startsWith('acknowledgement.')) {
      add(e.invoiceId, e.occurredOn);
    }
  }
  const payments = ctx.sqlite.prepare(`
    SELECT a.invoice_id AS invoiceId, p.date FROM payment_allocations a JOIN payments p ON p.id = a.payment_id
    WHERE a.invoice_id IN (SELECT value FROM json_each(?))
  `).all(ids) as { invoiceId: number; date: string }[];
  for (const p of payments) add(p.invoiceId, p.date);
  for (const list of result.values()) list.sort();
  return result;
}

function safeJson(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function toRows(ctx: Context, rows: OpenInvoiceRow[]): LimitationRow[] {
  const interruptions = interruptionsOf(ctx, rows.map((r) => r.id));
  const today = ctx.today();
  return rows.map((r) => {
    const dates = interruptions.get(r.id) ?? [];
    const date = limitationDate({
      dueDate: r.due_date,
      consumerSaleOfGoods: r.debtor_kind === 'consumer' && r.consumer_sale_of_goods === 1,
      interruptions: dates,
    });
    return {
      invoiceId: r.id, invoiceNumber: r.number, debtorId: r.debtor_id, debtorName: r.debtor_name, dueDate: r.due_date,
      open: r.open_cents, limitationDate: date, interruptions: dates, daysLeft: daysBetween(today, date), expired: date < today,
    };
  });
}

const OPEN_INVOICES_SQL = `
  SELECT i.id, i.number, i.debtor_id, d.name AS debtor_name, d.kind AS debtor_kind, i.due_date, i.open_cents, i.consumer_sale_of_goods
  FROM invoices i JOIN debtors d ON d.id = i.debtor_id
  WHERE i.kind = 'invoice' AND i.open_cents > 0`;

/** The limitation date of every open invoice of one debtor, oldest due date first. */
export function limitationOfDebtor(ctx: Context, debtorId: number): LimitationRow[] {
  const rows = ctx.sqlite.prepare(`${OPEN_INVOICES_SQL} AND i.debtor_id = ? ORDER BY i.due_date, i.id`).all(debtorId) as OpenInvoiceRow[];
  return toRows(ctx, rows);
}

/** Months later (calendar months, the day clamped to the month's end). */
function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4)), m = Number(date.slice(5, 7)) - 1 + months, d = Number(date.slice(8, 10));
  const year = y + Math.floor(m / 12), month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * Open invoices whose limitation date is within `withinMonths` months from today (or already
 * passed), soonest first. The shortest period is two years (art. 7:28 BW), so only invoices due at
 * least two years before the end of the window can qualify: the query reads only those.
 */
export function limitationWarnings(ctx: Context, withinMonths: number): LimitationRow[] {
  const horizon = addMonths(ctx.today(), withinMonths);
  const earliestPossibleEnd = addDaysIso(addMonths(horizon, -24), 1);
  const rows = ctx.sqlite.prepare(`${OPEN_INVOICES_SQL} AND i.due_date <= ? AND d.archived = 0 ORDER BY i.due_date, i.id`).all(earliestPossibleEnd) as OpenInvoiceRow[];
  return toRows(ctx, rows)
    .filter((r) => r.limitationDate <= horizon)
    .sort((a, b) => a.limitationDate.localeCompare(b.limitationDate) || a.invoiceId - b.invoiceId);
}

/** True when one of the invoices reaches its limitation date within `months` months of `date`. */
export function nearLimitation(ctx: Context, invoiceIds: number[], date: string, months: number): boolean {
  if (invoiceIds.length === 0) return false;
  const rows = ctx.sqlite.prepare(`${OPEN_INVOICES_SQL} AND i.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(invoiceIds)) as OpenInvoiceRow[];
  const horizon = addMonths(date, months);
  return toRows(ctx, rows).some((r) => r.limitationDate <= horizon);
}

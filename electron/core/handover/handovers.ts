// Recording a handover and what comes of it. The debtor is "bij incassobureau" while a handover is
// open or partially paid (the overview and the workflow engine read handovers.status); settled,
// given up, returned and taken back close it, and the claim returns to the normal workflow.
//
// A payment via the agency is booked as a payment (method 'agency', handover_id) for the gross
// amount the agency collected from the debtor, allocated oldest first over the invoices handed
// over. What the agency collected beyond those invoices' principal (interest, collection costs) is
// not a payment on an invoice: it is kept in the event data (interestAndCosts), so that it never
// shows as the debtor's credit. The agency's fee goes into the event data too (agencyFee, net),
// where Inzicht reads it.
import type { Agency, Handover, HandoverUpdate, HandoverUpdateKind, ParsedInputOf, TermsKind } from '../../../shared/contract';
import type { HandoverStatus } from '../../../shared/contract/methods/handover';
import { formatCents } from '../../../shared/domain/money';
import type { Context } from '../context';
import { transaction } from '../db/transaction';
import { AppError, notFound } from '../errors';
import { invoicesOfDebtor } from '../ledger/balances';
import { getDebtorRow } from '../ledger/debtors';
import { addEvent } from '../ledger/events';
import { allocateOldestFirst, recordPayment } from '../ledger/payments';
import { buildClaim } from './claim';
import { buildDossier, storeDossier } from './dossier';

const nl = (d: string) => d.split('-').reverse().join('-');
const euro = (c: number) => formatCents(c);
const OPEN: HandoverStatus[] = ['open', 'partially-paid'];

const TERMS_LABEL: Record<TermsKind, string> = { 'no-cure-no-pay': 'no cure no pay', 'fixed-fee': 'vast tarief', other: 'eigen afspraak' };

function termsText(kind: TermsKind, percentBp: number | null, feeCents: number | null): string {
  const parts = [TERMS_LABEL[kind]];
  if (percentBp !== null) parts.push(`${(percentBp / 100).toLocaleString('nl-NL', { maximumFractionDigits: 2 })}%`);
  if (feeCents !== null) parts.push(euro(feeCents));
  return parts.join(' ');
}

interface HandoverRow {
  id: number; debtor_id: number; agency_id: number; agency_reference: string | null; handed_over_on: string;
  terms_kind: TermsKind; terms_percent_bp: number | null; terms_fee_cents: number | null; claimed_cents: number;
  dossier_document_id: number | null; dossier_sha256: string | null; status: HandoverStatus; closed_on: string | null;
  agency_name: string; agency_email: string | null;
}

function handoverRow(ctx: Context, id: number): HandoverRow {
  const row = ctx.sqlite.prepare(`SELECT h.*, a.name AS agency_name, a.email AS agency_email FROM handovers h JOIN agencies a ON a.id = h.agency_id WHERE h.id = ?`).get(id) as HandoverRow | undefined;
  if (!row) throw notFound('Deze overdracht', 'This handover');
  return row;
}

/** The invoices handed over: those named by the 'handover.created' event of this handover. */
function handoverInvoiceIds(ctx: Context, h: HandoverRow): number[] {
  const events = ctx.sqlite.prepare(`SELECT id, occurred_on, data_json FROM events WHERE debtor_id = ? AND type = 'handover.created' ORDER BY id`).all(h.debtor_id) as
    { id: number; occurred_on: string; data_json: string }[];
  const mine = events.find((e) => (JSON.parse(e.data_json) as { handoverId?: number }).handoverId === h.id)
    // Handovers recorded without the id in the event (the demo data): the event of that day.
    ?? events.find((e) => e.occurred_on === h.handed_over_on);
  const ids = mine ? (ctx.sqlite.prepare(`SELECT invoice_id FROM event_invoices WHERE event_id = ?`).all(mine.id) as { invoice_id: number }[]).map((r) => r.invoice_id) : [];
  if (ids.length > 0) return ids;
  return invoicesOfDebtor(ctx, h.debtor_id).filter((i) => i.kind === 'invoice' && i.dueDate <= h.handed_over_on).map((i) => i.id);
}

function updatesOf(ctx: Context, h: HandoverRow): HandoverUpdate[] {
  const rows = ctx.sqlite.prepare(`SELECT id, type, occurred_on, summary, data_json FROM events WHERE debtor_id = ? AND type LIKE 'handover.%' AND type <> 'handover.created' ORDER BY occurred_on, id`).all(h.debtor_id) as
    { id: number; type: string; occurred_on: string; summary: string; data_json: string }[];
  return rows.flatMap((r) => {
    const data = JSON.parse(r.data_json) as Record<string, unknown>;
    if (data.handoverId !== h.id) return [];
    const n = (v: unknown) => (typeof v === 'number' ? v : 0);
    return [{
      eventId: r.id, kind: r.type.slice('handover.'.length) as HandoverUpdate['kind'], date: r.occurred_on, summary: r.summary,
      gross: n(data.gross), agencyFee: n(data.agencyFee), net: n(data.gross) - n(data.agencyFee),
      note: typeof data.note === 'string' ? data.note : null, paymentId: typeof data.paymentId === 'number' ? data.paymentId : null,
    }];
  });
}

function toHandover(ctx: Context, h: HandoverRow): Handover {
  const ids = new Set(handoverInvoiceIds(ctx, h));
  const invoices = invoicesOfDebtor(ctx, h.debtor_id).filter((i) => ids.has(i.id));
  const updates = updatesOf(ctx, h);
  const collected = updates.reduce((s, u) => s + u.gross, 0);
  const fees = updates.reduce((s, u) => s + u.agencyFee, 0);
  return {
    id: h.id, debtorId: h.debtor_id, agencyId: h.agency_id, agencyName: h.agency_name, agencyEmail: h.agency_email,
    reference: h.agency_reference, handedOverOn: h.handed_over_on, termsKind: h.terms_kind,
    termsPercent: h.terms_percent_bp === null ? null : h.terms_percent_bp / 100, termsFee: h.terms_fee_cents,
    claimed: h.claimed_cents, status: h.status, closedOn: h.closed_on, dossierDocumentId: h.dossier_document_id, dossierSha256: h.dossier_sha256,
    invoiceNumbers: invoices.map((i) => i.number), openAmount: invoices.reduce((s, i) => s + i.open, 0),
    updates, collected, fees, netReceived: collected - fees,
  };
}

export function listHandovers(ctx: Context, debtorId: number): Handover[] {
  const ids = ctx.sqlite.prepare(`SELECT id FROM handovers WHERE debtor_id = ? ORDER BY handed_over_on DESC, id DESC`).all(debtorId) as { id: number }[];
  return ids.map((r) => toHandover(ctx, handoverRow(ctx, r.id)));
}

export function listAgencies(ctx: Context): Agency[] {
  const rows = ctx.sqlite.prepare(`
    SELECT a.*, (SELECT MAX(h.handed_over_on) FROM handovers h WHERE h.agency_id = a.id) AS last_used
    FROM agencies a ORDER BY last_used IS NULL, last_used DESC, a.name`).all() as
    { id: number; name: string; email: string | null; terms_kind: TermsKind | null; terms_percent_bp: number | null; terms_fee_cents: number | null }[];
  return rows.map((a) => ({
    id: a.id, name: a.name, email: a.email, termsKind: a.terms_kind,
    termsPercent: a.terms_percent_bp === null ? null : a.terms_percent_bp / 100, termsFee: a.terms_fee_cents,
  }));
}

/** The agency by name (case and spacing do not matter), created or brought up to date. */
async function rememberAgency(ctx: Context, input: ParsedInputOf<'handover.record'>, percentBp: number | null): Promise<number> {
  const key = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl-NL');
  const all = ctx.sqlite.prepare(`SELECT id, name FROM agencies`).all() as { id: number; name: string }[];
  const found = all.find((a) => key(a.name) === key(input.agencyName));
  const terms = { terms_kind: input.termsKind, terms_percent_bp: percentBp, terms_fee_cents: input.termsFee };
  if (found) {
    await ctx.db.updateTable('agencies').set({ ...terms, ...(input.agencyEmail ? { email: input.agencyEmail } : {}) }).where('id', '=', found.id).execute();
    return found.id;
  }
  const row = await ctx.db.insertInto('agencies').values({ name: input.agencyName.trim().replace(/\s+/g, ' '), email: input.agencyEmail, phone: null, ...terms })
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function recordHandover(ctx: Context, input: ParsedInputOf<'handover.record'>): Promise<Handover> {
  return transaction(ctx, async () => {
    const debtor = await getDebtorRow(ctx, input.debtorId);
    if (input.handedOverOn > ctx.today()) {
      throw new AppError('invalid-input', 'De datum van overdracht ligt in de toekomst.', 'The handover date is in the future.', { handedOverOn: 'Deze datum ligt in de toekomst.' });
    }
    const open = ctx.sqlite.prepare(`SELECT h.handed_over_on, a.name FROM handovers h JOIN agencies a ON a.id = h.agency_id WHERE h.debtor_id = ? AND h.status IN ('open', 'partially-paid')`).get(debtor.id) as
      { handed_over_on: string; name: string } | undefined;
    if (open) {
      throw new AppError('conflict', `${debtor.name} is al overgedragen aan ${open.name} (sinds ${nl(open.handed_over_on)}). Sluit die overdracht eerst af of neem de vordering terug.`,
        `${debtor.name} is already with ${open.name} (since ${open.handed_over_on}). Close that handover or take the claim back first.`);
    }
    const claim = await buildClaim(ctx, debtor.id);
    if (claim.invoices.length === 0) {
      throw new AppError('forbidden', `Bij ${debtor.name} staat niets vervallen open: er valt niets over te dragen.`, `Nothing overdue is open for ${debtor.name}: there is nothing to hand over.`);
    }
    const percentBp = input.termsPercent === null ? null : Math.round(input.termsPercent * 100);
    const agencyId = await rememberAgency(ctx, input, percentBp);
    const agencyName = (ctx.sqlite.prepare(`SELECT name FROM agencies WHERE id = ?`).get(agencyId) as { name: string }).name;

    // The dossier that went to the agency: the one exported before (by its SHA-256), or a fresh one.
    let dossier: { id: number; sha256: string };
    if (input.dossierSha256) {
      const doc = await ctx.db.selectFrom('documents').select(['id', 'sha256'])
        .where('kind', '=', 'dossier').where('debtor_id', '=', debtor.id).where('sha256', '=', input.dossierSha256).executeTakeFirst();
      if (!doc) {
        throw new AppError('not-found', 'Het geëxporteerde dossier is niet gevonden. Exporteer het dossier opnieuw en leg dan de overdracht vast.',
          'The exported file was not found. Export it again, then record the handover.');
      }
      dossier = doc;
    } else {
      const built = await buildDossier(ctx, debtor.id);
      dossier = { id: await storeDossier(ctx, built), sha256: built.sha256 };
    }

    const row = await ctx.db.insertInto('handovers').values({
      debtor_id: debtor.id, agency_id: agencyId, agency_reference: input.reference, handed_over_on: input.handedOverOn,
      terms_kind: input.termsKind, terms_percent_bp: percentBp, terms_fee_cents: input.termsFee, claimed_cents: claim.totals.principal,
      dossier_document_id: dossier.id, dossier_sha256: dossier.sha256, status: 'open', closed_on: null, created_at: ctx.now(),
    }).returning('id').executeTakeFirstOrThrow();
    await addEvent(ctx, {
      debtorId: debtor.id, type: 'handover.created', occurredOn: input.handedOverOn, invoiceIds: claim.invoices.map((i) => i.id), documentId: dossier.id,
      summary: `Overgedragen aan ${agencyName} (${termsText(input.termsKind, percentBp, input.termsFee)})${input.reference ? `, kenmerk ${input.reference}` : ''}: ${euro(claim.totals.total)} gevorderd`,
      data: {
        handoverId: row.id, agencyId, agencyName, reference: input.reference, termsKind: input.termsKind, termsPercent: input.termsPercent, termsFee: input.termsFee,
        principal: claim.totals.principal, interest: claim.totals.interest, costs: claim.totals.costs, total: claim.totals.total, dossierSha256: dossier.sha256,
      },
    });
    return toHandover(ctx, handoverRow(ctx, row.id));
  });
}

const CLOSING: Record<Exclude<HandoverUpdateKind, 'payment' | 'partial'>, { status: HandoverStatus; nl: string }> = {
  settled: { status: 'settled', nl: 'Incassobureau: vordering afgewikkeld' },
  'given-up': { status: 'given-up', nl: 'Incassobureau: vordering opgegeven (niet te innen)' },
  returned: { status: 'returned', nl: 'Incassobureau heeft de vordering teruggegeven' },
};

export async function updateHandover(ctx: Context, input: ParsedInputOf<'handover.update'>): Promise<Handover> {
  return transaction(ctx, async () => {
    const h = handoverRow(ctx, input.handoverId);
    if (!OPEN.includes(h.status)) {
      throw new AppError('forbidden', `Deze overdracht is al afgesloten (${nl(h.closed_on ?? h.handed_over_on)}).`, 'This handover is already closed.');
    }
    if (input.date < h.handed_over_on) {
      throw new AppError('invalid-input', `De datum ligt vóór de overdracht (${nl(h.handed_over_on)}).`, 'The date is before the handover.', { date: 'Deze datum ligt vóór de overdracht.' });
    }
    if (input.date > ctx.today()) throw new AppError('invalid-input', 'De datum ligt in de toekomst.', 'The date is in the future.', { date: 'Deze datum ligt in de toekomst.' });
    const fee = input.agencyFee ?? 0;
    const gross = input.grossAmount ?? 0;
    if (fee > 0 && gross > 0 && fee > gross) {
      throw new AppError('invalid-input', 'De vergoeding van het incassobureau is hoger dan wat het heeft geïnd.', 'The agency fee is higher than what it collected.', { agencyFee: 'Hoger dan het geïnde bedrag.' });
    }

    let paymentId: number | null = null;
    let allocated = 0;
    const ids = new Set(handoverInvoiceIds(ctx, h));
    if (gross > 0) {
      const open = invoicesOfDebtor(ctx, h.debtor_id).filter((i) => ids.has(i.id) && i.open > 0);
      const allocations = allocateOldestFirst(gross, open.map((i) => ({ id: i.id, open: i.open, dueDate: i.dueDate })));
      allocated = allocations.reduce((s, a) => s + a.amount, 0);
      if (allocated > 0) {
        const payment = await recordPayment(ctx, {
          debtorId: h.debtor_id, date: input.date, amount: allocated, allocations, method: 'agency', handoverId: h.id,
          counterpartyName: h.agency_name, note: input.note ?? `Via ${h.agency_name}${h.agency_reference ? ` (${h.agency_reference})` : ''}`,
        });
        paymentId = payment.id;
      }
    }
    const stillOpen = invoicesOfDebtor(ctx, h.debtor_id).filter((i) => ids.has(i.id)).reduce((s, i) => s + i.open, 0);
    const interestAndCosts = gross - allocated;
    const money = gross > 0
      ? `${euro(gross)} geïnd${interestAndCosts > 0 ? ` (waarvan ${euro(interestAndCosts)} rente en kosten)` : ''}${fee > 0 ? `, vergoeding bureau ${euro(fee)}, netto ${euro(gross - fee)}` : ''}`
      : fee > 0 ? `kosten bureau ${euro(fee)}` : '';
    const base = { handoverId: h.id, gross, allocated, interestAndCosts, agencyFee: fee, net: gross - fee, paymentId, note: input.note, stillOpen };

    let status: HandoverStatus;
    if (input.kind === 'payment' || input.kind === 'partial') {
      const settles = input.kind === 'payment' && stillOpen === 0;
      status = settles ? 'settled' : 'partially-paid';
      await addEvent(ctx, {
        debtorId: h.debtor_id, type: `handover.${input.kind}`, occurredOn: input.date, invoiceIds: [...ids],
        summary: `${input.kind === 'partial' ? 'Deelbetaling' : 'Betaling'} via ${h.agency_name}: ${money}${stillOpen > 0 ? `; nog open ${euro(stillOpen)}` : ''}`,
        data: { ...base, kind: input.kind },
      });
      if (settles) {
        await addEvent(ctx, {
          debtorId: h.debtor_id, type: 'handover.settled', occurredOn: input.date, invoiceIds: [...ids],
          summary: `${CLOSING.settled.nl}: alles betaald`, data: { handoverId: h.id, gross: 0, agencyFee: 0, automatic: true },
        });
      }
    } else {
      status = CLOSING[input.kind].status;
      await addEvent(ctx, {
        debtorId: h.debtor_id, type: `handover.${input.kind}`, occurredOn: input.date, invoiceIds: [...ids],
        summary: `${CLOSING[input.kind].nl}${money ? `; ${money}` : ''}${stillOpen > 0 ? `; nog open ${euro(stillOpen)}` : ''}${input.note ? ` — ${input.note}` : ''}`,
        data: { ...base, kind: input.kind },
      });
    }
    const closed = status !== 'open' && status !== 'partially-paid';
    await ctx.db.updateTable('handovers').set({ status, closed_on: closed ? input.date : null }).where('id', '=', h.id).execute();
    return toHandover(ctx, handoverRow(ctx, h.id));
  });
}

export async function takeBackHandover(ctx: Context, input: ParsedInputOf<'handover.takeBack'>): Promise<Handover> {
  return transaction(ctx, async () => {
    const h = handoverRow(ctx, input.handoverId);
    if (!OPEN.includes(h.status)) throw new AppError('forbidden', 'Deze overdracht is al afgesloten.', 'This handover is already closed.');
    const date = input.date ?? ctx.today();
    if (date < h.handed_over_on || date > ctx.today()) {
      throw new AppError('invalid-input', 'Kies een datum tussen de overdracht en vandaag.', 'Pick a date between the handover and today.', { date: 'Tussen de overdracht en vandaag.' });
    }
    await ctx.db.updateTable('handovers').set({ status: 'taken-back', closed_on: date }).where('id', '=', h.id).execute();
    await addEvent(ctx, {
      debtorId: h.debtor_id, type: 'handover.taken-back', occurredOn: date, invoiceIds: handoverInvoiceIds(ctx, h),
      summary: `Vordering teruggenomen van ${h.agency_name}; terug in de gewone aanpak${input.note ? ` — ${input.note}` : ''}`,
      data: { handoverId: h.id, gross: 0, agencyFee: 0, note: input.note },
    });
    return toHandover(ctx, handoverRow(ctx, h.id));
  });
}

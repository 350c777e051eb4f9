// The claim as an incassobureau needs it (docs/domain-nl.md §10), computed once and shown three
// ways (overzicht.pdf, vordering.json, the CSVs) so that the three always agree to the cent.
//
// Decisions:
// - The claim is every invoice of this debtor that is open and past its due date. Invoices not yet
//   due are left out (they cannot be claimed yet) and named by the check.
// - Interest (art. 6:119 / 6:119a BW) per invoice, with the user's rate table (ratesInForce), from
//   the day after the due date up to and including today. Partial payments are taken off the
//   principal of the invoice they were booked on, as the ledger does, and the part that was paid
//   bears interest up to and including its payment day. This is never more than art. 6:44 BW
//   allows (which would first apply the payment to interest), so the dossier never over-claims.
//   A credit note lowers the principal from the start.
// - Collection costs (BIK) per the staffel over the summed open principal. A business owes them
//   without a letter; a consumer only after a correct veertiendagenbrief whose term has passed, and
//   then over the invoices that letter named. The 21 % BTW surcharge only when the user cannot
//   deduct VAT (Instellingen) and, for a consumer, only when the letter declared it.
// - Only what the agency needs (AVG): the debtor's free-text notes, IBAN and other debtors never
//   enter the claim; neither do 'note.*' timeline events.
import type { Business, Invoice, TimelineEvent } from '../../../shared/domain/ledger';
import { formatCents } from '../../../shared/domain/money';
import {
  BIK_MAXIMUM, BIK_MINIMUM, BIK_VAT_PERCENT, collectionCosts, fourteenDayLetterDeadline, limitationDate, statutoryInterest, type InterestPeriod,
} from '../../../shared/law';
import type { Context } from '../context';
import { getBusiness } from '../ledger/business';
import { agreedChargesOf, creditOf, invoicesOfDebtor } from '../ledger/balances';
import { getDebtorRow } from '../ledger/debtors';
import { listTimeline } from '../ledger/events';
import { paymentsOfDebtor } from '../ledger/payments';
import { ratesInForce } from '../law/rates';
import { interruptionsOf } from '../letters/limitation';

export interface DossierDebtor {
  id: number;
  kind: 'business' | 'consumer';
  type: 'B2B' | 'B2C';
  name: string;
  contactName: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  country: string;
  phone: string | null;
  email: string | null;
  kvk: string | null;
  vatId: string | null;
  isDemo: boolean;
}

export interface ClaimPeriod extends InterestPeriod {
  /** Set when the period is about a part of the invoice that was paid on this date. */
  paidOn: string | null;
}

export interface ClaimInvoice {
  id: number;
  number: string;
  invoiceDate: string;
  deliveryDate: string | null;
  dueDate: string;
  description: string;
  amount: number;
  paid: number;
  credited: number;
  open: number;
  paymentReference: string;
  disputed: boolean;
  disputeReason: string | null;
  /** Interest from this day on (null: no interest, e.g. consumer with "interest after notice" and no letter). */
  interestFrom: string | null;
  interest: number;
  periods: ClaimPeriod[];
  limitationDate: string;
  originalDocumentId: number | null;
}

export interface FourteenDayLetter {
  eventId: number;
  sentOn: string;
  lastDay: string;
  /** The term ended before today. */
  passed: boolean;
  trackingCode: string | null;
  documentId: number | null;
  /** Claimed invoices the letter named and that were due before it was sent. */
  coveredInvoiceIds: number[];
  /** Claimed invoices it did not (validly) cover. */
  uncoveredNumbers: string[];
  /** The letter declared the BTW surcharge on the costs. */
  vatSurcharge: boolean;
}

export interface StaffelSlice { from: number; to: number | null; percent: number; amount: number }

export interface ClaimCosts {
  applicable: boolean;
  /** The summed principal the staffel is applied to. */
  base: number;
  staffel: number;
  slices: StaffelSlice[];
  minimumApplied: boolean;
  maximumApplied: boolean;
  vatSurcharge: boolean;
  vat: number;
  total: number;
  /** Plain Dutch: how the amount was computed, or why there are none. */
  explanation: string;
  explanationEn: string;
}

export interface ClaimPayment {
  id: number;
  date: string;
  amount: number;
  method: 'manual' | 'bank' | 'agency';
  /** The part of this payment booked on the claimed invoices. */
  applied: { invoiceNumber: string; amount: number }[];
  unallocated: number;
}

export interface ClaimEvent {
  id: number;
  date: string;
  type: string;
  label: string;
  description: string;
  channel: string | null;
  trackingCode: string | null;
  invoiceNumbers: string[];
  documentId: number | null;
}

export interface ClaimDocument {
  id: number;
  kind: 'letter' | 'reminder' | 'mail' | 'confirmation' | 'invoice-pdf' | 'terms';
  fileName: string;
  mimeType: string;
  sha256: string;
  size: number;
  /** Path inside the dossier zip. */
  path: string;
}

export interface Claim {
  today: string;
  business: Business | null;
  debtor: DossierDebtor;
  interestKind: 'commercial' | 'consumer';
  invoices: ClaimInvoice[];
  /** Open invoices not yet due: not part of the claim. */
  notYetDue: Invoice[];
  payments: ClaimPayment[];
  /** The customer's credit (tegoed: payments not allocated, credit notes on no invoice), taken off the total. */
  credit: number;
  fourteenDay: FourteenDayLetter | null;
  costs: ClaimCosts;
  totals: { principal: number; interest: number; costs: number; credit: number; total: number };
  timeline: ClaimEvent[];
  documents: ClaimDocument[];
  /** Every event of this debtor, oldest first (for the check). */
  events: TimelineEvent[];
}

const LETTER_KINDS = ['letter', 'reminder', 'mail', 'confirmation'] as const;

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const isIso = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** Dutch name of a timeline event, for people reading the dossier. */
export function eventLabel(e: { type: string; data: Record<string, unknown> }): string {
  if (e.type === 'letter.sent') {
    return e.data.letter === 'fourteen-day' ? 'Veertiendagenbrief' : e.data.letter === 'final-notice' ? 'Laatste aanmaning' : 'Brief';
  }
  const labels: Record<string, string> = {
    'invoice.created': 'Factuur', 'invoice.corrected': 'Factuur gecorrigeerd', 'invoice.credited': 'Creditnota',
    'invoice.pdf-attached': 'Factuur-PDF', 'nudge.sent': 'Herinnering vooraf', 'reminder.sent': 'Herinnering',
    'registered.sent': 'Aangetekend verstuurd', 'mail.sent': 'E-mail', 'call.logged': 'Telefoongesprek',
    'call.confirmation-sent': 'Bevestiging gesprek', 'promise.made': 'Betalingsbelofte', 'dispute.opened': 'Betwisting',
    'dispute.resolved': 'Betwisting opgelost', 'arrangement.created': 'Betalingsregeling', 'payment.received': 'Betaling',
    'handover.created': 'Overdracht incassobureau',
  };
  if (labels[e.type]) return labels[e.type]!;
  const prefix: Record<string, string> = {
    invoice: 'Factuur', reminder: 'Herinnering', letter: 'Brief', registered: 'Aangetekend', call: 'Telefoongesprek', promise: 'Belofte',
    dispute: 'Betwisting', arrangement: 'Betalingsregeling', payment: 'Betaling', handover: 'Incassobureau', mail: 'E-mail',
  };
  return prefix[e.type.split('.')[0]!] ?? e.type;
}

function channelOf(e: TimelineEvent): string | null {
  const channel = text(e.data.channel);
  const names: Record<string, string> = { email: 'e-mail', post: 'post', letter: 'post', phone: 'telefoon', registered: 'aangetekend' };
  if (channel) return names[channel] ?? channel;
  if (e.type === 'registered.sent') return 'aangetekend';
  if (e.type.startsWith('call.logged')) return 'telefoon';
  if (e.type === 'mail.sent') return 'e-mail';
  return null;
}

export const trackingOf = (data: Record<string, unknown>): string | null => text(data.trackingCode) ?? text(data.tracking);

/** The staffel (Besluit BIK art. 2 lid 1): [size of the slice in cents, rate in tenths of a percent]. */
const STAFFEL: readonly (readonly [number, number])[] = [[250_000, 150], [250_000, 100], [500_000, 50], [19_000_000, 10], [Number.POSITIVE_INFINITY, 5]];

/**
 * The staffel slice by slice, before the minimum and maximum. Each slice is rounded half-up; the
 * last one absorbs the rounding, so that the slices add up to the staffel amount rounded once.
 */
export function staffelSlices(base: number): { slices: StaffelSlice[]; exact: number } {
  const slices: StaffelSlice[] = [];
  let from = 0;
  let milli = 0;
  for (const [size, tenths] of STAFFEL) {
    if (base <= from) break;
    const slice = Math.min(base - from, size);
    milli += slice * tenths;
    slices.push({ from, to: Number.isFinite(size) ? from + size : null, percent: tenths / 10, amount: Math.floor((slice * tenths * 2 + 1000) / 2000) });
    from += slice;
  }
  const exact = Math.floor((milli * 2 + 1000) / 2000);
  const sum = slices.reduce((s, x) => s + x.amount, 0);
  if (slices.length > 0) slices[slices.length - 1]!.amount += exact - sum;
  return { slices, exact };
}

const euro = (c: number) => formatCents(c);
const nlDate = (d: string) => d.split('-').reverse().join('-');

export async function buildClaim(ctx: Context, debtorId: number): Promise<Claim> {
  const today = ctx.today();
  const row = await getDebtorRow(ctx, debtorId);
  const business = await getBusiness(ctx);
  const debtor: DossierDebtor = {
    id: row.id, kind: row.kind, type: row.kind === 'business' ? 'B2B' : 'B2C', name: row.name, contactName: row.contact_name,
    street: row.street, postcode: row.postcode, city: row.city, country: row.country, phone: row.phone, email: row.email,
    kvk: row.kvk, vatId: row.vat_id, isDemo: row.is_demo === 1,
  };
  const interestKind = row.kind === 'business' ? 'commercial' : 'consumer';
  const rates = ratesInForce(ctx, interestKind);

  const everything = invoicesOfDebtor(ctx, debtorId);
  const all = everything.filter((i) => i.kind === 'invoice');
  const claimed = all.filter((i) => i.open > 0 && i.dueDate < today);
  const notYetDue = all.filter((i) => i.open > 0 && i.dueDate >= today);
  const claimedIds = new Set(claimed.map((i) => i.id));
  const numberOf = new Map(all.map((i) => [i.id, i.number]));

  const events = (await listTimeline(ctx, debtorId)).reverse();
  const payments = await paymentsOfDebtor(ctx, debtorId);

  // The latest veertiendagenbrief and its registered-mail proof.
  let fourteenDay: FourteenDayLetter | null = null;
  const letter = [...events].reverse().find((e) => e.type === 'letter.sent' && e.data.letter === 'fourteen-day');
  if (letter) {
    const lastDay = isIso(letter.data.lastDay) ? letter.data.lastDay : fourteenDayLetterDeadline(letter.occurredOn);
    const documentId = letter.documentId ?? (typeof letter.data.documentId === 'number' ? letter.data.documentId : null);
    const registered = events.find((e) => e.type === 'registered.sent' && (
      (documentId !== null && (e.data.documentId === documentId || e.documentId === documentId)) || e.occurredOn === letter.occurredOn));
    const named = letter.invoiceIds.length > 0 ? new Set(letter.invoiceIds) : null;
    const covered = claimed.filter((i) => (named === null || named.has(i.id)) && i.dueDate < letter.occurredOn);
    fourteenDay = {
      eventId: letter.id, sentOn: letter.occurredOn, lastDay, passed: today > lastDay,
      trackingCode: trackingOf(letter.data) ?? (registered ? trackingOf(registered.data) : null), documentId,
      coveredInvoiceIds: covered.map((i) => i.id),
      uncoveredNumbers: claimed.filter((i) => !covered.includes(i)).map((i) => i.number),
      vatSurcharge: letter.data.vatSurcharge === true,
    };
  }

  // Interest per invoice.
  const interestAfterNotice = row.kind === 'consumer' && row.interest_after_notice === 1;
  const interruptions = interruptionsOf(ctx, claimed.map((i) => i.id));
  const consumerSale = new Map((ctx.sqlite.prepare(`SELECT id, consumer_sale_of_goods AS s FROM invoices WHERE debtor_id = ?`).all(debtorId) as { id: number; s: number }[]).map((r) => [r.id, r.s === 1]));
  const originalDocs = new Map((ctx.sqlite.prepare(`SELECT id, original_document_id AS d FROM invoices WHERE debtor_id = ?`).all(debtorId) as { id: number; d: number | null }[]).map((r) => [r.id, r.d]));
  const invoices: ClaimInvoice[] = claimed.map((inv) => {
    const interestDue = interestAfterNotice ? (fourteenDay?.coveredInvoiceIds.includes(inv.id) ? fourteenDay.lastDay : null) : inv.dueDate;
    const periods: ClaimPeriod[] = [];
    let interest = 0;
    if (interestDue !== null && interestDue < today) {
      const run = (principal: number, until: string, paidOn: string | null) => {
        if (principal <= 0 || until <= interestDue) return;
        const r = statutoryInterest({ kind: interestKind, principal, dueDate: interestDue, until, rates });
        interest += r.interest;
        periods.push(...r.periods.map((p) => ({ ...p, paidOn })));
      };
      run(inv.open, today, null);
      for (const p of payments) {
        for (const a of p.allocations) if (a.invoiceId === inv.id) run(a.amount, p.date, p.date);
      }
    }
    return {
      id: inv.id, number: inv.number, invoiceDate: inv.invoiceDate, deliveryDate: inv.deliveryDate, dueDate: inv.dueDate,
      description: inv.description, amount: inv.amount, paid: inv.paid, credited: inv.credited, open: inv.open,
      paymentReference: inv.paymentReference, disputed: inv.disputed, disputeReason: inv.disputeReason,
      interestFrom: interestDue !== null && interestDue < today ? addDay(interestDue) : null, interest, periods,
      limitationDate: limitationDate({ dueDate: inv.dueDate, consumerSaleOfGoods: row.kind === 'consumer' && (consumerSale.get(inv.id) ?? false), interruptions: interruptions.get(inv.id) ?? [] }),
      originalDocumentId: originalDocs.get(inv.id) ?? null,
    };
  });

  const principal = invoices.reduce((s, i) => s + i.open, 0);
  const costs = computeCosts(row.kind, invoices, fourteenDay, business);
  // The same credit as the debtor page: unallocated payments and credit notes that correct no invoice.
  const credit = creditOf(everything, payments, agreedChargesOf(ctx, debtorId));
  const interest = invoices.reduce((s, i) => s + i.interest, 0);

  // Documents: letters and reminders of this debtor, original invoice PDFs of the claimed invoices, the terms.
  const documents: ClaimDocument[] = [];
  const used = new Set<string>();
  const place = (folder: string, name: string) => {
    const clean = safeFileName(name) || 'document';
    const dot = clean.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [clean.slice(0, dot), clean.slice(dot)] : [clean, ''];
    let candidate = `${folder}${clean}`;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${folder}${stem}-${n}${ext}`;
    used.add(candidate.toLowerCase());
    return candidate;
  };
  const dateOfDoc = new Map<number, string>();
  for (const e of events) if (e.documentId !== null && !dateOfDoc.has(e.documentId)) dateOfDoc.set(e.documentId, e.occurredOn);
  const letterDocs = await ctx.db.selectFrom('documents').select(['id', 'kind', 'file_name', 'mime_type', 'sha256', 'size', 'created_at'])
    .where('debtor_id', '=', debtorId).where('kind', 'in', [...LETTER_KINDS]).orderBy('created_at').orderBy('id').execute();
  for (const d of letterDocs) {
    const date = dateOfDoc.get(d.id) ?? d.created_at.slice(0, 10);
    documents.push({ id: d.id, kind: d.kind as ClaimDocument['kind'], fileName: d.file_name, mimeType: d.mime_type, sha256: d.sha256, size: d.size, path: place('brieven/', `${date}-${d.file_name}`) });
  }
  for (const inv of invoices) {
    if (inv.originalDocumentId === null) continue;
    const d = await ctx.db.selectFrom('documents').select(['id', 'file_name', 'mime_type', 'sha256', 'size']).where('id', '=', inv.originalDocumentId).executeTakeFirst();
    if (d) documents.push({ id: d.id, kind: 'invoice-pdf', fileName: d.file_name, mimeType: d.mime_type, sha256: d.sha256, size: d.size, path: place('facturen/', `${inv.number}-${d.file_name}`) });
  }
  const terms = ctx.sqlite.prepare(`SELECT d.id, d.file_name, d.mime_type, d.sha256, d.size FROM business b JOIN documents d ON d.id = b.terms_document_id WHERE b.id = 1`).get() as
    { id: number; file_name: string; mime_type: string; sha256: string; size: number } | undefined;
  if (terms) {
    const ext = /\.[a-z0-9]{1,5}$/i.exec(terms.file_name)?.[0]?.toLowerCase() ?? '.pdf';
    documents.push({ id: terms.id, kind: 'terms', fileName: terms.file_name, mimeType: terms.mime_type, sha256: terms.sha256, size: terms.size, path: place('', `algemene-voorwaarden${ext}`) });
  }
  const pathOfDoc = new Map(documents.map((d) => [d.id, d.path]));

  const timeline: ClaimEvent[] = events.filter((e) => !e.type.startsWith('note.')).map((e) => {
    const notes = text(e.data.notes);
    const description = notes && !e.summary.includes(notes) ? `${e.summary} — ${notes}` : e.summary;
    return {
      id: e.id, date: e.occurredOn, type: e.type, label: eventLabel(e), description, channel: channelOf(e),
      trackingCode: trackingOf(e.data), invoiceNumbers: e.invoiceIds.map((id) => numberOf.get(id)).filter((n): n is string => !!n),
      documentId: e.documentId !== null && pathOfDoc.has(e.documentId) ? e.documentId : null,
    };
  });

  const claimPayments: ClaimPayment[] = payments
    .map((p) => ({
      id: p.id, date: p.date, amount: p.amount, method: p.method,
      applied: p.allocations.filter((a) => claimedIds.has(a.invoiceId)).map((a) => ({ invoiceNumber: a.invoiceNumber, amount: a.amount })),
      unallocated: p.unallocated,
    }))
    .filter((p) => p.applied.length > 0 || p.unallocated > 0)
    .sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);

  const total = principal + interest + costs.total - credit;
  return {
    today, business, debtor, interestKind, invoices, notYetDue, payments: claimPayments, credit, fourteenDay, costs,
    totals: { principal, interest, costs: costs.total, credit, total: Math.max(0, total) },
    timeline, documents, events,
  };
}

function addDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function computeCosts(kind: 'business' | 'consumer', invoices: ClaimInvoice[], letter: FourteenDayLetter | null, business: Business | null): ClaimCosts {
  const none = (explanation: string, explanationEn: string, base = 0): ClaimCosts => ({
    applicable: false, base, staffel: 0, slices: [], minimumApplied: false, maximumApplied: false, vatSurcharge: false, vat: 0, total: 0, explanation, explanationEn,
  });
  if (invoices.length === 0) return none('Er staat niets vervallen open; er zijn geen incassokosten.', 'Nothing overdue is open; there are no collection costs.');
  let base: number;
  let vatSurcharge = false;
  let intro: string, introEn: string;
  if (kind === 'consumer') {
    const allOpen = invoices.reduce((s, i) => s + i.open, 0);
    if (!letter) {
      return none('Geen incassokosten: bij een particuliere klant zijn die pas verschuldigd na een correcte veertiendagenbrief waarvan de termijn is verstreken (art. 6:96 lid 6 BW). Er is nog geen veertiendagenbrief verstuurd.',
        'No collection costs: from a consumer they are only owed after a correct 14-day letter whose term has passed (art. 6:96(6) DCC). No 14-day letter has been sent yet.', allOpen);
    }
    if (!letter.passed) {
      return none(`Geen incassokosten: bij een particuliere klant zijn die pas verschuldigd na een correcte veertiendagenbrief waarvan de termijn is verstreken (art. 6:96 lid 6 BW). De veertiendagenbrief van ${nlDate(letter.sentOn)} geeft tot en met ${nlDate(letter.lastDay)} de tijd om zonder kosten te betalen.`,
        `No collection costs: from a consumer they are only owed after a correct 14-day letter whose term has passed (art. 6:96(6) DCC). The letter of ${letter.sentOn} allows payment without costs until ${letter.lastDay} inclusive.`, allOpen);
    }
    const covered = invoices.filter((i) => letter.coveredInvoiceIds.includes(i.id));
    if (covered.length === 0) {
      return none('Geen incassokosten: de veertiendagenbrief noemde geen van de vervallen facturen (of ging vóór de vervaldatum de deur uit).',
        'No collection costs: the 14-day letter named none of the overdue invoices (or was sent before their due date).', allOpen);
    }
    base = covered.reduce((s, i) => s + i.open, 0);
    intro = `De termijn van de veertiendagenbrief van ${nlDate(letter.sentOn)} liep tot en met ${nlDate(letter.lastDay)} en is verstreken.`;
    introEn = `The term of the 14-day letter of ${letter.sentOn} ran until ${letter.lastDay} and has passed.`;
    if (covered.length < invoices.length) {
      intro += ` Alleen de facturen uit die brief tellen mee (${covered.map((i) => i.number).join(', ')}).`;
      introEn += ` Only the invoices in that letter count (${covered.map((i) => i.number).join(', ')}).`;
    }
    // The surcharge needs the creditor's declaration in the letter itself (docs/domain-nl.md §1).
    vatSurcharge = business !== null && !business.canDeductVat && letter.vatSurcharge;
  } else {
    base = invoices.reduce((s, i) => s + i.open, 0);
    intro = 'Zakelijke klant: de incassokosten zijn zonder aanmaning verschuldigd vanaf de dag na de vervaldatum (art. 6:96 lid 4 BW).';
    introEn = 'Business customer: collection costs are owed without a reminder from the day after the due date (art. 6:96(4) DCC).';
    vatSurcharge = business !== null && !business.canDeductVat;
  }
  const staffel = collectionCosts(base);
  const { slices, exact } = staffelSlices(base);
  const minimumApplied = exact < BIK_MINIMUM;
  const maximumApplied = exact > BIK_MAXIMUM;
  const withVat = vatSurcharge ? collectionCosts(base, { vatSurcharge: true }) : staffel;
  const vat = withVat - staffel;
  let explanation = `${intro} Berekend volgens de staffel van het Besluit vergoeding voor buitengerechtelijke incassokosten over de opgetelde hoofdsom van ${euro(base)}: 15% over de eerste € 2.500, 10% over de volgende € 2.500, 5% over de volgende € 5.000, 1% over de volgende € 190.000 en 0,5% over het meerdere; minimaal € 40, maximaal € 6.775.`;
  let explanationEn = `${introEn} Computed with the staffel of the Besluit vergoeding voor buitengerechtelijke incassokosten over the summed principal of ${euro(base)}: 15% of the first € 2,500, 10% of the next € 2,500, 5% of the next € 5,000, 1% of the next € 190,000 and 0.5% above that; at least € 40, at most € 6,775.`;
  if (minimumApplied) { explanation += ` De staffel geeft minder dan € 40: het minimum van € 40 geldt.`; explanationEn += ' The staffel gives less than € 40: the € 40 minimum applies.'; }
  if (maximumApplied) { explanation += ' Het maximum van € 6.775 geldt.'; explanationEn += ' The € 6,775 maximum applies.'; }
  if (vatSurcharge) {
    explanation += ` Verhoogd met ${BIK_VAT_PERCENT}% btw (${euro(vat)}): de schuldeiser kan de btw over de incassodienst niet aftrekken (art. 2 lid 3 Besluit).`;
    explanationEn += ` Raised by ${BIK_VAT_PERCENT}% VAT (${euro(vat)}): the creditor cannot deduct the VAT on the collection service (art. 2(3) Besluit).`;
  }
  return { applicable: true, base, staffel, slices, minimumApplied, maximumApplied, vatSurcharge, vat, total: withVat, explanation, explanationEn };
}

/** ASCII-safe file name part: diacritics folded, anything odd becomes a dash. */
export function safeFileName(name: string): string {
  const folded = name
    .replace(/[łŁ]/g, (c) => (c === 'ł' ? 'l' : 'L')).replace(/ß/g, 'ss').replace(/[æÆ]/g, (c) => (c === 'æ' ? 'ae' : 'AE'))
    .replace(/[øØ]/g, (c) => (c === 'ø' ? 'o' : 'O')).replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return folded.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/-{2,}/g, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 120);
}

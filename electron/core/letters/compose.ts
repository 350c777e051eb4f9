// From the ledger and shared/law to a LetterModel (what the layout prints) and a LetterSummary
// (what the letter says in numbers, stored with the 'letter.sent' event). Nothing is written here.
//
// Amounts: the principal of an invoice is what is still open in the ledger (amount − payments −
// credit notes). Interest is computed per invoice with statutoryInterest over the invoice amount
// minus credit notes, with the payments on their dates (6:44 BW: a payment covers interest first);
// the total claimed, open + interest accrued, is then exactly what art. 6:44 gives. Collection
// costs follow the staffel over the summed open principal (6:96 lid 7 BW for consumers; for a
// business the same sum, which is never more than per invoice).
import type { Selectable } from 'kysely';
import type { LetterKind, LetterSummary } from '../../../shared/contract/methods/letters';
import type { ParsedInputOf } from '../../../shared/contract';
import { addDaysIso, formatDate } from '../../../shared/domain/dates';
import type { Invoice } from '../../../shared/domain/ledger';
import {
  addWorkingDays, collectionCosts, epcQrPayload, formatBetalingskenmerk, formatIban, formatRfReference, fourteenDayLetterDeadline,
  isValidBetalingskenmerk, isValidRfReference, nextWorkingDay, presumedDeliveryDate, statutoryInterest,
} from '../../../shared/law';
import type { Context } from '../context';
import type { BusinessTable, DebtorsTable } from '../db/schema';
import { AppError } from '../errors';
import { ratesInForce } from '../law/rates';
import { invoicesOfDebtor } from '../ledger/balances';
import { getDebtorRow } from '../ledger/debtors';
import { fourteenDayChecks, type InvoiceRef } from './fourteenDayChecks';
import type { InterestPeriod, LetterModel, LetterPayment, LetterRecipient, LetterSender } from './layout';
import { nearLimitation } from './limitation';
import { getLetterSettings } from './settings';
import {
  ALREADY_PAID, CLOSING, contactVia, costsExplanation, FOURTEEN_DAY_TERM, INTEREST_KIND_LABEL, invoiceNoun, invoicesShort, KIND_TITLE,
  type Lang, listJoin, longDate, money, NOTHING_EXTRA, numberWord, REFERENCE_LABEL_TEXT, salutation, stuiting, vatDeclaration,
} from './texts';

export type LetterInput = ParsedInputOf<'letters.preview'>;
type DebtorRow = Selectable<DebtorsTable>;
type BusinessRow = Selectable<BusinessTable>;

export interface Composition {
  model: LetterModel;
  summary: LetterSummary;
  debtor: DebtorRow;
  /** The invoices the letter is about (linked to its event). */
  invoiceIds: number[];
  fileName: string;
  /** One line for the debtor's timeline (Dutch). */
  eventSummary: string;
}

/** How many months before its limitation date a reminder letter starts to carry the stuiting text. */
export const REMINDER_STUITING_MONTHS = 12;

const refuse = (message: string, messageEn: string) => new AppError('forbidden', message, messageEn);

// ---------------------------------------------------------------------------------------------
// Shared pieces

function senderOf(ctx: Context, b: BusinessRow): LetterSender {
  let logoPng: Uint8Array | undefined;
  if (b.logo_document_id !== null) {
    const logo = ctx.sqlite.prepare('SELECT bytes, mime_type FROM documents WHERE id = ?').get(b.logo_document_id) as { bytes: Uint8Array; mime_type: string } | undefined;
    if (logo && logo.mime_type === 'image/png') logoPng = new Uint8Array(logo.bytes);
  }
  return {
    name: b.name, contactName: b.contact_name ?? undefined, street: b.street, postcode: b.postcode, city: b.city, country: b.country,
    kvk: b.kvk ?? undefined, vatId: b.vat_id ?? undefined, iban: b.iban, bic: b.bic ?? undefined, phone: b.phone ?? undefined,
    email: b.email ?? undefined, website: b.website ?? undefined, logoPng,
  };
}

function recipientOf(d: DebtorRow): LetterRecipient {
  return {
    name: d.name, contactName: d.kind === 'business' ? d.contact_name ?? undefined : undefined,
    street: d.street ?? '', postcode: d.postcode ?? '', city: d.city ?? '', country: d.country,
  };
}

/** The parts of the postal address that are missing, in Dutch. */
export function missingAddress(d: DebtorRow): string[] {
  const missing: string[] = [];
  if (!d.street?.trim()) missing.push('straat en huisnummer');
  if (!d.postcode?.trim()) missing.push('postcode');
  if (!d.city?.trim()) missing.push('plaats');
  return missing;
}

function requireAddress(d: DebtorRow): void {
  const missing = missingAddress(d);
  if (missing.length > 0) {
    throw refuse(`Het adres van ${d.name} is niet compleet (${missing.join(', ')} ontbreekt). Vul het aan bij de klantgegevens: een brief kan niet zonder adres.`,
      `The address of ${d.name} is incomplete. Complete it first: a letter needs an address.`);
  }
}

function requireBusiness(ctx: Context): BusinessRow {
  const b = ctx.sqlite.prepare('SELECT * FROM business WHERE id = 1').get() as BusinessRow | undefined;
  if (!b) throw refuse('Vul eerst je bedrijfsgegevens in (Instellingen): die komen in het briefhoofd.', 'Enter your business details first: they make the letterhead.');
  return b;
}

function specification(invoices: Invoice[]) {
  return {
    rows: invoices.map((i) => ({ number: i.number, invoiceDate: i.invoiceDate, dueDate: i.dueDate, amount: i.amount, paid: i.paid + i.credited, open: i.open })),
    totalOpen: invoices.reduce((s, i) => s + i.open, 0),
  };
}

/** Statutory interest per invoice up to and including `until`; periods labelled with the invoice number. */
export function interestOf(ctx: Context, invoices: Invoice[], kind: 'commercial' | 'consumer', until: string): { total: number; periods: InterestPeriod[] } {
  if (invoices.length === 0) return { total: 0, periods: [] };
  const rates = ratesInForce(ctx, kind);
  const rows = ctx.sqlite.prepare(`
    SELECT a.invoice_id AS invoiceId, p.date, a.amount_cents AS amount FROM payment_allocations a JOIN payments p ON p.id = a.payment_id
    WHERE a.invoice_id IN (SELECT value FROM json_each(?)) ORDER BY p.date, a.id
  `).all(JSON.stringify(invoices.map((i) => i.id))) as { invoiceId: number; date: string; amount: number }[];
  const periods: InterestPeriod[] = [];
  let total = 0;
  const labelled = invoices.length > 1;
  for (const inv of invoices) {
    const principal = inv.amount - inv.credited;
    if (principal <= 0 || inv.dueDate >= until) continue;
    const payments = rows.filter((r) => r.invoiceId === inv.id).map((r) => ({ date: r.date, amount: r.amount }));
    let result: ReturnType<typeof statutoryInterest>;
    try {
      result = statutoryInterest({ kind, principal, dueDate: inv.dueDate, until, payments, rates });
    } catch (error) {
      // E.g. no rate known for a period (the table starts in 2015): say so instead of failing.
      throw new AppError('invalid-input', `De rente over factuur ${inv.number} kan niet worden berekend: ${error instanceof Error ? error.message : String(error)} Je kunt de brief ook zonder rente maken.`,
        `Interest on invoice ${inv.number} cannot be computed. You can make the letter without interest.`);
    }
    total += result.interestAccrued;
    for (const p of result.periods) if (p.interest > 0) periods.push({ ...p, ...(labelled ? { label: inv.number } : {}) });
  }
  return { total, periods };
}

/** The payment box: betalingskenmerk for one invoice, invoice numbers as description for several. */
function paymentOf(b: BusinessRow, invoices: Invoice[], amount: number, lastDay: string | undefined, fallbackText: string, lang: Lang): LetterPayment | undefined {
  if (amount <= 0) return undefined;
  const single = invoices.length === 1 ? invoices[0]! : null;
  let reference: string;
  let referenceLabel: string | undefined;
  let qrReference: string | undefined;
  let qrText: string | undefined;
  if (single && isValidRfReference(single.paymentReference)) {
    reference = formatRfReference(single.paymentReference);
    qrReference = single.paymentReference;
  } else if (single && isValidBetalingskenmerk(single.paymentReference)) {
    reference = formatBetalingskenmerk(single.paymentReference);
    qrReference = single.paymentReference;
  } else {
    const numbers = invoices.map((i) => i.number);
    const noun = invoiceNoun(numbers.length, lang);
    const text = numbers.length > 0 ? `${noun[0]!.toUpperCase()}${noun.slice(1)} ${numbers.join(' ')}` : fallbackText;
    reference = text.length <= 140 ? text : fallbackText;
    referenceLabel = REFERENCE_LABEL_TEXT[lang];
    qrText = reference.slice(0, 140);
  }
  let qrPayload: string | undefined;
  try {
    qrPayload = epcQrPayload({ name: b.name.slice(0, 70), iban: b.iban, bic: b.bic ?? undefined, amount, reference: qrReference, text: qrText });
  } catch {
    qrPayload = undefined; // a name or reference the EPC standard cannot carry: the letter goes without a QR code
  }
  return {
    iban: b.iban, bic: b.bic ?? undefined, accountName: b.name, reference, referenceLabel, amount, lastDay, qrPayload,
  };
}

function ourReference(debtorId: number, date: string, kind: LetterKind): string {
  const code: Record<LetterKind, string> = { reminder: 'H', 'final-notice': 'A', 'fourteen-day': 'V', 'arrangement-confirmation': 'R', free: 'B' };
  return `K${debtorId}-${date.replace(/-/g, '')}-${code[kind]}`;
}

export function letterFileName(date: string, title: string, debtorName: string): string {
  // Characters no file system takes (control characters become spaces, then spaces are folded).
  const name = `${date} ${title} ${debtorName}`.replace(/[\\/:*?"<>|]/g, '_').replace(/\s+/g, ' ')
    .split('').map((c) => (c.charCodeAt(0) < 32 ? ' ' : c)).join('').trim().slice(0, 120);
  return `${name}.pdf`;
}

/** Dates of earlier reminders (letters or e-mails) about these invoices, before `date`. */
function earlierReminderDates(ctx: Context, invoiceIds: number[], date: string): string[] {
  const rows = ctx.sqlite.prepare(`
    SELECT DISTINCT e.occurred_on AS d, e.type, e.data_json AS data FROM events e JOIN event_invoices ei ON ei.event_id = e.id
    WHERE ei.invoice_id IN (SELECT value FROM json_each(?)) AND e.occurred_on < ? AND e.type IN ('reminder.sent', 'letter.sent')
    ORDER BY e.occurred_on
  `).all(JSON.stringify(invoiceIds), date) as { d: string; type: string; data: string }[];
  const dates = rows.filter((r) => r.type === 'reminder.sent' || /"letter":"reminder"/.test(r.data)).map((r) => r.d);
  return [...new Set(dates)];
}

/** Per invoice, the last day of the latest earlier letter about it that stated one. */
function earlierNoticeLastDays(ctx: Context, invoiceIds: number[], date: string): Map<number, string> {
  const rows = ctx.sqlite.prepare(`
    SELECT ei.invoice_id AS invoiceId, e.data_json AS data FROM events e JOIN event_invoices ei ON ei.event_id = e.id
    WHERE ei.invoice_id IN (SELECT value FROM json_each(?)) AND e.occurred_on < ? AND e.type IN ('letter.sent', 'reminder.sent')
  `).all(JSON.stringify(invoiceIds), date) as { invoiceId: number; data: string }[];
  const result = new Map<number, string>();
  for (const r of rows) {
    let lastDay: unknown;
    try { lastDay = (JSON.parse(r.data) as { lastDay?: unknown }).lastDay; } catch { lastDay = undefined; }
    if (typeof lastDay === 'string' && (!result.has(r.invoiceId) || lastDay > result.get(r.invoiceId)!)) result.set(r.invoiceId, lastDay);
  }
  return result;
}

interface Base {
  ctx: Context;
  req: LetterInput;
  business: BusinessRow;
  debtor: DebtorRow;
  settings: ReturnType<typeof getLetterSettings>;
  date: string;
  lang: Lang;
  open: Invoice[];
  overdue: Invoice[];
  disputedOverdue: Invoice[];
  reference: string;
}

function emptySummary(b: Base, kind: LetterKind): LetterSummary {
  return {
    letter: kind, language: b.lang, date: b.date, subject: '', ourReference: b.reference, invoices: [], principal: 0, interest: 0,
    costs: 0, costsVat: 0, vatSurcharge: false, totalDue: 0, lastDay: null, presumedDelivery: null, costsDueFrom: null,
    interruptsLimitation: false, planId: null, checks: [], warnings: [],
  };
}

const MONTHS = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|January|February|March|April|May|June|July|August|September|October|November|December';
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2}) (${MONTHS}) (\\d{4})\\b`, 'g');

/** Keeps "art. 6:96" and "10 december 2026" together on one line (no-break spaces). */
export function keepTogether(text: string): string {
  return text
    .replace(/\bart\. (?=\d)/g, 'art.\u00a0')
    .replace(DAY_MONTH_YEAR, '$1\u00a0$2\u00a0$3');
}

function modelOf(b: Base, parts: Pick<LetterModel, 'subject' | 'paragraphs'> & Partial<LetterModel>): LetterModel {
  return {
    language: b.lang,
    sender: senderOf(b.ctx, b.business),
    recipient: recipientOf(b.debtor),
    window: b.settings.window,
    place: b.settings.placeInUse || b.business.city,
    date: b.date,
    ourReference: b.reference,
    yourReference: b.req.yourReference || undefined,
    salutation: salutation({ name: b.debtor.name, contactName: b.debtor.contact_name, kind: b.debtor.kind }, b.lang),
    closing: CLOSING[b.lang],
    signatureName: b.settings.signatureName ?? b.business.contact_name ?? b.business.name,
    ...parts,
    paragraphs: parts.paragraphs.map(keepTogether),
  };
}

/** The invoices a reminder, final notice or free letter is about. */
function selectInvoices(b: Base, mustBeOverdue: boolean): Invoice[] {
  if (!b.req.invoiceIds || b.req.invoiceIds.length === 0) return mustBeOverdue ? b.overdue : [];
  const byId = new Map(b.open.map((i) => [i.id, i]));
  const chosen: Invoice[] = [];
  for (const id of new Set(b.req.invoiceIds)) {
    const inv = byId.get(id);
    if (!inv) throw refuse('Een gekozen factuur hoort niet bij deze klant of staat niet meer open.', 'A chosen invoice does not belong to this customer or is no longer open.');
    if (mustBeOverdue && inv.dueDate >= b.date) {
      throw refuse(`Factuur ${inv.number} vervalt op ${formatDate(inv.dueDate)}; een herinnering of aanmaning kan pas ná de vervaldatum (de brief is gedateerd ${formatDate(b.date)}).`,
        `Invoice ${inv.number} is not yet overdue on the letter date.`);
    }
    chosen.push(inv);
  }
  return chosen.sort((x, y) => x.dueDate.localeCompare(y.dueDate) || x.id - y.id);
}

const refsOf = (invoices: Invoice[]) => invoices.map((i) => ({ id: i.id, number: i.number, dueDate: i.dueDate, open: i.open }));

function disputedWarning(b: Base): string[] {
  return b.disputedOverdue.map((i) => `Factuur ${i.number} is betwist en staat daarom niet in deze brief.`);
}

// ---------------------------------------------------------------------------------------------
// The kinds

function composeReminder(b: Base): Composition {
  requireAddress(b.debtor);
  const invoices = selectInvoices(b, true);
  if (invoices.length === 0) throw refuse('Er is geen vervallen factuur om aan te herinneren.', 'There is no overdue invoice to remind about.');
  const { lang } = b;
  const numbers = invoices.map((i) => i.number);
  const principal = invoices.reduce((s, i) => s + i.open, 0);
  const lastDay = b.req.lastDay ?? nextWorkingDay(addDaysIso(b.date, b.settings.reminderDays));
  if (lastDay <= b.date) throw refuse('De uiterste betaaldag moet na de datum van de brief liggen.', 'The last day must be after the letter date.');
  const interrupts = b.req.interruptLimitation ?? nearLimitation(b.ctx, invoices.map((i) => i.id), b.date, REMINDER_STUITING_MONTHS);
  const the = lang === 'nl' ? (invoices.length === 1 ? 'de factuur' : 'de facturen') : (invoices.length === 1 ? 'the invoice' : 'the invoices');
  const via = contactVia(b.business.phone, b.business.email, lang);
  // One invoice is named in the text (the letter then fits on one page); several get the table.
  const single = invoices.length === 1 ? invoices[0]! : null;
  const which = single
    ? (lang === 'nl'
      ? `factuur ${single.number} van ${longDate(single.invoiceDate, lang)} (vervaldatum ${longDate(single.dueDate, lang)})`
      : `invoice ${single.number} of ${longDate(single.invoiceDate, lang)} (due ${longDate(single.dueDate, lang)})`)
    : `${the} ${lang === 'nl' ? 'hieronder' : 'below'}`;
  const paragraphs = lang === 'nl' ? [
    `Volgens onze administratie staat de betaling van ${which} nog open. De betaaltermijn is inmiddels verstreken; misschien is de betaling aan uw aandacht ontsnapt. ${ALREADY_PAID.nl}`,
    `Wilt u het openstaande bedrag van **${money(principal, lang)}** uiterlijk op **${longDate(lastDay, lang)}** overmaken? De betaalgegevens staan onderaan deze brief; u kunt ook de QR-code scannen met uw bank-app.`,
    `Is er iets niet in orde met ${the}, of lukt betalen op dit moment niet? Neem dan gerust contact met ons op${via}. Dan zoeken we samen een oplossing.`,
  ] : [
    `According to our records, payment of ${which} is still outstanding. The payment term has passed; perhaps the payment slipped your attention. ${ALREADY_PAID.en}`,
    `Could you please transfer the outstanding amount of **${money(principal, lang)}** by **${longDate(lastDay, lang)}** at the latest? The payment details are at the bottom of this letter; you can also scan the QR code with your banking app.`,
    `If something is not right with ${the}, or if paying is difficult at the moment, please contact us${via}. We will gladly look for a solution together.`,
  ];
  if (interrupts) paragraphs.push(stuiting(lang, principal, numbers));
  const subject = `${KIND_TITLE[lang].reminder} ${invoicesShort(numbers, lang)}`;
  const model = modelOf(b, {
    subject, paragraphs, specification: single ? undefined : specification(invoices),
    payment: paymentOf(b.business, invoices, principal, lastDay, b.reference, lang),
  });
  const summary: LetterSummary = {
    ...emptySummary(b, 'reminder'), subject, invoices: refsOf(invoices), principal, totalDue: principal, lastDay,
    interruptsLimitation: interrupts, warnings: b.req.invoiceIds ? [] : disputedWarning(b),
  };
  return {
    model, summary, debtor: b.debtor, invoiceIds: invoices.map((i) => i.id),
    fileName: letterFileName(b.date, KIND_TITLE.nl.reminder!, b.debtor.name),
    eventSummary: `Herinnering per brief verstuurd (${invoicesShort(numbers, 'nl')}): ${money(principal, 'nl')}, te betalen uiterlijk ${formatDate(lastDay)}${interrupts ? '; stuit de verjaring' : ''}`,
  };
}

function assertVatSurchargeAllowed(b: Base): void {
  if (b.req.vatSurcharge && b.business.can_deduct_vat === 1) {
    throw refuse('Btw over de incassokosten mag je alleen rekenen als je de btw niet kunt aftrekken en een incassobureau inschakelt. In je bedrijfsgegevens staat dat je btw kunt aftrekken.',
      'VAT on collection costs is only allowed when you cannot deduct VAT and use a collection agency; your business details say you can deduct VAT.');
  }
}

function composeFinalNotice(b: Base): Composition {
  if (b.debtor.kind !== 'business') {
    throw refuse('Een laatste aanmaning met kosten is voor zakelijke klanten. Stuur een particulier de veertiendagenbrief: pas daarna zijn incassokosten verschuldigd.',
      'A final notice with costs is for business customers; send a consumer the 14-day letter.');
  }
  requireAddress(b.debtor);
  assertVatSurchargeAllowed(b);
  const invoices = selectInvoices(b, true);
  if (invoices.length === 0) throw refuse('Er is nog geen vervallen factuur: een laatste aanmaning kan pas na de vervaldatum.', 'There is no overdue invoice yet.');
  const { lang } = b;
  const numbers = invoices.map((i) => i.number);
  const principal = invoices.reduce((s, i) => s + i.open, 0);
  const defaultLastDay = addWorkingDays(b.date, b.settings.finalNoticeWorkingDays);
  const lastDay = b.req.lastDay ?? defaultLastDay;
  if (lastDay <= b.date) throw refuse('De uiterste betaaldag moet na de datum van de brief liggen.', 'The last day must be after the letter date.');
  const claimInterest = b.req.claimInterest ?? true;
  const interest = claimInterest ? interestOf(b.ctx, invoices, 'commercial', b.date) : { total: 0, periods: [] };
  const vat = b.req.vatSurcharge === true;
  const costs = collectionCosts(principal);
  const costsTotal = collectionCosts(principal, { vatSurcharge: vat });
  const totalDue = principal + interest.total + costsTotal;
  const reminders = earlierReminderDates(b.ctx, invoices.map((i) => i.id), b.date);
  const via = contactVia(b.business.phone, b.business.email, lang);
  const n = b.settings.finalNoticeWorkingDays;
  const the = lang === 'nl' ? (invoices.length === 1 ? 'de factuur' : 'de facturen') : (invoices.length === 1 ? 'the invoice' : 'the invoices');
  const paragraphs: string[] = [];
  if (lang === 'nl') {
    paragraphs.push(reminders.length > 0
      ? `Op ${listJoin(reminders.map((d) => longDate(d, lang)), lang)} hebben wij u herinnerd aan de betaling van ${invoicesShort(numbers, lang)}. Wij hebben uw betaling nog niet ontvangen. Omdat de betaaltermijn is verstreken, bent u in verzuim.`
      : `Wij hebben de betaling van ${invoicesShort(numbers, lang)} nog niet ontvangen, terwijl de betaaltermijn is verstreken. U bent daarmee in verzuim.`);
    paragraphs.push(`Op grond van de wet bent u daarom ${claimInterest ? 'vanaf de dag na de vervaldatum de wettelijke handelsrente (art. 6:119a BW) en ' : ''}een vergoeding voor de buitengerechtelijke incassokosten (art. 6:96 BW) verschuldigd. De berekening staat hieronder.`);
    if (vat) paragraphs.push(vatDeclaration(lang));
    paragraphs.push(`Wij verzoeken u het totaalbedrag van **${money(totalDue, lang)}** uiterlijk op **${longDate(lastDay, lang)}** te betalen${lastDay === defaultLastDay ? `, dat is binnen ${numberWord(n, lang)} ${n === 1 ? 'werkdag' : 'werkdagen'} na de datum van deze brief` : ''}.`);
    paragraphs.push(stuiting(lang, totalDue, numbers));
    paragraphs.push(`Ontvangen wij uw betaling niet op tijd, dan dragen wij de vordering over aan een incassobureau. Dat willen wij liever voorkomen. Lukt betalen niet, of bent u het niet eens met ${the}? Neem dan vóór ${longDate(lastDay, lang)} contact met ons op${via}; dan kijken we samen naar een oplossing, zoals een betalingsregeling.`);
  } else {
    paragraphs.push(reminders.length > 0
      ? `On ${listJoin(reminders.map((d) => longDate(d, lang)), lang)} we reminded you of the payment of ${invoicesShort(numbers, lang)}. We have not yet received your payment. As the payment term has passed, you are in default.`
      : `We have not yet received payment of ${invoicesShort(numbers, lang)}, although the payment term has passed. You are therefore in default.`);
    paragraphs.push(`By law you therefore owe ${claimInterest ? 'statutory commercial interest from the day after the due date (art. 6:119a Dutch Civil Code) and ' : ''}compensation for extrajudicial collection costs (art. 6:96 Dutch Civil Code). The calculation is shown below.`);
    if (vat) paragraphs.push(vatDeclaration(lang));
    paragraphs.push(`We ask you to pay the total amount of **${money(totalDue, lang)}** by **${longDate(lastDay, lang)}** at the latest${lastDay === defaultLastDay ? `, that is within ${numberWord(n, lang)} working ${n === 1 ? 'day' : 'days'} of the date of this letter` : ''}.`);
    paragraphs.push(stuiting(lang, totalDue, numbers));
    paragraphs.push(`If we do not receive your payment in time, we will hand the claim over to a collection agency. We would rather avoid that. If you cannot pay, or if you disagree with ${the}, please contact us before ${longDate(lastDay, lang)}${via}; we will look for a solution together, such as a payment plan.`);
  }
  paragraphs.push(ALREADY_PAID[lang]);
  const subject = `${KIND_TITLE[lang]['final-notice']} ${invoicesShort(numbers, lang)}`;
  const model = modelOf(b, {
    subject, paragraphs, specification: specification(invoices),
    interest: claimInterest && interest.periods.length > 0 ? { periods: interest.periods, total: interest.total, kindLabel: INTEREST_KIND_LABEL[lang].commercial } : undefined,
    costs: { amount: costs, explanation: costsExplanation(principal, costs, lang), ...(vat ? { vat: costsTotal - costs } : {}) },
    totalDue,
    payment: paymentOf(b.business, invoices, totalDue, lastDay, b.reference, lang),
  });
  const summary: LetterSummary = {
    ...emptySummary(b, 'final-notice'), subject, invoices: refsOf(invoices), principal, interest: interest.total, costs: costsTotal,
    costsVat: costsTotal - costs, vatSurcharge: vat, totalDue, lastDay, interruptsLimitation: true, warnings: b.req.invoiceIds ? [] : disputedWarning(b),
  };
  return {
    model, summary, debtor: b.debtor, invoiceIds: invoices.map((i) => i.id),
    fileName: letterFileName(b.date, KIND_TITLE.nl['final-notice']!, b.debtor.name),
    eventSummary: `Laatste aanmaning verstuurd (${invoicesShort(numbers, 'nl')}): ${money(totalDue, 'nl')} incl. rente en incassokosten, uiterlijk ${formatDate(lastDay)}; stuit de verjaring`,
  };
}

function composeFourteenDay(b: Base): Composition {
  const { lang } = b;
  const vat = b.req.vatSurcharge === true;
  // Which invoices: always all overdue ones; a caller's own list is only accepted when it is the same.
  let included: Invoice[] = b.overdue;
  if (b.req.invoiceIds && b.req.invoiceIds.length > 0) {
    const byId = new Map(b.open.map((i) => [i.id, i]));
    included = [...new Set(b.req.invoiceIds)].map((id) => {
      const inv = byId.get(id);
      if (!inv) throw refuse('Een gekozen factuur hoort niet bij deze klant of staat niet meer open.', 'A chosen invoice does not belong to this customer or is no longer open.');
      return inv;
    }).sort((x, y) => x.dueDate.localeCompare(y.dueDate) || x.id - y.id);
  }
  const numbers = included.map((i) => i.number);
  const principal = included.reduce((s, i) => s + i.open, 0);
  const minimum = fourteenDayLetterDeadline(b.date);
  const defaultLastDay = b.settings.fourteenDayExtraDays > 0 ? nextWorkingDay(addDaysIso(minimum, b.settings.fourteenDayExtraDays)) : minimum;
  const lastDay = b.req.lastDay ?? defaultLastDay;
  const presumedDelivery = presumedDeliveryDate(b.date);
  const costsDueFrom = addDaysIso(lastDay, 1);
  const claimInterest = b.req.claimInterest ?? true;
  const interestAfterNotice = b.debtor.interest_after_notice === 1;
  const interest = claimInterest && !interestAfterNotice ? interestOf(b.ctx, included.filter((i) => i.dueDate < b.date), 'consumer', b.date) : { total: 0, periods: [] };
  const costs = collectionCosts(principal);
  const costsWithVat = vat ? collectionCosts(principal, { vatSurcharge: true }) : costs;
  const totalDue = principal + interest.total;
  const interrupts = b.req.interruptLimitation ?? true;
  const via = contactVia(b.business.phone, b.business.email, lang);
  const many = included.length !== 1;
  const paragraphs: string[] = [];
  if (lang === 'nl') {
    paragraphs.push(`Volgens onze administratie ${many ? 'zijn de facturen' : 'is de factuur'} hieronder nog niet (volledig) betaald, terwijl de betaaltermijn is verstreken. Het openstaande bedrag is in totaal **${money(principal, lang)}**.`);
    if (interest.total > 0) {
      paragraphs.push(`Over dit bedrag bent u vanaf de dag na de vervaldatum de wettelijke rente verschuldigd (art. 6:119 BW). Tot en met de datum van deze brief is dat **${money(interest.total, lang)}**; de berekening staat hieronder. Betaalt u binnen de termijn hieronder, dan brengen wij over de dagen daarna geen rente meer in rekening.`);
    }
    paragraphs.push(`Wij vragen u het bedrag van **${money(totalDue, lang)}** te betalen ${FOURTEEN_DAY_TERM.nl}. U heeft daarvoor in elk geval tot en met **${longDate(lastDay, lang)}**. Betaalt u binnen deze termijn, dan ${NOTHING_EXTRA.nl}.`);
    const interestAfter = claimInterest && interestAfterNotice
      ? ` Daarnaast bent u dan vanaf ${longDate(costsDueFrom, lang)} de wettelijke rente verschuldigd (art. 6:119 BW).`
      : interest.total > 0 ? ' Ook loopt de wettelijke rente dan door tot de dag van betaling.' : '';
    paragraphs.push(vat
      ? `Heeft u het volledige bedrag na afloop van deze termijn niet betaald, dan bent u daarnaast buitengerechtelijke incassokosten verschuldigd van **${money(costsWithVat, lang)}**: ${money(costs, lang)} volgens de wettelijke staffel (art. 6:96 BW en het Besluit vergoeding voor buitengerechtelijke incassokosten) over het totaal van de openstaande ${many ? 'facturen' : 'factuur'}, ${money(principal, lang)}, verhoogd met 21% btw (${money(costsWithVat - costs, lang)}).${interestAfter}`
      : `Heeft u het volledige bedrag na afloop van deze termijn niet betaald, dan bent u daarnaast buitengerechtelijke incassokosten verschuldigd van **${money(costs, lang)}**. Dat bedrag is berekend volgens de wettelijke staffel (art. 6:96 BW en het Besluit vergoeding voor buitengerechtelijke incassokosten) over het totaal van de openstaande ${many ? 'facturen' : 'factuur'}, ${money(principal, lang)}.${interestAfter}`);
    if (vat) paragraphs.push(vatDeclaration(lang));
    paragraphs.push(`Heeft u vragen over ${many ? 'de facturen' : 'de factuur'}, of lukt het niet om in één keer te betalen? Neem dan binnen de termijn contact met ons op${via}. Vaak is een betalingsregeling mogelijk.`);
  } else {
    paragraphs.push(`According to our records, ${many ? 'the invoices below have' : 'the invoice below has'} not been paid (in full), although the payment term has passed. The outstanding amount is **${money(principal, lang)}** in total.`);
    if (interest.total > 0) {
      paragraphs.push(`From the day after the due date you owe statutory interest on this amount (art. 6:119 Dutch Civil Code). Up to and including the date of this letter it amounts to **${money(interest.total, lang)}**; the calculation is shown below. If you pay within the term below, we will not charge interest for the days after that.`);
    }
    paragraphs.push(`We ask you to pay the amount of **${money(totalDue, lang)}** ${FOURTEEN_DAY_TERM.en}. In any case you have until **${longDate(lastDay, lang)}** inclusive. If you pay within this term, ${NOTHING_EXTRA.en}.`);
    const interestAfter = claimInterest && interestAfterNotice
      ? ` In addition you will then owe statutory interest from ${longDate(costsDueFrom, lang)} (art. 6:119 Dutch Civil Code).`
      : interest.total > 0 ? ' Statutory interest will then also continue to accrue until the day of payment.' : '';
    paragraphs.push(vat
      ? `If you have not paid the full amount when this term has ended, you will also owe extrajudicial collection costs of **${money(costsWithVat, lang)}**: ${money(costs, lang)} under the statutory scale (art. 6:96 Dutch Civil Code and the Decree on extrajudicial collection costs) on the total of the outstanding ${many ? 'invoices' : 'invoice'}, ${money(principal, lang)}, increased by 21% VAT (${money(costsWithVat - costs, lang)}).${interestAfter}`
      : `If you have not paid the full amount when this term has ended, you will also owe extrajudicial collection costs of **${money(costs, lang)}**. This amount is calculated under the statutory scale (art. 6:96 Dutch Civil Code and the Decree on extrajudicial collection costs) on the total of the outstanding ${many ? 'invoices' : 'invoice'}, ${money(principal, lang)}.${interestAfter}`);
    if (vat) paragraphs.push(vatDeclaration(lang));
    paragraphs.push(`If you have questions about ${many ? 'the invoices' : 'the invoice'}, or if you cannot pay in one go, please contact us within the term${via}. A payment plan is often possible.`);
  }
  if (interrupts) paragraphs.push(stuiting(lang, totalDue, numbers));
  paragraphs.push(ALREADY_PAID[lang]);

  const checks = fourteenDayChecks({
    language: lang,
    debtorKind: b.debtor.kind,
    date: b.date,
    addressMissing: missingAddress(b.debtor),
    included: included.map((i): InvoiceRef => ({ id: i.id, number: i.number, dueDate: i.dueDate })),
    overdue: b.overdue.map((i): InvoiceRef => ({ id: i.id, number: i.number, dueDate: i.dueDate })),
    notYetDue: b.open.filter((i) => i.dueDate >= b.date).map((i): InvoiceRef => ({ id: i.id, number: i.number, dueDate: i.dueDate })),
    needsEarlierNotice: interestAfterNotice,
    earlierNoticeLastDay: interestAfterNotice ? earlierNoticeLastDays(b.ctx, included.map((i) => i.id), b.date) : new Map(),
    lastDay,
    text: paragraphs.join('\n'),
    principal,
    costs,
    costsWithVat,
    vatSurcharge: vat,
    businessCanDeductVat: b.business.can_deduct_vat === 1,
    specificationRows: included.length,
  });
  const failed = checks.filter((c) => !c.ok);
  if (failed.length > 0) {
    throw new AppError('forbidden',
      `Deze veertiendagenbrief wordt niet gemaakt, want hij zou niet aan de wet voldoen. ${failed.map((c) => c.message).join(' ')}`,
      `This 14-day letter is not made because it would not meet the law. ${failed.map((c) => c.messageEn).join(' ')}`,
      Object.fromEntries(failed.map((c) => [`checklist.${c.item}`, c.message])));
  }

  const subject = `${lang === 'nl' ? 'Aanmaning' : 'Demand for payment'} ${invoicesShort(numbers, lang)}`;
  const model = modelOf(b, {
    subject, paragraphs, specification: specification(included),
    interest: interest.periods.length > 0 ? { periods: interest.periods, total: interest.total, kindLabel: INTEREST_KIND_LABEL[lang].consumer } : undefined,
    totalDue: interest.total > 0 ? totalDue : undefined,
    payment: paymentOf(b.business, included, totalDue, lastDay, b.reference, lang),
  });
  const summary: LetterSummary = {
    ...emptySummary(b, 'fourteen-day'), subject, invoices: refsOf(included), principal, interest: interest.total, costs: costsWithVat,
    costsVat: costsWithVat - costs, vatSurcharge: vat, totalDue, lastDay, presumedDelivery, costsDueFrom, interruptsLimitation: interrupts,
    checks: checks.map(({ item, title, ok, message }) => ({ item, title, ok, message })), warnings: disputedWarning(b),
  };
  return {
    model, summary, debtor: b.debtor, invoiceIds: included.map((i) => i.id),
    fileName: letterFileName(b.date, KIND_TITLE.nl['fourteen-day']!, b.debtor.name),
    eventSummary: `Veertiendagenbrief verstuurd (${invoicesShort(numbers, 'nl')}): ${money(totalDue, 'nl')}, zonder extra kosten te betalen t/m ${formatDate(lastDay)}; daarna ${money(costsWithVat, 'nl')} incassokosten`,
  };
}

interface PlanRow {
  id: number; debtor_id: number; principal_cents: number; interest_cents: number; costs_cents: number; total_cents: number;
  first_date: string; interval: 'week' | 'two-weeks' | 'month'; status: string; acceleration_clause: number; created_at: string;
}

function composeArrangement(b: Base): Composition {
  const { lang, ctx } = b;
  const plan = (b.req.planId
    ? ctx.sqlite.prepare('SELECT * FROM payment_plans WHERE id = ? AND debtor_id = ?').get(b.req.planId, b.debtor.id)
    : ctx.sqlite.prepare("SELECT * FROM payment_plans WHERE debtor_id = ? AND status = 'active' ORDER BY id DESC LIMIT 1").get(b.debtor.id)) as PlanRow | undefined;
  if (!plan) throw refuse('Er is voor deze klant geen betalingsregeling vastgelegd om te bevestigen.', 'There is no payment plan recorded for this customer.');
  requireAddress(b.debtor);
  const installments = ctx.sqlite.prepare('SELECT seq, due_date AS dueDate, amount_cents AS amount FROM installments WHERE plan_id = ? ORDER BY seq')
    .all(plan.id) as { seq: number; dueDate: string; amount: number }[];
  if (installments.length === 0) throw refuse('Deze betalingsregeling heeft nog geen termijnen.', 'This payment plan has no installments.');
  // The invoices of the plan: those of the event that recorded it, else every open invoice.
  const linked = ctx.sqlite.prepare(`
    SELECT ei.invoice_id AS id FROM events e JOIN event_invoices ei ON ei.event_id = e.id
    WHERE e.debtor_id = ? AND e.type = 'arrangement.created' AND json_extract(e.data_json, '$.planId') = ?
  `).all(b.debtor.id, plan.id) as { id: number }[];
  const all = invoicesOfDebtor(ctx, b.debtor.id).filter((i) => i.kind === 'invoice');
  const invoices = linked.length > 0 ? all.filter((i) => linked.some((l) => l.id === i.id)) : b.open;
  const numbers = invoices.map((i) => i.number);
  const first = installments[0]!;
  const via = contactVia(b.business.phone, b.business.email, lang);
  const reference = invoices.length === 1 && isValidBetalingskenmerk(invoices[0]!.paymentReference)
    ? formatBetalingskenmerk(invoices[0]!.paymentReference)
    : lang === 'nl' ? `regeling ${b.reference}` : `plan ${b.reference}`;
  const interestContinues = b.req.interestContinues ?? false;
  const n = installments.length;
  const parts = [`${money(plan.principal_cents, lang)} ${lang === 'nl' ? 'aan openstaande facturen' : 'in outstanding invoices'}`];
  if (plan.interest_cents > 0) parts.push(`${money(plan.interest_cents, lang)} ${lang === 'nl' ? 'rente' : 'interest'}`);
  if (plan.costs_cents > 0) parts.push(`${money(plan.costs_cents, lang)} ${lang === 'nl' ? 'incassokosten' : 'collection costs'}`);
  const schedule = installments.map((i) => lang === 'nl'
    ? `Termijn ${i.seq}: ${money(i.amount, lang)}, uiterlijk ${longDate(i.dueDate, lang)}`
    : `Instalment ${i.seq}: ${money(i.amount, lang)}, by ${longDate(i.dueDate, lang)}`).join('\n');
  const paragraphs = lang === 'nl' ? [
    `Hierbij bevestigen wij de betalingsregeling die wij met u hebben afgesproken${numbers.length > 0 ? ` voor ${invoicesShort(numbers, lang)}` : ''}. U betaalt in totaal **${money(plan.total_cents, lang)}** in ${n === 1 ? 'één termijn' : `${n} termijnen`}, de eerste uiterlijk op **${longDate(first.dueDate, lang)}**.`,
    `Dit bedrag bestaat uit ${listJoin(parts, lang)}.`,
    `**Betaalschema**\n${schedule}`,
    `Wilt u elke termijn overmaken naar ${formatIban(b.business.iban)} ten name van ${b.business.name}, onder vermelding van ${reference}?`,
    interestContinues ? 'Tijdens de regeling loopt de wettelijke rente over het openstaande bedrag door.' : 'Zolang u de termijnen op tijd betaalt, brengen wij tijdens de regeling geen verdere rente of kosten in rekening.',
    ...(plan.acceleration_clause === 1 ? ['Betaalt u een termijn niet op tijd, dan is het hele resterende bedrag in één keer opeisbaar, zonder dat wij u daarvoor eerst hoeven aan te manen.'] : []),
    `Lukt het een keer niet om een termijn op tijd te betalen? Neem dan vóór de vervaldag contact met ons op${via}; dan kijken we samen wat mogelijk is.`,
    `Wilt u deze brief ondertekenen voor akkoord en een kopie aan ons terugsturen? Daarmee erkent u dat u het bedrag van ${money(plan.total_cents, lang)} verschuldigd bent (art. 3:318 BW).`,
  ] : [
    `We hereby confirm the payment plan we agreed with you${numbers.length > 0 ? ` for ${invoicesShort(numbers, lang)}` : ''}. You will pay **${money(plan.total_cents, lang)}** in total in ${n === 1 ? 'one instalment' : `${n} instalments`}, the first by **${longDate(first.dueDate, lang)}**.`,
    `This amount consists of ${listJoin(parts, lang)}.`,
    `**Payment schedule**\n${schedule}`,
    `Please transfer each instalment to ${formatIban(b.business.iban)} in the name of ${b.business.name}, quoting ${reference}.`,
    interestContinues ? 'Statutory interest on the outstanding amount continues to accrue during the plan.' : 'As long as you pay the instalments on time, we will not charge any further interest or costs during the plan.',
    ...(plan.acceleration_clause === 1 ? ['If an instalment is not paid on time, the entire remaining amount becomes due at once, without any prior notice from us.'] : []),
    `If you ever cannot pay an instalment on time, please contact us before its due date${via}; we will see together what is possible.`,
    `Please sign this letter for agreement and return a copy to us. By doing so you acknowledge that you owe the amount of ${money(plan.total_cents, lang)} (art. 3:318 Dutch Civil Code).`,
  ];
  const subject = KIND_TITLE[lang]['arrangement-confirmation']!;
  const payment = paymentOf(b.business, invoices, first.amount, first.dueDate, reference, lang);
  if (payment && !(invoices.length === 1 && isValidBetalingskenmerk(invoices[0]!.paymentReference))) {
    payment.reference = reference;
    payment.referenceLabel = REFERENCE_LABEL_TEXT[lang];
  }
  const model = modelOf(b, {
    subject, paragraphs, specification: invoices.length > 0 ? specification(invoices) : undefined, payment,
    signatureBlock: lang === 'nl'
      ? { heading: `Voor akkoord, ${b.debtor.name}`, fields: ['Naam', 'Datum', 'Handtekening'] }
      : { heading: `Agreed, ${b.debtor.name}`, fields: ['Name', 'Date', 'Signature'] },
  });
  const summary: LetterSummary = {
    ...emptySummary(b, 'arrangement-confirmation'), subject, invoices: refsOf(invoices), principal: plan.principal_cents,
    interest: plan.interest_cents, costs: plan.costs_cents, totalDue: plan.total_cents, lastDay: first.dueDate, planId: plan.id,
  };
  return {
    model, summary, debtor: b.debtor, invoiceIds: invoices.map((i) => i.id),
    fileName: letterFileName(b.date, KIND_TITLE.nl['arrangement-confirmation']!, b.debtor.name),
    eventSummary: `Bevestiging betalingsregeling verstuurd: ${n} ${n === 1 ? 'termijn' : 'termijnen'}, totaal ${money(plan.total_cents, 'nl')}, eerste termijn uiterlijk ${formatDate(first.dueDate)}`,
  };
}

/** `{klant}`, `{{klant}}` and the other placeholders of a free letter's text. */
export function fillPlaceholders(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{\s*([a-z]+)\s*\}\}|\{([a-z]+)\}/gi, (whole, a: string | undefined, b: string | undefined) => {
    const key = (a ?? b ?? '').toLowerCase();
    return Object.prototype.hasOwnProperty.call(values, key) ? values[key]! : whole;
  });
}

function composeFree(b: Base): Composition {
  const { lang, ctx } = b;
  let subject = b.req.subject ?? '';
  let body = b.req.body ?? '';
  if (b.req.templateId) {
    const t = ctx.sqlite.prepare('SELECT subject, body FROM templates WHERE id = ?').get(b.req.templateId) as { subject: string; body: string } | undefined;
    if (!t) throw new AppError('not-found', 'Dit sjabloon bestaat niet (meer).', 'This template does not exist.');
    subject = subject || t.subject;
    body = body || t.body;
  }
  requireAddress(b.debtor);
  const invoices = selectInvoices(b, false);
  const principal = (invoices.length > 0 ? invoices : b.open).reduce((s, i) => s + i.open, 0);
  const values: Record<string, string> = {
    klant: b.debtor.name, naam: b.debtor.name, bedrijf: b.business.name, datum: longDate(b.date, lang), bedrag: money(principal, lang),
    openstaand: money(principal, lang), facturen: listJoin((invoices.length > 0 ? invoices : b.open).map((i) => i.number), lang),
    iban: formatIban(b.business.iban), contactpersoon: b.debtor.contact_name ?? b.debtor.name,
  };
  subject = fillPlaceholders(subject, values).trim();
  const paragraphs = fillPlaceholders(body, values).replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== '');
  if (subject === '') throw new AppError('invalid-input', 'Geef de brief een onderwerp.', 'Give the letter a subject.', { subject: 'Geef de brief een onderwerp.' });
  if (paragraphs.length === 0) throw new AppError('invalid-input', 'De brief heeft nog geen tekst.', 'The letter has no text yet.', { body: 'Schrijf de tekst van de brief.' });
  // A text written as a whole letter brings its own salutation and closing: use those, not ours.
  let ownSalutation: string | undefined;
  let ownClosing: string | undefined;
  if (paragraphs.length > 1 && /^(geachte|beste|hallo|dag|dear|hello)\b[^\n]{0,80}$/i.test(paragraphs[0]!)) ownSalutation = paragraphs.shift();
  if (paragraphs.length > 1 && /^(met vriendelijke groet|vriendelijke groet|hartelijke groet|groet|hoogachtend|kind regards|best regards|regards|yours sincerely|sincerely)[,.!]?$/i.test(paragraphs.at(-1)!)) {
    ownClosing = paragraphs.pop()!.replace(/[.!]?$/, '').replace(/,?$/, ',');
  }
  const interrupts = b.req.interruptLimitation ?? false;
  if (interrupts) paragraphs.push(stuiting(lang, principal, (invoices.length > 0 ? invoices : b.open).map((i) => i.number)));
  const lastDay = b.req.lastDay ?? null;
  const model = modelOf(b, {
    subject, paragraphs,
    ...(ownSalutation ? { salutation: ownSalutation } : {}),
    ...(ownClosing ? { closing: ownClosing } : {}),
    specification: invoices.length > 0 ? specification(invoices) : undefined,
    payment: invoices.length > 0 ? paymentOf(b.business, invoices, principal, lastDay ?? undefined, b.reference, lang) : undefined,
  });
  const summary: LetterSummary = {
    ...emptySummary(b, 'free'), subject, invoices: refsOf(invoices), principal: invoices.length > 0 ? principal : 0,
    totalDue: invoices.length > 0 ? principal : 0, lastDay, interruptsLimitation: interrupts,
  };
  return {
    model, summary, debtor: b.debtor, invoiceIds: (interrupts && invoices.length === 0 ? b.open : invoices).map((i) => i.id),
    fileName: letterFileName(b.date, subject, b.debtor.name),
    eventSummary: `Brief verstuurd: ${subject}${interrupts ? ' (stuit de verjaring)' : ''}`,
  };
}

// ---------------------------------------------------------------------------------------------

/** Builds the letter a request asks for, or refuses with a message that says why. */
export async function composeLetter(ctx: Context, req: LetterInput): Promise<Composition> {
  const business = requireBusiness(ctx);
  const debtor = await getDebtorRow(ctx, req.debtorId);
  const settings = getLetterSettings(ctx);
  const date = req.date ?? ctx.today();
  const lang: Lang = req.language ?? debtor.language;
  const open = invoicesOfDebtor(ctx, debtor.id).filter((i) => i.kind === 'invoice' && i.open > 0);
  const overdueAll = open.filter((i) => i.dueDate < date);
  const base: Base = {
    ctx, req, business, debtor, settings, date, lang, open,
    overdue: overdueAll.filter((i) => !i.disputed),
    disputedOverdue: overdueAll.filter((i) => i.disputed),
    reference: ourReference(debtor.id, date, req.kind),
  };
  switch (req.kind) {
    case 'reminder': return composeReminder(base);
    case 'final-notice': return composeFinalNotice(base);
    case 'fourteen-day': return composeFourteenDay(base);
    case 'arrangement-confirmation': return composeArrangement(base);
    case 'free': return composeFree(base);
  }
}

/** The test print: a sample letter with the envelope window drawn on it. */
export function composeTestPrint(ctx: Context, window?: LetterModel['window']): LetterModel {
  const business = requireBusiness(ctx);
  const settings = getLetterSettings(ctx);
  const lang: Lang = business.letter_language;
  const w = window ?? settings.window;
  return {
    language: lang,
    sender: senderOf(ctx, business),
    recipient: lang === 'nl'
      ? { name: 'Naam van de ontvanger', contactName: 'de contactpersoon', street: 'Straatnaam 123', postcode: '1234 AB', city: 'Plaatsnaam' }
      : { name: 'Name of the recipient', contactName: 'the contact person', street: 'Street name 123', postcode: '1234 AB', city: 'Town' },
    window: w,
    place: settings.placeInUse || business.city,
    date: ctx.today(),
    ourReference: 'TEST',
    subject: KIND_TITLE[lang].test!,
    salutation: lang === 'nl' ? 'Testafdruk voor de vensterenvelop' : 'Test print for the window envelope',
    paragraphs: lang === 'nl' ? [
      'Druk deze pagina af op gewoon A4-papier, zonder "passend maken" of schalen (100%).',
      'Vouw het vel op de twee vouwtekens in de linkermarge en steek het in een vensterenvelop (EA5/6 of DL, 110 × 220 mm). Het rode kader is het venster zoals het nu is ingesteld: het adres moet er helemaal binnen vallen, en het kader moet achter het venster van de envelop liggen.',
      'Valt het adres niet goed in het venster? Meet dan de afstand van de bovenkant en van de linkerkant van de envelop tot het venster, en pas de maten aan op het scherm Brieven, onder Vensterenvelop en ondertekening.',
    ] : [
      'Print this page on plain A4 paper without "fit to page" or scaling (100%).',
      'Fold the sheet at the two fold marks in the left margin and put it in a window envelope (DL, 110 × 220 mm). The red frame is the window as currently set: the address must be entirely inside it, and the frame must lie behind the envelope window.',
      'If the address does not fit the window, measure the distance from the top and from the left edge of the envelope to the window and adjust them on the Letters screen, under Window envelope and signature.',
    ],
    closing: CLOSING[lang],
    signatureName: settings.signatureName ?? business.contact_name ?? business.name,
    drawWindowOutline: true,
  };
}

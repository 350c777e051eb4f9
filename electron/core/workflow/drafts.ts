// One-click mail drafts: a step's template filled in for one customer and the invoices that are due
// for that step, plus a PDF specification with the payment details and the EPC QR code. The user
// edits the text, opens it in their own mail program (.eml) or copies it, and then marks it as
// sent; only then is anything recorded: the exact text and the PDF as immutable documents, and one
// event linked to every covered invoice. The app never sends mail itself.
import type { Selectable } from 'kysely';
import type { FileBytes, ParsedInputOf } from '../../../shared/contract';
import { addDaysIso, daysBetween } from '../../../shared/domain/dates';
import type { Invoice } from '../../../shared/domain/ledger';
import type { ArrangementInterval } from '../../../shared/domain/arrangement';
import { isArrangementStep, type MailDraft, type MailStep, type SentMail, type Tone } from '../../../shared/domain/workflow';
import {
  addWorkingDays, epcQrPayload, formatBetalingskenmerk, formatIban, formatRfReference, isValidBetalingskenmerk, isValidRfReference, nextWorkingDay,
} from '../../../shared/law';
import { renderTemplate } from '../../../shared/workflow/render';
import type { Context } from '../context';
import { transaction } from '../db/transaction';
import type { DebtorsTable } from '../db/schema';
import { AppError } from '../errors';
import { invoicesOfDebtor } from '../ledger/balances';
import { addEvent } from '../ledger/events';
import { buildLetterDocument, type LetterModel } from '../letters/layout';
import { renderPdf } from '../pdf';
import { sha256Hex } from '../util/hash';
import { arrangementForDraft, type ArrangementDraft } from './arrangements';
import { day, listJoin, money, requireBusiness, safeFileName, stepName, toBase64, type BusinessRow, type Lang } from './common';
import { buildEml } from './eml';
import { evaluateLedger, loadWorkflowSettings } from './load';
import { getTemplate } from './templates';

type DebtorRow = Selectable<DebtorsTable>;

export interface CallInfo { eventId: number; date: string; notes: string; invoiceIds: number[]; promise: { date: string; amount: number | null } | null }

export interface DraftContext {
  business: BusinessRow;
  debtor: DebtorRow;
  invoices: Invoice[];
  step: MailStep;
  tone: Tone;
  language: Lang;
  call: CallInfo | null;
  /** Arrangement mails: the plan and the installment they are about. */
  arrangement: ArrangementDraft | null;
  today: string;
}

const REMINDER_STEPS: readonly MailStep[] = ['nudge', 'reminder-1', 'reminder-2'];
const isConfirmation = (step: MailStep) => step === 'call-confirmation' || step === 'promise-confirmation';

/** The call a confirmation is about: the one asked for, or the customer's latest. */
export function callInfo(ctx: Context, debtorId: number, callEventId?: number): CallInfo | null {
  const row = ctx.sqlite.prepare(`SELECT id, occurred_on, data_json FROM events WHERE debtor_id = ? AND type = 'call.logged' ${callEventId ? 'AND id = ?' : ''}
    ORDER BY occurred_on DESC, id DESC LIMIT 1`).get(...(callEventId ? [debtorId, callEventId] : [debtorId])) as { id: number; occurred_on: string; data_json: string } | undefined;
  if (!row) {
    if (callEventId) throw new AppError('not-found', 'Dit telefoongesprek bestaat niet (meer).', 'This call does not exist.');
    return null;
  }
  const data = JSON.parse(row.data_json) as { notes?: string; promisedDate?: string; promisedAmount?: number | null };
  const invoiceIds = (ctx.sqlite.prepare('SELECT invoice_id FROM event_invoices WHERE event_id = ?').all(row.id) as { invoice_id: number }[]).map((r) => r.invoice_id);
  return {
    eventId: row.id, date: row.occurred_on, notes: data.notes ?? '', invoiceIds,
    promise: data.promisedDate ? { date: data.promisedDate, amount: data.promisedAmount ?? null } : null,
  };
}

/** Everything a draft is made from; the default invoices are those due for the step. */
export function draftContext(ctx: Context, input: { debtorId: number; step: MailStep; tone?: Tone; invoiceIds?: number[]; callEventId?: number; planId?: number; seq?: number }): DraftContext {
  const business = requireBusiness(ctx);
  const debtor = ctx.sqlite.prepare('SELECT * FROM debtors WHERE id = ?').get(input.debtorId) as DebtorRow | undefined;
  if (!debtor) throw new AppError('not-found', 'Deze klant bestaat niet (meer).', 'This customer does not exist.');
  if (isArrangementStep(input.step)) {
    // About the arrangement's invoices, also when the last installments (interest, costs) come
    // after every invoice was paid: then the paid invoices are named for reference.
    const arrangement = arrangementForDraft(ctx, debtor.id, input.step, input.planId, input.seq);
    const all = invoicesOfDebtor(ctx, debtor.id).filter((i) => i.kind === 'invoice');
    const linked = all.filter((i) => arrangement.invoiceIds.includes(i.id));
    const openLinked = linked.filter((i) => i.open > 0);
    const invoices = openLinked.length ? openLinked : linked.length ? linked : all.filter((i) => i.open > 0);
    return {
      business, debtor, invoices, step: input.step, tone: input.tone ?? loadWorkflowSettings(ctx).defaultTone,
      language: debtor.language, call: null, arrangement, today: ctx.today(),
    };
  }
  const open = invoicesOfDebtor(ctx, debtor.id).filter((i) => i.kind === 'invoice' && i.open > 0);
  const call = isConfirmation(input.step) ? callInfo(ctx, debtor.id, input.callEventId) : null;
  if (isConfirmation(input.step) && !call) {
    throw new AppError('forbidden', 'Leg eerst het telefoongesprek vast; de bevestiging gaat over dat gesprek.', 'Log the call first; the confirmation is about that call.');
  }

  let ids = input.invoiceIds;
  if (!ids) {
    if (call) {
      ids = call.invoiceIds.filter((id) => open.some((i) => i.id === id));
    } else {
      const state = evaluateLedger(ctx, debtor.id)[0]?.state;
      const action = state?.actions.find((a) => a.step === input.step);
      if (action) ids = action.invoiceIds;
      else {
        const held = new Set(state?.invoices.filter((i) => i.pausedBy.includes('dispute') || i.pausedBy.includes('stopped')).map((i) => i.invoiceId) ?? []);
        const candidates = open.filter((i) => !held.has(i.id));
        const notYetDue = candidates.filter((i) => i.daysOverdue <= 0);
        ids = (input.step === 'nudge' && notYetDue.length ? notYetDue : candidates.filter((i) => input.step === 'nudge' || i.daysOverdue > 0)).map((i) => i.id);
      }
    }
    if (ids.length === 0) ids = open.map((i) => i.id);
  }
  const chosen = new Set(ids);
  const invoices = open.filter((i) => chosen.has(i.id));
  if (invoices.length !== chosen.size) {
    throw new AppError('invalid-input', 'Een gekozen factuur hoort niet bij deze klant of staat niet meer open.', 'A chosen invoice does not belong to this customer or is no longer open.');
  }
  if (invoices.length === 0) throw new AppError('forbidden', 'Deze klant heeft geen openstaande facturen.', 'This customer has no open invoices.');
  return {
    business, debtor, invoices, step: input.step, tone: input.tone ?? loadWorkflowSettings(ctx).defaultTone,
    language: debtor.language, call, arrangement: null, today: ctx.today(),
  };
}

/** The last day to pay that a message of this step asks for. */
export function lastDayToPay(dc: Pick<DraftContext, 'step' | 'today' | 'invoices' | 'call'> & { arrangement?: ArrangementDraft | null }): string {
  const week = nextWorkingDay(addDaysIso(dc.today, 7));
  if (dc.arrangement) return (dc.arrangement.installment ?? dc.arrangement.view.next ?? dc.arrangement.view.installments[0])?.dueDate ?? week;
  switch (dc.step) {
    case 'nudge': {
      const earliest = dc.invoices.map((i) => i.dueDate).sort()[0]!;
      return earliest >= dc.today ? earliest : week;
    }
    case 'reminder-2': return addWorkingDays(dc.today, 5);
    case 'promise-confirmation': return dc.call?.promise?.date ?? week;
    default: return week;
  }
}

function formatReference(ref: string): string {
  if (isValidRfReference(ref)) return formatRfReference(ref);
  if (isValidBetalingskenmerk(ref)) return formatBetalingskenmerk(ref);
  return ref;
}

/** `Nieuwe huisstijl` → `nieuwe huisstijl` (it follows "de factuur voor"), but `SEO-audit` stays. */
function lowerFirst(s: string): string {
  return /^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLocaleLowerCase('nl') + s.slice(1) : s;
}

/** The values of every template variable for this draft (shared/workflow/render.ts lists them). */
export function templateVariables(dc: DraftContext): Record<string, string> {
  const lang = dc.language;
  const b = dc.business;
  const invs = dc.invoices;
  const total = invs.reduce((s, i) => s + i.open, 0);
  const earliestDue = invs.map((i) => i.dueDate).sort()[0] ?? dc.today;
  const services = [...new Set(invs.map((i) => i.description.trim()).filter(Boolean))];
  const lines = invs.map((i) => {
    const what = i.description.trim() ? ` (${i.description.trim()})` : '';
    const amount = i.open === i.amount ? money(i.open, lang)
      : lang === 'nl' ? `nog ${money(i.open, lang)} open van ${money(i.amount, lang)}` : `${money(i.open, lang)} still open of ${money(i.amount, lang)}`;
    return lang === 'nl'
      ? `- Factuur ${i.number} van ${day(i.invoiceDate)}${what}: ${amount}, vervaldatum ${day(i.dueDate)}`
      : `- Invoice ${i.number} of ${day(i.invoiceDate)}${what}: ${amount}, due ${day(i.dueDate)}`;
  });
  const references = invs.length === 1
    ? formatReference(invs[0]!.paymentReference)
    : invs.map((i) => `${formatReference(i.paymentReference)} (${i.number})`).join(lang === 'nl' ? ' en ' : ' and ');
  const promise = dc.call?.promise;
  return {
    'klant.naam': dc.debtor.name,
    contactpersoon: dc.debtor.contact_name?.trim() || dc.debtor.name,
    dienst: services.length ? listJoin(services.map(lowerFirst), lang) : lang === 'nl' ? 'de geleverde diensten' : 'the services delivered',
    facturen: lines.join('\n'),
    factuur: `${lang === 'nl' ? (invs.length === 1 ? 'factuur' : 'facturen') : invs.length === 1 ? 'invoice' : 'invoices'} ${listJoin(invs.map((i) => i.number), lang)}`,
    factuurnummers: listJoin(invs.map((i) => i.number), lang),
    totaal: money(total, lang),
    vervaldatum: day(earliestDue),
    dagen_te_laat: String(Math.max(0, daysBetween(earliestDue, dc.today))),
    uiterste_betaaldatum: day(lastDayToPay(dc)),
    iban: formatIban(b.iban),
    betalingskenmerk: references,
    'bedrijf.naam': b.name,
    'bedrijf.telefoon': b.phone ?? '',
    'bedrijf.email': b.email ?? '',
    afzender: b.contact_name?.trim() || b.name,
    vandaag: day(dc.today),
    'gesprek.datum': dc.call ? day(dc.call.date) : '',
    'gesprek.notities': dc.call?.notes.trim() || '—',
    'belofte.datum': promise ? day(promise.date) : '',
    'belofte.bedrag': promise ? money(promise.amount ?? total, lang) : money(total, lang),
    ...(dc.arrangement ? arrangementVariables(dc, dc.arrangement) : {}),
  };
}

const INTERVAL_WORDS: Record<Lang, Record<ArrangementInterval, string>> = {
  nl: { week: 'wekelijkse', 'two-weeks': 'tweewekelijkse', month: 'maandelijkse' },
  en: { week: 'weekly', 'two-weeks': 'fortnightly', month: 'monthly' },
};

/** The schedule as lines for a mail or a letter: `- Termijn 2: € 453,75, uiterlijk 24-11-2026 (betaald)`. */
export function scheduleLines(a: ArrangementDraft, lang: Lang): string {
  const state = (status: string, paid: number) => {
    if (status === 'paid') return lang === 'nl' ? ' (betaald)' : ' (paid)';
    if (paid > 0) return lang === 'nl' ? ` (${money(paid, lang)} betaald)` : ` (${money(paid, lang)} paid)`;
    return '';
  };
  return a.view.installments.map((i) => lang === 'nl'
    ? `- Termijn ${i.seq}: ${money(i.amount, lang)}, uiterlijk ${day(i.dueDate)}${state(i.status, i.paid)}`
    : `- Installment ${i.seq}: ${money(i.amount, lang)}, by ${day(i.dueDate)}${state(i.status, i.paid)}`).join('\n');
}

/** The reference to quote with an installment: the invoice's kenmerk when there is one, else a plain text. */
export function arrangementReference(dc: Pick<DraftContext, 'invoices' | 'language'>, a: ArrangementDraft): { reference: string; structured: string | null } {
  const single = dc.invoices.length === 1 ? dc.invoices[0]! : null;
  if (single && (isValidRfReference(single.paymentReference) || isValidBetalingskenmerk(single.paymentReference))) {
    return { reference: formatReference(single.paymentReference), structured: single.paymentReference };
  }
  // Only characters every Dutch bank keeps in a description (the SEPA set): letters, digits, ( ) , -
  const numbers = dc.invoices.map((i) => i.number).join(', ');
  const seq = a.installment ? ` (${dc.language === 'nl' ? 'termijn' : 'installment'} ${a.installment.seq})` : '';
  return { reference: `${dc.language === 'nl' ? 'Regeling' : 'Arrangement'} ${numbers}${seq}`.trim().slice(0, 140), structured: null };
}

/** The arrangement's variables (shared/workflow/render.ts lists them with the steps that offer them). */
function arrangementVariables(dc: DraftContext, a: ArrangementDraft): Record<string, string> {
  const lang = dc.language;
  const v = a.view;
  const inst = a.installment ?? v.next ?? v.installments[0]!;
  const friendly = dc.tone === 'vriendelijk';
  const parts = [lang === 'nl' ? `${money(v.principal, lang)} aan openstaande facturen` : `${money(v.principal, lang)} in outstanding invoices`];
  if (v.interest > 0) parts.push(lang === 'nl' ? `${money(v.interest, lang)} rente` : `${money(v.interest, lang)} interest`);
  if (v.costs > 0) parts.push(lang === 'nl' ? `${money(v.costs, lang)} incassokosten` : `${money(v.costs, lang)} collection costs`);
  const clause = !v.accelerationClause ? '' : lang === 'nl'
    ? friendly
      ? 'Wordt een termijn niet op tijd betaald, dan is het hele resterende bedrag in één keer opeisbaar. Lukt een termijn een keer niet, laat het me dan vóór de datum weten; dan kijken we samen wat kan.'
      : 'Wordt een termijn niet op tijd betaald, dan is het gehele resterende bedrag direct in één keer opeisbaar, zonder nadere ingebrekestelling. Lukt een termijn een keer niet, neemt u dan vóór de vervaldag contact met mij op.'
    : friendly
      ? 'If an installment is not paid on time, the whole remaining amount becomes due at once. If an installment ever does not work out, please let me know before its date; we will see together what is possible.'
      : 'If an installment is not paid on time, the entire remaining amount becomes due at once, without further notice. If you cannot pay an installment on time, please contact me before its due date.';
  return {
    'termijn.nummer': String(inst.seq),
    'termijn.bedrag': money(a.installment ? a.installment.open : inst.amount, lang),
    'termijn.datum': day(inst.dueDate),
    'regeling.aantal': String(v.installments.length),
    'regeling.totaal': money(v.total, lang),
    'regeling.opbouw': listJoin(parts, lang),
    'regeling.schema': scheduleLines(a, lang),
    'regeling.termijnen': v.installments.length === 1
      ? (lang === 'nl' ? 'één termijn' : 'one installment')
      : `${v.installments.length} ${INTERVAL_WORDS[lang][v.interval]} ${lang === 'nl' ? 'termijnen' : 'installments'}`,
    'regeling.betaald': money(v.paid, lang),
    'regeling.resterend': money(v.remaining, lang),
    'regeling.vervalbeding': clause,
    betalingskenmerk: arrangementReference(dc, a).reference,
  };
}

const REF_CODE: Record<MailStep, string> = {
  nudge: 'N', 'reminder-1': 'H1', 'reminder-2': 'H2', 'call-confirmation': 'B', 'promise-confirmation': 'T', 'installment-reminder': 'RT', 'arrangement-confirmation': 'R',
};

/** The PDF specification: the covered invoices, the total and how to pay (with the EPC QR code). */
export function specificationModel(dc: DraftContext): LetterModel {
  if (dc.arrangement) return arrangementSpecificationModel(dc, dc.arrangement);
  const lang = dc.language;
  const b = dc.business;
  const d = dc.debtor;
  const total = dc.invoices.reduce((s, i) => s + i.open, 0);
  const single = dc.invoices.length === 1 ? dc.invoices[0]! : null;
  const numbers = listJoin(dc.invoices.map((i) => i.number), lang);
  const ref = single && (isValidRfReference(single.paymentReference) || isValidBetalingskenmerk(single.paymentReference)) ? single.paymentReference : null;
  const reference = ref ? formatReference(ref) : `${lang === 'nl' ? (dc.invoices.length === 1 ? 'Factuur' : 'Facturen') : dc.invoices.length === 1 ? 'Invoice' : 'Invoices'} ${dc.invoices.map((i) => i.number).join(' ')}`;
  let qrPayload: string | undefined;
  try {
    qrPayload = epcQrPayload({ name: b.name.slice(0, 70), iban: b.iban, bic: b.bic ?? undefined, amount: total, ...(ref ? { reference: ref } : { text: reference.slice(0, 140) }) });
  } catch {
    qrPayload = undefined; // a name or text the EPC standard cannot carry: no QR code, the details are printed anyway
  }
  const friendly = dc.tone === 'vriendelijk';
  const contact = d.contact_name?.trim() || d.name;
  const paragraphs = lang === 'nl'
    ? [
        `Hieronder staat het overzicht van ${dc.invoices.length === 1 ? 'de openstaande factuur' : 'de openstaande facturen'} ${numbers}, met de gegevens om te betalen.${qrPayload ? ` Met de QR-code ${friendly ? 'betaal je' : 'betaalt u'} in een bank-app die dat ondersteunt in één keer.` : ''}`,
        friendly ? 'Klopt er iets niet, of heb je een vraag? Laat het me gerust weten.' : 'Heeft u vragen over dit overzicht, neemt u dan gerust contact met mij op.',
      ]
    : [
        `Below is an overview of the open ${dc.invoices.length === 1 ? 'invoice' : 'invoices'} ${numbers}, with the details to pay.${qrPayload ? ' The QR code lets you pay in one go in a banking app that supports it.' : ''}`,
        'If something is not right, or you have a question, please let me know.',
      ];
  return {
    language: lang,
    sender: {
      name: b.name, contactName: b.contact_name ?? undefined, street: b.street, postcode: b.postcode, city: b.city, country: b.country,
      kvk: b.kvk ?? undefined, vatId: b.vat_id ?? undefined, iban: b.iban, bic: b.bic ?? undefined, phone: b.phone ?? undefined,
      email: b.email ?? undefined, website: b.website ?? undefined,
    },
    recipient: { name: d.name, contactName: d.contact_name ?? undefined, street: d.street ?? '', postcode: d.postcode ?? '', city: d.city ?? '', country: d.country },
    place: b.city,
    date: dc.today,
    ourReference: `K${d.id}-${dc.today.replace(/-/g, '')}-${REF_CODE[dc.step]}`,
    subject: lang === 'nl'
      ? `${dc.invoices.length === 1 ? 'Openstaande factuur' : 'Openstaande facturen'} ${numbers}`
      : `Open ${dc.invoices.length === 1 ? 'invoice' : 'invoices'} ${numbers}`,
    salutation: lang === 'nl' ? `${friendly ? 'Beste' : 'Geachte'} ${contact},` : `Dear ${contact},`,
    paragraphs,
    closing: lang === 'nl' ? (friendly ? 'Hartelijke groet,' : 'Met vriendelijke groet,') : 'Kind regards,',
    signatureName: b.contact_name?.trim() || b.name,
    specification: {
      rows: dc.invoices.map((i) => ({ number: i.number, invoiceDate: i.invoiceDate, dueDate: i.dueDate, amount: i.amount, paid: i.amount - i.open, open: i.open })),
      totalOpen: total,
    },
    payment: { iban: b.iban, bic: b.bic ?? undefined, accountName: b.name, reference, amount: total, lastDay: lastDayToPay(dc), qrPayload },
  };
}

function senderOf(b: BusinessRow): LetterModel['sender'] {
  return {
    name: b.name, contactName: b.contact_name ?? undefined, street: b.street, postcode: b.postcode, city: b.city, country: b.country,
    kvk: b.kvk ?? undefined, vatId: b.vat_id ?? undefined, iban: b.iban, bic: b.bic ?? undefined, phone: b.phone ?? undefined,
    email: b.email ?? undefined, website: b.website ?? undefined,
  };
}

/**
 * The PDF with an arrangement mail: the schedule with what is paid, and how to pay the installment
 * (the amount and date of this installment in the EPC QR code), or for the confirmation the first
 * installment still open.
 */
function arrangementSpecificationModel(dc: DraftContext, a: ArrangementDraft): LetterModel {
  const lang = dc.language;
  const b = dc.business;
  const d = dc.debtor;
  const v = a.view;
  const inst = a.installment ?? v.next ?? v.installments[0]!;
  const amount = a.installment ? a.installment.open : inst.open || inst.amount;
  const { reference, structured } = arrangementReference(dc, a);
  let qrPayload: string | undefined;
  try {
    qrPayload = epcQrPayload({ name: b.name.slice(0, 70), iban: b.iban, bic: b.bic ?? undefined, amount, ...(structured ? { reference: structured } : { text: reference.slice(0, 140) }) });
  } catch {
    qrPayload = undefined; // a name or text the EPC standard cannot carry: the details are printed anyway
  }
  const friendly = dc.tone === 'vriendelijk';
  const contact = d.contact_name?.trim() || d.name;
  const n = v.installments.length;
  const schedule = scheduleLines(a, lang).replace(/^- /gm, '');
  // The invoices in one sentence rather than a table: with the schedule and the payment block the
  // page stays one A4.
  const about = dc.invoices.length ? ` (${lang === 'nl' ? (dc.invoices.length === 1 ? 'factuur' : 'facturen') : dc.invoices.length === 1 ? 'invoice' : 'invoices'} ${listJoin(dc.invoices.map((i) => i.number), lang)})` : '';
  const intro = lang === 'nl'
    ? a.installment
      ? `Hieronder staat het betaalschema van de betalingsregeling${about}, met de gegevens om termijn ${inst.seq} van ${n} te betalen.`
      : `Hieronder staat het betaalschema van de betalingsregeling die we hebben afgesproken${about}: ${money(v.total, lang)} in ${n === 1 ? 'één termijn' : `${n} termijnen`}.`
    : a.installment
      ? `Below is the schedule of the payment arrangement${about}, with the details to pay installment ${inst.seq} of ${n}.`
      : `Below is the schedule of the payment arrangement we agreed${about}: ${money(v.total, lang)} in ${n === 1 ? 'one installment' : `${n} installments`}.`;
  const qrLine = qrPayload ? (lang === 'nl' ? ` Met de QR-code ${friendly ? 'betaal je' : 'betaalt u'} ${a.installment ? 'deze termijn' : 'de eerstvolgende termijn'} in een bank-app die dat ondersteunt.` : ` The QR code pays ${a.installment ? 'this installment' : 'the next installment'} in a banking app that supports it.`) : '';
  const paragraphs = [
    `${intro}${qrLine}`,
    `**${lang === 'nl' ? 'Betaalschema' : 'Payment schedule'}**
${schedule}`,
    lang === 'nl'
      ? `Al betaald: ${money(v.paid, lang)}. Nog te betalen: ${money(v.remaining, lang)}.`
      : `Paid so far: ${money(v.paid, lang)}. Still to pay: ${money(v.remaining, lang)}.`,
    lang === 'nl'
      ? friendly ? 'Klopt er iets niet, of lukt een termijn niet? Laat het me gerust weten.' : 'Heeft u vragen over dit schema, neemt u dan gerust contact met mij op.'
      : 'If something is not right, or an installment does not work out, please let me know.',
  ];
  return {
    language: lang,
    sender: senderOf(b),
    recipient: { name: d.name, contactName: d.contact_name ?? undefined, street: d.street ?? '', postcode: d.postcode ?? '', city: d.city ?? '', country: d.country },
    place: b.city,
    date: dc.today,
    ourReference: `K${d.id}-${dc.today.replace(/-/g, '')}-${REF_CODE[dc.step]}${a.installment ? inst.seq : ''}`,
    subject: lang === 'nl'
      ? a.installment ? `Betalingsregeling: termijn ${inst.seq} van ${n}` : 'Betalingsregeling: betaalschema'
      : a.installment ? `Payment arrangement: installment ${inst.seq} of ${n}` : 'Payment arrangement: schedule',
    salutation: lang === 'nl' ? `${friendly ? 'Beste' : 'Geachte'} ${contact},` : `Dear ${contact},`,
    paragraphs,
    closing: lang === 'nl' ? (friendly ? 'Hartelijke groet,' : 'Met vriendelijke groet,') : 'Kind regards,',
    signatureName: b.contact_name?.trim() || b.name,
    payment: {
      iban: b.iban, bic: b.bic ?? undefined, accountName: b.name, reference, amount, lastDay: inst.dueDate, qrPayload,
      ...(structured ? {} : { referenceLabel: lang === 'nl' ? 'Omschrijving' : 'Description' }),
    },
  };
}

function pdfFileName(dc: DraftContext): string {
  const what = dc.arrangement ? (dc.language === 'nl' ? 'Betaalschema' : 'Payment schedule') : dc.language === 'nl' ? 'Specificatie' : 'Statement';
  return `${safeFileName(`${dc.today} ${what} ${dc.debtor.name}`)}.pdf`;
}

export async function specificationPdf(dc: DraftContext): Promise<{ fileName: string; bytes: Uint8Array }> {
  const doc = buildLetterDocument(specificationModel(dc));
  return { fileName: pdfFileName(dc), bytes: await renderPdf(doc) };
}

export async function draftReminder(ctx: Context, input: ParsedInputOf<'reminders.draft'>): Promise<MailDraft> {
  const dc = draftContext(ctx, input);
  const template = getTemplate(ctx, dc.step, dc.language, dc.tone);
  const variables = templateVariables(dc);
  const pdf = await specificationPdf(dc);
  return {
    debtorId: dc.debtor.id, step: dc.step, tone: dc.tone, language: dc.language,
    to: dc.debtor.email, toName: dc.debtor.contact_name?.trim() || dc.debtor.name,
    subject: renderTemplate(template.subject, variables).replace(/\s*\n\s*/g, ' ').trim(),
    body: renderTemplate(template.body, variables),
    invoiceIds: dc.invoices.map((i) => i.id), total: draftTotal(dc),
    invoices: dc.invoices.map((i) => ({ id: i.id, number: i.number, open: i.open, dueDate: i.dueDate, daysOverdue: i.daysOverdue, description: i.description })),
    attachment: { fileName: pdf.fileName, mimeType: 'application/pdf', dataBase64: toBase64(pdf.bytes) },
    variables, callEventId: dc.call?.eventId ?? null, arrangement: arrangementOfDraft(dc),
  };
}

/** What the draft asks to be paid: the open invoices; for an arrangement mail the installment, or the arrangement's total. */
function draftTotal(dc: DraftContext): number {
  const a = arrangementOfDraft(dc);
  if (!a) return dc.invoices.reduce((s, i) => s + i.open, 0);
  return a.seq !== null ? a.amount : a.total;
}

/** What an arrangement mail is about, for the draft screen (and for eml/markSent to name the same installment). */
function arrangementOfDraft(dc: DraftContext): MailDraft['arrangement'] {
  const a = dc.arrangement;
  if (!a) return null;
  const inst = a.installment ?? a.view.next ?? a.view.installments[0]!;
  return {
    planId: a.view.planId, seq: a.installment?.seq ?? null, dueDate: inst.dueDate, amount: a.installment ? a.installment.open : inst.amount,
    count: a.view.installments.length, total: a.view.total, remaining: a.view.remaining,
  };
}

function emlOf(ctx: Context, dc: DraftContext, subject: string, body: string, pdf: { fileName: string; bytes: Uint8Array }): Uint8Array {
  return buildEml({
    from: dc.business.email ? { name: dc.business.name, email: dc.business.email } : null,
    to: dc.debtor.email ? { name: dc.debtor.contact_name?.trim() || dc.debtor.name, email: dc.debtor.email } : null,
    subject, body, date: new Date(ctx.now()),
    attachments: [{ fileName: pdf.fileName, mimeType: 'application/pdf', bytes: pdf.bytes }],
  });
}

export async function reminderEml(ctx: Context, input: ParsedInputOf<'reminders.eml'>): Promise<FileBytes> {
  const dc = draftContext(ctx, input);
  const pdf = await specificationPdf(dc);
  const eml = emlOf(ctx, dc, input.subject, input.body, pdf);
  return { fileName: `${safeFileName(`${dc.today} ${stepName(dc.step, dc.language)} ${dc.debtor.name}`)}.eml`, mimeType: 'message/rfc822', dataBase64: toBase64(eml) };
}

const EVENT_TYPE: Record<MailStep, string> = {
  nudge: 'nudge.sent', 'reminder-1': 'reminder.sent', 'reminder-2': 'reminder.sent',
  'call-confirmation': 'call.confirmation-sent', 'promise-confirmation': 'call.confirmation-sent',
  // Not 'reminder.sent': a mail about an installment is no step of the collection plan (engine.ts).
  'installment-reminder': 'arrangement.reminder-sent', 'arrangement-confirmation': 'arrangement.confirmation-sent',
};

export async function markReminderSent(ctx: Context, input: ParsedInputOf<'reminders.markSent'>): Promise<SentMail> {
  return transaction(ctx, async () => {
    const dc = draftContext(ctx, input);
    if (REMINDER_STEPS.includes(dc.step)) {
      const state = evaluateLedger(ctx, dc.debtor.id)[0]?.state;
      const step = dc.step as 'nudge' | 'reminder-1' | 'reminder-2';
      const already = dc.invoices.every((inv) => state?.invoices.find((s) => s.invoiceId === inv.id)?.done[step]);
      if (already) {
        throw new AppError('conflict', `${stepName(dc.step)} is voor ${dc.invoices.length === 1 ? 'deze factuur' : 'deze facturen'} al als verstuurd vastgelegd.`,
          `${stepName(dc.step, 'en')} was already recorded as sent for these invoices.`);
      }
    } else if (dc.arrangement) {
      const a = dc.arrangement;
      if (a.installment) {
        if (a.view.installments.find((i) => i.seq === a.installment!.seq)?.reminderSent) {
          throw new AppError('conflict', `De herinnering voor termijn ${a.installment.seq} (${day(a.installment.dueDate)}) is al als verstuurd vastgelegd.`,
            `The reminder for installment ${a.installment.seq} (${a.installment.dueDate}) was already recorded as sent.`);
        }
      } else if (a.view.confirmedByMail) {
        throw new AppError('conflict', 'De bevestiging van deze betalingsregeling is al als verstuurd vastgelegd.', 'The confirmation of this payment arrangement was already recorded as sent.');
      }
    } else {
      const sent = ctx.sqlite.prepare(`SELECT 1 FROM events WHERE debtor_id = ? AND type = 'call.confirmation-sent' AND json_extract(data_json, '$.callEventId') = ?`)
        .get(dc.debtor.id, dc.call!.eventId);
      if (sent) throw new AppError('conflict', 'De bevestiging van dit gesprek is al als verstuurd vastgelegd.', 'The confirmation of this call was already recorded as sent.');
    }
    const pdf = await specificationPdf(dc);
    const now = ctx.now();
    const total = dc.invoices.reduce((s, i) => s + i.open, 0);
    const numbers = dc.invoices.map((i) => i.number);
    const text = [
      `Aan: ${dc.debtor.email ? `${dc.debtor.contact_name?.trim() || dc.debtor.name} <${dc.debtor.email}>` : dc.debtor.name}`,
      `Onderwerp: ${input.subject}`,
      `Datum: ${day(dc.today)}`,
      `Bijlage: ${pdf.fileName}`,
      '',
      input.body.replace(/\r\n?/g, '\n'),
    ].join('\n');
    const textBytes = Buffer.from(text, 'utf8');
    const pdfBuffer = Buffer.from(pdf.bytes.buffer, pdf.bytes.byteOffset, pdf.bytes.byteLength);
    const mailSha = sha256Hex(textBytes);
    const pdfSha = sha256Hex(pdfBuffer);
    const mail = await ctx.db.insertInto('documents').values({
      debtor_id: dc.debtor.id, kind: 'mail', file_name: `${safeFileName(`${dc.today} ${stepName(dc.step)} ${dc.debtor.name}`)}.txt`, mime_type: 'text/plain; charset=utf-8',
      bytes: textBytes, size: textBytes.length, sha256: mailSha, is_demo: dc.debtor.is_demo, created_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    const attachment = await ctx.db.insertInto('documents').values({
      debtor_id: dc.debtor.id, kind: isConfirmation(dc.step) || dc.step === 'arrangement-confirmation' ? 'confirmation' : 'reminder', file_name: pdf.fileName, mime_type: 'application/pdf',
      bytes: pdfBuffer, size: pdfBuffer.length, sha256: pdfSha, is_demo: dc.debtor.is_demo, created_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    const a = arrangementOfDraft(dc);
    const summary = !a
      ? `${stepName(dc.step)} verstuurd per e-mail: ${numbers.length === 1 ? 'factuur' : 'facturen'} ${listJoin(numbers, 'nl')} (${money(total, 'nl')})`
      : a.seq !== null
        ? `${stepName(dc.step)} verstuurd per e-mail: termijn ${a.seq} van ${a.count} (${money(a.amount, 'nl')}, uiterlijk ${day(a.dueDate)})`
        : `${stepName(dc.step)} verstuurd per e-mail: ${a.count === 1 ? 'één termijn' : `${a.count} termijnen`}, totaal ${money(a.total, 'nl')}`;
    const eventId = await addEvent(ctx, {
      debtorId: dc.debtor.id, type: EVENT_TYPE[dc.step], occurredOn: dc.today, invoiceIds: dc.invoices.map((i) => i.id), documentId: mail.id,
      summary,
      data: {
        step: dc.step, channel: 'email', tone: dc.tone, language: dc.language, subject: input.subject, to: dc.debtor.email, total: a ? a.amount : total,
        mailDocumentId: mail.id, mailSha256: mailSha, pdfDocumentId: attachment.id, pdfSha256: pdfSha,
        ...(dc.call ? { callEventId: dc.call.eventId } : {}),
        ...(a ? { planId: a.planId, seq: a.seq, dueDate: a.seq !== null ? a.dueDate : null } : {}),
      },
    });
    return { eventId, mailDocumentId: mail.id, pdfDocumentId: attachment.id, sha256: mailSha };
  });
}


// Is this claim ready to hand over? Each finding is ok or a warning with one plain sentence; the
// user may hand over anyway (docs/domain-nl.md §10: what agencies ask for and when no-cure-no-pay
// terms are lost).
import type { HandoverCheck, HandoverCheckItem } from '../../../shared/contract';
import { addDaysIso } from '../../../shared/domain/dates';
import { formatCents } from '../../../shared/domain/money';
import type { Context } from '../context';
import { buildClaim, type Claim } from './claim';

const nl = (d: string) => d.split('-').reverse().join('-');
const euro = (c: number) => formatCents(c);
const list = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`);
const listEn = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** Calendar months later, the day clamped to the end of the month. */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4)), m = Number(date.slice(5, 7)) - 1 + months, d = Number(date.slice(8, 10));
  const year = y + Math.floor(m / 12), month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Warn when the limitation date is within this many months. */
export const LIMITATION_WARNING_MONTHS = 3;
/** Many no-cure-no-pay agencies only take claims younger than this. */
export const MAX_AGE_MONTHS = 12;

type Item = Omit<HandoverCheckItem, 'id'>;
const ok = (title: string, titleEn: string, message: string, messageEn: string): Item => ({ status: 'ok', title, titleEn, message, messageEn });
const warn = (title: string, titleEn: string, message: string, messageEn: string): Item => ({ status: 'warning', title, titleEn, message, messageEn });

function due(c: Claim): Item {
  const t = ['Vordering vervallen', 'Claim is due'] as const;
  const later = c.notYetDue.map((i) => `${i.number} (vervalt ${nl(i.dueDate)})`);
  const laterEn = c.notYetDue.map((i) => `${i.number} (due ${i.dueDate})`);
  if (c.invoices.length === 0) {
    return warn(...t, 'Er staat bij deze klant niets open dat al vervallen is: er valt nog niets over te dragen.', 'Nothing overdue is open for this customer: there is nothing to hand over yet.');
  }
  const n = c.invoices.length;
  let m = `${n === 1 ? 'Eén factuur is' : `${n} facturen zijn`} vervallen en nog niet (helemaal) betaald: ${euro(c.totals.principal)} aan hoofdsom.`;
  let e = `${n} invoice${n === 1 ? ' is' : 's are'} overdue and unpaid: ${euro(c.totals.principal)} principal.`;
  if (later.length) {
    m += ` ${list(later)} ${later.length === 1 ? 'is' : 'zijn'} nog niet vervallen en ${later.length === 1 ? 'gaat' : 'gaan'} niet mee.`;
    e += ` ${listEn(laterEn)} not yet due and not included.`;
  }
  return ok(...t, m, e);
}

function dispute(c: Claim): Item {
  const t = ['Niet betwist', 'Undisputed'] as const;
  const disputed = c.invoices.filter((i) => i.disputed);
  if (disputed.length === 0) return ok(...t, 'De klant betwist geen van de facturen.', 'The customer disputes none of the invoices.');
  const documented = (id: number, reason: string | null) =>
    !!reason?.trim() || c.events.some((e) => e.type.startsWith('dispute.') && e.invoiceIds.includes(id));
  const missing = disputed.filter((i) => !documented(i.id, i.disputeReason));
  const numbers = disputed.map((i) => i.number);
  if (missing.length > 0) {
    return warn(...t,
      `De klant betwist ${list(numbers)}, maar niet vastgelegd is waarom. Leg het geschil en je reactie eerst vast: een incassobureau wil dat zien, en neemt een betwiste vordering vaak niet op no-cure-no-pay-basis aan.`,
      `The customer disputes ${listEn(numbers)}, but why is not recorded. Record the dispute and your answer first: an agency wants to see it, and often refuses disputed claims on no-cure-no-pay terms.`);
  }
  return ok(...t,
    `De klant betwist ${list(numbers)}; het geschil is vastgelegd en gaat mee in het dossier. Let op: veel bureaus nemen een betwiste vordering niet op no-cure-no-pay-basis aan.`,
    `The customer disputes ${listEn(numbers)}; the dispute is recorded and goes into the file. Note: many agencies refuse disputed claims on no-cure-no-pay terms.`);
}

const REMINDER_TYPES = new Set(['reminder.sent', 'letter.sent']);

function reminders(c: Claim): Item {
  const t = ['Herinneringen verstuurd', 'Reminders sent'] as const;
  const sent = c.events.filter((e) => REMINDER_TYPES.has(e.type));
  if (sent.length === 0) {
    return warn(...t, 'Je hebt nog geen herinnering of aanmaning verstuurd. Een incassobureau wil zien dat je de klant eerst zelf hebt aangemaand.',
      'You have not sent a reminder or final notice yet. An agency wants to see that you asked the customer yourself first.');
  }
  const last = sent.at(-1)!;
  const unreminded = c.invoices.filter((i) => !sent.some((e) => e.invoiceIds.length === 0 || e.invoiceIds.includes(i.id))).map((i) => i.number);
  const count = `${sent.length === 1 ? 'Eén herinnering of aanmaning' : `${sent.length} herinneringen en aanmaningen`} verstuurd, de laatste op ${nl(last.occurredOn)}.`;
  const countEn = `${sent.length} reminder${sent.length === 1 ? '' : 's'} or notice${sent.length === 1 ? '' : 's'} sent, the last on ${last.occurredOn}.`;
  if (unreminded.length > 0) {
    return warn(...t, `${count} Over ${list(unreminded)} is nog geen herinnering gestuurd.`, `${countEn} No reminder was sent about ${listEn(unreminded)} yet.`);
  }
  return ok(...t, count, countEn);
}

function fourteenDay(c: Claim): Item {
  const t = ['Veertiendagenbrief', '14-day letter'] as const;
  if (c.debtor.kind === 'business') {
    return ok(...t, 'Zakelijke klant: een veertiendagenbrief is niet nodig; de incassokosten (minimaal € 40) zijn zonder aanmaning verschuldigd.',
      'Business customer: no 14-day letter is needed; collection costs (at least € 40) are owed without a reminder.');
  }
  const l = c.fourteenDay;
  if (!l) {
    return warn(...t, 'Er is nog geen veertiendagenbrief verstuurd. Zonder die brief zijn bij een particulier geen incassokosten verschuldigd; veel incassobureaus sturen er dan eerst zelf een.',
      'No 14-day letter has been sent. Without it a consumer owes no collection costs; many agencies will send one first.');
  }
  const proof = l.trackingCode ? ` Aangetekend verstuurd (track & trace ${l.trackingCode}).` : ' Er is geen bewijs van aangetekende verzending vastgelegd; bewaar het verzendbewijs.';
  const proofEn = l.trackingCode ? ` Sent by registered mail (tracking ${l.trackingCode}).` : ' No registered-mail proof is recorded; keep the proof of posting.';
  if (!l.passed) {
    return warn(...t, `De veertiendagenbrief is verstuurd op ${nl(l.sentOn)}, maar de termijn loopt nog tot en met ${nl(l.lastDay)}. Wacht tot na die dag: pas dan zijn incassokosten verschuldigd.${proof}`,
      `The 14-day letter was sent on ${l.sentOn}, but its term runs until ${l.lastDay} inclusive. Wait until after that day: only then are collection costs owed.${proofEn}`);
  }
  if (l.uncoveredNumbers.length > 0) {
    return warn(...t, `De veertiendagenbrief van ${nl(l.sentOn)} (termijn verstreken op ${nl(l.lastDay)}) noemde ${list(l.uncoveredNumbers)} niet, of ging vóór de vervaldatum de deur uit. Voor die facturen zijn nog geen incassokosten verschuldigd.${proof}`,
      `The 14-day letter of ${l.sentOn} (term ended ${l.lastDay}) did not validly cover ${listEn(l.uncoveredNumbers)}. No collection costs are owed for those yet.${proofEn}`);
  }
  return ok(...t, `Veertiendagenbrief verstuurd op ${nl(l.sentOn)}; de termijn liep tot en met ${nl(l.lastDay)} en is verstreken.${proof}`,
    `14-day letter sent on ${l.sentOn}; the term ran until ${l.lastDay} inclusive and has passed.${proofEn}`);
}

function limitation(c: Claim): Item {
  const t = ['Verjaring', 'Limitation'] as const;
  if (c.invoices.length === 0) return ok(...t, 'Geen vervallen facturen, dus ook geen verjaring.', 'No overdue invoices, so no limitation.');
  const first = [...c.invoices].sort((a, b) => a.limitationDate.localeCompare(b.limitationDate))[0]!;
  if (first.limitationDate < c.today) {
    return warn(...t, `Factuur ${first.number} is verjaard sinds ${nl(addDaysIso(first.limitationDate, 1))}. Een incassobureau kan die niet meer afdwingen.`,
      `Invoice ${first.number} is time-barred since ${addDaysIso(first.limitationDate, 1)}. An agency can no longer enforce it.`);
  }
  if (first.limitationDate <= addMonths(c.today, LIMITATION_WARNING_MONTHS)) {
    return warn(...t, `Factuur ${first.number} verjaart na ${nl(first.limitationDate)}, binnen drie maanden. Stuit de verjaring met een schriftelijke aanmaning of draag snel over.`,
      `Invoice ${first.number} becomes time-barred after ${first.limitationDate}, within three months. Interrupt it with a written notice or hand over soon.`);
  }
  return ok(...t, `De eerste verjaringsdatum is ${nl(first.limitationDate)} (factuur ${first.number}): ruim op tijd.`,
    `The earliest limitation date is ${first.limitationDate} (invoice ${first.number}): plenty of time.`);
}

function age(c: Claim): Item {
  const t = ['Ouderdom', 'Age'] as const;
  if (c.invoices.length === 0) return ok(...t, 'Geen vervallen facturen.', 'No overdue invoices.');
  const oldest = c.invoices.reduce((a, b) => (b.dueDate < a.dueDate ? b : a));
  const limit = addMonths(oldest.dueDate, MAX_AGE_MONTHS);
  if (limit < c.today) {
    return warn(...t, `Factuur ${oldest.number} is al meer dan twaalf maanden vervallen (sinds ${nl(oldest.dueDate)}). Veel no-cure-no-pay-incassobureaus nemen alleen vorderingen aan die jonger zijn dan twaalf maanden.`,
      `Invoice ${oldest.number} has been overdue for more than twelve months (since ${oldest.dueDate}). Many no-cure-no-pay agencies only take claims younger than twelve months.`);
  }
  return ok(...t, `De oudste factuur (${oldest.number}) is vervallen op ${nl(oldest.dueDate)}: jonger dan twaalf maanden.`,
    `The oldest invoice (${oldest.number}) fell due on ${oldest.dueDate}: younger than twelve months.`);
}

function agency(ctx: Context, c: Claim): Item {
  const t = ['Niet eerder uit handen gegeven', 'Not handed over before'] as const;
  const rows = ctx.sqlite.prepare(`SELECT h.status, h.handed_over_on, a.name FROM handovers h JOIN agencies a ON a.id = h.agency_id WHERE h.debtor_id = ? ORDER BY h.handed_over_on DESC, h.id DESC`)
    .all(c.debtor.id) as { status: string; handed_over_on: string; name: string }[];
  const open = rows.find((r) => r.status === 'open' || r.status === 'partially-paid');
  if (open) {
    return warn(...t, `Deze vordering is al overgedragen aan ${open.name} op ${nl(open.handed_over_on)}. Sluit die overdracht af of neem de vordering terug voordat je haar opnieuw overdraagt.`,
      `This claim was already handed to ${open.name} on ${open.handed_over_on}. Close that handover or take the claim back before handing it over again.`);
  }
  const earlier = rows.find((r) => r.status === 'returned' || r.status === 'given-up' || r.status === 'taken-back');
  if (earlier) {
    return warn(...t, `Deze klant is eerder overgedragen aan ${earlier.name} (${nl(earlier.handed_over_on)}). Vermeld dat: veel bureaus nemen een vordering die al bij een ander bureau lag niet op no-cure-no-pay-basis aan.`,
      `This customer was handed to ${earlier.name} before (${earlier.handed_over_on}). Say so: many agencies refuse no-cure-no-pay terms for a claim another agency already had.`);
  }
  return ok(...t, 'Deze vordering is nog niet eerder aan een incassobureau gegeven.', 'This claim has not been with an agency before.');
}

function terms(c: Claim): Item {
  const t = ['Algemene voorwaarden', 'Terms and conditions'] as const;
  if (c.documents.some((d) => d.kind === 'terms')) return ok(...t, 'Je algemene voorwaarden gaan mee in het dossier.', 'Your terms and conditions go into the file.');
  return warn(...t, 'Je hebt geen algemene voorwaarden opgeslagen (Instellingen). Incassobureaus vragen erom; zonder voorwaarden gelden de wettelijke regels.',
    'You have not stored terms and conditions (Settings). Agencies ask for them; without them the statutory rules apply.');
}

export async function checkHandover(ctx: Context, debtorId: number): Promise<HandoverCheck> {
  const c = await buildClaim(ctx, debtorId);
  const checks: HandoverCheckItem[] = [
    { id: 'due', ...due(c) },
    { id: 'dispute', ...dispute(c) },
    { id: 'reminders', ...reminders(c) },
    { id: 'fourteen-day', ...fourteenDay(c) },
    { id: 'limitation', ...limitation(c) },
    { id: 'age', ...age(c) },
    { id: 'agency', ...agency(ctx, c) },
    { id: 'terms', ...terms(c) },
  ];
  return {
    debtorId, debtorName: c.debtor.name, kind: c.debtor.kind, ready: checks.every((x) => x.status === 'ok'), checks,
    claim: { invoices: c.invoices.length, ...c.totals },
  };
}

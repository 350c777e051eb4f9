// The checklist of docs/domain-nl.md §2 for a veertiendagenbrief (art. 6:96 lid 6 BW), run over the
// letter as it will be printed. Items 1–9 are checked; 10 (no repairs) and 11 (after the term)
// are about what happens afterwards and are handled by the workflow (a new letter is a new
// letter with a fresh term; costs are recomputed after a partial payment).
// Pure: everything comes in as data, so the rules can be tested without a database.
import type { LetterCheck } from '../../../shared/contract/methods/letters';
import { addDaysIso, formatDate } from '../../../shared/domain/dates';
import { collectionCosts, fourteenDayLetterDeadline } from '../../../shared/law';
import { FORBIDDEN_TERM_PHRASES, FOURTEEN_DAY_TERM, money, NOTHING_EXTRA, VAT_DECLARATION_MARK, type Lang } from './texts';

export interface InvoiceRef { id: number; number: string; dueDate: string }

export interface FourteenDayDraft {
  language: Lang;
  debtorKind: 'business' | 'consumer';
  /** Letter date = send date. */
  date: string;
  /** Missing address parts ("straat", "postcode", "plaats"). */
  addressMissing: string[];
  /** The invoices the letter covers. */
  included: InvoiceRef[];
  /** Every invoice of the debtor that is overdue on `date` (and not disputed). */
  overdue: InvoiceRef[];
  /** Open invoices that are not yet overdue on `date` (named when there is nothing overdue). */
  notYetDue: InvoiceRef[];
  /** No fixed payment date was agreed: verzuim needs an earlier notice whose term expired. */
  needsEarlierNotice: boolean;
  /** For such a debtor: invoice id → last day of the latest earlier notice (if any). */
  earlierNoticeLastDay: Map<number, string>;
  lastDay: string;
  /** The whole printed text of the body (paragraphs joined). */
  text: string;
  principal: number;
  /** The collection costs (without BTW) printed in the letter. */
  costs: number;
  /** The total including BTW when the surcharge is chosen. */
  costsWithVat: number;
  vatSurcharge: boolean;
  businessCanDeductVat: boolean;
  specificationRows: number;
}

const fmt = formatDate;

function check(item: number, title: string, ok: boolean, message: string, messageEn: string): LetterCheck & { messageEn: string } {
  return { item, title, ok, message, messageEn };
}

export function fourteenDayChecks(d: FourteenDayDraft): (LetterCheck & { messageEn: string })[] {
  const checks: (LetterCheck & { messageEn: string })[] = [];
  const text = d.text.replace(/\*\*/g, '').replace(/\u00a0/g, ' ');

  checks.push(check(1, 'Soort klant', d.debtorKind === 'consumer',
    d.debtorKind === 'consumer' ? 'De klant is een particulier: de veertiendagenbrief is nodig voor incassokosten.' : 'Checklist punt 1 (soort klant): de veertiendagenbrief is voor particulieren. Stuur een zakelijke klant een laatste aanmaning.',
    d.debtorKind === 'consumer' ? 'The customer is a consumer.' : 'Checklist item 1 (debtor type): the 14-day letter is for consumers; send a business a final notice.'));

  // 2. Verzuim first: every invoice's due date lies before the letter date.
  const early = d.included.filter((i) => i.dueDate >= d.date);
  const noOverdue = d.included.length === 0;
  let verzuim = !noOverdue && early.length === 0;
  let verzuimMessage = 'Alle facturen in de brief zijn op de verzenddatum vervallen (verzuim).';
  let verzuimEn = 'Every invoice in the letter is overdue on the send date.';
  if (noOverdue) {
    const next = d.notYetDue[0];
    verzuimMessage = next
      ? `Checklist punt 2 (eerst verzuim): de brief is gedateerd ${fmt(d.date)}, maar factuur ${next.number} vervalt op ${fmt(next.dueDate)} en is dan nog niet vervallen. Een veertiendagenbrief die op of vóór de vervaldatum is gedateerd, telt niet; de vroegste datum is ${fmt(addDaysIso(next.dueDate, 1))}.`
      : `Checklist punt 2 (eerst verzuim): op ${fmt(d.date)} staat er geen vervallen factuur open voor deze klant.`;
    verzuimEn = next
      ? `Checklist item 2 (default first): the letter is dated ${fmt(d.date)} but invoice ${next.number} is due on ${fmt(next.dueDate)}, so it is not yet overdue. The earliest date is ${fmt(addDaysIso(next.dueDate, 1))}.`
      : `Checklist item 2 (default first): on ${fmt(d.date)} there is no overdue open invoice for this customer.`;
  } else if (early.length > 0) {
    const i = early[0]!;
    verzuimMessage = `Checklist punt 2 (eerst verzuim): de brief is gedateerd ${fmt(d.date)}, maar factuur ${i.number} vervalt pas op ${fmt(i.dueDate)}. Een veertiendagenbrief die op of vóór de vervaldatum is gedateerd, telt niet.`;
    verzuimEn = `Checklist item 2 (default first): the letter is dated ${fmt(d.date)} but invoice ${i.number} is only due on ${fmt(i.dueDate)}.`;
  } else if (d.needsEarlierNotice) {
    const missing = d.included.filter((i) => !((d.earlierNoticeLastDay.get(i.id) ?? '9999-12-31') < d.date));
    if (missing.length > 0) {
      verzuim = false;
      verzuimMessage = `Checklist punt 2 (eerst verzuim): voor deze klant is geen vaste betaaldatum afgesproken. Verzuim begint pas als de termijn van een eerdere aanmaning is verstreken; voor ${missing.length === 1 ? 'factuur' : 'facturen'} ${missing.map((i) => i.number).join(', ')} is dat op ${fmt(d.date)} nog niet zo.`;
      verzuimEn = `Checklist item 2 (default first): no fixed payment date was agreed; default only starts after the term of an earlier notice has expired, which is not yet the case for ${missing.map((i) => i.number).join(', ')}.`;
    }
  }
  checks.push(check(2, 'Eerst verzuim', verzuim, verzuimMessage, verzuimEn));

  const term = FOURTEEN_DAY_TERM[d.language];
  const forbidden = FORBIDDEN_TERM_PHRASES[d.language].filter((p) => text.toLowerCase().includes(p));
  const wordingOk = text.includes(term) && forbidden.length === 0;
  checks.push(check(3, 'Formulering van de termijn', wordingOk,
    wordingOk ? `De brief gebruikt de door de Hoge Raad goedgekeurde formulering: "${term}".`
      : forbidden.length > 0 ? `Checklist punt 3 (formulering): de brief bevat "${forbidden[0]}"; gebruik alleen "${FOURTEEN_DAY_TERM.nl}".`
        : `Checklist punt 3 (formulering): de goedgekeurde formulering "${FOURTEEN_DAY_TERM.nl}" ontbreekt.`,
    wordingOk ? 'The letter uses the approved term wording.' : 'Checklist item 3 (term wording): the approved wording is missing or a misleading phrase is used.'));

  const minimum = fourteenDayLetterDeadline(d.date);
  const termOk = d.lastDay >= minimum;
  checks.push(check(4, 'Concrete laatste betaaldag', termOk,
    termOk ? `Laatste betaaldag ${fmt(d.lastDay)}: niet eerder dan de wettelijke ${fmt(minimum)} (vermoedelijke bezorging + 14 dagen, doorgeschoven naar een werkdag).`
      : `Checklist punt 4 (termijn): de laatste betaaldag ${fmt(d.lastDay)} is te vroeg. Bij verzending op ${fmt(d.date)} loopt de termijn minstens tot en met ${fmt(minimum)}. Een te korte termijn kan niet worden hersteld.`,
    termOk ? `Last day ${fmt(d.lastDay)} is not before the statutory ${fmt(minimum)}.` : `Checklist item 4 (term): the last day ${fmt(d.lastDay)} is too early; sent on ${fmt(d.date)} the term runs at least until ${fmt(minimum)}.`));

  const expected = collectionCosts(d.principal);
  const printed = money(d.vatSurcharge ? d.costsWithVat : d.costs, d.language).replace(/\u00a0/g, ' ');
  const costsOk = d.costs === expected && text.includes(printed) && text.includes(NOTHING_EXTRA[d.language]);
  checks.push(check(5, 'Gevolgen en exacte kosten', costsOk,
    costsOk ? `De brief noemt de incassokosten van ${printed} (staffel over ${money(d.principal, d.language)}) en dat betalen binnen de termijn niets extra kost.`
      : d.costs !== expected ? `Checklist punt 5 (kosten): de incassokosten in de brief (${money(d.costs, 'nl')}) wijken af van de wettelijke staffel over ${money(d.principal, 'nl')} (${money(expected, 'nl')}).`
        : `Checklist punt 5 (gevolgen): de brief moet het exacte bedrag aan incassokosten (${printed}) noemen én zeggen dat betalen binnen de termijn niets extra kost.`,
    costsOk ? 'The letter states the exact collection costs and that paying within the term costs nothing extra.' : 'Checklist item 5 (consequences): the exact costs or the "nothing extra" sentence are missing or wrong.'));

  let vatOk = true;
  let vatMessage = 'Geen btw-opslag op de incassokosten.';
  if (d.vatSurcharge) {
    if (d.businessCanDeductVat) {
      vatOk = false;
      vatMessage = 'Checklist punt 6 (btw-opslag): je kunt btw aftrekken (zie je bedrijfsgegevens), dus je mag geen btw over de incassokosten rekenen.';
    } else if (!text.includes(VAT_DECLARATION_MARK[d.language]) || d.costsWithVat !== collectionCosts(d.principal, { vatSurcharge: true })) {
      vatOk = false;
      vatMessage = 'Checklist punt 6 (btw-opslag): de uitdrukkelijke verklaring dat je de btw niet kunt verrekenen, of het juiste bedrag met btw, ontbreekt.';
    } else {
      vatMessage = `Btw-opslag met de uitdrukkelijke verklaring; incassokosten inclusief btw ${money(d.costsWithVat, 'nl')}.`;
    }
  }
  checks.push(check(6, 'Btw-opslag', vatOk, vatMessage, vatOk ? 'VAT surcharge rules met.' : 'Checklist item 6 (VAT surcharge): not allowed or the declaration is missing.'));

  const includedIds = new Set(d.included.map((i) => i.id));
  const left = d.overdue.filter((i) => !includedIds.has(i.id));
  checks.push(check(7, 'Eén brief voor alle vervallen facturen', left.length === 0,
    left.length === 0 ? `Alle ${d.overdue.length} vervallen ${d.overdue.length === 1 ? 'factuur staat' : 'facturen staan'} in deze ene brief; de kosten zijn berekend over het totaal.`
      : `Checklist punt 7 (één brief): alle vervallen facturen horen in één brief, maar ${left.map((i) => i.number).join(', ')} ${left.length === 1 ? 'ontbreekt' : 'ontbreken'}.`,
    left.length === 0 ? 'All overdue invoices are in this one letter.' : `Checklist item 7 (one letter): ${left.map((i) => i.number).join(', ')} missing.`));

  // (Without any invoice the letter already fails item 2; item 8 then has nothing to add.)
  const specOk = d.specificationRows === d.included.length;
  checks.push(check(8, 'Specificatie van de vordering', specOk,
    specOk ? 'Per factuur: nummer, datum, vervaldatum, bedrag, betaald en open, met het totaal.' : 'Checklist punt 8 (specificatie): de specificatie per factuur ontbreekt.',
    specOk ? 'Claim specification per invoice with total.' : 'Checklist item 8 (specification): missing.'));

  const addressOk = d.addressMissing.length === 0;
  checks.push(check(9, 'Bewijs van verzending', addressOk,
    addressOk ? 'Het adres is compleet: verstuur de brief aangetekend en bewaar het track & trace-nummer (plus een kopie per gewone post of e-mail).'
      : `Checklist punt 9 (bewijs van verzending en ontvangst): het adres van de klant is niet compleet (${d.addressMissing.join(', ')} ontbreekt). Zonder adres kan de brief niet aantoonbaar worden bezorgd.`,
    addressOk ? 'The address is complete.' : `Checklist item 9 (proof of delivery): the customer's address is incomplete (${d.addressMissing.join(', ')} missing).`));

  return checks;
}

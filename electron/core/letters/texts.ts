// Every sentence the letters print, Dutch and English, in one place. Calm and businesslike: state
// the facts, say what is asked and by when, say what happens otherwise, offer to talk. The legal
// phrases are fixed here and checked by the generator (fourteenDayChecks.ts) and by the tests.
import { formatCents, formatLongDate } from './layout';

export type Lang = 'nl' | 'en';

/**
 * The HR-approved term wording for a veertiendagenbrief (HR 13-6-2014, ECLI:NL:HR:2014:1405;
 * docs/domain-nl.md §2 item 3). Never "na dagtekening", "na heden" or "na verzending".
 */
export const FOURTEEN_DAY_TERM: Record<Lang, string> = {
  nl: 'binnen veertien dagen vanaf de dag nadat deze brief bij u is bezorgd',
  en: 'within fourteen days from the day after this letter has been delivered to you',
};

/** Words that make a term misleading; a veertiendagenbrief must not contain them (checklist item 3). */
export const FORBIDDEN_TERM_PHRASES: Record<Lang, string[]> = {
  nl: ['na dagtekening', 'na heden', 'na verzending', 'na datum van deze brief'],
  en: ['of the date of this letter', 'from today', 'after sending', 'from the date of this letter'],
};

/** "Paying within the term costs nothing extra" (checklist item 5). */
export const NOTHING_EXTRA: Record<Lang, string> = {
  nl: 'kost u dat niets extra',
  en: 'it costs you nothing extra',
};

/** The reservation of rights that interrupts limitation (art. 3:317 BW; docs/domain-nl.md §4). */
export function stuiting(lang: Lang, amount: number, invoices: string[]): string {
  const money = formatCents(amount, lang);
  return lang === 'nl'
    ? `Wij manen u hierbij aan tot betaling van ${money} (${invoiceNoun(invoices.length, lang)} ${listJoin(invoices, lang)}) en behouden ons uitdrukkelijk en ondubbelzinnig ons recht op nakoming voor. Deze brief stuit de verjaring (art. 3:317 BW).`
    : `We hereby demand payment of ${money} (${invoiceNoun(invoices.length, lang)} ${listJoin(invoices, lang)}) and expressly and unambiguously reserve our right to performance. This letter interrupts the limitation period (art. 3:317 Dutch Civil Code).`;
}
export const STUITING_MARK: Record<Lang, string> = {
  nl: 'Deze brief stuit de verjaring (art. 3:317 BW).',
  en: 'This letter interrupts the limitation period (art. 3:317 Dutch Civil Code).',
};

/** The express double declaration of art. 2 lid 3 Besluit BIK (checklist item 6). */
export function vatDeclaration(lang: Lang): string {
  return lang === 'nl'
    ? 'Wij verklaren uitdrukkelijk dat wij de btw over de incassokosten niet als voorbelasting kunnen verrekenen en dat de incassokosten om die reden met de btw zijn verhoogd. Wij laten de incasso uitvoeren door een incassobureau.'
    : 'We expressly declare that we cannot deduct the VAT on the collection costs and that the collection costs have been increased by that VAT for this reason. The collection is carried out by a collection agency.';
}
export const VAT_DECLARATION_MARK: Record<Lang, string> = {
  nl: 'niet als voorbelasting kunnen verrekenen',
  en: 'cannot deduct the VAT',
};

const NUMBER_WORDS_NL = ['nul', 'één', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien'];
const NUMBER_WORDS_EN = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
export function numberWord(n: number, lang: Lang): string {
  const words = lang === 'nl' ? NUMBER_WORDS_NL : NUMBER_WORDS_EN;
  return words[n] ?? String(n);
}

export function listJoin(items: string[], lang: Lang): string {
  const and = lang === 'nl' ? 'en' : 'and';
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
}

export function invoiceNoun(count: number, lang: Lang): string {
  if (lang === 'nl') return count === 1 ? 'factuur' : 'facturen';
  return count === 1 ? 'invoice' : 'invoices';
}

/** "factuur 2026-031", "facturen 2026-031 en 2026-044", "facturen 2026-031, 2026-044 en 3 andere". */
export function invoicesShort(numbers: string[], lang: Lang): string {
  const noun = invoiceNoun(numbers.length, lang);
  if (numbers.length <= 3) return `${noun} ${listJoin(numbers, lang)}`;
  const rest = numbers.length - 2;
  return lang === 'nl'
    ? `${noun} ${numbers[0]}, ${numbers[1]} en ${rest} andere`
    : `${noun} ${numbers[0]}, ${numbers[1]} and ${rest} more`;
}

export interface Party {
  name: string;
  contactName: string | null;
  kind: 'business' | 'consumer';
}

export function salutation(debtor: Party, lang: Lang): string {
  const who = debtor.contactName?.trim() || (debtor.kind === 'consumer' ? debtor.name.trim() : '');
  if (lang === 'nl') return who ? `Geachte ${who},` : 'Geachte heer, mevrouw,';
  return who ? `Dear ${who},` : 'Dear Sir or Madam,';
}

export const CLOSING: Record<Lang, string> = { nl: 'Met vriendelijke groet,', en: 'Kind regards,' };

/** "via 030 123 45 67 of jan@example.nl", or nothing. */
export function contactVia(phone: string | null, email: string | null, lang: Lang): string {
  const ways = [phone, email].filter((w): w is string => !!w && w.trim() !== '');
  if (ways.length === 0) return '';
  return lang === 'nl' ? ` via ${ways.join(' of ')}` : ` on ${ways.join(' or ')}`;
}

export const ALREADY_PAID: Record<Lang, string> = {
  nl: 'Heeft u inmiddels betaald? Dan kunt u deze brief als niet verzonden beschouwen.',
  en: 'If you have paid in the meantime, please disregard this letter.',
};

export const KIND_TITLE: Record<Lang, Record<string, string>> = {
  nl: {
    reminder: 'Herinnering', 'final-notice': 'Laatste aanmaning', 'fourteen-day': 'Veertiendagenbrief',
    'arrangement-confirmation': 'Bevestiging betalingsregeling', free: 'Brief', test: 'Testafdruk',
  },
  en: {
    reminder: 'Reminder', 'final-notice': 'Final notice', 'fourteen-day': 'Fourteen-day letter',
    'arrangement-confirmation': 'Payment plan confirmation', free: 'Letter', test: 'Test print',
  },
};

export const money = (cents: number, lang: Lang) => formatCents(cents, lang);
export const longDate = (date: string, lang: Lang) => formatLongDate(date, lang);

/** The explanation under "Incassokosten": how the staffel was applied to `principal`. */
export function costsExplanation(principal: number, costs: number, lang: Lang): string {
  const slices: [number, number][] = [[250_000, 15], [250_000, 10], [500_000, 5], [19_000_000, 1], [Number.POSITIVE_INFINITY, 0.5]];
  const parts: string[] = [];
  let rest = principal;
  for (const [size, rate] of slices) {
    if (rest <= 0) break;
    const slice = Math.min(rest, size);
    const pct = lang === 'nl' ? String(rate).replace('.', ',') : String(rate);
    parts.push(lang === 'nl' ? `${pct}% over ${money(slice, lang)}` : `${pct}% of ${money(slice, lang)}`);
    rest -= slice;
  }
  const base = lang === 'nl'
    ? `Wettelijke staffel (art. 2 Besluit vergoeding voor buitengerechtelijke incassokosten) over ${money(principal, lang)}: ${parts.join(' + ')}`
    : `Statutory scale (art. 2 Decree on extrajudicial collection costs) on ${money(principal, lang)}: ${parts.join(' + ')}`;
  if (costs === 4_000) return lang === 'nl' ? `${base}; het wettelijke minimum is € 40,00.` : `${base}; the statutory minimum is €40.00.`;
  if (costs === 677_500) return lang === 'nl' ? `${base}; het wettelijke maximum is € 6.775,00.` : `${base}; the statutory maximum is €6,775.00.`;
  return `${base}.`;
}

export const INTEREST_KIND_LABEL: Record<Lang, { commercial: string; consumer: string }> = {
  nl: { commercial: 'wettelijke handelsrente (art. 6:119a BW)', consumer: 'wettelijke rente (art. 6:119 BW)' },
  en: { commercial: 'statutory commercial interest (art. 6:119a Dutch Civil Code)', consumer: 'statutory interest (art. 6:119 Dutch Civil Code)' },
};

export const REFERENCE_LABEL_TEXT: Record<Lang, string> = { nl: 'Omschrijving', en: 'Description' };

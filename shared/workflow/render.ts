import type { MailStep } from '../domain/workflow';

/**
 * `{{name}}` placeholders, filled from a flat map. A placeholder the map does not know stays in the
 * text as written, so the user sees it in the draft instead of a silent gap.
 */
const PLACEHOLDER = /\{\{\s*([a-z_.]+)\s*\}\}/gi;

export function renderTemplate(text: string, variables: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (Object.prototype.hasOwnProperty.call(variables, name) ? variables[name]! : whole));
}

/** The placeholders a text uses that are not in `known`. */
export function unknownVariables(text: string, known: readonly string[]): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(PLACEHOLDER)) if (!known.includes(m[1]!)) names.add(m[1]!);
  return [...names];
}

const ARRANGEMENT: readonly MailStep[] = ['installment-reminder', 'arrangement-confirmation'];

/** Every variable a template can use, with what it means (Dutch, English). */
export const TEMPLATE_VARIABLES: readonly { name: string; nl: string; en: string; steps?: readonly MailStep[] }[] = [
  { name: 'klant.naam', nl: 'naam van de klant', en: 'customer name' },
  { name: 'contactpersoon', nl: 'contactpersoon (of de naam van de klant)', en: 'contact person (or the customer name)' },
  { name: 'dienst', nl: 'de geleverde dienst(en), uit de factuuromschrijving', en: 'the service(s) delivered, from the invoice description' },
  { name: 'facturen', nl: 'lijst van de facturen: nummer, datum, omschrijving, openstaand bedrag, vervaldatum', en: 'list of the invoices: number, date, description, open amount, due date' },
  { name: 'factuur', nl: '"factuur 2026-101" of "facturen 2026-101 en 2026-102"', en: '"invoice 2026-101" or "invoices 2026-101 and 2026-102"' },
  { name: 'factuurnummers', nl: 'de factuurnummers, bijvoorbeeld "2026-101 en 2026-102"', en: 'the invoice numbers, e.g. "2026-101 and 2026-102"' },
  { name: 'totaal', nl: 'totaal openstaand bedrag', en: 'total amount open' },
  { name: 'vervaldatum', nl: 'vervaldatum (de vroegste)', en: 'due date (the earliest)' },
  { name: 'dagen_te_laat', nl: 'aantal dagen over de vervaldatum', en: 'days past the due date' },
  { name: 'uiterste_betaaldatum', nl: 'uiterste betaaldatum voor dit bericht', en: 'last day to pay for this message' },
  { name: 'iban', nl: 'jouw IBAN', en: 'your IBAN' },
  { name: 'betalingskenmerk', nl: 'betalingskenmerk(en)', en: 'payment reference(s)' },
  { name: 'bedrijf.naam', nl: 'naam van jouw bedrijf', en: 'your business name' },
  { name: 'bedrijf.telefoon', nl: 'jouw telefoonnummer', en: 'your phone number' },
  { name: 'bedrijf.email', nl: 'jouw e-mailadres', en: 'your e-mail address' },
  { name: 'afzender', nl: 'jouw naam (of de bedrijfsnaam)', en: 'your name (or the business name)' },
  { name: 'vandaag', nl: 'de datum van vandaag', en: "today's date" },
  { name: 'gesprek.datum', nl: 'datum van het telefoongesprek', en: 'date of the phone call', steps: ['call-confirmation', 'promise-confirmation'] },
  { name: 'gesprek.notities', nl: 'wat je over het gesprek noteerde', en: 'your notes of the call', steps: ['call-confirmation', 'promise-confirmation'] },
  { name: 'belofte.datum', nl: 'de datum waarop de klant beloofde te betalen', en: 'the date the customer promised to pay', steps: ['promise-confirmation'] },
  { name: 'belofte.bedrag', nl: 'het beloofde bedrag', en: 'the promised amount', steps: ['promise-confirmation'] },
  { name: 'termijn.nummer', nl: 'het nummer van de termijn', en: 'the number of the installment', steps: ['installment-reminder'] },
  { name: 'termijn.bedrag', nl: 'wat er van de termijn nog te betalen is', en: 'what is still to pay of the installment', steps: ['installment-reminder'] },
  { name: 'termijn.datum', nl: 'de datum van de termijn', en: 'the date of the installment', steps: ['installment-reminder'] },
  { name: 'regeling.aantal', nl: 'het aantal termijnen', en: 'the number of installments', steps: ARRANGEMENT },
  { name: 'regeling.termijnen', nl: '"4 maandelijkse termijnen" of "één termijn"', en: '"4 monthly installments" or "one installment"', steps: ARRANGEMENT },
  { name: 'regeling.totaal', nl: 'het totaal van de regeling', en: 'the total of the arrangement', steps: ARRANGEMENT },
  { name: 'regeling.opbouw', nl: 'waaruit het totaal bestaat: hoofdsom, rente, kosten', en: 'what the total consists of: principal, interest, costs', steps: ARRANGEMENT },
  { name: 'regeling.schema', nl: 'het betaalschema: elke termijn met bedrag en datum', en: 'the schedule: every installment with amount and date', steps: ARRANGEMENT },
  { name: 'regeling.betaald', nl: 'wat er van de regeling al betaald is', en: 'what was paid of the arrangement so far', steps: ARRANGEMENT },
  { name: 'regeling.resterend', nl: 'wat er van de regeling nog te betalen is', en: 'what remains to be paid of the arrangement', steps: ARRANGEMENT },
  { name: 'regeling.vervalbeding', nl: 'de zin over het vervalbeding (leeg als dat niet is afgesproken)', en: 'the sentence about the acceleration clause (empty when none was agreed)', steps: ARRANGEMENT },
];

export const TEMPLATE_VARIABLE_NAMES: readonly string[] = TEMPLATE_VARIABLES.map((v) => v.name);

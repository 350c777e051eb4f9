// vordering.json: the claim in machine-readable form, for an agency's intake system. The zod schema
// below is the single source: the JSON Schema published as resources/schemas/vordering.schema.json
// (and in every dossier zip) is generated from it (vorderingJsonSchemaText), and
// tests/integration/handover checks that the file in the repository is exactly that text.
// Amounts are integer euro cents; dates are yyyy-mm-dd. A breaking change raises the major version.
import { z } from 'zod';
import type { Claim } from './claim';

export const VORDERING_SCHEMA_VERSION = '1.0.0';
export const VORDERING_SCHEMA_FILE = 'vordering.schema.json';

const cents = z.number().int().min(0).describe('Bedrag in eurocenten.');
const date = z.iso.date().describe('Datum, jjjj-mm-dd.');
const text = z.string();
const nullableText = z.string().nullable();

const period = z.object({
  from: date, to: date, days: z.number().int().min(1), percent: z.number().min(0).describe('Rente per jaar in procenten.'),
  baseCents: cents.describe('Grondslag: hoofdsom plus bijgeschreven rente.'), interestCents: cents,
  paidOn: date.nullable().describe('Gezet wanneer de periode gaat over een deel dat op deze dag is betaald.'),
}).strict();

export const vorderingSchema = z.object({
  $schema: z.literal(`./${VORDERING_SCHEMA_FILE}`),
  schemaVersion: z.literal(VORDERING_SCHEMA_VERSION),
  generatedOn: date,
  calculatedUntil: date.describe('Rente berekend tot en met deze dag.'),
  currency: z.literal('EUR'),
  creditor: z.object({
    name: text, contactName: nullableText, kvk: nullableText, vatId: nullableText,
    street: text, postcode: text, city: text, country: text, email: nullableText, phone: nullableText,
    iban: text, bic: nullableText,
    vatLiable: z.boolean().describe('Btw-plichtig en btw aftrekbaar (bepaalt of btw over de incassokosten mag worden gerekend).'),
    termsAttached: z.boolean().describe('De algemene voorwaarden zitten in het dossier.'),
  }).strict(),
  debtor: z.object({
    type: z.enum(['B2B', 'B2C']), name: text, contactName: nullableText, kvk: nullableText, vatId: nullableText,
    street: nullableText, postcode: nullableText, city: nullableText, country: text, phone: nullableText, email: nullableText,
  }).strict(),
  invoices: z.array(z.object({
    number: text, invoiceDate: date, deliveryDate: date.nullable(), dueDate: date, description: text,
    amountCents: cents, paidCents: cents, creditedCents: cents, openCents: cents, paymentReference: text,
    disputed: z.boolean(), disputeReason: nullableText,
    interestFrom: date.nullable(), interestCents: cents, interestPeriods: z.array(period),
    limitationDate: date.describe('Laatste dag waarop de vordering niet verjaard is.'),
    document: nullableText.describe('Pad van de originele factuur in het dossier.'),
  }).strict()),
  interest: z.object({
    kind: z.enum(['commercial', 'consumer']),
    legalBasis: text,
    totalCents: cents,
  }).strict(),
  collectionCosts: z.object({
    applicable: z.boolean(),
    baseCents: cents.describe('Opgetelde hoofdsom waarover de staffel is berekend.'),
    staffelCents: cents,
    slices: z.array(z.object({ fromCents: cents, toCents: cents.nullable(), percent: z.number().min(0), amountCents: cents }).strict()),
    minimumApplied: z.boolean(), maximumApplied: z.boolean(),
    vatSurcharge: z.boolean(), vatCents: cents, totalCents: cents,
    explanation: text,
    fourteenDayLetter: z.object({ sentOn: date, lastDay: date, termPassed: z.boolean(), trackingCode: nullableText, document: nullableText }).strict().nullable(),
  }).strict(),
  payments: z.array(z.object({
    date, amountCents: cents, method: z.enum(['manual', 'bank', 'agency']),
    applied: z.array(z.object({ invoiceNumber: text, amountCents: cents }).strict()),
    unallocatedCents: cents,
  }).strict()),
  totals: z.object({
    principalCents: cents, interestCents: cents, collectionCostsCents: cents,
    creditCents: cents.describe('Tegoed van de klant: betalingen die aan geen factuur zijn toegewezen en creditnota’s die geen factuur corrigeren; afgetrokken van het totaal.'),
    totalClaimedCents: cents,
  }).strict(),
  timeline: z.array(z.object({
    date, type: text, label: text, description: text, channel: nullableText, trackingCode: nullableText,
    invoices: z.array(text), document: nullableText,
  }).strict()),
  documents: z.array(z.object({
    path: text, kind: z.enum(['overzicht', 'csv', 'letter', 'reminder', 'mail', 'confirmation', 'invoice-pdf', 'terms']),
    fileName: text, sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().min(0),
  }).strict()),
}).strict().meta({
  title: 'Openstaand: vordering voor een incassobureau',
  description: 'Een vordering van één schuldeiser op één schuldenaar, zoals Openstaand die exporteert (docs/domain-nl.md §10). Bedragen in eurocenten.',
});

export type Vordering = z.infer<typeof vorderingSchema>;

/** The published JSON Schema, as text (two-space indent, trailing newline). */
export function vorderingJsonSchemaText(): string {
  const schema = { ...z.toJSONSchema(vorderingSchema, { target: 'draft-2020-12' }), $id: `urn:openstaand:vordering:${VORDERING_SCHEMA_VERSION}` };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

export interface DossierEntry { path: string; kind: Vordering['documents'][number]['kind']; fileName: string; sha256: string; size: number }

export function toVordering(c: Claim, entries: DossierEntry[]): Vordering {
  const pathOf = new Map(c.documents.map((d) => [d.id, d.path]));
  const b = c.business;
  const v: Vordering = {
    $schema: `./${VORDERING_SCHEMA_FILE}`,
    schemaVersion: VORDERING_SCHEMA_VERSION,
    generatedOn: c.today,
    calculatedUntil: c.today,
    currency: 'EUR',
    creditor: {
      name: b?.name ?? '', contactName: b?.contactName ?? null, kvk: b?.kvk ?? null, vatId: b?.vatId ?? null,
      street: b?.street ?? '', postcode: b?.postcode ?? '', city: b?.city ?? '', country: b?.country ?? 'NL',
      email: b?.email ?? null, phone: b?.phone ?? null, iban: b?.iban ?? '', bic: b?.bic ?? null,
      vatLiable: b?.canDeductVat ?? true, termsAttached: c.documents.some((d) => d.kind === 'terms'),
    },
    debtor: {
      type: c.debtor.type, name: c.debtor.name, contactName: c.debtor.contactName, kvk: c.debtor.kvk, vatId: c.debtor.vatId,
      street: c.debtor.street, postcode: c.debtor.postcode, city: c.debtor.city, country: c.debtor.country, phone: c.debtor.phone, email: c.debtor.email,
    },
    invoices: c.invoices.map((i) => ({
      number: i.number, invoiceDate: i.invoiceDate, deliveryDate: i.deliveryDate, dueDate: i.dueDate, description: i.description,
      amountCents: i.amount, paidCents: i.paid, creditedCents: i.credited, openCents: i.open, paymentReference: i.paymentReference,
      disputed: i.disputed, disputeReason: i.disputeReason, interestFrom: i.interestFrom, interestCents: i.interest,
      interestPeriods: i.periods.map((p) => ({ from: p.from, to: p.to, days: p.days, percent: p.percent, baseCents: p.base, interestCents: p.interest, paidOn: p.paidOn })),
      limitationDate: i.limitationDate,
      document: i.originalDocumentId !== null ? pathOf.get(i.originalDocumentId) ?? null : null,
    })),
    interest: {
      kind: c.interestKind,
      legalBasis: c.interestKind === 'commercial' ? 'Wettelijke handelsrente, art. 6:119a BW' : 'Wettelijke rente, art. 6:119 BW',
      totalCents: c.totals.interest,
    },
    collectionCosts: {
      applicable: c.costs.applicable, baseCents: c.costs.base, staffelCents: c.costs.staffel,
      slices: c.costs.slices.map((s) => ({ fromCents: s.from, toCents: s.to, percent: s.percent, amountCents: s.amount })),
      minimumApplied: c.costs.minimumApplied, maximumApplied: c.costs.maximumApplied,
      vatSurcharge: c.costs.vatSurcharge, vatCents: c.costs.vat, totalCents: c.costs.total, explanation: c.costs.explanation,
      fourteenDayLetter: c.fourteenDay ? {
        sentOn: c.fourteenDay.sentOn, lastDay: c.fourteenDay.lastDay, termPassed: c.fourteenDay.passed, trackingCode: c.fourteenDay.trackingCode,
        document: c.fourteenDay.documentId !== null ? pathOf.get(c.fourteenDay.documentId) ?? null : null,
      } : null,
    },
    payments: c.payments.map((p) => ({
      date: p.date, amountCents: p.amount, method: p.method, applied: p.applied.map((a) => ({ invoiceNumber: a.invoiceNumber, amountCents: a.amount })), unallocatedCents: p.unallocated,
    })),
    totals: {
      principalCents: c.totals.principal, interestCents: c.totals.interest, collectionCostsCents: c.totals.costs,
      creditCents: c.totals.credit, totalClaimedCents: c.totals.total,
    },
    timeline: c.timeline.map((e) => ({
      date: e.date, type: e.type, label: e.label, description: e.description, channel: e.channel, trackingCode: e.trackingCode,
      invoices: e.invoiceNumbers, document: e.documentId !== null ? pathOf.get(e.documentId) ?? null : null,
    })),
    documents: entries,
  };
  // Never hand out a file that does not match its own schema.
  return vorderingSchema.parse(v);
}

import { z } from 'zod';
import { cents, id, isoDate, language, optionalText, positiveCents, requiredText, type Cents, type IsoDate } from './primitives';
import { emailField, formatPostcode, ibanField, kvkField, POSTCODE_NL, requiredIbanField, vatIdField } from './validators';

export const debtorKind = z.enum(['business', 'consumer']);
export type DebtorKind = z.infer<typeof debtorKind>;

const addressFields = {
  street: optionalText(200),
  postcode: optionalText(20),
  city: optionalText(100),
  country: z.string().trim().length(2, { message: 'Landcode van twee letters, bijvoorbeeld NL.' }).transform((s) => s.toUpperCase()).default('NL'),
};

/** A Dutch address must have a Dutch postcode; abroad anything goes. */
function checkPostcode<T extends { postcode: string | null; country: string }>(value: T, ctx: z.RefinementCtx) {
  if (value.postcode && value.country === 'NL') {
    const pc = formatPostcode(value.postcode);
    if (!POSTCODE_NL.test(pc)) ctx.addIssue({ code: 'custom', path: ['postcode'], message: 'Een Nederlandse postcode ziet eruit als 1234 AB.' });
    else value.postcode = pc;
  }
}

export const businessInput = z.object({
  name: requiredText(200, 'Vul de naam van je bedrijf in.'),
  contactName: optionalText(200),
  street: requiredText(200, 'Vul je adres in: het komt op je brieven.'),
  postcode: requiredText(20, 'Vul je postcode in.'),
  city: requiredText(100, 'Vul je plaats in.'),
  country: addressFields.country,
  email: emailField.nullish().transform((v) => v ?? null),
  phone: optionalText(40),
  website: optionalText(200),
  kvk: kvkField.nullish().transform((v) => v ?? null),
  vatId: vatIdField.nullish().transform((v) => v ?? null),
  iban: requiredIbanField,
  bic: optionalText(11),
  paymentTermDays: z.number().int().min(0).max(365, { message: 'Een betaaltermijn van meer dan een jaar is niet mogelijk.' }).default(30),
  canDeductVat: z.boolean().default(true),
  letterLanguage: language.default('nl'),
}).superRefine(checkPostcode);
export type BusinessInput = z.input<typeof businessInput>;
export type Business = z.output<typeof businessInput> & { updatedAt: string };

export const debtorInput = z.object({
  kind: debtorKind,
  name: requiredText(200, 'Vul de naam van de klant in.'),
  contactName: optionalText(200),
  ...addressFields,
  email: emailField.nullish().transform((v) => v ?? null),
  phone: optionalText(40),
  kvk: kvkField.nullish().transform((v) => v ?? null),
  vatId: vatIdField.nullish().transform((v) => v ?? null),
  iban: ibanField.nullish().transform((v) => v ?? null),
  language: language.default('nl'),
  paymentTermDays: z.number().int().min(0).max(365).nullish().transform((v) => v ?? null),
  notes: optionalText(5000),
}).superRefine(checkPostcode);
export type DebtorInput = z.input<typeof debtorInput>;
export type DebtorFields = z.output<typeof debtorInput>;

export interface Debtor extends DebtorFields {
  id: number;
  archived: boolean;
  isDemo: boolean;
  createdAt: string;
}

export const invoiceInput = z.object({
  debtorId: id,
  number: requiredText(40, 'Vul het factuurnummer in.'),
  invoiceDate: isoDate,
  deliveryDate: isoDate.nullish().transform((v) => v ?? null),
  /** Empty: invoice date + the debtor's (or the business's) payment term. */
  dueDate: isoDate.nullish().transform((v) => v ?? null),
  description: z.string().trim().max(2000).default(''),
  amount: positiveCents,
  /** Empty: a betalingskenmerk is generated. */
  paymentReference: z.string().trim().max(35).nullish().transform((v) => (v ? v : null)),
});
export type InvoiceInput = z.input<typeof invoiceInput>;

export const invoiceUpdate = invoiceInput.omit({ debtorId: true }).extend({ id });

export type InvoiceStatus = 'open' | 'paid' | 'credited';

export interface Invoice {
  id: number;
  debtorId: number;
  number: string;
  kind: 'invoice' | 'credit-note';
  correctsInvoiceId: number | null;
  invoiceDate: IsoDate;
  deliveryDate: IsoDate | null;
  dueDate: IsoDate;
  description: string;
  amount: Cents;
  paid: Cents;
  credited: Cents;
  open: Cents;
  paymentReference: string;
  disputed: boolean;
  disputeReason: string | null;
  source: 'manual' | 'csv' | 'ubl' | 'demo';
  hasPdf: boolean;
  /** Something was sent about this invoice: it can no longer be edited, only credited. */
  locked: boolean;
  status: InvoiceStatus;
  daysOverdue: number;
}

export const creditInput = z.object({
  invoiceId: id,
  amount: positiveCents,
  date: isoDate,
  number: requiredText(40, 'Vul het nummer van de creditnota in.'),
  reason: requiredText(500, 'Geef een reden voor de creditnota.'),
});

export const paymentInput = z.object({
  debtorId: id,
  date: isoDate,
  amount: positiveCents,
  /** Empty: oldest open invoice first. */
  allocations: z.array(z.object({ invoiceId: id, amount: positiveCents })).max(1000).optional(),
  note: optionalText(500),
});
export type PaymentInput = z.input<typeof paymentInput>;

export interface Payment {
  id: number;
  debtorId: number | null;
  date: IsoDate;
  amount: Cents;
  method: 'manual' | 'bank' | 'agency';
  allocations: { invoiceId: number; invoiceNumber: string; amount: Cents }[];
  /** What was not allocated: kept as credit for this debtor. */
  unallocated: Cents;
  note: string | null;
  counterpartyName: string | null;
}

export interface TimelineEvent {
  id: number;
  debtorId: number;
  type: string;
  occurredOn: IsoDate;
  createdAt: string;
  summary: string;
  invoiceIds: number[];
  documentId: number | null;
  data: Record<string, unknown>;
}

export { cents };

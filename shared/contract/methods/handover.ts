import { z } from 'zod';
import { method } from '../define';
import { base64, cents, id, isoDate, optionalText, positiveCents, requiredText } from '../../domain/primitives';
import { emailField } from '../../domain/validators';

/** Handing a claim to an incassobureau (issue 9): the check, the dossier, the handover and what follows. */

export type HandoverCheckId = 'due' | 'dispute' | 'reminders' | 'fourteen-day' | 'limitation' | 'age' | 'agency' | 'terms';

/** One finding of the ready-for-handover check: a plain sentence, in Dutch and in English. */
export interface HandoverCheckItem {
  id: HandoverCheckId;
  status: 'ok' | 'warning';
  title: string;
  titleEn: string;
  message: string;
  messageEn: string;
}

export interface HandoverCheck {
  debtorId: number;
  debtorName: string;
  kind: 'business' | 'consumer';
  /** True when every check is ok. The user may hand over anyway. */
  ready: boolean;
  checks: HandoverCheckItem[];
  /** What the dossier would claim today. */
  claim: { invoices: number; principal: number; interest: number; costs: number; credit: number; total: number };
}

/** The exported dossier (a zip), also stored as a document of kind 'dossier'. */
export interface DossierFile {
  fileName: string;
  mimeType: 'application/zip';
  dataBase64: string;
  sha256: string;
  size: number;
  documentId: number;
}

export const termsKinds = ['no-cure-no-pay', 'fixed-fee', 'other'] as const;
export type TermsKind = (typeof termsKinds)[number];

export interface Agency {
  id: number;
  name: string;
  email: string | null;
  termsKind: TermsKind | null;
  /** Percent (15 = 15 %), null when not known. */
  termsPercent: number | null;
  termsFee: number | null;
}

export const handoverUpdateKinds = ['payment', 'partial', 'settled', 'given-up', 'returned'] as const;
export type HandoverUpdateKind = (typeof handoverUpdateKinds)[number];

export interface HandoverUpdate {
  eventId: number;
  kind: HandoverUpdateKind | 'taken-back';
  date: string;
  summary: string;
  /** What the agency collected from the debtor (gross). */
  gross: number;
  agencyFee: number;
  /** gross − fee: what reaches the user. */
  net: number;
  note: string | null;
  paymentId: number | null;
}

export type HandoverStatus = 'open' | 'partially-paid' | 'settled' | 'given-up' | 'returned' | 'taken-back';

export interface Handover {
  id: number;
  debtorId: number;
  agencyId: number;
  agencyName: string;
  agencyEmail: string | null;
  reference: string | null;
  handedOverOn: string;
  termsKind: TermsKind;
  termsPercent: number | null;
  termsFee: number | null;
  /** The principal handed over. */
  claimed: number;
  status: HandoverStatus;
  closedOn: string | null;
  dossierDocumentId: number | null;
  dossierSha256: string | null;
  /** Numbers of the invoices handed over. */
  invoiceNumbers: string[];
  /** What is still open on those invoices. */
  openAmount: number;
  updates: HandoverUpdate[];
  collected: number;
  fees: number;
  netReceived: number;
}

export interface TermsFile {
  fileName: string;
  mimeType: string;
  dataBase64: string;
  sha256: string;
  size: number;
  savedAt: string;
}

const byDebtor = z.object({ debtorId: id }).strict();
const percent = z.number().min(0, { message: 'Een percentage tussen 0 en 100.' }).max(100, { message: 'Een percentage tussen 0 en 100.' })
  .refine((p) => Math.abs(Math.round(p * 100) - p * 100) < 1e-6, { message: 'Hooguit twee decimalen.' });
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, { message: 'Geen geldige SHA-256.' });

export const handoverRecordInput = z.object({
  debtorId: id,
  agencyName: requiredText(200, 'Vul de naam van het incassobureau in.'),
  agencyEmail: emailField.nullish().transform((v) => v ?? null),
  reference: optionalText(100),
  handedOverOn: isoDate,
  termsKind: z.enum(termsKinds),
  termsPercent: percent.nullish().transform((v) => v ?? null),
  termsFee: cents.nullish().transform((v) => v ?? null),
  /** The SHA-256 of the dossier exported before (handover.exportDossier); empty: a fresh one is made. */
  dossierSha256: sha256.nullish().transform((v) => v ?? null),
}).strict();

export const handoverUpdateInput = z.object({
  handoverId: id,
  kind: z.enum(handoverUpdateKinds),
  date: isoDate,
  /** Collected from the debtor by the agency, before its fee. */
  grossAmount: positiveCents.nullish().transform((v) => v ?? null),
  /** What the agency kept or charged. */
  agencyFee: cents.nullish().transform((v) => v ?? null),
  note: optionalText(500),
}).strict().superRefine((v, ctx) => {
  if ((v.kind === 'payment' || v.kind === 'partial') && v.grossAmount === null) {
    ctx.addIssue({ code: 'custom', path: ['grossAmount'], message: 'Vul het bedrag in dat het incassobureau heeft geïnd.' });
  }
});

export const handoverMethods = {
  'handover.check': method<HandoverCheck>()(byDebtor, 'Is this claim ready to hand over? Findings in plain Dutch (and English); the user may proceed anyway.'),
  'handover.exportDossier': method<DossierFile>()(byDebtor, 'The debtor file for an incassobureau as a zip: overzicht.pdf, vordering.json (+ schema), CSVs, letters, invoices, terms.'),
  'handover.record': method<Handover>()(handoverRecordInput, 'Record that the claim was handed to an agency (the agency is remembered; the dossier is kept).'),
  'handover.update': method<Handover>()(handoverUpdateInput, 'What came of a handover: a payment via the agency (gross, fee), settled, given up, returned.'),
  'handover.takeBack': method<Handover>()(z.object({ handoverId: id, date: isoDate.optional(), note: optionalText(500) }).strict(), 'Take the claim back from the agency: it returns to the normal workflow.'),
  'handover.list': method<Handover[]>()(byDebtor, 'The handovers of one debtor, newest first, with their updates.'),
  'handover.agencies': method<Agency[]>()(z.object({}).strict(), 'Agencies used before, for the picker.'),
  'handover.getDossier': method<DossierFile>()(z.object({ handoverId: id }).strict(), 'The dossier kept with a handover (the exact bytes handed over).'),
  'business.saveTerms': method<{ fileName: string; sha256: string; size: number; savedAt: string }>()(
    z.object({ fileName: z.string().trim().min(1).max(200), dataBase64: base64 }).strict(), 'Store the user\'s algemene voorwaarden (PDF); they go into every dossier.'),
  'business.getTerms': method<TermsFile | null>()(z.object({}).strict(), 'The stored algemene voorwaarden, or null.'),
};

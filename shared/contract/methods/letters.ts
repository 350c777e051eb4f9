import { z } from 'zod';
import { method } from '../define';
import { id, isoDate, language } from '../../domain/primitives';

/**
 * The letters the app writes. The same names are stored as `data.letter` of the 'letter.sent'
 * event, so that the workflow engine can read what was sent.
 */
export const letterKinds = ['reminder', 'final-notice', 'fourteen-day', 'arrangement-confirmation', 'free'] as const;
export type LetterKind = (typeof letterKinds)[number];
export const letterKind = z.enum(letterKinds);

// ---------------------------------------------------------------------------------------------
// PostNL track & trace codes (registered mail)
//
// The rule applied (developer.postnl.nl, Barcode webservice "Specifications barcodes" and the
// Products page "Barcode requirements"): a PostNL barcode has three parts, Type + Range + Serie.
//   - Type 3S (domestic): Range = the customer code, 1–4 characters (PostNL: letters; accepted
//     here as letters or digits), Serie = 7–12 digits, and the whole code is 13–15 characters
//     long. So: "3S" + 1–4 letters/digits + at least 7 digits, 13–15 in total.
//     Example: 3SABCD1234567 (13 characters).
//   - S10 (UPU S10, used by PostNL for international registered mail, e.g. "RR123456785NL"):
//     2 letters + 8 digits + 1 check digit + 2 letters (13 characters). The check digit is the
//     UPU S10 one: weights 8 6 4 2 3 5 9 7, c = 11 − (sum mod 11), 10 → 0, 11 → 5.
// Spaces, dots and dashes are ignored and letters upper-cased before checking; the normalised code
// is what is stored.
// ---------------------------------------------------------------------------------------------

export function normalizeTrackingCode(code: string): string {
  return code.replace(/[\s.-]/g, '').toUpperCase();
}

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7];

function validS10(code: string): boolean {
  const m = /^[A-Z]{2}(\d{8})(\d)[A-Z]{2}$/.exec(code);
  if (!m) return false;
  const sum = [...m[1]!].reduce((s, d, i) => s + Number(d) * S10_WEIGHTS[i]!, 0);
  let check = 11 - (sum % 11);
  if (check === 10) check = 0;
  else if (check === 11) check = 5;
  return check === Number(m[2]);
}

/** Which kind of PostNL code `code` is, or null when it is not one (see the rule above). */
export function trackingCodeKind(code: string): '3S' | 'S10' | null {
  const c = normalizeTrackingCode(code);
  if (/^3S[A-Z0-9]{1,4}\d{7,12}$/.test(c) && c.length >= 13 && c.length <= 15) return '3S';
  if (validS10(c)) return 'S10';
  return null;
}

export function isValidTrackingCode(code: string): boolean {
  return trackingCodeKind(code) !== null;
}

export const trackingCode = z.string().max(40).transform(normalizeTrackingCode).refine(isValidTrackingCode, {
  message: 'Dit is geen PostNL track & trace-code. Een aangetekende brief heeft een code als 3SABCD1234567 (3S, klantcode, cijfers) of RR123456785NL.',
});

// ---------------------------------------------------------------------------------------------
// Settings (business.settings_json → "letters")
// ---------------------------------------------------------------------------------------------

export const envelopeWindow = z.object({
  topMm: z.number().min(0).max(250),
  leftMm: z.number().min(0).max(190),
  widthMm: z.number().min(40).max(150),
  heightMm: z.number().min(25).max(80),
  returnLineMm: z.number().min(0).max(10),
}).strict().refine((w) => w.leftMm + w.widthMm <= 210 && w.topMm + w.heightMm <= 297, {
  message: 'Het venster valt (deels) buiten het A4-vel (210 × 297 mm).',
});
export type EnvelopeWindowSettings = z.infer<typeof envelopeWindow>;

export interface LetterSettings {
  window: EnvelopeWindowSettings;
  /** Place in "Utrecht, 24 november 2026"; null: the business's city. */
  place: string | null;
  /** The place actually printed (place ?? business city). */
  placeInUse: string;
  /** Name under the letter; null: the business contact name, else the business name. */
  signatureName: string | null;
  /** Working days a business gets in a final notice (default 5). */
  finalNoticeWorkingDays: number;
  /** Days a reminder letter gives (default 7; moved to the next working day). */
  reminderDays: number;
  /** Added to the statutory last day of a veertiendagenbrief (a later date is always allowed). */
  fourteenDayExtraDays: number;
}

export const letterSettingsInput = z.object({
  window: envelopeWindow,
  place: z.string().trim().max(100).nullish().transform((v) => (v ? v : null)),
  signatureName: z.string().trim().max(200).nullish().transform((v) => (v ? v : null)),
  finalNoticeWorkingDays: z.number().int().min(1, { message: 'Minimaal één werkdag.' }).max(30).default(5),
  reminderDays: z.number().int().min(1).max(60).default(7),
  fourteenDayExtraDays: z.number().int().min(0).max(30).default(0),
}).strict();

// ---------------------------------------------------------------------------------------------
// Making a letter
// ---------------------------------------------------------------------------------------------

export const letterRequest = z.object({
  debtorId: id,
  kind: letterKind,
  /** Date on the letter = the day it is sent (default: today). */
  date: isoDate.optional(),
  /** Reminder, final notice, free letter: only these invoices (default: all overdue). A veertiendagenbrief always covers all. */
  invoiceIds: z.array(id).max(1000).optional(),
  /** A later last day than the computed one (veertiendagenbrief: never earlier than the statutory one). */
  lastDay: isoDate.optional(),
  /** Claim statutory interest (final notice, veertiendagenbrief; default yes). */
  claimInterest: z.boolean().optional(),
  /**
   * Raise the collection costs by 21 % BTW. Only allowed when the business cannot deduct VAT and
   * uses an outside collection agency; the letter then carries the required declaration.
   */
  vatSurcharge: z.boolean().optional(),
  /** Print the limitation-interrupting reservation of rights (always on for final notices). */
  interruptLimitation: z.boolean().optional(),
  /** Arrangement confirmation: the plan (default: the debtor's latest active plan). */
  planId: id.optional(),
  /** Arrangement confirmation: whether statutory interest keeps running during the plan. */
  interestContinues: z.boolean().optional(),
  /** Free letter: subject and text (paragraphs separated by a blank line), or a stored template. */
  subject: z.string().trim().max(200).optional(),
  body: z.string().max(20_000).optional(),
  templateId: id.optional(),
  language: language.optional(),
  yourReference: z.string().trim().max(100).optional(),
}).strict();
export type LetterRequest = z.input<typeof letterRequest>;

/** One item of the veertiendagenbrief checklist (docs/domain-nl.md §2). */
export interface LetterCheck {
  item: number;
  title: string;
  ok: boolean;
  message: string;
}

/** What a letter says, in numbers: stored as the 'letter.sent' event's data. */
export interface LetterSummary {
  letter: LetterKind;
  language: 'nl' | 'en';
  date: string;
  subject: string;
  ourReference: string;
  invoices: { id: number; number: string; dueDate: string; open: number }[];
  principal: number;
  interest: number;
  /** Collection costs stated in the letter (owed now for a business; the consequence for a consumer). */
  costs: number;
  /** The BTW part of `costs` when the surcharge was chosen. */
  costsVat: number;
  vatSurcharge: boolean;
  /** What the letter asks to be paid now. */
  totalDue: number;
  /** The last day to pay stated in the letter. */
  lastDay: string | null;
  /** Veertiendagenbrief: presumed delivery (2nd postal day after sending). */
  presumedDelivery: string | null;
  /** Veertiendagenbrief: the first day on which the collection costs are owed if unpaid. */
  costsDueFrom: string | null;
  interruptsLimitation: boolean;
  planId: number | null;
  checks: LetterCheck[];
  warnings: string[];
}

/** A PDF crossing the boundary as bytes (base64). */
export interface PdfFile {
  fileName: string;
  mimeType: 'application/pdf';
  dataBase64: string;
  pages: number;
}

export interface LetterPreview extends PdfFile {
  summary: LetterSummary;
}

/** A produced letter as stored: its exact bytes and what its 'letter.sent' event recorded. */
export interface StoredLetterFile extends PdfFile {
  documentId: number;
  sha256: string;
  summary: LetterSummary | null;
}

export interface ProducedLetter extends LetterPreview {
  documentId: number;
  eventId: number;
  sha256: string;
}

export interface StoredLetter {
  documentId: number;
  debtorId: number;
  debtorName: string;
  fileName: string;
  sha256: string;
  createdAt: string;
  letter: LetterKind | null;
  date: string;
  subject: string;
  lastDay: string | null;
  costsDueFrom: string | null;
  totalDue: number | null;
  registered: { trackingCode: string; sentOn: string; emailCopy: boolean } | null;
}

export interface LetterOptions {
  debtorId: number;
  debtorKind: 'business' | 'consumer';
  date: string;
  hasAddress: boolean;
  overdueInvoices: { id: number; number: string; dueDate: string; open: number; disputed: boolean }[];
  kinds: { kind: LetterKind; available: boolean; reason: string | null }[];
  suggested: LetterKind | null;
  plans: { id: number; total: number; installments: number; firstDate: string; status: string }[];
  /** Computed last day of a veertiendagenbrief sent on `date`. */
  fourteenDayLastDay: string;
  finalNoticeLastDay: string;
  canVatSurcharge: boolean;
}

export interface RegisteredResult {
  eventId: number;
  trackingCode: string;
  trackingKind: '3S' | 'S10';
  costsDueFrom: string | null;
  warnings: string[];
}

export interface BatchResult {
  fileName: string;
  mimeType: 'application/pdf';
  /** Empty when no letter could be made. */
  dataBase64: string;
  pages: number;
  letters: { debtorId: number; debtorName: string; kind: LetterKind; documentId: number | null; pages: number }[];
  skipped: { debtorId: number; debtorName: string; reason: string }[];
}

export interface LimitationRow {
  invoiceId: number;
  invoiceNumber: string;
  debtorId: number;
  debtorName: string;
  dueDate: string;
  open: number;
  /** Last day on which the claim is not yet time-barred. */
  limitationDate: string;
  /** Dates counted as interruption (letter delivery, acknowledgement, partial payment). */
  interruptions: string[];
  daysLeft: number;
  expired: boolean;
}

export const letterMethods = {
  'letters.settings': method<LetterSettings>()(z.object({}).strict(), 'Letter settings: envelope window, place name, signature, terms.'),
  'letters.saveSettings': method<LetterSettings>()(letterSettingsInput, 'Save the letter settings (in business.settings_json).'),
  'letters.testPrint': method<PdfFile>()(z.object({ window: envelopeWindow.optional() }).strict(), 'A test print that draws the envelope window outline (PDF, base64).'),
  'letters.options': method<LetterOptions>()(z.object({ debtorId: id, date: isoDate.optional() }).strict(), 'Which letters can be made for a debtor now, and why not.'),
  'letters.preview': method<LetterPreview>()(letterRequest, 'Render a letter to PDF (base64) without storing anything.'),
  'letters.produce': method<ProducedLetter>()(letterRequest, 'Render a letter once, store its exact PDF bytes and record it as sent.'),
  'letters.get': method<StoredLetterFile>()(z.object({ documentId: id }).strict(), 'The stored bytes of a produced letter, never regenerated.'),
  'letters.list': method<StoredLetter[]>()(z.object({ debtorId: id.optional() }).strict(), 'Produced letters, newest first, with their registered-mail status.'),
  'letters.registered': method<RegisteredResult>()(z.object({
    documentId: id,
    sentOn: isoDate,
    trackingCode,
    emailCopy: z.boolean().optional(),
  }).strict(), 'Record that a produced letter went by registered mail (PostNL track & trace).'),
  'letters.batch': method<BatchResult>()(z.object({
    debtorIds: z.array(id).min(1, { message: 'Kies minstens één klant.' }).max(500),
    kind: z.union([letterKind, z.literal('auto')]).default('auto'),
    date: isoDate.optional(),
    produce: z.boolean().default(true),
  }).strict(), 'One PDF with the letters of several debtors (each stored on its own when produced).'),
  'letters.limitation': method<LimitationRow[]>()(z.object({ debtorId: id }).strict(), 'The limitation date of each open invoice of a debtor.'),
  'letters.limitationWarnings': method<LimitationRow[]>()(z.object({ withinMonths: z.number().int().min(0).max(60).default(3) }).strict(), 'Open invoices within N months (default 3) of their limitation date, or past it.'),
};

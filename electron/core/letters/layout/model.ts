// The input of the letter layout: everything already computed by the caller (amounts, interest,
// costs, the last payment day, the EPC QR payload). The layout only arranges and formats it; it holds
// no law logic.

/** Integer euro cents. */
export type Cents = number;
/** A calendar date, `yyyy-MM-dd`. */
export type IsoDate = string;

export interface LetterSender {
  name: string;
  contactName?: string;
  street: string;
  postcode: string;
  city: string;
  /** Left off the letter when it is the Netherlands. */
  country?: string;
  /** Required on business letters (art. 27 Handelsregisterwet); printed in the letterhead and footer. */
  kvk?: string;
  vatId?: string;
  iban: string;
  bic?: string;
  phone?: string;
  email?: string;
  website?: string;
  /** A PNG logo, printed at the top of the letterhead (at most 45 × 18 mm). */
  logoPng?: Uint8Array;
}

export interface LetterRecipient {
  name: string;
  /** Printed as "t.a.v. …" / "Attn. …" under the name. */
  contactName?: string;
  street: string;
  postcode: string;
  city: string;
  /** Printed in capitals as the last address line unless it is the Netherlands. */
  country?: string;
}

/** The envelope window, measured from the top left corner of the A4 sheet. */
export interface EnvelopeWindow {
  topMm: number;
  leftMm: number;
  widthMm: number;
  heightMm: number;
  /** Height of the return-address zone at the top of the window. */
  returnLineMm: number;
}

/** DIN 5008 form B: 45 mm from the top, 20 mm from the left, 85 × 45 mm, 5 mm return-address zone. */
export const DEFAULT_WINDOW: Readonly<EnvelopeWindow> = Object.freeze({
  topMm: 45,
  leftMm: 20,
  widthMm: 85,
  heightMm: 45,
  returnLineMm: 5,
});

export interface SpecificationRow {
  number: string;
  invoiceDate: IsoDate;
  dueDate: IsoDate;
  amount: Cents;
  paid: Cents;
  open: Cents;
}

export interface InterestPeriod {
  from: IsoDate;
  /** Inclusive ("t/m"). */
  to: IsoDate;
  days: number;
  /** The yearly rate in percent, e.g. 10.15. */
  percent: number;
  base: Cents;
  interest: Cents;
  /** What the period is about (an invoice number); when any period has one, the table gets a column for it. */
  label?: string;
}

export interface LetterPayment {
  iban: string;
  bic?: string;
  accountName: string;
  /** The betalingskenmerk or RF reference, already formatted for print. */
  reference: string;
  /** The label printed before `reference` (default: "Betalingskenmerk" / "Payment reference"). */
  referenceLabel?: string;
  amount: Cents;
  lastDay?: IsoDate;
  /** A complete EPC QR payload (EPC069-12), already built; encoded as-is, byte mode, UTF-8. */
  qrPayload?: string;
}

export interface LetterModel {
  language: 'nl' | 'en';
  sender: LetterSender;
  recipient: LetterRecipient;
  /** Defaults to DEFAULT_WINDOW. */
  window?: EnvelopeWindow;
  place: string;
  date: IsoDate;
  ourReference: string;
  yourReference?: string;
  subject: string;
  salutation: string;
  /** Body paragraphs; `**text**` prints bold, a newline breaks the line. */
  paragraphs: string[];
  closing: string;
  signatureName: string;
  specification?: { rows: SpecificationRow[]; totalOpen: Cents };
  interest?: { periods: InterestPeriod[]; total: Cents; kindLabel: string };
  costs?: { amount: Cents; explanation: string; vat?: Cents };
  totalDue?: Cents;
  payment?: LetterPayment;
  attachments?: string[];
  /**
   * A block for the recipient to sign and return ("Voor akkoord", with lines for name, date and
   * signature), printed after the closing and kept on one page.
   */
  signatureBlock?: { heading: string; fields: string[] };
  footerNote?: string;
  /** The test print: draw the window's rectangle (and a label) on top of the fold marks. */
  drawWindowOutline?: boolean;
}

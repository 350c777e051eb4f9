export { buildLetterDocument, FOLD_MARKS_MM, MARGINS_MM, mm, PAGE_MM, PUNCH_MARK_MM, QR_SIZE_MM } from './buildLetterDocument';
export { DEFAULT_WINDOW } from './model';
export type {
  Cents, EnvelopeWindow, InterestPeriod, IsoDate, LetterModel, LetterPayment, LetterRecipient, LetterSender,
  SpecificationRow,
} from './model';
export {
  addressLines, formatCents, formatIban, formatLongDate, formatPercent, formatPostcode, formatShortDate,
  returnAddressLine,
} from './format';
export type { LetterLanguage } from './format';
export { LABELS } from './labels';
export { parseBoldMarkup } from './markup';
export { epcQrSvg } from './qr';

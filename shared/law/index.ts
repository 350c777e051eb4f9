// Public surface of shared/law: Dutch collection law as pure functions (no Node, no DOM).
export type { Cents, InterestKind, InterestPeriod, IsoDate, Payment, RatePeriod } from './types';
export { BIK_MAXIMUM, BIK_MINIMUM, BIK_VAT_PERCENT, collectionCosts } from './collectionCosts';
export { mergeRates, normalizeRates, rateAt, statutoryRates } from './rates';
export { statutoryInterest } from './interest';
export type { StatutoryInterestInput, StatutoryInterestResult } from './interest';
export { dutchPublicHolidays, easterSunday, EQUATED_DAYS, equatedDays, isDutchPublicHoliday, isEquatedDay } from './holidays';
export type { EquatedDay, Holiday } from './holidays';
export { addWorkingDays, isWorkingDay, nextWorkingDay, statutoryTermEnd } from './workingDays';
export { fourteenDayLetterDeadline, presumedDeliveryDate } from './fourteenDayLetter';
export { limitationDate } from './limitation';
export type { LimitationInput } from './limitation';
export {
  betalingskenmerkCheckDigit, betalingskenmerkDigitsFor, createBetalingskenmerk, formatBetalingskenmerk,
  isValidBetalingskenmerk,
} from './betalingskenmerk';
export { createRfReference, formatRfReference, isValidRfReference } from './rfReference';
export { formatIban, IBAN_LENGTHS, isValidIban, normalizeIban } from './iban';
export { isValidDutchVatId, normalizeDutchVatId } from './vatId';
export { isValidKvkNumber, isValidVestigingsnummer } from './kvk';
export { formatDutchPostcode, isValidDutchPostcode, isValidEmail } from './validation';
export { EPC_MAX_BYTES, epcQrPayload } from './epcQr';
export type { EpcQrInput } from './epcQr';
export { centsToDecimal } from './money';
export { isIsoDate } from './dates';

import { describe, expect, it } from 'vitest';
import * as law from '../../../shared/law';

describe('public surface of shared/law (issue 5)', () => {
  it.each([
    'collectionCosts', 'statutoryInterest', 'statutoryRates', 'mergeRates', 'rateAt', 'isDutchPublicHoliday',
    'dutchPublicHolidays', 'nextWorkingDay', 'addWorkingDays', 'fourteenDayLetterDeadline', 'limitationDate',
    'createBetalingskenmerk', 'isValidBetalingskenmerk', 'formatBetalingskenmerk', 'createRfReference',
    'isValidRfReference', 'isValidIban', 'formatIban', 'normalizeIban', 'isValidDutchVatId', 'isValidKvkNumber',
    'isValidDutchPostcode', 'formatDutchPostcode', 'isValidEmail', 'epcQrPayload',
  ])('exports %s', (name) => {
    expect(typeof (law as Record<string, unknown>)[name]).toBe('function');
  });
});

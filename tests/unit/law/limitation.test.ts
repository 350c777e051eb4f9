import { describe, expect, it } from 'vitest';
import { limitationDate } from '../../../shared/law';

// The result is the LAST DAY on which the claim is not yet time-barred.
describe('verjaring (art. 3:307, 3:308, 7:28 BW)', () => {
  it('five years from the day after the due date: due 2024-03-31 → last day 2029-03-31', () => {
    expect(limitationDate({ dueDate: '2024-03-31', consumerSaleOfGoods: false, interruptions: [] })).toBe('2029-03-31');
  });

  it('two years for the price in a consumentenkoop (7:28): due 2024-03-31 → 2026-03-31', () => {
    expect(limitationDate({ dueDate: '2024-03-31', consumerSaleOfGoods: true, interruptions: [] })).toBe('2026-03-31');
  });

  it('handles leap days: due 2024-02-28 (period from 29 February) → 2029-02-28', () => {
    expect(limitationDate({ dueDate: '2024-02-28', consumerSaleOfGoods: false, interruptions: [] })).toBe('2029-02-28');
    expect(limitationDate({ dueDate: '2024-02-29', consumerSaleOfGoods: false, interruptions: [] })).toBe('2029-02-28');
    expect(limitationDate({ dueDate: '2023-02-28', consumerSaleOfGoods: true, interruptions: [] })).toBe('2025-02-28');
  });

  it('does not move the date off a weekend (Algemene termijnenwet art. 4: terms in years)', () => {
    // 2029-03-31 is a Saturday
    expect(limitationDate({ dueDate: '2024-03-31', consumerSaleOfGoods: false, interruptions: [] })).toBe('2029-03-31');
  });
});

describe('stuiting (art. 3:317, 3:318, 3:319 BW)', () => {
  const due = '2024-03-31';

  it('an aanmaning starts a new five-year period from the next day', () => {
    expect(limitationDate({ dueDate: due, consumerSaleOfGoods: false, interruptions: ['2027-06-15'] })).toBe('2032-06-15');
  });

  it('the new period has the original length: two years for a consumentenkoop', () => {
    expect(limitationDate({ dueDate: due, consumerSaleOfGoods: true, interruptions: ['2025-11-03'] })).toBe('2027-11-03');
  });

  it('never ends before the original period (3:319 lid 2)', () => {
    expect(limitationDate({ dueDate: due, consumerSaleOfGoods: true, interruptions: ['2024-02-10'] })).toBe('2026-03-31');
    expect(limitationDate({ dueDate: due, consumerSaleOfGoods: true, interruptions: ['2024-03-31'] })).toBe('2026-03-31');
  });

  it('each interruption counts from its own date, in date order whatever the input order', () => {
    expect(limitationDate({ dueDate: due, consumerSaleOfGoods: true, interruptions: ['2027-11-01', '2025-11-03'] })).toBe('2029-11-01');
    expect(limitationDate({ dueDate: due, consumerSaleOfGoods: false, interruptions: ['2026-01-10', '2030-05-05', '2029-01-01'] })).toBe('2035-05-05');
  });

  it('an interruption on the last day still counts', () => {
    expect(limitationDate({ dueDate: due, consumerSaleOfGoods: false, interruptions: ['2029-03-31'] })).toBe('2034-03-31');
  });

  it('a letter after the claim is time-barred does not revive it', () => {
    expect(limitationDate({ dueDate: due, consumerSaleOfGoods: false, interruptions: ['2029-04-01'] })).toBe('2029-03-31');
    expect(limitationDate({ dueDate: due, consumerSaleOfGoods: true, interruptions: ['2026-04-01', '2026-05-01'] })).toBe('2026-03-31');
  });

  it('refuses invalid dates', () => {
    expect(() => limitationDate({ dueDate: due, consumerSaleOfGoods: false, interruptions: ['2027-02-30'] })).toThrow(/stuitingsdatum nr. 1/);
    expect(() => limitationDate({ dueDate: '2024/03/31', consumerSaleOfGoods: false, interruptions: [] })).toThrow(/vervaldatum/);
  });
});

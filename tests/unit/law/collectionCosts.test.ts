import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BIK_MAXIMUM, BIK_MINIMUM, collectionCosts } from '../../../shared/law';

describe('BIK staffel (Besluit BIK art. 2 lid 1 en 2)', () => {
  it.each([
    // hoofdsom (cents), BIK, BIK + 21 % (docs/domain-nl.md §1 examples)
    [20_000, 4_000, 4_840], // € 200: 15 % = € 30 → minimum € 40
    [100_000, 15_000, 18_150], // € 1,000: 15 %
    [300_000, 42_500, 51_425], // € 3,000: 375 + 10 % × 500
    [1_200_000, 89_500, 108_295], // € 12,000: 375 + 250 + 250 + 1 % × 2,000
    [100_000_000, 677_500, 819_775], // € 1,000,000: the cap
    [500_000_000, 677_500, 819_775], // above € 1,000,000: still the cap
  ])('hoofdsom %i cents → %i cents (with BTW %i)', (principal, costs, withVat) => {
    expect(collectionCosts(principal)).toBe(costs);
    expect(collectionCosts(principal, { vatSurcharge: true })).toBe(withVat);
  });

  it('applies each slice at its own rate, at the slice edges', () => {
    expect(collectionCosts(250_000)).toBe(37_500); // 15 % of € 2,500
    expect(collectionCosts(500_000)).toBe(62_500); // + 10 % of € 2,500
    expect(collectionCosts(1_000_000)).toBe(87_500); // + 5 % of € 5,000
    expect(collectionCosts(20_000_000)).toBe(277_500); // + 1 % of € 190,000
    expect(collectionCosts(20_000_100)).toBe(277_501); // + 0.5 % of € 1 = half a cent → up
  });

  it('never goes below € 40 (lid 2), also for a very small claim', () => {
    expect(collectionCosts(1)).toBe(4_000);
    expect(collectionCosts(26_666)).toBe(4_000); // 15 % = € 39.999
  });

  it('rounds half-up to the cent once', () => {
    expect(collectionCosts(26_669)).toBe(4_000); // € 40.0035
    expect(collectionCosts(26_670)).toBe(4_001); // € 40.005 → € 40.01
    expect(collectionCosts(26_670, { vatSurcharge: true })).toBe(4_841); // € 48.4121
    expect(collectionCosts(99_999_999)).toBe(677_500); // € 6,774.999950 → € 6,775.00
  });

  it('adds BTW only when asked (Besluit BIK art. 2 lid 3)', () => {
    expect(collectionCosts(300_000, {})).toBe(42_500);
    expect(collectionCosts(300_000, { vatSurcharge: false })).toBe(42_500);
  });

  it('gives 0 when there is no principal', () => {
    expect(collectionCosts(0)).toBe(0);
    expect(collectionCosts(0, { vatSurcharge: true })).toBe(0);
  });

  it('refuses negative, fractional and non-numeric amounts', () => {
    expect(() => collectionCosts(-1)).toThrow(/negatief/);
    expect(() => collectionCosts(100.5)).toThrow(/geheel aantal centen/);
    expect(() => collectionCosts(Number.NaN)).toThrow(/geen getal/);
  });

  it('property: between € 40 and € 6,775 before BTW, and never decreasing with the principal', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 100_000_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (principal, extra) => {
      const costs = collectionCosts(principal);
      expect(costs).toBeGreaterThanOrEqual(BIK_MINIMUM);
      expect(costs).toBeLessThanOrEqual(BIK_MAXIMUM);
      expect(collectionCosts(principal + extra)).toBeGreaterThanOrEqual(costs);
      expect(collectionCosts(principal, { vatSurcharge: true })).toBe(Math.floor((costs * 121 + 50) / 100));
    }));
  });
});

import { describe, expect, it } from 'vitest';
import { mergeRates, rateAt, statutoryRates } from '../../../shared/law';
import type { RatePeriod } from '../../../shared/law';

describe('rate tables (art. 6:119, 6:119a, 6:120 BW; domain doc §3)', () => {
  it('start on 2015-01-01, sorted, one row per half year, each with a source', () => {
    for (const kind of ['commercial', 'consumer'] as const) {
      const rows = statutoryRates(kind);
      expect(rows[0].from).toBe('2015-01-01');
      for (let i = 1; i < rows.length; i++) expect(rows[i].from > rows[i - 1].from).toBe(true);
      for (const row of rows) {
        expect(row.from).toMatch(/^\d{4}-(01|07)-01$/);
        expect(row.source.length).toBeGreaterThan(0);
      }
      expect(rows.map((r) => r.from)).toContain('2026-01-01');
    }
  });

  it('list every half year from 2016-07-01 to 2022-07-01 explicitly at 2 % / 8 % (derived, not verified)', () => {
    const halfYears: string[] = [];
    for (let y = 2016; y <= 2022; y++) for (const h of ['01-01', '07-01']) halfYears.push(`${y}-${h}`);
    const expected = halfYears.filter((d) => d >= '2016-07-01' && d <= '2022-07-01');
    expect(expected).toHaveLength(13);
    const commercial = statutoryRates('commercial');
    const consumer = statutoryRates('consumer');
    for (const from of expected) {
      expect(commercial.find((r) => r.from === from)).toMatchObject({ percent: 8, verified: false });
      expect(consumer.find((r) => r.from === from)).toMatchObject({ percent: 2, verified: false });
    }
  });

  it.each([
    ['2015-01-01', 8.05, true, 2, true],
    ['2015-07-01', 8.05, false, 2, false],
    ['2016-01-01', 8.05, true, 2, true],
    ['2023-01-01', 10.5, true, 4, true],
    ['2023-07-01', 12, true, 6, true],
    ['2024-01-01', 12.5, true, 7, true],
    ['2024-07-01', 12.25, true, 7, true],
    ['2025-01-01', 11.15, false, 6, false],
    ['2025-07-01', 10.15, true, 6, false],
    ['2026-01-01', 10.15, false, 4, false],
  ])('row %s: handelsrente %d (verified %s), wettelijke rente %d (verified %s)', (from, commercial, cv, consumer, uv) => {
    expect(statutoryRates('commercial').find((r) => r.from === from)).toMatchObject({ percent: commercial, verified: cv });
    expect(statutoryRates('consumer').find((r) => r.from === from)).toMatchObject({ percent: consumer, verified: uv });
  });

  it('rateAt gives the row in force on a date', () => {
    expect(rateAt('commercial', '2024-06-30')?.percent).toBe(12.5);
    expect(rateAt('commercial', '2024-07-01')?.percent).toBe(12.25);
    expect(rateAt('consumer', '2023-08-15')?.percent).toBe(6);
    expect(rateAt('commercial', '2030-01-01')?.from).toBe('2026-01-01');
    expect(rateAt('commercial', '2014-12-31')).toBeUndefined();
    expect(rateAt('commercial', '2020-05-05', [{ from: '2020-01-01', percent: 3, source: 'x', verified: true }])?.percent).toBe(3);
    expect(() => rateAt('commercial', '2024-13-01')).toThrow(/Ongeldige datum/);
  });

  it('hands out copies: changing a returned table does not change the built-in one', () => {
    const rows = statutoryRates('commercial');
    rows[0].percent = 99;
    rows.pop();
    expect(statutoryRates('commercial')[0].percent).toBe(8.05);
    expect(statutoryRates('commercial').length).toBe(rows.length + 1);
  });

  describe('mergeRates (the user adds or corrects rates)', () => {
    const builtIn = statutoryRates('consumer');
    const correction: RatePeriod = { from: '2026-01-01', percent: 4, source: 'Stb. (eigen invoer)', verified: true };
    const newer: RatePeriod = { from: '2026-07-01', percent: 5, source: 'eigen invoer', verified: true };

    it('replaces a row with the same start date and adds new rows, sorted', () => {
      const merged = mergeRates(builtIn, [newer, correction]);
      expect(merged).toHaveLength(builtIn.length + 1);
      expect(merged.find((r) => r.from === '2026-01-01')).toEqual(correction);
      expect(merged[merged.length - 1]).toEqual(newer);
      expect(rateAt('consumer', '2026-08-01', merged)?.percent).toBe(5);
      expect(builtIn.find((r) => r.from === '2026-01-01')?.verified).toBe(false); // input untouched
    });

    it('refuses unusable rows', () => {
      expect(() => mergeRates(builtIn, [{ ...newer, percent: -1 }])).toThrow(/rentepercentage/);
      expect(() => mergeRates(builtIn, [{ ...newer, from: '2026-7-1' }])).toThrow(/Ongeldige/);
      expect(() => mergeRates(builtIn, [newer, { ...newer }])).toThrow(/twee regels/);
      expect(() => mergeRates(builtIn, [{ ...newer, percent: 1.00001 }])).toThrow(/decimalen/);
    });
  });
});

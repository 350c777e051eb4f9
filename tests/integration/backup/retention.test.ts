// The retention rule of automatic backups (electron/core/backup/retention.ts): worked examples and
// the invariants that must hold for any set of dates.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayKey, isoWeekKey, monthKey, selectBackupsToKeep, selectBackupsToPrune, selectNewest, type DatedCopy } from '../../../electron/core/backup/retention';

const copy = (iso: string): DatedCopy => ({ id: iso, takenAt: new Date(iso) });
const kept = (copies: DatedCopy[]) => [...selectBackupsToKeep(copies)].sort();

/** One copy per day at 09:00 UTC for `days` days ending on `last` (newest last). */
function daily(last: string, days: number): DatedCopy[] {
  const end = new Date(`${last}T09:00:00.000Z`).getTime();
  return Array.from({ length: days }, (_, i) => copy(new Date(end - (days - 1 - i) * 86_400_000).toISOString()));
}

describe('ISO weeks', () => {
  it.each([
    ['2026-11-24', '2026-W48'], // a Tuesday
    ['2026-11-23', '2026-W48'], // Monday starts the week
    ['2026-11-22', '2026-W47'], // Sunday ends the one before
    ['2021-01-03', '2020-W53'], // early January can belong to the last week of the year before
    ['2020-12-31', '2020-W53'],
    ['2024-12-30', '2025-W01'], // late December can belong to week 1 of the next year
    ['2026-01-01', '2026-W01'],
  ])('%s is in %s', (date, week) => {
    expect(isoWeekKey(new Date(`${date}T12:00:00Z`))).toBe(week);
  });
});

describe('keeping 7 daily, 4 weekly and 12 monthly copies', () => {
  it('keeps everything while there are few copies', () => {
    const copies = daily('2026-11-24', 5);
    expect(kept(copies)).toEqual(copies.map((c) => c.id).sort());
  });

  it('a year of daily copies: the last 7 days, the newest of the last 4 weeks, the newest of the last 12 months', () => {
    const copies = daily('2026-11-24', 400);
    const keep = kept(copies);
    const expected = new Set<string>();
    // 7 days: 18–24 November.
    for (const d of ['18', '19', '20', '21', '22', '23', '24']) expected.add(`2026-11-${d}T09:00:00.000Z`);
    // 4 weeks: the newest copy of W48 (24th), W47 (Sunday 22nd), W46 (15th), W45 (8th).
    for (const d of ['2026-11-24', '2026-11-22', '2026-11-15', '2026-11-08']) expected.add(`${d}T09:00:00.000Z`);
    // 12 months: the last day of each month (the 24th for November), back to December 2025.
    for (const d of ['2026-11-24', '2026-10-31', '2026-09-30', '2026-08-31', '2026-07-31', '2026-06-30', '2026-05-31', '2026-04-30', '2026-03-31', '2026-02-28', '2026-01-31', '2025-12-31']) {
      expected.add(`${d}T09:00:00.000Z`);
    }
    expect(keep).toEqual([...expected].sort());
    expect(keep).toHaveLength(7 + 2 + 11); // the 24th and 22nd are day and week copies; the 24th is also November's
  });

  it('keeps only the newest copy of a day when several were made', () => {
    const copies = ['2026-11-24T08:00:00.000Z', '2026-11-24T12:00:00.000Z', '2026-11-24T18:00:00.000Z', '2026-11-23T10:00:00.000Z'].map(copy);
    expect(kept(copies)).toEqual(['2026-11-23T10:00:00.000Z', '2026-11-24T18:00:00.000Z']);
    expect(selectBackupsToPrune(copies).sort()).toEqual(['2026-11-24T08:00:00.000Z', '2026-11-24T12:00:00.000Z']);
  });

  it('counts the days that have a copy, not back from today: a laptop off for months keeps its last copies', () => {
    const copies = [...daily('2025-03-10', 30)];
    const keep = kept(copies);
    // 7 days from 4–10 March 2025, plus the newest of earlier weeks and of February 2025.
    expect(keep).toContain('2025-03-10T09:00:00.000Z');
    expect(keep).toContain('2025-03-04T09:00:00.000Z');
    expect(keep).toContain('2025-02-28T09:00:00.000Z');
    expect(keep.length).toBeGreaterThanOrEqual(9);
  });

  it('never deletes a copy whose date cannot be read', () => {
    const copies = [...daily('2026-11-24', 40), { id: 'onleesbaar', takenAt: new Date(Number.NaN) }];
    expect(selectBackupsToKeep(copies).has('onleesbaar')).toBe(true);
    expect(selectNewest(copies, 3).has('onleesbaar')).toBe(true);
  });

  it('keeps the newest N of a series (copies before imports)', () => {
    const copies = daily('2026-11-24', 15);
    expect([...selectNewest(copies, 10)].sort()).toEqual(copies.slice(5).map((c) => c.id).sort());
  });
});

describe('retention invariants (property-based)', () => {
  const dates = fc.array(fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2027-12-31T23:59:59Z'), noInvalidDate: true }), { maxLength: 400 })
    .map((ds) => [...new Map(ds.map((d) => [d.toISOString(), copy(d.toISOString())])).values()]);

  it('keeps a subset, at most 7 + 4 + 12, always the newest, and the rest is exactly what prune returns', () => {
    fc.assert(fc.property(dates, (copies) => {
      const keep = selectBackupsToKeep(copies);
      const ids = new Set(copies.map((c) => c.id));
      for (const id of keep) expect(ids.has(id)).toBe(true);
      expect(keep.size).toBeLessThanOrEqual(23);
      if (copies.length > 0) {
        const newest = copies.reduce((a, b) => (b.takenAt > a.takenAt ? b : a));
        expect(keep.has(newest.id)).toBe(true);
      }
      const pruned = selectBackupsToPrune(copies);
      expect(pruned.length + keep.size).toBe(copies.length);
      for (const id of pruned) expect(keep.has(id)).toBe(false);
    }), { numRuns: 300 });
  });

  it('keeps one copy for each of the 7 newest days, 4 newest weeks and 12 newest months that have copies', () => {
    fc.assert(fc.property(dates, (copies) => {
      const keep = copies.filter((c) => selectBackupsToKeep(copies).has(c.id));
      for (const [count, key] of [[7, dayKey], [4, isoWeekKey], [12, monthKey]] as const) {
        const periods = [...new Set(copies.map((c) => key(c.takenAt)))].sort().reverse().slice(0, count);
        for (const p of periods) {
          // The newest copy of that period is kept.
          const newest = copies.filter((c) => key(c.takenAt) === p).reduce((a, b) => (b.takenAt > a.takenAt ? b : a));
          expect(keep.map((c) => c.id)).toContain(newest.id);
        }
      }
    }), { numRuns: 200 });
  });

  it('is stable: pruning again what was kept deletes nothing more, whatever the order of the input', () => {
    fc.assert(fc.property(dates, fc.integer(), (copies, seed) => {
      const keep = selectBackupsToKeep(copies);
      const remaining = copies.filter((c) => keep.has(c.id));
      expect(selectBackupsToPrune(remaining)).toEqual([]);
      const shuffled = [...copies].sort((a, b) => ((a.id.charCodeAt(5) * seed) % 7) - ((b.id.charCodeAt(5) * seed) % 7));
      expect([...selectBackupsToKeep(shuffled)].sort()).toEqual([...keep].sort());
    }), { numRuns: 200 });
  });
});

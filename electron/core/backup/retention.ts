// Which automatic backups to keep: a pure function of their dates, unit-tested on its own
// (tests/integration/backup/retention.test.ts). The rule is the classic grandfather-father-son
// scheme (as `restic forget --keep-daily 7 --keep-weekly 4 --keep-monthly 12`):
//
//   walk the copies newest first; keep the newest copy of each of the 7 most recent days that
//   have a copy, of each of the 4 most recent ISO weeks, and of each of the 12 most recent months.
//
// The periods are counted among the days/weeks/months that *have* a copy, not back from today, so
// a laptop that was switched off for half a year still keeps its last 7 + 4 + 12 copies: pruning
// never throws away the only copies there are. Days, weeks and months are UTC (the time stamps in
// the file names are UTC), which makes the rule the same on every computer.

export interface RetentionPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, weekly: 4, monthly: 12 };

export interface DatedCopy {
  /** Anything that identifies the copy (its file name). */
  id: string;
  takenAt: Date;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export const dayKey = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
export const monthKey = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;

/** ISO 8601 week of a date (weeks start on Monday; week 1 holds the year's first Thursday): `2026-W48`. */
export function isoWeekKey(d: Date): string {
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const weekday = day.getUTCDay() || 7; // Monday 1 … Sunday 7
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const year = day.getUTCFullYear();
  const week = Math.ceil(((day.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${pad(week)}`;
}

/**
 * The ids of the copies to keep. Copies with an invalid date are always kept (never delete what
 * cannot be dated). The newest copy is always kept, whatever the policy.
 */
export function selectBackupsToKeep(copies: readonly DatedCopy[], policy: RetentionPolicy = DEFAULT_RETENTION): Set<string> {
  const keep = new Set<string>();
  const dated = copies.filter((c) => {
    if (Number.isNaN(c.takenAt.getTime())) { keep.add(c.id); return false; }
    return true;
  });
  // Newest first; equal times in a stable order (by id) so the answer does not depend on input order.
  const sorted = [...dated].sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  if (sorted[0]) keep.add(sorted[0].id);
  const buckets: [number, (d: Date) => string][] = [[policy.daily, dayKey], [policy.weekly, isoWeekKey], [policy.monthly, monthKey]];
  for (const [count, key] of buckets) {
    const seen = new Set<string>();
    for (const copy of sorted) {
      if (seen.size >= count) break;
      const k = key(copy.takenAt);
      if (seen.has(k)) continue;
      seen.add(k);
      keep.add(copy.id);
    }
  }
  return keep;
}

/** The ids of copies that may be deleted: the complement of `selectBackupsToKeep`. */
export function selectBackupsToPrune(copies: readonly DatedCopy[], policy: RetentionPolicy = DEFAULT_RETENTION): string[] {
  const keep = selectBackupsToKeep(copies, policy);
  return copies.filter((c) => !keep.has(c.id)).map((c) => c.id);
}

/** Keeps the `count` newest of a series (the copies made before imports). */
export function selectNewest(copies: readonly DatedCopy[], count: number): Set<string> {
  const undated = copies.filter((c) => Number.isNaN(c.takenAt.getTime()));
  const dated = copies.filter((c) => !Number.isNaN(c.takenAt.getTime())).sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
  return new Set([...undated, ...dated.slice(0, count)].map((c) => c.id));
}

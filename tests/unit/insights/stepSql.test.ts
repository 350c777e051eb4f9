// Migration 006 keeps the step facts of Inzicht with its own copy, in SQL, of stepOfEvent and of the
// order of paymentSteps (a released migration never changes). Both copies must say the same as
// compute.ts, for every kind of event and whatever its data holds.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { STEP_OF_EVENT_SQL, STEP_OF_RANK_SQL, STEP_RANK_OF_EVENT_SQL } from '../../../electron/core/db/migrations/006_step_facts';
import { STEP_RANK, stepOfEvent } from '../../../electron/core/insights/compute';
import { paymentSteps } from '../../../shared/contract/methods/insights';

const TYPES = ['nudge.sent', 'reminder.sent', 'call.logged', 'letter.sent', 'handover.created', 'invoice.created', 'promise.made', 'promise.broken', 'invoice.stopped', 'REMINDER.SENT'];
const VALUES = [null, 'nudge', 'reminder-1', 'reminder-2', 'Reminder-2', 'call', 'final-notice', 'fourteen-day', 'confirmation', 'agency', '', '2'];

describe('the step SQL of migration 006', () => {
  it('maps every event to the step stepOfEvent gives (or to none)', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE e (type TEXT NOT NULL, step TEXT, letter TEXT)');
    const insert = db.prepare('INSERT INTO e (type, step, letter) VALUES (?, ?, ?)');
    for (const type of TYPES) for (const step of VALUES) for (const letter of VALUES) insert.run(type, step, letter);
    const rows = db.prepare(`SELECT type, step, letter, ${STEP_OF_EVENT_SQL('e')} AS mapped, ${STEP_RANK_OF_EVENT_SQL('e')} AS rank FROM e`)
      .all() as { type: string; step: string | null; letter: string | null; mapped: string | null; rank: number | null }[];
    expect(rows.length).toBe(TYPES.length * VALUES.length ** 2);
    for (const r of rows) {
      const step = stepOfEvent(r.type, r.step, r.letter);
      expect(r.mapped, JSON.stringify(r)).toBe(step);
      expect(r.rank, JSON.stringify(r)).toBe(step === null ? null : STEP_RANK[step]);
    }
    db.close();
  });

  it('turns a rank (one digit, as text) back into its step', () => {
    const db = new Database(':memory:');
    for (const step of paymentSteps.filter((s) => s !== 'none')) {
      expect(STEP_RANK[step]).toBeLessThan(10); // one digit: the triggers compare date || rank as text
      expect(db.prepare(`SELECT ${STEP_OF_RANK_SQL('?')}`).pluck().get(String(STEP_RANK[step])), step).toBe(step);
    }
    expect(db.prepare(`SELECT ${STEP_OF_RANK_SQL('?')}`).pluck().get(null)).toBeNull();
    db.close();
  });
});

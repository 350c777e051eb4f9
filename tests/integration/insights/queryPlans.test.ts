// Inzicht must stay fast on years of invoices (bench: 100,000 invoices): these tests record every
// statement insights.get and insights.debtor run and check SQLite's EXPLAIN QUERY PLAN of each.
// Whole-ledger reads go through the indexes of migration 003 (or through partial indexes that hold
// only what is needed: the open invoices, the credit notes); one customer's figures never read a
// whole table.
import { describe, expect, it } from 'vitest';
import type { Sqlite } from '../../../electron/core/db/connection';
import { call, withBackend } from '../../helpers/backend';
import { buildHandLedger } from './handLedger';

import { recordStatements } from '../../helpers/statements';

interface Planned { sql: string; plan: string[] }

/** Runs `fn` and returns the plan of every statement it executed on `sqlite`, with its parameters. */
async function plans(sqlite: Sqlite, fn: () => Promise<unknown>): Promise<Planned[]> {
  const executed = await recordStatements(sqlite, fn);
  return executed.map(({ sql, params }) => ({
    sql, plan: (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail),
  }));
}

const show = (ps: Planned[]) => ps.map((p) => `${p.sql.replace(/\s+/g, ' ').trim().slice(0, 120)}\n  ${p.plan.join('\n  ')}`).join('\n');
const BIG = ['invoices', 'payments', 'payment_allocations', 'events', 'event_invoices', 'invoice_events', 'invoice_steps', 'allocation_steps'];
/** Full reads of a big table that are meant: through a partial or covering index that holds only what is needed. */
const ALLOWED_SCANS = [
  /^SCAN i USING COVERING INDEX invoices_open$/, // the open invoices (partial index: open_cents > 0; covering since migration 006)
  /^SCAN invoices USING COVERING INDEX invoices_paid$/, // per customer: paid invoices (partial, debtor order)
];

/** Plan lines that read a whole big table without one of the intended indexes. */
function badScans(planned: Planned[]): string[] {
  return planned.flatMap((p) => p.plan).filter((line) => {
    const table = /^SCAN (\w+)/.exec(line)?.[1];
    if (!table) return false;
    const real = {
      i: 'invoices', c: 'invoices', a: 'payment_allocations', p: 'payments', e: 'events', ei: 'event_invoices', ie: 'invoice_events', s: 'invoice_steps',
    }[table] ?? table;
    return BIG.includes(real) && !ALLOWED_SCANS.some((re) => re.test(line));
  });
}

async function handLedger() {
  const { backend } = await withBackend();
  const ledger = await buildHandLedger(backend);
  backend.context.sqlite.exec('ANALYZE');
  return { backend, ledger, sqlite: backend.context.sqlite };
}

describe('Inzicht query plans', () => {
  it('insights.get reads the big tables only through indexes', async () => {
    const { backend, sqlite } = await handLedger();
    const planned = await plans(sqlite, () => call(backend, 'insights.get', {}));
    expect(planned.length).toBeGreaterThan(10);
    expect(badScans(planned), show(planned)).toEqual([]);

    const text = planned.flatMap((p) => p.plan).join('\n');
    expect(text).toContain('SEARCH invoices USING COVERING INDEX invoices_date (invoice_date>? AND invoice_date<?)'); // DSO sales
    expect(text).toContain('SEARCH invoices USING COVERING INDEX invoices_paid_on (paid_on>?)'); // aging: paid since the first month end
    expect(text).toContain('SEARCH invoices USING COVERING INDEX invoices_paid_due (due_date>? AND due_date<?)'); // the nudge's population
    expect(text).toContain('SEARCH payments USING COVERING INDEX payments_date (date>? AND date<?)'); // received in the period
    // What works, from the facts of migration 006: never a step event read, never all invoices or payments of the period.
    expect(text).not.toMatch(/invoice_events|\bie\b/);
    expect(text).toContain('SEARCH invoice_steps USING COVERING INDEX invoice_steps_step (step=? AND first_on>? AND first_on<?)'); // steps taken in the period, per step
    expect(text).toContain('SEARCH allocation_steps USING COVERING INDEX allocation_steps_step (step=? AND payment_date>? AND payment_date<?)'); // money after each step
    // The nudge: the nudged invoices only, each looked up.
    expect(text).toContain('SEARCH s USING COVERING INDEX invoice_steps_step (step=? AND first_on<?)');
    expect(text).toContain('SEARCH i USING INTEGER PRIMARY KEY (rowid=?)');
    expect(text).toMatch(/SEARCH events USING (COVERING )?INDEX events_type \(type=\?\)/);
    // Payments of partly paid invoices: per invoice, never all payments of the period.
    expect(text).toContain('SEARCH a USING INDEX payment_allocations_invoice (invoice_id=?)');
    expect(text).toContain('SEARCH c USING INDEX invoices_corrects (corrects_invoice_id=?)');
  });

  it('insights.debtor reads only that customer\'s rows: no SCAN of any table', async () => {
    const { backend, ledger, sqlite } = await handLedger();
    const planned = await plans(sqlite, () => call(backend, 'insights.debtor', { debtorId: ledger.debtors.B }));
    const scans = planned.flatMap((p) => p.plan).filter((l) => /^SCAN \w+/.test(l) && !/^SCAN business$/.test(l)); // (one row)
    expect(scans, show(planned)).toEqual([]);
    const text = planned.flatMap((p) => p.plan).join('\n');
    expect(text).toContain('SEARCH i USING COVERING INDEX invoices_open (debtor_id=?)');
    expect(text).toContain('SEARCH invoices USING COVERING INDEX invoices_paid (debtor_id=? AND paid_days_late>?)');
    expect(text).toContain('SEARCH debtor_paid_steps USING PRIMARY KEY (debtor_id=?)'); // paid after each step (migration 006)
  });

  it('would notice a full read (the check itself can fail)', async () => {
    const { sqlite } = await handLedger();
    const planned = await plans(sqlite, async () => sqlite.prepare('SELECT SUM(a.amount_cents) FROM payment_allocations a WHERE a.amount_cents > ?').all(0));
    expect(badScans(planned)).toEqual(['SCAN a']);
  });
});

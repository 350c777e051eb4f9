// The overview and the debtor page must stay fast with years of invoices: every lookup of
// allocations, credit notes, events, promises, plans and handovers goes through an index. These
// tests record the statements the real services run and check SQLite's EXPLAIN QUERY PLAN of each.
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/core/backend';
import type { Sqlite } from '../../../electron/core/db/connection';
import { INVOICE_BALANCE_SQL } from '../../../electron/core/ledger/balances';
import { call, withBackend } from '../../helpers/backend';
import { createDebtor, createInvoice } from '../../helpers/ledger';

import { recordStatements, type Executed } from '../../helpers/statements';

interface Planned extends Executed { plan: string[]; scans: string[] }


const NOT_AN_ALIAS = new Set(['where', 'on', 'join', 'inner', 'left', 'cross', 'group', 'order', 'limit', 'using', 'union', 'as']);

/** EXPLAIN QUERY PLAN of each statement, and the real tables it reads with a full SCAN. */
function plan(sqlite: Sqlite, statements: Executed[]): Planned[] {
  const tables = new Set((sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
  return statements.map(({ sql, params }) => {
    const lines = (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
    const alias = new Map<string, string>();
    for (const m of sql.matchAll(/\b(?:from|join)\s+"?(\w+)"?(?:\s+(?:as\s+)?"?(\w+)"?)?/gi)) {
      if (!tables.has(m[1]!)) continue;
      alias.set(m[1]!, m[1]!);
      if (m[2] && !NOT_AN_ALIAS.has(m[2].toLowerCase())) alias.set(m[2], m[1]!);
    }
    const scans = lines.map((l) => /^SCAN (\w+)/.exec(l)?.[1]).filter((n): n is string => n !== undefined)
      .map((n) => alias.get(n) ?? n).filter((t) => tables.has(t));
    return { sql, params, plan: lines, scans };
  });
}

const describeScans = (planned: Planned[]) =>
  planned.filter((p) => p.scans.length).map((p) => `${p.scans.join(', ')} ← ${p.sql.replace(/\s+/g, ' ').trim().slice(0, 160)}\n  ${p.plan.join('\n  ')}`).join('\n');

async function demoLedger(): Promise<Backend> {
  const { backend } = await withBackend();
  await call(backend, 'setup.loadDemo', {});
  return backend;
}

describe('query plans', () => {
  it('overview.get finds allocations, credit notes, promises, plans and handovers by index, never by a full scan', async () => {
    const backend = await demoLedger();
    const sqlite = backend.context.sqlite;
    const planned = plan(sqlite, await recordStatements(sqlite, () => call(backend, 'overview.get', { search: '2026' })));
    expect(planned.length).toBeGreaterThan(0);

    const neverScanned = ['payment_allocations', 'events', 'event_invoices', 'invoice_events', 'payments', 'promises', 'payment_plans', 'handovers', 'documents'];
    const bad = planned.filter((p) => p.scans.some((t) => neverScanned.includes(t)));
    expect(bad, describeScans(bad)).toEqual([]);

    // One pass (overview.ts over workflow/load.ts): the open invoices from the covering partial index,
    // their timelines from invoice_events by invoice, the flags through the customers' indexes.
    const text = planned.flatMap((p) => p.plan).join('\n');
    expect(text).toContain('SCAN invoices USING COVERING INDEX invoices_open');
    expect(text).toMatch(/SEARCH ie USING PRIMARY KEY \(invoice_id=\?\)/);
    expect(text).toMatch(/USING (COVERING )?INDEX promises_debtor \(debtor_id=\? AND status=\?\)/);
    expect(text).toMatch(/USING (COVERING )?INDEX payment_plans_debtor \(debtor_id=\?\)/);
    expect(text).toMatch(/USING (COVERING )?INDEX handovers_debtor \(debtor_id=\? AND status=\?\)/);
  });

  it('overview.get after a write re-reads the touched customers by index: no full SCAN of any table', async () => {
    const backend = await demoLedger();
    const sqlite = backend.context.sqlite;
    const rows = (await call(backend, 'overview.get', {})).rows;
    for (const r of rows.slice(0, 2)) await call(backend, 'debtors.pause', { debtorId: r.debtorId, until: '2026-12-01', reason: '' });
    const planned = plan(sqlite, await recordStatements(sqlite, () => call(backend, 'overview.get', {})));
    expect(planned.some((p) => p.sql.includes('json_each(@debtorIds)'))).toBe(true);
    expect(planned.filter((p) => p.scans.length), describeScans(planned)).toEqual([]);
    const text = planned.flatMap((p) => p.plan).join('\n');
    expect(text).toMatch(/SEARCH invoices USING COVERING INDEX invoices_open \(debtor_id=\?\)/);
    expect(text).toMatch(/SEARCH ie USING PRIMARY KEY \(invoice_id=\?\)/);
  });

  it('debtors.page reads only that customer\'s rows: no full SCAN of any table', async () => {
    const backend = await demoLedger();
    const sqlite = backend.context.sqlite;
    const id = (await call(backend, 'overview.get', {})).rows.find((r) => r.flags.arrangement)!.debtorId;
    const planned = plan(sqlite, await recordStatements(sqlite, () => call(backend, 'debtors.page', { id })));
    expect(planned.length).toBeGreaterThan(5);
    expect(planned.filter((p) => p.scans.length), describeScans(planned)).toEqual([]);
    const text = planned.flatMap((p) => p.plan).join('\n');
    expect(text).toContain('USING INDEX invoices_debtor (debtor_id=?)');
    expect(text).toMatch(/USING (COVERING )?INDEX events_debtor \(debtor_id=\?\)/);
    expect(text).toMatch(/USING (COVERING )?INDEX payments_debtor \(debtor_id=\?\)/);
    expect(text).toMatch(/USING (COVERING )?INDEX payment_allocations_invoice \(invoice_id=\?\)/);
  });

  it('the invoice balance (balances.ts) of one customer is an index search', async () => {
    const backend = await demoLedger();
    const lines = (backend.context.sqlite.prepare(`EXPLAIN QUERY PLAN ${INVOICE_BALANCE_SQL} WHERE i.debtor_id = ?`).all(1) as { detail: string }[]).map((r) => r.detail);
    expect(lines).toEqual(expect.arrayContaining([
      'SEARCH i USING INDEX invoices_debtor (debtor_id=?)',
      'SEARCH a USING INDEX payment_allocations_invoice (invoice_id=?)',
      'SEARCH c USING INDEX invoices_corrects (corrects_invoice_id=?)',
    ]));
    expect(lines.filter((l) => l.startsWith('SCAN '))).toEqual([]);
  });

  it('would notice a missing index (the check itself can fail)', async () => {
    const backend = await demoLedger();
    const sqlite = backend.context.sqlite;
    const id = (await call(backend, 'debtors.list', {}))[0]!.id;
    sqlite.exec('DROP INDEX events_debtor');
    const planned = plan(sqlite, await recordStatements(sqlite, () => call(backend, 'debtors.page', { id })));
    expect(planned.flatMap((p) => p.scans)).toContain('events');
  });

  it('debtors.page runs the same number of statements for 1 invoice as for 20 (no query per invoice)', async () => {
    const { backend } = await withBackend();
    const sqlite = backend.context.sqlite;
    const small = await createDebtor(backend, { name: 'Klein' });
    await createInvoice(backend, small.id);
    const large = await createDebtor(backend, { name: 'Groot' });
    for (let i = 0; i < 20; i++) await createInvoice(backend, large.id);
    await call(backend, 'payments.record', { debtorId: large.id, date: '2026-11-20', amount: 1500_00 });
    const forSmall = await recordStatements(sqlite, () => call(backend, 'debtors.page', { id: small.id }));
    const forLarge = await recordStatements(sqlite, () => call(backend, 'debtors.page', { id: large.id }));
    expect(forLarge.length).toBe(forSmall.length);
  });
});

// The overview of 5,000 customers with 10,000 open invoices stays fast: the workflow engine reads
// them in a few indexed statements (no full scan of events, links, payments, promises, plans or
// handovers, and no statement per customer), and computes in well under 50 ms.
import { describe, expect, it } from 'vitest';
import type { Sqlite } from '../../../electron/core/db/connection';
import { recordStatements } from '../../helpers/statements';
import { evaluateAll } from '../../../electron/core/workflow/engine';
import { evaluateLedger, loadEngineInput, loadWorkflowSettings } from '../../../electron/core/workflow/load';
import { call, TODAY, withBackend } from '../../helpers/backend';
import { aBusiness, addDays } from '../../helpers/ledger';

/** 5,000 customers × 2 open invoices, every other one with reminder 1 sent, some promises. */
function seed(sqlite: Sqlite) {
  const now = new Date().toISOString();
  const debtor = sqlite.prepare("INSERT INTO debtors (kind, name, search_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?)");
  const invoice = sqlite.prepare("INSERT INTO invoices (debtor_id, number, invoice_date, due_date, amount_cents, payment_reference, source, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'manual', ?, ?)");
  const event = sqlite.prepare("INSERT INTO events (debtor_id, type, occurred_on, created_at, summary, data_json) VALUES (?, ?, ?, ?, ?, ?)");
  const link = sqlite.prepare('INSERT INTO event_invoices (event_id, invoice_id) VALUES (?, ?)');
  const promise = sqlite.prepare("INSERT INTO promises (debtor_id, event_id, promised_date, amount_cents, status, created_at) VALUES (?, ?, ?, NULL, 'open', ?)");
  sqlite.transaction(() => {
    for (let d = 1; d <= 5000; d++) {
      const debtorId = Number(debtor.run(d % 3 ? 'business' : 'consumer', `Klant ${d}`, `klant ${d}`, now, now).lastInsertRowid);
      for (let k = 0; k < 2; k++) {
        const due = addDays(TODAY, 20 - ((d * 7 + k * 13) % 90));
        const invoiceId = Number(invoice.run(debtorId, `P-${d}-${k}`, addDays(due, -30), due, 100_00 + d, `${d}${k}`, now, now).lastInsertRowid);
        const created = Number(event.run(debtorId, 'invoice.created', addDays(due, -30), now, 'Factuur', '{}').lastInsertRowid);
        link.run(created, invoiceId);
        if (due < addDays(TODAY, -10) && k === 0) {
          const sent = Number(event.run(debtorId, 'reminder.sent', addDays(due, 7), now, 'Herinnering 1', '{"step":"reminder-1"}').lastInsertRowid);
          link.run(sent, invoiceId);
        }
      }
      if (d % 100 === 0) {
        const made = Number(event.run(debtorId, 'promise.made', TODAY, now, 'Belofte', '{}').lastInsertRowid);
        promise.run(debtorId, made, addDays(TODAY, 3), now);
      }
    }
  })();
  sqlite.exec('ANALYZE');
}



describe('the workflow engine on a large ledger', () => {
  it('reads 10,000 open invoices in a handful of indexed statements (timing: npm run bench)', async () => {
    const { backend } = await withBackend();
    await call(backend, 'business.save', aBusiness());
    const ctx = backend.context;
    seed(ctx.sqlite);

    const statements = await recordStatements(ctx.sqlite, () => evaluateLedger(ctx, undefined, false));
    expect(statements.length).toBeLessThanOrEqual(10);
    const never = ['events', 'event_invoices', 'invoice_events', 'payments', 'promises', 'payment_plans', 'installments', 'handovers', 'documents'];
    for (const { sql, params } of statements) {
      const plan = (ctx.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
      const alias = new Map<string, string>();
      for (const m of sql.matchAll(/\b(?:from|join)\s+(\w+)(?:\s+(?:indexed\s+by\s+\w+\s+)?(\w+))?/gi)) {
        alias.set(m[1]!, m[1]!);
        if (m[2] && !/^(where|on|join|inner|left|indexed|as|group|order)$/i.test(m[2])) alias.set(m[2], m[1]!);
      }
      const scanned = plan.map((l) => /^SCAN (\w+)(.*)$/.exec(l)).filter((m): m is RegExpExecArray => m !== null)
        .filter((m) => !/USING (COVERING )?INDEX/.test(m[2]!)).map((m) => alias.get(m[1]!) ?? m[1]!);
      expect(scanned.filter((t) => never.includes(t)), `${sql}\n${plan.join('\n')}`).toEqual([]);
    }

    const input = loadEngineInput(ctx, undefined, false);
    expect(input).toHaveLength(5000);
    expect(input.reduce((s, d) => s + d.invoices.length, 0)).toBe(10_000);
    const ladder = loadWorkflowSettings(ctx).ladder;

    const states = evaluateAll(input, ladder, TODAY, false);
    expect(states.filter((s) => s.paused).length).toBe(50);
    expect(states.some((s) => s.actions.some((a) => a.step === 'reminder-2'))).toBe(true);
  }, 120_000);
});

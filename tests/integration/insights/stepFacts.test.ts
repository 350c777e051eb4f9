// "What works" and the step after which each invoice was paid are read from facts that migration
// 006 keeps by triggers (invoice_steps, invoices.paid_after_step, allocation_steps). Here they are
// checked against the rules of compute.ts (stepOfEvent, sortSteps, stepBefore, stepEffects,
// attributeCollected) applied to the raw timeline (event_invoices ⨝ events), as Inzicht computed
// them before: the facts themselves, and every figure of insights.get that depends on them, on the
// demo ledger, on random ledgers written through the API (and a few direct writes the schema
// allows), after migrating a ledger of version 5, and with each trigger missing in turn.
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Backend } from '../../../electron/core/backend';
import { openSqlite, type Sqlite } from '../../../electron/core/db/connection';
import { migrate } from '../../../electron/core/db/migrate';
import { monthsBefore, nudgeEffect, stepOfEvent } from '../../../electron/core/insights/compute';
import { addEvent } from '../../../electron/core/ledger/events';
import { paymentSteps, type InsightsPage, type PaymentStep } from '../../../shared/contract/methods/insights';
import { daysBetween } from '../../../shared/domain/dates';
import { call, makeTempDir, removeDir, withBackend } from '../../helpers/backend';
import { oldLedger } from '../../helpers/oldLedger';
import { attributeCollected, sortSteps, stepBefore, stepEffects, type StepEvent } from './stepRules';

// ---------------------------------------------------------------------------------------------
// The reference: the computation Inzicht did before migration 006, from the raw timeline.

interface Stepped { debtorId: number; steps: StepEvent[]; paidOn: string | null; dueDate: string; open: number }

function steppedInvoices(s: Sqlite): Map<number, Stepped> {
  const rows = s.prepare(`
    SELECT ei.invoice_id, i.debtor_id, e.type, e.occurred_on, json_extract(e.data_json, '$.step') AS step,
      json_extract(e.data_json, '$.letter') AS letter, i.due_date, i.paid_on, i.open_cents
    FROM event_invoices ei JOIN events e ON e.id = ei.event_id JOIN invoices i ON i.id = ei.invoice_id
    WHERE i.kind = 'invoice' ORDER BY ei.invoice_id, e.id`).raw(true).all() as [number, number, string, string, unknown, unknown, string, string | null, number][];
  const byInvoice = new Map<number, Stepped>();
  for (const [invoiceId, debtorId, type, date, step, letter, dueDate, paidOn, open] of rows) {
    const st = stepOfEvent(type, step, letter);
    if (!st) continue;
    let inv = byInvoice.get(invoiceId);
    if (!inv) byInvoice.set(invoiceId, inv = { debtorId, steps: [], paidOn, dueDate, open });
    inv.steps.push({ step: st, date });
  }
  for (const inv of byInvoice.values()) sortSteps(inv.steps);
  return byInvoice;
}

const allocations = (s: Sqlite) => s.prepare(`
  SELECT a.id, a.invoice_id, p.date, a.amount_cents FROM payment_allocations a JOIN payments p ON p.id = a.payment_id ORDER BY a.id`)
  .raw(true).all() as [number, number, string, number][];

/** The facts as the triggers should have kept them, from the raw timeline. */
function expectedFacts(s: Sqlite) {
  const stepped = steppedInvoices(s);
  const invoiceSteps: [number, string, string, number | null][] = [];
  for (const [id, inv] of stepped) {
    const first = new Map<string, string>();
    for (const st of inv.steps) if (!first.has(st.step)) first.set(st.step, st.date);
    for (const [step, date] of first) invoiceSteps.push([id, step, date, inv.paidOn === null ? null : daysBetween(date, inv.paidOn)]);
  }
  invoiceSteps.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
  const perDebtor = new Map<string, [number, string, number]>();
  const paidAfter = (s.prepare("SELECT id, debtor_id, kind, paid_on FROM invoices ORDER BY id").raw(true).all() as [number, number, string, string | null][])
    .map(([id, debtorId, kind, paidOn]) => {
      const step = kind === 'invoice' && paidOn !== null ? stepBefore(stepped.get(id)?.steps ?? [], paidOn) : 'none';
      if (step !== 'none') {
        const key = `${debtorId} ${step}`;
        const row = perDebtor.get(key) ?? [debtorId, step, 0];
        row[2] += 1;
        perDebtor.set(key, row);
      }
      return [id, step === 'none' ? null : step];
    });
  const debtorSteps = [...perDebtor.values()].sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
  const allocationSteps = allocations(s).flatMap(([id, invoiceId, date, cents]) => {
    const step = stepBefore(stepped.get(invoiceId)?.steps ?? [], date);
    return step === 'none' ? [] : [[id, date, step, cents]];
  });
  return { invoiceSteps, paidAfter, debtorSteps, allocationSteps };
}

function keptFacts(s: Sqlite) {
  return {
    invoiceSteps: s.prepare('SELECT invoice_id, step, first_on, paid_after_days FROM invoice_steps ORDER BY invoice_id, step').raw(true).all(),
    paidAfter: s.prepare('SELECT id, paid_after_step FROM invoices ORDER BY id').raw(true).all(),
    debtorSteps: s.prepare('SELECT debtor_id, step, invoices FROM debtor_paid_steps ORDER BY debtor_id, step').raw(true).all(),
    allocationSteps: s.prepare('SELECT allocation_id, payment_date, step, amount_cents FROM allocation_steps ORDER BY allocation_id').raw(true).all(),
  };
}

/** The kept facts equal the reference; returns the reference (to check that a scenario has something in it). */
function expectFactsInSync(s: Sqlite) {
  const expected = expectedFacts(s);
  expect(keptFacts(s)).toEqual(expected);
  return expected;
}

/** The figures of insights.get that come from steps, computed the old way. */
function expectedFigures(s: Sqlite, today: string) {
  const stepped = steppedInvoices(s);
  const from = monthsBefore(today, 12);
  const steps = stepEffects(stepped.values(), from, today);
  const payments = allocations(s).filter(([, , date]) => date > from && date <= today)
    .map(([, invoiceId, date, cents]) => ({ steps: stepped.get(invoiceId)?.steps ?? [], date, cents }));
  const attributed = attributeCollected(steps, payments);
  const received = s.prepare('SELECT COALESCE(SUM(amount_cents), 0) FROM payments WHERE date > ? AND date <= ?').pluck().get(from, today) as number;

  // (As insights.get counts them: the paid invoices and the open ones.)
  const [allInvoices, allOnTime] = s.prepare(`
    SELECT COUNT(*), COALESCE(SUM(paid_days_late <= 0), 0) FROM invoices
    WHERE due_date > ? AND due_date <= ? AND (paid_days_late IS NOT NULL OR open_cents > 0)`).raw(true).get(from, today) as [number, number];
  const nudged = { invoices: 0, onTime: 0 };
  for (const inv of stepped.values()) {
    if (inv.dueDate <= from || inv.dueDate > today) continue;
    if (inv.paidOn === null && inv.open === 0) continue;
    if (!inv.steps.some((st) => st.step === 'nudge' && st.date <= inv.dueDate)) continue;
    nudged.invoices += 1;
    if (inv.paidOn !== null && inv.paidOn <= inv.dueDate) nudged.onTime += 1;
  }

  const stepCounts = new Map<number, Record<PaymentStep, number>>();
  const paid = s.prepare('SELECT debtor_id, COUNT(*) FROM invoices WHERE paid_days_late IS NOT NULL GROUP BY debtor_id').raw(true).all() as [number, number][];
  for (const [debtorId] of paid) stepCounts.set(debtorId, Object.fromEntries(paymentSteps.map((p) => [p, 0])) as Record<PaymentStep, number>);
  for (const inv of stepped.values()) if (inv.paidOn !== null) stepCounts.get(inv.debtorId)![stepBefore(inv.steps, inv.paidOn)] += 1;
  for (const [debtorId, n] of paid) {
    const c = stepCounts.get(debtorId)!;
    c.none += n - Object.values(c).reduce((a, b) => a + b, 0);
  }
  return { steps, collectedBeforeAnyStep: received - attributed, nudge: nudgeEffect({ invoices: allInvoices, onTime: allOnTime }, nudged), stepCounts };
}

/** insights.get (for all customers, and insights.debtor per customer) equals the old computation, at `today`. */
async function expectFiguresAsBefore(backend: Backend, today: string) {
  const ctx = backend.context;
  const day = ctx.today;
  ctx.today = () => today;
  try {
    const page: InsightsPage = await call(backend, 'insights.get', {});
    const expected = expectedFigures(ctx.sqlite, today);
    expect({ steps: page.steps, collectedBeforeAnyStep: page.collectedBeforeAnyStep, nudge: page.nudge }, today)
      .toEqual({ steps: expected.steps, collectedBeforeAnyStep: expected.collectedBeforeAnyStep, nudge: expected.nudge });
    const counts = new Map(page.customers.map((c) => [c.debtorId, c.stepCounts]));
    for (const [debtorId, c] of expected.stepCounts) {
      expect(counts.get(debtorId), `customer ${debtorId}`).toEqual(c);
      expect((await call(backend, 'insights.debtor', { debtorId })).customer?.stepCounts, `insights.debtor ${debtorId}`).toEqual(c);
    }
    return { page, expected };
  } finally {
    ctx.today = day;
  }
}

// ---------------------------------------------------------------------------------------------
// A random ledger, through the API and, for what no method does, direct writes the schema allows.

function prng(seed: number) {
  let x = seed >>> 0;
  const next = () => { x = (x + 0x6d2b79f5) >>> 0; let t = x; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T,>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Builds a ledger at random: invoices over two years; nudges, reminders 1 and 2 (sometimes reminder 1
 * again after 2), calls, letters (final notices, fourteen-day letters, other letters), handovers,
 * promises, several steps on one day, events linked to two invoices; partial payments, payments
 * over two invoices, payments on the day of a step, credit notes. Everything is written in a
 * random order, so that many events are dated before payments already recorded (back-dated).
 */
async function buildRandomLedger(backend: Backend, seed: number) {
  const r = prng(seed);
  const ctx = backend.context;
  const s = ctx.sqlite;
  const debtors: number[] = [];
  for (let d = 0; d < 6; d++) debtors.push((await call(backend, 'debtors.create', { kind: d % 3 ? 'business' : 'consumer', name: `Klant ${seed}-${d}` })).id);
  // The last customer pays everything, so that it can be forgotten (AVG) at the end.
  const settler = debtors.at(-1)!;
  interface Inv { id: number; debtorId: number; invoiceDate: string; dueDate: string; amount: number }
  const invoices: Inv[] = [];
  for (let n = 0; n < 45; n++) {
    const debtorId = n < 5 ? settler : r.pick(debtors.slice(0, -1));
    const invoiceDate = addDays('2024-10-01', r.int(0, 760));
    const dueDate = addDays(invoiceDate, r.pick([14, 30, 30, 60]));
    const amount = r.int(5, 40) * 2500;
    const inv = await call(backend, 'invoices.create', { debtorId, number: `R${seed}-${n}`, invoiceDate, dueDate, amount });
    invoices.push({ id: inv.id, debtorId, invoiceDate, dueDate, amount });
  }

  type Op = () => Promise<unknown>;
  const ops: Op[] = [];
  const event = (inv: Inv, type: string, date: string, data: Record<string, unknown> = {}, also?: Inv) =>
    ops.push(() => addEvent(ctx, { debtorId: inv.debtorId, type, occurredOn: date, summary: type, data, invoiceIds: also && also.debtorId === inv.debtorId && also.id !== inv.id ? [inv.id, also.id] : [inv.id] }));
  // The settler's first invoice: a reminder 2 and a final notice, which the AVG redaction turns into reminder 1 and no step.
  const first = invoices.find((x) => x.debtorId === settler)!;
  event(first, 'reminder.sent', addDays(first.dueDate, 3), { step: 'reminder-2' });
  event(first, 'letter.sent', addDays(first.dueDate, 5), { letter: 'final-notice' });
  for (const inv of invoices) {
    const due = inv.dueDate;
    if (r.chance(0.3)) event(inv, 'nudge.sent', addDays(due, -r.int(0, 5)), { step: 'nudge' });
    let day = addDays(due, r.int(1, 10));
    const other = r.chance(0.15) ? r.pick(invoices) : undefined;
    if (r.chance(0.75)) event(inv, 'reminder.sent', day, { step: 'reminder-1' }, other);
    if (r.chance(0.5)) {
      day = addDays(day, r.int(0, 14)); // sometimes the same day
      event(inv, 'reminder.sent', day, { step: 'reminder-2' });
      if (r.chance(0.3)) event(inv, 'reminder.sent', addDays(day, r.int(0, 10)), { step: 'reminder-1' }); // sent again
      if (r.chance(0.1)) event(inv, 'reminder.sent', addDays(day, r.int(0, 10)), {}); // no step in the data: reminder 1
    }
    if (r.chance(0.35)) event(inv, 'call.logged', (day = addDays(day, r.int(0, 10))), { reached: r.chance(0.5) });
    if (r.chance(0.3)) event(inv, 'letter.sent', (day = addDays(day, r.int(0, 14))), { letter: r.pick(['final-notice', 'fourteen-day', 'confirmation']) });
    if (r.chance(0.1)) event(inv, 'letter.sent', addDays(day, r.int(0, 5)), {});
    if (r.chance(0.15)) event(inv, 'promise.made', addDays(day, r.int(0, 3)), { promisedDate: addDays(day, 7) });
    if (r.chance(0.08)) event(inv, 'handover.created', addDays(day, r.int(0, 30)), { reference: 'X' });
    if (r.chance(0.1)) event(inv, 'invoice.stopped', addDays(day, 1));

    // Money: in one go, in parts, or not (yet); the settler's in full.
    const payments = inv.debtorId === settler ? 1 : r.pick([0, 1, 1, 1, 2, 3]);
    let payDay = addDays(due, r.int(-20, 60));
    for (let k = 0; k < payments; k++) {
      const part = k === payments - 1 && (inv.debtorId === settler || r.chance(0.7)) ? inv.amount : Math.floor(inv.amount / (payments + 1));
      const date = payDay;
      const both = r.chance(0.1) ? r.pick(invoices.filter((x) => x.debtorId === inv.debtorId && x.id !== inv.id)) as Inv | undefined : undefined;
      ops.push(async () => {
        const cents = Math.min(part, s.prepare('SELECT open_cents FROM invoices WHERE id = ?').pluck().get(inv.id) as number);
        if (cents <= 0) return;
        const allocations = [{ invoiceId: inv.id, amount: cents }];
        if (both) {
          const rest = s.prepare('SELECT open_cents FROM invoices WHERE id = ?').pluck().get(both.id) as number;
          if (rest > 0) allocations.push({ invoiceId: both.id, amount: Math.min(rest, 5000) });
        }
        await call(backend, 'payments.record', { debtorId: inv.debtorId, date, amount: allocations.reduce((a, b) => a + b.amount, 0), allocations });
      });
      payDay = addDays(payDay, r.int(0, 20));
    }
    if (inv.debtorId !== settler && r.chance(0.12)) {
      ops.push(async () => {
        const rest = s.prepare('SELECT open_cents FROM invoices WHERE id = ?').pluck().get(inv.id) as number;
        if (rest > 0) await call(backend, 'invoices.credit', { invoiceId: inv.id, amount: r.chance(0.5) ? rest : Math.ceil(rest / 2), date: addDays(due, r.int(-5, 40)), number: `CN-${inv.id}`, reason: 'Correctie' });
      });
    }
  }
  // In a random order: events back-dated before payments already recorded, and the other way round.
  for (let i = ops.length - 1; i > 0; i--) { const j = r.int(0, i); [ops[i], ops[j]] = [ops[j]!, ops[i]!]; }
  for (const op of ops) await op();
  // The settler's invoices are paid in full, with whatever order the payments came in.
  for (const inv of invoices.filter((x) => x.debtorId === settler)) {
    const rest = s.prepare('SELECT open_cents FROM invoices WHERE id = ?').pluck().get(inv.id) as number;
    if (rest > 0) await call(backend, 'payments.record', { debtorId: settler, date: addDays(inv.dueDate, r.int(0, 30)), amount: rest, allocations: [{ invoiceId: inv.id, amount: rest }] });
  }
  return { invoices, debtors, settler, r };
}

/**
 * Writes no method makes, but the schema allows (and 001's and 003's triggers follow): corrected
 * payment dates, moved or removed allocations, a removed link, a changed kind, an invoice moved to
 * another customer, an invoice removed with everything that points at it.
 */
function directWrites(s: Sqlite, r: ReturnType<typeof prng>, settler: number) {
  const payments = s.prepare('SELECT id, date FROM payments ORDER BY id').raw(true).all() as [number, string][];
  for (const [id, date] of payments.filter(() => r.chance(0.25))) s.prepare('UPDATE payments SET date = ? WHERE id = ?').run(addDays(date, r.int(-25, 25)), id);
  const stepped = s.prepare('SELECT DISTINCT invoice_id FROM invoice_steps ORDER BY invoice_id').pluck().all() as number[];
  // (Not the settler's: it stays paid in full, to be forgotten.)
  const allocs = s.prepare('SELECT a.id, a.invoice_id, a.amount_cents FROM payment_allocations a JOIN invoices i ON i.id = a.invoice_id WHERE i.debtor_id <> ? ORDER BY a.id')
    .raw(true).all(settler) as [number, number, number][];
  // An allocation moved to another invoice of the same customer with room for it, one made smaller, one removed.
  for (const [id, invoiceId, cents] of allocs.filter(() => r.chance(0.15))) {
    const target = s.prepare(`SELECT i.id FROM invoices i WHERE i.debtor_id = (SELECT debtor_id FROM invoices WHERE id = ?) AND i.id <> ? AND i.kind = 'invoice' AND i.open_cents >= ?
      AND NOT EXISTS (SELECT 1 FROM payment_allocations x WHERE x.payment_id = (SELECT payment_id FROM payment_allocations WHERE id = ?) AND x.invoice_id = i.id) ORDER BY i.id DESC LIMIT 1`)
      .pluck().get(invoiceId, invoiceId, cents, id) as number | undefined;
    if (target !== undefined) s.prepare('UPDATE payment_allocations SET invoice_id = ? WHERE id = ?').run(target, id);
  }
  // (Ones paid after a step, so that their facts change.)
  const afterStep = s.prepare('SELECT allocation_id FROM allocation_steps a JOIN invoices i ON i.id = (SELECT invoice_id FROM payment_allocations WHERE id = a.allocation_id) WHERE i.debtor_id <> ? ORDER BY 1')
    .pluck().all(settler) as number[];
  const [smaller, removed] = afterStep.length >= 2 ? [r.pick(afterStep.slice(0, -1)), afterStep.at(-1)!] : [r.pick(allocs)[0], r.pick(allocs)[0]];
  s.prepare('UPDATE payment_allocations SET amount_cents = amount_cents - 1 WHERE id = ? AND amount_cents > 1').run(smaller);
  if (removed !== smaller) s.prepare('DELETE FROM payment_allocations WHERE id = ?').run(removed);
  // A step event unlinked from its invoice (only demo removal does that in the app).
  const link = s.prepare(`SELECT ei.event_id, ei.invoice_id FROM event_invoices ei JOIN events e ON e.id = ei.event_id
    WHERE e.type IN ('reminder.sent', 'call.logged') ORDER BY ei.invoice_id LIMIT 1 OFFSET ?`).raw(true).get(r.int(0, 10)) as [number, number] | undefined;
  if (link) s.prepare('DELETE FROM event_invoices WHERE event_id = ? AND invoice_id = ?').run(...link);
  // An invoice with steps and nothing paid or credited turned into a credit note (no method does; the facts follow).
  const plain = s.prepare(`SELECT id FROM invoices i WHERE kind = 'invoice' AND id IN (${stepped.join(',') || 0})
    AND NOT EXISTS (SELECT 1 FROM payment_allocations WHERE invoice_id = i.id) AND NOT EXISTS (SELECT 1 FROM invoices c WHERE c.corrects_invoice_id = i.id) LIMIT 1`).pluck().get() as number | undefined;
  if (plain !== undefined) s.prepare("UPDATE invoices SET kind = 'credit-note' WHERE id = ?").run(plain);
  // Two invoices paid after a step: one moved to another customer, one removed.
  const [moved, gone] = s.prepare('SELECT id FROM invoices WHERE paid_after_step IS NOT NULL AND debtor_id <> ? ORDER BY id DESC LIMIT 2').pluck().all(settler) as number[];
  if (moved !== undefined) s.prepare('UPDATE invoices SET debtor_id = (SELECT MIN(id) FROM debtors WHERE id NOT IN (?, (SELECT debtor_id FROM invoices WHERE id = ?))) WHERE id = ?').run(settler, moved, moved);
  if (gone !== undefined) {
    s.prepare('DELETE FROM event_invoices WHERE invoice_id = ?').run(gone);
    s.prepare('DELETE FROM payment_allocations WHERE invoice_id = ?').run(gone);
    s.prepare('DELETE FROM invoices WHERE corrects_invoice_id = ?').run(gone);
    s.prepare('DELETE FROM invoices WHERE id = ?').run(gone);
  }
}

const TODAYS = ['2026-11-24', '2026-06-30', '2025-12-31'];

async function scenario(backend: Backend, seed: number) {
  const built = await buildRandomLedger(backend, seed);
  const s = backend.context.sqlite;
  const afterApi = expectFactsInSync(s);
  directWrites(s, built.r, built.settler);
  expectFactsInSync(s);
  // The AVG redaction rewrites the settler's events: a reminder 2 loses its step (reminder 1 then), a final notice its letter.
  await call(backend, 'debtors.forget', { id: built.settler });
  return { ...built, afterApi };
}

describe('the step facts of migration 006', () => {
  it('hold on the demo ledger, and go with it', async () => {
    const { backend } = await withBackend();
    await call(backend, 'setup.loadDemo', {});
    const s = backend.context.sqlite;
    const facts = expectFactsInSync(s);
    expect(facts.invoiceSteps.length).toBeGreaterThan(5);
    for (const today of TODAYS) await expectFiguresAsBefore(backend, today);
    await call(backend, 'setup.removeDemo', {});
    expect(keptFacts(s)).toEqual({ invoiceSteps: [], paidAfter: [], debtorSteps: [], allocationSteps: [] });
  });

  for (const seed of [1, 2, 3]) {
    it(`hold on a random ledger (seed ${seed}), whatever order it was written in, and give insights.get the figures of before`, async () => {
      const { backend } = await withBackend();
      const { afterApi } = await scenario(backend, seed);
      // The scenario has something of everything in it.
      expect(new Set(afterApi.invoiceSteps.map((x) => x[1]))).toEqual(new Set(paymentSteps.filter((p) => p !== 'none')));
      expect(afterApi.paidAfter.filter(([, step]) => step !== null).length).toBeGreaterThan(5);
      expect(afterApi.allocationSteps.length).toBeGreaterThan(5);
      const s = backend.context.sqlite;
      expectFactsInSync(s);
      for (const today of TODAYS) {
        const { page } = await expectFiguresAsBefore(backend, today);
        if (today === TODAYS[0]) expect(page.steps.some((e) => e.collected > 0 && e.invoices > 0)).toBe(true);
      }
    });
  }

  it('are filled in when a ledger of version 5 is migrated', async () => {
    const dir = makeTempDir('openstaand-step-facts-');
    onTestFinished(() => removeDir(dir));
    // A ledger written at version 5 (through the API of today, with 006's facts then removed by hand).
    const { backend } = await withBackend();
    await scenario(backend, 4);
    const file = path.join(dir, 'v5.sqlite');
    await backend.context.sqlite.backup(file);
    const db = openSqlite(file);
    onTestFinished(() => { if (db.open) db.close(); });
    for (const t of db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'step_facts_%'").pluck().all() as string[]) db.exec(`DROP TRIGGER ${t}`);
    db.exec(`
      DROP TABLE invoice_steps; DROP TABLE allocation_steps; DROP TABLE debtor_paid_steps;
      ALTER TABLE invoices DROP COLUMN paid_after_step;
      PRAGMA user_version = 5;`);
    expect(await migrate(db)).toEqual({ from: 5, to: 6 });
    expect(keptFacts(db)).toEqual(keptFacts(backend.context.sqlite));
    const facts = expectFactsInSync(db);
    expect(facts.allocationSteps.length).toBeGreaterThan(5);
  });

  it('are filled in from a ledger built by migration 005 itself', async () => {
    const { db, debtorId: debtor, addInvoice, addEvent: event } = await oldLedger(5);
    const now = '2026-11-01T10:00:00.000Z';
    const [a, b] = [addInvoice('O-1'), addInvoice('O-2')];
    event('reminder.sent', '2026-10-08', { step: 'reminder-1' }, a, b);
    event('reminder.sent', '2026-10-15', { step: 'reminder-2' }, a);
    event('reminder.sent', '2026-10-20', { step: 'reminder-1' }, a); // again, after reminder 2
    event('letter.sent', '2026-10-20', { letter: 'final-notice' }, b);
    const pay = (date: string, cents: number, i: number) => {
      const p = db.prepare("INSERT INTO payments (debtor_id, date, amount_cents, method, created_at) VALUES (?, ?, ?, 'manual', ?)").run(debtor, date, cents, now).lastInsertRowid;
      db.prepare('INSERT INTO payment_allocations (payment_id, invoice_id, amount_cents) VALUES (?, ?, ?)').run(p, i, cents);
    };
    pay('2026-10-16', 4000, a);
    pay('2026-10-21', 6000, a);
    pay('2026-10-20', 10000, b);

    await migrate(db);
    expect(keptFacts(db)).toEqual({
      // (Paid 13 and 6 days after the first reminder 1 and the reminder 2; b on the day of its final notice.)
      invoiceSteps: [[a, 'reminder-1', '2026-10-08', 13], [a, 'reminder-2', '2026-10-15', 6], [b, 'final-notice', '2026-10-20', 0], [b, 'reminder-1', '2026-10-08', 12]],
      paidAfter: [[a, 'reminder-1'], [b, 'final-notice']],
      debtorSteps: [[debtor, 'final-notice', 1], [debtor, 'reminder-1', 1]],
      allocationSteps: [[1, '2026-10-16', 'reminder-2', 4000], [2, '2026-10-21', 'reminder-1', 6000], [3, '2026-10-20', 'final-notice', 10000]],
    });
    expectFactsInSync(db);
  });

  // Each trigger in turn left out: the scenario then ends with facts that differ from the timeline.
  const TRIGGERS = [
    'step_facts_event_insert', 'step_facts_event_delete', 'step_facts_event_update', 'step_facts_paid_on', 'step_facts_kind',
    'step_facts_allocation_insert', 'step_facts_allocation_delete', 'step_facts_allocation_update', 'step_facts_payment_date',
    'step_facts_debtor_count',
  ];
  it('has every trigger listed here', async () => {
    const { backend } = await withBackend();
    expect(backend.context.sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'step_facts_%' ORDER BY name").pluck().all()).toEqual([...TRIGGERS].sort());
  });
  for (const trigger of TRIGGERS) {
    it(`would notice ${trigger} missing (the check itself can fail)`, async () => {
      const { backend } = await withBackend();
      const s = backend.context.sqlite;
      s.exec(`DROP TRIGGER ${trigger}`);
      const inSync = () => isDeepStrictEqual(keptFacts(s), expectedFacts(s));
      const built = await buildRandomLedger(backend, 1);
      const checks = [inSync()];
      directWrites(s, built.r, built.settler);
      checks.push(inSync());
      await call(backend, 'debtors.forget', { id: built.settler });
      checks.push(inSync());
      expect(checks).toContain(false);
    });
  }
});

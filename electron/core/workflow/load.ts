// The thin query layer under the workflow engine: everything it needs for every customer with open
// invoices, in a handful of indexed statements (never one per customer or per invoice). The open
// invoices come through the partial index invoices_open; their events from invoice_events, clustered
// by invoice (migration 005); promises, arrangements, handovers and payments through their debtor
// indexes, driven by the customers that have open invoices (tests/integration/workflow/queryPlans.test.ts checks the plans).
import {
  DEFAULT_LADDER, ladderOverrideSchema, mergeLadder, tones, type Ladder, type LadderOverride, type Tone,
} from '../../../shared/domain/workflow';
import type { Context } from '../context';
import { evaluateAll, type DebtorState, type EngineDebtor, type EngineInvoice } from './engine';

export const STEP_EVENT_TYPES = ['nudge.sent', 'reminder.sent', 'call.logged', 'letter.sent', 'handover.created'] as const;
/**
 * Whether an invoice is stopped is read from its last 'invoice.stopped' / 'invoice.resumed' event
 * (services/pauses.ts writes the event and invoices.stopped together): the events are read anyway,
 * while the column would cost the overview a table lookup per open invoice.
 */
const STOP_EVENT_TYPES = ['invoice.stopped', 'invoice.resumed'] as const;

export interface LoadedInvoice extends EngineInvoice {
  debtorId: number;
  number: string;
  description: string;
  amount: number;
}

export interface LoadedDebtor extends EngineDebtor {
  name: string;
  /** The name folded for searching and sorting (debtors.search_text, util/text.ts foldForSearch). */
  searchText: string;
  email: string | null;
  phone: string | null;
  contactName: string | null;
  isDemo: boolean;
  invoices: LoadedInvoice[];
}

export interface WorkflowSettingsRow { ladder: Ladder; defaultTone: Tone }

interface InvoiceRow {
  id: number; debtor_id: number; number: string; due_date: string; open_cents: number; amount_cents: number; description: string;
  disputed: number; dispute_reason: string | null;
  name: string; search_text: string; kind: 'business' | 'consumer'; ladder_json: string | null; paused_until: string | null; pause_reason: string | null;
  email: string | null; phone: string | null; contact_name: string | null; is_demo: number;
}

/** With everything the work list shows (a table lookup per invoice: fine for Vandaag and one customer). */
const OPEN_INVOICES_SQL = `
  SELECT i.id, i.debtor_id, i.number, i.due_date, i.open_cents, i.amount_cents, i.description, i.disputed, i.dispute_reason,
    d.name, d.search_text, d.kind, d.ladder_json, d.paused_until, d.pause_reason, d.email, d.phone, d.contact_name, d.is_demo
  FROM invoices i INDEXED BY invoices_open JOIN debtors d ON d.id = i.debtor_id
  WHERE i.open_cents > 0 AND d.archived = 0 /*DEBTOR*/`;

/** Only what the engine needs, from the covering index alone, without a debtor lookup per invoice (the overview). */
const OPEN_INVOICES_LEAN_SQL = `
  SELECT id, debtor_id, due_date, open_cents, disputed FROM invoices INDEXED BY invoices_open WHERE open_cents > 0 /*DEBTOR*/`;

/** The customers' own columns, read once per customer rather than joined onto every open invoice. */
const DEBTORS_LEAN_SQL = `SELECT id, kind, ladder_json, paused_until, name, search_text, is_demo FROM debtors WHERE archived = 0 /*DEBTOR*/`;

const OPEN_EVENTS_SQL = `
  SELECT ie.invoice_id, ie.type, ie.occurred_on, ie.event_id, ie.step, ie.letter, ie.last_day
  FROM invoice_events ie
  WHERE ie.invoice_id IN (SELECT id FROM invoices INDEXED BY invoices_open WHERE open_cents > 0 /*DEBTOR*/)
    AND ie.type IN (${[...STEP_EVENT_TYPES, ...STOP_EVENT_TYPES].map((t) => `'${t}'`).join(', ')})`;

/** The customers with open invoices: drives the lookups by debtor index (CROSS JOIN keeps it the outer loop). */
const OPEN_DEBTORS = `(SELECT DISTINCT debtor_id FROM invoices INDEXED BY invoices_open WHERE open_cents > 0 /*DEBTOR*/)`;

const OPEN_PROMISES_SQL = `
  SELECT p.id, p.debtor_id, p.promised_date, p.amount_cents, p.event_id, COALESCE(e.occurred_on, substr(p.created_at, 1, 10)) AS made_on
  FROM ${OPEN_DEBTORS} o CROSS JOIN promises p ON p.debtor_id = o.debtor_id AND p.status = 'open'
  LEFT JOIN events e ON e.id = p.event_id`;

const ACTIVE_PLANS_SQL = `
  SELECT pp.id, pp.debtor_id, substr(pp.created_at, 1, 10) AS created_on,
    (SELECT MIN(e.occurred_on) FROM events e WHERE e.debtor_id = pp.debtor_id AND e.type = 'arrangement.created'
      AND json_extract(e.data_json, '$.planId') = pp.id) AS agreed_on
  FROM ${OPEN_DEBTORS} o CROSS JOIN payment_plans pp ON pp.debtor_id = o.debtor_id AND pp.status = 'active'`;

const WITH_AGENCY_SQL = `
  SELECT DISTINCT h.debtor_id FROM ${OPEN_DEBTORS} o CROSS JOIN handovers h ON h.debtor_id = o.debtor_id AND h.status IN ('open', 'partially-paid')`;

/** Every customer with open invoices, one customer, or a few (those a write touched: ledger/overviewState.ts). */
export type DebtorScope = number | readonly number[] | undefined;

function forDebtor(sql: string, scope: DebtorScope, column = 'debtor_id'): string {
  if (scope === undefined) return sql;
  return sql.replaceAll('/*DEBTOR*/', typeof scope === 'number' ? `AND ${column} = @debtorId` : `AND ${column} IN (SELECT value FROM json_each(@debtorIds))`);
}

function scopeParams(scope: DebtorScope): Record<string, number | string> {
  if (scope === undefined) return {};
  return typeof scope === 'number' ? { debtorId: scope } : { debtorIds: JSON.stringify(scope) };
}

function parseOverride(json: string | null): LadderOverride | null {
  if (!json) return null;
  try {
    const parsed = ladderOverrideSchema.safeParse(JSON.parse(json));
    return parsed.success && Object.keys(parsed.data).length > 0 ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The business's ladder and default tone (defaults when nothing was saved). */
export function loadWorkflowSettings(ctx: Context): WorkflowSettingsRow {
  const row = ctx.sqlite.prepare('SELECT ladder_json, settings_json FROM business WHERE id = 1').get() as { ladder_json: string; settings_json: string } | undefined;
  let ladder: Partial<Ladder> = {};
  let defaultTone: Tone = 'vriendelijk';
  try {
    if (row) ladder = JSON.parse(row.ladder_json) as Partial<Ladder>;
    const settings = row ? (JSON.parse(row.settings_json) as { workflow?: { defaultTone?: string } }) : {};
    const tone = settings.workflow?.defaultTone;
    if (tone && (tones as readonly string[]).includes(tone)) defaultTone = tone as Tone;
  } catch {
    ladder = { ...DEFAULT_LADDER };
  }
  return { ladder: mergeLadder(ladder), defaultTone };
}

/**
 * Everything the engine needs, for every customer with open invoices (or for one). `detailed` adds
 * what people read of each invoice and contact (numbers, descriptions, e-mail, phone); without it
 * (the overview) the invoice columns come from the covering index alone.
 */
export function loadEngineInput(ctx: Context, scope?: DebtorScope, detailed = true): LoadedDebtor[] {
  const s = ctx.sqlite;
  const params = scopeParams(scope);
  const debtors: LoadedDebtor[] = [];
  const byId = new Map<number, LoadedDebtor>();
  const invoiceById = new Map<number, LoadedInvoice>();
  const add = (r: Partial<InvoiceRow> & Pick<InvoiceRow, 'id' | 'debtor_id' | 'due_date' | 'open_cents' | 'disputed' | 'kind' | 'ladder_json' | 'paused_until'>) => {
    let d = byId.get(r.debtor_id);
    if (!d) {
      d = {
        id: r.debtor_id, kind: r.kind, name: r.name ?? '', searchText: r.search_text ?? '', email: r.email ?? null, phone: r.phone ?? null, contactName: r.contact_name ?? null, isDemo: r.is_demo === 1,
        ladder: r.ladder_json ? parseOverride(r.ladder_json) : null, pausedUntil: r.paused_until, pauseReason: r.pause_reason ?? null, withAgency: false,
        invoices: [], promises: [], plans: [],
      };
      byId.set(r.debtor_id, d);
      debtors.push(d);
    }
    const inv: LoadedInvoice = {
      id: r.id, debtorId: r.debtor_id, number: r.number ?? '', description: r.description ?? '', amount: r.amount_cents ?? r.open_cents, dueDate: r.due_date, open: r.open_cents,
      disputed: r.disputed === 1, disputeReason: r.dispute_reason ?? null, stopped: false, events: [],
    };
    d.invoices.push(inv);
    invoiceById.set(r.id, inv);
  };
  if (detailed) {
    for (const r of s.prepare(forDebtor(OPEN_INVOICES_SQL, scope, 'i.debtor_id')).all(params) as InvoiceRow[]) add(r);
    for (const d of debtors) d.invoices.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id - b.id));
  } else {
    const customers = new Map((s.prepare(forDebtor(DEBTORS_LEAN_SQL, scope, 'id')).raw().all(params) as
      [number, 'business' | 'consumer', string | null, string | null, string, string, number][]).map((r) => [r[0], r]));
    const rows = s.prepare(forDebtor(OPEN_INVOICES_LEAN_SQL, scope)).raw().all(params) as [number, number, string, number, number][];
    for (const [id, debtor_id, due_date, open_cents, disputed] of rows) {
      const c = customers.get(debtor_id);
      // Not in the map: an archived customer, left out of the overview as before.
      if (c) add({ id, debtor_id, due_date, open_cents, disputed, kind: c[1], ladder_json: c[2], paused_until: c[3], name: c[4], search_text: c[5], is_demo: c[6] });
    }
  }
  if (debtors.length === 0) return [];

  const events = s.prepare(forDebtor(OPEN_EVENTS_SQL, scope)).raw().all(params) as [number, string, string, number, string | null, string | null, string | null][];
  const lastStop = new Map<number, number>();
  for (const [invoiceId, type, on, eventId, step, letter, lastDay] of events) {
    const inv = invoiceById.get(invoiceId);
    if (!inv) continue;
    if (type === 'invoice.stopped' || type === 'invoice.resumed') {
      if (eventId > (lastStop.get(invoiceId) ?? 0)) { lastStop.set(invoiceId, eventId); inv.stopped = type === 'invoice.stopped'; }
      continue;
    }
    inv.events.push({ type, on, step, letter, lastDay });
  }

  for (const [id] of s.prepare(forDebtor(WITH_AGENCY_SQL, scope)).raw().all(params) as [number][]) {
    const d = byId.get(id);
    if (d) d.withAgency = true;
  }

  const promises = s.prepare(forDebtor(OPEN_PROMISES_SQL, scope)).all(params) as
    { id: number; debtor_id: number; promised_date: string; amount_cents: number | null; event_id: number | null; made_on: string }[];
  const plans = s.prepare(forDebtor(ACTIVE_PLANS_SQL, scope)).all(params) as { id: number; debtor_id: number; created_on: string; agreed_on: string | null }[];
  if (promises.length === 0 && plans.length === 0) return debtors;

  const payers = [...new Set([...promises.map((p) => p.debtor_id), ...plans.map((p) => p.debtor_id)])];
  const payments = s.prepare('SELECT debtor_id, date, amount_cents FROM payments WHERE debtor_id IN (SELECT value FROM json_each(?))')
    .raw().all(JSON.stringify(payers)) as [number, string, number][];
  const paidSince = (debtor: number, from: string) => payments.reduce((sum, [d, date, amount]) => (d === debtor && date >= from ? sum + amount : sum), 0);

  if (promises.length) {
    const eventIds = promises.map((p) => p.event_id).filter((id): id is number => id !== null);
    const links = s.prepare('SELECT event_id, invoice_id FROM event_invoices WHERE event_id IN (SELECT value FROM json_each(?))')
      .raw().all(JSON.stringify(eventIds)) as [number, number][];
    for (const p of promises) {
      byId.get(p.debtor_id)?.promises!.push({
        id: p.id, madeOn: p.made_on, promisedDate: p.promised_date, amount: p.amount_cents,
        invoiceIds: links.filter(([e]) => e === p.event_id).map(([, i]) => i), paidSince: paidSince(p.debtor_id, p.made_on),
      });
    }
  }
  if (plans.length) {
    const installments = s.prepare('SELECT plan_id, seq, due_date, amount_cents FROM installments WHERE plan_id IN (SELECT value FROM json_each(?))')
      .raw().all(JSON.stringify(plans.map((p) => p.id))) as [number, number, string, number][];
    for (const p of plans) {
      const agreed = p.agreed_on ?? p.created_on;
      byId.get(p.debtor_id)?.plans!.push({
        id: p.id, paidSince: paidSince(p.debtor_id, agreed),
        installments: installments.filter(([plan]) => plan === p.id).map(([, seq, dueDate, amount]) => ({ seq, dueDate, amount })),
      });
    }
  }
  return debtors;
}

export interface Evaluated { debtor: LoadedDebtor; state: DebtorState }

/** Loads and evaluates every customer with open invoices (or one, or a few). */
export function evaluateLedger(ctx: Context, scope?: DebtorScope, detailed = true): Evaluated[] {
  const debtors = loadEngineInput(ctx, scope, detailed);
  const states = evaluateAll(debtors, loadWorkflowSettings(ctx).ladder, ctx.today(), detailed);
  return debtors.map((debtor, i) => ({ debtor, state: states[i]! }));
}

import { format, parseISO, subDays } from 'date-fns';
import type { AgingBuckets, Overview, OverviewRow } from '../../../shared/domain/overview';
import { stages } from '../../../shared/domain/overview';
import type { ParsedInputOf } from '../../../shared/contract';
import { daysBetween } from '../../../shared/domain/dates';
import type { Context } from '../context';
import { foldForSearch, likeContains } from '../util/text';
import { workflowSummaries, type WorkflowSummary } from '../workflow/load';

interface Aggregate {
  debtor_id: number; name: string; kind: 'business' | 'consumer'; is_demo: number; paused_until: string | null;
  open_invoices: number; open_cents: number; overdue_cents: number; oldest_due: string;
  has_promise: number; has_plan: number; has_dispute: number; with_agency: number;
  not_due: number; d1_30: number; d31_60: number; d61_90: number; over90: number;
}

/*
 * Reads only the open invoices, through the partial index invoices_open (open_cents is kept by
 * triggers, see migrations/001_ledger.ts), and sums them per debtor in one pass, aging included.
 * tests/integration/ledger/queryPlans.test.ts checks the plan.
 */
const OPEN_PER_DEBTOR_SQL = `
  SELECT d.id AS debtor_id, d.name, d.kind, d.is_demo, d.paused_until,
    COUNT(*) AS open_invoices,
    SUM(i.open_cents) AS open_cents,
    COALESCE(SUM(CASE WHEN i.due_date < @today THEN i.open_cents END), 0) AS overdue_cents,
    MIN(i.due_date) AS oldest_due,
    MAX(i.disputed) AS has_dispute,
    COALESCE(SUM(CASE WHEN i.due_date >= @today THEN i.open_cents END), 0) AS not_due,
    COALESCE(SUM(CASE WHEN i.due_date < @today AND i.due_date >= @d30 THEN i.open_cents END), 0) AS d1_30,
    COALESCE(SUM(CASE WHEN i.due_date < @d30 AND i.due_date >= @d60 THEN i.open_cents END), 0) AS d31_60,
    COALESCE(SUM(CASE WHEN i.due_date < @d60 AND i.due_date >= @d90 THEN i.open_cents END), 0) AS d61_90,
    COALESCE(SUM(CASE WHEN i.due_date < @d90 THEN i.open_cents END), 0) AS over90,
    EXISTS (SELECT 1 FROM promises p WHERE p.debtor_id = d.id AND p.status = 'open') AS has_promise,
    EXISTS (SELECT 1 FROM payment_plans pp WHERE pp.debtor_id = d.id AND pp.status = 'active') AS has_plan,
    EXISTS (SELECT 1 FROM handovers h WHERE h.debtor_id = d.id AND h.status IN ('open', 'partially-paid')) AS with_agency
  FROM invoices i INDEXED BY invoices_open JOIN debtors d ON d.id = i.debtor_id
  WHERE i.open_cents > 0 AND d.archived = 0 /*DEBTOR*/
  GROUP BY d.id`;

/** Aging boundaries: 30, 60 and 90 days before today (a due date on those days is in the younger bucket). */
function boundaries(today: string) {
  const t = parseISO(today);
  const back = (n: number) => format(subDays(t, n), 'yyyy-MM-dd');
  return { today, d30: back(30), d60: back(60), d90: back(90) };
}

function queryAggregates(ctx: Context, debtorId?: number): Aggregate[] {
  const params = boundaries(ctx.today());
  return (debtorId === undefined
    ? ctx.sqlite.prepare(OPEN_PER_DEBTOR_SQL).all(params)
    : ctx.sqlite.prepare(OPEN_PER_DEBTOR_SQL.replace('/*DEBTOR*/', 'AND i.debtor_id = @debtorId')).all({ ...params, debtorId })) as Aggregate[];
}

/** Stage, next action and pauses come from the workflow engine (electron/core/workflow). */
function toRow(a: Aggregate, today: string, workflow: Map<number, WorkflowSummary>): OverviewRow {
  const w = workflow.get(a.debtor_id);
  const stage = w?.stage ?? 'not-due';
  const nextAction = w?.nextAction ?? null;
  return {
    debtorId: a.debtor_id, name: a.name, kind: a.kind, openInvoices: a.open_invoices, openAmount: a.open_cents,
    overdueAmount: a.overdue_cents, oldestDaysOverdue: daysBetween(a.oldest_due, today), stage, nextAction,
    flags: { promise: a.has_promise === 1, arrangement: a.has_plan === 1, dispute: a.has_dispute === 1, paused: w?.paused ?? (!!a.paused_until && a.paused_until >= today) },
    isDemo: a.is_demo === 1,
  };
}

export function overviewRows(ctx: Context, debtorId?: number): OverviewRow[] {
  const workflow = workflowSummaries(ctx, debtorId);
  return queryAggregates(ctx, debtorId).map((a) => toRow(a, ctx.today(), workflow));
}

export function getOverview(ctx: Context, q: ParsedInputOf<'overview.get'>): Overview {
  const today = ctx.today();
  const aggregates = queryAggregates(ctx);
  const workflow = workflowSummaries(ctx);
  const all = aggregates.map((a) => toRow(a, today, workflow));
  const aging: AgingBuckets = { notDue: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 };
  for (const a of aggregates) {
    aging.notDue += a.not_due; aging.days1to30 += a.d1_30; aging.days31to60 += a.d31_60; aging.days61to90 += a.d61_90; aging.over90 += a.over90;
  }

  let rows = all;
  if (q.search?.trim()) {
    const needle = foldForSearch(q.search);
    const byNumber = new Set((ctx.sqlite.prepare(`SELECT DISTINCT debtor_id FROM invoices WHERE number LIKE ? ESCAPE '\\'`)
      .all(likeContains(q.search.trim())) as { debtor_id: number }[]).map((r) => r.debtor_id));
    rows = rows.filter((r) => foldForSearch(r.name).includes(needle) || byNumber.has(r.debtorId));
  }
  if (q.stage) rows = rows.filter((r) => r.stage === q.stage);
  if (q.kind) rows = rows.filter((r) => r.kind === q.kind);
  if (q.overdueOnly) rows = rows.filter((r) => r.overdueAmount > 0);

  const dir = q.direction === 'asc' ? 1 : -1;
  const key: Record<typeof q.sort, (r: OverviewRow) => string | number> = {
    name: (r) => foldForSearch(r.name), kind: (r) => r.kind, openInvoices: (r) => r.openInvoices, openAmount: (r) => r.openAmount,
    oldestDaysOverdue: (r) => r.oldestDaysOverdue, stage: (r) => stages.indexOf(r.stage), nextAction: (r) => r.nextAction?.date ?? '9999',
  };
  // Sort keys computed once per row (a comparator that folds names would do it n·log n times).
  const keyed = rows.map((r) => ({ r, k: key[q.sort](r), name: foldForSearch(r.name) }));
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0) * dir || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  rows = keyed.map((x) => x.r);

  return {
    today,
    totals: {
      open: all.reduce((s, r) => s + r.openAmount, 0),
      overdue: all.reduce((s, r) => s + r.overdueAmount, 0),
      debtors: all.length,
    },
    aging,
    rows,
  };
}

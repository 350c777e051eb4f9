import { format, parseISO, subDays } from 'date-fns';
import type { AgingBuckets, Overview, OverviewRow } from '../../../shared/domain/overview';
import { stages } from '../../../shared/domain/overview';
import type { ParsedInputOf } from '../../../shared/contract';
import { daysBetween } from '../../../shared/domain/dates';
import type { Context } from '../context';
import { foldForSearch, likeContains } from '../util/text';
import { EVERY_DEBTOR, takeDirtyDebtors, trackDirtyDebtors } from '../db/dirtyDebtors';
import { evaluateLedger, type DebtorScope, type Evaluated } from '../workflow/load';

/** Aging boundaries: 30, 60 and 90 days before today (a due date on those days is in the younger bucket). */
function boundaries(today: string) {
  const t = parseISO(today);
  const back = (n: number) => format(subDays(t, n), 'yyyy-MM-dd');
  return { today, d30: back(30), d60: back(60), d90: back(90) };
}

const emptyAging = (): AgingBuckets => ({ notDue: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 });

/** One customer's part of the overview: the row, the folded name search and sort use, and its share of the aging. */
interface Entry { row: OverviewRow; folded: string; aging: AgingBuckets }

/*
 * One pass over what the workflow engine loads anyway (the open invoices from the covering index
 * invoices_open, with the customers' promises, arrangements and handovers): the totals, the aging
 * and the flags are summed from it, so the overview reads the open invoices once, not twice.
 * tests/integration/ledger/queryPlans.test.ts checks the plans of the statements behind it.
 */
function entries(ctx: Context, scope: DebtorScope): Entry[] {
  const b = boundaries(ctx.today());
  return evaluateLedger(ctx, scope, false).map(({ debtor, state }: Evaluated): Entry => {
    const aging = emptyAging();
    let open = 0;
    let overdue = 0;
    let oldestDue = debtor.invoices[0]!.dueDate;
    let dispute = false;
    for (const inv of debtor.invoices) {
      open += inv.open;
      if (inv.dueDate < oldestDue) oldestDue = inv.dueDate;
      if (inv.disputed) dispute = true;
      if (inv.dueDate >= b.today) { aging.notDue += inv.open; continue; }
      overdue += inv.open;
      if (inv.dueDate >= b.d30) aging.days1to30 += inv.open;
      else if (inv.dueDate >= b.d60) aging.days31to60 += inv.open;
      else if (inv.dueDate >= b.d90) aging.days61to90 += inv.open;
      else aging.over90 += inv.open;
    }
    const row: OverviewRow = {
      debtorId: debtor.id, name: debtor.name, kind: debtor.kind, openInvoices: debtor.invoices.length, openAmount: open,
      overdueAmount: overdue, oldestDaysOverdue: daysBetween(oldestDue, b.today),
      // Stage, next action and pauses come from the workflow engine (electron/core/workflow).
      stage: state.stage, nextAction: state.nextAction,
      flags: { promise: (debtor.promises?.length ?? 0) > 0, arrangement: (debtor.plans?.length ?? 0) > 0, installmentMissed: state.missedInstallments.length > 0, dispute, paused: state.paused },
      isDemo: debtor.isDemo,
    };
    // The stored folded name (debtors.search_text) serves search and sort: folding 5,000 names costs more than the rest of the sort.
    return { row, folded: debtor.searchText, aging };
  });
}

/** The overview row of every customer with open invoices (or of one). */
export function overviewRows(ctx: Context, debtorId?: number): OverviewRow[] {
  return entries(ctx, debtorId).map((e) => e.row);
}

/*
 * Debiteuren is where people look after every change, and it asks again on every sort, filter and
 * search keystroke. Evaluating every customer takes tens of milliseconds at 5,000 customers; one
 * customer, a fraction of one. So the overview is kept per connection, per customer, and after a
 * write only the customers it touched are evaluated again (db/dirtyDebtors.ts notes them with
 * temporary triggers). Everything is evaluated again on another day (days overdue and next steps
 * move), after a commit by another connection (data_version: the command line on the same file),
 * after a change to the business's collection plan, and when a write touched many customers (a
 * bank statement), where one pass over all is cheaper. Inside a transaction nothing is kept.
 * Rows are shared between answers; nothing downstream mutates them.
 */
interface Kept { today: string; dataVersion: number; byDebtor: Map<number, Entry>; summary: Summary | null }
interface Summary { rows: OverviewRow[]; folded: Map<OverviewRow, string>; aging: AgingBuckets }
const kept = new WeakMap<Context['sqlite'], Kept>();

function summaryOf(byDebtor: Iterable<Entry>): Summary {
  const rows: OverviewRow[] = [];
  const folded = new Map<OverviewRow, string>();
  const aging = emptyAging();
  for (const e of byDebtor) {
    rows.push(e.row);
    folded.set(e.row, e.folded);
    for (const bucket of Object.keys(aging) as (keyof AgingBuckets)[]) aging[bucket] += e.aging[bucket];
  }
  return { rows, folded, aging };
}

function keptSummary(ctx: Context): Summary {
  const sqlite = ctx.sqlite;
  if (sqlite.inTransaction) return summaryOf(entries(ctx, undefined));
  trackDirtyDebtors(sqlite);
  const today = ctx.today();
  const dataVersion = sqlite.pragma('data_version', { simple: true }) as number;
  const dirty = takeDirtyDebtors(sqlite);
  let state = kept.get(sqlite);
  if (!state || state.today !== today || state.dataVersion !== dataVersion
    || dirty.includes(EVERY_DEBTOR) || dirty.length > Math.max(50, state.byDebtor.size / 4)) {
    state = { today, dataVersion, byDebtor: new Map(entries(ctx, undefined).map((e) => [e.row.debtorId, e])), summary: null };
    kept.set(sqlite, state);
  } else if (dirty.length > 0) {
    for (const id of dirty) state.byDebtor.delete(id);
    for (const e of entries(ctx, dirty)) state.byDebtor.set(e.row.debtorId, e);
    state.summary = null;
  }
  return (state.summary ??= summaryOf(state.byDebtor.values()));
}

/**
 * Evaluates the overview ahead of the user (the doors turn it on: backend option prepareOverview):
 * just after start, so that the first visit to Debiteuren finds every customer evaluated, and then
 * every minute, which catches a new day (and customers touched since) while the app stays open.
 * When nothing changed it only reads data_version and the empty set of touched customers.
 */
export function keepOverviewPrepared(
  run: (task: (ctx: Context) => Promise<unknown>) => Promise<unknown>,
  options: { delayMs?: number; intervalMs?: number } = {},
): () => void {
  // Closed in between (the app quits): nothing to report; anything else surfaces on the next real visit.
  const job = () => { run(async (ctx) => { keptSummary(ctx); }).catch(() => undefined); };
  const first = setTimeout(job, options.delayMs ?? 100);
  const every = setInterval(job, options.intervalMs ?? 60_000);
  first.unref();
  every.unref();
  return () => { clearTimeout(first); clearInterval(every); };
}

export function getOverview(ctx: Context, q: ParsedInputOf<'overview.get'>): Overview {
  const today = ctx.today();
  const { rows: all, folded, aging } = keptSummary(ctx);
  const nameOf = (r: OverviewRow) => folded.get(r)!;

  let rows = all;
  if (q.search?.trim()) {
    const needle = foldForSearch(q.search);
    const byNumber = new Set((ctx.sqlite.prepare(`SELECT DISTINCT debtor_id FROM invoices WHERE number LIKE ? ESCAPE '\\'`)
      .all(likeContains(q.search.trim())) as { debtor_id: number }[]).map((r) => r.debtor_id));
    rows = rows.filter((r) => nameOf(r).includes(needle) || byNumber.has(r.debtorId));
  }
  if (q.stage) rows = rows.filter((r) => r.stage === q.stage);
  if (q.kind) rows = rows.filter((r) => r.kind === q.kind);
  if (q.overdueOnly) rows = rows.filter((r) => r.overdueAmount > 0);

  const dir = q.direction === 'asc' ? 1 : -1;
  const key: Record<typeof q.sort, (r: OverviewRow) => string | number> = {
    name: nameOf, kind: (r) => r.kind, openInvoices: (r) => r.openInvoices, openAmount: (r) => r.openAmount,
    oldestDaysOverdue: (r) => r.oldestDaysOverdue, stage: (r) => stages.indexOf(r.stage), nextAction: (r) => r.nextAction?.date ?? '9999',
  };
  // Sort keys computed once per row, not n·log n times in the comparator.
  const keyed = rows.map((r) => ({ r, k: key[q.sort](r), name: nameOf(r) }));
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0) * dir || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || a.r.debtorId - b.r.debtorId);
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

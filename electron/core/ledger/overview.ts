import { format, parseISO, subDays } from 'date-fns';
import type { AgingBuckets, Overview, OverviewRow } from '../../../shared/domain/overview';
import { stages } from '../../../shared/domain/overview';
import type { ParsedInputOf } from '../../../shared/contract';
import { daysBetween } from '../../../shared/domain/dates';
import type { Context } from '../context';
import { foldForSearch, likeContains } from '../util/text';
import { evaluateLedger, type Evaluated } from '../workflow/load';

/** Aging boundaries: 30, 60 and 90 days before today (a due date on those days is in the younger bucket). */
function boundaries(today: string) {
  const t = parseISO(today);
  const back = (n: number) => format(subDays(t, n), 'yyyy-MM-dd');
  return { today, d30: back(30), d60: back(60), d90: back(90) };
}

const emptyAging = (): AgingBuckets => ({ notDue: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 });

/*
 * One pass over what the workflow engine loads anyway (the open invoices from the covering index
 * invoices_open, with the customers' promises, arrangements and handovers): the totals, the aging
 * and the flags are summed from it, so the overview reads the open invoices once, not twice.
 * tests/integration/ledger/queryPlans.test.ts checks the plans of the statements behind it.
 */
function summarize(ctx: Context, debtorId?: number): { rows: OverviewRow[]; folded: Map<OverviewRow, string>; aging: AgingBuckets } {
  const b = boundaries(ctx.today());
  const aging = emptyAging();
  // The stored folded names (debtors.search_text) serve search and sort: folding 5,000 names costs more than the rest of the sort.
  const folded = new Map<OverviewRow, string>();
  const rows = evaluateLedger(ctx, debtorId, false).map(({ debtor, state }: Evaluated): OverviewRow => {
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
    folded.set(row, debtor.searchText);
    return row;
  });
  return { rows, folded, aging };
}

/** The overview row of every customer with open invoices (or of one). */
export function overviewRows(ctx: Context, debtorId?: number): OverviewRow[] {
  return summarize(ctx, debtorId).rows;
}

/*
 * Debiteuren asks again on every sort, filter and search keystroke while the ledger stays the same,
 * so the summary of all customers is kept per connection and computed anew only when something
 * could have changed it: a row written on this connection (SQLite's total_changes() counts every
 * INSERT, UPDATE and DELETE, triggers included, even when rolled back), a commit by another
 * connection (data_version: the command line on the same file), or another day. The rows are
 * shared between answers; nothing downstream mutates them.
 */
type Summary = ReturnType<typeof summarize>;
const kept = new WeakMap<Context['sqlite'], { version: string; summary: Summary }>();

function ledgerVersion(ctx: Context): string {
  const changes = ctx.sqlite.prepare('SELECT total_changes()').pluck().get() as number;
  const dataVersion = ctx.sqlite.pragma('data_version', { simple: true }) as number;
  return `${ctx.today()} ${changes} ${dataVersion}`;
}

function summarizeAll(ctx: Context): Summary {
  const version = ledgerVersion(ctx);
  const hit = kept.get(ctx.sqlite);
  if (hit?.version === version) return hit.summary;
  const summary = summarize(ctx);
  kept.set(ctx.sqlite, { version, summary });
  return summary;
}

export function getOverview(ctx: Context, q: ParsedInputOf<'overview.get'>): Overview {
  const today = ctx.today();
  const { rows: all, folded, aging } = summarizeAll(ctx);
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

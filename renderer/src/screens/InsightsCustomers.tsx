// Inzicht, per customer: how each pays, sortable on every column. The figures come from the
// backend; this only sorts, filters and shows (the first 100 rows, then all on request).
import { useMemo, useState } from 'react';
import type { CustomerInsight, PaymentStep, RatingCode } from '../../../shared/contract';
import { paymentSteps } from '../../../shared/contract/methods/insights';
import { useMoney } from '../format';
import { useApp } from '../store';
import { CsvButton, RatingBadge, useDays } from './InsightsShared';

type Column = 'name' | 'paidInvoices' | 'avgDaysLate' | 'worstDaysLate' | 'reminders' | 'calls' | 'promises' | 'arrangements' | 'usualStep' | 'rating' | 'openAmount';

/** Ratings from good to bad, for sorting. */
const SEVERITY: Record<RatingCode, number> = {
  'on-time': 0, 'no-history': 1, 'slightly-late': 2, 'after-reminder-1': 3, 'after-reminder-2': 4, 'after-call': 5, 'after-final-notice': 6, 'late-payer': 7,
};
const STEP_RANK = Object.fromEntries(paymentSteps.map((s, i) => [s, i])) as Record<PaymentStep, number>;
const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });
const PAGE = 100;

/** A sort key per column; null sorts last whichever the direction. */
const KEY: Record<Exclude<Column, 'name'>, (c: CustomerInsight) => number | null> = {
  paidInvoices: (c) => c.paidInvoices,
  avgDaysLate: (c) => c.avgDaysLate,
  worstDaysLate: (c) => c.worstDaysLate,
  reminders: (c) => c.reminders,
  calls: (c) => c.calls,
  promises: (c) => c.promisesBroken * 1000 + c.promisesKept,
  arrangements: (c) => c.arrangements,
  usualStep: (c) => (c.usualStep === null ? null : STEP_RANK[c.usualStep]),
  rating: (c) => SEVERITY[c.rating.code] * 1e6 + (c.avgDaysLate ?? 0),
  openAmount: (c) => c.openAmount,
};

export function sortCustomers(rows: CustomerInsight[], column: Column, direction: 'asc' | 'desc'): CustomerInsight[] {
  const dir = direction === 'asc' ? 1 : -1;
  if (column === 'name') return [...rows].sort((a, b) => collator.compare(a.name, b.name) * dir);
  const key = KEY[column];
  return rows.map((c) => ({ c, k: key(c) })).sort((a, b) => {
    if (a.k === null || b.k === null) return a.k === b.k ? collator.compare(a.c.name, b.c.name) : a.k === null ? 1 : -1;
    return (a.k - b.k) * dir || collator.compare(a.c.name, b.c.name);
  }).map((x) => x.c);
}

export function InsightsCustomers({ customers }: { customers: CustomerInsight[] }) {
  const { t, navigate } = useApp();
  const m = t.insights;
  const money = useMoney();
  const days = useDays();
  const [sort, setSort] = useState<{ column: Column; direction: 'asc' | 'desc' }>({ column: 'avgDaysLate', direction: 'desc' });
  const [filter, setFilter] = useState('');
  const [limit, setLimit] = useState(PAGE);

  const rows = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase('nl');
    const filtered = needle ? customers.filter((c) => c.name.toLocaleLowerCase('nl').includes(needle)) : customers;
    return sortCustomers(filtered, sort.column, sort.direction);
  }, [customers, filter, sort]);

  const header = (column: Column, className = '') => (
    <th className={className} aria-sort={sort.column === column ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
      title={(m.columnHints as Partial<Record<Column, string>>)[column]}>
      <button type="button" data-testid={`sort-${column}`}
        onClick={() => setSort((s) => ({ column, direction: s.column === column ? (s.direction === 'desc' ? 'asc' : 'desc') : column === 'name' ? 'asc' : 'desc' }))}>
        {m.columns[column]}{sort.column === column ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );

  return (
    <section aria-labelledby="insights-customers">
      <div className="section-head">
        <h2 id="insights-customers">{m.customersTitle}</h2>
        <CsvButton table="customers" />
        <p>{m.customersIntro}</p>
      </div>
      {customers.length === 0 ? <p className="muted">{m.noCustomers}</p> : (
        <>
          <div className="customers-tools">
            <input type="search" placeholder={m.filter} aria-label={m.filter} value={filter} onChange={(e) => { setFilter(e.target.value); setLimit(PAGE); }} />
            {rows.length > limit && <span className="muted">{m.shown(limit, rows.length)}</span>}
          </div>
          <table className="customers" data-testid="customers-table">
            <thead>
              <tr>
                {header('name')}{header('paidInvoices', 'num')}{header('avgDaysLate', 'num')}{header('worstDaysLate', 'num')}
                {header('reminders', 'num')}{header('calls', 'num')}{header('promises', 'num')}{header('arrangements', 'num')}
                {header('usualStep')}{header('rating')}{header('openAmount', 'num')}
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, limit).map((c) => (
                <tr key={c.debtorId} data-testid="customer-row">
                  <td className="name">
                    <a href={`#/debiteur/${c.debtorId}`} onClick={(e) => { e.preventDefault(); navigate({ name: 'debtor', id: c.debtorId }); }}>{c.name}</a>
                  </td>
                  <td className="num">{c.paidInvoices}</td>
                  <td className={`num${(c.avgDaysLate ?? 0) > 14 ? ' late' : (c.avgDaysLate ?? 0) < 0 ? ' early' : ''}`} data-testid="avg-days">{days(c.avgDaysLate)}</td>
                  <td className="num">{days(c.worstDaysLate)}</td>
                  <td className="num">{c.reminders}</td>
                  <td className="num">{c.calls}</td>
                  <td className="num">{c.promisesKept} / {c.promisesBroken}</td>
                  <td className="num">{c.arrangements}</td>
                  <td>{c.usualStep ? m.step[c.usualStep] : '—'}</td>
                  <td><RatingBadge rating={c.rating} withReason /></td>
                  <td className="num">{money(c.openAmount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length > limit && <button type="button" className="show-more" onClick={() => setLimit(rows.length)}>{m.showAll(rows.length)}</button>}
        </>
      )}
    </section>
  );
}


import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { Overview, OverviewQuery, Stage } from '../../../shared/domain/overview';
import { stages, type overviewSortColumns } from '../../../shared/domain/overview';
import { call } from '../api/client';
import { ErrorBox } from '../components/Field';
import { date, useMoney } from '../format';
import { useApp } from '../store';
import { DebtorForm } from './DebtorForm';

type SortColumn = (typeof overviewSortColumns)[number];

/** Debiteuren: who owes what, since when, and what to do next. */
export function Debtors() {
  const { t, navigate } = useApp();
  const money = useMoney();
  const [overview, setOverview] = useState<Overview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [stage, setStage] = useState<Stage | ''>('');
  const [kind, setKind] = useState<'business' | 'consumer' | ''>('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [sort, setSort] = useState<{ column: SortColumn; direction: 'asc' | 'desc' }>({ column: 'oldestDaysOverdue', direction: 'desc' });
  const [adding, setAdding] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const query: OverviewQuery = { search: search || undefined, stage: stage || undefined, kind: kind || undefined, overdueOnly, sort: sort.column, direction: sort.direction };
    const timer = setTimeout(() => {
      call('overview.get', query).then((o) => { setOverview(o); setError(null); }, (e: Error) => setError(e.message));
    }, search ? 150 : 0);
    return () => clearTimeout(timer);
  }, [search, stage, kind, overdueOnly, sort]);

  const rows = overview?.rows ?? [];
  // Thousands of customers stay smooth: only the rows in view are in the page.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => 44, overscan: 12 });

  const header = (column: SortColumn, className = '') => (
    <button className={`th ${className}`} onClick={() => setSort((s) => ({ column, direction: s.column === column && s.direction === 'desc' ? 'asc' : 'desc' }))}
      aria-sort={sort.column === column ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      {t.debtors.columns[column]}{sort.column === column ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
    </button>
  );

  const aging = overview?.aging;
  const agingTotal = aging ? Object.values(aging).reduce((s, v) => s + v, 0) : 0;

  return (
    <main className="debtors">
      <div className="page-head">
        <h1>{t.debtors.title}</h1>
        <button className="primary" onClick={() => setAdding(true)}>{t.debtors.newDebtor}</button>
      </div>
      {adding && <DebtorForm onDone={(d) => { setAdding(false); if (d) navigate({ name: 'debtor', id: d.id }); }} />}
      <ErrorBox message={error} />
      {overview && (
        <section className="totals" aria-label="totalen">
          <div className="card"><span>{t.debtors.totalOpen}</span><strong data-testid="total-open">{money(overview.totals.open)}</strong></div>
          <div className="card warn"><span>{t.debtors.totalOverdue}</span><strong data-testid="total-overdue">{money(overview.totals.overdue)}</strong></div>
          <div className="card"><span>{t.debtors.debtorsWithOpen}</span><strong>{overview.totals.debtors}</strong></div>
          <div className="card aging">
            <div className="aging-bar" aria-hidden>
              {aging && (Object.keys(aging) as (keyof typeof aging)[]).map((k) => (
                <span key={k} className={`bucket ${k}`} style={{ flexGrow: agingTotal ? aging[k] / agingTotal : 0 }} />
              ))}
            </div>
            <dl>
              {aging && (Object.keys(aging) as (keyof typeof aging)[]).map((k) => (
                <div key={k} className={`legend ${k}`}><dt>{t.debtors.aging[k]}</dt><dd data-testid={`aging-${k}`}>{money(aging[k])}</dd></div>
              ))}
            </dl>
          </div>
        </section>
      )}
      <div className="filters">
        <input type="search" placeholder={t.debtors.search} aria-label={t.debtors.search} value={search} onChange={(e) => setSearch(e.target.value)} />
        <select aria-label={t.debtors.columns.stage} value={stage} onChange={(e) => setStage(e.target.value as Stage | '')}>
          <option value="">{t.debtors.allStages}</option>
          {stages.map((s) => <option key={s} value={s}>{t.stage[s]}</option>)}
        </select>
        <select aria-label={t.debtors.columns.kind} value={kind} onChange={(e) => setKind(e.target.value as 'business' | 'consumer' | '')}>
          <option value="">{t.debtors.allKinds}</option>
          <option value="business">{t.kind.business}</option>
          <option value="consumer">{t.kind.consumer}</option>
        </select>
        <label className="check"><input type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} /> {t.debtors.overdueOnly}</label>
      </div>
      <div className="table" role="table" aria-label={t.debtors.title}>
        <div className="tr thead" role="row">
          {header('name', 'name')}{header('kind')}{header('openInvoices', 'num')}{header('openAmount', 'num')}{header('oldestDaysOverdue', 'num')}{header('stage')}{header('nextAction')}
        </div>
        <div className="tbody" ref={scroller}>
          {overview && rows.length === 0 && <p className="empty">{search || stage || kind || overdueOnly ? t.debtors.noMatch : t.debtors.empty}</p>}
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {virtual.getVirtualItems().map((item) => {
              const r = rows[item.index]!;
              return (
                <div key={r.debtorId} role="row" className={`tr${r.oldestDaysOverdue > 0 ? ' overdue' : ''}`} data-testid="debtor-row"
                  style={{ position: 'absolute', top: 0, transform: `translateY(${item.start}px)`, width: '100%' }}
                  onClick={() => navigate({ name: 'debtor', id: r.debtorId })}>
                  <span className="td name" role="cell">
                    <a href={`#/debiteur/${r.debtorId}`} onClick={(e) => e.preventDefault()}>{r.name}</a>
                    {(Object.keys(r.flags) as (keyof typeof r.flags)[]).filter((f) => r.flags[f]).map((f) => <span key={f} className={`flag ${f}`}>{t.flags[f]}</span>)}
                  </span>
                  <span className="td" role="cell">{t.kind[r.kind]}</span>
                  <span className="td num" role="cell">{r.openInvoices}</span>
                  <span className="td num" role="cell" data-testid="row-open">{money(r.openAmount)}</span>
                  <span className="td num" role="cell" data-testid="row-days">{t.debtors.daysLate(r.oldestDaysOverdue)}</span>
                  <span className="td" role="cell"><span className={`stage ${r.stage}`}>{t.stage[r.stage]}</span></span>
                  <span className="td" role="cell">{r.nextAction ? `${t.stage[r.nextAction.kind]} · ${date(r.nextAction.date)}` : '—'}</span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </main>
  );
}

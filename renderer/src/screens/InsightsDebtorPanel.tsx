// The debtor page's compact "Betaalgedrag" panel: how this customer pays, why it got its rating,
// and what to do before new work (insights.debtor; the same figures as on the Inzicht screen).
import { useCallback, useEffect, useState } from 'react';
import type { DebtorInsights } from '../../../shared/contract';
import { ratingReasons } from '../../../shared/contract/methods/insights';
import { call } from '../api/client';
import '../components/charts/insights.css';
import { useApp } from '../store';
import { RatingBadge, SuggestionCard, useDays } from './InsightsShared';

export function InsightsDebtorPanel({ debtorId, onChanged }: { debtorId: number; onChanged?: () => void }) {
  const { t, navigate } = useApp();
  const m = t.insights;
  const days = useDays();
  const [data, setData] = useState<DebtorInsights | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(() => {
    call('insights.debtor', { debtorId }).then(setData, () => setData(null));
  }, [debtorId]);
  useEffect(load, [load]);

  if (!data) return null;
  const c = data.customer;
  return (
    <section className="insight-panel" aria-label={m.panelTitle} data-testid="insight-panel">
      <h2>{m.panelTitle} {c && <RatingBadge rating={c.rating} />}</h2>
      {!c ? <p className="muted">{m.panelEmpty}</p> : (
        <>
          <span className="reason" data-testid="rating-reason">{ratingReasons(m, c.rating)}</span>
          <dl>
            <div><dt>{m.columns.paidInvoices}</dt><dd>{c.paidInvoices ? m.panelPaid(c.paidInvoices, c.paidLate) : 0}</dd></div>
            <div><dt>{m.columns.avgDaysLate}</dt><dd>{days(c.avgDaysLate)}</dd></div>
            <div><dt>{m.columns.worstDaysLate}</dt><dd>{days(c.worstDaysLate)}</dd></div>
            <div><dt>{m.columns.usualStep}</dt><dd>{c.usualStep ? m.step[c.usualStep] : '—'}</dd></div>
            <div><dt>{m.columns.reminders} · {m.columns.calls}</dt><dd>{c.reminders} · {c.calls}</dd></div>
            <div><dt>{m.columns.promises}</dt><dd>{c.promisesKept} / {c.promisesBroken}</dd></div>
            <div><dt>{m.columns.arrangements}</dt><dd>{c.arrangements}</dd></div>
          </dl>
        </>
      )}
      {notice && <p className="ok" role="status">{notice}</p>}
      {data.suggestions.length > 0 && (
        <div className="suggestions">
          {data.suggestions.map((s) => (
            <SuggestionCard key={s.kind} suggestion={s} showName={false} onChanged={(n) => { setNotice(n); load(); onChanged?.(); }} />
          ))}
        </div>
      )}
      <a className="more" href="#/inzicht" onClick={(e) => { e.preventDefault(); navigate({ name: 'insights' }); }}>{m.panelMore}</a>
    </section>
  );
}

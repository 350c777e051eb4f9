import { useCallback, useEffect, useState } from 'react';
import type { ArrangementView } from '../../../../shared/domain/arrangement';
import { call, errorText } from '../../api/client';
import { ErrorBox } from '../../components/Field';
import { date, useMoney } from '../../format';
import { useApp } from '../../store';
import '../../arrangements.css';
import { ArrangementChoices } from './ArrangementChoices';
import { ArrangementForm } from './ArrangementForm';

/** The schedule of an arrangement: each installment with what is paid and open, and its state. */
export function ScheduleTable({ view }: { view: ArrangementView }) {
  const t = useApp((s) => s.t);
  const money = useMoney();
  const a = t.arrangements;
  return (
    <table className="schedule" data-testid="arrangement-schedule">
      <thead><tr><th>{a.seq}</th><th>{a.date}</th><th className="num">{a.amountCol}</th><th className="num">{a.paid}</th><th className="num">{a.open}</th><th>{a.status}</th></tr></thead>
      <tbody>
        {view.installments.map((i) => (
          <tr key={i.seq} className={`installment ${i.status}`} data-testid="installment-row">
            <td>{i.seq}</td>
            <td>{date(i.dueDate)}</td>
            <td className="num">{money(i.amount)}</td>
            <td className="num">{i.paid > 0 ? money(i.paid) : ''}</td>
            <td className="num">{i.open > 0 ? money(i.open) : ''}</td>
            <td><span className={`inst-status ${i.status}`}>{a.statuses[i.status]}</span>{i.reminderSent && i.open > 0 && <small className="muted"> · {a.reminderSent}</small>}</td>
          </tr>
        ))}
      </tbody>
      <tfoot><tr><th colSpan={2}>{a.total}</th><td className="num">{money(view.total)}</td><td className="num">{money(view.paid)}</td><td className="num">{money(view.remaining)}</td><td /></tr></tfoot>
    </table>
  );
}

function Summary({ view }: { view: ArrangementView }) {
  const t = useApp((s) => s.t);
  const money = useMoney();
  const a = t.arrangements;
  const parts = [`${money(view.principal)} ${a.parts.principal}`,
    ...(view.interest > 0 ? [`${money(view.interest)} ${a.parts.interest}`] : []), ...(view.costs > 0 ? [`${money(view.costs)} ${a.parts.costs}`] : [])];
  return (
    <>
      <p className="arrangement-head">
        <span className={`plan-status ${view.status}`}>{a.planStatus[view.status]}</span>
        {' '}{a.installments(view.installments.length, a.intervalAdjective[view.interval])} · {a.agreedOn(date(view.agreedOn))}
        {view.endedOn && <> · {a.endedOn(date(view.endedOn))}</>}
        {view.accelerationClause && <> · {a.clauseAgreed}</>}
        {view.invoiceNumbers.length > 0 && <span className="muted"> · {view.invoiceNumbers.join(', ')}</span>}
      </p>
      <p className="arrangement-sums" data-testid="arrangement-sums">{a.sums(money(view.total), money(view.paid), money(view.remaining))}
        {parts.length > 1 && <span className="muted"> · {a.makeup(parts.join(', '))}</span>}</p>
    </>
  );
}

/**
 * On the debtor page: the running arrangement (schedule, confirmation by mail or letter, the
 * installment reminder, end or give room), earlier ones, or the way to make one.
 */
export function ArrangementPanel({ debtorId, version, onChanged, onPrintLetter }: { debtorId: number; version: number; onChanged: () => void; onPrintLetter: () => void }) {
  const { t, navigate, language } = useApp();
  const money = useMoney();
  const a = t.arrangements;
  const [views, setViews] = useState<ArrangementView[] | null>(null);
  const [making, setMaking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(() => {
    call('arrangements.list', { debtorId }).then(setViews, (e: unknown) => setError(errorText(e, language)));
  }, [debtorId, language]);
  // `version` changes when the debtor page reloads (a payment, a sent mail): read the states again.
  useEffect(load, [load, version]);

  if (!views) return error ? <ErrorBox message={error} /> : null;
  const active = views.find((v) => v.status === 'active') ?? null;
  const earlier = views.filter((v) => v !== active);
  const confirmed = active !== null && (active.confirmedByMail || active.confirmedByLetter);
  const done = (msg: string) => { setMessage(msg); load(); onChanged(); };

  return (
    <section className="panel arrangement-panel" aria-label={a.title}>
      <h2>{a.title}</h2>
      <ErrorBox message={error} />
      {message && <p className="ok-box" role="status">{message}</p>}
      {making ? (
        <ArrangementForm debtorId={debtorId} onDone={(created) => { setMaking(false); if (created) done(a.created); }} />
      ) : !active ? (
        <>
          <p className="muted">{a.none}</p>
          <div className="actions"><button className="primary" onClick={() => { setMessage(null); setMaking(true); }}>{a.make}</button></div>
        </>
      ) : (
        <>
          <Summary view={active} />
          {active.missed && <p className="note installment-missed" role="status">{a.missedNote(active.missed.seq, date(active.missed.dueDate), money(active.missed.open))}</p>}
          <div className="actions arrangement-actions">
            {/* Confirm first (in writing, as the law advises), then remind before each installment. */}
            <button className={confirmed ? '' : 'primary'} onClick={() => navigate({ name: 'draft', debtorId, step: 'arrangement-confirmation' })}>
              {a.confirmMail}{active.confirmedByMail ? ' ✓' : ''}
            </button>
            <button onClick={onPrintLetter}>{a.confirmLetter}{active.confirmedByLetter ? ' ✓' : ''}</button>
            {active.next && <button onClick={() => navigate({ name: 'draft', debtorId, step: 'installment-reminder' })}>{a.remind}</button>}
            <ArrangementChoices
              target={{ planId: active.planId, remaining: active.remaining, accelerationClause: active.accelerationClause, missed: active.missed, latestNewDate: latestNewDate(active) }}
              onDone={done} />
          </div>
          <ScheduleTable view={active} />
        </>
      )}
      {earlier.length > 0 && (
        <details className="earlier-arrangements">
          <summary>{a.history} ({earlier.length})</summary>
          {earlier.map((v) => <div key={v.planId} className="earlier"><Summary view={v} /><ScheduleTable view={v} /></div>)}
        </details>
      )}
    </section>
  );
}

/** The next installment after the missed ones: a missed installment may move up to its date. */
function latestNewDate(view: ArrangementView): string | null {
  const lastMissed = Math.max(0, ...view.installments.filter((i) => i.status === 'missed').map((i) => i.seq));
  return view.installments.find((i) => i.seq > lastMissed && i.open > 0)?.dueDate ?? null;
}

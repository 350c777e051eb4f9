import { useEffect, useState } from 'react';
import type { TodayList, WorkGroup, WorkItem, WorkNote } from '../../../shared/domain/workflow';
import { workGroupOf, workGroups } from '../../../shared/domain/workflow';
import { call, errorText } from '../api/client';
import { ErrorBox } from '../components/Field';
import { date, useMoney } from '../format';
import { useApp } from '../store';
import '../workflow.css';
import '../arrangements.css';
import { ArrangementChoices } from './workflow/ArrangementChoices';

/** Vandaag: what is due today (or was due while the app was closed), grouped by kind, and who is paused. */
export function Today() {
  const { t, navigate, language } = useApp();
  const money = useMoney();
  const w = t.workflow;
  const a = t.arrangements;
  const [list, setList] = useState<TodayList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    call('workflow.today', {}).then(setList, (e: unknown) => setError(errorText(e, language)));
  }, [language, reloads]);

  if (error) return <main><ErrorBox message={error} /></main>;
  if (!list) return <main className="muted">{t.common.loading}</main>;

  const grouped = new Map<WorkGroup, WorkItem[]>();
  for (const item of list.items) {
    const g = workGroupOf(item.step);
    grouped.set(g, [...(grouped.get(g) ?? []), item]);
  }

  const noteText = (n: WorkNote) => {
    switch (n.kind) {
      case 'promise-broken': return w.today.notes.promiseBroken(date(n.promisedDate));
      case 'installment-missed': return w.today.notes.installmentMissed(date(n.dueDate), money(n.amount));
      default: return w.today.notes.partlyPaid(money(n.paid));
    }
  };

  const action = (item: WorkItem) => {
    switch (item.step) {
      case 'nudge':
      case 'reminder-1':
      case 'reminder-2':
        return <button className="primary" onClick={() => navigate({ name: 'draft', debtorId: item.debtorId, step: item.step as 'nudge' | 'reminder-1' | 'reminder-2' })}>
          {item.step === 'nudge' ? w.today.draftNudge : w.today.draftReminder}</button>;
      case 'call':
        return <button className="primary" onClick={() => navigate({ name: 'call', debtorId: item.debtorId })}>{w.today.prepareCall}</button>;
      case 'final-notice':
        return <button className="primary" onClick={() => navigate({ name: 'debtor', id: item.debtorId })}>{w.today.finalNotice}</button>;
      default:
        return <button className="primary" onClick={() => navigate({ name: 'debtor', id: item.debtorId })}>{w.today.handover}</button>;
    }
  };

  return (
    <main className="today">
      <h1>{w.today.title}</h1>
      <p className="intro">{w.today.intro}</p>
      {list.settled.broken > 0 && <p className="note" role="status">{w.today.settledBroken(list.settled.broken)}</p>}
      {list.settled.kept > 0 && <p className="ok-box" role="status">{w.today.settledKept(list.settled.kept)}</p>}
      {message && <p className="ok-box" role="status">{message}</p>}
      {list.items.length === 0 && list.arrangements.length === 0 && <p className="empty panel">{w.today.empty}</p>}
      {list.arrangements.length > 0 && (
        <section className="work-group" aria-label={a.today.title} data-testid="group-arrangements">
          <h2>{a.today.title} <span className="count">{list.arrangements.length}</span></h2>
          <p className="hint">{a.today.hint}</p>
          <ul className="work-list">
            {list.arrangements.map((item) => (
              <li key={`${item.planId}-${item.kind}-${item.seq}`} className={`work-item arrangement-item ${item.kind}`} data-testid="arrangement-item">
                <div className="who">
                  <button className="link name" onClick={() => navigate({ name: 'debtor', id: item.debtorId })}>{item.debtorName}</button>
                  <span className="kind-badge">{t.kind[item.debtorKind]}</span>
                </div>
                <div className="what">
                  {item.kind === 'installment-missed'
                    ? <span className="note installment-missed-inline">{a.today.missed(item.seq, item.count, money(item.behind), date(item.dueDate))}</span>
                    : a.today.reminder(item.seq, item.count, money(item.amount), date(item.dueDate))}
                  <small>{a.today.remaining(money(item.remaining))}</small>
                </div>
                <div className={`when${item.kind === 'installment-missed' ? ' late' : ''}`}>
                  {item.kind === 'installment-missed' ? w.today.dueSince(date(item.dueDate)) : item.dueDate === list.today ? w.today.dueToday : date(item.dueDate)}
                </div>
                {item.kind === 'installment-reminder'
                  ? <button className="primary" onClick={() => navigate({ name: 'draft', debtorId: item.debtorId, step: 'installment-reminder' })}>{a.remindShort}</button>
                  : <ArrangementChoices
                      target={{ planId: item.planId, remaining: item.remaining, accelerationClause: item.accelerationClause, missed: { seq: item.seq, dueDate: item.dueDate }, latestNewDate: item.latestNewDate }}
                      onDone={(msg) => { setMessage(msg); setReloads((n) => n + 1); }} />}
              </li>
            ))}
          </ul>
        </section>
      )}
      {workGroups.filter((g) => grouped.has(g)).map((g) => (
        <section key={g} className="work-group" aria-label={w.today.groups[g]} data-testid={`group-${g}`}>
          <h2>{w.today.groups[g]} <span className="count">{grouped.get(g)!.length}</span></h2>
          <p className="hint">{w.today.groupHints[g]}</p>
          <ul className="work-list">
            {grouped.get(g)!.map((item) => (
              <li key={`${item.debtorId}-${item.step}`} className={`work-item ${item.step}`} data-testid="work-item">
                <div className="who">
                  <button className="link name" onClick={() => navigate({ name: 'debtor', id: item.debtorId })}>{item.debtorName}</button>
                  <span className="kind-badge">{t.kind[item.debtorKind]}</span>
                </div>
                <div className="what">
                  {item.letter ? w.letters[item.letter] : w.steps[item.step]}: {item.invoices.map((i) => i.number).join(', ')} · <strong>{money(item.total)}</strong>
                  <small>{item.invoices.map((i) => i.description).filter(Boolean).join(' · ')}</small>
                </div>
                <div className={`when${item.dueSince < list.today ? ' late' : ''}`}>{item.dueSince === list.today ? w.today.dueToday : w.today.dueSince(date(item.dueSince))}</div>
                {action(item)}
                {item.notes.length > 0 && (
                  <div className="notes">{item.notes.map((n, i) => <span key={i} className={`note ${n.kind}`}>{noteText(n)}</span>)}</div>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <section className="paused-list" aria-label={w.today.pausedTitle}>
        <h2>{w.today.pausedTitle}</h2>
        <p className="hint-text">{w.today.pausedIntro}</p>
        {list.paused.length === 0 ? <p className="muted">{w.today.pausedEmpty}</p> : (
          <ul>
            {list.paused.map((p) => (
              <li key={p.debtorId} data-testid="paused-item">
                <button className="link" onClick={() => navigate({ name: 'debtor', id: p.debtorId })}><strong>{p.debtorName}</strong></button> · {money(p.open)}
                {p.pauses.map((x, i) => (
                  <span key={i} className="reason">
                    {w.pauseReasons[x.reason]} · {x.until ? w.today.until(date(x.until)) : w.today.whileItLasts}
                    {!x.wholeDebtor && <> · {w.today.invoicesList(x.invoiceNumbers.join(', '))}</>}
                    {x.note && <span className="note-text"> — {x.note}</span>}
                  </span>
                ))}
                {p.nextAction && p.pauses.every((x) => x.until) && <span className="hint-text">{w.today.thenNext(t.stage[p.nextAction.kind], date(p.nextAction.date))}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}

import { useCallback, useEffect, useState } from 'react';
import type { DebtorWorkflow } from '../../../../shared/contract';
import type { Invoice, TimelineEvent } from '../../../../shared/domain/ledger';
import type { Ladder, LadderOverride, MailStep, TimelineKind } from '../../../../shared/domain/workflow';
import { timelineKind, timelineKinds, workflowSteps } from '../../../../shared/domain/workflow';
import { call, errorText } from '../../api/client';
import { ErrorBox } from '../../components/Field';
import { date } from '../../format';
import { useApp } from '../../store';
import '../../workflow.css';
import { LadderEditor } from './PlanSettings';

const MAIL_STEPS: readonly string[] = ['nudge', 'reminder-1', 'reminder-2'];

/** Only what differs from the business's ladder. */
function diff(ladder: Ladder, base: Ladder): LadderOverride {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(ladder) as (keyof Ladder)[]) if (JSON.stringify(ladder[k]) !== JSON.stringify(base[k])) out[k] = ladder[k];
  return out as LadderOverride;
}

/** On the debtor page: the plan's stage and next step, pauses, disputes and stops per invoice, and an own plan. */
export function DebtorWorkflowPanel({ debtorId, invoices, onChanged }: { debtorId: number; invoices: Invoice[]; onChanged: () => void }) {
  const { t, navigate, language, info } = useApp();
  const w = t.workflow;
  const d = w.debtor;
  const [wf, setWf] = useState<DebtorWorkflow | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form, setForm] = useState<{ kind: 'pause' } | { kind: 'dispute'; invoiceId: number } | { kind: 'plan'; ladder: Ladder; base: Ladder } | null>(null);
  const [text, setText] = useState('');
  const [until, setUntil] = useState('');
  const today = info?.today ?? '';

  const load = useCallback(() => {
    call('workflow.debtor', { debtorId }).then(setWf, (e: unknown) => setError(errorText(e, language)));
  }, [debtorId, language]);
  useEffect(load, [load]);

  if (!wf) return error ? <ErrorBox message={error} /> : null;

  const act = async (action: () => Promise<unknown>) => {
    setError(null);
    try { await action(); setForm(null); setText(''); load(); onChanged(); } catch (e) { setError(errorText(e, language)); }
  };
  const openInvoices = invoices.filter((i) => i.kind === 'invoice' && i.open > 0);
  const stateOf = (id: number) => wf.invoices.find((i) => i.invoiceId === id);

  return (
    <section className="panel workflow-panel" aria-label={d.title}>
      <h2>{d.title}</h2>
      <ErrorBox message={error} />
      <p>
        {d.stage}: <span className={`stage ${wf.stage}`}>{t.stage[wf.stage]}</span> · {d.next}:{' '}
        {wf.nextAction ? <strong>{t.stage[wf.nextAction.kind]} · {wf.nextAction.date <= today ? d.dueNow : date(wf.nextAction.date)}</strong> : <span className="muted">{d.noNext}</span>}
      </p>
      {wf.pauses.map((p, i) => (
        <p key={i} className="pause-line" data-testid="debtor-pause">
          {w.pauseReasons[p.reason]} · {p.until ? w.today.until(date(p.until)) : w.today.whileItLasts}
          {!p.wholeDebtor && <> · {w.today.invoicesList(p.invoiceNumbers.join(', '))}</>}
          {p.note && <span className="muted"> — {p.note}</span>}
        </p>
      ))}
      <div className="actions">
        {wf.actions.map((a) => MAIL_STEPS.includes(a.step)
          ? <button key={a.step} className="primary" onClick={() => navigate({ name: 'draft', debtorId, step: a.step as MailStep })}>{d.draft(w.steps[a.step])}</button>
          : a.step === 'call' ? <button key={a.step} className="primary" onClick={() => navigate({ name: 'call', debtorId })}>{d.prepareCall}</button> : null)}
        {!wf.actions.some((a) => a.step === 'call') && <button onClick={() => navigate({ name: 'call', debtorId })}>{d.prepareCall}</button>}
        {wf.pausedUntil && wf.pausedUntil >= today
          ? <button onClick={() => void act(() => call('debtors.resume', { debtorId }))}>{d.resume}</button>
          : <button onClick={() => { setForm({ kind: 'pause' }); setText(d.pauseDefault); setUntil(''); }}>{d.pause}</button>}
        <button onClick={() => void call('workflow.settings', {}).then((s) => setForm({ kind: 'plan', ladder: wf.ladder, base: s.ladder }))}>{d.ownPlan}{wf.ladderOverride ? ' ✓' : '…'}</button>
      </div>
      {form?.kind === 'pause' && (
        <form className="inline-form" aria-label={d.pause} onSubmit={(e) => { e.preventDefault(); void act(() => call('debtors.pause', { debtorId, until, reason: text })); }}>
          <label className="field"><span className="field-label">{d.pauseUntil}</span><input type="date" required min={today} value={until} onChange={(e) => setUntil(e.target.value)} /></label>
          <label className="field"><span className="field-label">{d.pauseReason}</span><input value={text} onChange={(e) => setText(e.target.value)} /></label>
          <button className="primary" type="submit">{d.save}</button>
          <button type="button" onClick={() => setForm(null)}>{d.cancel}</button>
        </form>
      )}
      {form?.kind === 'plan' && (
        <form className="form" aria-label={d.ownPlan} onSubmit={(e) => { e.preventDefault(); const o = diff(form.ladder, form.base); void act(() => call('workflow.saveDebtorLadder', { debtorId, override: Object.keys(o).length ? o : null })); }}>
          <h3>{d.ownPlan}</h3>
          <p className="hint-text">{d.ownPlanHint}</p>
          <LadderEditor ladder={form.ladder} onChange={(ladder) => setForm({ ...form, ladder })} />
          <div className="actions">
            <button className="primary" type="submit">{d.savePlan}</button>
            {wf.ladderOverride && <button type="button" onClick={() => void act(() => call('workflow.saveDebtorLadder', { debtorId, override: null }))}>{d.usePlan}</button>}
            <button type="button" onClick={() => setForm(null)}>{d.cancel}</button>
          </div>
        </form>
      )}
      {openInvoices.length > 0 && (
        <>
          <h3>{d.invoices}</h3>
          <table>
            <tbody>
              {openInvoices.map((inv) => {
                const s = stateOf(inv.id);
                const done = s ? workflowSteps.filter((x) => s.done[x]) : [];
                return (
                  <tr key={inv.id} data-testid="workflow-invoice">
                    <td>{inv.number}</td>
                    <td>{s ? <span className={`stage ${s.stage}`}>{t.stage[s.stage]}</span> : null}
                      {inv.disputed && <span className="flag dispute" title={inv.disputeReason ?? ''}>{t.invoice.disputed}</span>}
                      {s?.stopped && <span className="flag paused">{w.pauseReasons.stopped}</span>}
                    </td>
                    <td className="muted">{done.length > 0 && `${d.done}: ${done.map((x) => `${w.steps[x]} (${date(s!.done[x]!)})`).join(', ')}`}</td>
                    <td className="cell-actions">
                      {inv.disputed
                        ? <button onClick={() => void act(() => call('invoices.resolveDispute', { invoiceId: inv.id }))}>{d.resolve}</button>
                        : <button onClick={() => { setForm({ kind: 'dispute', invoiceId: inv.id }); setText(''); }}>{d.dispute}…</button>}
                      <button onClick={() => void act(() => call('invoices.stop', { invoiceId: inv.id, stopped: !s?.stopped }))}>{s?.stopped ? d.unstop : d.stop}</button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {form?.kind === 'dispute' && (
            <form className="inline-form" aria-label={d.dispute} onSubmit={(e) => { e.preventDefault(); void act(() => call('invoices.dispute', { invoiceId: form.invoiceId, reason: text })); }}>
              <label className="field"><span className="field-label">{d.disputeReason}</span><input required value={text} onChange={(e) => setText(e.target.value)} size={50} /></label>
              <button className="primary" type="submit">{d.save}</button>
              <button type="button" onClick={() => setForm(null)}>{d.cancel}</button>
            </form>
          )}
        </>
      )}
    </section>
  );
}

/** The debtor's timeline, filterable by kind (reminders, calls, promises, letters, payments, disputes, other). */
export function Timeline({ events }: { events: TimelineEvent[] }) {
  const t = useApp((s) => s.t);
  const w = t.workflow;
  const [kind, setKind] = useState<TimelineKind | 'all'>('all');
  const counts = new Map<TimelineKind, number>();
  for (const e of events) counts.set(timelineKind(e.type), (counts.get(timelineKind(e.type)) ?? 0) + 1);
  const shown = kind === 'all' ? events : events.filter((e) => timelineKind(e.type) === kind);
  return (
    <section className="timeline">
      <h2>{t.debtor.timeline}</h2>
      {events.length === 0 ? <p className="muted">{t.debtor.noEvents}</p> : (
        <>
          <div className="timeline-filter" role="group" aria-label={t.debtor.timeline}>
            <button aria-pressed={kind === 'all'} onClick={() => setKind('all')}>{w.timeline.all} ({events.length})</button>
            {timelineKinds.filter((k) => counts.has(k)).map((k) => (
              <button key={k} aria-pressed={kind === k} onClick={() => setKind(k)}>{w.timeline.kinds[k]} ({counts.get(k)})</button>
            ))}
          </div>
          {shown.length === 0 ? <p className="muted">{w.timeline.none}</p> : (
            <ol>
              {shown.map((e) => <li key={e.id} className={`event ${e.type.replace('.', '-')}`}><time>{date(e.occurredOn)}</time><span>{e.summary}</span></li>)}
            </ol>
          )}
        </>
      )}
    </section>
  );
}

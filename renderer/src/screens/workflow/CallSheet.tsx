import { useCallback, useEffect, useState } from 'react';
import type { CallLogged, CallOutcome, CallSheet as Sheet } from '../../../../shared/domain/workflow';
import { callOutcomes } from '../../../../shared/domain/workflow';
import { parseAmount } from '../../../../shared/domain/money';
import { call, errorText } from '../../api/client';
import { ErrorBox, Field } from '../../components/Field';
import { date, useMoney } from '../../format';
import { useApp } from '../../store';
import '../../workflow.css';
import { downloadFile } from '../../fileBytes';

/** Belvoorbereiding: the facts at hand before calling, what to ask, and the call log. */
export function CallSheet({ debtorId }: { debtorId: number }) {
  const { t, navigate, language } = useApp();
  const money = useMoney();
  const w = t.workflow;
  const c = w.call;
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reached, setReached] = useState(true);
  const [outcome, setOutcome] = useState<CallOutcome>('promise');
  const [notes, setNotes] = useState('');
  const [promisedDate, setPromisedDate] = useState('');
  const [promisedAmount, setPromisedAmount] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [logged, setLogged] = useState<CallLogged | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    call('calls.sheet', { debtorId }).then(setSheet, (e: unknown) => setError(errorText(e, language)));
  }, [debtorId, language]);
  useEffect(load, [load]);

  if (!sheet) return <main>{error ? <ErrorBox message={error} /> : <p className="muted">{t.common.loading}</p>}</main>;
  const d = sheet.debtor;

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    const amount = promisedAmount.trim() ? parseAmount(promisedAmount) : null;
    try {
      const result = await call('calls.log', {
        debtorId, reached: reached && outcome !== 'no-answer', notes, outcome,
        ...(outcome === 'promise' ? { promisedDate: promisedDate || undefined, ...(amount !== null ? { promisedAmount: amount } : {}) } : {}),
      });
      setLogged(result);
      load();
    } catch (err) {
      setFields((err as { error?: { fields?: Record<string, string> } }).error?.fields ?? {});
      setError(errorText(err, language));
    } finally {
      setBusy(false);
    }
  }

  const printPdf = () => void call('calls.sheetPdf', { debtorId, language }).then((f) => downloadFile(f), (e: unknown) => setError(errorText(e, language)));

  return (
    <main className="call">
      <button className="link" onClick={() => navigate({ name: 'today' })}>{c.back}</button>
      <div className="page-head call-head">
        <h1>{c.title}: {d.name} <span className="kind-badge">{t.kind[d.kind]}</span></h1>
        <div className="actions">
          <button onClick={printPdf}>{c.printPdf}</button>
          <button onClick={() => navigate({ name: 'debtor', id: debtorId })}>{w.draft.toDebtor}</button>
        </div>
      </div>
      <ErrorBox message={error} />
      <div className="call-layout">
        <div>
          <section className="panel">
            <div className="field-label">{c.phone}</div>
            {d.phone ? <a className="phone" href={`tel:${d.phone.replace(/[^+\d]/g, '')}`} data-testid="call-phone">{d.phone}</a> : <p className="muted">{c.noPhone}</p>}
            <dl className="details">
              {d.contactName && <><dt>{c.contact}</dt><dd>{d.contactName}</dd></>}
              {d.email && <><dt>{c.email}</dt><dd><a href={`mailto:${d.email}`}>{d.email}</a></dd></>}
              <dt>{t.debtors.columns.stage}</dt><dd><span className={`stage ${sheet.stage}`}>{t.stage[sheet.stage]}</span></dd>
            </dl>
          </section>
          <h2>{c.openInvoices}</h2>
          <table data-testid="call-invoices">
            <thead><tr><th>{c.number}</th><th>{c.description}</th><th>{c.delivered}</th><th>{c.due}</th><th className="num">{c.daysLate}</th><th className="num">{c.open}</th></tr></thead>
            <tbody>
              {sheet.invoices.map((i) => (
                <tr key={i.id}>
                  <td>{i.number}</td>
                  <td>{i.description}{i.disputed && <span className="flag dispute">{t.invoice.disputed}</span>}</td>
                  <td>{i.deliveryDate ? date(i.deliveryDate) : '—'}</td>
                  <td>{date(i.dueDate)}</td>
                  <td className="num">{i.daysOverdue > 0 ? i.daysOverdue : '—'}</td>
                  <td className="num">{money(i.open)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot><tr><th colSpan={5}>{c.total}</th><td className="num"><strong>{money(sheet.total)}</strong></td></tr></tfoot>
          </table>
          <h2>{c.sent}</h2>
          {sheet.sent.length === 0 ? <p className="muted">{c.nothingSent}</p> : <ul>{sheet.sent.map((s, i) => <li key={i}>{date(s.date)} — {s.summary}</li>)}</ul>}
          {sheet.calls.length > 0 && <><h2>{c.calls}</h2><ul>{sheet.calls.map((s, i) => <li key={i}>{date(s.date)} — {s.summary}</li>)}</ul></>}
          {sheet.promises.length > 0 && (
            <><h2>{c.promises}</h2><ul>{sheet.promises.map((p, i) => (
              <li key={i}>{date(p.date)}: {c.promise(date(p.promisedDate), p.amount === null ? money(sheet.total) : money(p.amount))} — <strong>{c.promiseStatus[p.status]}</strong></li>
            ))}</ul></>
          )}
        </div>
        <div>
          <section className="panel">
            <h2>{c.ask}</h2>
            <ol className="questions">{c.questions.map((q) => <li key={q}>{q}</li>)}</ol>
          </section>
          <form className="panel form" aria-label={c.log} onSubmit={save}>
            <h2>{c.log}</h2>
            {logged ? (
              <div className="ok-box" role="status">
                {c.logged} {logged.pausedUntil && <span data-testid="paused-until">{c.pausedUntil(date(logged.pausedUntil))}</span>}
                <div className="actions">
                  <button type="button" className="primary" onClick={() => navigate({ name: 'draft', debtorId, step: logged.confirmationStep, callEventId: logged.eventId })}>{c.confirm}</button>
                  <button type="button" onClick={() => navigate({ name: 'today' })}>{w.today.title}</button>
                </div>
              </div>
            ) : (
              <>
                <label className="check"><input type="checkbox" checked={reached} onChange={(e) => setReached(e.target.checked)} /> {c.reached}</label>
                <fieldset className="radio-list" aria-label={c.outcome}>
                  <legend className="field-label">{c.outcome}</legend>
                  {callOutcomes.map((o) => (
                    <label key={o}><input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} /> {c.outcomes[o]}</label>
                  ))}
                </fieldset>
                {outcome === 'promise' && (
                  <div className="grid">
                    <Field label={c.promisedDate} error={fields.promisedDate}><input type="date" value={promisedDate} min={sheet.today} onChange={(e) => setPromisedDate(e.target.value)} /></Field>
                    <Field label={c.promisedAmount} error={fields.promisedAmount} hint={c.promisedAmountHint}><input inputMode="decimal" value={promisedAmount} placeholder={money(sheet.total)} onChange={(e) => setPromisedAmount(e.target.value)} /></Field>
                  </div>
                )}
                <Field label={c.notes} hint={c.notesHint}><textarea rows={4} value={notes} onChange={(e) => setNotes(e.target.value)} /></Field>
                <div className="actions"><button className="primary" type="submit" disabled={busy}>{c.save}</button></div>
              </>
            )}
          </form>
        </div>
      </div>
    </main>
  );
}

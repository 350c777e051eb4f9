import { useEffect, useState } from 'react';
import {
  arrangementIntervals, buildSchedule, scheduleProblems, type ArrangementInterval, type ArrangementProposal, type ScheduleField, type ScheduleInput,
} from '../../../../shared/domain/arrangement';
import { parseAmount } from '../../../../shared/domain/money';
import { call, errorText } from '../../api/client';
import { ErrorBox, Field } from '../../components/Field';
import { date, useMoney } from '../../format';
import { useApp } from '../../store';

/**
 * "Betalingsregeling treffen": the claim today (principal; interest and costs so far, each to
 * include or not), a number of installments or an amount per installment, the first date and the
 * interval, with the schedule previewed while typing (the same shared function the backend checks
 * with, so what is shown is what is stored).
 */
export function ArrangementForm({ debtorId, onDone }: { debtorId: number; onDone: (created: boolean) => void }) {
  const { t, language } = useApp();
  const money = useMoney();
  const a = t.arrangements;
  const [proposal, setProposal] = useState<ArrangementProposal | null>(null);
  const [includeInterest, setIncludeInterest] = useState(true);
  const [includeCosts, setIncludeCosts] = useState(true);
  const [mode, setMode] = useState<'count' | 'amount'>('count');
  const [count, setCount] = useState('3');
  const [amount, setAmount] = useState('');
  const [firstDate, setFirstDate] = useState('');
  const [interval, setEvery] = useState<ArrangementInterval>('month');
  const [clause, setClause] = useState(true);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('arrangements.propose', { debtorId }).then((p) => {
      setProposal(p);
      setFirstDate(p.defaults.firstDate);
      setEvery(p.defaults.interval);
      setCount(String(p.defaults.count));
    }, (e: unknown) => setError(errorText(e, language)));
  }, [debtorId, language]);

  if (!proposal) return <section className="panel arrangement-form">{error ? <ErrorBox message={error} /> : <p className="muted">{t.common.loading}</p>}</section>;

  const interest = includeInterest ? proposal.interestSoFar : 0;
  const costs = includeCosts ? proposal.costsSoFar : 0;
  const total = proposal.principal > 0 ? proposal.principal + interest + costs : 0;
  const typed = mode === 'count' ? count.trim() : amount.trim();
  const input: ScheduleInput = {
    total, firstDate, interval, today: proposal.today,
    basis: mode === 'count' ? { count: Number(count) } : { amount: parseAmount(amount) ?? Number.NaN },
  };
  const problems = typed ? scheduleProblems(input) : [];
  const schedule = typed && problems.length === 0 ? buildSchedule(input) : null;
  const problemOf = (field: ScheduleField) => {
    const p = problems.find((x) => x.field === field);
    return p ? (language === 'en' ? p.en : p.nl) : undefined;
  };
  const refusal = proposal.refusal && (language === 'en' ? proposal.refusal.en : proposal.refusal.nl);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call('arrangements.create', {
        debtorId, includeInterest, includeCosts, firstDate, interval, accelerationClause: clause,
        ...(mode === 'count' ? { count: Number(count) } : { amount: parseAmount(amount) ?? Number.NaN }),
        ...(note.trim() ? { note } : {}),
      });
      onDone(true);
    } catch (err) {
      setError(errorText(err, language));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel form arrangement-form" aria-label={a.make} onSubmit={submit}>
      <h3>{a.make}</h3>
      <p className="hint-text">{a.intro}</p>
      {refusal && <ErrorBox message={refusal} />}
      <ErrorBox message={error} />
      {proposal.warnings.map((w, i) => <p key={i} className="note warning-line">{language === 'en' ? w.en : w.nl}</p>)}
      <div className="arrangement-layout">
        <div>
          <h4>{a.claim}</h4>
          <dl className="claim-lines">
            <dt>{a.principal}</dt><dd>{money(proposal.principal + proposal.credit)}</dd>
            {proposal.credit > 0 && <><dt>{a.credit}</dt><dd>−{money(proposal.credit)}</dd></>}
          </dl>
          <label className="check">
            <input type="checkbox" checked={includeInterest} disabled={proposal.interestSoFar === 0} onChange={(e) => setIncludeInterest(e.target.checked)} />
            <span>{a.includeInterest(money(proposal.interestSoFar))}</span>
          </label>
          <label className="check">
            <input type="checkbox" checked={includeCosts} disabled={proposal.costsSoFar === 0} onChange={(e) => setIncludeCosts(e.target.checked)} />
            <span>{a.includeCosts(money(proposal.costsSoFar))}
              {proposal.costsSoFar === 0
                ? <><br /><small className="muted">{a.noCosts}</small></>
                : <details className="costs-how"><summary>{a.costsHow}</summary><small className="muted">{language === 'en' ? proposal.costsExplanation.en : proposal.costsExplanation.nl}</small></details>}
            </span>
          </label>
          <p className="arrangement-total">{a.total}: <strong data-testid="arrangement-total">{money(total)}</strong></p>

          <fieldset className="radio-list basis">
            <legend className="field-label">{a.basis}</legend>
            <label><input type="radio" name="basis" checked={mode === 'count'} onChange={() => setMode('count')} /> {a.byCount}</label>
            <label><input type="radio" name="basis" checked={mode === 'amount'} onChange={() => setMode('amount')} /> {a.byAmount}</label>
          </fieldset>
          <div className="grid">
            {mode === 'count'
              ? <Field label={a.count} error={problemOf('count')}><input type="number" min={1} max={60} value={count} onChange={(e) => setCount(e.target.value)} /></Field>
              : <Field label={a.amount} error={problemOf('amount')}><input inputMode="decimal" placeholder="250,00" value={amount} onChange={(e) => setAmount(e.target.value)} /></Field>}
            <Field label={a.firstDate} error={problemOf('firstDate')}><input type="date" min={proposal.today} value={firstDate} onChange={(e) => setFirstDate(e.target.value)} /></Field>
            <Field label={a.interval}>
              <select value={interval} onChange={(e) => setEvery(e.target.value as ArrangementInterval)}>
                {arrangementIntervals.map((i) => <option key={i} value={i}>{a.intervals[i]}</option>)}
              </select>
            </Field>
          </div>
          <label className="check"><input type="checkbox" checked={clause} onChange={(e) => setClause(e.target.checked)} /> <span>{a.accelerationClause}<br /><small className="muted">{a.accelerationHint}</small></span></label>
          <Field label={a.note}><input value={note} onChange={(e) => setNote(e.target.value)} /></Field>
        </div>
        <div className="schedule-preview" aria-live="polite">
          <h4>{a.preview}</h4>
          {problemOf('total') && <p className="field-error">{problemOf('total')}</p>}
          {!schedule ? <p className="muted">{typed ? '' : a.previewEmpty}</p> : (
            <table data-testid="schedule-preview">
              <thead><tr><th>{a.seq}</th><th>{a.date}</th><th className="num">{a.amountCol}</th></tr></thead>
              <tbody>{schedule.map((i) => <tr key={i.seq}><td>{i.seq}</td><td>{date(i.dueDate)}</td><td className="num">{money(i.amount)}</td></tr>)}</tbody>
              <tfoot><tr><th colSpan={2}>{a.total}</th><td className="num">{money(schedule.reduce((s, i) => s + i.amount, 0))}</td></tr></tfoot>
            </table>
          )}
        </div>
      </div>
      <div className="actions">
        <button className="primary" type="submit" disabled={busy || !!refusal || !schedule}>{a.create}</button>
        <button type="button" onClick={() => onDone(false)}>{a.cancel}</button>
      </div>
    </form>
  );
}

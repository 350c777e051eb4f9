import { useCallback, useEffect, useState } from 'react';
import type { InterestCalculation, InterestKind, RateRow } from '../../../shared/contract';
import { parseAmount } from '../../../shared/domain/money';
import { call } from '../api/client';
import { ErrorBox, Field } from '../components/Field';
import { useForm } from '../components/useForm';
import { date, useMoney } from '../format';
import { useApp } from '../store';

function percent(p: number, language: 'nl' | 'en') {
  return `${p.toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 3 })} %`;
}

/** Statutory interest per period, laid out as a court would read it; and the rate tables. */
export function InterestCalculator() {
  const { t, info, language } = useApp();
  const money = useMoney();
  const r = t.interest;
  const today = info?.today ?? '';
  const form = useForm({ kind: 'commercial', principal: '', dueDate: '', until: today, payDate: '', payAmount: '' });
  const [payments, setPayments] = useState<{ date: string; amount: number }[]>([]);
  const [result, setResult] = useState<InterestCalculation | null>(null);
  const [rates, setRates] = useState<{ commercial: RateRow[]; consumer: RateRow[] } | null>(null);
  const rateForm = useForm({ kind: 'commercial', from: '', percent: '', source: '' });

  const loadRates = useCallback(() => { void call('law.rates', {}).then(setRates); }, []);
  useEffect(loadRates, [loadRates]);

  async function calculate(e: React.FormEvent) {
    e.preventDefault();
    const v = form.values;
    const out = await form.submit(() => call('law.interest', {
      kind: v.kind as InterestKind, principal: parseAmount(v.principal) ?? Number.NaN, dueDate: v.dueDate, until: v.until || today, payments,
    }));
    setResult(out);
  }

  function addPayment() {
    const amount = parseAmount(form.values.payAmount);
    if (!form.values.payDate || !amount || amount <= 0) return;
    setPayments((ps) => [...ps, { date: form.values.payDate, amount }].sort((a, b) => a.date.localeCompare(b.date)));
    form.setValues((v) => ({ ...v, payDate: '', payAmount: '' }));
  }

  async function saveRate(e: React.FormEvent) {
    e.preventDefault();
    const v = rateForm.values;
    const saved = await rateForm.submit(() => call('law.saveRate', { kind: v.kind as InterestKind, from: v.from, percent: Number(v.percent.replace(',', '.')), source: v.source }));
    if (saved) { rateForm.setValues((x) => ({ ...x, from: '', percent: '', source: '' })); loadRates(); }
  }

  const f = form.fields;
  return (
    <main className="interest">
      <h1>{r.title}</h1>
      <p className="muted">{r.intro}</p>
      <form className="form panel" onSubmit={calculate} aria-label={r.title}>
        <ErrorBox message={form.error} />
        <div className="grid">
          <Field label={r.kind} error={f.kind}>
            <select {...form.bind('kind')}><option value="commercial">{r.commercial}</option><option value="consumer">{r.consumer}</option></select>
          </Field>
          <Field label={r.principal} error={f.principal}><input {...form.bind('principal')} inputMode="decimal" placeholder="3.000,00" /></Field>
          <Field label={r.dueDate} error={f.dueDate} hint={r.dueDateHint}><input {...form.bind('dueDate')} type="date" /></Field>
          <Field label={r.until} error={f.until}><input {...form.bind('until')} type="date" /></Field>
        </div>
        <h3>{r.payments}</h3>
        {payments.length > 0 && (
          <ul className="payments">
            {payments.map((p, i) => <li key={i}>{date(p.date)} · {money(p.amount)} <button type="button" className="link" onClick={() => setPayments((ps) => ps.filter((_, j) => j !== i))}>{r.remove}</button></li>)}
          </ul>
        )}
        <div className="grid">
          <Field label={r.paymentDate}><input {...form.bind('payDate')} type="date" /></Field>
          <Field label={r.paymentAmount}><input {...form.bind('payAmount')} inputMode="decimal" /></Field>
          <div className="field"><span className="field-label">&nbsp;</span><button type="button" onClick={addPayment}>{r.addPayment}</button></div>
        </div>
        <div className="actions"><button className="primary" type="submit" disabled={form.busy}>{r.calculate}</button></div>
      </form>
      {result && (
        <section className="panel" aria-label={r.result}>
          <table data-testid="interest-periods">
            <thead><tr><th>{r.from}</th><th>{r.to}</th><th className="num">{r.days}</th><th className="num">{r.rate}</th><th className="num">{r.base}</th><th className="num">{r.interestCol}</th></tr></thead>
            <tbody>
              {result.periods.map((p) => (
                <tr key={p.from}>
                  <td>{date(p.from)}</td><td>{date(p.to)}</td><td className="num">{p.days}</td>
                  <td className="num">{percent(p.percent, language)}{!p.verified && <span className="flag dispute" title={r.checkHint}>{r.check}</span>}</td>
                  <td className="num">{money(p.base)}</td><td className="num">{money(p.interest)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr><th colSpan={5}>{r.totalInterest}</th><th className="num" data-testid="interest-total">{money(result.interest)}</th></tr>
              <tr><td colSpan={5}>{r.outstanding}</td><td className="num">{money(result.outstandingPrincipal)}</td></tr>
              <tr><td colSpan={5}>{r.bik}</td><td className="num">{money(result.collectionCosts)}</td></tr>
            </tfoot>
          </table>
          {result.unverifiedRates.length > 0 && <p className="muted">{r.checkHint}</p>}
        </section>
      )}
      <section className="panel">
        <h2>{r.ratesTitle}</h2>
        <p className="muted">{r.ratesIntro}</p>
        <div className="columns two">
          {rates && (['commercial', 'consumer'] as const).map((k) => (
            <table key={k}>
              <caption>{k === 'commercial' ? r.commercial : r.consumer}</caption>
              <thead><tr><th>{r.validFrom}</th><th className="num">{r.rate}</th><th>{r.source}</th></tr></thead>
              <tbody>
                {[...rates[k]].reverse().slice(0, 12).map((row) => (
                  <tr key={row.from}>
                    <td>{date(row.from)}</td>
                    <td className="num">{percent(row.percent, language)}</td>
                    <td><small>{row.origin === 'user' ? `${r.yours}: ` : ''}{row.source}</small>{!row.verified && <span className="flag dispute">{r.check}</span>}
                      {row.origin === 'user' && <button className="link" onClick={() => void call('law.deleteRate', { kind: k, from: row.from }).then(loadRates)}> {r.remove}</button>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </div>
        <form className="form" onSubmit={saveRate} aria-label={r.addRate}>
          <h3>{r.addRate}</h3>
          <ErrorBox message={rateForm.error} />
          <div className="grid">
            <Field label={r.kind}><select {...rateForm.bind('kind')}><option value="commercial">{r.commercial}</option><option value="consumer">{r.consumer}</option></select></Field>
            <Field label={r.validFrom} error={rateForm.fields.from}><input {...rateForm.bind('from')} type="date" /></Field>
            <Field label={r.rate} error={rateForm.fields.percent}><input {...rateForm.bind('percent')} inputMode="decimal" placeholder="10,15" /></Field>
            <Field label={r.source} error={rateForm.fields.source}><input {...rateForm.bind('source')} placeholder="Stb. 2026, …" /></Field>
          </div>
          <div className="actions"><button type="submit" disabled={rateForm.busy}>{r.saveRate}</button></div>
        </form>
      </section>
    </main>
  );
}

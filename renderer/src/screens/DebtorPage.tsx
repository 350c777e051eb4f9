import { useCallback, useEffect, useState } from 'react';
import type { LimitationRow, DebtorPage as Page } from '../../../shared/contract';
import { parseAmount } from '../../../shared/domain/money';
import { call } from '../api/client';
import { downloadFile } from '../fileBytes';
import { ErrorBox, Field } from '../components/Field';
import { useForm } from '../components/useForm';
import { date, useMoney } from '../format';
import { useApp } from '../store';
import { DebtorForm } from './DebtorForm';
import { InsightsDebtorPanel } from './InsightsDebtorPanel';
import { ForgetDebtor } from './ForgetDebtor';
import { ArrangementPanel } from './workflow/ArrangementPanel';
import { DebtorWorkflowPanel, Timeline } from './workflow/DebtorWorkflow';
import { LettersPanel, LimitationDate } from './LettersPanel';

function InvoiceForm({ debtorId, today, onDone }: { debtorId: number; today: string; onDone: (saved: boolean) => void }) {
  const t = useApp((s) => s.t);
  const form = useForm({ number: '', invoiceDate: today, deliveryDate: '', dueDate: '', description: '', amount: '', paymentReference: '' });
  const f = form.fields;
  async function save(e: React.FormEvent) {
    e.preventDefault();
    const v = form.values;
    const amount = parseAmount(v.amount);
    const saved = await form.submit(() => call('invoices.create', {
      debtorId, number: v.number, invoiceDate: v.invoiceDate, deliveryDate: v.deliveryDate || null, dueDate: v.dueDate || null,
      description: v.description, amount: amount ?? Number.NaN, paymentReference: v.paymentReference || null,
    }));
    if (saved) onDone(true);
  }
  const i = t.invoice;
  return (
    <form className="form panel" onSubmit={save} aria-label={t.debtor.newInvoice}>
      <h3>{t.debtor.newInvoice}</h3>
      <ErrorBox message={form.error} />
      <div className="grid">
        <Field label={i.number} error={f.number}><input {...form.bind('number')} /></Field>
        <Field label={i.amount} error={f.amount}><input {...form.bind('amount')} inputMode="decimal" placeholder="1.234,56" /></Field>
        <Field label={i.invoiceDate} error={f.invoiceDate}><input {...form.bind('invoiceDate')} type="date" /></Field>
        <Field label={i.deliveryDate} error={f.deliveryDate}><input {...form.bind('deliveryDate')} type="date" /></Field>
        <Field label={i.dueDate} error={f.dueDate} hint={i.dueDateHint}><input {...form.bind('dueDate')} type="date" /></Field>
        <Field label={i.paymentReference} error={f.paymentReference} hint={i.paymentReferenceHint}><input {...form.bind('paymentReference')} /></Field>
        <Field label={i.description} error={f.description} wide><input {...form.bind('description')} /></Field>
      </div>
      <div className="actions">
        <button className="primary" type="submit" disabled={form.busy}>{i.create}</button>
        <button type="button" onClick={() => onDone(false)}>{t.debtor.cancel}</button>
      </div>
    </form>
  );
}

function PaymentForm({ debtorId, today, onDone }: { debtorId: number; today: string; onDone: (saved: boolean) => void }) {
  const t = useApp((s) => s.t);
  const form = useForm({ date: today, amount: '', note: '' });
  async function save(e: React.FormEvent) {
    e.preventDefault();
    const amount = parseAmount(form.values.amount);
    const saved = await form.submit(() => call('payments.record', { debtorId, date: form.values.date, amount: amount ?? Number.NaN, note: form.values.note }));
    if (saved) onDone(true);
  }
  const p = t.payment;
  return (
    <form className="form panel" onSubmit={save} aria-label={t.debtor.recordPayment}>
      <h3>{t.debtor.recordPayment}</h3>
      <ErrorBox message={form.error} />
      <div className="grid">
        <Field label={p.date} error={form.fields.date}><input {...form.bind('date')} type="date" /></Field>
        <Field label={p.amount} error={form.fields.amount} hint={p.oldestFirst}><input {...form.bind('amount')} inputMode="decimal" placeholder="250,00" /></Field>
        <Field label={p.note} error={form.fields.note} wide><input {...form.bind('note')} /></Field>
      </div>
      <div className="actions">
        <button className="primary" type="submit" disabled={form.busy}>{p.record}</button>
        <button type="button" onClick={() => onDone(false)}>{t.debtor.cancel}</button>
      </div>
    </form>
  );
}

function openPdf(invoiceId: number) {
  void call('invoices.getPdf', { invoiceId }).then(downloadFile);
}

/** Everything about one customer: details, invoices, payments and the timeline. */
export function DebtorPage({ id }: { id: number }) {
  const { t, navigate, info } = useApp();
  const money = useMoney();
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [panel, setPanel] = useState<'none' | 'edit' | 'invoice' | 'payment' | 'letters'>('none');
  /** The letter kind to open the letters panel with (the arrangement's confirmation letter). */
  const [letterKind, setLetterKind] = useState<'arrangement-confirmation' | undefined>(undefined);
  const [limitation, setLimitation] = useState<LimitationRow[]>([]);
  const today = info?.today ?? new Date().toISOString().slice(0, 10);

  const load = useCallback(() => {
    call('debtors.page', { id }).then(setPage, (e: Error) => setError(e.message));
  }, [id]);
  useEffect(load, [load]);
  // Verjaring per open invoice (letters.limitation), refreshed whenever the page is.
  useEffect(() => { if (page) call('letters.limitation', { debtorId: id }).then(setLimitation, () => undefined); }, [id, page]);

  if (error) return <main><ErrorBox message={error} /></main>;
  if (!page) return <main className="muted">{t.common.loading}</main>;
  const { debtor, invoices, payments, timeline, summary } = page;
  const d = t.debtor;
  const done = (saved: boolean) => { setPanel('none'); if (saved) load(); };
  const address = [debtor.street, [debtor.postcode, debtor.city].filter(Boolean).join('  ')].filter(Boolean).join(', ');

  return (
    <main className="debtor">
      <button className="link" onClick={() => navigate({ name: 'debtors' })}>{d.back}</button>
      <div className="page-head">
        <h1>{debtor.name} <span className={`kind-badge ${debtor.kind}`}>{t.kind[debtor.kind]}</span>{debtor.archived && <span className="flag">{d.archived}</span>}</h1>
        <div className="actions">
          <button onClick={() => setPanel('invoice')}>{d.newInvoice}</button>
          <button onClick={() => setPanel('payment')}>{d.recordPayment}</button>
          <button onClick={() => setPanel('edit')}>{d.edit}</button>
          <button onClick={() => { setLetterKind(undefined); setPanel(panel === 'letters' ? 'none' : 'letters'); }}>{t.letters.panelTitle}</button>
          <button onClick={() => navigate({ name: 'handover', id })}>{t.handover.open}</button>
          <button onClick={() => void call('debtors.archive', { id, archived: !debtor.archived }).then(load)}>{debtor.archived ? d.unarchive : d.archive}</button>
        </div>
      </div>
      {summary && (
        <p className="summary">
          <strong data-testid="debtor-open">{money(summary.openAmount)}</strong> {d.open.toLowerCase()} · <span className={`stage ${summary.stage}`}>{t.stage[summary.stage]}</span>
          {(Object.keys(summary.flags) as (keyof typeof summary.flags)[]).filter((f) => summary.flags[f]).map((f) => <span key={f} className={`flag ${f}`}>{t.flags[f]}</span>)}
        </p>
      )}
      {panel === 'edit' && <DebtorForm debtor={debtor} onDone={(x) => { setPanel('none'); if (x) load(); }} />}
      {panel === 'invoice' && <InvoiceForm debtorId={id} today={today} onDone={done} />}
      {panel === 'payment' && <PaymentForm debtorId={id} today={today} onDone={done} />}
      {panel === 'letters' && <LettersPanel key={letterKind ?? 'letters'} debtorId={id} onChanged={load} initialKind={letterKind} />}
      {/* Remounted (and so reloaded) whenever something new lands on the timeline. */}
      <DebtorWorkflowPanel key={timeline[0]?.id ?? 0} debtorId={id} invoices={invoices} onChanged={load} />
      {/* Reloaded (not remounted, so its messages stay) whenever something lands on the timeline. */}
      <ArrangementPanel version={timeline[0]?.id ?? 0} debtorId={id} onChanged={load}
        onPrintLetter={() => { setLetterKind('arrangement-confirmation'); setPanel('letters'); window.scrollTo({ top: 0, behavior: 'smooth' }); }} />
      <InsightsDebtorPanel key={`insights-${timeline[0]?.id ?? 0}`} debtorId={id} onChanged={load} />
      <div className="columns">
        <section className="details">
          <h2>{d.details}</h2>
          <dl>
            {debtor.contactName && <><dt>{d.contactName}</dt><dd>{debtor.contactName}</dd></>}
            {debtor.email && <><dt>{d.email}</dt><dd><a href={`mailto:${debtor.email}`}>{debtor.email}</a></dd></>}
            {debtor.phone && <><dt>{d.phone}</dt><dd><a href={`tel:${debtor.phone.replace(/\s/g, '')}`}>{debtor.phone}</a></dd></>}
            {address && <><dt>{d.address}</dt><dd>{address}</dd></>}
            {debtor.kvk && <><dt>{d.kvk}</dt><dd>{debtor.kvk}</dd></>}
            {debtor.vatId && <><dt>{d.vatId}</dt><dd>{debtor.vatId}</dd></>}
            {debtor.iban && <><dt>{d.iban}</dt><dd>{debtor.iban}</dd></>}
            {debtor.paymentTermDays !== null && <><dt>{d.paymentTermDays}</dt><dd>{debtor.paymentTermDays}</dd></>}
            {debtor.notes && <><dt>{d.notes}</dt><dd>{debtor.notes}</dd></>}
          </dl>
          {page.credit > 0 && <p className="credit">{d.credit}: {money(page.credit)}</p>}
        </section>
        <section className="invoices">
          <h2>{d.invoices}</h2>
          {invoices.length === 0 ? <p className="muted">{d.noInvoices}</p> : (
            <table>
              <thead><tr><th>{t.invoice.number}</th><th>{t.invoice.invoiceDate}</th><th>{t.invoice.dueDate}</th><th>{t.invoice.description}</th><th className="num">{d.total}</th><th className="num">{t.invoice.paid}</th><th className="num">{t.invoice.open}</th><th>{t.letters.limitation.column}</th><th /></tr></thead>
              <tbody>
                {invoices.map((inv) => (
                  <tr key={inv.id} className={`${inv.status}${inv.kind === 'credit-note' ? ' credit-note' : ''}`} data-testid="invoice-row">
                    <td>{inv.number}{inv.kind === 'credit-note' && <small className="muted"> ({t.invoice.creditNote})</small>}</td>
                    <td>{date(inv.invoiceDate)}</td>
                    <td>{date(inv.dueDate)}{inv.status === 'open' && inv.daysOverdue > 0 && <small className="late"> +{inv.daysOverdue}</small>}</td>
                    <td>{inv.description}{inv.disputed && <span className="flag dispute" title={inv.disputeReason ?? ''}>{t.invoice.disputed}</span>}</td>
                    <td className="num">{money(inv.amount)}</td>
                    <td className="num">{money(inv.paid + inv.credited)}</td>
                    <td className="num"><strong>{inv.kind === 'invoice' ? money(inv.open) : ''}</strong></td>
                    <td data-testid="limitation-date"><LimitationDate row={limitation.find((l) => l.invoiceId === inv.id)} /></td>
                    <td>{inv.hasPdf && <button className="link" onClick={() => openPdf(inv.id)}>{t.invoice.pdf}</button>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2>{d.payments}</h2>
          {payments.length === 0 ? <p className="muted">{d.noPayments}</p> : (
            <ul className="payments">
              {payments.map((p) => (
                <li key={p.id}>{date(p.date)} · <strong>{money(p.amount)}</strong>{p.allocations.length > 0 && <> → {p.allocations.map((a) => `${a.invoiceNumber} (${money(a.amount)})`).join(', ')}</>}
                  {p.unallocated > 0 && <> · {t.payment.unallocated}: {money(p.unallocated)}</>}</li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <Timeline events={timeline} />
      <ForgetDebtor id={id} onDone={load} />
    </main>
  );
}

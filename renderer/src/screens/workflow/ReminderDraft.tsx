import { useCallback, useEffect, useState } from 'react';
import type { MailDraft, MailStep, Tone } from '../../../../shared/domain/workflow';
import { tones } from '../../../../shared/domain/workflow';
import { call, errorText } from '../../api/client';
import { ErrorBox, Field } from '../../components/Field';
import { date, useMoney } from '../../format';
import { useApp } from '../../store';
import '../../workflow.css';
import { copyText } from './clipboard';
import { downloadFile } from '../../fileBytes';

/**
 * One-click drafting: the step's template filled in for this customer, with the PDF specification.
 * The user edits it, opens it in their own mail program (.eml, PDF attached) or copies it, and then
 * marks it as sent. Nothing is recorded before that, and the app never sends mail itself.
 */
export function ReminderDraft({ debtorId, step, callEventId }: { debtorId: number; step: MailStep; callEventId?: number }) {
  const { t, navigate, language } = useApp();
  const money = useMoney();
  const w = t.workflow;
  const [draft, setDraft] = useState<MailDraft | null>(null);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [tone, setTone] = useState<Tone | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);
  const [sent, setSent] = useState(false);

  const fetchDraft = useCallback((chosenTone?: Tone) => {
    call('reminders.draft', { debtorId, step, ...(chosenTone ? { tone: chosenTone } : {}), ...(callEventId ? { callEventId } : {}) }).then((d) => {
      setDraft(d);
      setSubject(d.subject);
      setBody(d.body);
      setTone(d.tone);
      setError(null);
    }, (e: unknown) => setError(errorText(e, language)));
  }, [debtorId, step, callEventId, language]);
  useEffect(() => fetchDraft(), [fetchDraft]);
  const load = (chosenTone?: Tone) => { setError(null); fetchDraft(chosenTone); };

  if (!draft) return <main>{error ? <ErrorBox message={error} /> : <p className="muted">{t.common.loading}</p>}</main>;

  const callId = callEventId ?? draft.callEventId ?? undefined;
  // An arrangement mail names its plan and installment, so that what is marked as sent is what was drafted.
  const about = draft.arrangement ? { planId: draft.arrangement.planId, ...(draft.arrangement.seq !== null ? { seq: draft.arrangement.seq } : {}) } : {};
  const request = { debtorId, step, tone, invoiceIds: draft.invoiceIds, subject, body, ...(callId ? { callEventId: callId } : {}), ...about };
  const edited = subject !== draft.subject || body !== draft.body;

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorText(e, language));
    } finally {
      setBusy(false);
    }
  }

  const openMail = () => run(async () => downloadFile(await call('reminders.eml', request)));
  const markSent = () => run(async () => { await call('reminders.markSent', request); setSent(true); });
  const mailto = `mailto:${encodeURIComponent(draft.to ?? '')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;

  return (
    <main className="draft">
      <button className="link" onClick={() => navigate({ name: 'today' })}>{w.draft.back}</button>
      <div className="page-head">
        <h1>{w.steps[step]} · {draft.toName}</h1>
        <button onClick={() => navigate({ name: 'debtor', id: debtorId })}>{w.draft.toDebtor}</button>
      </div>
      <ErrorBox message={error} />
      <div className="draft-layout">
        <form className="panel form" aria-label={w.steps[step]} onSubmit={(e) => e.preventDefault()}>
          <div className="grid">
            <Field label={w.draft.to} wide><input readOnly value={draft.to ? `${draft.toName} <${draft.to}>` : '—'} /></Field>
            <Field label={w.draft.tone}>
              <select value={tone} disabled={sent} onChange={(e) => { const next = e.target.value as Tone; setTone(next); load(next); }}>
                {tones.map((x) => <option key={x} value={x}>{w.tones[x]}</option>)}
              </select>
            </Field>
            <Field label={w.draft.subject} wide><input value={subject} readOnly={sent} onChange={(e) => setSubject(e.target.value)} /></Field>
            <Field label={w.draft.body} wide><textarea value={body} readOnly={sent} onChange={(e) => setBody(e.target.value)} data-testid="draft-body" /></Field>
          </div>
          {!draft.to && <p className="hint-text">{w.draft.noEmail}</p>}
          {edited && !sent && <p className="hint-text">{w.draft.edited} <button type="button" className="link" onClick={() => load(tone)}>{w.draft.restart}</button></p>}
          <div className="draft-actions">
            <button type="button" className="primary" disabled={busy || sent} onClick={openMail} title={w.draft.openMailHint}>{w.draft.openMail}</button>
            <button type="button" disabled={busy} onClick={() => void copyText(`${subject}\n\n${body}`).then(() => setCopied(true))}>{copied ? w.draft.copied : w.draft.copy}</button>
            <button type="button" disabled={busy} onClick={() => downloadFile(draft.attachment)}>{w.draft.savePdf}</button>
            {draft.to && <a href={mailto}>{w.draft.mailto}</a>}
          </div>
          <p className="hint-text">{w.draft.openMailHint}</p>
          <div className="draft-actions">
            {sent ? (
              <div className="ok-box sent-box" role="status">{w.draft.sent}{' '}
                <button type="button" className="link" onClick={() => navigate({ name: 'today' })}>{w.today.title}</button> · <button type="button" className="link" onClick={() => navigate({ name: 'debtor', id: debtorId })}>{w.draft.toDebtor}</button>
              </div>
            ) : (
              <>
                <button type="button" className="primary" disabled={busy} onClick={markSent}>{w.draft.markSent}</button>
                <span className="hint-text">{w.draft.markSentHint}</span>
              </>
            )}
          </div>
        </form>
        <aside className="panel draft-side">
          <h3>{w.draft.invoices}</h3>
          <ul data-testid="draft-invoices">
            {draft.invoices.map((i) => <li key={i.id}>{i.number} · {money(i.open)} <span className="muted">({date(i.dueDate)})</span></li>)}
          </ul>
          <dl>
            {draft.arrangement && (
              <>
                <dt>{t.arrangements.title}</dt>
                <dd data-testid="draft-arrangement">
                  {draft.arrangement.seq !== null
                    ? t.arrangements.today.reminder(draft.arrangement.seq, draft.arrangement.count, money(draft.arrangement.amount), date(draft.arrangement.dueDate))
                    : t.arrangements.sums(money(draft.arrangement.total), money(draft.arrangement.total - draft.arrangement.remaining), money(draft.arrangement.remaining))}
                </dd>
              </>
            )}
            <dt>{w.draft.total}</dt><dd data-testid="draft-total"><strong>{money(draft.total)}</strong></dd>
            <dt>{w.draft.attachment}</dt><dd><button className="link" onClick={() => downloadFile(draft.attachment)}>{draft.attachment.fileName}</button></dd>
          </dl>
        </aside>
      </div>
    </main>
  );
}

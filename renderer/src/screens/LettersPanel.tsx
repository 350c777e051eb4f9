// The letters panel on the debtor page: choose a kind → preview (the real PDF) → save or print →
// make it final (stored exactly as previewed, on the timeline as sent) → record registered mail.
import { useCallback, useEffect, useState } from 'react';
import type {
  LetterKind, LetterOptions, LetterPreview, LetterRequest, LimitationRow, ProducedLetter, RegisteredResult, StoredLetter,
} from '../../../shared/contract';
import { call, ApiFailure } from '../api/client';
import { ErrorBox, Field } from '../components/Field';
import { useConfirm } from '../components/ConfirmDialog';
import { date, useMoney } from '../format';
import { useApp } from '../store';
import { PdfFrame, usePdfView, type PdfBytes } from './LettersPdf';

function useErrorText() {
  const language = useApp((s) => s.language);
  return (e: unknown) => (e instanceof ApiFailure ? (language === 'en' && e.error.messageEn ? e.error.messageEn : e.error.message) : String(e));
}

/** The limitation date of an open invoice, marked when it is within three months (or passed). */
export function LimitationDate({ row }: { row: LimitationRow | undefined }) {
  const t = useApp((s) => s.t);
  if (!row) return null;
  const soon = row.daysLeft <= 92;
  return (
    <span className={soon ? 'late' : 'muted'} title={row.expired ? t.letters.limitation.expired : t.letters.limitation.daysLeft(row.daysLeft)}>
      {date(row.limitationDate)}{row.expired && ` (${t.letters.limitation.expired})`}
    </span>
  );
}

/** The figures of a letter, its checklist and warnings, next to the PDF. */
function LetterFacts({ preview }: { preview: LetterPreview }) {
  const t = useApp((s) => s.t);
  const money = useMoney();
  const l = t.letters;
  const s = preview.summary;
  const consumer = s.letter === 'fourteen-day';
  return (
    <div data-testid="letter-facts">
      <dl className="letter-facts" style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', gap: '0.25rem 0.8rem', margin: '0.6rem 0' }}>
        {s.principal > 0 && <><dt>{l.summary.principal}</dt><dd>{money(s.principal)}</dd></>}
        {s.interest > 0 && <><dt>{l.summary.interest}</dt><dd>{money(s.interest)}</dd></>}
        {s.costs > 0 && <><dt>{consumer ? l.summary.costsIfLate : l.summary.costs}</dt><dd data-testid="letter-costs">{money(s.costs)}</dd></>}
        {s.totalDue > 0 && <><dt>{l.summary.totalDue}</dt><dd><strong>{money(s.totalDue)}</strong></dd></>}
        {s.lastDay && <><dt>{l.summary.lastDay}</dt><dd data-testid="letter-last-day">{date(s.lastDay)}</dd></>}
        {s.presumedDelivery && <><dt>{l.summary.presumedDelivery}</dt><dd>{date(s.presumedDelivery)}</dd></>}
        {s.costsDueFrom && <><dt>{l.summary.costsDueFrom}</dt><dd>{date(s.costsDueFrom)}</dd></>}
        {s.interruptsLimitation && <><dt>{l.summary.interrupts}</dt><dd>✓</dd></>}
      </dl>
      {s.checks.length > 0 && (
        <details open={s.checks.some((c) => !c.ok)}>
          <summary>{l.checks}: {s.checks.filter((c) => c.ok).length}/{s.checks.length} ✓</summary>
          <ol className="letter-checks" style={{ paddingLeft: '1.2rem' }}>
            {s.checks.map((c) => <li key={c.item} className={c.ok ? 'ok' : 'late'}>{c.ok ? '✓' : '✗'} <strong>{c.title}</strong> — {c.message}</li>)}
          </ol>
        </details>
      )}
      {s.warnings.length > 0 && <div className="error-box" role="status"><strong>{l.warnings}:</strong> {s.warnings.join(' ')}</div>}
    </div>
  );
}

/** Record that a produced letter went by registered mail (PostNL track & trace). */
export function RegisteredForm({ documentId, onDone }: { documentId: number; onDone: (result: RegisteredResult) => void }) {
  const { t, info } = useApp();
  const errorText = useErrorText();
  const r = t.letters.registered;
  const [trackingCode, setTrackingCode] = useState('');
  const [sentOn, setSentOn] = useState(info?.today ?? '');
  const [emailCopy, setEmailCopy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFieldError(undefined);
    try {
      onDone(await call('letters.registered', { documentId, sentOn, trackingCode, emailCopy }));
    } catch (err) {
      if (err instanceof ApiFailure && err.error.fields?.trackingCode) setFieldError(err.error.fields.trackingCode);
      else setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="form panel" onSubmit={submit} aria-label={r.title}>
      <h3>{r.title}</h3>
      <ErrorBox message={error} />
      <div className="grid">
        <Field label={r.trackingCode} error={fieldError} hint={r.trackingHint}><input value={trackingCode} onChange={(e) => setTrackingCode(e.target.value)} /></Field>
        <Field label={r.sentOn}><input type="date" value={sentOn} onChange={(e) => setSentOn(e.target.value)} /></Field>
      </div>
      <label className="check"><input type="checkbox" checked={emailCopy} onChange={(e) => setEmailCopy(e.target.checked)} /> {r.emailCopy}</label>
      <div className="actions"><button className="primary" type="submit" disabled={busy}>{r.record}</button></div>
    </form>
  );
}

/** The letters sent to this debtor, each openable (the stored bytes) and with its registered-mail state. */
function SentLetters({ letters, onOpen, onRegister }: { letters: StoredLetter[]; onOpen: (l: StoredLetter) => void; onRegister: (l: StoredLetter) => void }) {
  const t = useApp((s) => s.t);
  const l = t.letters.list;
  if (letters.length === 0) return <p className="muted">{l.empty}</p>;
  return (
    <table data-testid="sent-letters">
      <thead><tr><th>{l.date}</th><th>{l.subject}</th><th>{l.lastDay}</th><th>{l.registered}</th><th /></tr></thead>
      <tbody>
        {letters.map((x) => (
          <tr key={x.documentId}>
            <td>{date(x.date)}</td>
            <td>{x.subject}</td>
            <td>{x.lastDay ? date(x.lastDay) : ''}</td>
            <td>{x.registered ? <span title={`${x.registered.sentOn}`}>{x.registered.trackingCode}</span> : <button className="link" onClick={() => onRegister(x)}>{l.registerNow}</button>}</td>
            <td><button className="link" onClick={() => onOpen(x)}>{l.open}</button></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function LettersPanel({ debtorId, onChanged, initialKind }: { debtorId: number; onChanged: () => void; initialKind?: LetterKind }) {
  const { t, info } = useApp();
  const errorText = useErrorText();
  const l = t.letters;
  const today = info?.today ?? '';
  const [options, setOptions] = useState<LetterOptions | null>(null);
  const [letters, setLetters] = useState<StoredLetter[]>([]);
  const [kind, setKind] = useState<LetterKind | null>(initialKind ?? null);
  const [form, setForm] = useState({ date: today, lastDay: '', claimInterest: true, vatSurcharge: false, interruptLimitation: false, subject: '', body: '' });
  const [shown, setShown] = useState<(PdfBytes & { preview?: LetterPreview; produced?: ProducedLetter; stored?: StoredLetter }) | null>(null);
  const [registerFor, setRegisterFor] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDialog, ask] = useConfirm();
  const view = usePdfView(shown);

  const load = useCallback(() => {
    call('letters.options', { debtorId }).then((o) => {
      setOptions(o);
      setKind((k) => k ?? o.suggested ?? 'reminder');
    }, (e: unknown) => setError(String(e)));
    call('letters.list', { debtorId }).then(setLetters, () => undefined);
  }, [debtorId]);
  useEffect(load, [load]);
  // Opened for one kind (the arrangement's confirmation letter): show its preview at once.
  useEffect(() => {
    if (!initialKind) return;
    call('letters.preview', { debtorId, kind: initialKind }).then(
      (p) => setShown({ fileName: p.fileName, dataBase64: p.dataBase64, preview: p }),
      (e: unknown) => setError(e instanceof ApiFailure ? e.error.message : String(e)));
  }, [debtorId, initialKind]);

  function request(): LetterRequest {
    const r: LetterRequest = { debtorId, kind: kind ?? 'reminder', date: form.date || undefined };
    if (form.lastDay) r.lastDay = form.lastDay;
    if (kind === 'final-notice' || kind === 'fourteen-day') { r.claimInterest = form.claimInterest; r.vatSurcharge = form.vatSurcharge; }
    if (kind === 'reminder' || kind === 'free') r.interruptLimitation = form.interruptLimitation;
    if (kind === 'free') { r.subject = form.subject; r.body = form.body; }
    return r;
  }

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    setMessage(null);
    try { await action(); } catch (e) { setError(errorText(e)); } finally { setBusy(false); }
  }

  const preview = () => run(async () => {
    const p = await call('letters.preview', request());
    setShown({ fileName: p.fileName, dataBase64: p.dataBase64, preview: p });
    setRegisterFor(null);
  });

  const produce = async () => {
    if (!(await ask({ title: l.produceTitle, message: l.produceConfirm, confirmLabel: l.produceYes }))) return;
    await run(async () => {
      const p = await call('letters.produce', request());
      setShown({ fileName: p.fileName, dataBase64: p.dataBase64, preview: p, produced: p });
      setMessage(l.produced);
      setRegisterFor(p.documentId);
      load();
      onChanged();
    });
  };

  const open = (x: StoredLetter) => run(async () => {
    const file = await call('letters.get', { documentId: x.documentId });
    setShown({ fileName: file.fileName, dataBase64: file.dataBase64, stored: x });
    setRegisterFor(null);
  });

  const set = (key: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const value = e.target.type === 'checkbox' ? (e.target as HTMLInputElement).checked : e.target.value;
    setForm((f) => ({ ...f, [key]: value }));
    setShown((s) => (s?.produced || s?.stored ? s : null));
  };

  const computedLastDay = kind === 'fourteen-day' ? options?.fourteenDayLastDay : kind === 'final-notice' ? options?.finalNoticeLastDay : undefined;
  const kindOption = options?.kinds.find((k) => k.kind === kind);

  return (
    <section className="panel letters-panel" aria-label={l.panelTitle}>
      <h2 style={{ marginTop: 0 }}>{l.panelTitle}</h2>
      <ErrorBox message={error} />
      {message && <p className="ok" role="status">{message}</p>}
      {confirmDialog}
      <div className="form">
        <fieldset className="kind" style={{ padding: '0.5rem 0.8rem' }}>
          <legend>{l.kind}</legend>
          {options?.kinds.map((k) => (
            <label key={k.kind} className="radio" title={k.reason ?? ''}>
              <input type="radio" name="letter-kind" value={k.kind} checked={kind === k.kind} onChange={() => { setKind(k.kind); setShown(null); setRegisterFor(null); }} />
              <span>
                <strong>{l.kinds[k.kind]}</strong>{options.suggested === k.kind && <span className="flag promise">{l.suggested}</span>}
                {!k.available && <span className="flag">{l.unavailable}</span>}
                <br /><small className="muted">{l.kindHints[k.kind]}</small>
              </span>
            </label>
          ))}
        </fieldset>
        {kindOption && !kindOption.available && kindOption.reason && <p className="muted" data-testid="letter-unavailable">{kindOption.reason}</p>}
        <div className="grid">
          <Field label={l.date}><input type="date" value={form.date} onChange={set('date')} /></Field>
          {(kind === 'fourteen-day' || kind === 'final-notice' || kind === 'reminder') && (
            <Field label={l.lastDay} hint={computedLastDay ? l.lastDayHint(date(computedLastDay)) : undefined}><input type="date" value={form.lastDay} onChange={set('lastDay')} /></Field>
          )}
          {kind === 'free' && <Field label={l.subject} wide><input value={form.subject} onChange={set('subject')} /></Field>}
          {kind === 'free' && (
            <Field label={l.body} hint={l.bodyHint} wide><textarea rows={8} value={form.body} onChange={set('body')} /></Field>
          )}
        </div>
        {(kind === 'fourteen-day' || kind === 'final-notice') && (
          <>
            <label className="check"><input type="checkbox" checked={form.claimInterest} onChange={set('claimInterest')} /> {l.claimInterest}</label>
            {options?.canVatSurcharge && <label className="check"><input type="checkbox" checked={form.vatSurcharge} onChange={set('vatSurcharge')} /> {l.vatSurcharge}</label>}
          </>
        )}
        {(kind === 'reminder' || kind === 'free') && (
          <label className="check"><input type="checkbox" checked={form.interruptLimitation} onChange={set('interruptLimitation')} /> {l.interruptLimitation}</label>
        )}
        <div className="actions">
          <button className="primary" onClick={preview} disabled={busy || !kind}>{l.preview}</button>
          {shown && <button onClick={view.save}>{l.save}</button>}
          {shown && <button onClick={view.print}>{l.print}</button>}
          {shown?.preview && !shown.produced && <button onClick={() => void produce()} disabled={busy}>{l.produce}</button>}
        </div>
      </div>
      {registerFor !== null && (
        <RegisteredForm documentId={registerFor} onDone={(result) => {
          setRegisterFor(null);
          setMessage([l.registered.recorded(result.trackingCode), result.costsDueFrom ? l.registered.costsDueFrom(date(result.costsDueFrom)) : '', ...result.warnings].filter(Boolean).join(' '));
          load();
          onChanged();
        }} />
      )}
      {shown && view.url && (
        <div className="letter-view" style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 2.2fr) minmax(240px, 1fr)', gap: '1rem', marginTop: '1rem' }}>
          <PdfFrame url={view.url} title={l.pdfTitle} frameRef={view.frame} />
          <div>
            {shown.preview && <p className="muted">{shown.preview.fileName} · {l.pages(shown.preview.pages)}</p>}
            {shown.preview && <LetterFacts preview={shown.preview} />}
            {shown.stored && <p className="muted">{l.list.fingerprint}: <code style={{ wordBreak: 'break-all' }}>{shown.stored.sha256}</code></p>}
          </div>
        </div>
      )}
      <h3 style={{ marginTop: '1.4rem' }}>{l.list.title}</h3>
      <SentLetters letters={letters} onOpen={open} onRegister={(x) => { setRegisterFor(x.documentId); setMessage(null); }} />
    </section>
  );
}

// Brieven: today's letters in one print job, invoices nearing limitation, every letter sent (with
// registered-mail tracking) and the envelope-window settings with a test print.
import { useCallback, useEffect, useState } from 'react';
import type { BatchResult, LetterSettings, LimitationRow, PdfFile, StoredLetter } from '../../../shared/contract';
import type { OverviewRow } from '../../../shared/domain/overview';
import { ApiFailure, call } from '../api/client';
import { ErrorBox, Field } from '../components/Field';
import { useConfirm } from '../components/ConfirmDialog';
import { date, useMoney } from '../format';
import { useApp } from '../store';
import { RegisteredForm } from './LettersPanel';
import { PdfFrame, usePdfView, type PdfBytes } from './LettersPdf';

function useErrorText() {
  const language = useApp((s) => s.language);
  return (e: unknown) => (e instanceof ApiFailure ? (language === 'en' && e.error.messageEn ? e.error.messageEn : e.error.message) : String(e));
}

function PdfWithButtons({ file, testId }: { file: PdfBytes; testId?: string }) {
  const t = useApp((s) => s.t);
  const view = usePdfView(file);
  return (
    <div>
      <div className="actions">
        <button onClick={view.save}>{t.letters.save}</button>
        <button className="primary" onClick={view.print}>{t.letters.print}</button>
      </div>
      {view.url && <div style={{ marginTop: '0.8rem' }}><PdfFrame url={view.url} title={t.letters.pdfTitle} frameRef={view.frame} testId={testId} /></div>}
    </div>
  );
}

function TodaysLetters({ onMade }: { onMade: () => void }) {
  const t = useApp((s) => s.t);
  const errorText = useErrorText();
  const money = useMoney();
  const b = t.letters.batch;
  const [rows, setRows] = useState<OverviewRow[] | null>(null);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [result, setResult] = useState<BatchResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDialog, ask] = useConfirm();

  useEffect(() => {
    call('overview.get', { stage: 'final-notice' }).then((o) => {
      setRows(o.rows);
      setChosen(new Set(o.rows.map((r) => r.debtorId)));
    }, (e: unknown) => setError(errorText(e)));
  // eslint-disable-next-line react-hooks/exhaustive-deps -- load once
  }, []);

  async function print() {
    if (!(await ask({ title: b.confirmTitle(chosen.size), message: b.confirm(chosen.size), confirmLabel: b.confirmYes }))) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await call('letters.batch', { debtorIds: [...chosen] }));
      onMade();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-label={b.title}>
      <h2 style={{ marginTop: 0 }}>{b.title}</h2>
      <p className="muted">{b.intro}</p>
      {confirmDialog}
      <ErrorBox message={error} />
      {rows === null ? <p className="muted">{t.common.loading}</p> : rows.length === 0 ? <p className="muted">{b.none}</p> : (
        <>
          <table data-testid="batch-debtors">
            <tbody>
              {rows.map((r) => (
                <tr key={r.debtorId}>
                  <td style={{ width: '2rem' }}>
                    <input type="checkbox" aria-label={r.name} checked={chosen.has(r.debtorId)} onChange={(e) => setChosen((s) => {
                      const next = new Set(s);
                      if (e.target.checked) next.add(r.debtorId); else next.delete(r.debtorId);
                      return next;
                    })} />
                  </td>
                  <td>{r.name}</td>
                  <td>{t.kind[r.kind]}</td>
                  <td className="num">{money(r.openAmount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions"><button className="primary" onClick={print} disabled={busy || chosen.size === 0}>{b.print}</button></div>
        </>
      )}
      {result && (
        <div data-testid="batch-result" style={{ marginTop: '1rem' }}>
          <p className="ok" role="status">{b.made(result.letters.length, result.pages)}</p>
          {result.skipped.length > 0 && (
            <div className="error-box"><strong>{b.skipped}:</strong>
              <ul>{result.skipped.map((s) => <li key={s.debtorId}><strong>{s.debtorName}</strong>: {s.reason}</li>)}</ul>
            </div>
          )}
          {result.dataBase64 && <PdfWithButtons file={result} testId="batch-pdf" />}
        </div>
      )}
    </section>
  );
}

function LimitationWarnings() {
  const { t, navigate } = useApp();
  const money = useMoney();
  const v = t.letters.limitation;
  const [rows, setRows] = useState<LimitationRow[] | null>(null);
  useEffect(() => { call('letters.limitationWarnings', {}).then(setRows, () => setRows([])); }, []);
  return (
    <section className="panel" aria-label={v.title}>
      <h2 style={{ marginTop: 0 }}>{v.title}</h2>
      <p className="muted">{v.intro}</p>
      {rows === null ? <p className="muted">{t.common.loading}</p> : rows.length === 0 ? <p className="muted">{v.empty}</p> : (
        <table data-testid="limitation-warnings">
          <thead><tr><th>{v.debtor}</th><th>{v.invoice}</th><th>{v.date}</th><th /><th className="num">{t.invoice.open}</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.invoiceId}>
                <td><button className="link" onClick={() => navigate({ name: 'debtor', id: r.debtorId })}>{r.debtorName}</button></td>
                <td>{r.invoiceNumber}</td>
                <td>{date(r.limitationDate)}</td>
                <td className="late">{r.expired ? v.expired : v.daysLeft(r.daysLeft)}</td>
                <td className="num">{money(r.open)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function AllLetters({ version }: { version: number }) {
  const { t, navigate } = useApp();
  const l = t.letters.list;
  const [letters, setLetters] = useState<StoredLetter[] | null>(null);
  const [shown, setShown] = useState<PdfFile | null>(null);
  const [registerFor, setRegisterFor] = useState<number | null>(null);
  const load = useCallback(() => { call('letters.list', {}).then(setLetters, () => setLetters([])); }, []);
  useEffect(load, [load, version]);
  return (
    <section className="panel" aria-label={l.title}>
      <h2 style={{ marginTop: 0 }}>{l.title}</h2>
      {letters === null ? <p className="muted">{t.common.loading}</p> : letters.length === 0 ? <p className="muted">{l.empty}</p> : (
        <table data-testid="all-letters">
          <thead><tr><th>{l.date}</th><th>{l.debtor}</th><th>{l.subject}</th><th>{l.lastDay}</th><th>{l.registered}</th><th /></tr></thead>
          <tbody>
            {letters.map((x) => (
              <tr key={x.documentId}>
                <td>{date(x.date)}</td>
                <td><button className="link" onClick={() => navigate({ name: 'debtor', id: x.debtorId })}>{x.debtorName}</button></td>
                <td>{x.subject}</td>
                <td>{x.lastDay ? date(x.lastDay) : ''}</td>
                <td>{x.registered ? x.registered.trackingCode : <button className="link" onClick={() => setRegisterFor(x.documentId)}>{l.registerNow}</button>}</td>
                <td><button className="link" onClick={() => void call('letters.get', { documentId: x.documentId }).then(setShown)}>{l.open}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {registerFor !== null && <RegisteredForm documentId={registerFor} onDone={() => { setRegisterFor(null); load(); }} />}
      {shown && <div style={{ marginTop: '1rem' }}><PdfWithButtons file={shown} /></div>}
    </section>
  );
}

function WindowSettings() {
  const t = useApp((s) => s.t);
  const errorText = useErrorText();
  const st = t.letters.settings;
  const [settings, setSettings] = useState<LetterSettings | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [testFile, setTestFile] = useState<PdfFile | null>(null);

  const fill = (s: LetterSettings) => {
    setSettings(s);
    setValues({
      topMm: String(s.window.topMm), leftMm: String(s.window.leftMm), widthMm: String(s.window.widthMm), heightMm: String(s.window.heightMm),
      returnLineMm: String(s.window.returnLineMm), place: s.place ?? '', signatureName: s.signatureName ?? '',
      finalNoticeWorkingDays: String(s.finalNoticeWorkingDays), reminderDays: String(s.reminderDays), fourteenDayExtraDays: String(s.fourteenDayExtraDays),
    });
  };
  useEffect(() => { call('letters.settings', {}).then(fill, (e: unknown) => setError(errorText(e))); },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load once
    []);

  const num = (key: string) => Number(values[key]?.replace(',', '.'));
  const windowValues = () => ({ topMm: num('topMm'), leftMm: num('leftMm'), widthMm: num('widthMm'), heightMm: num('heightMm'), returnLineMm: num('returnLineMm') });

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setError(null); setMessage(null); setFields({});
    try {
      fill(await call('letters.saveSettings', {
        window: windowValues(), place: values.place || null, signatureName: values.signatureName || null,
        finalNoticeWorkingDays: num('finalNoticeWorkingDays'), reminderDays: num('reminderDays'), fourteenDayExtraDays: num('fourteenDayExtraDays'),
      }));
      setMessage(st.saved);
    } catch (err) {
      if (err instanceof ApiFailure && err.error.fields) setFields(err.error.fields);
      setError(errorText(err));
    }
  }

  async function testPrint() {
    setError(null);
    try { setTestFile(await call('letters.testPrint', { window: windowValues() })); } catch (err) { setError(errorText(err)); }
  }

  if (!settings) return <section className="panel"><h2 style={{ marginTop: 0 }}>{st.title}</h2><ErrorBox message={error} /></section>;
  const input = (key: string, label: string, hint?: string) => (
    <Field label={label} hint={hint} error={fields[`window.${key}`] ?? fields[key]}>
      <input inputMode="decimal" value={values[key] ?? ''} onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))} />
    </Field>
  );
  return (
    <form className="form panel" onSubmit={save} aria-label={st.title}>
      <h2 style={{ marginTop: 0 }}>{st.title}</h2>
      <p className="muted">{st.intro}</p>
      <ErrorBox message={error} />
      <div className="grid">
        {input('topMm', st.top)}
        {input('leftMm', st.left)}
        {input('widthMm', st.width)}
        {input('heightMm', st.height)}
        {input('returnLineMm', st.returnLine)}
        {input('place', st.place, `${st.placeHint} (${settings.placeInUse})`)}
        {input('signatureName', st.signatureName, st.signatureHint)}
        {input('finalNoticeWorkingDays', st.finalNoticeWorkingDays)}
        {input('reminderDays', st.reminderDays)}
        {input('fourteenDayExtraDays', st.fourteenDayExtraDays)}
      </div>
      <div className="actions">
        <button className="primary" type="submit">{st.save}</button>
        <button type="button" onClick={testPrint}>{st.testPrint}</button>
        {message && <span className="ok" role="status">{message}</span>}
      </div>
      {testFile && <div style={{ marginTop: '1rem' }}><PdfWithButtons file={testFile} testId="test-print-pdf" /></div>}
    </form>
  );
}

export function Letters() {
  const t = useApp((s) => s.t);
  const [version, setVersion] = useState(0);
  return (
    <main className="letters">
      <h1>{t.letters.title}</h1>
      <p className="muted">{t.letters.intro}</p>
      <TodaysLetters onMade={() => setVersion((v) => v + 1)} />
      <LimitationWarnings />
      <AllLetters version={version} />
      <WindowSettings />
    </main>
  );
}

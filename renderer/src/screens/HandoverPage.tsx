import { useCallback, useEffect, useState } from 'react';
import type { Agency, DebtorPage, DossierFile, Handover, HandoverCheck, HandoverUpdateKind, TermsKind } from '../../../shared/contract';
import { handoverUpdateKinds, termsKinds } from '../../../shared/contract/methods/handover';
import { parseAmount } from '../../../shared/domain/money';
import { call } from '../api/client';
import { downloadFile } from '../fileBytes';
import { ErrorBox, Field } from '../components/Field';
import { useForm } from '../components/useForm';
import { useConfirm } from '../components/ConfirmDialog';
import { date, useMoney } from '../format';
import { useApp } from '../store';

function CheckList({ check }: { check: HandoverCheck }) {
  const { t, language } = useApp();
  const money = useMoney();
  const h = t.handover;
  return (
    <section className="panel" aria-label={h.checkTitle}>
      <h2>{h.checkTitle}</h2>
      <p className={check.ready ? 'ok' : 'muted'} data-testid="handover-ready">{check.ready ? h.ready : h.notReady}</p>
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {check.checks.map((c) => (
          <li key={c.id} data-testid="handover-check" data-status={c.status} style={{ display: 'flex', gap: '0.6rem', padding: '0.35rem 0', borderTop: '1px solid var(--line)' }}>
            <span aria-label={c.status === 'ok' ? h.ok : h.warning} style={{ color: c.status === 'ok' ? 'var(--ok)' : 'var(--warn)', fontWeight: 700, minWidth: '1.2em' }}>{c.status === 'ok' ? '✓' : '!'}</span>
            <span><strong>{language === 'en' ? c.titleEn : c.title}</strong><br />{language === 'en' ? c.messageEn : c.message}</span>
          </li>
        ))}
      </ul>
      <h3 style={{ marginTop: '1rem' }}>{h.claimTitle}</h3>
      <table style={{ maxWidth: 420 }}>
        <tbody>
          <tr><td>{h.principal}</td><td className="num">{money(check.claim.principal)}</td></tr>
          <tr><td>{h.interest}</td><td className="num">{money(check.claim.interest)}</td></tr>
          <tr><td>{h.costs}</td><td className="num">{money(check.claim.costs)}</td></tr>
          {check.claim.credit > 0 && <tr><td>{h.credit}</td><td className="num">-{money(check.claim.credit)}</td></tr>}
          <tr><td><strong>{h.total}</strong></td><td className="num"><strong data-testid="handover-total">{money(check.claim.total)}</strong></td></tr>
        </tbody>
      </table>
    </section>
  );
}

function RecordForm({ debtorId, today, agencies, exported, onDone }: { debtorId: number; today: string; agencies: Agency[]; exported: DossierFile | null; onDone: () => void }) {
  const t = useApp((s) => s.t);
  const h = t.handover;
  const form = useForm({ known: '', agencyName: '', agencyEmail: '', reference: '', handedOverOn: today, termsKind: 'no-cure-no-pay', termsPercent: '', termsFee: '' });
  const f = form.fields;

  function pick(id: string) {
    const a = agencies.find((x) => String(x.id) === id);
    form.setValues((v) => (a ? {
      ...v, known: id, agencyName: a.name, agencyEmail: a.email ?? '', termsKind: a.termsKind ?? v.termsKind,
      termsPercent: a.termsPercent === null ? '' : String(a.termsPercent).replace('.', ','), termsFee: a.termsFee === null ? '' : (a.termsFee / 100).toFixed(2).replace('.', ','),
    } : { ...v, known: '' }));
  }

  async function save(e: React.FormEvent) {
    e.preventDefault();
    const v = form.values;
    const saved = await form.submit(() => call('handover.record', {
      debtorId, agencyName: v.agencyName, agencyEmail: v.agencyEmail || null, reference: v.reference || null, handedOverOn: v.handedOverOn,
      termsKind: v.termsKind as TermsKind,
      termsPercent: v.termsPercent.trim() ? Number(v.termsPercent.replace(',', '.')) : null,
      termsFee: v.termsFee.trim() ? parseAmount(v.termsFee) ?? Number.NaN : null,
      dossierSha256: exported?.sha256 ?? null,
    }));
    if (saved) onDone();
  }

  return (
    <form className="form panel" onSubmit={save} aria-label={h.recordTitle}>
      <h2>{h.recordTitle}</h2>
      <ErrorBox message={form.error} />
      <div className="grid">
        {agencies.length > 0 && (
          <Field label={h.known}>
            <select value={form.values.known} onChange={(e) => pick(e.target.value)} aria-label={h.known}>
              <option value="">{h.newAgency}</option>
              {agencies.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
            </select>
          </Field>
        )}
        <Field label={h.agencyName} error={f.agencyName}><input {...form.bind('agencyName')} /></Field>
        <Field label={h.agencyEmail} error={f.agencyEmail}><input {...form.bind('agencyEmail')} type="email" /></Field>
        <Field label={h.reference} error={f.reference}><input {...form.bind('reference')} /></Field>
        <Field label={h.handedOverOn} error={f.handedOverOn}><input {...form.bind('handedOverOn')} type="date" /></Field>
        <Field label={h.termsKind} error={f.termsKind}>
          <select {...form.bind('termsKind')}>{termsKinds.map((k) => <option key={k} value={k}>{h.terms[k]}</option>)}</select>
        </Field>
        <Field label={h.termsPercent} error={f.termsPercent}><input {...form.bind('termsPercent')} inputMode="decimal" placeholder="15" /></Field>
        <Field label={h.termsFee} error={f.termsFee}><input {...form.bind('termsFee')} inputMode="decimal" placeholder="0,00" /></Field>
      </div>
      <p className="muted">{exported ? h.withExported : h.withoutExported}</p>
      <div className="actions"><button className="primary" type="submit" disabled={form.busy}>{h.record}</button></div>
    </form>
  );
}

function UpdateForm({ handover, today, onDone }: { handover: Handover; today: string; onDone: () => void }) {
  const t = useApp((s) => s.t);
  const h = t.handover;
  const form = useForm({ kind: 'payment', date: today, gross: '', fee: '', note: '' });
  const f = form.fields;
  const needsAmount = form.values.kind === 'payment' || form.values.kind === 'partial';
  async function save(e: React.FormEvent) {
    e.preventDefault();
    const v = form.values;
    const saved = await form.submit(() => call('handover.update', {
      handoverId: handover.id, kind: v.kind as HandoverUpdateKind, date: v.date,
      grossAmount: v.gross.trim() ? parseAmount(v.gross) ?? Number.NaN : null,
      agencyFee: v.fee.trim() ? parseAmount(v.fee) ?? Number.NaN : null,
      note: v.note,
    }));
    if (saved) { form.setValues((x) => ({ ...x, gross: '', fee: '', note: '' })); onDone(); }
  }
  return (
    <form className="form" onSubmit={save} aria-label={h.updateTitle}>
      <h3>{h.updateTitle}</h3>
      <ErrorBox message={form.error} />
      <div className="grid">
        <Field label={h.updateKind} error={f.kind}>
          <select {...form.bind('kind')}>{handoverUpdateKinds.map((k) => <option key={k} value={k}>{h.updateKinds[k]}</option>)}</select>
        </Field>
        <Field label={h.date} error={f.date}><input {...form.bind('date')} type="date" /></Field>
        <Field label={h.gross} error={f.grossAmount} hint={needsAmount ? h.grossHint : undefined}><input {...form.bind('gross')} inputMode="decimal" placeholder="1.234,56" /></Field>
        <Field label={h.fee} error={f.agencyFee}><input {...form.bind('fee')} inputMode="decimal" placeholder="0,00" /></Field>
        <Field label={h.note} error={f.note} wide><input {...form.bind('note')} /></Field>
      </div>
      <div className="actions"><button className="primary" type="submit" disabled={form.busy}>{h.saveUpdate}</button></div>
    </form>
  );
}

function HandoverCard({ handover, today, active, onChange }: { handover: Handover; today: string; active: boolean; onChange: () => void }) {
  const t = useApp((s) => s.t);
  const money = useMoney();
  const h = t.handover;
  const [error, setError] = useState<string | null>(null);
  const [confirmDialog, ask] = useConfirm();
  async function takeBack() {
    if (!(await ask({ title: h.takeBack, message: h.takeBackConfirm, confirmLabel: h.takeBackYes }))) return;
    try { await call('handover.takeBack', { handoverId: handover.id }); onChange(); } catch (e) { setError((e as Error).message); }
  }
  return (
    <section className="panel" aria-label={h.since(handover.agencyName, date(handover.handedOverOn))} data-testid="handover">
      <div className="page-head">
        <h2 style={{ margin: 0 }}>{h.since(handover.agencyName, date(handover.handedOverOn))}{handover.reference && <small className="muted"> · {handover.reference}</small>}</h2>
        <span className={`stage ${active ? 'with-agency' : ''}`} data-testid="handover-status">{h.status[handover.status]}{handover.closedOn ? ` · ${date(handover.closedOn)}` : ''}</span>
      </div>
      <ErrorBox message={error} />
      {confirmDialog}
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content auto', gap: '0.2rem 1rem', margin: '0.8rem 0' }}>
        <dt className="muted">{h.termsKind}</dt>
        <dd style={{ margin: 0 }}>{h.terms[handover.termsKind]}{handover.termsPercent !== null && ` ${String(handover.termsPercent).replace('.', ',')}%`}{handover.termsFee !== null && ` · ${money(handover.termsFee)}`}</dd>
        <dt className="muted">{h.invoices}</dt><dd style={{ margin: 0 }}>{handover.invoiceNumbers.join(', ')}</dd>
        <dt className="muted">{h.openAmount}</dt><dd style={{ margin: 0 }} data-testid="handover-open"><strong>{money(handover.openAmount)}</strong></dd>
        <dt className="muted">{h.collected}</dt><dd style={{ margin: 0 }}>{money(handover.collected)}</dd>
        <dt className="muted">{h.fees}</dt><dd style={{ margin: 0 }}>{money(handover.fees)}</dd>
        <dt className="muted">{h.net}</dt><dd style={{ margin: 0 }} data-testid="handover-net">{money(handover.netReceived)}</dd>
      </dl>
      <h3>{h.updates}</h3>
      {handover.updates.length === 0 ? <p className="muted">{h.noUpdates}</p> : (
        <ul className="payments" data-testid="handover-updates">
          {handover.updates.map((u) => <li key={u.eventId}>{date(u.date)} · {u.summary}</li>)}
        </ul>
      )}
      <div className="actions">
        {handover.dossierDocumentId !== null && (
          <button type="button" onClick={() => void call('handover.getDossier', { handoverId: handover.id }).then(downloadFile, (e: Error) => setError(e.message))}>{h.downloadDossier}</button>
        )}
        {active && <button type="button" onClick={() => void takeBack()}>{h.takeBack}</button>}
      </div>
      {active && <UpdateForm handover={handover} today={today} onDone={onChange} />}
    </section>
  );
}

/** Overdracht: the check, the dossier, recording the handover, and what comes of it. */
export function HandoverPage({ debtorId }: { debtorId: number }) {
  const { t, navigate, info } = useApp();
  const h = t.handover;
  const [page, setPage] = useState<DebtorPage | null>(null);
  const [check, setCheck] = useState<HandoverCheck | null>(null);
  const [handovers, setHandovers] = useState<Handover[]>([]);
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [exported, setExported] = useState<DossierFile | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const today = info?.today ?? new Date().toISOString().slice(0, 10);

  const load = useCallback(() => {
    Promise.all([
      call('debtors.page', { id: debtorId }), call('handover.check', { debtorId }), call('handover.list', { debtorId }), call('handover.agencies', {}),
    ]).then(([p, c, l, a]) => { setPage(p); setCheck(c); setHandovers(l); setAgencies(a); }, (e: Error) => setError(e.message));
  }, [debtorId]);
  useEffect(load, [load]);

  async function exportDossier() {
    setBusy(true);
    setError(null);
    try {
      const file = await call('handover.exportDossier', { debtorId });
      downloadFile(file);
      setExported(file);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (error && !page) return <main><ErrorBox message={error} /></main>;
  if (!page || !check) return <main className="muted">{t.common.loading}</main>;
  const active = handovers.find((x) => x.status === 'open' || x.status === 'partially-paid') ?? null;
  const earlier = handovers.filter((x) => x !== active);
  // Nothing overdue and nothing with an agency: no check, no dossier, no form; only the history.
  const nothingToHandOver = !active && check.claim.invoices === 0;

  return (
    <main className="handover">
      <button className="link" onClick={() => navigate({ name: 'debtor', id: debtorId })}>{h.back}</button>
      <h1>{h.title}: {page.debtor.name} <span className={`kind-badge ${page.debtor.kind}`}>{t.kind[page.debtor.kind]}</span></h1>
      <p className="muted">{h.intro}</p>
      <ErrorBox message={error} />
      {active && <HandoverCard handover={active} today={today} active onChange={() => { setExported(null); load(); }} />}
      {nothingToHandOver ? <p className="panel" data-testid="handover-nothing">{h.nothing}</p> : (<>
        <CheckList check={check} />
        <section className="panel" aria-label={h.exportTitle}>
          <h2>{h.exportTitle}</h2>
          <p>{h.exportIntro}</p>
          <div className="actions">
            <button className={active ? '' : 'primary'} onClick={() => void exportDossier()} disabled={busy}>{h.export}</button>
            {exported && <span className="ok" data-testid="dossier-exported">{h.exported(exported.fileName)}</span>}
          </div>
          {exported && <p className="muted"><small>{h.fingerprint}: <code>{exported.sha256}</code></small></p>}
        </section>
        {!active && <RecordForm debtorId={debtorId} today={today} agencies={agencies} exported={exported} onDone={() => { setExported(null); load(); }} />}
      </>)}
      {earlier.length > 0 && (
        <>
          <h2>{h.history}</h2>
          {earlier.map((x) => <HandoverCard key={x.id} handover={x} today={today} active={false} onChange={load} />)}
        </>
      )}
    </main>
  );
}

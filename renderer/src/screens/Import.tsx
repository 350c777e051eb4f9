// Importeren (issue 8): choose a file (read as bytes here, sent as base64), see what the import
// would do, confirm, see what it did; and the list of earlier imports. The backend reads the
// same bytes again on confirm; nothing here is trusted beyond the user's choices.
import { useEffect, useState } from 'react';
import type { BankImportLine, BankImportPreview, ImportRecord, ImportResult, InvoiceImportPreview, OpenInvoiceChoice } from '../../../shared/contract';
import { MAX_IMPORT_FILE_BYTES } from '../../../shared/contract/methods/imports';
import { call, errorText } from '../api/client';
import { date, useMoney } from '../format';
import { useApp } from '../store';
import type { ChosenFile } from './ImportCommon';
import { readBase64 } from '../fileBytes';
import { ImportInvoicesReview } from './ImportInvoices';
import './Import.css';

type Stage =
  | { name: 'choose' }
  | { name: 'reading' }
  | { name: 'bank'; file: ChosenFile; preview: BankImportPreview }
  | { name: 'invoices'; file: ChosenFile; preview: InvoiceImportPreview }
  | { name: 'done'; result: ImportResult };

export function Import() {
  const { t, language, navigate } = useApp();
  const m = t.imports;
  const [stage, setStage] = useState<Stage>({ name: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const [history, setHistory] = useState<ImportRecord[] | null>(null);
  const money = useMoney();

  const loadHistory = () => { void call('imports.list', {}).then(setHistory); };
  useEffect(() => { void call('imports.list', {}).then(setHistory); }, []);

  async function choose(kind: 'bank' | 'invoices', files: FileList | null) {
    setError(null);
    const list = [...(files ?? [])];
    if (list.length === 0) return;
    const big = list.find((f) => f.size > MAX_IMPORT_FILE_BYTES);
    if (big) { setError(m.tooLarge((big.size / (1024 * 1024)).toFixed(1).replace('.', language === 'nl' ? ',' : '.'))); return; }
    setStage({ name: 'reading' });
    try {
      const [first, ...rest] = await Promise.all(list.map(async (f) => ({ fileName: f.name, dataBase64: await readBase64(f) })));
      const file: ChosenFile = rest.length ? { ...first!, extraFiles: rest } : first!;
      if (kind === 'bank') setStage({ name: 'bank', file, preview: await call('imports.bank.preview', { fileName: file.fileName, dataBase64: file.dataBase64 }) });
      else setStage({ name: 'invoices', file, preview: await call('imports.invoices.preview', file) });
    } catch (e) {
      setError(errorText(e, language));
      setStage({ name: 'choose' });
    }
  }

  const finished = (result: ImportResult) => { setStage({ name: 'done', result }); loadHistory(); };
  const reset = () => { setError(null); setStage({ name: 'choose' }); };

  return (
    <main className="imports">
      <h1>{m.title}</h1>
      <p className="muted">{m.intro}</p>
      {error && <div className="error-box" role="alert">{error}</div>}

      {(stage.name === 'choose' || stage.name === 'reading') && (
        <div className="import-choices">
          <section className="panel">
            <h2>{m.bankTitle}</h2>
            <p className="muted">{m.bankHint}</p>
            <label className="file-pick">
              <span>{m.bankFile}</span>
              <input type="file" accept=".xml,.zip,.sta,.940,.mt940,.swi,.csv,.txt,.tab" disabled={stage.name === 'reading'}
                onChange={(e) => { void choose('bank', e.target.files); e.target.value = ''; }} />
            </label>
          </section>
          <section className="panel">
            <h2>{m.invoicesTitle}</h2>
            <p className="muted">{m.invoicesHint}</p>
            <label className="file-pick">
              <span>{m.invoicesFile}</span>
              <input type="file" multiple accept=".csv,.txt,.xml,.zip" disabled={stage.name === 'reading'}
                onChange={(e) => { void choose('invoices', e.target.files); e.target.value = ''; }} />
            </label>
          </section>
        </div>
      )}
      {stage.name === 'reading' && <p className="muted" role="status">{m.reading}</p>}
      {stage.name === 'bank' && <BankReview key={stage.preview.sha256} file={stage.file} preview={stage.preview} onDone={finished} onCancel={reset} />}
      {stage.name === 'invoices' && <ImportInvoicesReview file={stage.file} initial={stage.preview} onDone={finished} onCancel={reset} />}
      {stage.name === 'done' && (
        <section className="panel import-result" aria-label={m.resultTitle}>
          <h2>{m.resultTitle}</h2>
          {stage.result.unchanged
            ? <p data-testid="import-result">{m.unchanged}</p>
            : <p data-testid="import-result">{stage.result.kind === 'bank' ? m.bankResult(stage.result.counts, money) : m.invoiceResult(stage.result.counts)}</p>}
          {stage.result.backupFile && <p className="muted">{m.backupMade(stage.result.backupFile)}</p>}
          <div className="actions">
            <button className="primary" onClick={() => navigate({ name: 'debtors' })}>{m.toDebtors}</button>
            <button onClick={reset}>{m.another}</button>
          </div>
        </section>
      )}

      <section className="import-history">
        <h2>{m.historyTitle}</h2>
        {history && history.length === 0 && <p className="muted">{m.historyEmpty}</p>}
        {history && history.length > 0 && (
          <table>
            <thead><tr><th>{m.historyColumns.date}</th><th>{m.historyColumns.kind}</th><th>{m.historyColumns.file}</th><th>{m.historyColumns.result}</th><th>{m.historyColumns.hash}</th></tr></thead>
            <tbody>
              {history.map((h) => (
                <tr key={h.id} data-testid="import-row">
                  <td>{date(h.importedAt.slice(0, 10))} {h.importedAt.slice(11, 16)}</td>
                  <td>{m.kinds[h.kind]}</td>
                  <td className="file">{h.fileName}</td>
                  <td>{h.kind === 'bank' ? m.bankResult(h.counts, money) : m.invoiceResult(h.counts)}</td>
                  <td><code title={h.sha256}>{h.sha256.slice(0, 12)}…</code></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}

/** A betalingskenmerk or RF reference in groups of four, as on the invoice. */
const groupReference = (ref: string) => (/^(\d{16}|RF\d{2}[0-9A-Z]+)$/.test(ref.replace(/\s/g, '')) ? ref.replace(/\s/g, '').replace(/(.{4})(?=.)/g, '$1 ') : ref);

interface Decision { accept: boolean; invoiceId?: number }

function BankReview({ file, preview, onDone, onCancel }: { file: ChosenFile; preview: BankImportPreview; onDone: (r: ImportResult) => void; onCancel: () => void }) {
  const { t, language } = useApp();
  const m = t.imports;
  const money = useMoney();
  const [decisions, setDecisions] = useState<Record<string, Decision>>(() => Object.fromEntries(preview.lines.map((l) => [l.key, { accept: l.ticked }])));
  const [choices, setChoices] = useState<OpenInvoiceChoice[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const credits = preview.lines.filter((l) => l.direction === 'credit');
  const debits = preview.lines.filter((l) => l.direction === 'debit');
  const needChoices = credits.some((l) => l.kind === 'unmatched');

  useEffect(() => { if (needChoices) void call('imports.openInvoices', {}).then(setChoices); }, [needChoices]);

  const accepted = credits.filter((l) => decisions[l.key]?.accept).length;
  const c = preview.counts;

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      const list = preview.lines.map((l) => {
        const d = decisions[l.key] ?? { accept: false };
        const chosen = d.invoiceId ? choices?.find((x) => x.id === d.invoiceId) : undefined;
        return chosen && d.accept
          ? { lineKey: l.key, accept: true, debtorId: chosen.debtorId, allocations: [{ invoiceId: chosen.id, amount: Math.min(l.amount, chosen.open) }] }
          : { lineKey: l.key, accept: d.accept && l.direction === 'credit' };
      });
      onDone(await call('imports.bank.commit', { fileName: file.fileName, dataBase64: file.dataBase64, decisions: list }));
    } catch (e) {
      setError(errorText(e, language));
    } finally {
      setBusy(false);
    }
  }

  const proposal = (l: BankImportLine) => {
    const d = decisions[l.key];
    if (l.kind === 'unmatched') {
      return (
        <select aria-label={m.pickLabel(date(l.bookingDate), money(l.amount))} value={d?.invoiceId ?? ''}
          onChange={(e) => { const id = Number(e.target.value); setDecisions({ ...decisions, [l.key]: id ? { accept: true, invoiceId: id } : { accept: false } }); }}>
          <option value="">{m.pickInvoice}</option>
          {(choices ?? []).map((x) => <option key={x.id} value={x.id}>{x.number} · {x.debtorName} · {money(x.open)}</option>)}
        </select>
      );
    }
    const paid = l.allocations.reduce((s, a) => s + a.amount, 0);
    return (
      <div className="proposal">
        {l.installment && <div>{m.installment(l.installment.seq)}</div>}
        {l.allocations.map((a) => (
          <div key={a.invoiceId}><strong>{a.invoiceNumber}</strong> · {a.debtorName} · {money(a.amount)}{a.amount < a.openBefore ? <span className="muted"> ({m.partial}: {money(a.amount)} / {money(a.openBefore)})</span> : null}</div>
        ))}
        {l.amount > paid && paid > 0 && <div className="muted">{m.creditLeft(money(l.amount - paid))}</div>}
        {l.allocations.length === 0 && l.debtorName && <div>{l.debtorName}</div>}
      </div>
    );
  };

  return (
    <section className="panel import-review" aria-label={m.reviewTitle}>
      <h2>{m.reviewTitle}</h2>
      <p className="muted">{m.statementSummary(preview.fileName, preview.formats.join(', '), c.lines)}</p>
      <ul className="import-counts" data-testid="bank-counts">
        <li data-testid="count-alreadyImported"><strong>{c.alreadyImported}</strong> {m.counts.alreadyImported}</li>
        <li className="certain" data-testid="count-certain"><strong>{c.certain}</strong> {m.counts.certain}</li>
        <li className="likely" data-testid="count-likely"><strong>{c.likely}</strong> {m.counts.likely}</li>
        <li className="doubtful" data-testid="count-doubtful"><strong>{c.doubtful}</strong> {m.counts.doubtful}</li>
        <li className="none" data-testid="count-unmatched"><strong>{c.unmatched}</strong> {m.counts.unmatched}</li>
        <li data-testid="count-debits"><strong>{c.debits}</strong> {m.counts.debits(c.debits)}</li>
      </ul>
      {preview.importedBefore && <p className="muted">{m.importedBefore(date(preview.importedBefore.importedAt.slice(0, 10)))}</p>}
      {preview.lines.length === 0 && <p className="nothing-new" data-testid="nothing-new">{m.nothingNew}</p>}
      {credits.length > 0 && (
        <table className="bank-lines">
          <thead>
            <tr><th>{m.columns.use}</th><th>{m.columns.date}</th><th className="num">{m.columns.amount}</th><th>{m.columns.from}</th><th>{m.columns.proposal}</th><th>{m.columns.confidence}</th></tr>
          </thead>
          <tbody>
            {credits.map((l) => {
              const d = decisions[l.key] ?? { accept: false };
              const disabled = l.kind === 'unmatched' && !d.invoiceId;
              return (
                <tr key={l.key} data-testid="bank-line" data-kind={l.kind} data-confidence={l.confidence} className={`${l.confidence}${d.accept ? ' accepted' : ''}`}>
                  <td><input type="checkbox" checked={d.accept} disabled={disabled} aria-label={`${m.columns.use}: ${money(l.amount)} ${l.counterpartyName ?? ''}`}
                    onChange={(e) => setDecisions({ ...decisions, [l.key]: { ...d, accept: e.target.checked } })} /></td>
                  <td>{date(l.bookingDate)}</td>
                  <td className="num">{money(l.amount)}</td>
                  <td className="who">
                    <div>{l.counterpartyName ?? '—'}</div>
                    {l.counterpartyIban && <div className="muted iban">{l.counterpartyIban}</div>}
                    <div className="remittance">{l.structuredReference ? `${m.reference} ${groupReference(l.structuredReference)}` : l.remittance}</div>
                  </td>
                  <td>{proposal(l)}</td>
                  <td>
                    <span className={`confidence ${l.confidence}`}>{m.confidence[l.confidence]}</span>
                    <div className="reason">{language === 'en' ? l.reasonEn : l.reason}</div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {debits.length > 0 && (
        <details className="debits">
          <summary>{m.debitsTitle(debits.length)}</summary>
          <ul>{debits.map((l) => <li key={l.key}>{date(l.bookingDate)} · {money(l.amount)} · {l.counterpartyName ?? ''} · {l.remittance}</li>)}</ul>
        </details>
      )}
      {error && <div className="error-box" role="alert">{error}</div>}
      <div className="actions">
        {preview.lines.length > 0 && <button className="primary" disabled={busy} onClick={() => void confirm()}>{m.confirmBank(accepted)}</button>}
        <button onClick={onCancel} disabled={busy}>{m.cancel}</button>
      </div>
    </section>
  );
}

// The invoice half of Importeren: for a CSV the column mapping (a dropdown per field, the guess or
// the remembered choice preselected; every change asks the backend again), then every row with
// its customer match and problems; for UBL the documents read. Confirm imports all or nothing.
import { useState } from 'react';
import type { ImportResult, InvoiceColumnMapping, InvoiceFieldName, InvoiceImportPreview, InvoiceImportRow } from '../../../shared/contract';
import { INVOICE_FIELDS } from '../../../shared/contract/methods/imports';
import { call, errorText } from '../api/client';
import { date, useMoney } from '../format';
import { useApp } from '../store';
import type { ChosenFile } from './ImportCommon';

export function ImportInvoicesReview({ file, initial, onDone, onCancel }: { file: ChosenFile; initial: InvoiceImportPreview; onDone: (r: ImportResult) => void; onCancel: () => void }) {
  const { t, language } = useApp();
  const m = t.imports;
  const money = useMoney();
  const [preview, setPreview] = useState(initial);
  const [sourceKey, setSourceKey] = useState('');
  const [skipProblems, setSkipProblems] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const csv = preview.csv;
  const c = preview.counts;
  const problemRows = preview.rows.filter((r) => r.status === 'error');
  const taking = c.invoices + c.creditNotes;
  const customKey = sourceKey.trim() || undefined;

  async function remap(mapping: InvoiceColumnMapping) {
    setBusy(true);
    setError(null);
    try {
      setPreview(await call('imports.invoices.preview', { ...file, mapping, ...(customKey ? { sourceKey: customKey } : {}) }));
    } catch (e) {
      setError(errorText(e, language));
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      onDone(await call('imports.invoices.commit', {
        ...file, ...(csv ? { mapping: csv.mapping } : {}), ...(customKey ? { sourceKey: customKey } : {}),
        rowsToSkip: skipProblems ? problemRows.map((r) => r.index) : [],
      }));
    } catch (e) {
      setError(errorText(e, language));
    } finally {
      setBusy(false);
    }
  }

  const columnLabel = (i: number) => {
    const sample = csv?.sample.map((r) => r[i]?.trim()).find(Boolean);
    return `${csv?.headers[i] || `#${i + 1}`}${sample ? ` (${m.example} ${sample.slice(0, 24)})` : ''}`;
  };
  const setField = (field: InvoiceFieldName, value: string) => {
    if (!csv) return;
    const mapping: InvoiceColumnMapping = { ...csv.mapping };
    if (value === '') delete mapping[field];
    else {
      const column = Number(value);
      // One column holds one field: taking it away from another field.
      for (const f of INVOICE_FIELDS) if (mapping[f] === column) delete mapping[f];
      mapping[field] = column;
    }
    void remap(mapping);
  };

  return (
    <section className="panel import-review" aria-label={m.invoicesReview}>
      <h2>{m.invoicesReview}</h2>
      <p className="muted">{preview.fileName}{file.extraFiles?.length ? ` + ${file.extraFiles.length}` : ''} · {preview.format.toUpperCase()}{csv ? ` · ${csv.encoding} · "${csv.delimiter === '\t' ? 'tab' : csv.delimiter}"` : ''}</p>
      {preview.importedBefore && <p className="muted">{m.importedBefore(date(preview.importedBefore.importedAt.slice(0, 10)))}</p>}

      {csv && (
        <fieldset className="mapping" disabled={busy}>
          <legend>{m.mappingTitle}</legend>
          <p className="muted">{m.mappingIntro[csv.mappingOrigin]}</p>
          <div className="mapping-grid">
            {INVOICE_FIELDS.map((field) => (
              <label key={field} className={`field${csv.mapping[field] !== undefined ? ' mapped' : ''}`}>
                <span className="field-label">{m.fields[field]}</span>
                <select value={csv.mapping[field] ?? ''} onChange={(e) => setField(field, e.target.value)}>
                  <option value="">{m.notUsed}</option>
                  {csv.headers.map((_, i) => <option key={i} value={i}>{columnLabel(i)}</option>)}
                </select>
              </label>
            ))}
          </div>
          <label className="field source-name">
            <span className="field-label">{m.sourceName}</span>
            <input value={sourceKey} onChange={(e) => setSourceKey(e.target.value)} maxLength={100} />
          </label>
        </fieldset>
      )}

      <p className="summary" data-testid="invoice-counts">{m.invoiceSummary(c)}</p>
      <table className="invoice-rows">
        <thead>
          <tr>
            <th>{m.rowColumns.row}</th><th>{m.rowColumns.number}</th><th>{m.rowColumns.customer}</th><th>{m.rowColumns.match}</th>
            <th>{m.rowColumns.date}</th><th>{m.rowColumns.due}</th><th className="num">{m.rowColumns.amount}</th><th>{m.rowColumns.status}</th>
          </tr>
        </thead>
        <tbody>{preview.rows.map((r) => <Row key={r.index} row={r} money={money} />)}</tbody>
      </table>

      {problemRows.length > 0 && (
        <div className="problems-block">
          <p>{m.problemsBlock}</p>
          <label className="check"><input type="checkbox" checked={skipProblems} onChange={(e) => setSkipProblems(e.target.checked)} /> {m.skipProblems(problemRows.length)}</label>
        </div>
      )}
      {error && <div className="error-box" role="alert">{error}</div>}
      <div className="actions">
        <button className="primary" disabled={busy || (problemRows.length > 0 && !skipProblems)} onClick={() => void confirm()}>{m.confirmInvoices(taking)}</button>
        <button onClick={onCancel} disabled={busy}>{m.cancel}</button>
      </div>
    </section>
  );
}

function Row({ row: r, money }: { row: InvoiceImportRow; money: (n: number) => string }) {
  const m = useApp((s) => s.t.imports);
  const inv = r.invoice;
  return (
    <>
      <tr className={`status-${r.status}`} data-testid="invoice-import-row">
        <td>{r.label}</td>
        <td>{inv?.number ?? r.raw?.number ?? '—'}{inv?.kind === 'credit-note' && <span className="flag">{m.creditNote}</span>}</td>
        <td>{r.customer?.name ?? r.raw?.customer ?? '—'}</td>
        <td>{r.customer && <span className={`match ${r.customer.match}`}>{m.match[r.customer.match]}{r.customer.match !== 'new' && r.customer.debtorName && r.customer.debtorName !== r.customer.name ? `: ${r.customer.debtorName}` : ''}</span>}
          {r.credit && <div className="muted">{r.credit.target === 'invoice' ? m.creditOn(r.credit.invoiceNumber ?? '') : m.creditToDebtor}</div>}</td>
        <td>{inv ? date(inv.issueDate) : ''}</td>
        <td>{inv?.dueDate ? date(inv.dueDate) : ''}</td>
        <td className="num">{inv ? `${inv.kind === 'credit-note' ? '-' : ''}${money(inv.amount)}` : ''}</td>
        <td><span className={`status ${r.status}`}>{m.status[r.status]}</span></td>
      </tr>
      {(r.problems.length > 0 || (r.warnings.length > 0 && r.status !== 'duplicate')) && (
        <tr className={`notes status-${r.status}`}>
          <td />
          <td colSpan={7}>
            {r.problems.map((p, i) => <div key={`p${i}`} className="problem">{p}</div>)}
            {r.status !== 'duplicate' && r.warnings.map((w, i) => <div key={`w${i}`} className="warning">{w}</div>)}
          </td>
        </tr>
      )}
    </>
  );
}

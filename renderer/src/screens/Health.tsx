import { useCallback, useEffect, useState } from 'react';
import type { BackupFile, BackupStatus, IntegrityReport, RestoreSummary } from '../../../shared/contract';
import { call } from '../api/client';
import { downloadFile, readBase64 } from '../fileBytes';
import { ErrorBox } from '../components/Field';
import { useConfirm } from '../components/ConfirmDialog';
import { useApp } from '../store';

const SPACED = { marginTop: '1.6rem' };

/**
 * Instellingen → Gegevens en back-ups: where the ledger is and how it is doing, the integrity check,
 * "Back-up maken", the copies on this computer with restore, restoring a file, and moving laptops.
 */
export function Health() {
  const { t, language, refreshInfo } = useApp();
  const h = t.health;
  const [confirmDialog, ask] = useConfirm();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [backups, setBackups] = useState<BackupFile[]>([]);
  const [report, setReport] = useState<IntegrityReport | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const when = (iso: string) => new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

  const load = useCallback(() => {
    Promise.all([call('backup.status', {}), call('backup.list', {})]).then(([s, l]) => { setStatus(s); setBackups(l); }, (e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);

  /** Runs one action at a time, with its outcome shown as a notice or an error. */
  async function act(name: string, fn: () => Promise<string | null>) {
    setBusy(name);
    setError(null);
    setNotice(null);
    try {
      const message = await fn();
      if (message) setNotice(message);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
      load();
    }
  }

  const afterRestore = async (summary: RestoreSummary, text: string) => {
    setReport(null);
    await refreshInfo();
    return text || h.restored(summary.counts.debtors, summary.counts.invoices, summary.keptAside);
  };

  const createBackup = () => act('create', async () => {
    const file = await call('backup.create', {});
    downloadFile(file);
    return h.created(file.fileName);
  });

  const checkIntegrity = () => act('check', async () => {
    setReport(await call('backup.checkIntegrity', {}));
    return null;
  });

  const restoreCopy = async (b: BackupFile) => {
    if (!(await ask({ title: h.restoreTitle, message: h.restoreConfirm(when(b.createdAt)), confirmLabel: h.restore, danger: true }))) return;
    void act('restore', async () => afterRestore(await call('backup.restore', { fileName: b.fileName }), ''));
  };

  const restoreFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file || !(await ask({ title: h.restoreFile, message: h.restoreFileConfirm(file.name), confirmLabel: h.restore, danger: true }))) return;
    void act('restore', async () => afterRestore(await call('backup.restore', { dataBase64: await readBase64(file) }), ''));
  };

  const exportAll = () => act('export', async () => {
    const file = await call('backup.exportAll', {});
    downloadFile(file);
    return h.exported(file.fileName);
  });

  const importAll = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file || !(await ask({ title: h.importAll, message: h.importConfirm(file.name), confirmLabel: h.importYes, danger: true }))) return;
    void act('import', async () => {
      const summary = await call('backup.importAll', { dataBase64: await readBase64(file) });
      return afterRestore(summary, h.imported(summary.counts.debtors, summary.counts.invoices));
    });
  };

  const problems = report && !report.ok ? [
    ...(report.integrity.length === 1 && report.integrity[0] === 'ok' ? [] : [h.problemIntegrity(report.integrity.slice(0, 3).join('; '))]),
    ...(report.foreignKeyProblems ? [h.problemReferences(report.foreignKeyProblems)] : []),
    ...(report.balanceProblems ? [h.problemBalances(report.balanceProblems)] : []),
    ...(report.documentProblems.length ? [h.problemDocuments(report.documentProblems.map((d) => d.fileName).join(', '))] : []),
  ] : [];

  return (
    <section className="panel health" aria-label={h.title}>
      <h2>{h.title}</h2>
      <p className="muted">{h.intro}</p>
      {confirmDialog}
      {status && (
        <div className="about"><dl>
          <dt>{h.location}</dt><dd><code data-testid="health-database">{status.databaseFile}</code></dd>
          <dt>{h.size}</dt><dd data-testid="health-size">{h.formatSize(status.databaseBytes)}</dd>
          <dt>{h.lastBackup}</dt><dd data-testid="health-last">{status.lastBackup ? `${when(status.lastBackup.createdAt)} (${h.kinds[status.lastBackup.kind]})` : h.never}</dd>
          <dt>{h.version}</dt><dd>{status.appVersion} ({h.schema} {status.schemaVersion})</dd>
          <dt>{h.folder}</dt><dd><code>{status.backupsDir}</code></dd>
        </dl></div>
      )}
      <ErrorBox message={error} />
      {notice && <p className="ok" role="status">{notice}</p>}
      {busy && <p className="muted" role="status">{busy === 'check' ? h.checking : h.busy}</p>}
      <div className="actions">
        <button className="primary" disabled={!!busy} onClick={() => void createBackup()} title={h.createHint}>{h.create}</button>
        <button disabled={!!busy} onClick={() => void checkIntegrity()}>{h.check}</button>
      </div>
      {report && (report.ok
        ? <p className="ok" data-testid="integrity-report">{h.checkOk(report.documentsChecked)}</p>
        : <div className="error-box" role="alert" data-testid="integrity-report">{h.checkProblems}<ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul></div>)}

      <h3 style={SPACED}>{h.listTitle}</h3>
      <p className="muted">{h.listIntro}</p>
      {backups.length === 0 ? <p className="muted">{h.empty}</p> : (
        <table data-testid="backup-list">
          <thead><tr><th>{h.columns.date}</th><th>{h.columns.kind}</th><th className="num">{h.columns.size}</th><th /></tr></thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.fileName} data-testid="backup-row">
                <td>{when(b.createdAt)}</td>
                <td>{h.kinds[b.kind]}{b.detail ? <small className="muted"> ({b.detail})</small> : null}</td>
                <td className="num">{h.formatSize(b.sizeBytes)}</td>
                <td><button disabled={!!busy} onClick={() => void restoreCopy(b)}>{h.restore}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <label className="field" style={{ marginTop: '1rem' }}>
        <span className="field-label">{h.restoreFile}</span>
        <input type="file" accept=".sqlite,.db,application/vnd.sqlite3,application/octet-stream" disabled={!!busy} onChange={(e) => void restoreFile(e.currentTarget)} />
        <span className="field-hint">{h.restoreFileHint}</span>
      </label>
      <p className="muted">{h.forgottenNote}</p>

      <h3 style={SPACED}>{h.moveTitle}</h3>
      <p className="muted">{h.moveIntro}</p>
      <div className="actions">
        <button disabled={!!busy} onClick={() => void exportAll()}>{h.exportAll}</button>
      </div>
      <label className="field">
        <span className="field-label">{h.importAll}</span>
        <input type="file" accept=".zip,application/zip" disabled={!!busy} onChange={(e) => void importAll(e.currentTarget)} />
      </label>
    </section>
  );
}

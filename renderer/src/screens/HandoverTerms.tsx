import { useCallback, useEffect, useState } from 'react';
import type { TermsFile } from '../../../shared/contract';
import { call } from '../api/client';
import { downloadFile, readBase64 } from '../fileBytes';
import { ErrorBox } from '../components/Field';
import { date } from '../format';
import { useApp } from '../store';

/** Instellingen: the algemene voorwaarden (PDF) that go into every dossier for an incassobureau. */
export function HandoverTerms() {
  const t = useApp((s) => s.t);
  const h = t.handover;
  const [terms, setTerms] = useState<TermsFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const load = useCallback(() => { void call('business.getTerms', {}).then(setTerms, (e: Error) => setError(e.message)); }, []);
  useEffect(load, [load]);

  async function upload(file: File | undefined) {
    if (!file) return;
    setError(null);
    setSaved(false);
    try {
      await call('business.saveTerms', { fileName: file.name, dataBase64: await readBase64(file) });
      setSaved(true);
      load();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <section className="panel" aria-label={h.termsTitle}>
      <h2>{h.termsTitle}</h2>
      <p className="muted">{h.termsIntro}</p>
      <ErrorBox message={error} />
      <p data-testid="terms-current">
        {terms ? h.termsCurrent(terms.fileName, date(terms.savedAt.slice(0, 10))) : h.termsNone}
        {terms && <> <button type="button" className="link" onClick={() => downloadFile(terms)}>{h.termsView}</button></>}
      </p>
      <label className="field">
        <span className="field-label">{h.termsUpload}</span>
        <input type="file" accept="application/pdf,.pdf" onChange={(e) => void upload(e.target.files?.[0])} />
      </label>
      {saved && <p className="ok">{h.termsSaved}</p>}
    </section>
  );
}

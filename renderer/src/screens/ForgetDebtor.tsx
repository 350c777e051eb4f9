import { useState } from 'react';
import { call } from '../api/client';
import { ErrorBox } from '../components/Field';
import { useApp } from '../store';

/**
 * On the debtor page: forgetting a customer on their request (AVG art. 17), with what goes, what
 * stays and why (the rule itself: electron/core/backup/forget.ts). Collapsed until opened.
 */
export function ForgetDebtor({ id, onDone }: { id: number; onDone: () => void }) {
  const f = useApp((s) => s.t.forget);
  const [open, setOpen] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function forget() {
    setBusy(true);
    setError(null);
    try {
      const summary = await call('debtors.forget', { id });
      setDone(f.done(summary.name));
      setOpen(false);
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <div className="forget">
        {done && <p className="ok" role="status">{done}</p>}
        <button className="link" onClick={() => { setOpen(true); setUnderstood(false); setError(null); }}>{f.button}</button>
      </div>
    );
  }
  return (
    <section className="panel forget" aria-label={f.title}>
      <h2>{f.title}</h2>
      <p>{f.intro}</p>
      <h3>{f.goesTitle}</h3>
      <ul>{f.goes.map((line) => <li key={line}>{line}</li>)}</ul>
      <h3>{f.staysTitle}</h3>
      <ul>{f.stays.map((line) => <li key={line}>{line}</li>)}</ul>
      <p className="muted">{f.blockedNote}</p>
      <ErrorBox message={error} />
      <label className="checkbox">
        <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} /> {f.understand}
      </label>
      <div className="actions">
        <button className="danger primary" disabled={!understood || busy} onClick={() => void forget()}>{f.confirm}</button>
        <button onClick={() => setOpen(false)}>{f.cancel}</button>
      </div>
    </section>
  );
}

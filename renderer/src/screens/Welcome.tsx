import { useState } from 'react';
import { call } from '../api/client';
import { ErrorBox } from '../components/Field';
import { useApp } from '../store';

/** The home screen: what Openstaand is, and the first step. */
export function Welcome() {
  const { t, info, navigate, refreshInfo } = useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function startDemo() {
    setBusy(true);
    try {
      await call('setup.loadDemo', {});
      await refreshInfo();
      navigate({ name: 'debtors' });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="welcome">
      <h1>{t.welcome.title}</h1>
      <p className="lead">{t.tagline}</p>
      <p>{t.welcome.intro}</p>
      <h2>{t.welcome.stepsTitle}</h2>
      <ol className="journey">
        {t.welcome.steps.map(([title, text]) => (
          <li key={title}><strong>{title}</strong><span>{text}</span></li>
        ))}
      </ol>
      {info?.started ? (
        <button className="primary" onClick={() => navigate({ name: 'debtors' })}>{t.welcome.continue}</button>
      ) : (
        <>
          <h2>{t.welcome.chooseTitle}</h2>
          <ErrorBox message={error} />
          <div className="choices">
            <div className="choice">
              <button className="primary" disabled={busy} onClick={startDemo}>{t.welcome.demo}</button>
              <p>{t.welcome.demoHint}</p>
            </div>
            <div className="choice">
              <button disabled={busy} onClick={() => navigate({ name: 'setup' })}>{t.welcome.own}</button>
              <p>{t.welcome.ownHint}</p>
            </div>
            <div className="choice">
              <button disabled={busy} onClick={() => { navigate({ name: 'settings' }); setTimeout(() => document.querySelector('.health')?.scrollIntoView(), 50); }}>{t.health.welcomeMove}</button>
              <p>{t.health.welcomeMoveHint}</p>
            </div>
          </div>
        </>
      )}
    </main>
  );
}

import { useEffect } from 'react';
import { call } from './api/client';
import { useApp } from './store';
import { BusinessForm } from './screens/BusinessForm';
import { DebtorPage } from './screens/DebtorPage';
import { Debtors } from './screens/Debtors';
import { InterestCalculator } from './screens/InterestCalculator';
import { Settings } from './screens/Settings';
import { Welcome } from './screens/Welcome';

export function App() {
  const { t, route, info, navigate, refreshInfo, language, setLanguage } = useApp();

  useEffect(() => {
    document.documentElement.lang = language;
    void refreshInfo().then((i) => {
      // Once there is data, the app opens on the work list rather than the welcome.
      if (i.hasDebtors && useApp.getState().route.name === 'home' && !location.hash) navigate({ name: 'debtors' });
    });
  }, [refreshInfo, navigate, language]);

  const nav = (name: 'home' | 'debtors' | 'settings' | 'interest', label: string) => (
    <button className={route.name === name || (name === 'debtors' && route.name === 'debtor') ? 'active' : ''} onClick={() => navigate({ name })}>{label}</button>
  );

  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">{t.appName}</span>
        <nav>
          {nav('home', t.nav.home)}
          {info?.started && nav('debtors', t.nav.debtors)}
          {info?.started && nav('interest', t.nav.interest)}
          {info?.started && nav('settings', t.nav.settings)}
        </nav>
        <button className="lang" onClick={() => setLanguage(language === 'nl' ? 'en' : 'nl')}>{t.language}</button>
      </header>
      {info?.demo && (
        <div className="demo-banner" role="status">
          {t.demoBanner}{' '}
          <button className="link" onClick={async () => { if (confirm(t.demoRemoveConfirm)) { await call('setup.removeDemo', {}); const i = await refreshInfo(); navigate(i.started ? { name: 'debtors' } : { name: 'home' }); } }}>{t.demoRemove}</button>
        </div>
      )}
      {route.name === 'home' && <Welcome />}
      {route.name === 'setup' && <main><BusinessForm onSaved={() => void refreshInfo().then(() => navigate({ name: 'debtors' }))} /></main>}
      {route.name === 'debtors' && <Debtors />}
      {route.name === 'debtor' && <DebtorPage key={route.id} id={route.id} />}
      {route.name === 'settings' && <Settings />}
      {route.name === 'interest' && <InterestCalculator />}
    </div>
  );
}

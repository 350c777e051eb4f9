import { useEffect } from 'react';
import { call } from './api/client';
import { useApp } from './store';
import { useConfirm } from './components/ConfirmDialog';
import { BusinessForm } from './screens/BusinessForm';
import { DebtorPage } from './screens/DebtorPage';
import { HandoverPage } from './screens/HandoverPage';
import { Debtors } from './screens/Debtors';
import { InterestCalculator } from './screens/InterestCalculator';
import { Import } from './screens/Import';
import { Insights } from './screens/Insights';
import { Letters } from './screens/Letters';
import { Settings } from './screens/Settings';
import { Welcome } from './screens/Welcome';
import { Today } from './screens/Today';
import { CallSheet } from './screens/workflow/CallSheet';
import { ReminderDraft } from './screens/workflow/ReminderDraft';
import { Templates } from './screens/workflow/Templates';

export function App() {
  const { t, route, info, navigate, refreshInfo, language, setLanguage } = useApp();
  const [confirmDialog, ask] = useConfirm();

  useEffect(() => {
    document.documentElement.lang = language;
    void refreshInfo().then((i) => {
      // Once there is data, the app opens on the work list rather than the welcome.
      if (i.hasDebtors && useApp.getState().route.name === 'home' && !location.hash) navigate({ name: 'today' });
    });
  }, [refreshInfo, navigate, language]);

  const nav = (name: 'today' | 'home' | 'debtors' | 'settings' | 'interest' | 'letters' | 'insights' | 'imports', label: string) => (
    <button className={route.name === name || (name === 'debtors' && (route.name === 'debtor' || route.name === 'handover'))
      || (name === 'today' && (route.name === 'draft' || route.name === 'call')) || (name === 'settings' && route.name === 'templates') ? 'active' : ''} onClick={() => navigate({ name })}>{label}</button>
  );

  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">{t.appName}</span>
        <nav>
          {info?.started && nav('today', t.workflow.nav.today)}
          {nav('home', t.nav.home)}
          {info?.started && nav('debtors', t.nav.debtors)}
          {info?.started && nav('letters', t.letters.nav)}
          {info?.started && nav('insights', t.nav.insights)}
          {info?.started && nav('imports', t.nav.imports)}
          {info?.started && nav('interest', t.nav.interest)}
          {info?.started && nav('settings', t.nav.settings)}
        </nav>
        <button className="lang" onClick={() => setLanguage(language === 'nl' ? 'en' : 'nl')}>{t.language}</button>
      </header>
      {info?.demo && (
        <div className="demo-banner" role="status">
          {t.demoBanner}{' '}
          <button className="link" onClick={async () => { if (await ask({ title: t.demoRemove, message: t.demoRemoveConfirm, confirmLabel: t.demoRemoveYes, danger: true })) { await call('setup.removeDemo', {}); const i = await refreshInfo(); navigate(i.started ? { name: 'debtors' } : { name: 'home' }); } }}>{t.demoRemove}</button>
        </div>
      )}
      {route.name === 'home' && <Welcome />}
      {route.name === 'setup' && <main><BusinessForm onSaved={() => void refreshInfo().then(() => navigate({ name: 'debtors' }))} /></main>}
      {route.name === 'debtors' && <Debtors />}
      {route.name === 'debtor' && <DebtorPage key={route.id} id={route.id} />}
      {route.name === 'handover' && <HandoverPage key={route.id} debtorId={route.id} />}
      {route.name === 'settings' && <Settings />}
      {route.name === 'interest' && <InterestCalculator />}
      {route.name === 'imports' && <Import />}
      {route.name === 'insights' && <Insights />}
      {route.name === 'letters' && <Letters />}
      {route.name === 'today' && <Today />}
      {route.name === 'draft' && <ReminderDraft key={`${route.debtorId}-${route.step}-${route.callEventId ?? ''}`} debtorId={route.debtorId} step={route.step} callEventId={route.callEventId} />}
      {route.name === 'call' && <CallSheet key={route.debtorId} debtorId={route.debtorId} />}
      {route.name === 'templates' && <Templates />}
      {confirmDialog}
    </div>
  );
}

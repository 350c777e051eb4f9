import { call } from '../api/client';
import { useApp } from '../store';
import { useConfirm } from '../components/ConfirmDialog';
import { BusinessForm } from './BusinessForm';
import { Health } from './Health';
import { PlanSettings } from './workflow/PlanSettings';
import { HandoverTerms } from './HandoverTerms';

export function Settings() {
  const { t, info, refreshInfo, navigate } = useApp();
  const [confirmDialog, ask] = useConfirm();
  return (
    <main className="settings">
      <h1>{t.settings.title}</h1>
      <BusinessForm onSaved={() => void refreshInfo()} />
      {info?.started && <PlanSettings />}
      {info?.started && <HandoverTerms />}
      {info?.demo && (
        <section className="panel">
          <h2>{t.settings.demoTitle}</h2>
          <p>{t.settings.demoIntro}</p>
          <button onClick={async () => { if (await ask({ title: t.demoRemove, message: t.demoRemoveConfirm, confirmLabel: t.demoRemoveYes, danger: true })) { await call('setup.removeDemo', {}); const i = await refreshInfo(); navigate(i.started ? { name: 'debtors' } : { name: 'home' }); } }}>{t.demoRemove}</button>
          {confirmDialog}
        </section>
      )}
      <Health />
      <section className="panel about">
        <h2>{t.settings.about}</h2>
        <dl><dt>{t.settings.version}</dt><dd>{info?.appVersion} (schema {info?.schemaVersion})</dd><dt>{t.settings.dataDir}</dt><dd><code>{info?.dataDir}</code></dd></dl>
      </section>
    </main>
  );
}

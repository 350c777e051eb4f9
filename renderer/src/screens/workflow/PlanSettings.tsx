import { useEffect, useState } from 'react';
import type { Ladder, Tone, WorkflowStep } from '../../../../shared/domain/workflow';
import { tones, workflowSteps } from '../../../../shared/domain/workflow';
import { call, errorText } from '../../api/client';
import { ErrorBox, Field } from '../../components/Field';
import { useApp } from '../../store';
import '../../workflow.css';

/** The steps of a ladder with their switches and offsets; used for the business and for one customer. */
export function LadderEditor({ ladder, onChange, errors = {} }: { ladder: Ladder; onChange: (l: Ladder) => void; errors?: Record<string, string> }) {
  const t = useApp((s) => s.t);
  const w = t.workflow;
  const unit = (s: WorkflowStep) => (s === 'nudge' ? w.plan.before : s === 'handover' ? w.plan.afterTerm : w.plan.after);
  const set = (s: WorkflowStep, patch: Partial<Ladder[WorkflowStep]>) => onChange({ ...ladder, [s]: { ...ladder[s], ...patch } });
  return (
    <>
      <table className="plan-table">
        <thead><tr><th>{w.plan.enabled}</th><th /><th>{w.plan.days}</th><th /></tr></thead>
        <tbody>
          {workflowSteps.map((s) => (
            <tr key={s} data-testid={`plan-${s}`}>
              <td><input type="checkbox" aria-label={`${w.steps[s]}: ${w.plan.enabled}`} checked={ladder[s].enabled} onChange={(e) => set(s, { enabled: e.target.checked })} /></td>
              <td>{w.steps[s]}</td>
              <td>
                <input type="number" aria-label={`${w.steps[s]}: ${w.plan.days}`} value={s === 'nudge' ? -ladder[s].days : ladder[s].days} min={s === 'nudge' ? 0 : 1}
                  onChange={(e) => set(s, { days: s === 'nudge' ? -Number(e.target.value) : Number(e.target.value) })} />
              </td>
              <td className="muted">{unit(s)}{errors[`ladder.${s}.days`] || errors[`${s}.days`] ? <span className="field-error"> {errors[`ladder.${s}.days`] ?? errors[`${s}.days`]}</span> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="grid">
        <Field label={w.plan.finalTerm} hint={w.plan.finalTermHint}>
          <input type="number" min={1} value={ladder.finalTermWorkingDays} onChange={(e) => onChange({ ...ladder, finalTermWorkingDays: Number(e.target.value) })} />
        </Field>
        <Field label={w.plan.grace}>
          <input type="number" min={0} value={ladder.promiseGraceWorkingDays} onChange={(e) => onChange({ ...ladder, promiseGraceWorkingDays: Number(e.target.value) })} />
        </Field>
        <Field label={t.arrangements.planSettingDays}>
          <input type="number" min={0} max={14} value={ladder.installmentReminderDays} onChange={(e) => onChange({ ...ladder, installmentReminderDays: Number(e.target.value) })} />
        </Field>
      </div>
    </>
  );
}

/** Instellingen → Herinneringsplan: the business's ladder and default tone, and the way to the templates. */
export function PlanSettings() {
  const { t, navigate, language } = useApp();
  const w = t.workflow;
  const [ladder, setLadder] = useState<Ladder | null>(null);
  const [tone, setTone] = useState<Tone>('vriendelijk');
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    call('workflow.settings', {}).then((s) => { setLadder(s.ladder); setTone(s.defaultTone); }, (e: unknown) => setError(errorText(e, language)));
  }, [language]);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    setErrors({});
    setSaved(false);
    try {
      const s = await call('workflow.saveSettings', { ladder: ladder!, defaultTone: tone });
      setLadder(s.ladder);
      setSaved(true);
    } catch (err) {
      setErrors((err as { error?: { fields?: Record<string, string> } }).error?.fields ?? {});
      setError(errorText(err, language));
    }
  }

  return (
    <form className="panel form" aria-label={w.plan.title} onSubmit={save}>
      <h2>{w.plan.title}</h2>
      <p className="hint-text">{w.plan.intro}</p>
      <ErrorBox message={error} />
      {ladder && <LadderEditor ladder={ladder} onChange={(l) => { setLadder(l); setSaved(false); }} errors={errors} />}
      <div className="grid">
        <Field label={w.plan.defaultTone}>
          <select value={tone} onChange={(e) => { setTone(e.target.value as Tone); setSaved(false); }}>{tones.map((x) => <option key={x} value={x}>{w.tones[x]}</option>)}</select>
        </Field>
      </div>
      <div className="actions">
        <button className="primary" type="submit" disabled={!ladder}>{w.plan.save}</button>
        <button type="button" onClick={() => navigate({ name: 'templates' })}>{w.plan.templatesLink}</button>
        {saved && <span className="ok">{w.plan.saved}</span>}
      </div>
    </form>
  );
}

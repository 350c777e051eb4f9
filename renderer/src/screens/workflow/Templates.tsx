import { useEffect, useMemo, useRef, useState } from 'react';
import type { TemplateSample } from '../../../../shared/contract';
import type { MailStep, MailTemplate, Tone } from '../../../../shared/domain/workflow';
import { mailSteps, tones } from '../../../../shared/domain/workflow';
import { renderTemplate, TEMPLATE_VARIABLE_NAMES, TEMPLATE_VARIABLES, unknownVariables } from '../../../../shared/workflow/render';
import { call, errorText } from '../../api/client';
import { ErrorBox, Field } from '../../components/Field';
import { useApp } from '../../store';
import '../../workflow.css';

/** `€ 370,00` never breaks after the euro sign in the preview. */
const keepAmounts = (text: string) => text.replace(/€ (?=\d)/g, '€\u00a0');

/** Instellingen → Sjablonen: every mail text per step, language and tone, with a live preview on a real customer. */
export function Templates() {
  const { t, navigate, language: uiLanguage } = useApp();
  const w = t.workflow;
  const tt = w.templates;
  const [templates, setTemplates] = useState<MailTemplate[] | null>(null);
  const [step, setStep] = useState<MailStep>('reminder-1');
  const [language, setLanguage] = useState<'nl' | 'en'>('nl');
  const [tone, setTone] = useState<Tone>('vriendelijk');
  /** What the user typed for the template on screen (key = step|language|tone); otherwise the stored text. */
  const [edit, setEdit] = useState<{ key: string; subject: string; body: string } | null>(null);
  const [sample, setSample] = useState<TemplateSample | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    call('templates.list', {}).then(setTemplates, (e: unknown) => setError(errorText(e, uiLanguage)));
  }, [uiLanguage]);
  useEffect(() => {
    call('templates.sample', { step, language }).then(setSample, () => setSample(null));
  }, [step, language]);

  const current = useMemo(() => templates?.find((x) => x.step === step && x.language === language && x.tone === tone) ?? null, [templates, step, language, tone]);
  const key = `${step}|${language}|${tone}`;
  const subject = edit?.key === key ? edit.subject : current?.subject ?? '';
  const body = edit?.key === key ? edit.body : current?.body ?? '';
  const setSubject = (value: string) => { setEdit({ key, subject: value, body }); setSaved(false); };
  const setBody = (update: (b: string) => string) => { setEdit({ key, subject, body: update(body) }); setSaved(false); };

  if (!templates) return <main>{error ? <ErrorBox message={error} /> : <p className="muted">{t.common.loading}</p>}</main>;

  const replace = (updated: MailTemplate) => setTemplates((list) => list!.map((x) => (x.step === updated.step && x.language === updated.language && x.tone === updated.tone ? updated : x)));
  const save = async () => {
    setError(null);
    try { replace(await call('templates.save', { step, language, tone, subject, body })); setEdit(null); setSaved(true); } catch (e) { setError(errorText(e, uiLanguage)); }
  };
  const reset = async () => {
    setError(null);
    try { replace(await call('templates.reset', { step, language, tone })); setEdit(null); setSaved(false); } catch (e) { setError(errorText(e, uiLanguage)); }
  };
  const insert = (name: string) => {
    const area = bodyRef.current;
    const token = `{{${name}}}`;
    if (!area) { setBody((b) => b + token); return; }
    const { selectionStart: start, selectionEnd: end } = area;
    setBody((b) => b.slice(0, start) + token + b.slice(end));
    requestAnimationFrame(() => { area.focus(); area.setSelectionRange(start + token.length, start + token.length); });
  };
  const unknown = unknownVariables(`${subject}\n${body}`, TEMPLATE_VARIABLE_NAMES);
  const visible = TEMPLATE_VARIABLES.filter((v) => !v.steps || v.steps.includes(step));
  const variables = sample?.variables ?? {};

  return (
    <main className="templates">
      <button className="link" onClick={() => navigate({ name: 'settings' })}>← {t.settings.title}</button>
      <h1>{tt.title}</h1>
      <p className="intro">{tt.intro}</p>
      <ErrorBox message={error} />
      <div className="template-pickers">
        <Field label={tt.step}>
          <select value={step} onChange={(e) => setStep(e.target.value as MailStep)}>{mailSteps.map((s) => <option key={s} value={s}>{w.steps[s]}</option>)}</select>
        </Field>
        <Field label={tt.language}>
          <select value={language} onChange={(e) => setLanguage(e.target.value as 'nl' | 'en')}>{(['nl', 'en'] as const).map((l) => <option key={l} value={l}>{tt.languages[l]}</option>)}</select>
        </Field>
        <Field label={tt.tone}>
          <select value={tone} onChange={(e) => setTone(e.target.value as Tone)}>{tones.map((x) => <option key={x} value={x}>{w.tones[x]}</option>)}</select>
        </Field>
        <span className={`flag${current?.edited ? ' promise' : ''}`}>{current?.edited ? tt.edited : tt.standard}</span>
      </div>
      <div className="templates-layout">
        <form className="panel form" aria-label={tt.title} onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <Field label={tt.subject}><input value={subject} onChange={(e) => setSubject(e.target.value)} /></Field>
          <Field label={tt.body}><textarea ref={bodyRef} value={body} onChange={(e) => { const v = e.target.value; setBody(() => v); }} /></Field>
          {unknown.length > 0 && <p className="field-error" role="alert">{tt.unknown(unknown.map((n) => `{{${n}}}`).join(', '))}</p>}
          <div className="actions">
            <button className="primary" type="submit">{tt.save}</button>
            {current?.edited && <button type="button" onClick={() => void reset()}>{tt.reset}</button>}
            {saved && <span className="ok">{tt.saved}</span>}
          </div>
        </form>
        <aside>
          <section className="panel">
            <h3>{tt.variables}</h3>
            <p className="hint-text">{tt.variablesHint}</p>
            <div className="variables">
              {visible.map((v) => <button key={v.name} type="button" title={uiLanguage === 'en' ? v.en : v.nl} onClick={() => insert(v.name)}>{`{{${v.name}}}`}</button>)}
            </div>
          </section>
          <section className="panel">
            <h3>{tt.preview} <small className="muted">{sample ? tt.previewWith(sample.debtorName) : ''}</small></h3>
            <div className="preview" data-testid="template-preview">
              <div className="preview-subject">{keepAmounts(renderTemplate(subject, variables))}</div>
              {keepAmounts(renderTemplate(body, variables))}
            </div>
          </section>
        </aside>
      </div>
    </main>
  );
}

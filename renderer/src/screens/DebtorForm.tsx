import type { Debtor } from '../../../shared/domain/ledger';
import { call } from '../api/client';
import { ErrorBox, Field } from '../components/Field';
import { useForm } from '../components/useForm';
import { useApp } from '../store';

const EMPTY = { kind: 'business', name: '', contactName: '', street: '', postcode: '', city: '', country: 'NL', email: '', phone: '', kvk: '', vatId: '', iban: '', language: 'nl', paymentTermDays: '', notes: '' };

function fromDebtor(d: Debtor): typeof EMPTY {
  return { kind: d.kind, name: d.name, contactName: d.contactName ?? '', street: d.street ?? '', postcode: d.postcode ?? '', city: d.city ?? '', country: d.country,
    email: d.email ?? '', phone: d.phone ?? '', kvk: d.kvk ?? '', vatId: d.vatId ?? '', iban: d.iban ?? '', language: d.language,
    paymentTermDays: d.paymentTermDays === null ? '' : String(d.paymentTermDays), notes: d.notes ?? '' };
}

/** New or edit customer, with the one-line reason why business/consumer matters. */
export function DebtorForm({ debtor, onDone }: { debtor?: Debtor; onDone: (d: Debtor | null) => void }) {
  const t = useApp((s) => s.t);
  const form = useForm(debtor ? fromDebtor(debtor) : EMPTY);
  const v = form.values;
  const f = form.fields;
  const d = t.debtor;

  async function save(e: React.FormEvent) {
    e.preventDefault();
    const input = {
      kind: v.kind as 'business' | 'consumer', name: v.name, contactName: v.contactName, street: v.street, postcode: v.postcode, city: v.city, country: v.country,
      email: v.email, phone: v.phone, kvk: v.kvk, vatId: v.vatId, iban: v.iban, language: v.language as 'nl' | 'en',
      paymentTermDays: v.paymentTermDays.trim() === '' ? null : Number(v.paymentTermDays), notes: v.notes,
    };
    const saved = await form.submit(() => (debtor ? call('debtors.update', { id: debtor.id, debtor: input }) : call('debtors.create', input)));
    if (saved) onDone(saved);
  }

  return (
    <form className="form panel" onSubmit={save} aria-label={debtor ? d.editTitle : d.newTitle}>
      <h2>{debtor ? d.editTitle : d.newTitle}</h2>
      <ErrorBox message={form.error} />
      <fieldset className="kind">
        <legend>{d.kind}</legend>
        {(['business', 'consumer'] as const).map((k) => (
          <label key={k} className="radio">
            <input type="radio" name="kind" value={k} checked={v.kind === k} onChange={() => form.setValues((x) => ({ ...x, kind: k }))} />
            <span><strong>{t.kind[k]}</strong> <small className="muted">{t.kindHint[k]}</small></span>
          </label>
        ))}
      </fieldset>
      <div className="grid">
        <Field label={d.name} error={f.name}><input {...form.bind('name')} /></Field>
        <Field label={d.contactName} error={f.contactName}><input {...form.bind('contactName')} /></Field>
        <Field label={d.email} error={f.email}><input {...form.bind('email')} type="email" /></Field>
        <Field label={d.phone} error={f.phone}><input {...form.bind('phone')} type="tel" /></Field>
        <Field label={d.street} error={f.street}><input {...form.bind('street')} /></Field>
        <Field label={d.postcode} error={f.postcode}><input {...form.bind('postcode')} /></Field>
        <Field label={d.city} error={f.city}><input {...form.bind('city')} /></Field>
        <Field label={d.country} error={f.country}><input {...form.bind('country')} maxLength={2} /></Field>
        {v.kind === 'business' && <Field label={d.kvk} error={f.kvk}><input {...form.bind('kvk')} inputMode="numeric" /></Field>}
        {v.kind === 'business' && <Field label={d.vatId} error={f.vatId}><input {...form.bind('vatId')} /></Field>}
        <Field label={d.iban} error={f.iban}><input {...form.bind('iban')} /></Field>
        <Field label={d.paymentTermDays} error={f.paymentTermDays} hint={d.paymentTermHint}><input {...form.bind('paymentTermDays')} type="number" min={0} max={365} /></Field>
        <Field label={d.language} error={f.language}>
          <select {...form.bind('language')}><option value="nl">Nederlands</option><option value="en">English</option></select>
        </Field>
        <Field label={d.notes} error={f.notes} wide><textarea {...form.bind('notes')} rows={2} /></Field>
      </div>
      <div className="actions">
        <button className="primary" type="submit" disabled={form.busy}>{debtor ? d.save : d.create}</button>
        <button type="button" onClick={() => onDone(null)}>{d.cancel}</button>
      </div>
    </form>
  );
}

import { useEffect, useState } from 'react';
import type { Business } from '../../../shared/domain/ledger';
import { call } from '../api/client';
import { ErrorBox, Field } from '../components/Field';
import { useForm } from '../components/useForm';
import { useApp } from '../store';

const EMPTY = { name: '', contactName: '', street: '', postcode: '', city: '', country: 'NL', email: '', phone: '', website: '', kvk: '', vatId: '', iban: '', bic: '', paymentTermDays: '30', canDeductVat: true as boolean };

function fromBusiness(b: Business): typeof EMPTY {
  return { name: b.name, contactName: b.contactName ?? '', street: b.street, postcode: b.postcode, city: b.city, country: b.country, email: b.email ?? '', phone: b.phone ?? '',
    website: b.website ?? '', kvk: b.kvk ?? '', vatId: b.vatId ?? '', iban: b.iban, bic: b.bic ?? '', paymentTermDays: String(b.paymentTermDays), canDeductVat: b.canDeductVat };
}

/** The user's own details: on first start ("Eigen administratie beginnen") and in Instellingen. */
export function BusinessForm({ onSaved }: { onSaved?: () => void }) {
  const t = useApp((s) => s.t);
  const form = useForm(EMPTY);
  const [saved, setSaved] = useState(false);
  const { setValues } = form;

  useEffect(() => {
    void call('business.get', {}).then((b) => { if (b) setValues(fromBusiness(b)); });
  }, [setValues]);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setSaved(false);
    const v = form.values;
    const result = await form.submit(() => call('business.save', {
      name: v.name, contactName: v.contactName, street: v.street, postcode: v.postcode, city: v.city, country: v.country,
      email: v.email, phone: v.phone, website: v.website, kvk: v.kvk, vatId: v.vatId, iban: v.iban, bic: v.bic,
      paymentTermDays: Number(v.paymentTermDays), canDeductVat: v.canDeductVat,
    }));
    if (result) { setSaved(true); onSaved?.(); }
  }

  const b = t.business;
  const f = form.fields;
  return (
    <form className="form" onSubmit={save} aria-label={b.title}>
      <h2>{b.title}</h2>
      <p className="muted">{b.intro}</p>
      <ErrorBox message={form.error} />
      <div className="grid">
        <Field label={b.name} error={f.name}><input {...form.bind('name')} autoComplete="organization" /></Field>
        <Field label={b.contactName} error={f.contactName}><input {...form.bind('contactName')} autoComplete="name" /></Field>
        <Field label={b.street} error={f.street}><input {...form.bind('street')} autoComplete="street-address" /></Field>
        <Field label={b.postcode} error={f.postcode}><input {...form.bind('postcode')} autoComplete="postal-code" /></Field>
        <Field label={b.city} error={f.city}><input {...form.bind('city')} /></Field>
        <Field label={b.email} error={f.email}><input {...form.bind('email')} type="email" /></Field>
        <Field label={b.phone} error={f.phone}><input {...form.bind('phone')} type="tel" /></Field>
        <Field label={b.kvk} error={f.kvk}><input {...form.bind('kvk')} inputMode="numeric" /></Field>
        <Field label={b.vatId} error={f.vatId}><input {...form.bind('vatId')} /></Field>
        <Field label={b.iban} error={f.iban}><input {...form.bind('iban')} /></Field>
        <Field label={b.bic} error={f.bic}><input {...form.bind('bic')} /></Field>
        <Field label={b.paymentTermDays} error={f.paymentTermDays}><input {...form.bind('paymentTermDays')} type="number" min={0} max={365} /></Field>
      </div>
      <label className="check">
        <input type="checkbox" checked={form.values.canDeductVat} onChange={(e) => form.setValues((v) => ({ ...v, canDeductVat: e.target.checked }))} />
        <span>{b.canDeductVat}<small className="muted"> — {b.canDeductVatHint}</small></span>
      </label>
      <div className="actions">
        <button className="primary" type="submit" disabled={form.busy}>{b.save}</button>
        {saved && <span className="ok" role="status">{b.saved}</span>}
      </div>
    </form>
  );
}

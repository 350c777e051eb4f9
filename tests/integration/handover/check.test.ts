// The ready-for-handover check: what is missing, in plain Dutch, per claim.
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/core/backend';
import { addEvent } from '../../../electron/core/ledger/events';
import { call, withBackend } from '../../helpers/backend';
import { addDays, createDebtor, createInvoice } from '../../helpers/ledger';
import { debtorByName } from './helpers';

const TODAY = '2026-11-24';

async function check(backend: Backend, debtorId: number) {
  const result = await call(backend, 'handover.check', { debtorId });
  const byId = Object.fromEntries(result.checks.map((c) => [c.id, c]));
  return { result, byId };
}

/** A consumer with one invoice 60 days overdue and two reminders; optionally a 14-day letter `letterAgo` days ago. */
async function consumerWithHistory(backend: Backend, letterAgo?: number) {
  await call(backend, 'business.save', { name: 'Studio Test', street: 'Teststraat 1', postcode: '3512 AB', city: 'Utrecht', iban: 'NL91ABNA0417164300' });
  const debtor = await createDebtor(backend, { kind: 'consumer', name: 'Sanne Consument', street: 'Laan 1', postcode: '3511 AA', city: 'Utrecht' });
  const invoice = await createInvoice(backend, debtor.id, { number: 'C-1', amount: 1_000_00, dueDate: addDays(TODAY, -60) });
  const ctx = backend.context;
  for (const ago of [50, 40]) {
    await addEvent(ctx, { debtorId: debtor.id, type: 'reminder.sent', occurredOn: addDays(TODAY, -ago), invoiceIds: [invoice.id], summary: 'Herinnering verstuurd', data: { channel: 'email' } });
  }
  if (letterAgo !== undefined) {
    await addEvent(ctx, { debtorId: debtor.id, type: 'letter.sent', occurredOn: addDays(TODAY, -letterAgo), invoiceIds: [invoice.id], summary: 'Veertiendagenbrief verstuurd', data: { letter: 'fourteen-day' } });
    await addEvent(ctx, { debtorId: debtor.id, type: 'registered.sent', occurredOn: addDays(TODAY, -letterAgo), invoiceIds: [invoice.id], summary: 'Aangetekend', data: { tracking: '3SABCD1234567' } });
  }
  return { debtor, invoice };
}

describe('handover.check', () => {
  it('a consumer without a veertiendagenbrief: a warning that says no costs are owed yet', async () => {
    const { backend } = await withBackend(TODAY);
    const { debtor } = await consumerWithHistory(backend);
    const { result, byId } = await check(backend, debtor.id);
    expect(result.ready).toBe(false);
    expect(byId['fourteen-day']).toMatchObject({ status: 'warning', message: expect.stringContaining('nog geen veertiendagenbrief verstuurd') });
    expect(byId['fourteen-day']!.messageEn).toMatch(/No 14-day letter/);
    expect(byId.due).toMatchObject({ status: 'ok' });
    expect(byId.reminders).toMatchObject({ status: 'ok', message: expect.stringContaining('2 herinneringen') });
    expect(result.claim.costs).toBe(0);
    expect(result.claim.principal).toBe(1_000_00);
  });

  it('a consumer whose veertiendagenbrief term has passed: ok, with the dates and the tracking code; the costs are in the claim', async () => {
    const { backend } = await withBackend(TODAY);
    const { debtor } = await consumerWithHistory(backend, 30);
    const { result, byId } = await check(backend, debtor.id);
    expect(byId['fourteen-day']!.status).toBe('ok');
    expect(byId['fourteen-day']!.message).toMatch(/Veertiendagenbrief verstuurd op 25-10-2026; de termijn liep tot en met \d\d-11-2026 en is verstreken\. Aangetekend verstuurd \(track & trace 3SABCD1234567\)/);
    // € 1.000 → 15 % = € 150.
    expect(result.claim.costs).toBe(150_00);
    expect(result.claim.total).toBe(result.claim.principal + result.claim.interest + 150_00);
  });

  it('a consumer whose letter term still runs (the demo\'s Kemal Özdemir): a warning naming the last day', async () => {
    const { backend } = await withBackend(TODAY);
    await call(backend, 'setup.loadDemo', {});
    const kemal = await debtorByName(backend, 'Kemal Özdemir');
    const { byId } = await check(backend, kemal.id);
    expect(byId['fourteen-day']).toMatchObject({ status: 'warning', message: expect.stringMatching(/verstuurd op 18-11-2026, maar de termijn loopt nog tot en met \d\d-12-2026/) });
  });

  it('a business needs no letter; an undocumented dispute, no reminders, an old claim and missing terms are warnings', async () => {
    const { backend } = await withBackend(TODAY);
    await call(backend, 'business.save', { name: 'Studio Test', street: 'Teststraat 1', postcode: '3512 AB', city: 'Utrecht', iban: 'NL91ABNA0417164300' });
    const debtor = await createDebtor(backend, { kind: 'business', name: 'Oud B.V.' });
    const invoice = await createInvoice(backend, debtor.id, { number: 'B-1', amount: 500_00, dueDate: '2025-09-30' });
    await createInvoice(backend, debtor.id, { number: 'B-2', amount: 100_00, dueDate: addDays(TODAY, 10) });
    backend.context.sqlite.prepare('UPDATE invoices SET disputed = 1 WHERE id = ?').run(invoice.id);
    const { result, byId } = await check(backend, debtor.id);
    expect(result.ready).toBe(false);
    expect(byId['fourteen-day']).toMatchObject({ status: 'ok', message: expect.stringContaining('niet nodig') });
    expect(byId.dispute).toMatchObject({ status: 'warning', message: expect.stringContaining('niet vastgelegd is waarom') });
    expect(byId.reminders).toMatchObject({ status: 'warning', message: expect.stringContaining('nog geen herinnering') });
    expect(byId.age).toMatchObject({ status: 'warning', message: expect.stringContaining('meer dan twaalf maanden') });
    expect(byId.terms).toMatchObject({ status: 'warning' });
    expect(byId.due).toMatchObject({ status: 'ok', message: expect.stringContaining('B-2 (vervalt 04-12-2026) is nog niet vervallen en gaat niet mee') });
    expect(result.claim.principal).toBe(500_00);
  });

  it('warns when the limitation date is less than three months away', async () => {
    const { backend } = await withBackend(TODAY);
    const debtor = await createDebtor(backend, { kind: 'business', name: 'Bijna Verjaard B.V.' });
    // Due 2022-01-31: the claim is time-barred after 2027-01-31, about two months from today.
    await createInvoice(backend, debtor.id, { number: 'V-1', amount: 300_00, dueDate: '2022-01-31' });
    const { byId } = await check(backend, debtor.id);
    expect(byId.limitation).toMatchObject({ status: 'warning', message: 'Factuur V-1 verjaart na 31-01-2027, binnen drie maanden. Stuit de verjaring met een schriftelijke aanmaning of draag snel over.' });
  });

  it('a documented dispute is ok (with a note), and a claim already with an agency is a warning', async () => {
    const { backend } = await withBackend(TODAY);
    await call(backend, 'setup.loadDemo', {});
    const smit = await debtorByName(backend, 'Architectenbureau Smit');
    const { byId } = await check(backend, smit.id);
    expect(byId.dispute).toMatchObject({ status: 'ok', message: expect.stringContaining('het geschil is vastgelegd') });
    const mulder = await debtorByName(backend, 'Bouwbedrijf Mulder B.V.');
    const m = await check(backend, mulder.id);
    expect(m.byId.agency).toMatchObject({ status: 'warning', message: expect.stringContaining('al overgedragen aan Incassobureau Voorbeeld (demo)') });
  });
});

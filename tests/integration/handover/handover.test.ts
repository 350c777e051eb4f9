// Recording a handover, payments via the agency (gross allocated, fee kept apart), closing it.
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/core/backend';
import { call, failure, withBackend } from '../../helpers/backend';
import { debtorByName } from './helpers';

async function stageOf(backend: Backend, debtorId: number) {
  return (await call(backend, 'overview.get', {})).rows.find((r) => r.debtorId === debtorId)?.stage ?? null;
}

describe('handover.record', () => {
  it('records the handover with the exported dossier, remembers the agency, and the debtor is with the agency', async () => {
    const { backend } = await withBackend();
    await call(backend, 'setup.loadDemo', {});
    const kemal = await debtorByName(backend, 'Kemal Özdemir');
    expect(await stageOf(backend, kemal.id)).not.toBe('with-agency');
    const dossier = await call(backend, 'handover.exportDossier', { debtorId: kemal.id });

    const h = await call(backend, 'handover.record', {
      debtorId: kemal.id, agencyName: 'Incasso Utrecht B.V.', agencyEmail: 'intake@incasso-utrecht.example', reference: 'IU-7781',
      handedOverOn: '2026-11-24', termsKind: 'no-cure-no-pay', termsPercent: 15, dossierSha256: dossier.sha256,
    });
    expect(h).toMatchObject({ agencyName: 'Incasso Utrecht B.V.', reference: 'IU-7781', status: 'open', termsPercent: 15, claimed: 1_391_50,
      dossierSha256: dossier.sha256, dossierDocumentId: dossier.documentId, openAmount: 1_391_50 });
    expect(h.invoiceNumbers).toHaveLength(2);
    // The dossier kept with the handover is the exported one, byte for byte.
    const kept = await call(backend, 'handover.getDossier', { handoverId: h.id });
    expect(kept.dataBase64).toBe(dossier.dataBase64);

    expect(await stageOf(backend, kemal.id)).toBe('with-agency');
    const page = await call(backend, 'debtors.page', { id: kemal.id });
    expect(page.timeline[0]).toMatchObject({ type: 'handover.created', documentId: dossier.documentId });
    expect(page.timeline[0]!.summary).toContain('Overgedragen aan Incasso Utrecht B.V. (no cure no pay 15%), kenmerk IU-7781');

    const agencies = await call(backend, 'handover.agencies', {});
    expect(agencies[0]).toMatchObject({ name: 'Incasso Utrecht B.V.', email: 'intake@incasso-utrecht.example', termsKind: 'no-cure-no-pay', termsPercent: 15 });
    expect(agencies.map((a) => a.name)).toContain('Incassobureau Voorbeeld (demo)');

    // A second handover while one is open is refused; so is a dossier that was never exported.
    expect((await failure(backend, 'handover.record', { debtorId: kemal.id, agencyName: 'Ander bureau', handedOverOn: '2026-11-24', termsKind: 'other' })).code).toBe('conflict');
    const petra = await debtorByName(backend, 'Petra Jansen');
    expect(await failure(backend, 'handover.record', { debtorId: petra.id, agencyName: 'X', handedOverOn: '2026-11-24', termsKind: 'other', dossierSha256: 'a'.repeat(64) }))
      .toMatchObject({ code: 'not-found', message: expect.stringContaining('Exporteer het dossier opnieuw') });
  });

  it('without an exported dossier makes and keeps a fresh one; the agency is matched by name, whatever the case', async () => {
    const { backend } = await withBackend();
    await call(backend, 'setup.loadDemo', {});
    const petra = await debtorByName(backend, 'Petra Jansen');
    const h = await call(backend, 'handover.record', { debtorId: petra.id, agencyName: '  incassobureau   VOORBEELD (demo) ', handedOverOn: '2026-11-20', termsKind: 'fixed-fee', termsFee: 45_00 });
    expect(h.agencyName).toBe('Incassobureau Voorbeeld (demo)');
    expect(h.dossierSha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await call(backend, 'handover.agencies', {})).filter((a) => /voorbeeld/i.test(a.name))).toHaveLength(1);
    expect((await failure(backend, 'handover.record', { debtorId: petra.id, agencyName: 'X', handedOverOn: '2026-12-01', termsKind: 'other' })).fields?.handedOverOn).toBeDefined();
  });
});

describe('handover.update and takeBack', () => {
  it('a payment via the agency books the gross amount oldest first, keeps the fee apart, and settles the claim', async () => {
    const { backend } = await withBackend();
    await call(backend, 'setup.loadDemo', {});
    const kemal = await debtorByName(backend, 'Kemal Özdemir');
    const h = await call(backend, 'handover.record', { debtorId: kemal.id, agencyName: 'Incasso Utrecht B.V.', handedOverOn: '2026-11-20', termsKind: 'no-cure-no-pay', termsPercent: 15 });

    // A partial payment: € 500 collected, € 75 kept by the agency.
    const partial = await call(backend, 'handover.update', { handoverId: h.id, kind: 'partial', date: '2026-11-22', grossAmount: 500_00, agencyFee: 75_00 });
    expect(partial).toMatchObject({ status: 'partially-paid', openAmount: 891_50, collected: 500_00, fees: 75_00, netReceived: 425_00 });
    let page = await call(backend, 'debtors.page', { id: kemal.id });
    const p1 = page.payments.find((p) => p.method === 'agency')!;
    expect(p1).toMatchObject({ amount: 500_00, unallocated: 0 });
    // Oldest invoice first: 2026-115 (due 10-10) before 2026-116 (due 17-10).
    expect(p1.allocations).toEqual([{ invoiceId: expect.any(Number), invoiceNumber: expect.stringMatching(/-115$/), amount: 500_00 }]);
    const row = backend.context.sqlite.prepare('SELECT method, handover_id FROM payments WHERE id = ?').get(p1.id) as { method: string; handover_id: number };
    expect(row).toEqual({ method: 'agency', handover_id: h.id });
    expect(await stageOf(backend, kemal.id)).toBe('with-agency');

    // The rest, with interest and costs on top: € 891,50 principal + € 60 interest and costs.
    const settled = await call(backend, 'handover.update', { handoverId: h.id, kind: 'payment', date: '2026-11-24', grossAmount: 951_50, agencyFee: 142_73, note: 'Eindafrekening' });
    expect(settled).toMatchObject({ status: 'settled', closedOn: '2026-11-24', openAmount: 0, collected: 1_451_50, fees: 217_73, netReceived: 1_233_77 });
    const update = settled.updates.find((u) => u.kind === 'payment')!;
    expect(update).toMatchObject({ gross: 951_50, agencyFee: 142_73, net: 808_77, note: 'Eindafrekening' });
    page = await call(backend, 'debtors.page', { id: kemal.id });
    expect(page.invoices.every((i) => i.open === 0)).toBe(true);
    // The interest and costs the agency collected are not the debtor's credit.
    expect(page.credit).toBe(0);
    const event = page.timeline.find((e) => e.type === 'handover.payment')!;
    expect(event.data).toMatchObject({ gross: 951_50, allocated: 891_50, interestAndCosts: 60_00, agencyFee: 142_73, net: 808_77, handoverId: h.id });
    expect(page.timeline.some((e) => e.type === 'handover.settled')).toBe(true);
    expect(page.summary).toBeNull(); // nothing open: off the Debiteuren list

    expect((await failure(backend, 'handover.update', { handoverId: h.id, kind: 'partial', date: '2026-11-24', grossAmount: 1_00 })).code).toBe('forbidden');

    // Demo data, dossiers and agency payments included, still goes in one step.
    await call(backend, 'setup.removeDemo', {});
    expect(backend.context.sqlite.prepare("SELECT count(*) AS n FROM documents WHERE kind = 'dossier'").get()).toEqual({ n: 0 });
    expect(backend.context.sqlite.prepare('SELECT count(*) AS n FROM handovers').get()).toEqual({ n: 0 });
  });

  it('settles the demo\'s Mulder handover (recorded without an id in its event) and closes it', async () => {
    const { backend } = await withBackend();
    await call(backend, 'setup.loadDemo', {});
    const mulder = await debtorByName(backend, 'Bouwbedrijf Mulder B.V.');
    const [h] = await call(backend, 'handover.list', { debtorId: mulder.id });
    expect(h).toMatchObject({ status: 'open', agencyName: 'Incassobureau Voorbeeld (demo)', openAmount: 4_840_00 });
    const done = await call(backend, 'handover.update', { handoverId: h!.id, kind: 'settled', date: '2026-11-24', grossAmount: 4_840_00, agencyFee: 726_00 });
    expect(done).toMatchObject({ status: 'settled', openAmount: 0, netReceived: 4_114_00 });
    expect(await stageOf(backend, mulder.id)).toBeNull();
  });

  it('given up, returned and taken back close the handover and the claim returns to the normal workflow', async () => {
    const { backend } = await withBackend();
    await call(backend, 'setup.loadDemo', {});
    const mulder = await debtorByName(backend, 'Bouwbedrijf Mulder B.V.');
    const [h] = await call(backend, 'handover.list', { debtorId: mulder.id });
    const back = await call(backend, 'handover.takeBack', { handoverId: h!.id, note: 'Klant belde zelf' });
    expect(back).toMatchObject({ status: 'taken-back', closedOn: '2026-11-24', openAmount: 4_840_00 });
    expect(await stageOf(backend, mulder.id)).not.toBe('with-agency');
    expect((await call(backend, 'debtors.page', { id: mulder.id })).timeline[0]).toMatchObject({ type: 'handover.taken-back' });

    const again = await call(backend, 'handover.record', { debtorId: mulder.id, agencyName: 'Tweede Bureau', handedOverOn: '2026-11-24', termsKind: 'other' });
    const check = await call(backend, 'handover.check', { debtorId: mulder.id });
    expect(check.checks.find((c) => c.id === 'agency')!.status).toBe('warning');
    const given = await call(backend, 'handover.update', { handoverId: again.id, kind: 'given-up', date: '2026-11-24', agencyFee: 25_00, note: 'Failliet' });
    expect(given).toMatchObject({ status: 'given-up', closedOn: '2026-11-24', fees: 25_00 });
    expect(await stageOf(backend, mulder.id)).not.toBe('with-agency');

    const third = await call(backend, 'handover.record', { debtorId: mulder.id, agencyName: 'Derde Bureau', handedOverOn: '2026-11-24', termsKind: 'other' });
    expect((await call(backend, 'handover.update', { handoverId: third.id, kind: 'returned', date: '2026-11-24' })).status).toBe('returned');
    const list = await call(backend, 'handover.list', { debtorId: mulder.id });
    expect(list.map((x) => x.status).sort()).toEqual(['given-up', 'returned', 'taken-back']);
  });
});

describe('business.saveTerms / getTerms', () => {
  it('stores the algemene voorwaarden as a PDF document and refuses anything else', async () => {
    const { backend } = await withBackend();
    expect((await failure(backend, 'business.saveTerms', { fileName: 'av.pdf', dataBase64: Buffer.from('%PDF-1.4 x').toString('base64') })).code).toBe('forbidden');
    await call(backend, 'setup.loadDemo', {});
    expect(await call(backend, 'business.getTerms', {})).toBeNull();
    expect((await failure(backend, 'business.saveTerms', { fileName: 'av.docx', dataBase64: Buffer.from('PK...').toString('base64') })).message).toContain('geen PDF');
    const saved = await call(backend, 'business.saveTerms', { fileName: 'av.pdf', dataBase64: Buffer.from('%PDF-1.4 voorwaarden').toString('base64') });
    const terms = await call(backend, 'business.getTerms', {});
    expect(terms).toMatchObject({ fileName: 'av.pdf', sha256: saved.sha256, mimeType: 'application/pdf' });
    expect(Buffer.from(terms!.dataBase64, 'base64').toString()).toBe('%PDF-1.4 voorwaarden');
  });
});

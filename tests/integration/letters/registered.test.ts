// Registered mail: a PostNL track & trace code is validated and recorded as 'registered.sent'; for
// a veertiendagenbrief the day the costs become due follows from the actual posting date.
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/core/backend';
import { call, failure } from '../../helpers/backend';
import { consumer, invoice, ledger } from './lettersSetup';

async function producedFourteenDay() {
  const t = await ledger();
  const debtor = await consumer(t.b);
  const inv = await invoice(t.b, debtor.id, '2026-031', '2026-09-01', '2026-10-01', 891_50);
  const letter = await call(t.b, 'letters.produce', { debtorId: debtor.id, kind: 'fourteen-day' });
  return { ...t, debtor, inv, letter };
}

describe('registered mail', () => {
  it('records the tracking code (normalised) and exposes when the costs become due', async () => {
    const { b, letter, inv } = await producedFourteenDay();
    const result = await call(b, 'letters.registered', { documentId: letter.documentId, sentOn: '2026-11-24', trackingCode: '3s abcd 123 4567', emailCopy: true });
    expect(result).toMatchObject({ trackingCode: '3SABCD1234567', trackingKind: '3S', costsDueFrom: '2026-12-11', warnings: [] });
    const event = b.context.sqlite.prepare('SELECT type, occurred_on, document_id, data_json FROM events WHERE id = ?').get(result.eventId) as { type: string; occurred_on: string; document_id: number; data_json: string };
    expect(event).toMatchObject({ type: 'registered.sent', occurred_on: '2026-11-24', document_id: letter.documentId });
    expect(JSON.parse(event.data_json)).toMatchObject({ trackingCode: '3SABCD1234567', emailCopy: true, letter: 'fourteen-day', costsDueFrom: '2026-12-11', termValid: true, presumedDelivery: '2026-11-26' });
    const linked = b.context.sqlite.prepare('SELECT invoice_id FROM event_invoices WHERE event_id = ?').all(result.eventId);
    expect(linked).toEqual([{ invoice_id: inv.id }]);
    const [listed] = await call(b, 'letters.list', {});
    expect(listed!.registered).toEqual({ trackingCode: '3SABCD1234567', sentOn: '2026-11-24', emailCopy: true });
    expect(listed!.costsDueFrom).toBe('2026-12-11');
    // Once is enough: a second registered posting is a new letter.
    expect((await failure(b, 'letters.registered', { documentId: letter.documentId, sentOn: '2026-11-24', trackingCode: '3SABCD1234568' })).code).toBe('conflict');
  });

  it.each([
    ['3SABCD123456', 'too short (12)'],
    ['3SABCD1234567890', 'too long (16)'],
    ['ABCD1234567', 'no 3S'],
    ['3SABCDE1234567', 'customer code of five'],
    ['3SABCD12345X7', 'a letter in the serial'],
    ['RR123456789NL', 'S10 with a wrong check digit'],
    ['', 'empty'],
  ])('refuses %s (%s)', async (code) => {
    const { b, letter } = await producedFourteenDay();
    const error = await failure(b, 'letters.registered', { documentId: letter.documentId, sentOn: '2026-11-24', trackingCode: code });
    expect(error.code).toBe('invalid-input');
    expect(error.fields?.trackingCode).toContain('PostNL');
  });

  it('accepts a 15-character 3S code and a UPU S10 code with a valid check digit', async () => {
    for (const code of ['3SKLMN123456789', 'RR123456785NL']) {
      const { b, letter } = await producedFourteenDay();
      expect((await call(b, 'letters.registered', { documentId: letter.documentId, sentOn: '2026-11-24', trackingCode: code })).trackingCode).toBe(code);
    }
  });

  it('posted later than dated: the printed term may be too short, and then no costs date is given', async () => {
    const { b, dataDir, letter } = await producedFourteenDay();
    b.close();
    // Three days later (Friday): presumed delivery Tuesday 1-12, the term then runs to 15-12, the letter says 10-12.
    const later = await createBackend({ dataDir, today: '2026-11-27' });
    try {
      const result = await call(later, 'letters.registered', { documentId: letter.documentId, sentOn: '2026-11-27', trackingCode: '3SABCD7654321' });
      expect(result.costsDueFrom).toBeNull();
      expect(result.warnings[0]).toContain('loopt de wettelijke termijn tot en met 15-12-2026, maar in de brief staat 10-12-2026');
      expect(result.warnings[0]).toContain('stuur een nieuwe veertiendagenbrief');
      expect((await call(later, 'letters.list', {}))[0]!.costsDueFrom).toBeNull();
    } finally {
      later.close();
    }
  });

  it('refuses a posting date in the future or before the letter date', async () => {
    const { b, letter } = await producedFourteenDay();
    expect((await failure(b, 'letters.registered', { documentId: letter.documentId, sentOn: '2026-11-25', trackingCode: '3SABCD1234567' })).message).toContain('toekomst');
    expect((await failure(b, 'letters.registered', { documentId: letter.documentId, sentOn: '2026-11-23', trackingCode: '3SABCD1234567' })).message).toContain('niet eerder zijn verstuurd');
  });
});

// The other letters (herinnering, bevestiging betalingsregeling, vrije brief), the test print, the
// settings and the options per debtor. Every kind is also written to PNG
// (pdftoppm -r 60) in tests/.output/letters/ for a person to look at (not test-results/, which
// Playwright empties at the start of every run).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addEvent } from '../../../electron/core/ledger/events';
import { formatCents } from '../../../electron/core/letters/layout/format';
import { call, failure } from '../../helpers/backend';
import { decodeQrCodes, hasTool, pdfPageRaster, POPPLER_MISSING_REASON, removeTempFiles } from '../../unit/pdf/popplerTools';
import { businessDebtor, bytesOf, consumer, invoice, ledger, textOf } from './lettersSetup';

const poppler = hasTool('pdftotext');
afterAll(removeTempFiles);
const SHOTS = path.resolve(import.meta.dirname, '../../.output/letters');

/** Writes the pages as PNG (60 dpi) for review and answers how many were written. */
function savePng(name: string, bytes: Uint8Array): number {
  if (!poppler) return 0;
  fs.mkdirSync(SHOTS, { recursive: true });
  const pdf = path.join(SHOTS, `${name}.pdf`);
  fs.writeFileSync(pdf, bytes);
  spawnSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(SHOTS, name)]);
  return fs.readdirSync(SHOTS).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png')).length;
}

async function withPlan() {
  const t = await ledger();
  const debtor = await consumer(t.b);
  const a = await invoice(t.b, debtor.id, '2026-031', '2026-09-01', '2026-10-01', 900_00);
  const s = t.b.context.sqlite;
  const plan = s.prepare(`INSERT INTO payment_plans (debtor_id, principal_cents, interest_cents, costs_cents, total_cents, first_date, interval, status, acceleration_clause, created_at)
    VALUES (?, 90000, 1250, 0, 91250, '2026-12-01', 'month', 'active', 1, ?) RETURNING id`).get(debtor.id, new Date().toISOString()) as { id: number };
  [[1, '2026-12-01', 30_000], [2, '2027-01-01', 30_000], [3, '2027-02-01', 31_250]].forEach(([seq, due, amount]) =>
    s.prepare('INSERT INTO installments (plan_id, seq, due_date, amount_cents) VALUES (?, ?, ?, ?)').run(plan.id, seq, due, amount));
  await addEvent(t.b.context, { debtorId: debtor.id, type: 'arrangement.created', occurredOn: '2026-11-20', summary: 'Regeling', invoiceIds: [a.id], data: { planId: plan.id } });
  return { ...t, debtor, a, planId: plan.id };
}

describe('the other letters', () => {
  it('a reminder letter: friendly, the open amount, a date, the betalingskenmerk and an EPC QR code', async (ctx) => {
    ctx.skip(!poppler, POPPLER_MISSING_REASON);
    const { b } = await ledger();
    const d = await businessDebtor(b);
    const inv = await invoice(b, d.id, '2026-050', '2026-10-01', '2026-10-31', 1210_00);
    const letter = await call(b, 'letters.preview', { debtorId: d.id, kind: 'reminder' });
    const bytes = bytesOf(letter.dataBase64);
    savePng('reminder', bytes);
    const text = textOf(bytes);
    expect(text).toContain('Betreft: Herinnering factuur 2026-050');
    // One invoice: named in the text, no table, and the whole reminder fits on one page.
    expect(text).toContain('de betaling van factuur 2026-050 van 1 oktober 2026 (vervaldatum 31 oktober 2026) nog open');
    expect(letter.pages).toBe(1);
    expect(text).toContain(`Wilt u het openstaande bedrag van ${formatCents(1210_00)} uiterlijk op 1 december 2026 overmaken?`);
    expect(text).not.toContain('incassokosten');
    const kenmerk = inv.paymentReference.replace(/(\d)(?=(\d{4})+$)/g, '$1 ');
    expect(text).toContain(`Betalingskenmerk ${kenmerk}`);
    if (hasTool('zbarimg')) expect(decodeQrCodes(bytes)[0]).toContain(`EUR1210.00\n\n\n${inv.paymentReference}`);
  });

  it('confirms a payment plan from its rows: schedule, split, IBAN, acceleration clause, room to sign', async (ctx) => {
    ctx.skip(!poppler, POPPLER_MISSING_REASON);
    const { b, debtor, a, planId } = await withPlan();
    expect((await call(b, 'letters.options', { debtorId: debtor.id })).suggested).toBe('arrangement-confirmation');
    const letter = await call(b, 'letters.produce', { debtorId: debtor.id, kind: 'arrangement-confirmation' });
    savePng('arrangement-confirmation', bytesOf(letter.dataBase64));
    const text = textOf(bytesOf(letter.dataBase64));
    expect(letter.summary).toMatchObject({ letter: 'arrangement-confirmation', planId, totalDue: 912_50, lastDay: '2026-12-01' });
    expect(text).toContain('U betaalt in totaal € 912,50 in 3 termijnen, de eerste uiterlijk op 1 december 2026.');
    expect(text).toContain('Dit bedrag bestaat uit € 900,00 aan openstaande facturen en € 12,50 rente.');
    expect(text).toContain('Termijn 1: € 300,00, uiterlijk 1 december 2026 Termijn 2: € 300,00, uiterlijk 1 januari 2027 Termijn 3: € 312,50, uiterlijk 1 februari 2027');
    expect(text).toContain('NL91 ABNA 0417 1643 00');
    expect(text).toContain('dan is het hele resterende bedrag in één keer opeisbaar');
    expect(text).toContain('(art. 3:318 BW)');
    expect(text).toContain('Voor akkoord, Petra Jansen Naam: Datum: Handtekening:');
    const linked = b.context.sqlite.prepare('SELECT invoice_id FROM event_invoices WHERE event_id = ?').all(letter.eventId);
    expect(linked).toEqual([{ invoice_id: a.id }]);
  });

  it('a free letter from a text or a stored template, with placeholders, its own salutation and closing', async (ctx) => {
    ctx.skip(!poppler, POPPLER_MISSING_REASON);
    const { b } = await ledger();
    const d = await businessDebtor(b);
    await invoice(b, d.id, '2026-050', '2026-10-01', '2026-10-31', 1210_00);
    const template = b.context.sqlite.prepare(`INSERT INTO templates (step, language, tone, subject, body, updated_at) VALUES ('vrij', 'nl', 'vriendelijk', ?, ?, ?) RETURNING id`)
      .get('Uw vraag over {facturen}', 'Beste {klant},\n\nDank voor uw telefoontje van vanochtend. Zoals besproken staat er {{bedrag}} open.\n\nMet vriendelijke groet', new Date().toISOString()) as { id: number };
    const letter = await call(b, 'letters.preview', { debtorId: d.id, kind: 'free', templateId: template.id });
    savePng('free', bytesOf(letter.dataBase64));
    const text = textOf(bytesOf(letter.dataBase64));
    expect(text).toContain('Betreft: Uw vraag over 2026-050');
    expect(text).toContain('Beste Bakkerij De Vries B.V., Dank voor uw telefoontje van vanochtend. Zoals besproken staat er € 1.210,00 open. Met vriendelijke groet,');
    expect(text).not.toContain('Geachte');
    expect(text.match(/Met vriendelijke groet/g)).toHaveLength(1);
    expect((await failure(b, 'letters.preview', { debtorId: d.id, kind: 'free', subject: 'Leeg' })).fields).toHaveProperty('body');
  });

  it('renders every kind as PNG for review (business final notice, consumer veertiendagenbrief)', async (ctx) => {
    ctx.skip(!poppler, POPPLER_MISSING_REASON);
    const { b } = await ledger({ canDeductVat: false });
    const d = await businessDebtor(b);
    await invoice(b, d.id, '2025-101', '2025-05-01', '2025-05-31', 3000_00);
    await invoice(b, d.id, '2026-012', '2026-08-01', '2026-08-31', 1210_00);
    const p = await consumer(b);
    await invoice(b, p.id, '2026-031', '2026-09-01', '2026-10-01', 891_50);
    await invoice(b, p.id, '2026-044', '2026-09-20', '2026-10-20', 500_00);
    const written = [
      savePng('final-notice', bytesOf((await call(b, 'letters.preview', { debtorId: d.id, kind: 'final-notice' })).dataBase64)),
      savePng('fourteen-day', bytesOf((await call(b, 'letters.preview', { debtorId: p.id, kind: 'fourteen-day' })).dataBase64)),
      savePng('fourteen-day-vat', bytesOf((await call(b, 'letters.preview', { debtorId: p.id, kind: 'fourteen-day', vatSurcharge: true })).dataBase64)),
      savePng('fourteen-day-en', bytesOf((await call(b, 'letters.preview', { debtorId: p.id, kind: 'fourteen-day', language: 'en' })).dataBase64)),
    ];
    expect(written.every((n) => n >= 1)).toBe(true);
  });
});

describe('settings, test print and options', () => {
  it('keeps the window, place and terms in business.settings_json next to other keys', async () => {
    const { b } = await ledger();
    const s = b.context.sqlite;
    s.prepare('UPDATE business SET settings_json = ? WHERE id = 1').run(JSON.stringify({ workflow: { keep: true } }));
    expect(await call(b, 'letters.settings', {})).toMatchObject({ window: { topMm: 45, leftMm: 20, widthMm: 85, heightMm: 45 }, place: null, placeInUse: 'Utrecht', finalNoticeWorkingDays: 5 });
    const saved = await call(b, 'letters.saveSettings', { window: { topMm: 50, leftMm: 22, widthMm: 90, heightMm: 40, returnLineMm: 5 }, place: 'Zeist', finalNoticeWorkingDays: 7 });
    expect(saved).toMatchObject({ place: 'Zeist', placeInUse: 'Zeist', finalNoticeWorkingDays: 7, window: { topMm: 50 } });
    expect(JSON.parse((s.prepare('SELECT settings_json FROM business').get() as { settings_json: string }).settings_json)).toMatchObject({ workflow: { keep: true }, letters: { place: 'Zeist' } });
    const error = await failure(b, 'letters.saveSettings', { window: { topMm: 260, leftMm: 20, widthMm: 85, heightMm: 45, returnLineMm: 5 }, place: null });
    expect(error.code).toBe('invalid-input');
  });

  it('the test print draws the window outline where the settings put it', async (ctx) => {
    ctx.skip(!poppler, POPPLER_MISSING_REASON);
    const { b } = await ledger();
    const file = await call(b, 'letters.testPrint', { window: { topMm: 50, leftMm: 25, widthMm: 90, heightMm: 40, returnLineMm: 5 } });
    const bytes = bytesOf(file.dataBase64);
    savePng('test-print', bytes);
    expect(textOf(bytes)).toContain('Testafdruk venster: 90 × 40 mm, 50 mm van boven, 25 mm van links');
    const raster = pdfPageRaster(bytes, 1, 72);
    const px = (mm: number) => Math.round((mm * 72) / 25.4);
    let red = 0;
    for (let y = px(50); y <= px(90); y++) {
      for (let x = px(25) - 1; x <= px(25) + 1; x++) {
        const [r, g, bl] = raster.rgb(x, y);
        if (r > 150 && r - g > 50 && r - bl > 50) red++;
      }
    }
    expect(red).toBeGreaterThan(20);
  });

  it('says per kind whether it can be made now, and why not', async () => {
    const { b } = await ledger();
    const p = await consumer(b);
    await invoice(b, p.id, '2026-031', '2026-09-01', '2026-10-01', 891_50);
    const options = await call(b, 'letters.options', { debtorId: p.id });
    const byKind = Object.fromEntries(options.kinds.map((k) => [k.kind, k]));
    expect(byKind['fourteen-day']!.available).toBe(true);
    expect(byKind['reminder']!.available).toBe(true);
    expect(byKind['final-notice']!.reason).toContain('veertiendagenbrief');
    expect(byKind['arrangement-confirmation']!.reason).toContain('geen betalingsregeling');
    expect(byKind['free']!.available).toBe(true);
    // Nothing sent yet: the workflow is at the first reminder, so that is what is suggested.
    expect(options).toMatchObject({ suggested: 'reminder', fourteenDayLastDay: '2026-12-10', finalNoticeLastDay: '2026-12-01', canVatSurcharge: false, hasAddress: true });
    // Once the plan reaches the final notice (two reminders and a call), the veertiendagenbrief.
    for (const [type, on, step] of [['reminder.sent', '2026-10-08', 'reminder-1'], ['reminder.sent', '2026-10-15', 'reminder-2'], ['call.logged', '2026-10-22', null]] as const) {
      await addEvent(b.context, { debtorId: p.id, type, occurredOn: on, summary: type, invoiceIds: [options.overdueInvoices[0]!.id], data: step ? { step } : {} });
    }
    expect((await call(b, 'letters.options', { debtorId: p.id })).suggested).toBe('fourteen-day');
  });
});

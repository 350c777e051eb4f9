// The veertiendagenbrief (art. 6:96 lid 6 BW, docs/domain-nl.md §2) made from a real ledger and
// read back from the PDF with pdftotext: every checklist item is on paper, and a letter that would
// fail an item is refused with a message that names the item.
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW } from '../../../electron/core/letters/layout';
import { formatCents, formatLongDate, formatShortDate } from '../../../electron/core/letters/layout/format';
import { collectionCosts, fourteenDayLetterDeadline, presumedDeliveryDate, statutoryInterest, statutoryRates } from '../../../shared/law';
import { call, failure } from '../../helpers/backend';
import { hasTool, POPPLER_MISSING_REASON, removeTempFiles } from '../../unit/pdf/popplerTools';
import { bytesOf, consumer, invoice, ledger, pdfWords, textOf } from './lettersSetup';

const poppler = hasTool('pdftotext');
afterAll(removeTempFiles);

const TODAY = '2026-11-24';

/** Petra Jansen owes two overdue invoices: € 891,50 + € 500,00 = € 1.391,50; a third is not due yet. */
async function petra(options: { canDeductVat?: boolean } = {}) {
  const t = await ledger(options);
  const debtor = await consumer(t.b);
  const a = await invoice(t.b, debtor.id, '2026-031', '2026-09-01', '2026-10-01', 891_50);
  const c = await invoice(t.b, debtor.id, '2026-044', '2026-09-20', '2026-10-20', 500_00);
  const later = await invoice(t.b, debtor.id, '2026-061', '2026-11-10', '2026-12-10', 250_00);
  return { ...t, debtor, a, c, later };
}

describe('veertiendagenbrief: what the printed letter says', () => {
  it('carries every checklist element, the exact costs over the summed principal and the computed last day', async (ctx) => {
    ctx.skip(!poppler, POPPLER_MISSING_REASON);
    const { b, debtor, a, c } = await petra();
    const letter = await call(b, 'letters.preview', { debtorId: debtor.id, kind: 'fourteen-day' });
    const text = textOf(bytesOf(letter.dataBase64));

    // 7. One letter for all overdue invoices: both overdue ones, not the one that is not due yet.
    expect(text).toContain('2026-031');
    expect(text).toContain('2026-044');
    expect(text).not.toContain('2026-061');
    expect(letter.summary.invoices.map((i) => i.number)).toEqual(['2026-031', '2026-044']);

    // 5. The BIK over the summed principal: 15 % of € 1.391,50 = € 208,725 → € 208,73 (half-up).
    const principal = 891_50 + 500_00;
    const costs = collectionCosts(principal);
    expect(costs).toBe(208_73);
    expect(letter.summary.costs).toBe(costs);
    expect(text).toContain(`incassokosten verschuldigd van ${formatCents(costs)}`);
    expect(text).toContain(`over het totaal van de openstaande facturen, ${formatCents(principal)}`);
    expect(text).toContain('Betaalt u binnen deze termijn, dan kost u dat niets extra.');

    // 3. The approved term wording, and nothing misleading.
    expect(text).toContain('binnen veertien dagen vanaf de dag nadat deze brief bij u is bezorgd');
    for (const wrong of ['na dagtekening', 'na heden', 'na verzending']) expect(text).not.toContain(wrong);

    // 4. The concrete last day: sent Tuesday 24-11, presumed delivery Thursday 26-11, + 14 = 10-12.
    const lastDay = fourteenDayLetterDeadline(TODAY);
    expect(presumedDeliveryDate(TODAY)).toBe('2026-11-26');
    expect(lastDay).toBe('2026-12-10');
    expect(letter.summary.lastDay).toBe(lastDay);
    expect(text).toContain(`in elk geval tot en met ${formatLongDate(lastDay)}`);
    expect(text).toContain(`Uiterlijk ${formatLongDate(lastDay)}`); // in the payment box
    expect(letter.summary.costsDueFrom).toBe('2026-12-11');

    // Interest (claimed by default): wettelijke rente per invoice, as statutoryInterest computes it.
    const expectedInterest = [a, c].reduce((sum, inv) => sum + statutoryInterest({
      kind: 'consumer', principal: inv.amount, dueDate: inv.dueDate, until: TODAY, rates: statutoryRates('consumer'),
    }).interestAccrued, 0);
    expect(letter.summary.interest).toBe(expectedInterest);
    expect(text).toContain('Rente: wettelijke rente (art. 6:119 BW)');
    expect(text).toContain(`Totaal rente ${formatCents(expectedInterest)}`);
    expect(text).toContain(`Wij vragen u het bedrag van ${formatCents(principal + expectedInterest)} te betalen`);

    // 8. The claim specification per invoice, and the total.
    for (const inv of [a, c]) {
      expect(text).toContain(`${inv.number} ${formatShortDate(inv.invoiceDate)} ${formatShortDate(inv.dueDate)} ${formatCents(inv.amount)} ${formatCents(0)} ${formatCents(inv.amount)}`);
    }
    expect(text).toContain(`Totaal openstaand ${formatCents(principal)}`);

    // 6. No BTW surcharge unless chosen.
    expect(text).not.toContain('btw over de incassokosten');
    // The letter interrupts limitation and says so.
    expect(text).toContain('Deze brief stuit de verjaring (art. 3:317 BW).');
    // The checklist ran and every item passed.
    expect(letter.summary.checks.map((ch) => [ch.item, ch.ok])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [n, true]));
  });

  it('puts the recipient inside the envelope window on page 1 (DIN 5008 by default, and where the settings move it)', async (ctx) => {
    ctx.skip(!poppler, POPPLER_MISSING_REASON);
    const { b, debtor } = await petra();
    const inWindow = async (w: typeof DEFAULT_WINDOW) => {
      const words = pdfWords(bytesOf((await call(b, 'letters.preview', { debtorId: debtor.id, kind: 'fourteen-day' })).dataBase64));
      for (const part of ['Petra', 'Jansen', 'Kerkstraat', '12', '3581', 'AB', 'UTRECHT']) {
        const word = words.find((x) => x.page === 1 && x.text === part && x.yMin > w.topMm + w.returnLineMm - 0.5 && x.yMax < w.topMm + w.heightMm + 0.5);
        expect(word, `${part} inside the window`).toBeDefined();
        expect(word!.xMin).toBeGreaterThanOrEqual(w.leftMm);
        expect(word!.xMax).toBeLessThanOrEqual(w.leftMm + w.widthMm);
      }
    };
    await inWindow(DEFAULT_WINDOW);
    const moved = { topMm: 50, leftMm: 115, widthMm: 80, heightMm: 40, returnLineMm: 5 };
    await call(b, 'letters.saveSettings', { window: moved, place: null });
    await inWindow(moved);
  });

  it('recomputes the costs over what is still open after a partial payment (HR 25-11-2016)', async (ctx) => {
    ctx.skip(!poppler, POPPLER_MISSING_REASON);
    const { b, debtor, a } = await petra();
    await call(b, 'payments.record', { debtorId: debtor.id, date: '2026-11-02', amount: 391_50, allocations: [{ invoiceId: a.id, amount: 391_50 }] });
    const letter = await call(b, 'letters.preview', { debtorId: debtor.id, kind: 'fourteen-day' });
    const text = textOf(bytesOf(letter.dataBase64));
    expect(letter.summary.principal).toBe(1000_00);
    expect(letter.summary.costs).toBe(collectionCosts(1000_00));
    expect(text).toContain(`incassokosten verschuldigd van ${formatCents(150_00)}`);
    expect(text).toContain(`2026-031 01-09-2026 01-10-2026 ${formatCents(891_50)} ${formatCents(391_50)} ${formatCents(500_00)}`);
  });

  it('states the BTW surcharge and the double declaration only when chosen and allowed', async (ctx) => {
    ctx.skip(!poppler, POPPLER_MISSING_REASON);
    const refused = await petra({ canDeductVat: true });
    const error = await failure(refused.b, 'letters.preview', { debtorId: refused.debtor.id, kind: 'fourteen-day', vatSurcharge: true });
    expect(error.message).toContain('Checklist punt 6 (btw-opslag)');

    const { b, debtor } = await petra({ canDeductVat: false });
    const letter = await call(b, 'letters.preview', { debtorId: debtor.id, kind: 'fourteen-day', vatSurcharge: true });
    const text = textOf(bytesOf(letter.dataBase64));
    const withVat = collectionCosts(1391_50, { vatSurcharge: true });
    expect(withVat).toBe(252_56);
    expect(letter.summary.costs).toBe(withVat);
    expect(letter.summary.costsVat).toBe(withVat - 208_73);
    expect(text).toContain(`incassokosten verschuldigd van ${formatCents(withVat)}`);
    expect(text).toContain(`verhoogd met 21% btw (${formatCents(withVat - 208_73)})`);
    expect(text).toContain('Wij verklaren uitdrukkelijk dat wij de btw over de incassokosten niet als voorbelasting kunnen verrekenen en dat de incassokosten om die reden met de btw zijn verhoogd.');
  });

  it('is also made in English, with the approved wording translated', async (ctx) => {
    ctx.skip(!poppler, POPPLER_MISSING_REASON);
    const { b, debtor } = await petra();
    const text = textOf(bytesOf((await call(b, 'letters.preview', { debtorId: debtor.id, kind: 'fourteen-day', language: 'en' })).dataBase64));
    expect(text).toContain('within fourteen days from the day after this letter has been delivered to you');
    expect(text).toContain('In any case you have until 10 December 2026 inclusive');
    expect(text).toContain('If you pay within this term, it costs you nothing extra.');
    expect(text).toContain('collection costs of €208.73');
  });
});

describe('veertiendagenbrief: refused when it would not hold up, saying which checklist item fails', () => {
  it('a letter dated on or before the due date (no verzuim yet)', async () => {
    const { b } = await ledger();
    const debtor = await consumer(b, { name: 'Sanne de Boer' });
    await invoice(b, debtor.id, 'V-1', '2026-11-01', '2026-12-01', 120_00);
    for (const date of ['2026-12-01', '2026-11-30']) {
      const error = await failure(b, 'letters.preview', { debtorId: debtor.id, kind: 'fourteen-day', date });
      expect(error.code).toBe('forbidden');
      expect(error.message).toContain('Checklist punt 2 (eerst verzuim)');
      expect(error.message).toContain('factuur V-1 vervalt op 01-12-2026');
      expect(error.message).toContain('de vroegste datum is 02-12-2026');
      expect(error.fields).toHaveProperty('checklist.2');
    }
    // The day after the due date it is allowed.
    const ok = await call(b, 'letters.preview', { debtorId: debtor.id, kind: 'fourteen-day', date: '2026-12-02' });
    expect(ok.summary.lastDay).toBe(fourteenDayLetterDeadline('2026-12-02'));
  });

  it('a term shorter than the statutory one; a later last day is allowed and printed', async (ctx) => {
    const { b, debtor } = await petra();
    const error = await failure(b, 'letters.preview', { debtorId: debtor.id, kind: 'fourteen-day', lastDay: '2026-12-09' });
    expect(error.message).toContain('Checklist punt 4 (termijn): de laatste betaaldag 09-12-2026 is te vroeg');
    expect(error.message).toContain('minstens tot en met 10-12-2026');
    ctx.skip(!poppler, POPPLER_MISSING_REASON);
    const later = await call(b, 'letters.preview', { debtorId: debtor.id, kind: 'fourteen-day', lastDay: '2026-12-18' });
    expect(textOf(bytesOf(later.dataBase64))).toContain('in elk geval tot en met 18 december 2026');
    expect(later.summary.costsDueFrom).toBe('2026-12-19');
  });

  it('no (complete) address', async () => {
    const { b } = await ledger();
    const debtor = await consumer(b, { name: 'Zonder Adres', street: null, postcode: null, city: 'Utrecht' });
    await invoice(b, debtor.id, 'A-1', '2026-09-01', '2026-10-01', 100_00);
    const error = await failure(b, 'letters.preview', { debtorId: debtor.id, kind: 'fourteen-day' });
    expect(error.message).toContain('Checklist punt 9 (bewijs van verzending en ontvangst)');
    expect(error.message).toContain('straat en huisnummer, postcode ontbreekt');
  });

  it('a letter that leaves out an overdue invoice (one letter for all, costs over the sum)', async () => {
    const { b, debtor, a } = await petra();
    const error = await failure(b, 'letters.preview', { debtorId: debtor.id, kind: 'fourteen-day', invoiceIds: [a.id] });
    expect(error.message).toContain('Checklist punt 7 (één brief): alle vervallen facturen horen in één brief, maar 2026-044 ontbreekt');
  });

  it('a business customer (the veertiendagenbrief is for consumers)', async () => {
    const { b } = await ledger();
    const debtor = await call(b, 'debtors.create', { kind: 'business', name: 'Klant B.V.', street: 'Straat 1', postcode: '1234 AB', city: 'Ede' });
    await invoice(b, debtor.id, 'B-1', '2026-09-01', '2026-10-01', 100_00);
    const error = await failure(b, 'letters.preview', { debtorId: debtor.id, kind: 'fourteen-day' });
    expect(error.message).toContain('Checklist punt 1 (soort klant)');
  });

  it('leaves a disputed invoice out and says so', async () => {
    const { b, debtor, c } = await petra();
    b.context.sqlite.prepare('UPDATE invoices SET disputed = 1, dispute_reason = ? WHERE id = ?').run('Drukwerk niet ontvangen', c.id);
    const letter = await call(b, 'letters.preview', { debtorId: debtor.id, kind: 'fourteen-day' });
    expect(letter.summary.invoices.map((i) => i.number)).toEqual(['2026-031']);
    expect(letter.summary.costs).toBe(collectionCosts(891_50));
    expect(letter.summary.warnings).toEqual(['Factuur 2026-044 is betwist en staat daarom niet in deze brief.']);
  });
});

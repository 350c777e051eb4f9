// The business final notice: the term in working days, handelsrente per period, the BIK staffel
// (minimum € 40) and the limitation-interrupting wording of docs/domain-nl.md §4, read from the PDF.
import { afterAll, describe, expect, it } from 'vitest';
import { addEvent } from '../../../electron/core/ledger/events';
import { formatCents, formatLongDate, formatPercent, formatShortDate } from '../../../electron/core/letters/layout/format';
import { addWorkingDays, collectionCosts, statutoryInterest, statutoryRates } from '../../../shared/law';
import { call, failure } from '../../helpers/backend';
import { hasTool, POPPLER_MISSING_REASON, removeTempFiles } from '../../unit/pdf/popplerTools';
import { businessDebtor, bytesOf, consumer, invoice, ledger, textOf } from './lettersSetup';

const poppler = hasTool('pdftotext');
afterAll(removeTempFiles);
const TODAY = '2026-11-24';

describe('laatste aanmaning (business)', () => {
  it('states the 5-working-day term, handelsrente per period, the staffel costs and the stuiting wording', async (ctx) => {
    ctx.skip(!poppler, POPPLER_MISSING_REASON);
    const { b } = await ledger();
    const debtor = await businessDebtor(b);
    const old = await invoice(b, debtor.id, '2025-101', '2025-05-01', '2025-05-31', 3000_00);
    const recent = await invoice(b, debtor.id, '2026-012', '2026-08-01', '2026-08-31', 1210_00);
    await call(b, 'payments.record', { debtorId: debtor.id, date: '2026-09-15', amount: 500_00, allocations: [{ invoiceId: old.id, amount: 500_00 }] });
    const letter = await call(b, 'letters.preview', { debtorId: debtor.id, kind: 'final-notice' });
    const text = textOf(bytesOf(letter.dataBase64));

    // The term: 5 working days after the letter date (Tuesday 24-11 → Tuesday 1-12).
    const lastDay = addWorkingDays(TODAY, 5);
    expect(lastDay).toBe('2026-12-01');
    expect(letter.summary.lastDay).toBe(lastDay);
    expect(text).toContain(`uiterlijk op ${formatLongDate(lastDay)} te betalen, dat is binnen vijf werkdagen na de datum van deze brief`);

    // Handelsrente: every period statutoryInterest computes, with its dates, rate, base and amount.
    const results = [
      { inv: old, r: statutoryInterest({ kind: 'commercial', principal: 3000_00, dueDate: old.dueDate, until: TODAY, payments: [{ date: '2026-09-15', amount: 500_00 }], rates: statutoryRates('commercial') }) },
      { inv: recent, r: statutoryInterest({ kind: 'commercial', principal: 1210_00, dueDate: recent.dueDate, until: TODAY, rates: statutoryRates('commercial') }) },
    ];
    expect(results[0]!.r.periods.length).toBeGreaterThanOrEqual(4); // rate change, anniversary, payment
    for (const { inv, r } of results) {
      for (const p of r.periods) {
        expect(text).toContain(`${inv.number} ${formatShortDate(p.from)} ${formatShortDate(p.to)} ${p.days} ${formatPercent(p.percent)} ${formatCents(p.base)} ${formatCents(p.interest)}`);
      }
    }
    const interest = results.reduce((s, x) => s + x.r.interestAccrued, 0);
    expect(letter.summary.interest).toBe(interest);
    expect(text).toContain('Rente: wettelijke handelsrente (art. 6:119a BW)');
    expect(text).toContain(`Totaal rente ${formatCents(interest)}`);

    // Costs: the staffel over the open principal € 3.710,00 = 15 % × 2.500 + 10 % × 1.210 = € 496,00.
    const costs = collectionCosts(3710_00);
    expect(costs).toBe(496_00);
    expect(text).toContain(`Incassokosten ${formatCents(costs)}`);
    expect(text).toContain('15% over € 2.500,00 + 10% over € 1.210,00');

    const total = 3710_00 + interest + costs;
    expect(letter.summary.totalDue).toBe(total);
    expect(text).toContain(`Totaal te betalen ${formatCents(total)}`);
    // docs/domain-nl.md §4, word for word.
    expect(text).toContain(`Wij manen u hierbij aan tot betaling van ${formatCents(total)} (facturen 2025-101 en 2026-012) en behouden ons uitdrukkelijk en ondubbelzinnig ons recht op nakoming voor. Deze brief stuit de verjaring (art. 3:317 BW).`);
    expect(letter.summary.interruptsLimitation).toBe(true);
    expect(text).toContain('Geachte mevrouw P. de Vries,');
    expect(text).toContain('t.a.v. mevrouw P. de Vries');
  });

  it('charges the € 40 minimum on a small claim, and mentions earlier reminders', async (ctx) => {
    ctx.skip(!poppler, POPPLER_MISSING_REASON);
    const { b } = await ledger();
    const debtor = await businessDebtor(b, { name: 'Kleine Klant V.O.F.', contactName: null });
    const inv = await invoice(b, debtor.id, 'K-7', '2026-09-15', '2026-10-15', 150_00);
    // A reminder by e-mail (as the workflow records it) and one by letter, both about this invoice.
    await addEvent(b.context, { debtorId: debtor.id, type: 'reminder.sent', occurredOn: '2026-10-22', summary: 'Herinnering', invoiceIds: [inv.id], data: { channel: 'email' } });
    await call(b, 'letters.produce', { debtorId: debtor.id, kind: 'reminder' });
    const letter = await call(b, 'letters.preview', { debtorId: debtor.id, kind: 'final-notice', date: '2026-11-25' });
    const text = textOf(bytesOf(letter.dataBase64));
    expect(letter.summary.costs).toBe(40_00);
    expect(text).toContain('het wettelijke minimum is € 40,00');
    expect(text).toContain('Geachte heer, mevrouw,');
    expect(text).toContain('Op 22 oktober 2026 en 24 november 2026 hebben wij u herinnerd aan de betaling van factuur K-7.');
  });

  it('is refused for a consumer and before anything is overdue', async () => {
    const { b } = await ledger();
    const person = await consumer(b);
    await invoice(b, person.id, 'P-1', '2026-09-01', '2026-10-01', 100_00);
    expect((await failure(b, 'letters.preview', { debtorId: person.id, kind: 'final-notice' })).message).toContain('Stuur een particulier de veertiendagenbrief');
    const company = await businessDebtor(b);
    await invoice(b, company.id, 'C-1', '2026-11-01', '2026-12-01', 100_00);
    expect((await failure(b, 'letters.preview', { debtorId: company.id, kind: 'final-notice' })).message).toContain('Er is nog geen vervallen factuur');
  });
});

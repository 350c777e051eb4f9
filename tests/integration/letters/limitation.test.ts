// Verjaring per open invoice: 5 years from the day after the due date (2 for a consumer sale of
// goods), renewed by letters that reach the debtor and by acknowledgements; a warning 3 months ahead.
import { describe, expect, it } from 'vitest';
import { addEvent } from '../../../electron/core/ledger/events';
import { limitationDate, presumedDeliveryDate } from '../../../shared/law';
import { call } from '../../helpers/backend';
import { businessDebtor, consumer, invoice, ledger } from './lettersSetup';

describe('limitation dates and warnings', () => {
  it('lists invoices within 3 months of their limitation date (and those past it), soonest first', async () => {
    const { b } = await ledger();
    const d = await businessDebtor(b);
    const soon = await invoice(b, d.id, 'OUD-1', '2021-12-01', '2021-12-31', 500_00); // ends 2026-12-31
    const later = await invoice(b, d.id, 'OUD-2', '2022-05-01', '2022-06-30', 500_00); // ends 2027-06-30
    const expired = await invoice(b, d.id, 'OUD-0', '2021-05-01', '2021-06-30', 500_00); // ended 2026-06-30
    const warnings = await call(b, 'letters.limitationWarnings', {});
    expect(warnings.map((w) => [w.invoiceNumber, w.limitationDate, w.expired])).toEqual([['OUD-0', '2026-06-30', true], ['OUD-1', '2026-12-31', false]]);
    expect(warnings[1]!.daysLeft).toBe(37);
    const all = await call(b, 'letters.limitation', { debtorId: d.id });
    expect(all.find((r) => r.invoiceId === later.id)!.limitationDate).toBe('2027-06-30');
    expect(all.find((r) => r.invoiceId === soon.id)!.interruptions).toEqual([]);
    expect(expired.id).toBeGreaterThan(0);
  });

  it('a final notice interrupts from its presumed delivery; a partial payment counts as acknowledgement', async () => {
    const { b } = await ledger();
    const d = await businessDebtor(b);
    const soon = await invoice(b, d.id, 'OUD-1', '2021-12-01', '2021-12-31', 500_00);
    await call(b, 'letters.produce', { debtorId: d.id, kind: 'final-notice', invoiceIds: [soon.id] });
    const delivered = presumedDeliveryDate('2026-11-24');
    const [row] = await call(b, 'letters.limitation', { debtorId: d.id });
    expect(row!.interruptions).toEqual([delivered]);
    expect(row!.limitationDate).toBe(limitationDate({ dueDate: '2021-12-31', consumerSaleOfGoods: false, interruptions: [delivered] }));
    expect(row!.limitationDate).toBe('2031-11-26');
    expect(await call(b, 'letters.limitationWarnings', {})).toEqual([]);

    const other = await invoice(b, d.id, 'OUD-3', '2021-12-01', '2021-12-31', 300_00);
    await call(b, 'payments.record', { debtorId: d.id, date: '2026-11-20', amount: 100_00, allocations: [{ invoiceId: other.id, amount: 100_00 }] });
    const rows = await call(b, 'letters.limitation', { debtorId: d.id });
    expect(rows.find((r) => r.invoiceId === other.id)!.limitationDate).toBe('2031-11-20');
  });

  it('a consumer sale of goods has two years; an e-mail reminder does not interrupt', async () => {
    const { b } = await ledger();
    const d = await consumer(b);
    const goods = await invoice(b, d.id, 'KOOP-1', '2024-12-01', '2024-12-31', 80_00);
    b.context.sqlite.prepare('UPDATE invoices SET consumer_sale_of_goods = 1 WHERE id = ?').run(goods.id);
    await addEvent(b.context, { debtorId: d.id, type: 'reminder.sent', occurredOn: '2026-11-01', summary: 'Herinnering per e-mail', invoiceIds: [goods.id] });
    const [warning] = await call(b, 'letters.limitationWarnings', {});
    expect(warning).toMatchObject({ invoiceNumber: 'KOOP-1', limitationDate: '2026-12-31', interruptions: [] });
  });
});

// Every Inzicht figure on the small ledger of handLedger.ts, worked out by hand below (amounts in
// euros, ×100 for cents). Today is 2026-11-24.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerInsight, InsightsPage } from '../../../shared/contract';
import { call, createTestBackend, failure, withBackend, type TestBackend } from '../../helpers/backend';
import { buildHandLedger, type HandLedger } from './handLedger';

const EUR = 100;
let t: TestBackend;
let ledger: HandLedger;
let page: InsightsPage;
const customer = (key: keyof HandLedger['debtors']): CustomerInsight => page.customers.find((c) => c.debtorId === ledger.debtors[key])!;

beforeAll(async () => {
  t = await createTestBackend();
  ledger = await buildHandLedger(t.backend);
  page = await call(t.backend, 'insights.get', {});
});
afterAll(() => t.cleanup());

describe('overview and DSO', () => {
  it('totals what is open today and what of it is overdue', () => {
    // Open: B4 800 + C1 250 + D3 (700 − 200) 500 = 1550. Overdue (due before 24-11): B4 (31-10) + C1 (29-07) = 1050.
    expect(page.overview).toMatchObject({ open: 1550 * EUR, overdue: 1050 * EUR, openInvoices: 3, openDatedLater: 0 });
  });

  it('leaves an invoice dated after today out of DSO and today\'s aging, but not out of what is open', async () => {
    const { backend } = await withBackend();
    const d = await call(backend, 'debtors.create', { kind: 'business', name: 'Vooruit B.V.' });
    await call(backend, 'invoices.create', { debtorId: d.id, number: 'V-1', invoiceDate: '2026-11-01', dueDate: '2026-12-01', amount: 300 * EUR });
    await call(backend, 'invoices.create', { debtorId: d.id, number: 'V-2', invoiceDate: '2026-12-01', dueDate: '2026-12-31', amount: 200 * EUR });
    const p = await call(backend, 'insights.get', {});
    expect(p.overview).toMatchObject({ open: 500 * EUR, openDatedLater: 200 * EUR });
    // DSO 3 months: 300 open on invoices dated up to today ÷ 300 sales × 92 days = 92.
    expect(p.overview.dso[0]).toMatchObject({ openAtEnd: 300 * EUR, invoiced: 300 * EUR, dso: 92 });
    expect(p.aging.at(-1)!.total).toBe(300 * EUR);
  });

  it('computes DSO = open at the end ÷ (invoiced − credited in the period) × days, for 3, 6 and 12 months', () => {
    // 3 months: (2026-08-24, 2026-11-24] = 7 + 30 + 31 + 24 = 92 days.
    //   invoiced: A2 500 (01-09) + D2 600 (15-09) + B4 800 (01-10) + A3 300 (20-10) + D3 700 (01-11) = 2900
    //   credit notes dated in it: 100 (05-10) + 600 (20-10) = 700 → credit sales 2200
    //   DSO = 1550 / 2200 × 92 = 64.818… → 64.8
    // 6 months: (2026-05-24, 2026-11-24] = 184 days; adds A1 1000, E1 400, C1 250, E2 400, D1 1000 = 3050
    //   (B3 of 04-05 is before the period) → invoiced 5950, credit sales 5250; 1550 / 5250 × 184 = 54.32… → 54.3
    // 12 months: (2025-11-24, 2026-11-24] = 365 days; adds B1 2000, B2 1500, B3 1000 (F1 of 2025-08 is not in it)
    //   → invoiced 10450, credit sales 9750; 1550 / 9750 × 365 = 58.03… → 58.0
    expect(page.overview.dso).toEqual([
      { months: 3, from: '2026-08-24', to: '2026-11-24', days: 92, openAtEnd: 1550 * EUR, invoiced: 2900 * EUR, credited: 700 * EUR, creditSales: 2200 * EUR, dso: 64.8 },
      { months: 6, from: '2026-05-24', to: '2026-11-24', days: 184, openAtEnd: 1550 * EUR, invoiced: 5950 * EUR, credited: 700 * EUR, creditSales: 5250 * EUR, dso: 54.3 },
      { months: 12, from: '2025-11-24', to: '2026-11-24', days: 365, openAtEnd: 1550 * EUR, invoiced: 10450 * EUR, credited: 700 * EUR, creditSales: 9750 * EUR, dso: 58 },
    ]);
  });
});

describe('aging at each month end, reconstructed', () => {
  it('has the 12 previous month ends and today', () => {
    expect(page.aging.map((s) => s.date)).toEqual([
      '2025-11-30', '2025-12-31', '2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30',
      '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31', '2026-11-24',
    ]);
    expect(page.aging.map((s) => s.kind)).toEqual([...Array(12).fill('month-end'), 'today']);
  });

  it('puts each invoice in the bucket of its days past due on that day, with what was still open then', () => {
    const b = (notDue: number, days1to30: number, days31to60: number, days61to90: number, over90: number) => ({
      buckets: { notDue: notDue * EUR, days1to30: days1to30 * EUR, days31to60: days31to60 * EUR, days61to90: days61to90 * EUR, over90: over90 * EUR },
      total: (notDue + days1to30 + days31to60 + days61to90 + over90) * EUR,
    });
    expect(page.aging.map(({ buckets, total }) => ({ buckets, total }))).toEqual([
      b(0, 0, 0, 0, 900), //    30-11-2025: F1 (due 31-08-2025) 91 days past due → > 90
      b(0, 0, 0, 0, 900), //    31-12-2025: F1 122 days (paid only 15-01-2026)
      b(2000, 0, 0, 0, 0), //   31-01-2026: F1 paid; B1 (due 04-02) not yet due
      b(0, 0, 0, 0, 0), //      28-02: B1 paid on 24-02
      b(1500, 0, 0, 0, 0), //   31-03: B2 (due 01-04)
      b(0, 0, 0, 0, 0), //      30-04: B2 paid 13-04
      b(1000, 0, 0, 0, 0), //   31-05: B3 (due 03-06)
      b(0, 0, 0, 0, 0), //      30-06: A1 paid 28-06, B3 paid on 30-06 itself (not open at the end of that day)
      b(400, 250, 0, 0, 0), //  31-07: E1 (due 31-07: not yet past) 400; C1 (due 29-07) 2 days
      b(1400, 0, 250, 0, 0), // 31-08: E2 400 + D1 1000 not due; C1 33 days
      b(1100, 600, 0, 250, 0), // 30-09: A2 500 + D2 600 not due; D1 1000 − 400 paid 20-09 = 600 at 21 days; C1 63 days
      b(1100, 0, 0, 0, 250), // 31-10: B4 (due 31-10) 800 + A3 300 not due; D1 settled 15-10, D2 credited 20-10; C1 94 days
      b(500, 800, 0, 0, 250), // 24-11: D3 700 − 200 = 500 not due; B4 24 days; C1 118 days (A3 paid 20-11)
    ]);
    // Today's column is what is open now.
    expect(page.aging.at(-1)!.total).toBe(page.overview.open);
  });
});

describe('per customer', () => {
  it('A pays on time: −3, 0 and +1 days → average −0.7, worst 1; usually without a step', () => {
    expect(customer('A')).toMatchObject({
      paidInvoices: 3, paidLate: 1, avgDaysLate: -0.7, worstDaysLate: 1, openInvoices: 0, openAmount: 0, nudges: 1, reminders: 0,
      stepCounts: { none: 2, nudge: 1, 'reminder-1': 0, 'reminder-2': 0, call: 0, 'final-notice': 0, agency: 0 }, usualStep: 'none',
      rating: { code: 'on-time', reasons: [{ kind: 'on-time-share', onTime: 2, paid: 3 }, { kind: 'average', paid: 3, avgDaysLate: -0.7 }] },
      termDays: 30, ownTerm: false,
    });
  });

  it('B is a late payer: 20, 12 and 27 days late (average 59 / 3 = 19.7 > 14), worst 27 (B4 is open 24 days)', () => {
    expect(customer('B')).toMatchObject({
      paidInvoices: 3, paidLate: 3, avgDaysLate: 19.7, worstDaysLate: 27, openInvoices: 1, openAmount: 800 * EUR, overdueAmount: 800 * EUR,
      oldestOverdueDays: 24, reminders: 5, calls: 1, promisesKept: 1, promisesBroken: 1, arrangements: 0,
      // B1 and B2 were paid after reminder 1, B3 after the call (the last step before 30-06).
      stepCounts: { none: 0, nudge: 0, 'reminder-1': 2, 'reminder-2': 0, call: 1, 'final-notice': 0, agency: 0 }, usualStep: 'reminder-1',
      rating: { code: 'late-payer', reasons: [{ kind: 'average', paid: 3, avgDaysLate: 19.7 }, { kind: 'promises-broken', times: 1 }] },
    });
  });

  it('E usually pays after reminder 1: 10 and 9 days late → 9.5', () => {
    expect(customer('E')).toMatchObject({
      paidInvoices: 2, avgDaysLate: 9.5, worstDaysLate: 10, reminders: 2, usualStep: 'reminder-1',
      rating: { code: 'after-reminder-1', reasons: [{ kind: 'usual-step', step: 'reminder-1', times: 2, paid: 2 }, { kind: 'average', paid: 2, avgDaysLate: 9.5 }] },
    });
  });

  it('C (consumer) has paid nothing, is 118 days overdue, got the 14-day letter and went to an agency', () => {
    expect(customer('C')).toMatchObject({
      kind: 'consumer', paidInvoices: 0, avgDaysLate: null, worstDaysLate: 118, oldestOverdueDays: 118, reminders: 2, calls: 1,
      finalNotices: 1, handovers: 1, arrangements: 1, usualStep: null,
      rating: { code: 'late-payer', reasons: [{ kind: 'handed-over', times: 1 }, { kind: 'open-overdue', days: 118 }] },
    });
  });

  it('D paid D1 in parts (last part 15-10, 36 days after 09-09); D2 was only credited and is not "paid"', () => {
    expect(customer('D')).toMatchObject({
      paidInvoices: 1, paidLate: 1, avgDaysLate: 36, worstDaysLate: 36, openInvoices: 1, openAmount: 500 * EUR, overdueAmount: 0, oldestOverdueDays: 0,
      usualStep: 'none', rating: { code: 'slightly-late' },
    });
  });

  it('F paid one invoice 137 days late (31-08-2025 → 15-01-2026): a late payer, with that as the reason', () => {
    expect(customer('F')).toMatchObject({
      paidInvoices: 1, avgDaysLate: 137, worstDaysLate: 137, rating: { code: 'late-payer', reasons: [{ kind: 'worst-paid', days: 137 }] },
    });
  });

  it('lists each customer with an invoice once, the latest payers first', () => {
    expect(page.customers.map((c) => c.name)).toEqual([
      'Facturen van Vroeger', 'Deelbetaler B.V.', 'Betaalt Laat B.V.', 'Eerst Herinneren V.O.F.', 'Altijd Op Tijd B.V.', 'Carla Consument',
    ]);
  });

  it('gives the debtor page the same figures for one customer', async () => {
    for (const key of ['A', 'B', 'C', 'D'] as const) {
      const one = await call(t.backend, 'insights.debtor', { debtorId: ledger.debtors[key] });
      expect(one.customer).toEqual(customer(key));
    }
  });
});

describe('what works', () => {
  it('per step: the share paid in full within 7 days, over steps in the period judged by today − 7 (17-11)', () => {
    // nudge:        A1 28-06 → paid 28-06 ✓                                               1 of 1
    // reminder 1:   B1 11-02 → 24-02 (13 d) ✗, B2 08-04 → 13-04 ✓, B3 10-06 → 30-06 ✗, B4 07-11 (open) ✗,
    //               E1 07-08 → 10-08 ✓, E2 09-09 → 11-09 ✓, C1 05-08 (open) ✗              3 of 7
    // reminder 2:   B3 17-06 → 30-06 (13 d) ✗, C1 ✗                                       0 of 2
    // call:         B3 24-06 → 30-06 (6 d) ✓, C1 ✗                                         1 of 2
    // final notice: C1 ✗ 0 of 1;  agency: C1 ✗ 0 of 1
    // Received after each step (payments before the next step): nudge A1 1000; reminder 1: B1 2000 + B2 1500
    // + E1 400 + E2 400 = 4300; call: B3 1000.
    expect(page.steps).toEqual([
      { step: 'nudge', invoices: 1, paidWithin7Days: 1, share: 1, collected: 1000 * EUR },
      { step: 'reminder-1', invoices: 7, paidWithin7Days: 3, share: 3 / 7, collected: 4300 * EUR },
      { step: 'reminder-2', invoices: 2, paidWithin7Days: 0, share: 0, collected: 0 },
      { step: 'call', invoices: 2, paidWithin7Days: 1, share: 0.5, collected: 1000 * EUR },
      { step: 'final-notice', invoices: 1, paidWithin7Days: 0, share: 0, collected: 0 },
      { step: 'agency', invoices: 1, paidWithin7Days: 0, share: 0, collected: 0 },
    ]);
    expect(page.period).toEqual({ from: '2025-11-24', to: '2026-11-24' });
  });

  it('money received before any step: all payments of the period (9100) minus what followed a step (6300)', () => {
    // Payments dated in the period: A 1000 + 500 + 300, B 2000 + 1500 + 1000, E 400 + 400, D 400 + 500 + 200, F 900 = 9100.
    // = A2 500 + A3 300 + D1 900 + D3 200 + F1 900 = 2800.
    expect(page.collectedBeforeAnyStep).toBe(2800 * EUR);
  });

  it('the nudge: invoices due in the period paid on time, with and without one', () => {
    // Due in (2025-11-24, 2026-11-24]: paid A1, A2, A3, B1, B2, B3, E1, E2, D1 (on time: A1 −3, A2 0) and open
    // B4, C1 → 11 (D2 only credited, D3 due 01-12, F1 due 2025). With a nudge: A1, on time → 1 of 1.
    // Without: 10, on time A2 → 1 of 10.
    expect(page.nudge).toEqual({
      withNudge: { invoices: 1, onTime: 1, share: 1 },
      withoutNudge: { invoices: 10, onTime: 1, share: 0.1 },
    });
  });
});

describe('suggestions', () => {
  it('B (3 paid, 19.7 days late, term 30) gets a 14-day term; C (14-day letter, agency, 118 days) a credit check', () => {
    expect(page.suggestions).toEqual([
      { debtorId: ledger.debtors.B, name: 'Betaalt Laat B.V.', kind: 'shorter-term', figures: {
        paidInvoices: 3, avgDaysLate: 19.7, worstDaysLate: 27, termDays: 30, proposedDays: 14, promisesBroken: 1, finalNotices: 0, handovers: 0,
        oldestOverdueDays: 24, usualStep: 'reminder-1' } },
      { debtorId: ledger.debtors.C, name: 'Carla Consument', kind: 'credit-check', figures: {
        paidInvoices: 0, avgDaysLate: null, worstDaysLate: 118, termDays: 30, proposedDays: null, promisesBroken: 0, finalNotices: 1, handovers: 1,
        oldestOverdueDays: 118, usualStep: null } },
    ]);
  });
});

describe('acting on a suggestion', () => {
  it('applyTerm sets the customer\'s term, records it on the timeline with the figures, and puts the suggestion away', async () => {
    const { backend } = await withBackend();
    const l = await buildHandLedger(backend);
    expect(await call(backend, 'insights.applyTerm', { debtorId: l.debtors.B, days: 14 })).toEqual({ debtorId: l.debtors.B, from: null, to: 14 });
    const debtorPage = await call(backend, 'debtors.page', { id: l.debtors.B });
    expect(debtorPage.debtor.paymentTermDays).toBe(14);
    const event = debtorPage.timeline.find((e) => e.type === 'terms.changed')!;
    expect(event).toMatchObject({ occurredOn: '2026-11-24', data: { from: null, to: 14, source: 'insights', paidInvoices: 3, avgDaysLate: 19.7 } });
    expect(event.summary).toBe('Betaaltermijn voor nieuwe facturen: 14 dagen (was 30, de standaard) (Inzicht: 3 betaalde facturen, gemiddeld 19,7 dagen na de vervaldatum)');
    // Still late on average, but the term was just changed: no immediate "7 days".
    const after = await call(backend, 'insights.debtor', { debtorId: l.debtors.B });
    expect(after.customer).toMatchObject({ termDays: 14, ownTerm: true });
    expect(after.suggestions).toEqual([]);
    // New invoices get the new term.
    expect(await call(backend, 'ledger.defaultDueDate', { debtorId: l.debtors.B, invoiceDate: '2026-11-24' })).toEqual({ dueDate: '2026-12-08', termDays: 14 });
  });

  it('a dismissed suggestion stays away until 3 more invoices are paid', async () => {
    const { backend } = await withBackend();
    const l = await buildHandLedger(backend);
    expect(await call(backend, 'insights.dismiss', { debtorId: l.debtors.C, kind: 'credit-check' })).toEqual({ dismissed: true });
    expect((await call(backend, 'insights.get', {})).suggestions.map((s) => [s.name, s.kind])).toEqual([['Betaalt Laat B.V.', 'shorter-term']]);

    await call(backend, 'insights.dismiss', { debtorId: l.debtors.B, kind: 'shorter-term' });
    const payLate = async (n: number) => {
      const inv = await call(backend, 'invoices.create', { debtorId: l.debtors.B, number: `B-late-${n}`, invoiceDate: '2026-09-01', dueDate: '2026-09-15', amount: 100 * EUR });
      await call(backend, 'payments.record', { debtorId: l.debtors.B, date: '2026-10-15', amount: 100 * EUR, allocations: [{ invoiceId: inv.id, amount: 100 * EUR }] });
    };
    await payLate(1);
    await payLate(2);
    expect((await call(backend, 'insights.debtor', { debtorId: l.debtors.B })).suggestions).toEqual([]);
    await payLate(3);
    const back = (await call(backend, 'insights.debtor', { debtorId: l.debtors.B })).suggestions;
    // 6 paid now: 20 + 12 + 27 + 3 × 30 = 149 → 24.8 days; still term 30 → 14 days. 24.8 ≤ 30 and usually after reminder 1:
    // no advance payment.
    expect(back.map((s) => [s.kind, s.figures.paidInvoices, s.figures.avgDaysLate, s.figures.proposedDays])).toEqual([['shorter-term', 6, 24.8, 14]]);
  });

  it('refuses an unknown customer and a term outside 0–365 days', async () => {
    const { backend } = await withBackend();
    expect((await failure(backend, 'insights.applyTerm', { debtorId: 999, days: 14 })).code).toBe('not-found');
    expect((await failure(backend, 'insights.dismiss', { debtorId: 999, kind: 'credit-check' })).code).toBe('not-found');
    expect((await failure(backend, 'insights.debtor', { debtorId: 999 })).code).toBe('not-found');
    expect((await failure(backend, 'insights.applyTerm', { debtorId: 1, days: 400 })).code).toBe('invalid-input');
    expect((await failure(backend, 'insights.dismiss', { debtorId: 1, kind: 'something' })).code).toBe('invalid-input');
  });
});

describe('an empty ledger', () => {
  it('answers zeros and no DSO rather than dividing by zero', async () => {
    const { backend } = await withBackend();
    const empty = await call(backend, 'insights.get', {});
    expect(empty.overview).toMatchObject({ open: 0, overdue: 0, openInvoices: 0 });
    expect(empty.overview.dso.map((d) => d.dso)).toEqual([null, null, null]);
    expect(empty.aging.every((s) => s.total === 0)).toBe(true);
    expect(empty.customers).toEqual([]);
    expect(empty.suggestions).toEqual([]);
    expect(empty.nudge).toEqual({ withNudge: { invoices: 0, onTime: 0, share: null }, withoutNudge: { invoices: 0, onTime: 0, share: null } });
  });
});

describe('CSV export', () => {
  const text = (file: { dataBase64: string }) => Buffer.from(file.dataBase64, 'base64').toString('utf8');

  it('exports the customer table for Dutch Excel: BOM, semicolons, decimal comma, the same figures as on screen', async () => {
    const file = await call(t.backend, 'insights.exportCsv', { table: 'customers' });
    expect(file).toMatchObject({ fileName: 'inzicht-klanten-2026-11-24.csv', mimeType: 'text/csv;charset=utf-8' });
    const csv = text(file);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]!.split(';').slice(0, 6)).toEqual(['Klant', 'Soort', 'Betaald', 'Waarvan te laat', 'Gem. dagen te laat', 'Ergste']);
    const b = lines.find((l) => l.startsWith('Betaalt Laat B.V.;'))!;
    expect(b.split(';').slice(0, 10)).toEqual(['Betaalt Laat B.V.', 'Zakelijk', '3', '3', '19,7', '27', '1', '800,00', '800,00', '24']);
    // The reason has a semicolon of its own, so it is quoted.
    expect(b.endsWith(';herinnering 1;laat betaler;"gemiddeld 19,7 dagen na de vervaldatum over 3 betaalde facturen; 1 belofte niet nagekomen";30')).toBe(true);
    // A negative average stays a number (paid early), not a neutralised text.
    expect(lines.find((l) => l.startsWith('Altijd Op Tijd B.V.;'))!.split(';')[4]).toBe('-0,7');
    expect(lines).toHaveLength(1 + 6 + 1); // header, 6 customers, the empty end after the last CRLF
  });

  it('exports every table, in English too', async () => {
    const aging = text(await call(t.backend, 'insights.exportCsv', { table: 'aging', language: 'en' })).slice(1).split('\r\n');
    expect(aging[0]).toBe('Date;Not yet due;1–30 days;31–60 days;61–90 days;Over 90 days;Total');
    expect(aging.at(-2)).toBe('24-11-2026;500,00;800,00;0,00;0,00;250,00;1550,00');
    const overview = text(await call(t.backend, 'insights.exportCsv', { table: 'overview' })).slice(1).split('\r\n');
    expect(overview[1]).toBe('DSO 3 maanden;24-08-2026;24-11-2026;92;1550,00;2900,00;700,00;2200,00;64,8');
    const steps = text(await call(t.backend, 'insights.exportCsv', { table: 'steps' })).slice(1).split('\r\n');
    expect(steps.slice(1, 3)).toEqual(['Vóór elke stap (zonder herinnering);;;;2800,00', 'Herinnering vooraf;1;1;100,0;1000,00']);
    expect(steps[3]).toBe('Herinnering 1;7;3;42,9;4300,00');
    const suggestions = text(await call(t.backend, 'insights.exportCsv', { table: 'suggestions' })).slice(1).split('\r\n');
    expect(suggestions[1]!.split(';').slice(0, 2)).toEqual(['Betaalt Laat B.V.', 'Kortere betaaltermijn: 14 dagen']);
  });

  it('neutralises a customer name that Excel would run as a formula', async () => {
    const { backend } = await withBackend();
    const d = await call(backend, 'debtors.create', { kind: 'business', name: '=HYPERLINK("http://x.example","klik")' });
    await call(backend, 'invoices.create', { debtorId: d.id, number: 'F-1', invoiceDate: '2026-11-01', dueDate: '2026-12-01', amount: 10 * EUR });
    const csv = text(await call(backend, 'insights.exportCsv', { table: 'customers' }));
    expect(csv.split('\r\n')[1]!.startsWith('"\'=HYPERLINK(""http://x.example"",""klik"")";')).toBe(true);
  });
});

describe('month ends that are kept', () => {
  it('keeps computed month ends, and a change dated on or before one makes it be computed again', async () => {
    const { backend } = await withBackend();
    const l = await buildHandLedger(backend);
    const sqlite = backend.context.sqlite;
    const kept = () => sqlite.prepare('SELECT month_end FROM insight_aging ORDER BY month_end').pluck(true).all() as string[];
    /** The page as served (with kept month ends) must equal one computed from nothing. */
    const servedEqualsFresh = async () => {
      const served = (await call(backend, 'insights.get', {})).aging;
      sqlite.exec('DELETE FROM insight_aging');
      expect(served).toEqual((await call(backend, 'insights.get', {})).aging);
      return served;
    };

    const first = await call(backend, 'insights.get', {});
    expect(kept()).toHaveLength(12);
    expect((await call(backend, 'insights.get', {})).aging).toEqual(first.aging);

    // A payment of B4 dated 20-10 (a bank statement of last month): 31-10 and later are computed again.
    const p = await call(backend, 'payments.record', { debtorId: l.debtors.B, date: '2026-10-20', amount: 800 * EUR, allocations: [{ invoiceId: l.invoices.B4!, amount: 800 * EUR }] });
    expect(kept()).not.toContain('2026-10-31');
    expect(kept()).toContain('2026-09-30');
    const afterPayment = await servedEqualsFresh();
    // 31-10: A3 300 not due and C1 250 > 90 days (B4 paid on 20-10).
    expect(afterPayment.find((s) => s.date === '2026-10-31')!.total).toBe(550 * EUR);

    // The payment's date corrected to 15-09: from 30-09 on.
    sqlite.prepare('UPDATE payments SET date = ? WHERE id = ?').run('2026-09-15', p.id);
    expect(kept()).not.toContain('2026-09-30');
    await servedEqualsFresh();

    // A credit note dated 01-08 on C1, and an invoice dated back to 2025.
    await call(backend, 'insights.get', {});
    await call(backend, 'invoices.credit', { invoiceId: l.invoices.C1!, amount: 50 * EUR, date: '2026-08-01', number: 'CN-C1', reason: 'Korting' });
    expect(kept().filter((d) => d >= '2026-08-01')).toEqual([]);
    expect(kept()).toContain('2026-07-31');
    await servedEqualsFresh();
    await call(backend, 'invoices.create', { debtorId: l.debtors.F, number: 'F0', invoiceDate: '2025-12-15', dueDate: '2026-01-14', amount: 50 * EUR });
    const late = await servedEqualsFresh();
    expect(late.find((s) => s.date === '2025-12-31')!.buckets.notDue).toBe(50 * EUR);

    // An allocation removed (a payment undone) counts from its payment's date.
    await call(backend, 'insights.get', {});
    sqlite.prepare('DELETE FROM payment_allocations WHERE payment_id = ?').run(p.id);
    expect(kept().filter((d) => d >= '2026-09-15')).toEqual([]);
    await servedEqualsFresh();
  });
});

// A small ledger whose insight figures are worked out by hand in insights.test.ts. Built only
// through the backend's own methods (debtors.create, invoices.create, invoices.credit,
// payments.record) and, for the timeline, addEvent (as the workflow engine does). Today is
// 2026-11-24 (tests/helpers/backend.ts TODAY).
//
//  inv  customer  amount  invoice date  due date    what happened
//  A1   A         1000    2026-06-01    2026-07-01  nudge 06-28; paid 06-28          (−3 days)
//  A2   A          500    2026-09-01    2026-10-01  paid 10-01                        (0)
//  A3   A          300    2026-10-20    2026-11-19  paid 11-20                        (+1)
//  B1   B         2000    2026-01-05    2026-02-04  reminder 1 02-11; paid 02-24      (+20)
//  B2   B         1500    2026-03-02    2026-04-01  reminder 1 04-08; paid 04-13      (+12)
//  B3   B         1000    2026-05-04    2026-06-03  reminder 1 06-10, reminder 2 06-17, call 06-24,
//                                                   promise broken 06-27, promise kept 06-30; paid 06-30 (+27)
//  B4   B          800    2026-10-01    2026-10-31  reminder 1 11-07; open
//  E1   E          400    2026-07-01    2026-07-31  reminder 1 08-07; paid 08-10      (+10)
//  E2   E          400    2026-08-03    2026-09-02  reminder 1 09-09; paid 09-11      (+9)
//  C1   C (cons.)  250    2026-07-15    2026-07-29  reminder 1 08-05, reminder 2 08-12, call 08-19,
//                                                   veertiendagenbrief 08-26, agency 09-20; open; an arrangement (ended)
//  D1   D         1000    2026-08-10    2026-09-09  paid 400 on 09-20, credit note 100 on 10-05, paid 500 on 10-15 (+36)
//  D2   D          600    2026-09-15    2026-10-15  credit note 600 on 10-20 (only credited: not "paid")
//  D3   D          700    2026-11-01    2026-12-01  paid 200 on 11-10; 500 open, not yet due
//  F1   F          900    2025-08-01    2025-08-31  paid 2026-01-15                   (+137)
import type { Backend } from '../../../electron/core/backend';
import { addEvent } from '../../../electron/core/ledger/events';
import { call } from '../../helpers/backend';

const EUR = 100;

export interface HandLedger {
  debtors: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F', number>;
  invoices: Record<string, number>;
}

export async function buildHandLedger(backend: Backend): Promise<HandLedger> {
  const ctx = backend.context;
  const debtor = async (name: string, kind: 'business' | 'consumer' = 'business') => (await call(backend, 'debtors.create', { kind, name })).id;
  const debtors = {
    A: await debtor('Altijd Op Tijd B.V.'),
    B: await debtor('Betaalt Laat B.V.'),
    C: await debtor('Carla Consument', 'consumer'),
    D: await debtor('Deelbetaler B.V.'),
    E: await debtor('Eerst Herinneren V.O.F.'),
    F: await debtor('Facturen van Vroeger'),
  };
  const invoices: Record<string, number> = {};
  const invoice = async (key: string, d: keyof typeof debtors, euros: number, invoiceDate: string, dueDate: string) => {
    invoices[key] = (await call(backend, 'invoices.create', { debtorId: debtors[d], number: key, invoiceDate, dueDate, amount: euros * EUR })).id;
  };
  const pay = (d: keyof typeof debtors, key: string, euros: number, date: string) =>
    call(backend, 'payments.record', { debtorId: debtors[d], date, amount: euros * EUR, allocations: [{ invoiceId: invoices[key]!, amount: euros * EUR }] });
  const credit = (key: string, euros: number, date: string) =>
    call(backend, 'invoices.credit', { invoiceId: invoices[key]!, amount: euros * EUR, date, number: `CN-${key}`, reason: 'Correctie' });
  const event = (d: keyof typeof debtors, type: string, occurredOn: string, keys: string[], data: Record<string, unknown> = {}) =>
    addEvent(ctx, { debtorId: debtors[d], type, occurredOn, summary: type, data, invoiceIds: keys.map((k) => invoices[k]!) });
  const reminder = (d: keyof typeof debtors, step: 'reminder-1' | 'reminder-2', date: string, key: string) => event(d, 'reminder.sent', date, [key], { step });

  await invoice('A1', 'A', 1000, '2026-06-01', '2026-07-01');
  await invoice('A2', 'A', 500, '2026-09-01', '2026-10-01');
  await invoice('A3', 'A', 300, '2026-10-20', '2026-11-19');
  await event('A', 'nudge.sent', '2026-06-28', ['A1'], { step: 'nudge' });
  await pay('A', 'A1', 1000, '2026-06-28');
  await pay('A', 'A2', 500, '2026-10-01');
  await pay('A', 'A3', 300, '2026-11-20');

  await invoice('B1', 'B', 2000, '2026-01-05', '2026-02-04');
  await invoice('B2', 'B', 1500, '2026-03-02', '2026-04-01');
  await invoice('B3', 'B', 1000, '2026-05-04', '2026-06-03');
  await invoice('B4', 'B', 800, '2026-10-01', '2026-10-31');
  await reminder('B', 'reminder-1', '2026-02-11', 'B1');
  await pay('B', 'B1', 2000, '2026-02-24');
  await reminder('B', 'reminder-1', '2026-04-08', 'B2');
  await pay('B', 'B2', 1500, '2026-04-13');
  await reminder('B', 'reminder-1', '2026-06-10', 'B3');
  await reminder('B', 'reminder-2', '2026-06-17', 'B3');
  await event('B', 'call.logged', '2026-06-24', ['B3'], { reached: true });
  await event('B', 'promise.made', '2026-06-24', ['B3'], { promisedDate: '2026-06-26' });
  await event('B', 'promise.broken', '2026-06-27', ['B3']);
  await event('B', 'promise.made', '2026-06-27', ['B3'], { promisedDate: '2026-06-30' });
  await event('B', 'promise.kept', '2026-06-30', ['B3']);
  await pay('B', 'B3', 1000, '2026-06-30');
  await reminder('B', 'reminder-1', '2026-11-07', 'B4');

  await invoice('E1', 'E', 400, '2026-07-01', '2026-07-31');
  await invoice('E2', 'E', 400, '2026-08-03', '2026-09-02');
  await reminder('E', 'reminder-1', '2026-08-07', 'E1');
  await pay('E', 'E1', 400, '2026-08-10');
  await reminder('E', 'reminder-1', '2026-09-09', 'E2');
  await pay('E', 'E2', 400, '2026-09-11');

  await invoice('C1', 'C', 250, '2026-07-15', '2026-07-29');
  await reminder('C', 'reminder-1', '2026-08-05', 'C1');
  await reminder('C', 'reminder-2', '2026-08-12', 'C1');
  await event('C', 'call.logged', '2026-08-19', ['C1'], { reached: false });
  await event('C', 'letter.sent', '2026-08-26', ['C1'], { letter: 'fourteen-day' });
  await event('C', 'handover.created', '2026-09-20', ['C1'], { reference: 'T-1' });
  await ctx.db.insertInto('payment_plans').values({
    debtor_id: debtors.C, principal_cents: 250 * EUR, interest_cents: 0, costs_cents: 0, total_cents: 250 * EUR, first_date: '2026-08-20',
    interval: 'month', status: 'ended', acceleration_clause: 1, ended_on: '2026-09-15', created_at: ctx.now(),
  }).execute();

  await invoice('D1', 'D', 1000, '2026-08-10', '2026-09-09');
  await invoice('D2', 'D', 600, '2026-09-15', '2026-10-15');
  await invoice('D3', 'D', 700, '2026-11-01', '2026-12-01');
  await pay('D', 'D1', 400, '2026-09-20');
  await credit('D1', 100, '2026-10-05');
  await pay('D', 'D1', 500, '2026-10-15');
  await credit('D2', 600, '2026-10-20');
  await pay('D', 'D3', 200, '2026-11-10');

  await invoice('F1', 'F', 900, '2025-08-01', '2025-08-31');
  await pay('F', 'F1', 900, '2026-01-15');

  return { debtors, invoices };
}

// Payment arrangements against a real ledger: proposing (principal, interest and costs so far),
// refusing without changing anything, payments (manual and from a bank statement) filling the
// installments, a missed installment recorded once and shown on Vandaag and in Debiteuren, giving
// room, ending under the vervalbeding (the collection plan resumes), completion, and the mails:
// the installment reminder a few days before each date and the confirmation.
import { afterAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/core/backend';
import { createBackend } from '../../../electron/core/backend';
import { loadMatchingLedger } from '../../../electron/core/importing/ledgerView';
import { call, dumpDatabase, failure, TODAY, withBackend } from '../../helpers/backend';
import { decodeQrCodes, pdfPagesText, removeTempFiles } from '../../unit/pdf/popplerTools';
import { customerWithInvoice, sendReminders } from './helpers';

afterAll(removeTempFiles);

/** Runs `fn` against the same ledger on another day (the app opened later), then closes it. */
async function on<T>(dataDir: string, today: string, fn: (b: Backend) => Promise<T>): Promise<T> {
  const later = await createBackend({ dataDir, today });
  try {
    return await fn(later);
  } finally {
    later.close();
  }
}

const eventsOf = (b: Backend, debtorId: number, prefix = 'arrangement.') =>
  (b.context.sqlite.prepare('SELECT type, occurred_on, summary, data_json FROM events WHERE debtor_id = ? AND type LIKE ? ORDER BY id').all(debtorId, `${prefix}%`) as
    { type: string; occurred_on: string; summary: string; data_json: string }[]);

/** A business customer 30 days overdue on € 1.200,00, with an arrangement of 3 × € 400 from 01-12-2026 (no interest or costs). */
async function withArrangement() {
  const t = await withBackend();
  const { debtor, invoice } = await customerWithInvoice(t.backend, TODAY, { name: 'Termijn B.V.', contactName: 'Joost Bakker', daysAgo: 30, amount: 1_200_00 });
  const plan = await call(t.backend, 'arrangements.create', {
    debtorId: debtor.id, count: 3, firstDate: '2026-12-01', interval: 'month', includeInterest: false, includeCosts: false,
  });
  return { ...t, debtor, invoice, plan };
}

describe('arrangements.propose', () => {
  it('adds up the open principal and the interest and costs so far, each optional, and previews the schedule; writes nothing', async () => {
    const { backend, databaseFile } = await withBackend();
    const { debtor } = await customerWithInvoice(backend, TODAY, { daysAgo: 30, amount: 1_200_00 });
    const before = dumpDatabase(databaseFile);
    const full = await call(backend, 'arrangements.propose', { debtorId: debtor.id, count: 4, firstDate: '2026-12-01', interval: 'month' });
    expect(full.principal).toBe(1_200_00);
    // A business owes the statutory commercial interest from the day after the due date, and the BIK (15 % of € 1.200 = € 180).
    expect(full.interestSoFar).toBeGreaterThan(0);
    expect(full.costsSoFar).toBe(180_00);
    expect(full.total).toBe(1_200_00 + full.interestSoFar + 180_00);
    expect(full.schedule!.map((i) => i.dueDate)).toEqual(['2026-12-01', '2027-01-01', '2027-02-01', '2027-03-01']);
    expect(full.schedule!.reduce((s, i) => s + i.amount, 0)).toBe(full.total);
    expect(full.refusal).toBeNull();

    const bare = await call(backend, 'arrangements.propose', { debtorId: debtor.id, includeInterest: false, includeCosts: false, amount: 500_00, firstDate: '2026-12-01', interval: 'two-weeks' });
    expect(bare).toMatchObject({ total: 1_200_00, interest: 0, costs: 0 });
    expect(bare.schedule).toEqual([
      { seq: 1, dueDate: '2026-12-01', amount: 500_00 }, { seq: 2, dueDate: '2026-12-15', amount: 500_00 }, { seq: 3, dueDate: '2026-12-29', amount: 200_00 },
    ]);
    const tooLong = await call(backend, 'arrangements.propose', { debtorId: debtor.id, includeInterest: false, includeCosts: false, amount: 10_00, firstDate: '2026-12-01', interval: 'week' });
    expect(tooLong.schedule).toBeNull();
    expect(tooLong.problems.map((p) => p.field)).toEqual(['amount']);
    expect(dumpDatabase(databaseFile)).toBe(before);
  });
});

describe('arrangements.create', () => {
  it('writes the plan and its installments with an event, cancels an open promise, and pauses the customer', async () => {
    const { backend } = await withBackend();
    const { debtor, invoice } = await customerWithInvoice(backend, TODAY, { daysAgo: 30, amount: 1_200_00 });
    await call(backend, 'calls.log', { debtorId: debtor.id, reached: true, notes: 'Kan niet in één keer.', outcome: 'promise', promisedDate: '2026-11-27' });
    const view = await call(backend, 'arrangements.create', { debtorId: debtor.id, count: 3, firstDate: '2026-12-01', interval: 'month', includeInterest: false, includeCosts: false });
    expect(view).toMatchObject({ status: 'active', total: 1_200_00, principal: 1_200_00, paid: 0, remaining: 1_200_00, accelerationClause: true, agreedOn: TODAY, invoiceNumbers: [invoice.number] });
    expect(view.installments.map((i) => [i.seq, i.dueDate, i.amount, i.status])).toEqual([
      [1, '2026-12-01', 400_00, 'upcoming'], [2, '2027-01-01', 400_00, 'upcoming'], [3, '2027-02-01', 400_00, 'upcoming'],
    ]);
    const s = backend.context.sqlite;
    expect(s.prepare('SELECT principal_cents, interest_cents, costs_cents, total_cents, interval, status FROM payment_plans').all())
      .toEqual([{ principal_cents: 1_200_00, interest_cents: 0, costs_cents: 0, total_cents: 1_200_00, interval: 'month', status: 'active' }]);
    expect(s.prepare('SELECT status FROM promises').pluck().all()).toEqual(['cancelled']);
    const [created] = eventsOf(backend, debtor.id);
    expect(created).toMatchObject({ type: 'arrangement.created', occurred_on: TODAY });
    expect(created!.summary).toBe('Betalingsregeling afgesproken: 3 maandelijkse termijnen van € 400,00, totaal € 1.200,00 (€ 1.200,00 hoofdsom), eerste termijn uiterlijk 01-12-2026; met vervalbeding');

    const row = (await call(backend, 'overview.get', {})).rows[0]!;
    expect(row.flags).toMatchObject({ arrangement: true, paused: true, installmentMissed: false });
    const wf = await call(backend, 'workflow.debtor', { debtorId: debtor.id });
    expect(wf.pauses.map((p) => p.reason)).toEqual(['arrangement']);
    expect(wf.actions).toEqual([]);
  });

  it('refuses, changing nothing: a first date in the past, too many installments, no basis, a second arrangement, nothing outstanding', async () => {
    const { backend, databaseFile } = await withBackend();
    const { debtor } = await customerWithInvoice(backend, TODAY, { daysAgo: 30, amount: 1_200_00 });
    const base = { debtorId: debtor.id, firstDate: '2026-12-01', interval: 'month' as const, includeInterest: false, includeCosts: false };
    const before = dumpDatabase(databaseFile);

    const past = await failure(backend, 'arrangements.create', { ...base, count: 3, firstDate: '2026-11-23' });
    expect(past).toMatchObject({ code: 'invalid-input', message: 'De eerste termijn kan niet in het verleden liggen (vandaag is 24-11-2026).', fields: { firstDate: expect.any(String) } });
    expect(past.messageEn).toMatch(/cannot be in the past/);
    const small = await failure(backend, 'arrangements.create', { ...base, amount: 10_00 });
    expect(small).toMatchObject({ code: 'invalid-input', message: 'Met € 10,00 per termijn zijn 120 termijnen nodig; het maximum is 60. Kies minstens € 20,00 per termijn.' });
    expect((await failure(backend, 'arrangements.create', { ...base, count: 61 })).code).toBe('invalid-input');
    expect((await failure(backend, 'arrangements.create', base)).code).toBe('invalid-input');
    expect((await failure(backend, 'arrangements.create', { ...base, count: 2, amount: 600_00 })).code).toBe('invalid-input');
    expect(dumpDatabase(databaseFile)).toBe(before);

    await call(backend, 'arrangements.create', { ...base, count: 3 });
    const afterFirst = dumpDatabase(databaseFile);
    const second = await failure(backend, 'arrangements.create', { ...base, count: 2 });
    expect(second.code).toBe('conflict');
    expect(second.message).toMatch(/^Er loopt al een betalingsregeling met deze klant \(afgesproken op 24-11-2026\)/);
    expect(dumpDatabase(databaseFile)).toBe(afterFirst);

    const paidUp = await call(backend, 'debtors.create', { kind: 'business', name: 'Betaald B.V.' });
    const withNothing = dumpDatabase(databaseFile);
    const nothing = await failure(backend, 'arrangements.create', { ...base, debtorId: paidUp.id, count: 2 });
    expect(nothing).toMatchObject({ code: 'conflict', message: 'Er staat niets open bij deze klant: er valt niets in termijnen te betalen.' });
    expect(dumpDatabase(databaseFile)).toBe(withNothing);
  });
});

describe('following an arrangement', () => {
  it('manual and bank payments fill the installments in order; the bank import sees the same open installments', async () => {
    const { backend, debtor, plan } = await withArrangement();
    await call(backend, 'payments.record', { debtorId: debtor.id, date: TODAY, amount: 550_00 });
    const [view] = await call(backend, 'arrangements.list', { debtorId: debtor.id });
    expect(view!.installments.map((i) => [i.seq, i.status, i.paid, i.open])).toEqual([[1, 'paid', 400_00, 0], [2, 'upcoming', 150_00, 250_00], [3, 'upcoming', 0, 400_00]]);
    expect(view).toMatchObject({ planId: plan.planId, paid: 550_00, remaining: 650_00, next: { seq: 2 } });
    // What the bank import matches against (importing/ledgerView.ts) agrees to the cent.
    const open = loadMatchingLedger(backend.context).installments.map((i) => [i.seq, i.amount]);
    expect(open).toEqual(view!.installments.filter((i) => i.open > 0).map((i) => [i.seq, i.open]));
  });

  it('a missed installment is recorded once, flagged on Vandaag and in Debiteuren, and escalation resumes', async () => {
    const { dataDir, backend, debtor } = await withArrangement();
    await sendReminders(backend, debtor.id, ['reminder-1', 'reminder-2']);
    backend.close();
    // Tuesday 01-12 + 2 working days of grace = Thursday 03-12: still on time that day.
    await on(dataDir, '2026-12-03', async (b) => {
      const list = await call(b, 'workflow.today', {});
      expect(list.arrangements.filter((a) => a.kind === 'installment-missed')).toEqual([]);
      expect(list.paused.find((p) => p.debtorId === debtor.id)?.pauses.map((p) => p.reason)).toEqual(['arrangement']);
    });
    await on(dataDir, '2026-12-04', async (b) => {
      const list = await call(b, 'workflow.today', {});
      expect(list.arrangements).toEqual([expect.objectContaining({
        kind: 'installment-missed', debtorId: debtor.id, seq: 1, count: 3, dueDate: '2026-12-01', amount: 400_00, behind: 400_00, remaining: 1_200_00, latestNewDate: '2027-01-01',
      })]);
      // Not paused any more: the collection plan goes on where it was (the call, after two reminders).
      expect(list.paused.some((p) => p.debtorId === debtor.id)).toBe(false);
      expect(list.items.find((i) => i.debtorId === debtor.id)).toMatchObject({ step: 'call', notes: [expect.objectContaining({ kind: 'installment-missed', dueDate: '2026-12-01' })] });
      expect((await call(b, 'overview.get', {})).rows[0]!.flags).toMatchObject({ arrangement: true, installmentMissed: true, paused: false });
      await call(b, 'workflow.today', {});
      await call(b, 'arrangements.list', { debtorId: debtor.id });
      const missed = eventsOf(b, debtor.id).filter((e) => e.type === 'arrangement.missed');
      expect(missed).toHaveLength(1);
      expect(missed[0]!.summary).toBe('Termijn 1 van de betalingsregeling gemist: € 400,00 niet betaald (uiterlijk 01-12-2026, gewacht tot en met 03-12-2026); het herinneringsplan loopt weer. Kies: de regeling beëindigen of ruimte geven');
    });
  });

  it('giving room moves the missed installment to a new date (never past the next one): the arrangement continues and pauses again', async () => {
    const { dataDir, backend, debtor, plan } = await withArrangement();
    backend.close();
    await on(dataDir, '2026-12-07', async (b) => {
      const file = b.context.databaseFile;
      const before = dumpDatabase(file);
      expect((await failure(b, 'arrangements.continue', { planId: plan.planId, newDate: '2027-01-02' })).message).toBe('Kies een datum uiterlijk op de volgende termijn (01-01-2027). Is er meer tijd nodig, beëindig de regeling dan en spreek een nieuwe af.');
      expect((await failure(b, 'arrangements.continue', { planId: plan.planId, newDate: '2026-12-06' })).code).toBe('invalid-input');
      expect(dumpDatabase(file)).toBe(before);

      const view = await call(b, 'arrangements.continue', { planId: plan.planId, newDate: '2026-12-15', note: 'Salaris komt later binnen.' });
      expect(view.installments.map((i) => [i.seq, i.dueDate, i.status])).toEqual([[1, '2026-12-15', 'upcoming'], [2, '2027-01-01', 'upcoming'], [3, '2027-02-01', 'upcoming']]);
      expect(view.missed).toBeNull();
      const continued = eventsOf(b, debtor.id).find((e) => e.type === 'arrangement.continued')!;
      expect(continued.summary).toBe('Ruimte gegeven: gemiste termijn 1 (€ 400,00, was 01-12-2026) verzet naar 15-12-2026; de betalingsregeling loopt door. Salaris komt later binnen.');
      expect(JSON.parse(continued.data_json)).toMatchObject({ moved: [{ seq: 1, from: '2026-12-01', to: '2026-12-15', open: 400_00 }] });
      const list = await call(b, 'workflow.today', {});
      expect(list.arrangements.some((a) => a.kind === 'installment-missed')).toBe(false);
      expect(list.paused.find((p) => p.debtorId === debtor.id)?.pauses.map((p) => p.reason)).toEqual(['arrangement']);
      // Nothing to give room for any more.
      expect((await failure(b, 'arrangements.continue', { planId: plan.planId, newDate: '2026-12-20' })).code).toBe('conflict');
    });
  });

  it('ending it (vervalbeding) records the remainder as due at once, and the collection plan resumes', async () => {
    const { dataDir, backend, debtor, plan } = await withArrangement();
    await call(backend, 'payments.record', { debtorId: debtor.id, date: '2026-11-30', amount: 400_00 });
    backend.close();
    await on(dataDir, '2027-01-06', async (b) => {
      const ended = await call(b, 'arrangements.end', { planId: plan.planId });
      expect(ended).toMatchObject({ status: 'ended', endedOn: '2027-01-06', remaining: 800_00 });
      expect(b.context.sqlite.prepare('SELECT status, ended_on FROM payment_plans WHERE id = ?').get(plan.planId)).toEqual({ status: 'ended', ended_on: '2027-01-06' });
      const event = eventsOf(b, debtor.id).find((e) => e.type === 'arrangement.ended')!;
      expect(event.summary).toBe('Betalingsregeling beëindigd na de gemiste termijn 2 van 01-01-2027: volgens het vervalbeding is het resterende bedrag van € 800,00 in één keer opeisbaar; het herinneringsplan loopt weer');
      const wf = await call(b, 'workflow.debtor', { debtorId: debtor.id });
      expect(wf.pauses).toEqual([]);
      expect(wf.actions.length).toBeGreaterThan(0);
      const list = await call(b, 'workflow.today', {});
      expect(list.arrangements).toEqual([]);
      expect((await call(b, 'overview.get', {})).rows[0]!.flags).toMatchObject({ arrangement: false, installmentMissed: false, paused: false });
      expect((await failure(b, 'arrangements.end', { planId: plan.planId })).code).toBe('conflict');
      // A new arrangement can be made now.
      expect((await call(b, 'arrangements.propose', { debtorId: debtor.id })).refusal).toBeNull();
    });
  });

  it('is completed, once, when every installment is paid', async () => {
    const { backend, debtor, plan } = await withArrangement();
    await call(backend, 'payments.record', { debtorId: debtor.id, date: TODAY, amount: 1_200_00 });
    const [view] = await call(backend, 'arrangements.list', { debtorId: debtor.id });
    expect(view).toMatchObject({ planId: plan.planId, status: 'completed', remaining: 0 });
    expect(view!.installments.every((i) => i.status === 'paid')).toBe(true);
    await call(backend, 'workflow.today', {});
    expect(eventsOf(backend, debtor.id).map((e) => e.type)).toEqual(['arrangement.created', 'arrangement.completed']);
  });

  it('paid in full with interest and costs included: what is paid beyond the invoices settles those, it is no credit', async () => {
    const { backend } = await withBackend();
    const { debtor } = await customerWithInvoice(backend, TODAY, { daysAgo: 30, amount: 1_200_00 });
    const plan = await call(backend, 'arrangements.create', { debtorId: debtor.id, count: 2, firstDate: '2026-12-01', interval: 'month' });
    const charges = plan.interest + plan.costs;
    expect(charges).toBeGreaterThan(180_00);
    await call(backend, 'payments.record', { debtorId: debtor.id, date: TODAY, amount: plan.total });
    expect((await call(backend, 'arrangements.get', { planId: plan.planId })).status).toBe('completed');
    expect((await call(backend, 'debtors.page', { id: debtor.id })).credit).toBe(0);
    // Paying more than the arrangement is credit again.
    await call(backend, 'payments.record', { debtorId: debtor.id, date: TODAY, amount: 25_00 });
    expect((await call(backend, 'debtors.page', { id: debtor.id })).credit).toBe(25_00);
  });
});

describe('arrangement mails', () => {
  it('an installment reminder is proposed a few days before the date, drafted with the installment\'s amount in the QR code, stored when marked as sent, and never proposed twice', async () => {
    const { dataDir, backend, debtor } = await withArrangement();
    expect((await call(backend, 'workflow.today', {})).arrangements).toEqual([]);
    backend.close();
    // Three days before Tuesday 01-12: Saturday 28-11.
    await on(dataDir, '2026-11-27', async (b) => expect((await call(b, 'workflow.today', {})).arrangements).toEqual([]));
    await on(dataDir, '2026-11-28', async (b) => {
      const [item] = (await call(b, 'workflow.today', {})).arrangements;
      expect(item).toMatchObject({ kind: 'installment-reminder', seq: 1, count: 3, dueDate: '2026-12-01', amount: 400_00 });
      const draft = await call(b, 'reminders.draft', { debtorId: debtor.id, step: 'installment-reminder' });
      expect(draft.arrangement).toMatchObject({ seq: 1, dueDate: '2026-12-01', amount: 400_00, count: 3 });
      expect(draft.subject).toBe('Seintje: termijn 1 van onze betalingsregeling (01-12-2026)');
      expect(draft.body).toContain('Beste Joost Bakker,');
      expect(draft.body).toContain('Te betalen: € 400,00, uiterlijk 01-12-2026');
      expect(draft.body).toContain('Naar: NL91 ABNA 0417 1643 00 ten name van Ontwerpstudio Test');
      expect(draft.body).not.toMatch(/\{\{/);
      const pdf = new Uint8Array(Buffer.from(draft.attachment.dataBase64, 'base64'));
      const [page] = pdfPagesText(pdf);
      expect(page).toContain('Betalingsregeling: termijn 1 van 3');
      expect(page).toContain('Termijn 2: € 400,00, uiterlijk 01-01-2027');
      const [qr] = decodeQrCodes(pdf);
      expect(qr?.split('\n')[7]).toBe('EUR400.00');

      const request = { debtorId: debtor.id, step: 'installment-reminder' as const, planId: draft.arrangement!.planId, seq: 1, subject: draft.subject, body: draft.body };
      const sent = await call(b, 'reminders.markSent', request);
      const event = b.context.sqlite.prepare('SELECT type, summary, data_json FROM events WHERE id = ?').get(sent.eventId) as { type: string; summary: string; data_json: string };
      expect(event.type).toBe('arrangement.reminder-sent');
      expect(event.summary).toBe('Herinnering termijn betalingsregeling verstuurd per e-mail: termijn 1 van 3 (€ 400,00, uiterlijk 01-12-2026)');
      expect(JSON.parse(event.data_json)).toMatchObject({ planId: draft.arrangement!.planId, seq: 1, dueDate: '2026-12-01' });
      expect(b.context.sqlite.prepare('SELECT kind FROM documents WHERE id IN (?, ?) ORDER BY id').pluck().all(sent.mailDocumentId, sent.pdfDocumentId)).toEqual(['mail', 'reminder']);
      expect((await call(b, 'workflow.today', {})).arrangements).toEqual([]);
      expect((await failure(b, 'reminders.markSent', request)).code).toBe('conflict');
      // It is no step of the collection plan: the plan's reminders are untouched.
      expect((await call(b, 'workflow.debtor', { debtorId: debtor.id })).invoices[0]!.done).toEqual({});
    });
    await on(dataDir, '2026-12-01', async (b) => expect((await call(b, 'workflow.today', {})).arrangements).toEqual([]));
  });

  it('the confirmation: a mail from its template with the schedule and the vervalbeding, and the existing printed letter', async () => {
    const { backend, debtor, plan } = await withArrangement();
    const draft = await call(backend, 'reminders.draft', { debtorId: debtor.id, step: 'arrangement-confirmation', tone: 'zakelijk' });
    expect(draft.subject).toMatch(/^Bevestiging betalingsregeling factuur /);
    expect(draft.body).toContain('U betaalt in totaal € 1.200,00 (€ 1.200,00 aan openstaande facturen) in 3 maandelijkse termijnen:');
    expect(draft.body).toContain('- Termijn 3: € 400,00, uiterlijk 01-02-2027');
    expect(draft.body).toContain('in één keer opeisbaar');
    await call(backend, 'reminders.markSent', { debtorId: debtor.id, step: 'arrangement-confirmation', tone: 'zakelijk', planId: plan.planId, subject: draft.subject, body: draft.body });
    expect((await call(backend, 'arrangements.get', { planId: plan.planId })).confirmedByMail).toBe(true);
    expect((await failure(backend, 'reminders.markSent', { debtorId: debtor.id, step: 'arrangement-confirmation', subject: draft.subject, body: draft.body })).code).toBe('conflict');

    const letter = await call(backend, 'letters.preview', { debtorId: debtor.id, kind: 'arrangement-confirmation', planId: plan.planId });
    expect(letter.summary).toMatchObject({ planId: plan.planId, totalDue: 1_200_00, lastDay: '2026-12-01' });
  });

  it('open in a mail program (.eml with the schedule attached), and preview their templates with a real arrangement', async () => {
    const { backend, debtor } = await withArrangement();
    const draft = await call(backend, 'reminders.draft', { debtorId: debtor.id, step: 'installment-reminder' });
    const eml = await call(backend, 'reminders.eml', { debtorId: debtor.id, step: 'installment-reminder', subject: draft.subject, body: draft.body });
    expect(eml.fileName).toBe('2026-11-24 Herinnering termijn betalingsregeling Termijn B.V..eml');
    const text = Buffer.from(eml.dataBase64, 'base64').toString('utf8');
    expect(text).toContain('X-Unsent: 1');
    expect(text).toContain('2026-11-24 Betaalschema Termijn B.V..pdf');
    const sample = await call(backend, 'templates.sample', { step: 'arrangement-confirmation' });
    expect(sample).toMatchObject({ debtorId: debtor.id, variables: { 'regeling.totaal': '€ 1.200,00', 'regeling.termijnen': '3 maandelijkse termijnen' } });
    expect(sample.variables['regeling.schema']).toContain('- Termijn 1: € 400,00, uiterlijk 01-12-2026');
  });
});

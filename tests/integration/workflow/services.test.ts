// The workflow services against a real ledger: the PDF specification, disputes, stops and pauses,
// the call sheet and the call log, templates and tones, the plan in Instellingen and per customer.
import { afterAll, describe, expect, it } from 'vitest';
import { call, failure, TODAY, withBackend } from '../../helpers/backend';
import { decodeQrCodes, pdfPagesText, removeTempFiles } from '../../unit/pdf/popplerTools';
import { addDays, customerWithInvoice, sendReminders } from './helpers';

afterAll(removeTempFiles);

const pdfOf = (file: { dataBase64: string }) => new Uint8Array(Buffer.from(file.dataBase64, 'base64'));

describe('reminder drafts', () => {
  it('fill the template with the customer, the service, invoices, total, IBAN, betalingskenmerk and last day; the PDF specifies them with an EPC QR code', async () => {
    const { backend } = await withBackend();
    const { debtor, invoice } = await customerWithInvoice(backend, TODAY, { name: 'Studio Lindeboom', contactName: 'Sanne Lindeboom', daysAgo: 7, amount: 726_00 });
    const draft = await call(backend, 'reminders.draft', { debtorId: debtor.id, step: 'reminder-1' });
    expect(draft.subject).toBe(`Herinnering: factuur ${invoice.number} nog niet betaald`);
    expect(draft.body).toContain('Beste Sanne Lindeboom,');
    expect(draft.body).toContain('de betaling voor ontwerp visitekaartjes had op 17-11-2026 binnen moeten zijn');
    expect(draft.body).toContain(`- Factuur ${invoice.number} van 03-11-2026 (Ontwerp visitekaartjes): € 726,00, vervaldatum 17-11-2026`);
    expect(draft.body).toContain('Totaal open: € 726,00');
    // Seven days to pay: Tuesday 1 December.
    expect(draft.body).toContain('uiterlijk 01-12-2026 overmaken naar NL91 ABNA 0417 1643 00 ten name van Ontwerpstudio Test');
    expect(draft.body).toContain(invoice.paymentReference.replace(/(\d{4})(?=\d)/g, '$1 '));
    expect(draft.body).toMatch(/Hartelijke groet,\nNoor Visser\nOntwerpstudio Test$/);
    expect(draft.body).not.toMatch(/\{\{/);

    const pdf = pdfOf(draft.attachment);
    const pages = pdfPagesText(pdf);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain(invoice.number);
    expect(pages[0]).toContain('€ 726,00');
    const [qr] = decodeQrCodes(pdf);
    expect(qr?.split('\n')).toEqual(['BCD', '002', '1', 'SCT', '', 'Ontwerpstudio Test', 'NL91ABNA0417164300', 'EUR726.00', '', '', invoice.paymentReference]);
  });

  it('write in the customer\'s language and the chosen tone', async () => {
    const { backend } = await withBackend();
    const { debtor } = await customerWithInvoice(backend, TODAY, { name: 'Acme Ltd', contactName: 'Jane Doe', language: 'en', daysAgo: 14 });
    await sendReminders(backend, debtor.id, ['reminder-1']);
    const firm = await call(backend, 'reminders.draft', { debtorId: debtor.id, step: 'reminder-2', tone: 'zakelijk' });
    expect(firm).toMatchObject({ language: 'en', tone: 'zakelijk' });
    expect(firm.subject).toMatch(/^Second payment reminder for invoice /);
    expect(firm.body).toContain('Dear Jane Doe,');
    expect(firm.body).toContain('€242.00');
  });

  it('refuse (forbidden) without business details, and list only open invoices of the customer', async () => {
    const { backend } = await withBackend();
    const debtor = await call(backend, 'debtors.create', { kind: 'business', name: 'X' });
    expect((await failure(backend, 'reminders.draft', { debtorId: debtor.id, step: 'reminder-1' })).code).toBe('forbidden');
    const other = await customerWithInvoice(backend, TODAY, { name: 'Y', daysAgo: 7 });
    await call(backend, 'invoices.create', { debtorId: debtor.id, number: 'X-1', invoiceDate: addDays(TODAY, -30), dueDate: addDays(TODAY, -7), amount: 100_00 });
    expect((await failure(backend, 'reminders.draft', { debtorId: debtor.id, step: 'reminder-1', invoiceIds: [other.invoice.id] })).code).toBe('invalid-input');
  });
});

describe('disputes, stops and pauses', () => {
  it('a dispute on one of two invoices holds back only that one, on the timeline; resolving it lets the plan continue', async () => {
    const { backend } = await withBackend();
    const { debtor, invoice } = await customerWithInvoice(backend, TODAY, { daysAgo: 7 });
    const second = await call(backend, 'invoices.create', { debtorId: debtor.id, number: 'F-2', invoiceDate: addDays(TODAY, -21), dueDate: addDays(TODAY, -8), amount: 50_00, description: 'Drukwerk' });
    await call(backend, 'invoices.dispute', { invoiceId: invoice.id, reason: 'Kleur klopt niet' });
    expect((await failure(backend, 'invoices.dispute', { invoiceId: invoice.id, reason: 'nog eens' })).code).toBe('conflict');
    let wf = await call(backend, 'workflow.debtor', { debtorId: debtor.id });
    expect(wf.actions).toEqual([expect.objectContaining({ step: 'reminder-1', invoiceIds: [second.id] })]);
    expect(wf.pauses).toEqual([expect.objectContaining({ reason: 'dispute', invoiceNumbers: [invoice.number], note: 'Kleur klopt niet', wholeDebtor: false })]);
    expect((await call(backend, 'overview.get', {})).rows[0]!.flags).toMatchObject({ dispute: true, paused: true });

    await call(backend, 'invoices.resolveDispute', { invoiceId: invoice.id, note: 'Nieuwe proef akkoord' });
    wf = await call(backend, 'workflow.debtor', { debtorId: debtor.id });
    expect(wf.actions).toEqual([expect.objectContaining({ step: 'reminder-1', invoiceIds: [second.id, invoice.id] })]);
    const types = (await call(backend, 'debtors.page', { id: debtor.id })).timeline.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['dispute.opened', 'dispute.resolved']));
  });

  it('a stopped invoice is left alone until it is resumed', async () => {
    const { backend } = await withBackend();
    const { debtor, invoice } = await customerWithInvoice(backend, TODAY, { daysAgo: 7 });
    expect(await call(backend, 'invoices.stop', { invoiceId: invoice.id, stopped: true, reason: 'Klant is overleden; even niet' })).toMatchObject({ stopped: true });
    let wf = await call(backend, 'workflow.debtor', { debtorId: debtor.id });
    expect(wf).toMatchObject({ actions: [], nextAction: null, invoices: [expect.objectContaining({ stopped: true, pausedBy: ['stopped'] })] });
    await call(backend, 'invoices.stop', { invoiceId: invoice.id, stopped: false });
    wf = await call(backend, 'workflow.debtor', { debtorId: debtor.id });
    expect(wf.actions.map((a) => a.step)).toEqual(['reminder-1']);
    const types = (await call(backend, 'debtors.page', { id: debtor.id })).timeline.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['invoice.stopped', 'invoice.resumed']));
  });

  it('a customer who made contact is paused until the date given, on Vandaag and in Debiteuren, until resumed', async () => {
    const { backend } = await withBackend();
    const { debtor } = await customerWithInvoice(backend, TODAY, { daysAgo: 7 });
    expect((await failure(backend, 'debtors.pause', { debtorId: debtor.id, until: addDays(TODAY, -1), reason: '' })).code).toBe('invalid-input');
    await call(backend, 'debtors.pause', { debtorId: debtor.id, until: '2026-12-04', reason: 'Belde zelf: wacht op betaling van haar klant' });
    const today = await call(backend, 'workflow.today', {});
    expect(today.items).toEqual([]);
    expect(today.paused[0]).toMatchObject({ debtorId: debtor.id, pauses: [expect.objectContaining({ reason: 'contact', until: '2026-12-04', note: 'Belde zelf: wacht op betaling van haar klant' })], nextAction: { kind: 'reminder-1', date: '2026-12-05' } });
    expect((await call(backend, 'overview.get', {})).rows[0]).toMatchObject({ flags: { paused: true }, nextAction: { kind: 'reminder-1', date: '2026-12-05' } });
    await call(backend, 'debtors.resume', { debtorId: debtor.id });
    expect((await call(backend, 'workflow.today', {})).items.map((i) => i.step)).toEqual(['reminder-1']);
  });
});

describe('calls', () => {
  it('the call sheet has the facts at hand: phone, invoices with delivery and due dates, what was sent, earlier promises', async () => {
    const { backend } = await withBackend();
    const { debtor, invoice } = await customerWithInvoice(backend, TODAY, { name: 'Petra Jansen', kind: 'consumer', daysAgo: 21 });
    await sendReminders(backend, debtor.id, ['reminder-1', 'reminder-2']);
    const sheet = await call(backend, 'calls.sheet', { debtorId: debtor.id });
    expect(sheet.debtor).toMatchObject({ name: 'Petra Jansen', phone: '030 123 4567' });
    expect(sheet.invoices).toEqual([expect.objectContaining({ number: invoice.number, deliveryDate: addDays(TODAY, -37), dueDate: addDays(TODAY, -21), daysOverdue: 21, open: 242_00 })]);
    expect(sheet.sent.map((s) => s.step)).toEqual(['reminder-1', 'reminder-2']);
    // Both reminders went out today, so the call keeps its week after the second one.
    expect(sheet.stage).toBe('reminder-2');

    const pdf = pdfOf(await call(backend, 'calls.sheetPdf', { debtorId: debtor.id }));
    const pages = pdfPagesText(pdf);
    expect(pages).toHaveLength(1);
    for (const text of ['Belvoorbereiding: Petra Jansen', '030 123 4567', invoice.number, '18-10-2026', '03-11-2026', 'Herinnering 1 verstuurd per e-mail', 'Is de factuur goed aangekomen', 'Uitkomst']) {
      expect(pages[0]).toContain(text);
    }
  });

  it('a promise creates a promises row and a promise.made event; the confirmation mail is drafted from the log and can be sent once', async () => {
    const { backend } = await withBackend();
    const { debtor } = await customerWithInvoice(backend, TODAY, { daysAgo: 21, contactName: 'Henk Groen' });
    await expect(call(backend, 'calls.log', { debtorId: debtor.id, reached: true, notes: '', outcome: 'promise' })).rejects.toMatchObject({ error: { code: 'invalid-input', fields: { promisedDate: expect.any(String) } } });
    const logged = await call(backend, 'calls.log', { debtorId: debtor.id, reached: true, notes: 'Factuur lag bij de boekhouder.', outcome: 'promise', promisedDate: '2026-11-27', promisedAmount: 200_00 });
    expect(logged).toMatchObject({ confirmationStep: 'promise-confirmation', pausedUntil: '2026-12-01' });
    expect(backend.context.sqlite.prepare('SELECT promised_date, amount_cents, status FROM promises WHERE id = ?').get(logged.promiseId)).toEqual({ promised_date: '2026-11-27', amount_cents: 200_00, status: 'open' });
    const draft = await call(backend, 'reminders.draft', { debtorId: debtor.id, step: 'promise-confirmation', callEventId: logged.eventId });
    expect(draft.body).toContain('Zoals afgesproken betaal je € 200,00 uiterlijk op 27-11-2026.');
    expect(draft.body).toContain('Dank je voor het gesprek van 24-11-2026');
    const req = { debtorId: debtor.id, step: 'promise-confirmation' as const, subject: draft.subject, body: draft.body, callEventId: logged.eventId };
    const sent = await call(backend, 'reminders.markSent', req);
    expect(backend.context.sqlite.prepare('SELECT type FROM events WHERE id = ?').get(sent.eventId)).toEqual({ type: 'call.confirmation-sent' });
    expect((await failure(backend, 'reminders.markSent', req)).code).toBe('conflict');
    expect((await call(backend, 'overview.get', {})).rows[0]!.flags).toMatchObject({ promise: true, paused: true });
  });

  it('a dispute on the phone marks the invoices disputed; a request for an arrangement pauses five working days', async () => {
    const { backend } = await withBackend();
    const a = await customerWithInvoice(backend, TODAY, { name: 'A', daysAgo: 21 });
    await call(backend, 'calls.log', { debtorId: a.debtor.id, reached: true, notes: 'Zegt dat de levering niet compleet was.', outcome: 'dispute' });
    expect((await call(backend, 'debtors.page', { id: a.debtor.id })).invoices[0]).toMatchObject({ disputed: true, disputeReason: 'Zegt dat de levering niet compleet was.' });
    const b = await customerWithInvoice(backend, TODAY, { name: 'B', daysAgo: 21 });
    const logged = await call(backend, 'calls.log', { debtorId: b.debtor.id, reached: true, notes: 'Wil in drie delen betalen.', outcome: 'arrangement-requested' });
    expect(logged.pausedUntil).toBe('2026-12-01');
    expect((await call(backend, 'workflow.debtor', { debtorId: b.debtor.id })).pauses).toEqual([expect.objectContaining({ reason: 'contact', until: '2026-12-01' })]);
  });
});

describe('templates and the plan', () => {
  it('lists every step × language × tone; an edited template is used for drafts until it is reset', async () => {
    const { backend } = await withBackend();
    expect(await call(backend, 'templates.list', {})).toHaveLength(7 * 2 * 3);
    const { debtor } = await customerWithInvoice(backend, TODAY, { daysAgo: 7 });
    await call(backend, 'templates.save', { step: 'reminder-1', language: 'nl', tone: 'vriendelijk', subject: 'Even checken: {{factuur}}', body: 'Hoi {{contactpersoon}}, nog {{totaal}} open. {{onbekend}}' });
    const edited = await call(backend, 'reminders.draft', { debtorId: debtor.id, step: 'reminder-1' });
    expect(edited.subject).toMatch(/^Even checken: factuur F-/);
    expect(edited.body).toBe('Hoi Klant B.V., nog € 242,00 open. {{onbekend}}');
    expect((await call(backend, 'templates.reset', { step: 'reminder-1', language: 'nl', tone: 'vriendelijk' })).edited).toBe(false);
    expect((await call(backend, 'reminders.draft', { debtorId: debtor.id, step: 'reminder-1' })).subject).toMatch(/^Herinnering: /);
    const sample = await call(backend, 'templates.sample', { step: 'promise-confirmation' });
    expect(sample).toMatchObject({ debtorId: debtor.id, debtorName: 'Klant B.V.' });
    expect(sample.variables['belofte.datum']).toBe('01-12-2026');
  });

  it('the business plan and default tone apply to every customer; a customer\'s own plan only to that customer; an out-of-order plan is refused', async () => {
    const { backend } = await withBackend();
    const a = await customerWithInvoice(backend, TODAY, { name: 'A', daysAgo: 4 });
    const b = await customerWithInvoice(backend, TODAY, { name: 'B', daysAgo: 4 });
    expect((await call(backend, 'workflow.today', {})).items).toEqual([]);
    const settings = await call(backend, 'workflow.settings', {});
    expect(settings).toMatchObject({ defaultTone: 'vriendelijk', ladder: { 'reminder-1': { enabled: true, days: 7 } } });
    await call(backend, 'workflow.saveDebtorLadder', { debtorId: a.debtor.id, override: { 'reminder-1': { enabled: true, days: 4 } } });
    expect((await call(backend, 'workflow.today', {})).items.map((i) => i.debtorName)).toEqual(['A']);
    await call(backend, 'workflow.saveSettings', { ladder: { ...settings.ladder, 'reminder-1': { enabled: true, days: 3 } }, defaultTone: 'zakelijk' });
    expect((await call(backend, 'workflow.today', {})).items.map((i) => i.debtorName).sort()).toEqual(['A', 'B']);
    expect((await call(backend, 'reminders.draft', { debtorId: b.debtor.id, step: 'reminder-1' })).body).toMatch(/^Geachte B,\n/);
    const bad = await failure(backend, 'workflow.saveSettings', { ladder: { ...settings.ladder, 'reminder-2': { enabled: true, days: 5 } }, defaultTone: 'zakelijk' });
    expect(bad).toMatchObject({ code: 'invalid-input', fields: { 'ladder.reminder-2.days': expect.stringContaining('later') } });
    expect((await failure(backend, 'workflow.saveDebtorLadder', { debtorId: a.debtor.id, override: { 'reminder-2': { enabled: true, days: 2 } } })).code).toBe('invalid-input');
    await call(backend, 'workflow.saveDebtorLadder', { debtorId: a.debtor.id, override: null });
    expect((await call(backend, 'workflow.debtor', { debtorId: a.debtor.id })).ladderOverride).toBeNull();
  });
});

// The call: a call sheet (Belvoorbereiding) with everything to have at hand, printable as A4, and
// the call log. A promise made on the phone becomes a promises row and a 'promise.made' event and
// pauses escalation until the promised date + the grace in working days (the engine does the
// pausing; see engine.ts). Every call is one 'call.logged' event on the invoices it was about.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { FileBytes, ParsedInputOf } from '../../../shared/contract';
import type { CallLogged, CallSheet } from '../../../shared/domain/workflow';
import { addWorkingDays } from '../../../shared/law';
import type { Context } from '../context';
import { transaction } from '../db/transaction';
import { AppError } from '../errors';
import { invoicesOfDebtor, SENT_EVENT_TYPES } from '../ledger/balances';
import { getDebtorRow } from '../ledger/debtors';
import { addEvent } from '../ledger/events';
import { PDF_COLORS, renderPdf } from '../pdf';
import { day, listJoin, money, safeFileName, toBase64, type Lang } from './common';
import { evaluateLedger } from './load';

export async function callSheet(ctx: Context, debtorId: number): Promise<CallSheet> {
  const d = await getDebtorRow(ctx, debtorId);
  const invoices = invoicesOfDebtor(ctx, debtorId).filter((i) => i.kind === 'invoice' && i.open > 0);
  const state = evaluateLedger(ctx, debtorId)[0]?.state;
  const sentTypes = SENT_EVENT_TYPES;
  const events = ctx.sqlite.prepare(`SELECT occurred_on, type, summary, data_json FROM events WHERE debtor_id = ?
    AND type IN (${[...sentTypes, 'call.logged'].map(() => '?').join(', ')}) ORDER BY occurred_on, id`)
    .all(debtorId, ...sentTypes, 'call.logged') as { occurred_on: string; type: string; summary: string; data_json: string }[];
  const promises = ctx.sqlite.prepare('SELECT id, promised_date, amount_cents, status, created_at, (SELECT occurred_on FROM events WHERE id = promises.event_id) AS made_on FROM promises WHERE debtor_id = ? ORDER BY created_at, id')
    .all(debtorId) as { id: number; promised_date: string; amount_cents: number | null; status: 'open' | 'kept' | 'broken' | 'cancelled'; created_at: string; made_on: string | null }[];
  const verdicts = new Map(state?.promises.map((p) => [p.promiseId, p.verdict]) ?? []);
  return {
    today: ctx.today(),
    debtor: { id: d.id, name: d.name, kind: d.kind, contactName: d.contact_name, phone: d.phone, email: d.email, language: d.language },
    invoices: invoices.map((i) => ({
      id: i.id, number: i.number, description: i.description, amount: i.amount, open: i.open, deliveryDate: i.deliveryDate, invoiceDate: i.invoiceDate,
      dueDate: i.dueDate, daysOverdue: i.daysOverdue, disputed: i.disputed,
    })),
    total: invoices.reduce((s, i) => s + i.open, 0),
    sent: events.filter((e) => e.type !== 'call.logged').map((e) => {
      let step: string | null = null;
      try { step = (JSON.parse(e.data_json) as { step?: string; letter?: string }).step ?? (JSON.parse(e.data_json) as { letter?: string }).letter ?? null; } catch { step = null; }
      return { date: e.occurred_on, type: e.type, step, summary: e.summary };
    }),
    calls: events.filter((e) => e.type === 'call.logged').map((e) => ({ date: e.occurred_on, summary: e.summary })),
    promises: promises.map((p) => ({
      date: p.made_on ?? p.created_at.slice(0, 10), promisedDate: p.promised_date, amount: p.amount_cents,
      status: p.status === 'open' && verdicts.get(p.id) && verdicts.get(p.id) !== 'open' ? (verdicts.get(p.id) as 'kept' | 'broken') : p.status,
    })),
    stage: state?.stage ?? 'not-due',
    pauses: state?.pauses ?? [],
  };
}

// ---------------------------------------------------------------------------------------------
// The printable call sheet (A4)

const SHEET_TEXT = {
  nl: {
    title: 'Belvoorbereiding', customer: 'Klant', kind: { business: 'Zakelijk', consumer: 'Particulier' }, kindLabel: 'Soort', contact: 'Contactpersoon',
    phone: 'Telefoon', email: 'E-mail', invoices: 'Openstaande facturen', number: 'Factuur', description: 'Omschrijving', delivered: 'Geleverd',
    due: 'Vervaldatum', late: 'Dagen te laat', open: 'Open', total: 'Totaal open', sent: 'Wat er al verstuurd is', nothingSent: 'Nog niets verstuurd.',
    calls: 'Eerdere gesprekken', promises: 'Eerdere afspraken', promise: (date: string, amount: string) => `betalen ${amount} uiterlijk ${date}`,
    status: { open: 'loopt', kept: 'nagekomen', broken: 'niet nagekomen', cancelled: 'vervallen' }, madeOn: 'gemaakt op',
    ask: 'Wat je vraagt', questions: [
      'Is de factuur goed aangekomen, en bij de juiste persoon?',
      'Is er iets onduidelijk, of is de klant het ergens niet mee eens? Laat ruimte voor het verhaal van de klant.',
      'Wanneer kan ik de betaling verwachten? In één keer, of liever in delen?',
      'Spreek een concrete datum en een bedrag af, en zeg dat je het per mail bevestigt.',
    ],
    outcome: 'Uitkomst', reached: 'Gesproken', notReached: 'Niet bereikt / voicemail', promiseLine: 'Betaalt € ____________ uiterlijk ____-____-________',
    dispute: 'Betwist:', arrangement: 'Vraagt om een betalingsregeling', notes: 'Notities', disputed: 'betwist', printed: 'Afgedrukt op', calledOn: 'Gebeld op ____-____-________ om ____:____',
  },
  en: {
    title: 'Call sheet', customer: 'Customer', kind: { business: 'Business', consumer: 'Consumer' }, kindLabel: 'Kind', contact: 'Contact person',
    phone: 'Phone', email: 'E-mail', invoices: 'Open invoices', number: 'Invoice', description: 'Description', delivered: 'Delivered',
    due: 'Due date', late: 'Days late', open: 'Open', total: 'Total open', sent: 'What was sent already', nothingSent: 'Nothing sent yet.',
    calls: 'Earlier calls', promises: 'Earlier agreements', promise: (date: string, amount: string) => `pay ${amount} by ${date}`,
    status: { open: 'running', kept: 'kept', broken: 'not kept', cancelled: 'cancelled' }, madeOn: 'made on',
    ask: 'What to ask', questions: [
      'Did the invoice arrive, and with the right person?',
      "Is anything unclear, or does the customer disagree with something? Leave room for the customer's side of the story.",
      'When can I expect the payment? In one go, or in parts?',
      'Agree on a concrete date and amount, and say you will confirm it by e-mail.',
    ],
    outcome: 'Outcome', reached: 'Spoke to them', notReached: 'Not reached / voicemail', promiseLine: 'Pays € ____________ by ____-____-________',
    dispute: 'Disputes:', arrangement: 'Asks for a payment arrangement', notes: 'Notes', disputed: 'disputed', printed: 'Printed on', calledOn: 'Called on ____-____-________ at ____:____',
  },
};

const MM = 72 / 25.4;
const MUTED = PDF_COLORS.muted;

function checkbox(label: string): Content {
  return { columns: [{ width: 14, canvas: [{ type: 'rect', x: 0, y: 1.5, w: 9, h: 9, lineWidth: 0.8 }] }, { width: '*', text: label }], margin: [0, 3, 0, 3] };
}

function writeLines(count: number): Content {
  return { canvas: Array.from({ length: count }, (_, i) => ({ type: 'line' as const, x1: 0, y1: 18 * (i + 1), x2: 165 * MM, y2: 18 * (i + 1), lineWidth: 0.4, lineColor: '#9aa0a6' })), margin: [0, 0, 0, 6] };
}

export function callSheetDocument(sheet: CallSheet, businessName: string, lang: Lang): TDocumentDefinitions {
  const t = SHEET_TEXT[lang];
  const d = sheet.debtor;
  const facts: [string, string][] = [[t.customer, d.name], [t.kindLabel, t.kind[d.kind]]];
  if (d.contactName) facts.push([t.contact, d.contactName]);
  facts.push([t.phone, d.phone ?? '—']);
  if (d.email) facts.push([t.email, d.email]);
  const head: TableCell[] = [t.number, t.description, t.delivered, t.due, t.late, t.open].map((text, i) => ({ text, bold: true, fontSize: 8.5, alignment: i >= 4 ? 'right' : 'left' }));
  const rows: TableCell[][] = sheet.invoices.map((i) => [
    { text: i.number, noWrap: true },
    { text: `${i.description}${i.disputed ? ` (${t.disputed})` : ''}` },
    { text: i.deliveryDate ? day(i.deliveryDate) : '—', noWrap: true },
    { text: day(i.dueDate), noWrap: true },
    { text: i.daysOverdue > 0 ? String(i.daysOverdue) : '—', alignment: 'right' },
    { text: money(i.open, lang), alignment: 'right', noWrap: true },
  ]);
  rows.push([{ text: t.total, bold: true, colSpan: 5 }, {}, {}, {}, {}, { text: money(sheet.total, lang), bold: true, alignment: 'right', noWrap: true }]);
  const list = (items: string[], empty?: string): Content => (items.length ? { ul: items, margin: [0, 0, 0, 4] } : { text: empty ?? '—', color: MUTED, margin: [0, 0, 0, 4] });
  const heading = (text: string): Content => ({ text, bold: true, fontSize: 11, margin: [0, 10, 0, 4] });
  const content: Content[] = [
    { columns: [{ text: `${t.title}: ${d.name}`, fontSize: 16, bold: true }, { text: `${businessName}\n${t.printed} ${day(sheet.today)}`, alignment: 'right', fontSize: 8.5, color: MUTED, width: 'auto' }] },
    { table: { widths: ['auto', '*'], body: facts.map(([k, v]) => [{ text: k, color: MUTED }, { text: v, bold: k === t.phone }]) }, layout: 'noBorders', margin: [0, 8, 0, 0] },
    heading(t.invoices),
    { table: { headerRows: 1, widths: ['auto', '*', 'auto', 'auto', 'auto', 'auto'], body: [head, ...rows] }, layout: 'lightHorizontalLines', fontSize: 9 },
    heading(t.sent),
    list(sheet.sent.map((s) => `${day(s.date)} — ${s.summary}`), t.nothingSent),
  ];
  if (sheet.calls.length) content.push(heading(t.calls), list(sheet.calls.map((c) => `${day(c.date)} — ${c.summary}`)));
  if (sheet.promises.length) {
    content.push(heading(t.promises), list(sheet.promises.map((p) => `${day(p.date)}: ${t.promise(day(p.promisedDate), p.amount === null ? money(sheet.total, lang) : money(p.amount, lang))} — ${t.status[p.status]}`)));
  }
  content.push(
    heading(t.ask),
    { ol: t.questions, margin: [0, 0, 0, 4] },
    heading(t.outcome),
    { text: t.calledOn, margin: [0, 2, 0, 4] },
    { columns: [checkbox(t.reached), checkbox(t.notReached)] },
    checkbox(t.promiseLine),
    checkbox(`${t.dispute} ______________________________________________`),
    checkbox(t.arrangement),
    { text: t.notes, margin: [0, 6, 0, 0], color: MUTED },
    writeLines(5),
  );
  return {
    pageSize: 'A4',
    pageMargins: [20 * MM, 18 * MM, 20 * MM, 18 * MM],
    info: { title: `${t.title} ${d.name}`, creator: 'Openstaand', creationDate: new Date(`${sheet.today}T12:00:00Z`) },
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    content,
  };
}

export async function callSheetPdf(ctx: Context, input: ParsedInputOf<'calls.sheetPdf'>): Promise<FileBytes> {
  const sheet = await callSheet(ctx, input.debtorId);
  const business = ctx.sqlite.prepare('SELECT name FROM business WHERE id = 1').get() as { name: string } | undefined;
  const lang = input.language ?? 'nl';
  const bytes = await renderPdf(callSheetDocument(sheet, business?.name ?? '', lang));
  return {
    fileName: `${safeFileName(`${sheet.today} ${SHEET_TEXT[lang].title} ${sheet.debtor.name}`)}.pdf`, mimeType: 'application/pdf', dataBase64: toBase64(bytes),
  };
}

// ---------------------------------------------------------------------------------------------
// The call log

const OUTCOME_NL: Record<ParsedInputOf<'calls.log'>['outcome'], string> = {
  promise: 'betalingsbelofte', dispute: 'klant betwist de factuur', 'arrangement-requested': 'klant vraagt om een betalingsregeling', 'no-answer': 'geen gehoor', other: 'overig',
};

export async function logCall(ctx: Context, input: ParsedInputOf<'calls.log'>): Promise<CallLogged> {
  return transaction(ctx, async () => {
    const debtor = await getDebtorRow(ctx, input.debtorId);
    const date = input.date ?? ctx.today();
    const open = invoicesOfDebtor(ctx, debtor.id).filter((i) => i.kind === 'invoice' && i.open > 0);
    const ids = input.invoiceIds ?? open.map((i) => i.id);
    const covered = open.filter((i) => ids.includes(i.id));
    if (covered.length !== new Set(ids).size) {
      throw new AppError('invalid-input', 'Een gekozen factuur hoort niet bij deze klant of staat niet meer open.', 'A chosen invoice does not belong to this customer or is no longer open.');
    }
    const total = covered.reduce((s, i) => s + i.open, 0);
    const numbers = covered.map((i) => i.number);
    if (input.outcome === 'promise') {
      if (!input.promisedDate) throw new AppError('invalid-input', 'Vul de datum in waarop de klant belooft te betalen.', 'Enter the date the customer promises to pay.', { promisedDate: 'Vul de beloofde betaaldatum in.' });
      if (input.promisedDate < date) throw new AppError('invalid-input', 'De beloofde betaaldatum ligt in het verleden.', 'The promised date is in the past.', { promisedDate: 'Deze datum is al voorbij.' });
      if (covered.length === 0) throw new AppError('forbidden', 'Er staat niets open om te beloven.', 'Nothing is open to promise.');
      if (input.promisedAmount !== undefined && (input.promisedAmount <= 0 || input.promisedAmount > total)) {
        throw new AppError('invalid-input', `Het beloofde bedrag moet tussen € 0,01 en ${money(total, 'nl')} liggen.`, 'The promised amount must be more than zero and at most the open amount.', { promisedAmount: `Hooguit ${money(total, 'nl')}.` });
      }
    }
    const promisedAmount = input.outcome === 'promise' ? (input.promisedAmount ?? total) : null;
    const reached = input.reached && input.outcome !== 'no-answer';
    const notes = input.notes.trim();
    const headline = reached ? 'Gebeld en gesproken' : 'Gebeld, niet bereikt';
    const callEventId = await addEvent(ctx, {
      debtorId: debtor.id, type: 'call.logged', occurredOn: date, invoiceIds: covered.map((i) => i.id),
      summary: `${headline} (${OUTCOME_NL[input.outcome]})${notes ? `: ${notes}` : ''}`,
      data: {
        reached, notes, outcome: input.outcome,
        ...(input.outcome === 'promise' ? { promisedDate: input.promisedDate, promisedAmount } : {}),
      },
    });

    let promiseId: number | null = null;
    let pausedUntil: string | null = null;
    if (input.outcome === 'promise') {
      const eventId = await addEvent(ctx, {
        debtorId: debtor.id, type: 'promise.made', occurredOn: date, invoiceIds: covered.map((i) => i.id),
        summary: `Belofte: betaalt ${money(promisedAmount!, 'nl')} uiterlijk ${day(input.promisedDate!)} (${numbers.length === 1 ? 'factuur' : 'facturen'} ${listJoin(numbers, 'nl')})`,
        data: { promisedDate: input.promisedDate, amount: promisedAmount, callEventId },
      });
      promiseId = (await ctx.db.insertInto('promises').values({
        debtor_id: debtor.id, event_id: eventId, promised_date: input.promisedDate!, amount_cents: promisedAmount, status: 'open', resolved_on: null, created_at: ctx.now(),
      }).returning('id').executeTakeFirstOrThrow()).id;
      const state = evaluateLedger(ctx, debtor.id)[0]?.state;
      pausedUntil = addWorkingDays(input.promisedDate!, state?.ladder.promiseGraceWorkingDays ?? 2);
    }
    if (input.outcome === 'dispute') {
      for (const inv of covered.filter((i) => !i.disputed)) {
        ctx.sqlite.prepare('UPDATE invoices SET disputed = 1, dispute_reason = ?, updated_at = ? WHERE id = ?').run(notes || 'Betwist in telefoongesprek', ctx.now(), inv.id);
        await addEvent(ctx, { debtorId: debtor.id, type: 'dispute.opened', occurredOn: date, invoiceIds: [inv.id], summary: `Factuur ${inv.number} betwist (telefoongesprek)${notes ? `: ${notes}` : ''}`, data: { reason: notes, callEventId } });
      }
    }
    if (input.outcome === 'arrangement-requested') {
      // Room to work out the arrangement: no final notice goes out while it is being agreed.
      pausedUntil = addWorkingDays(date, 5);
      const reason = 'Klant vraagt om een betalingsregeling';
      ctx.sqlite.prepare('UPDATE debtors SET paused_until = ?, pause_reason = ?, updated_at = ? WHERE id = ?').run(pausedUntil, reason, ctx.now(), debtor.id);
      await addEvent(ctx, { debtorId: debtor.id, type: 'debtor.paused', occurredOn: date, summary: `Gepauzeerd tot en met ${day(pausedUntil)}: ${reason.toLowerCase()}`, data: { until: pausedUntil, reason, callEventId } });
    }
    return { eventId: callEventId, promiseId, pausedUntil, confirmationStep: input.outcome === 'promise' ? 'promise-confirmation' : 'call-confirmation' };
  });
}

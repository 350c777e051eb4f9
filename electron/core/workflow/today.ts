// Vandaag: the work list. Every action due today or earlier (catch-up included), one per customer
// and step, grouped by the renderer; the customers whose plan is paused, with why and until when.
// Loading it also settles promises: one whose date + grace passed without payment is recorded as
// broken (a 'promise.broken' event; escalation resumes), one that was paid as kept. Idempotent: a
// promise is settled once, when its status changes from 'open'.
import type { TemplateSample } from '../../../shared/contract/methods/workflow';
import type { ParsedInputOf } from '../../../shared/contract';
import { addDaysIso, daysBetween } from '../../../shared/domain/dates';
import { isArrangementStep, type PausedDebtor, type TodayList, type WorkItem, type WorkNote } from '../../../shared/domain/workflow';
import type { Context } from '../context';
import { transaction } from '../db/transaction';
import { addEvent } from '../ledger/events';
import { arrangementWork, settleArrangements } from './arrangements';
import { day, money } from './common';
import { draftContext, templateVariables, type CallInfo, type DraftContext } from './drafts';
import { evaluateLedger, type Evaluated } from './load';

interface PromiseRow { id: number; debtor_id: number; event_id: number | null; promised_date: string; amount_cents: number | null }

/** Records the promises the engine found broken or kept; returns how many of each. */
export async function settlePromises(ctx: Context, evaluated: Evaluated[]): Promise<{ broken: number; kept: number }> {
  const verdicts: { id: number; verdict: 'broken' | 'kept'; graceEnd: string | null }[] = [];
  for (const { state } of evaluated) {
    for (const p of state.promises) if (p.verdict !== 'open') verdicts.push({ id: p.promiseId, verdict: p.verdict, graceEnd: p.graceEnd });
  }
  // A customer who paid everything no longer has open invoices, so the engine never saw them.
  const paidUp = ctx.sqlite.prepare(`SELECT p.id FROM promises p WHERE p.status = 'open'
    AND NOT EXISTS (SELECT 1 FROM invoices i INDEXED BY invoices_open WHERE i.debtor_id = p.debtor_id AND i.open_cents > 0)`).all() as { id: number }[];
  for (const p of paidUp) verdicts.push({ id: p.id, verdict: 'kept', graceEnd: null });
  if (verdicts.length === 0) return { broken: 0, kept: 0 };

  return transaction(ctx, async () => {
    const counts = { broken: 0, kept: 0 };
    const today = ctx.today();
    for (const v of verdicts) {
      const changed = ctx.sqlite.prepare("UPDATE promises SET status = ?, resolved_on = ? WHERE id = ? AND status = 'open'").run(v.verdict, today, v.id);
      if (changed.changes !== 1) continue;
      const p = ctx.sqlite.prepare('SELECT id, debtor_id, event_id, promised_date, amount_cents FROM promises WHERE id = ?').get(v.id) as PromiseRow;
      const invoiceIds = p.event_id === null ? [] : (ctx.sqlite.prepare('SELECT invoice_id FROM event_invoices WHERE event_id = ?').all(p.event_id) as { invoice_id: number }[]).map((r) => r.invoice_id);
      const what = `${p.amount_cents === null ? '' : `${money(p.amount_cents, 'nl')} `}uiterlijk ${day(p.promised_date)}`;
      await addEvent(ctx, {
        debtorId: p.debtor_id, type: v.verdict === 'broken' ? 'promise.broken' : 'promise.kept', occurredOn: today, invoiceIds,
        summary: v.verdict === 'broken'
          ? `Belofte niet nagekomen (betalen ${what}; gewacht tot en met ${day(v.graceEnd!)}); het plan loopt weer`
          : `Belofte nagekomen (betalen ${what})`,
        data: { promiseId: p.id, promisedDate: p.promised_date, amount: p.amount_cents, graceEnd: v.graceEnd },
      });
      counts[v.verdict] += 1;
    }
    return counts;
  });
}

export async function getToday(ctx: Context): Promise<TodayList> {
  const today = ctx.today();
  // Missed installments and completed arrangements are recorded like promises (once each), first:
  // a completed arrangement no longer pauses the customer.
  await settleArrangements(ctx);
  const evaluated = evaluateLedger(ctx);
  const settled = await settlePromises(ctx, evaluated);
  const recentlyBroken = ctx.sqlite.prepare(`SELECT debtor_id, promised_date, amount_cents FROM promises WHERE status = 'broken' AND resolved_on >= ?`)
    .all(addDaysIso(today, -30)) as { debtor_id: number; promised_date: string; amount_cents: number | null }[];

  const items: WorkItem[] = [];
  const paused: PausedDebtor[] = [];
  for (const { debtor, state } of evaluated) {
    const byId = new Map(debtor.invoices.map((i) => [i.id, i]));
    const notes: WorkNote[] = [];
    const broken = new Set<string>();
    for (const v of state.promises.filter((p) => p.verdict === 'broken')) {
      const p = debtor.promises?.find((x) => x.id === v.promiseId);
      if (p) { broken.add(p.promisedDate); notes.push({ kind: 'promise-broken', promisedDate: p.promisedDate, amount: p.amount }); }
    }
    for (const r of recentlyBroken) {
      if (r.debtor_id === debtor.id && !broken.has(r.promised_date)) { broken.add(r.promised_date); notes.push({ kind: 'promise-broken', promisedDate: r.promised_date, amount: r.amount_cents }); }
    }
    for (const m of state.missedInstallments) notes.push({ kind: 'installment-missed', dueDate: m.dueDate, amount: m.amount });

    for (const action of state.actions) {
      const invoices = action.invoiceIds.map((id) => byId.get(id)!).map((i) => ({
        id: i.id, number: i.number, open: i.open, dueDate: i.dueDate, daysOverdue: daysBetween(i.dueDate, today), description: i.description,
      }));
      const paid = action.invoiceIds.reduce((s, id) => s + (byId.get(id)!.amount - byId.get(id)!.open), 0);
      items.push({
        debtorId: debtor.id, debtorName: debtor.name, debtorKind: debtor.kind, step: action.step, letter: action.letter, dueSince: action.dueSince,
        invoices, total: invoices.reduce((s, i) => s + i.open, 0), email: debtor.email, phone: debtor.phone,
        notes: paid > 0 ? [...notes, { kind: 'partly-paid', paid }] : notes, isDemo: debtor.isDemo,
      });
    }
    if (state.pauses.length) {
      const numberOf = (id: number) => byId.get(id)?.number ?? String(id);
      paused.push({
        debtorId: debtor.id, debtorName: debtor.name, open: debtor.invoices.reduce((s, i) => s + i.open, 0),
        pauses: state.pauses.map((p) => ({ ...p, invoiceNumbers: p.invoiceIds.map(numberOf) })), nextAction: state.nextAction,
      });
    }
  }
  items.sort((a, b) => a.dueSince.localeCompare(b.dueSince) || a.debtorName.localeCompare(b.debtorName, 'nl'));
  paused.sort((a, b) => a.debtorName.localeCompare(b.debtorName, 'nl'));
  return { today, items, arrangements: arrangementWork(ctx), paused, settled };
}

// ---------------------------------------------------------------------------------------------
// The live preview of a template: the variables of a real customer

const SAMPLE: Record<'nl' | 'en', Record<string, string>> = {
  nl: {
    'klant.naam': 'Voorbeeldklant B.V.', contactpersoon: 'Sanne de Vries', dienst: 'ontwerp van de nieuwe huisstijl',
    facturen: '- Factuur 2026-101 van 01-11-2026 (Ontwerp nieuwe huisstijl): € 1.210,00, vervaldatum 15-11-2026', factuur: 'factuur 2026-101', factuurnummers: '2026-101',
    totaal: '€ 1.210,00', vervaldatum: '15-11-2026', dagen_te_laat: '9', uiterste_betaaldatum: '01-12-2026', iban: 'NL91 ABNA 0417 1643 00',
    betalingskenmerk: '7000 0000 0000 1014', 'bedrijf.naam': 'Jouw bedrijf', 'bedrijf.telefoon': '06 12345678', 'bedrijf.email': 'jij@jouwbedrijf.nl',
    afzender: 'Jouw naam', vandaag: '24-11-2026', 'gesprek.datum': '24-11-2026', 'gesprek.notities': 'De factuur was in de spam beland; betaling volgt volgende week.',
    'belofte.datum': '01-12-2026', 'belofte.bedrag': '€ 1.210,00',
    'termijn.nummer': '2', 'termijn.bedrag': '€ 403,33', 'termijn.datum': '01-12-2026', 'regeling.aantal': '3', 'regeling.termijnen': '3 maandelijkse termijnen',
    'regeling.totaal': '€ 1.210,00', 'regeling.opbouw': '€ 1.210,00 aan openstaande facturen',
    'regeling.schema': '- Termijn 1: € 403,33, uiterlijk 01-11-2026 (betaald)\n- Termijn 2: € 403,33, uiterlijk 01-12-2026\n- Termijn 3: € 403,34, uiterlijk 01-01-2027',
    'regeling.betaald': '€ 403,33', 'regeling.resterend': '€ 806,67',
    'regeling.vervalbeding': 'Wordt een termijn niet op tijd betaald, dan is het hele resterende bedrag in één keer opeisbaar. Lukt een termijn een keer niet, laat het me dan vóór de datum weten; dan kijken we samen wat kan.',
  },
  en: {
    'klant.naam': 'Sample Customer Ltd', contactpersoon: 'Sanne de Vries', dienst: 'design of the new corporate identity',
    facturen: '- Invoice 2026-101 of 01-11-2026 (New corporate identity): €1,210.00, due 15-11-2026', factuur: 'invoice 2026-101', factuurnummers: '2026-101',
    totaal: '€1,210.00', vervaldatum: '15-11-2026', dagen_te_laat: '9', uiterste_betaaldatum: '01-12-2026', iban: 'NL91 ABNA 0417 1643 00',
    betalingskenmerk: '7000 0000 0000 1014', 'bedrijf.naam': 'Your business', 'bedrijf.telefoon': '06 12345678', 'bedrijf.email': 'you@yourbusiness.nl',
    afzender: 'Your name', vandaag: '24-11-2026', 'gesprek.datum': '24-11-2026', 'gesprek.notities': 'The invoice had ended up in spam; payment follows next week.',
    'belofte.datum': '01-12-2026', 'belofte.bedrag': '€1,210.00',
    'termijn.nummer': '2', 'termijn.bedrag': '€403.33', 'termijn.datum': '01-12-2026', 'regeling.aantal': '3', 'regeling.termijnen': '3 monthly installments',
    'regeling.totaal': '€1,210.00', 'regeling.opbouw': '€1,210.00 in outstanding invoices',
    'regeling.schema': '- Installment 1: €403.33, by 01-11-2026 (paid)\n- Installment 2: €403.33, by 01-12-2026\n- Installment 3: €403.34, by 01-01-2027',
    'regeling.betaald': '€403.33', 'regeling.resterend': '€806.67',
    'regeling.vervalbeding': 'If an installment is not paid on time, the whole remaining amount becomes due at once. If an installment ever does not work out, please let me know before its date; we will see together what is possible.',
  },
};

export function templateSample(ctx: Context, input: ParsedInputOf<'templates.sample'>): TemplateSample {
  let debtorId = input.debtorId;
  if (debtorId === undefined && isArrangementStep(input.step)) {
    // An arrangement mail previews best with a customer who has one running.
    debtorId = (ctx.sqlite.prepare("SELECT debtor_id FROM payment_plans WHERE status = 'active' ORDER BY id DESC LIMIT 1").get() as { debtor_id: number } | undefined)?.debtor_id;
  }
  if (debtorId === undefined) {
    const evaluated = evaluateLedger(ctx, undefined, false);
    debtorId = (evaluated.find((e) => e.state.actions.some((a) => a.step === input.step)) ?? evaluated[0])?.debtor.id;
  }
  if (debtorId !== undefined) {
    try {
      const confirmation = input.step === 'call-confirmation' || input.step === 'promise-confirmation';
      const found = draftContext(ctx, { debtorId, step: confirmation ? 'reminder-1' : input.step });
      const dc: DraftContext = { ...found, language: input.language ?? found.language };
      const call: CallInfo = { eventId: 0, date: dc.today, notes: SAMPLE[dc.language]['gesprek.notities']!, invoiceIds: [], promise: { date: addDaysIso(dc.today, 7), amount: null } };
      const variables = templateVariables({ ...dc, step: input.step, call: confirmation ? call : null });
      return { debtorId, debtorName: dc.debtor.name, language: dc.language, variables };
    } catch {
      // no business details or no open invoices: fall back to the sample below
    }
  }
  const language = input.language ?? 'nl';
  return { debtorId: null, debtorName: SAMPLE[language]['klant.naam']!, language, variables: SAMPLE[language] };
}


// The workflow engine as tables of scenarios: dates × events → stage, pauses and next action.
// Today is Tuesday 24-11-2026 unless a scenario says otherwise; the business ladder is the default
// (nudge −3, reminders +7 and +14, call +21, final notice +28, handover 1 day after the final term,
// a business gets 5 working days in the final notice, promises 2 working days of grace).
import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER, mergeLadder, type LadderOverride, type PauseReason, type WorkflowStep } from '../../../shared/domain/workflow';
import type { Stage } from '../../../shared/domain/overview';
import { evaluateAll, evaluateDebtor, type EngineDebtor, type EnginePlan, type EnginePromise } from '../../../electron/core/workflow/engine';

const TODAY = '2026-11-24';

interface Ev { type: string; on: string; step?: string; letter?: string; lastDay?: string; invoices: number[] }
interface Inv { id: number; due: string; open?: number; disputed?: boolean; stopped?: boolean }

interface Scenario {
  name: string;
  today?: string;
  kind?: 'business' | 'consumer';
  invoices: Inv[];
  events?: Ev[];
  ladder?: LadderOverride;
  pausedUntil?: string;
  withAgency?: boolean;
  promises?: EnginePromise[];
  plans?: EnginePlan[];
  stage: Stage;
  /** The overview's next action: [step, date] or null. */
  next: [WorkflowStep, string] | null;
  /** What is due now: [step, due since, invoice ids]. */
  actions: [WorkflowStep, string, number[]][];
  pauses?: [PauseReason, string | null, number[]][];
  promiseVerdicts?: ('open' | 'kept' | 'broken')[];
  missed?: [number, string][];
}

const reminder = (step: string, on: string, invoices = [1]): Ev => ({ type: step === 'nudge' ? 'nudge.sent' : 'reminder.sent', step, on, invoices });
const call = (on: string, invoices = [1]): Ev => ({ type: 'call.logged', on, invoices });
const letter = (kind: 'final-notice' | 'fourteen-day', on: string, invoices = [1]): Ev => ({ type: 'letter.sent', letter: kind, on, invoices });
/** The plan followed to the day for an invoice due on 27-10-2026 (Tuesday), up to `until` steps. */
const onSchedule = (until: number, invoices = [1]): Ev[] =>
  [reminder('nudge', '2026-10-24', invoices), reminder('reminder-1', '2026-11-03', invoices), reminder('reminder-2', '2026-11-10', invoices), call('2026-11-17', invoices)].slice(0, until);

function debtor(s: Scenario): EngineDebtor {
  return {
    id: 7, kind: s.kind ?? 'business', ladder: s.ladder ?? null, pausedUntil: s.pausedUntil ?? null, pauseReason: s.pausedUntil ? 'Klant heeft contact opgenomen' : null,
    withAgency: s.withAgency ?? false, promises: s.promises ?? [], plans: s.plans ?? [],
    invoices: s.invoices.map((i) => ({
      id: i.id, dueDate: i.due, open: i.open ?? 100_00, disputed: i.disputed ?? false, disputeReason: i.disputed ? 'Niet besteld' : null, stopped: i.stopped ?? false,
      events: (s.events ?? []).filter((e) => e.invoices.includes(i.id)).map((e) => ({ type: e.type, on: e.on, step: e.step ?? null, letter: e.letter ?? null, lastDay: e.lastDay ?? null })),
    })),
  };
}

const promise = (p: Partial<EnginePromise> & { promisedDate: string }): EnginePromise => ({ id: 1, madeOn: '2026-11-17', amount: null, invoiceIds: [], paidSince: 0, ...p });

const scenarios: Scenario[] = [
  // ---- before the due date
  { name: 'not yet due: the nudge comes 3 days before the due date', invoices: [{ id: 1, due: '2026-12-01' }],
    stage: 'not-due', next: ['nudge', '2026-11-28'], actions: [] },
  { name: 'the nudge is due today', invoices: [{ id: 1, due: '2026-11-27' }],
    stage: 'nudge', next: ['nudge', '2026-11-24'], actions: [['nudge', '2026-11-24', [1]]] },
  { name: 'due today, nudge not sent: the nudge is still proposed (not yet overdue)', invoices: [{ id: 1, due: '2026-11-24' }],
    stage: 'nudge', next: ['nudge', '2026-11-21'], actions: [['nudge', '2026-11-21', [1]]] },
  { name: 'nudge sent: nothing more until reminder 1', invoices: [{ id: 1, due: '2026-11-26' }], events: [reminder('nudge', '2026-11-23')],
    stage: 'nudge', next: ['reminder-1', '2026-12-03'], actions: [] },
  { name: 'overdue without a nudge: the nudge is skipped, reminder 1 waits for +7', invoices: [{ id: 1, due: '2026-11-21' }],
    stage: 'nudge', next: ['reminder-1', '2026-11-28'], actions: [] },
  { name: 'the nudge switched off: nothing before reminder 1', ladder: { nudge: { enabled: false, days: -3 } }, invoices: [{ id: 1, due: '2026-11-26' }],
    stage: 'not-due', next: ['reminder-1', '2026-12-03'], actions: [] },

  // ---- reminders, one mail for every invoice that is due for the step
  { name: 'reminder 1 due today', invoices: [{ id: 1, due: '2026-11-17' }],
    stage: 'reminder-1', next: ['reminder-1', '2026-11-24'], actions: [['reminder-1', '2026-11-24', [1]]] },
  { name: 'one reminder covers every invoice due for it; a not-yet-due invoice waits for its own nudge',
    invoices: [{ id: 1, due: '2026-11-10' }, { id: 2, due: '2026-11-15' }, { id: 3, due: '2026-12-10' }],
    stage: 'reminder-1', next: ['reminder-1', '2026-11-17'], actions: [['reminder-1', '2026-11-17', [1, 2]]] },
  { name: 'different invoices at different steps: one action per step',
    invoices: [{ id: 1, due: '2026-10-29' }, { id: 2, due: '2026-11-15' }], events: [reminder('reminder-1', '2026-11-05', [1])],
    stage: 'reminder-2', next: ['reminder-2', '2026-11-12'], actions: [['reminder-1', '2026-11-22', [2]], ['reminder-2', '2026-11-12', [1]]] },
  { name: 'a step done is never proposed again: after reminder 1 (sent late) reminder 2 keeps its 7 days',
    invoices: [{ id: 1, due: '2026-11-10' }], events: [reminder('reminder-1', '2026-11-20')],
    stage: 'reminder-1', next: ['reminder-2', '2026-11-27'], actions: [] },
  { name: 'a partial payment does not reset the plan: the open rest gets reminder 2',
    invoices: [{ id: 1, due: '2026-11-03', open: 150_00 }], events: [reminder('reminder-1', '2026-11-10')],
    stage: 'reminder-2', next: ['reminder-2', '2026-11-17'], actions: [['reminder-2', '2026-11-17', [1]]] },

  { name: 'a reminder by post (letters) counts as the first reminder not yet sent',
    invoices: [{ id: 1, due: '2026-11-03' }], events: [{ type: 'letter.sent', letter: 'reminder', on: '2026-11-10', invoices: [1] }],
    stage: 'reminder-2', next: ['reminder-2', '2026-11-17'], actions: [['reminder-2', '2026-11-17', [1]]] },

  // ---- catch-up after the app was closed
  { name: 'catch-up: closed for two weeks after reminder 1; only reminder 2 is due (not the call, not the final notice)',
    invoices: [{ id: 1, due: '2026-10-27' }], events: onSchedule(2),
    stage: 'reminder-2', next: ['reminder-2', '2026-11-10'], actions: [['reminder-2', '2026-11-10', [1]]] },
  { name: 'catch-up: nothing sent for 4 weeks; reminder 1 is due once, nothing is skipped',
    invoices: [{ id: 1, due: '2026-10-20' }],
    stage: 'reminder-1', next: ['reminder-1', '2026-10-27'], actions: [['reminder-1', '2026-10-27', [1]]] },
  { name: 'catch-up: the day after sending that late reminder 1, reminder 2 is a week away (not due at once)',
    today: '2026-11-25', invoices: [{ id: 1, due: '2026-10-20' }], events: [reminder('reminder-1', '2026-11-24')],
    stage: 'reminder-1', next: ['reminder-2', '2026-12-01'], actions: [] },

  // ---- the call
  { name: 'two reminders without reply: the call', invoices: [{ id: 1, due: '2026-10-27' }], events: onSchedule(3),
    stage: 'call', next: ['call', '2026-11-17'], actions: [['call', '2026-11-17', [1]]] },
  { name: 'a call the customer made after reminder 1 is not the plan\'s call: reminder 2 is not skipped',
    invoices: [{ id: 1, due: '2026-10-27' }], events: [...onSchedule(2), call('2026-11-05')],
    stage: 'reminder-2', next: ['reminder-2', '2026-11-10'], actions: [['reminder-2', '2026-11-10', [1]]] },
  { name: 'the call switched off for this customer: the final notice follows reminder 2',
    ladder: { call: { enabled: false, days: 21 } }, invoices: [{ id: 1, due: '2026-10-27' }], events: onSchedule(3),
    stage: 'final-notice', next: ['final-notice', '2026-11-24'], actions: [['final-notice', '2026-11-24', [1]]] },

  // ---- the final step: business versus consumer
  { name: 'business at the final step: a final notice', kind: 'business', invoices: [{ id: 1, due: '2026-10-27' }], events: onSchedule(4),
    stage: 'final-notice', next: ['final-notice', '2026-11-24'], actions: [['final-notice', '2026-11-24', [1]]] },
  { name: 'consumer at the final step: the veertiendagenbrief', kind: 'consumer', invoices: [{ id: 1, due: '2026-10-27' }], events: onSchedule(4),
    stage: 'final-notice', next: ['final-notice', '2026-11-24'], actions: [['final-notice', '2026-11-24', [1]]] },
  { name: 'business: 5 working days after the final notice (Tue 10-11 → Tue 17-11) the handover is due',
    kind: 'business', invoices: [{ id: 1, due: '2026-10-01' }], events: [...onSchedule(4), letter('final-notice', '2026-11-10')],
    stage: 'handover', next: ['handover', '2026-11-18'], actions: [['handover', '2026-11-18', [1]]] },
  { name: 'consumer: the veertiendagenbrief of Tue 10-11 runs to Thu 26-11 (delivered 12-11 + 14); the handover waits',
    kind: 'consumer', invoices: [{ id: 1, due: '2026-10-01' }], events: [...onSchedule(4), letter('fourteen-day', '2026-11-10')],
    stage: 'final-notice', next: ['handover', '2026-11-27'], actions: [] },
  { name: 'the last day printed in the letter wins',
    kind: 'consumer', invoices: [{ id: 1, due: '2026-10-01' }], events: [...onSchedule(4), { ...letter('fourteen-day', '2026-11-10'), lastDay: '2026-12-04' }],
    stage: 'final-notice', next: ['handover', '2026-12-05'], actions: [] },
  { name: 'with an agency: nothing more to do', withAgency: true, invoices: [{ id: 1, due: '2026-09-01' }],
    events: [...onSchedule(4), letter('final-notice', '2026-10-01'), { type: 'handover.created', on: '2026-10-20', invoices: [1] }],
    stage: 'with-agency', next: null, actions: [], pauses: [['agency', null, [1]]] },

  // ---- pauses
  { name: 'an open promise pauses until the promised date + 2 working days (Wed 25-11 → Fri 27-11)',
    invoices: [{ id: 1, due: '2026-10-27' }], events: onSchedule(4), promises: [promise({ promisedDate: '2026-11-25', invoiceIds: [1] })],
    stage: 'call', next: ['final-notice', '2026-11-28'], actions: [], pauses: [['promise', '2026-11-27', [1]]], promiseVerdicts: ['open'] },
  { name: 'a broken promise: date + grace passed without payment, escalation resumes',
    invoices: [{ id: 1, due: '2026-10-27' }], events: onSchedule(4), promises: [promise({ promisedDate: '2026-11-18', invoiceIds: [1] })],
    stage: 'final-notice', next: ['final-notice', '2026-11-24'], actions: [['final-notice', '2026-11-24', [1]]], pauses: [], promiseVerdicts: ['broken'] },
  { name: 'a partial payment does not keep a promise of the whole amount: broken after the grace',
    invoices: [{ id: 1, due: '2026-10-27', open: 60_00 }], events: onSchedule(4), promises: [promise({ promisedDate: '2026-11-18', amount: 100_00, paidSince: 40_00, invoiceIds: [1] })],
    stage: 'final-notice', next: ['final-notice', '2026-11-24'], actions: [['final-notice', '2026-11-24', [1]]], pauses: [], promiseVerdicts: ['broken'] },
  { name: 'a promise of part of the amount that was paid is kept',
    invoices: [{ id: 1, due: '2026-10-27', open: 60_00 }], events: onSchedule(4), promises: [promise({ promisedDate: '2026-11-30', amount: 40_00, paidSince: 40_00, invoiceIds: [1] })],
    stage: 'final-notice', next: ['final-notice', '2026-11-24'], actions: [['final-notice', '2026-11-24', [1]]], pauses: [], promiseVerdicts: ['kept'] },
  { name: 'a promise about invoices that are all paid is kept (only a newer invoice is open)',
    invoices: [{ id: 2, due: '2026-12-20' }], promises: [promise({ promisedDate: '2026-11-30', invoiceIds: [1] })],
    stage: 'not-due', next: ['nudge', '2026-12-17'], actions: [], pauses: [], promiseVerdicts: ['kept'] },
  { name: 'a dispute on one of three invoices holds back only that one',
    invoices: [{ id: 1, due: '2026-11-10', disputed: true }, { id: 2, due: '2026-11-10' }, { id: 3, due: '2026-11-12' }],
    stage: 'reminder-1', next: ['reminder-1', '2026-11-17'], actions: [['reminder-1', '2026-11-17', [2, 3]]], pauses: [['dispute', null, [1]]] },
  { name: 'a per-invoice stop holds back that invoice only',
    invoices: [{ id: 1, due: '2026-11-10', stopped: true }, { id: 2, due: '2026-11-12' }],
    stage: 'reminder-1', next: ['reminder-1', '2026-11-19'], actions: [['reminder-1', '2026-11-19', [2]]], pauses: [['stopped', null, [1]]] },
  { name: 'everything stopped: no next action at all', invoices: [{ id: 1, due: '2026-11-10', stopped: true }],
    stage: 'nudge', next: null, actions: [], pauses: [['stopped', null, [1]]] },
  { name: 'the customer made contact: paused until the date given, then the step that was due',
    invoices: [{ id: 1, due: '2026-11-10' }], pausedUntil: '2026-11-30',
    stage: 'nudge', next: ['reminder-1', '2026-12-01'], actions: [], pauses: [['contact', '2026-11-30', [1]]] },
  { name: 'a contact pause that ended yesterday no longer holds', invoices: [{ id: 1, due: '2026-11-10' }], pausedUntil: '2026-11-23',
    stage: 'reminder-1', next: ['reminder-1', '2026-11-17'], actions: [['reminder-1', '2026-11-17', [1]]], pauses: [] },
  { name: 'an arrangement that is kept pauses everything',
    invoices: [{ id: 1, due: '2026-09-01', open: 300_00 }], events: onSchedule(4, [1]),
    plans: [{ id: 5, paidSince: 100_00, installments: [{ seq: 1, dueDate: '2026-10-25', amount: 100_00 }, { seq: 2, dueDate: '2026-11-25', amount: 100_00 }, { seq: 3, dueDate: '2026-12-25', amount: 100_00 }] }],
    stage: 'call', next: null, actions: [], pauses: [['arrangement', null, [1]]], missed: [] },
  { name: 'an arrangement with a missed installment no longer pauses: escalation resumes',
    invoices: [{ id: 1, due: '2026-09-01', open: 300_00 }], events: onSchedule(4, [1]),
    plans: [{ id: 5, paidSince: 100_00, installments: [{ seq: 1, dueDate: '2026-10-15', amount: 100_00 }, { seq: 2, dueDate: '2026-11-15', amount: 100_00 }, { seq: 3, dueDate: '2026-12-15', amount: 100_00 }] }],
    stage: 'final-notice', next: ['final-notice', '2026-11-24'], actions: [['final-notice', '2026-11-24', [1]]], pauses: [], missed: [[2, '2026-11-15']] },
  { name: 'an arrangement on time: an installment whose date passed is still paused within the grace (Friday 20-11 + 2 working days = today)',
    invoices: [{ id: 1, due: '2026-09-01', open: 300_00 }], events: onSchedule(4, [1]),
    plans: [{ id: 5, paidSince: 100_00, installments: [{ seq: 1, dueDate: '2026-10-20', amount: 100_00 }, { seq: 2, dueDate: '2026-11-20', amount: 100_00 }, { seq: 3, dueDate: '2026-12-20', amount: 100_00 }] }],
    stage: 'call', next: null, actions: [], pauses: [['arrangement', null, [1]]], missed: [] },
  { name: 'an arrangement paid ahead (two installments in one payment) stays paused',
    invoices: [{ id: 1, due: '2026-09-01', open: 100_00 }], events: onSchedule(4, [1]),
    plans: [{ id: 5, paidSince: 200_00, installments: [{ seq: 1, dueDate: '2026-10-15', amount: 100_00 }, { seq: 2, dueDate: '2026-11-15', amount: 100_00 }, { seq: 3, dueDate: '2026-12-15', amount: 100_00 }] }],
    stage: 'call', next: null, actions: [], pauses: [['arrangement', null, [1]]], missed: [] },
  { name: 'an arrangement continued after a miss (the missed installment moved to 01-12) pauses again',
    invoices: [{ id: 1, due: '2026-09-01', open: 300_00 }], events: onSchedule(4, [1]),
    plans: [{ id: 5, paidSince: 100_00, installments: [{ seq: 1, dueDate: '2026-10-15', amount: 100_00 }, { seq: 2, dueDate: '2026-12-01', amount: 100_00 }, { seq: 3, dueDate: '2026-12-15', amount: 100_00 }] }],
    stage: 'call', next: null, actions: [], pauses: [['arrangement', null, [1]]], missed: [] },
  { name: 'an ended arrangement is no longer given to the engine (only active ones are): escalation resumes where it was',
    invoices: [{ id: 1, due: '2026-09-01', open: 200_00 }], events: onSchedule(4, [1]), plans: [],
    stage: 'final-notice', next: ['final-notice', '2026-11-24'], actions: [['final-notice', '2026-11-24', [1]]], pauses: [], missed: [] },

  // ---- per-customer ladder
  { name: 'a customer with a shorter ladder: reminder 1 at +3', ladder: { 'reminder-1': { enabled: true, days: 3 } }, invoices: [{ id: 1, due: '2026-11-21' }],
    stage: 'reminder-1', next: ['reminder-1', '2026-11-24'], actions: [['reminder-1', '2026-11-24', [1]]] },
];

describe('workflow engine', () => {
  it.each(scenarios.map((s) => [s.name, s] as const))('%s', (_name, s) => {
    const state = evaluateDebtor(debtor(s), mergeLadder(DEFAULT_LADDER), s.today ?? TODAY);
    expect(state.stage).toBe(s.stage);
    expect(state.nextAction).toEqual(s.next && { kind: s.next[0], date: s.next[1] });
    expect(state.actions.map((a) => [a.step, a.dueSince, a.invoiceIds])).toEqual(s.actions);
    if (s.pauses) expect(state.pauses.map((p) => [p.reason, p.until, p.invoiceIds])).toEqual(s.pauses);
    expect(state.paused).toBe(state.pauses.length > 0);
    if (s.promiseVerdicts) expect(state.promises.map((p) => p.verdict)).toEqual(s.promiseVerdicts);
    if (s.missed) expect(state.missedInstallments.map((m) => [m.seq, m.dueDate])).toEqual(s.missed);
  });

  it('a missed installment says what is behind over every installment whose grace passed (as Vandaag and the arrangement show it)', () => {
    const plans: EnginePlan[] = [{ id: 5, paidSince: 50_00, installments: [
      { seq: 1, dueDate: '2026-10-15', amount: 100_00 }, { seq: 2, dueDate: '2026-11-15', amount: 100_00 }, { seq: 3, dueDate: '2026-12-15', amount: 100_00 }] }];
    const state = evaluateDebtor(debtor({ name: '', invoices: [{ id: 1, due: '2026-09-01', open: 300_00 }], plans, stage: 'not-due', next: null, actions: [] }), mergeLadder(DEFAULT_LADDER), TODAY);
    expect(state.missedInstallments).toEqual([{ planId: 5, seq: 1, dueDate: '2026-10-15', amount: 150_00 }]);
  });

  it('names the letter the law asks for at the final step: a veertiendagenbrief for a consumer, a final notice for a business', () => {
    for (const [kind, letterKind] of [['consumer', 'fourteen-day'], ['business', 'final-notice']] as const) {
      const state = evaluateDebtor(debtor({ name: '', kind, invoices: [{ id: 1, due: '2026-10-27' }], events: onSchedule(4), stage: 'final-notice', next: null, actions: [] }), mergeLadder(DEFAULT_LADDER), TODAY);
      expect(state.actions).toEqual([{ step: 'final-notice', dueSince: '2026-11-24', invoiceIds: [1], letter: letterKind }]);
    }
  });

  it('walks an invoice through the whole plan, each step proposed exactly once, never two at a time', () => {
    // Day by day from 20 days before the due date: whatever is due is "done" that day.
    const due = '2026-10-01';
    const events: Ev[] = [];
    const proposed: string[] = [];
    for (let day = -20; day <= 60; day++) {
      const today = new Date(Date.UTC(2026, 9, 1 + day)).toISOString().slice(0, 10);
      const state = evaluateDebtor(debtor({ name: '', kind: 'business', invoices: [{ id: 1, due }], events, stage: 'not-due', next: null, actions: [] }), mergeLadder(DEFAULT_LADDER), today);
      expect(state.actions.length).toBeLessThanOrEqual(1);
      for (const a of state.actions) {
        proposed.push(`${a.step}@${today}`);
        if (a.step === 'nudge' || a.step === 'reminder-1' || a.step === 'reminder-2') events.push(reminder(a.step, today));
        else if (a.step === 'call') events.push(call(today));
        else if (a.step === 'final-notice') events.push(letter('final-notice', today));
        else events.push({ type: 'handover.created', on: today, invoices: [1] });
      }
    }
    expect(proposed).toEqual([
      'nudge@2026-09-28', 'reminder-1@2026-10-08', 'reminder-2@2026-10-15', 'call@2026-10-22', 'final-notice@2026-10-29',
      // Thu 29-10 + 5 working days = Thu 5-11; the handover the day after.
      'handover@2026-11-06',
    ]);
  });

  // Its speed is measured by `npm run bench` (overview line), not asserted here.
  it('evaluates 5,000 customers with 10,000 open invoices, each once', () => {
    const debtors: EngineDebtor[] = [];
    let invoiceId = 0;
    for (let d = 1; d <= 5000; d++) {
      const invoices = [0, 1].map((k) => {
        invoiceId += 1;
        const dueOffset = -((d * 7 + k * 13) % 120) + 20;
        const due = new Date(Date.UTC(2026, 10, 24 + dueOffset)).toISOString().slice(0, 10);
        const events = dueOffset < -10 ? [{ type: 'reminder.sent', on: new Date(Date.UTC(2026, 10, 24 + dueOffset + 7)).toISOString().slice(0, 10), step: 'reminder-1' }] : [];
        return { id: invoiceId, dueDate: due, open: 100_00, disputed: d % 50 === 0, stopped: false, events };
      });
      debtors.push({ id: d, kind: d % 3 === 0 ? 'consumer' : 'business', invoices, promises: d % 100 === 0 ? [promise({ promisedDate: '2026-11-26' })] : [] });
    }
    const states = evaluateAll(debtors, null, TODAY, false);
    expect(states).toHaveLength(5000);
    expect(new Set(states.map((s) => s.debtorId)).size).toBe(5000);
  });
});

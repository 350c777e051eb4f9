import type { Migration } from './types';

/*
 * Inzicht (issue 10), "what works": which step of the collection plan came before each payment.
 * Until now insights read every step event of every invoice (invoice_events, 114,000 reminders on
 * the bench ledger) into JavaScript on each visit to the page, to find per invoice the first day of
 * each step and the step in force on the day of each payment. These are facts of the ledger, not of
 * the day the page is looked at, so triggers keep them here, in the same transaction as every
 * change, and the page sums them in SQL (core/insights/queries.ts):
 *
 * - invoice_steps: per invoice (kind 'invoice' only) and step, the first day it was taken, and the
 *   days from then to the invoice's paid_on (negative: paid before it; NULL: not paid), so that
 *   "paid within 7 days after the step" is read from one index without date arithmetic per row;
 * - invoices.paid_after_step: the step in force on the day an invoice was paid in full (paid_on):
 *   the last step event on or before that day; NULL when not paid, or paid before any step;
 * - debtor_paid_steps: per customer and step, how many of its invoices have that paid_after_step
 *   (what the customer figures read: 10,000 rows instead of 60,000 index entries on the bench);
 * - allocation_steps: per payment allocation to an invoice, the step in force on the payment's
 *   date, with that date and the amount; no row when no step came before it. A table of its own,
 *   not a column of payment_allocations: writing there would fire 003's aging triggers, and the
 *   period's money after each step is then one range of one covering index.
 *
 * "The step in force on day D" is stepBefore (tests/integration/insights/stepRules.ts): of the invoice's step
 * events dated on or before D, the latest, and on the same day the later step of the plan. It is
 * read from every event, not from the first days above: a reminder 1 sent again after reminder 2
 * is the step in force after it.
 *
 * Everything is derived, never written by a service. The triggers follow every write the facts
 * depend on: invoice_events (itself kept from event_invoices ⨝ events by 005: a new link, a removed
 * link, an event rewritten by the AVG redaction), invoices.paid_on (003), payment allocations and
 * corrected payment dates. tests/integration/insights/stepFacts.test.ts checks them against the
 * computation from the raw events.
 *
 * The mapping of an event to a step is a copy of stepOfEvent (core/insights/compute.ts), and the
 * order of the steps a copy of paymentSteps: a released migration never changes, so it keeps its
 * own. tests/unit/insights/stepSql.test.ts checks that they still agree; a change of the mapping
 * needs a new migration that rebuilds these facts.
 */

/** The step (paymentSteps) an invoice_events row `e` stands for, or NULL: stepOfEvent in SQL. */
export const STEP_OF_EVENT_SQL = (e: string) => `(CASE ${e}.type
    WHEN 'nudge.sent' THEN 'nudge'
    WHEN 'reminder.sent' THEN CASE WHEN ${e}.step = 'reminder-2' THEN 'reminder-2' ELSE 'reminder-1' END
    WHEN 'call.logged' THEN 'call'
    WHEN 'letter.sent' THEN CASE WHEN ${e}.letter IN ('final-notice', 'fourteen-day') THEN 'final-notice' END
    WHEN 'handover.created' THEN 'agency'
  END)`;

/**
 * The place in paymentSteps ('none' is 0) of the step an invoice_events row `e` stands for, or NULL:
 * the same mapping, straight to the rank (what the triggers compare; shorter to compile).
 */
export const STEP_RANK_OF_EVENT_SQL = (e: string) => `(CASE ${e}.type
    WHEN 'nudge.sent' THEN 1
    WHEN 'reminder.sent' THEN CASE WHEN ${e}.step = 'reminder-2' THEN 3 ELSE 2 END
    WHEN 'call.logged' THEN 4
    WHEN 'letter.sent' THEN CASE WHEN ${e}.letter IN ('final-notice', 'fourteen-day') THEN 5 END
    WHEN 'handover.created' THEN 6
  END)`;

/** The step of a rank (as text: '1' … '6'). */
export const STEP_OF_RANK_SQL = (rank: string) =>
  `(CASE ${rank} WHEN '1' THEN 'nudge' WHEN '2' THEN 'reminder-1' WHEN '3' THEN 'reminder-2' WHEN '4' THEN 'call' WHEN '5' THEN 'final-notice' WHEN '6' THEN 'agency' END)`;

const STEPS = `('nudge', 'reminder-1', 'reminder-2', 'call', 'final-notice', 'agency')`;

/** Days from the first day of a step to the day the invoice was paid (as 003's paid_days_late). */
const DAYS = (firstOn: string, paidOn: string) => `CAST(julianday(${paidOn}) - julianday(${firstOn}) AS INTEGER)`;

/**
 * The step in force on day `day` for invoice `invoiceId` (stepBefore), or NULL: the greatest
 * (date, rank) of its step events on or before that day, as the greatest text date || rank (dates
 * are always 10 characters, ranks one digit; an event that is no step has no rank, so no key), its
 * rank turned back into the step. One aggregate per invoice, without sorting.
 */
const STEP_AT = (invoiceId: string, day: string) => STEP_OF_RANK_SQL(`(
    SELECT substr(MAX(se.occurred_on || ${STEP_RANK_OF_EVENT_SQL('se')}), 11) FROM invoice_events se
    WHERE se.invoice_id = ${invoiceId} AND se.occurred_on <= ${day})`);

/**
 * The allocation_steps rows of the allocations `where` selects (alias a, joined to payments p).
 * (LIMIT -1 keeps SQLite from copying `step IS NOT NULL` into the subquery, which would find each
 * step twice.)
 */
const ALLOCATION_STEPS = (where: string) => `
  INSERT OR REPLACE INTO allocation_steps (allocation_id, payment_date, step, amount_cents)
    SELECT id, date, step, amount_cents FROM (
      SELECT a.id, p.date, ${STEP_AT('a.invoice_id', 'p.date')} AS step, a.amount_cents
      FROM payment_allocations a JOIN payments p ON p.id = a.payment_id
      WHERE ${where} LIMIT -1
    ) WHERE step IS NOT NULL;`;

/** Every fact of one invoice, computed again from its events (an event removed or rewritten). */
const REBUILD = (invoiceId: string) => `
    DELETE FROM invoice_steps WHERE invoice_id = ${invoiceId};
    INSERT INTO invoice_steps (invoice_id, step, first_on, paid_after_days)
      SELECT e.invoice_id, ${STEP_OF_EVENT_SQL('e')} AS s, MIN(e.occurred_on) AS first_on, ${DAYS('MIN(e.occurred_on)', 'i.paid_on')}
      FROM invoice_events e JOIN invoices i ON i.id = e.invoice_id
      WHERE e.invoice_id = ${invoiceId} AND i.kind = 'invoice' AND s IS NOT NULL
      GROUP BY s;
    UPDATE invoices SET paid_after_step = CASE WHEN kind = 'invoice' AND paid_on IS NOT NULL THEN ${STEP_AT('invoices.id', 'invoices.paid_on')} END
      WHERE id = ${invoiceId};
    DELETE FROM allocation_steps WHERE allocation_id IN (SELECT id FROM payment_allocations WHERE invoice_id = ${invoiceId});
    ${ALLOCATION_STEPS(`a.invoice_id = ${invoiceId} AND EXISTS (SELECT 1 FROM invoice_steps WHERE invoice_id = ${invoiceId})`)}`;

export const m006StepFacts: Migration = {
  version: 6,
  name: 'step-facts',
  up(db) {
    db.exec(`
      CREATE TABLE invoice_steps (
        invoice_id INTEGER NOT NULL,
        step TEXT NOT NULL CHECK (step IN ${STEPS}),
        first_on TEXT NOT NULL,
        paid_after_days INTEGER,
        PRIMARY KEY (invoice_id, step)
      ) WITHOUT ROWID;
      INSERT INTO invoice_steps (invoice_id, step, first_on, paid_after_days)
        SELECT e.invoice_id, ${STEP_OF_EVENT_SQL('e')} AS s, MIN(e.occurred_on), ${DAYS('MIN(e.occurred_on)', 'i.paid_on')}
        FROM invoice_events e JOIN invoices i ON i.id = e.invoice_id
        WHERE i.kind = 'invoice' AND s IS NOT NULL
        GROUP BY e.invoice_id, s;
      -- Per step, the invoices that received it in a period, and whether (and how soon after) they were paid (covering).
      CREATE INDEX invoice_steps_step ON invoice_steps(step, first_on, paid_after_days);

      -- (No CHECK: SQLite would test it against every invoice, 0.7 s on 100,000; only the triggers write it.)
      ALTER TABLE invoices ADD COLUMN paid_after_step TEXT;
      UPDATE invoices SET paid_after_step = ${STEP_AT('invoices.id', 'invoices.paid_on')}
        WHERE id IN (SELECT invoice_id FROM invoice_steps WHERE paid_after_days >= 0);

      CREATE TABLE debtor_paid_steps (
        debtor_id INTEGER NOT NULL,
        step TEXT NOT NULL CHECK (step IN ${STEPS}),
        invoices INTEGER NOT NULL CHECK (invoices > 0),
        PRIMARY KEY (debtor_id, step)
      ) WITHOUT ROWID;
      INSERT INTO debtor_paid_steps (debtor_id, step, invoices)
        SELECT debtor_id, paid_after_step, COUNT(*) FROM invoices WHERE paid_after_step IS NOT NULL GROUP BY debtor_id, paid_after_step;

      CREATE TABLE allocation_steps (
        allocation_id INTEGER PRIMARY KEY,
        payment_date TEXT NOT NULL,
        step TEXT NOT NULL CHECK (step IN ${STEPS}),
        amount_cents INTEGER NOT NULL
      );
      ${ALLOCATION_STEPS('a.invoice_id IN (SELECT invoice_id FROM invoice_steps)')}
      -- The money received in a period after each step (covering).
      CREATE INDEX allocation_steps_step ON allocation_steps(step, payment_date, amount_cents);

      -- (Not a step fact, but the other half of the page's time on a large ledger: the open invoices
      -- it reads, for the totals, the aging and the customers, now from the index alone, instead of
      -- a row lookup per open invoice. 001's index with two columns added at the end: every plan
      -- that used it reads it as before.)
      DROP INDEX invoices_open;
      CREATE INDEX invoices_open ON invoices(debtor_id, due_date, open_cents, disputed, invoice_date, amount_cents) WHERE open_cents > 0;

      -- A new step event: the first day of its step, and what it is the step before.
      CREATE TRIGGER step_facts_event_insert AFTER INSERT ON invoice_events WHEN ${STEP_RANK_OF_EVENT_SQL('NEW')} IS NOT NULL BEGIN
        INSERT INTO invoice_steps (invoice_id, step, first_on, paid_after_days)
          SELECT NEW.invoice_id, ${STEP_OF_EVENT_SQL('NEW')}, NEW.occurred_on, ${DAYS('NEW.occurred_on', 'i.paid_on')}
          FROM invoices i WHERE i.id = NEW.invoice_id AND i.kind = 'invoice'
          ON CONFLICT (invoice_id, step) DO UPDATE SET first_on = excluded.first_on, paid_after_days = excluded.paid_after_days
            WHERE excluded.first_on < first_on;
        UPDATE invoices SET paid_after_step = ${STEP_AT('invoices.id', 'invoices.paid_on')}
          WHERE id = NEW.invoice_id AND kind = 'invoice' AND paid_on >= NEW.occurred_on;
        ${ALLOCATION_STEPS(`a.invoice_id = NEW.invoice_id AND p.date >= NEW.occurred_on AND EXISTS (SELECT 1 FROM invoice_steps WHERE invoice_id = NEW.invoice_id)`)}
      END;
      -- A step event removed (demo data) or rewritten (AVG redaction: a reminder loses its step): again from the events.
      CREATE TRIGGER step_facts_event_delete AFTER DELETE ON invoice_events WHEN ${STEP_RANK_OF_EVENT_SQL('OLD')} IS NOT NULL BEGIN
        ${REBUILD('OLD.invoice_id')}
      END;
      CREATE TRIGGER step_facts_event_update AFTER UPDATE ON invoice_events
        WHEN ${STEP_RANK_OF_EVENT_SQL('OLD')} IS NOT NULL OR ${STEP_RANK_OF_EVENT_SQL('NEW')} IS NOT NULL BEGIN
        ${REBUILD('OLD.invoice_id')}
        ${REBUILD('NEW.invoice_id')}
      END;

      -- Paid in full, no longer, or on another day (003 keeps paid_on).
      CREATE TRIGGER step_facts_paid_on AFTER UPDATE OF paid_on ON invoices
        WHEN NEW.kind = 'invoice' AND NEW.paid_on IS NOT OLD.paid_on BEGIN
        UPDATE invoices SET paid_after_step = CASE WHEN NEW.paid_on IS NOT NULL THEN ${STEP_AT('NEW.id', 'NEW.paid_on')} END WHERE id = NEW.id;
        UPDATE invoice_steps SET paid_after_days = ${DAYS('first_on', 'NEW.paid_on')} WHERE invoice_id = NEW.id;
      END;
      -- (The app never changes an invoice's kind; should it, the facts follow. An invoice is only removed
      -- after its event links, demo data, and those took its facts with them.)
      CREATE TRIGGER step_facts_kind AFTER UPDATE OF kind ON invoices WHEN NEW.kind IS NOT OLD.kind BEGIN
        ${REBUILD('NEW.id')}
      END;

      -- The customer's count follows its invoices' paid_after_step, and an invoice moved to another
      -- customer. (An invoice is removed only after its event links, demo data: its paid_after_step
      -- is NULL by then.)
      CREATE TRIGGER step_facts_debtor_count AFTER UPDATE OF paid_after_step, debtor_id ON invoices
        WHEN NEW.paid_after_step IS NOT OLD.paid_after_step OR NEW.debtor_id IS NOT OLD.debtor_id BEGIN
        -- One less for the old step (the last one: the row goes), one more for the new.
        DELETE FROM debtor_paid_steps WHERE debtor_id = OLD.debtor_id AND step = OLD.paid_after_step AND invoices = 1;
        UPDATE debtor_paid_steps SET invoices = invoices - 1 WHERE debtor_id = OLD.debtor_id AND step = OLD.paid_after_step;
        INSERT INTO debtor_paid_steps (debtor_id, step, invoices) SELECT NEW.debtor_id, NEW.paid_after_step, 1 WHERE NEW.paid_after_step IS NOT NULL
          ON CONFLICT (debtor_id, step) DO UPDATE SET invoices = invoices + 1;
      END;

      -- Money allocated to an invoice that received a step: the step in force on the payment's date.
      CREATE TRIGGER step_facts_allocation_insert AFTER INSERT ON payment_allocations
        WHEN EXISTS (SELECT 1 FROM invoice_steps WHERE invoice_id = NEW.invoice_id) BEGIN
        ${ALLOCATION_STEPS('a.id = NEW.id')}
      END;
      CREATE TRIGGER step_facts_allocation_delete AFTER DELETE ON payment_allocations BEGIN
        DELETE FROM allocation_steps WHERE allocation_id = OLD.id;
      END;
      CREATE TRIGGER step_facts_allocation_update AFTER UPDATE OF payment_id, invoice_id, amount_cents ON payment_allocations BEGIN
        DELETE FROM allocation_steps WHERE allocation_id = OLD.id;
        ${ALLOCATION_STEPS('a.id = NEW.id AND EXISTS (SELECT 1 FROM invoice_steps WHERE invoice_id = NEW.invoice_id)')}
      END;
      -- A corrected payment date.
      CREATE TRIGGER step_facts_payment_date AFTER UPDATE OF date ON payments WHEN NEW.date IS NOT OLD.date BEGIN
        DELETE FROM allocation_steps WHERE allocation_id IN (SELECT id FROM payment_allocations WHERE payment_id = NEW.id);
        ${ALLOCATION_STEPS('a.payment_id = NEW.id AND EXISTS (SELECT 1 FROM invoice_steps WHERE invoice_id = a.invoice_id)')}
      END;
    `);
  },
};

import type { Migration } from './types';

/*
 * Inzicht (issue 10): the day each invoice was paid, and the indexes the insight queries read.
 *
 * Two dates derived like `open_cents` (001), kept by the triggers below in the same transaction as
 * every change, so that "how late does this customer pay" and "what was open at the end of each
 * month" read an index instead of every payment ever made:
 * - `paid_on`: the date of the last payment or credit note that brought an invoice that received
 *   money to zero; NULL while anything is open, and for an invoice that was only credited;
 * - `first_paid_on`: the date of its first payment or credit note (NULL before any). Equal to
 *   paid_on when the invoice was paid in one go, which is what almost every invoice is;
 * - `paid_days_late`: paid_on − due_date in days (negative: paid early), so that averages per
 *   customer sum integers from an index instead of parsing two dates per invoice.
 */
const REDUCTION_DATES = (invoiceId: string) => `
    SELECT p.date AS d FROM payment_allocations a JOIN payments p ON p.id = a.payment_id WHERE a.invoice_id = ${invoiceId}
    UNION ALL
    SELECT c.invoice_date AS d FROM invoices c WHERE c.corrects_invoice_id = ${invoiceId} AND c.kind = 'credit-note'`;
const PAID_ON = (invoiceId: string) => `(SELECT MAX(d) FROM (${REDUCTION_DATES(invoiceId)}))`;
const FIRST_PAID_ON = (invoiceId: string) => `(SELECT MIN(d) FROM (${REDUCTION_DATES(invoiceId)}))`;
const RECEIVED_MONEY = (invoiceId: string) => `EXISTS (SELECT 1 FROM payment_allocations a WHERE a.invoice_id = ${invoiceId})`;
const DAYS_LATE = (paidOn: string, dueDate: string) => `CAST(julianday(${paidOn}) - julianday(${dueDate}) AS INTEGER)`;
const date = (col: string) => `${col} TEXT CHECK (${col} IS NULL OR (${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(${col}) = ${col}))`;

export const m003Insights: Migration = {
  version: 3,
  name: 'insights',
  up(db) {
    db.exec(`
      ALTER TABLE invoices ADD COLUMN ${date('paid_on')};
      ALTER TABLE invoices ADD COLUMN ${date('first_paid_on')};
      ALTER TABLE invoices ADD COLUMN paid_days_late INTEGER CHECK (paid_days_late IS NULL OR typeof(paid_days_late) = 'integer');

      UPDATE invoices SET
          paid_on = CASE WHEN open_cents = 0 AND ${RECEIVED_MONEY('invoices.id')} THEN ${PAID_ON('invoices.id')} END,
          first_paid_on = ${FIRST_PAID_ON('invoices.id')}
        WHERE kind = 'invoice' AND open_cents < amount_cents;
      UPDATE invoices SET paid_days_late = ${DAYS_LATE('paid_on', 'due_date')} WHERE paid_on IS NOT NULL;

      -- open_cents changes on every allocation and credit note (001's triggers): recompute then.
      -- (A new invoice is fully open and has neither date: nothing to do.)
      CREATE TRIGGER invoices_paid_on AFTER UPDATE OF open_cents ON invoices
        WHEN NEW.kind = 'invoice' AND (NEW.open_cents < NEW.amount_cents OR NEW.first_paid_on IS NOT NULL)
      BEGIN
        UPDATE invoices SET
            paid_on = CASE WHEN NEW.open_cents = 0 AND ${RECEIVED_MONEY('NEW.id')} THEN ${PAID_ON('NEW.id')} END,
            first_paid_on = ${FIRST_PAID_ON('NEW.id')}
          WHERE id = NEW.id;
      END;
      -- A corrected payment date or credit-note date moves both dates.
      CREATE TRIGGER payments_paid_on AFTER UPDATE OF date ON payments BEGIN
        UPDATE invoices SET
            paid_on = CASE WHEN paid_on IS NOT NULL THEN ${PAID_ON('invoices.id')} END,
            first_paid_on = ${FIRST_PAID_ON('invoices.id')}
          WHERE id IN (SELECT invoice_id FROM payment_allocations WHERE payment_id = NEW.id);
      END;
      CREATE TRIGGER credit_notes_paid_on AFTER UPDATE OF invoice_date ON invoices WHEN NEW.kind = 'credit-note' BEGIN
        UPDATE invoices SET
            paid_on = CASE WHEN paid_on IS NOT NULL THEN ${PAID_ON('invoices.id')} END,
            first_paid_on = ${FIRST_PAID_ON('invoices.id')}
          WHERE id = NEW.corrects_invoice_id;
      END;

      CREATE TRIGGER invoices_paid_days_late AFTER UPDATE OF paid_on, due_date ON invoices WHEN NEW.kind = 'invoice' BEGIN
        UPDATE invoices SET paid_days_late = ${DAYS_LATE('NEW.paid_on', 'NEW.due_date')} WHERE id = NEW.id;
      END;

      -- (paid_days_late is set exactly when paid_on is: the two indexes below are of paid invoices.)
      -- Per customer: how many paid invoices and how late, read in one pass (covering).
      CREATE INDEX invoices_paid ON invoices(debtor_id, paid_days_late) WHERE paid_days_late IS NOT NULL;
      -- Paid invoices by due date: how many of those due in a period were paid on time (covering).
      CREATE INDEX invoices_paid_due ON invoices(due_date, paid_days_late) WHERE paid_days_late IS NOT NULL;
      -- Aging at past month ends: invoices paid after a day, with what the computation needs (covering).
      CREATE INDEX invoices_paid_on ON invoices(paid_on, first_paid_on, invoice_date, due_date, amount_cents) WHERE paid_on IS NOT NULL;
      -- Credit sales of a period (DSO): a range of invoice dates, amounts read from the index.
      CREATE INDEX invoices_date ON invoices(invoice_date, kind, amount_cents);
      -- Payments of a period (money collected after each step).
      CREATE INDEX payments_date ON payments(date, amount_cents);
      -- Step events (reminders, calls, letters, promises) without reading every invoice.created.
      CREATE INDEX events_type ON events(type, debtor_id, occurred_on);

      -- The age of what was open at past month ends, as computed (core/insights: aging). A month end's
      -- figures depend only on invoices, payments and credit notes dated on or before it, so they are
      -- kept; a change dated on or before a month end (a back-dated payment, a bank statement of last
      -- month, a corrected invoice) removes that month end and later ones, to be computed again.
      CREATE TABLE insight_aging (
        month_end TEXT PRIMARY KEY,
        not_due INTEGER NOT NULL, d1_30 INTEGER NOT NULL, d31_60 INTEGER NOT NULL, d61_90 INTEGER NOT NULL, over90 INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TRIGGER insight_aging_invoice_insert AFTER INSERT ON invoices BEGIN
        DELETE FROM insight_aging WHERE month_end >= NEW.invoice_date;
      END;
      CREATE TRIGGER insight_aging_invoice_delete AFTER DELETE ON invoices BEGIN
        DELETE FROM insight_aging WHERE month_end >= OLD.invoice_date;
      END;
      CREATE TRIGGER insight_aging_invoice_update AFTER UPDATE OF amount_cents, invoice_date, due_date, kind, corrects_invoice_id ON invoices BEGIN
        DELETE FROM insight_aging WHERE month_end >= MIN(OLD.invoice_date, NEW.invoice_date);
      END;
      CREATE TRIGGER insight_aging_allocation_insert AFTER INSERT ON payment_allocations BEGIN
        DELETE FROM insight_aging WHERE month_end >= (SELECT date FROM payments WHERE id = NEW.payment_id);
      END;
      CREATE TRIGGER insight_aging_allocation_delete AFTER DELETE ON payment_allocations BEGIN
        DELETE FROM insight_aging WHERE month_end >= COALESCE((SELECT date FROM payments WHERE id = OLD.payment_id), '0000-00-00');
      END;
      CREATE TRIGGER insight_aging_allocation_update AFTER UPDATE ON payment_allocations BEGIN
        DELETE FROM insight_aging WHERE month_end >= MIN((SELECT date FROM payments WHERE id = OLD.payment_id), (SELECT date FROM payments WHERE id = NEW.payment_id));
      END;
      CREATE TRIGGER insight_aging_payment_date AFTER UPDATE OF date ON payments BEGIN
        DELETE FROM insight_aging WHERE month_end >= MIN(OLD.date, NEW.date);
      END;

      -- Suggestions the user dismissed: one row per customer and kind. A dismissed suggestion stays
      -- away until the customer has 3 more paid invoices (core/insights/compute.ts suggestionsFor).
      CREATE TABLE insight_dismissals (
        debtor_id INTEGER NOT NULL REFERENCES debtors(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('shorter-term', 'advance-payment', 'credit-check')),
        paid_invoices INTEGER NOT NULL CHECK (paid_invoices >= 0),
        dismissed_at TEXT NOT NULL,
        PRIMARY KEY (debtor_id, kind)
      ) WITHOUT ROWID;
    `);
  },
};

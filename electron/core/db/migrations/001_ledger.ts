import type { Migration } from './types';

// Dates are calendar dates `yyyy-MM-dd`: the GLOB fixes the form, date(x) = x rejects 2026-02-30.
const date = (col: string, nullable = false) =>
  `${col} TEXT ${nullable ? '' : 'NOT NULL'} CHECK (${nullable ? `${col} IS NULL OR ` : ''}(${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(${col}) = ${col}))`;
// Money is integer cents, never negative, never a float that slipped through.
const money = (col: string, nullable = false) =>
  `${col} INTEGER ${nullable ? '' : 'NOT NULL'} CHECK (${nullable ? `${col} IS NULL OR ` : ''}(typeof(${col}) = 'integer' AND ${col} >= 0))`;
const bool = (col: string, dflt = 0) => `${col} INTEGER NOT NULL DEFAULT ${dflt} CHECK (${col} IN (0, 1))`;
const timestamp = (col: string) => `${col} TEXT NOT NULL`;

/** The whole ledger: everything later features need, so that they add behaviour, not tables. */
export const m001Ledger: Migration = {
  version: 1,
  name: 'ledger',
  up(db) {
    db.exec(`
      CREATE TABLE app_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        debtor_id INTEGER REFERENCES debtors(id),
        kind TEXT NOT NULL CHECK (kind IN ('invoice-pdf', 'reminder', 'letter', 'mail', 'call-sheet', 'dossier', 'terms', 'confirmation', 'other')),
        file_name TEXT NOT NULL,
        mime_type TEXT NOT NULL,
        bytes BLOB NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        ${bool('is_demo')},
        ${timestamp('created_at')},
        CHECK (size = length(bytes))
      );
      -- What was sent is evidence: stored once, never rewritten.
      CREATE TRIGGER documents_immutable BEFORE UPDATE ON documents
        BEGIN SELECT RAISE(ABORT, 'documents are immutable'); END;
      -- Only demo data may be removed (in one step, from the app).
      CREATE TRIGGER documents_kept BEFORE DELETE ON documents WHEN OLD.is_demo = 0
        BEGIN SELECT RAISE(ABORT, 'documents are kept'); END;

      CREATE TABLE business (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        contact_name TEXT,
        street TEXT NOT NULL,
        postcode TEXT NOT NULL,
        city TEXT NOT NULL,
        country TEXT NOT NULL DEFAULT 'NL',
        email TEXT,
        phone TEXT,
        website TEXT,
        kvk TEXT,
        vat_id TEXT,
        iban TEXT NOT NULL,
        bic TEXT,
        logo_document_id INTEGER REFERENCES documents(id),
        terms_document_id INTEGER REFERENCES documents(id),
        payment_term_days INTEGER NOT NULL DEFAULT 30 CHECK (payment_term_days BETWEEN 0 AND 365),
        ${bool('can_deduct_vat', 1)},
        letter_language TEXT NOT NULL DEFAULT 'nl' CHECK (letter_language IN ('nl', 'en')),
        ladder_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(ladder_json)),
        settings_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(settings_json)),
        ${timestamp('created_at')},
        ${timestamp('updated_at')}
      );

      CREATE TABLE debtors (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('business', 'consumer')),
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        search_text TEXT NOT NULL,
        contact_name TEXT,
        street TEXT,
        postcode TEXT,
        city TEXT,
        country TEXT NOT NULL DEFAULT 'NL',
        email TEXT,
        phone TEXT,
        kvk TEXT,
        vat_id TEXT,
        iban TEXT,
        language TEXT NOT NULL DEFAULT 'nl' CHECK (language IN ('nl', 'en')),
        payment_term_days INTEGER CHECK (payment_term_days IS NULL OR payment_term_days BETWEEN 0 AND 365),
        ladder_json TEXT CHECK (ladder_json IS NULL OR json_valid(ladder_json)),
        ${bool('interest_after_notice')},
        ${date('paused_until', true)},
        pause_reason TEXT,
        notes TEXT,
        ${bool('archived')},
        ${bool('is_demo')},
        forgotten_at TEXT,
        ${timestamp('created_at')},
        ${timestamp('updated_at')}
      );
      CREATE INDEX debtors_search ON debtors(search_text);
      CREATE INDEX debtors_iban ON debtors(iban) WHERE iban IS NOT NULL;

      CREATE TABLE imports (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('bank', 'invoices-csv', 'invoices-ubl')),
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        counts_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(counts_json)),
        ${timestamp('imported_at')}
      );

      CREATE TABLE invoices (
        id INTEGER PRIMARY KEY,
        debtor_id INTEGER NOT NULL REFERENCES debtors(id),
        number TEXT NOT NULL UNIQUE CHECK (length(trim(number)) > 0),
        kind TEXT NOT NULL DEFAULT 'invoice' CHECK (kind IN ('invoice', 'credit-note')),
        corrects_invoice_id INTEGER REFERENCES invoices(id),
        ${date('invoice_date')},
        ${date('delivery_date', true)},
        ${date('due_date')},
        description TEXT NOT NULL DEFAULT '',
        ${money('amount_cents')},
        -- What is still open: amount − allocations − credit notes. Kept by the triggers below,
        -- inside the same transaction as every change, so that the overview reads only open
        -- invoices (partial index) instead of summing 100,000 invoices' payments each time.
        ${money('open_cents')} DEFAULT 0,
        payment_reference TEXT NOT NULL,
        ${bool('disputed')},
        dispute_reason TEXT,
        ${bool('stopped')},
        ${bool('consumer_sale_of_goods')},
        source TEXT NOT NULL CHECK (source IN ('manual', 'csv', 'ubl', 'demo')),
        import_id INTEGER REFERENCES imports(id),
        original_document_id INTEGER REFERENCES documents(id),
        ${timestamp('created_at')},
        ${timestamp('updated_at')},
        CHECK (kind = 'invoice' OR amount_cents > 0),
        CHECK (due_date >= invoice_date)
      );
      CREATE INDEX invoices_debtor ON invoices(debtor_id, due_date);
      CREATE INDEX invoices_due ON invoices(due_date);
      CREATE INDEX invoices_reference ON invoices(payment_reference);
      CREATE INDEX invoices_corrects ON invoices(corrects_invoice_id) WHERE corrects_invoice_id IS NOT NULL;
      CREATE INDEX invoices_open ON invoices(debtor_id, due_date, open_cents, disputed) WHERE open_cents > 0;

      CREATE TABLE payments (
        id INTEGER PRIMARY KEY,
        debtor_id INTEGER REFERENCES debtors(id),
        ${date('date')},
        ${money('amount_cents')},
        method TEXT NOT NULL CHECK (method IN ('manual', 'bank', 'agency')),
        counterparty_name TEXT,
        counterparty_iban TEXT,
        remittance TEXT,
        bank_reference TEXT,
        handover_id INTEGER REFERENCES handovers(id),
        import_id INTEGER REFERENCES imports(id),
        note TEXT,
        ${timestamp('created_at')},
        CHECK (amount_cents > 0)
      );
      CREATE INDEX payments_debtor ON payments(debtor_id, date);

      CREATE TABLE payment_plans (
        id INTEGER PRIMARY KEY,
        debtor_id INTEGER NOT NULL REFERENCES debtors(id),
        ${money('principal_cents')},
        ${money('interest_cents')},
        ${money('costs_cents')},
        ${money('total_cents')},
        ${date('first_date')},
        interval TEXT NOT NULL CHECK (interval IN ('week', 'two-weeks', 'month')),
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'ended')),
        ${bool('acceleration_clause', 1)},
        ${date('ended_on', true)},
        ${timestamp('created_at')},
        CHECK (total_cents = principal_cents + interest_cents + costs_cents)
      );
      CREATE INDEX payment_plans_debtor ON payment_plans(debtor_id);

      CREATE TABLE installments (
        id INTEGER PRIMARY KEY,
        plan_id INTEGER NOT NULL REFERENCES payment_plans(id),
        seq INTEGER NOT NULL CHECK (seq >= 1),
        ${date('due_date')},
        ${money('amount_cents')},
        UNIQUE (plan_id, seq)
      );

      CREATE TABLE payment_allocations (
        id INTEGER PRIMARY KEY,
        payment_id INTEGER NOT NULL REFERENCES payments(id),
        invoice_id INTEGER NOT NULL REFERENCES invoices(id),
        installment_id INTEGER REFERENCES installments(id),
        ${money('amount_cents')},
        CHECK (amount_cents > 0),
        UNIQUE (payment_id, invoice_id)
      );
      CREATE INDEX payment_allocations_invoice ON payment_allocations(invoice_id);

      CREATE TRIGGER invoices_open_on_insert AFTER INSERT ON invoices BEGIN
        UPDATE invoices SET open_cents = CASE WHEN NEW.kind = 'invoice' THEN NEW.amount_cents ELSE 0 END WHERE id = NEW.id;
        UPDATE invoices SET open_cents = open_cents - NEW.amount_cents
          WHERE NEW.kind = 'credit-note' AND id = NEW.corrects_invoice_id;
      END;
      CREATE TRIGGER invoices_open_on_amount AFTER UPDATE OF amount_cents ON invoices WHEN NEW.kind = 'invoice' BEGIN
        UPDATE invoices SET open_cents = open_cents + NEW.amount_cents - OLD.amount_cents WHERE id = NEW.id;
      END;
      CREATE TRIGGER invoices_open_on_delete AFTER DELETE ON invoices WHEN OLD.kind = 'credit-note' BEGIN
        UPDATE invoices SET open_cents = open_cents + OLD.amount_cents WHERE id = OLD.corrects_invoice_id;
      END;
      CREATE TRIGGER allocations_open_on_insert AFTER INSERT ON payment_allocations BEGIN
        UPDATE invoices SET open_cents = open_cents - NEW.amount_cents WHERE id = NEW.invoice_id;
      END;
      CREATE TRIGGER allocations_open_on_delete AFTER DELETE ON payment_allocations BEGIN
        UPDATE invoices SET open_cents = open_cents + OLD.amount_cents WHERE id = OLD.invoice_id;
      END;
      CREATE TRIGGER allocations_open_on_update AFTER UPDATE OF amount_cents, invoice_id ON payment_allocations BEGIN
        UPDATE invoices SET open_cents = open_cents + OLD.amount_cents WHERE id = OLD.invoice_id;
        UPDATE invoices SET open_cents = open_cents - NEW.amount_cents WHERE id = NEW.invoice_id;
      END;

      CREATE TABLE bank_lines (
        id INTEGER PRIMARY KEY,
        import_id INTEGER NOT NULL REFERENCES imports(id),
        dedupe_key TEXT NOT NULL UNIQUE,
        ${date('booking_date')},
        ${money('amount_cents')},
        direction TEXT NOT NULL CHECK (direction IN ('credit', 'debit')),
        counterparty_name TEXT,
        counterparty_iban TEXT,
        remittance TEXT NOT NULL DEFAULT '',
        structured_reference TEXT,
        status TEXT NOT NULL CHECK (status IN ('matched', 'unmatched', 'ignored')),
        payment_id INTEGER REFERENCES payments(id)
      );

      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        debtor_id INTEGER NOT NULL REFERENCES debtors(id),
        type TEXT NOT NULL,
        ${date('occurred_on')},
        ${timestamp('created_at')},
        summary TEXT NOT NULL,
        data_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data_json)),
        document_id INTEGER REFERENCES documents(id),
        corrects_event_id INTEGER REFERENCES events(id)
      );
      CREATE INDEX events_debtor ON events(debtor_id, occurred_on);
      -- The timeline is append-only: a correction is a new event that points at the old one.
      CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
      CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
        WHEN (SELECT is_demo FROM debtors WHERE id = OLD.debtor_id) = 0
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

      CREATE TABLE event_invoices (
        event_id INTEGER NOT NULL REFERENCES events(id),
        invoice_id INTEGER NOT NULL REFERENCES invoices(id),
        PRIMARY KEY (event_id, invoice_id)
      ) WITHOUT ROWID;
      CREATE INDEX event_invoices_invoice ON event_invoices(invoice_id);

      CREATE TABLE promises (
        id INTEGER PRIMARY KEY,
        debtor_id INTEGER NOT NULL REFERENCES debtors(id),
        event_id INTEGER REFERENCES events(id),
        ${date('promised_date')},
        ${money('amount_cents', true)},
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'kept', 'broken', 'cancelled')),
        ${date('resolved_on', true)},
        ${timestamp('created_at')}
      );
      CREATE INDEX promises_debtor ON promises(debtor_id, status);

      CREATE TABLE agencies (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        email TEXT,
        phone TEXT,
        terms_kind TEXT CHECK (terms_kind IS NULL OR terms_kind IN ('no-cure-no-pay', 'fixed-fee', 'other')),
        terms_percent_bp INTEGER CHECK (terms_percent_bp IS NULL OR terms_percent_bp BETWEEN 0 AND 10000),
        ${money('terms_fee_cents', true)}
      );

      CREATE TABLE handovers (
        id INTEGER PRIMARY KEY,
        debtor_id INTEGER NOT NULL REFERENCES debtors(id),
        agency_id INTEGER NOT NULL REFERENCES agencies(id),
        agency_reference TEXT,
        ${date('handed_over_on')},
        terms_kind TEXT NOT NULL CHECK (terms_kind IN ('no-cure-no-pay', 'fixed-fee', 'other')),
        terms_percent_bp INTEGER CHECK (terms_percent_bp IS NULL OR terms_percent_bp BETWEEN 0 AND 10000),
        ${money('terms_fee_cents', true)},
        ${money('claimed_cents')},
        dossier_document_id INTEGER REFERENCES documents(id),
        dossier_sha256 TEXT,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'partially-paid', 'settled', 'given-up', 'returned', 'taken-back')),
        ${date('closed_on', true)},
        ${timestamp('created_at')}
      );
      CREATE INDEX handovers_debtor ON handovers(debtor_id, status);

      CREATE TABLE templates (
        id INTEGER PRIMARY KEY,
        step TEXT NOT NULL,
        language TEXT NOT NULL CHECK (language IN ('nl', 'en')),
        tone TEXT NOT NULL CHECK (tone IN ('vriendelijk', 'zakelijk', 'streng')),
        subject TEXT NOT NULL,
        body TEXT NOT NULL,
        ${timestamp('updated_at')},
        UNIQUE (step, language, tone)
      );

      CREATE TABLE statutory_rates (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('commercial', 'consumer')),
        ${date('valid_from')},
        -- thousandths of a percent (10.15 % = 10150): a rate, kept exact without floats
        percent_milli INTEGER NOT NULL CHECK (percent_milli BETWEEN 0 AND 100000),
        source TEXT NOT NULL,
        ${bool('verified')},
        UNIQUE (kind, valid_from)
      );

      CREATE TABLE csv_mappings (
        source_key TEXT PRIMARY KEY,
        mapping_json TEXT NOT NULL CHECK (json_valid(mapping_json)),
        ${timestamp('updated_at')}
      );
    `);
  },
};

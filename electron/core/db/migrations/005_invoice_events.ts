import type { Migration } from './types';

/*
 * The overview (issue 4) evaluates the workflow of every open invoice, and the workflow engine reads
 * each invoice's timeline: which steps were done, when. Through event_invoices → events that is a
 * seek per open invoice plus a row lookup per event in the widest table of the ledger (summaries,
 * JSON): about 50 ms of a 100 ms overview at 10,000 open invoices. invoice_events holds, clustered
 * by invoice, just the facts the engine reads — a covering index across the join, which SQLite
 * cannot declare itself.
 *
 * It is derived data, never written by a service: triggers keep it equal to event_invoices ⨝ events
 * (a link added or removed; an event rewritten, which only the AVG redaction of migration 002 does).
 * tests/integration/db/invoiceEvents.test.ts checks that it stays equal.
 */
const FACTS = `json_extract(e.data_json, '$.step'), json_extract(e.data_json, '$.letter'), json_extract(e.data_json, '$.lastDay')`;

export const m005InvoiceEvents: Migration = {
  version: 5,
  name: 'invoice-events',
  up(db) {
    db.exec(`
      CREATE TABLE invoice_events (
        invoice_id INTEGER NOT NULL,
        event_id INTEGER NOT NULL,
        type TEXT NOT NULL,
        occurred_on TEXT NOT NULL,
        step TEXT,
        letter TEXT,
        last_day TEXT,
        PRIMARY KEY (invoice_id, event_id)
      ) WITHOUT ROWID;

      INSERT INTO invoice_events (invoice_id, event_id, type, occurred_on, step, letter, last_day)
        SELECT ei.invoice_id, e.id, e.type, e.occurred_on, ${FACTS}
        FROM event_invoices ei JOIN events e ON e.id = ei.event_id;

      CREATE TRIGGER invoice_events_link AFTER INSERT ON event_invoices BEGIN
        INSERT INTO invoice_events (invoice_id, event_id, type, occurred_on, step, letter, last_day)
          SELECT NEW.invoice_id, e.id, e.type, e.occurred_on, ${FACTS} FROM events e WHERE e.id = NEW.event_id;
      END;
      CREATE TRIGGER invoice_events_unlink AFTER DELETE ON event_invoices BEGIN
        DELETE FROM invoice_events WHERE invoice_id = OLD.invoice_id AND event_id = OLD.event_id;
      END;
      CREATE TRIGGER invoice_events_rewrite AFTER UPDATE OF type, occurred_on, data_json ON events BEGIN
        UPDATE invoice_events SET type = NEW.type, occurred_on = NEW.occurred_on,
          step = json_extract(NEW.data_json, '$.step'), letter = json_extract(NEW.data_json, '$.letter'), last_day = json_extract(NEW.data_json, '$.lastDay')
        WHERE event_id = NEW.id AND invoice_id IN (SELECT invoice_id FROM event_invoices WHERE event_id = NEW.id);
      END;
    `);
  },
};

import type { Migration } from './types';

/** What a forgotten customer's timeline entries say instead of their text (backup/forget.ts). */
export const FORGOTTEN_EVENT_SUMMARY = 'Inhoud verwijderd op verzoek van de klant (AVG)';

/**
 * Forgetting a customer (AVG art. 17, issue 11): the one controlled exception to "events are
 * append-only" and "documents are immutable". The triggers of 001 are replaced by ones that allow
 * exactly the redaction that electron/core/backup/forget.ts performs, and only once the debtor has
 * `forgotten_at` set:
 *   - an event keeps its type, dates, debtor, invoices and document link; only its summary may
 *     become FORGOTTEN_EVENT_SUMMARY and its data '{}'
 *   - a document other than an invoice PDF may become a small text tombstone named
 *     `vergeten-<id>.txt` (kind, debtor, date kept); an invoice PDF never changes (fiscal retention,
 *     art. 52 AWR). Demo documents may be removed as before.
 * And a forgotten customer stays forgotten: their personal fields cannot be filled in again, and
 * they get no new invoices (a returning customer is a new customer).
 */
export const m002Forget: Migration = {
  version: 2,
  name: 'forget',
  up(db) {
    db.exec(`
      DROP TRIGGER events_append_only_update;
      CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
        WHEN NOT (
          (SELECT forgotten_at FROM debtors WHERE id = OLD.debtor_id) IS NOT NULL
          AND NEW.id = OLD.id AND NEW.debtor_id = OLD.debtor_id AND NEW.type = OLD.type
          AND NEW.occurred_on = OLD.occurred_on AND NEW.created_at = OLD.created_at
          AND NEW.document_id IS OLD.document_id AND NEW.corrects_event_id IS OLD.corrects_event_id
          AND NEW.summary = '${FORGOTTEN_EVENT_SUMMARY}' AND NEW.data_json = '{}'
        )
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

      DROP TRIGGER documents_immutable;
      CREATE TRIGGER documents_immutable BEFORE UPDATE ON documents
        WHEN NOT (
          OLD.debtor_id IS NOT NULL
          AND (SELECT forgotten_at FROM debtors WHERE id = OLD.debtor_id) IS NOT NULL
          AND OLD.kind <> 'invoice-pdf'
          AND OLD.file_name <> 'vergeten-' || OLD.id || '.txt'
          AND NEW.file_name = 'vergeten-' || OLD.id || '.txt'
          AND NEW.mime_type = 'text/plain; charset=utf-8'
          AND NEW.id = OLD.id AND NEW.debtor_id IS OLD.debtor_id AND NEW.kind = OLD.kind
          AND NEW.is_demo = OLD.is_demo AND NEW.created_at = OLD.created_at
          AND NEW.size < 1024
        )
        BEGIN SELECT RAISE(ABORT, 'documents are immutable'); END;

      CREATE TRIGGER debtors_forgotten_stay_forgotten BEFORE UPDATE ON debtors
        WHEN OLD.forgotten_at IS NOT NULL AND (
          NEW.forgotten_at IS NOT OLD.forgotten_at OR NEW.name IS NOT OLD.name
          OR NEW.contact_name IS NOT NULL OR NEW.street IS NOT NULL OR NEW.postcode IS NOT NULL OR NEW.city IS NOT NULL
          OR NEW.email IS NOT NULL OR NEW.phone IS NOT NULL OR NEW.kvk IS NOT NULL OR NEW.vat_id IS NOT NULL
          OR NEW.iban IS NOT NULL OR NEW.notes IS NOT NULL OR NEW.pause_reason IS NOT NULL
        )
        BEGIN SELECT RAISE(ABORT, 'forbidden: Deze klant is vergeten op eigen verzoek (AVG); zijn gegevens kunnen niet opnieuw worden ingevuld. Komt de klant terug, maak dan een nieuwe klant aan. | This customer was forgotten on request (GDPR); their details cannot be filled in again. Add a new customer instead.'); END;

      CREATE TRIGGER invoices_not_for_forgotten BEFORE INSERT ON invoices
        WHEN NEW.kind = 'invoice' AND (SELECT forgotten_at FROM debtors WHERE id = NEW.debtor_id) IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'forbidden: Deze klant is vergeten op eigen verzoek (AVG); een nieuwe factuur hoort bij een nieuwe klant. | This customer was forgotten on request (GDPR); a new invoice belongs to a new customer.'); END;
    `);
  },
};

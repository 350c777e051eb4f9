// Forgetting a customer on request (AVG / GDPR art. 17, the right to erasure): 'debtors.forget'.
//
// THE RULE (what goes, what stays, and why)
//
// Refused while a claim is still running: open invoices, an active payment plan, an open handover
// to a collection agency, or money of the customer's that we still hold (an overpayment to refund).
// Then the data is needed "for the establishment, exercise or defence of legal claims" (art. 17(3)(e)
// AVG), and a refund needs their account number (art. 6:203 BW). Settle, credit or refund first.
//
// Removed (no law requires it, it identifies or describes a person):
//   - the customer's name (becomes "Vergeten klant #<id>"), contact person, address, e-mail, phone,
//     KvK number and VAT id (for a sole trader these identify a person), IBAN, notes, pause reason
//   - the text of every timeline entry (call notes, promises, letters' summaries: free text about the
//     person) and its data; the entry itself stays: type, date and invoices, so the history of the
//     invoices still reads "a reminder was sent on …" (a controlled exception to append-only,
//     migration 002_forget)
//   - sent documents (reminders, letters, mails, call sheets, dossiers, confirmations): replaced by
//     a small tombstone that keeps kind, date, size and the original SHA-256, so it can still be
//     shown what existed and, with a copy from elsewhere, what it said
//   - on payments and bank lines: the counterparty's name and IBAN, the remittance text and notes
//   - the reason given for a dispute
//
// Kept (a legal obligation, art. 17(3)(b) AVG):
//   - the invoices and credit notes with number, dates, description, amounts and betalingskenmerk,
//     the payments and their allocation (date, amount): the debiteurenadministratie is part of the
//     basic data every business must keep for 7 years (art. 52 lid 4 Algemene wet inzake
//     rijksbelastingen, art. 2:10 BW)
//   - the original invoice PDFs: the invoice as issued, which by law names the customer (art. 35a
//     Wet OB) and must be kept as issued for the same 7 years; the database refuses to change them
//
// Also: the debtor is archived, the change is recorded as a 'forgotten' timeline entry (the
// accountability of art. 5(2) AVG), and afterwards the ledger is rewritten so the old text is not
// left in free pages or the write-ahead log (secure_delete, checkpoint). Older backups still hold
// the data until the retention rule removes them (at most 12 months); restoring one means
// forgetting the customer again — the health screen says so.
import type { ForgetSummary } from '../../../shared/contract/methods/backup';
import { formatCents } from '../../../shared/domain/money';
import type { Context } from '../context';
import { FORGOTTEN_EVENT_SUMMARY } from '../db/migrations/002_forget';
import { transaction } from '../db/transaction';
import { AppError, notFound } from '../errors';
import { addEvent } from '../ledger/events';
import { sha256Hex } from '../util/hash';
import { foldForSearch } from '../util/text';

export const forgottenName = (id: number) => `Vergeten klant #${id}`;

const DOCUMENT_KIND_NL: Record<string, string> = {
  reminder: 'herinnering', letter: 'brief', mail: 'e-mail', 'call-sheet': 'belblad', dossier: 'dossier',
  terms: 'voorwaarden', confirmation: 'bevestiging', other: 'document',
};

/** The text that replaces a sent document of a forgotten customer (under 1 KB: the trigger checks). */
export function tombstoneText(doc: { kind: string; created_at: string; size: number; sha256: string }, forgottenOn: string): string {
  return [
    `Dit document is op ${forgottenOn} verwijderd op verzoek van de klant (AVG art. 17).`,
    `Oorspronkelijk: ${DOCUMENT_KIND_NL[doc.kind] ?? doc.kind}, opgeslagen ${doc.created_at}, ${doc.size} bytes,`,
    `SHA-256 ${doc.sha256}.`,
    '',
  ].join('\n');
}

interface Blockers { openInvoices: number; openCents: number; activePlans: number; openHandovers: number; credit: number }

function blockers(ctx: Context, id: number): Blockers {
  const s = ctx.sqlite;
  const open = s.prepare("SELECT count(*) AS n, coalesce(sum(open_cents), 0) AS cents FROM invoices WHERE debtor_id = ? AND kind = 'invoice' AND open_cents > 0").get(id) as { n: number; cents: number };
  const plans = (s.prepare("SELECT count(*) AS n FROM payment_plans WHERE debtor_id = ? AND status = 'active'").get(id) as { n: number }).n;
  const handovers = (s.prepare("SELECT count(*) AS n FROM handovers WHERE debtor_id = ? AND status IN ('open', 'partially-paid')").get(id) as { n: number }).n;
  const credit = (s.prepare(`SELECT coalesce(sum(p.amount_cents), 0) - coalesce((SELECT sum(a.amount_cents) FROM payment_allocations a
      JOIN payments q ON q.id = a.payment_id WHERE q.debtor_id = ?), 0) AS credit FROM payments p WHERE p.debtor_id = ?`).get(id, id) as { credit: number }).credit;
  return { openInvoices: open.n, openCents: open.cents, activePlans: plans, openHandovers: handovers, credit };
}

export async function forgetDebtor(ctx: Context, id: number): Promise<ForgetSummary> {
  const s = ctx.sqlite;
  const debtor = s.prepare('SELECT id, forgotten_at FROM debtors WHERE id = ?').get(id) as { id: number; forgotten_at: string | null } | undefined;
  if (!debtor) throw notFound('Deze klant', 'This customer');
  if (debtor.forgotten_at) {
    throw new AppError('conflict', `Deze klant is al vergeten (op ${debtor.forgotten_at.slice(0, 10)}).`, `This customer was already forgotten (on ${debtor.forgotten_at.slice(0, 10)}).`);
  }
  const b = blockers(ctx, id);
  const reasons: string[] = [];
  const reasonsEn: string[] = [];
  if (b.openInvoices > 0) {
    reasons.push(`er ${b.openInvoices === 1 ? 'staat nog een factuur' : `staan nog ${b.openInvoices} facturen`} open (${formatCents(b.openCents)})`);
    reasonsEn.push(`${b.openInvoices} invoice(s) are still open`);
  }
  if (b.activePlans > 0) { reasons.push('er loopt nog een betalingsregeling'); reasonsEn.push('a payment plan is running'); }
  if (b.openHandovers > 0) { reasons.push('de vordering ligt nog bij een incassobureau'); reasonsEn.push('the claim is with a collection agency'); }
  if (b.credit > 0) { reasons.push(`de klant heeft nog een tegoed van ${formatCents(b.credit)} dat terugbetaald moet worden`); reasonsEn.push('the customer has a credit to be refunded'); }
  if (reasons.length > 0) {
    throw new AppError(
      'forbidden',
      `Deze klant kan nog niet worden vergeten: ${reasons.join(', ')}. Zolang de vordering loopt, mag je de gegevens bewaren om haar te innen (AVG art. 17 lid 3 onder e). Rond haar eerst af (betaald, gecrediteerd of terugbetaald). Er is niets veranderd.`,
      `This customer cannot be forgotten yet: ${reasonsEn.join(', ')}. While the claim runs the data may be kept to collect it (GDPR art. 17(3)(e)). Settle it first. Nothing was changed.`,
    );
  }

  const now = ctx.now();
  const today = ctx.today();
  const name = forgottenName(id);
  const secureDelete = s.pragma('secure_delete', { simple: true }) as number;
  s.pragma('secure_delete = ON');
  try {
    const summary = await transaction(ctx, async () => {
      // First the debtor: the triggers of migration 002 allow the rest only once forgotten_at is set.
      s.prepare(`UPDATE debtors SET name = ?, search_text = ?, contact_name = NULL, street = NULL, postcode = NULL, city = NULL,
          email = NULL, phone = NULL, kvk = NULL, vat_id = NULL, iban = NULL, notes = NULL, pause_reason = NULL, paused_until = NULL,
          archived = 1, forgotten_at = ?, updated_at = ? WHERE id = ?`).run(name, foldForSearch(name), now, now, id);
      const events = s.prepare("UPDATE events SET summary = ?, data_json = '{}' WHERE debtor_id = ? AND (summary <> ? OR data_json <> '{}')")
        .run(FORGOTTEN_EVENT_SUMMARY, id, FORGOTTEN_EVENT_SUMMARY).changes;
      const payments = s.prepare(`UPDATE payments SET counterparty_name = NULL, counterparty_iban = NULL, remittance = NULL, note = NULL
          WHERE debtor_id = ? AND (counterparty_name IS NOT NULL OR counterparty_iban IS NOT NULL OR remittance IS NOT NULL OR note IS NOT NULL)`).run(id).changes;
      const bankLines = s.prepare(`UPDATE bank_lines SET counterparty_name = NULL, counterparty_iban = NULL, remittance = ''
          WHERE payment_id IN (SELECT id FROM payments WHERE debtor_id = ?)`).run(id).changes;
      s.prepare('UPDATE invoices SET dispute_reason = NULL WHERE debtor_id = ? AND dispute_reason IS NOT NULL').run(id);

      const docs = s.prepare(`SELECT id, kind, created_at, size, sha256 FROM documents
          WHERE debtor_id = ? AND kind <> 'invoice-pdf' AND file_name <> 'vergeten-' || id || '.txt'
            AND id NOT IN (SELECT original_document_id FROM invoices WHERE original_document_id IS NOT NULL)`).all(id) as
        { id: number; kind: string; created_at: string; size: number; sha256: string }[];
      const replace = s.prepare("UPDATE documents SET file_name = ?, mime_type = 'text/plain; charset=utf-8', bytes = ?, size = ?, sha256 = ? WHERE id = ?");
      for (const doc of docs) {
        const bytes = Buffer.from(tombstoneText(doc, today), 'utf8');
        replace.run(`vergeten-${doc.id}.txt`, bytes, bytes.length, sha256Hex(bytes), doc.id);
      }

      await addEvent(ctx, {
        debtorId: id, type: 'forgotten', occurredOn: today,
        summary: 'Persoonsgegevens verwijderd op verzoek van de klant (AVG art. 17). Facturen, bedragen en factuur-pdf\'s blijven bewaard (art. 52 AWR).',
      });

      const kept = s.prepare(`SELECT
          (SELECT count(*) FROM invoices WHERE debtor_id = ?) AS invoices,
          (SELECT count(*) FROM documents WHERE kind = 'invoice-pdf' AND (debtor_id = ? OR id IN (SELECT original_document_id FROM invoices WHERE debtor_id = ?))) AS invoicePdfs,
          (SELECT count(*) FROM payments WHERE debtor_id = ?) AS payments`).get(id, id, id, id) as ForgetSummary['kept'];
      return { debtorId: id, name, forgottenAt: now, kept, erased: { events, documents: docs.length, payments, bankLines } } satisfies ForgetSummary;
    });
    // Fold the write-ahead log into the file and empty it: the old text must not linger there.
    s.pragma('wal_checkpoint(TRUNCATE)');
    return summary;
  } finally {
    s.pragma(`secure_delete = ${secureDelete ? 'ON' : 'OFF'}`);
  }
}

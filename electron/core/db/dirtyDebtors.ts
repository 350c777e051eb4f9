// Which customers a write touched, so that what is derived per customer (the overview) is
// computed again for those customers only. Temporary triggers note the customer of every row
// written to a table the workflow engine reads (workflow/load.ts) into temp.dirty_debtors.
//
// Why temporary: they live on this connection only and vanish when it closes, so the ledger file
// carries no trace of them (nothing to migrate, nothing in a backup), and writes by another
// connection — the command line on the same file — are not seen here; the reader catches those
// with PRAGMA data_version and computes everything again.
//
// One reader takes and clears the set (ledger/overview.ts); a second reader would need its own.
import type { Sqlite } from './connection';

/** A change that concerns every customer (the business's collection plan). */
export const EVERY_DEBTOR = 0;

/** Where each table says which customer a row belongs to: a column, or a lookup by a column. */
const OWNERS: Record<string, (row: 'NEW' | 'OLD') => string> = {
  debtors: (r) => `SELECT ${r}.id`,
  invoices: (r) => `SELECT ${r}.debtor_id`,
  // Reminders, calls and letters reach the engine through invoice_events (kept from event_invoices
  // by triggers, migration 005); event_invoices itself links a promise to its invoices.
  invoice_events: (r) => `SELECT debtor_id FROM main.invoices WHERE id = ${r}.invoice_id`,
  event_invoices: (r) => `SELECT debtor_id FROM main.invoices WHERE id = ${r}.invoice_id`,
  // The day a promise or an arrangement was made is read from its event.
  events: (r) => `SELECT ${r}.debtor_id`,
  promises: (r) => `SELECT ${r}.debtor_id`,
  payment_plans: (r) => `SELECT ${r}.debtor_id`,
  installments: (r) => `SELECT debtor_id FROM main.payment_plans WHERE id = ${r}.plan_id`,
  handovers: (r) => `SELECT ${r}.debtor_id`,
  // Payments count towards promises and installments; an unmatched bank payment has no customer.
  // (Allocations change invoices.open_cents, which the invoices triggers see.)
  payments: (r) => `SELECT ${r}.debtor_id WHERE ${r}.debtor_id IS NOT NULL`,
  business: () => `SELECT ${EVERY_DEBTOR}`,
};

/** The tables whose writes are watched: every table the workflow engine reads. */
export const WATCHED_TABLES = Object.keys(OWNERS);

function triggersSql(): string {
  const statements = ['CREATE TEMP TABLE IF NOT EXISTS dirty_debtors (debtor_id INTEGER PRIMARY KEY)'];
  for (const [table, owner] of Object.entries(OWNERS)) {
    const mark = (row: 'NEW' | 'OLD') => `INSERT OR IGNORE INTO dirty_debtors (debtor_id) ${owner(row)};`;
    statements.push(
      `CREATE TEMP TRIGGER IF NOT EXISTS dirty_${table}_insert AFTER INSERT ON main.${table} BEGIN ${mark('NEW')} END`,
      `CREATE TEMP TRIGGER IF NOT EXISTS dirty_${table}_update AFTER UPDATE ON main.${table} BEGIN ${mark('OLD')} ${mark('NEW')} END`,
      `CREATE TEMP TRIGGER IF NOT EXISTS dirty_${table}_delete AFTER DELETE ON main.${table} BEGIN ${mark('OLD')} END`,
    );
  }
  return statements.join(';\n');
}

const tracked = new WeakSet<Sqlite>();

/** Starts noting touched customers on this connection (once; later calls do nothing). */
export function trackDirtyDebtors(sqlite: Sqlite): void {
  if (tracked.has(sqlite)) return;
  sqlite.exec(triggersSql());
  tracked.add(sqlite);
}

/**
 * The customers touched since the last call, and forgets them. EVERY_DEBTOR among them means all.
 * Not inside a transaction: a rollback would bring the forgotten ones back while the reader keeps
 * what it computed from the rolled-back rows.
 */
export function takeDirtyDebtors(sqlite: Sqlite): number[] {
  if (sqlite.inTransaction) throw new Error('takeDirtyDebtors inside a transaction');
  const ids = sqlite.prepare('SELECT debtor_id FROM temp.dirty_debtors').pluck().all() as number[];
  if (ids.length > 0) sqlite.prepare('DELETE FROM temp.dirty_debtors').run();
  return ids;
}

// A ledger file migrated only up to an older schema version, with rows written by hand as that
// version's code would have: for tests of what a later migration makes of existing data.
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { openSqlite, type Sqlite } from '../../electron/core/db/connection';
import { migrate } from '../../electron/core/db/migrate';
import { makeTempDir, removeDir } from './backend';

export interface OldLedger {
  db: Sqlite;
  /** One business customer, "Oud B.V.". */
  debtorId: number;
  /** An invoice of € 100 of that customer, dated 01-09-2026, due 01-10-2026. */
  addInvoice(number: string): number;
  /** An event of that customer, linked to the given invoices. */
  addEvent(type: string, on: string, data: object, ...invoiceIds: number[]): number;
}

/** Closed and removed when the current test ends. */
export async function oldLedger(version: number): Promise<OldLedger> {
  const dir = makeTempDir(`openstaand-v${version}-`);
  const db = openSqlite(path.join(dir, 'openstaand.sqlite'));
  onTestFinished(() => { db.close(); removeDir(dir); });
  await migrate(db, { target: version });
  const now = '2026-11-01T10:00:00.000Z';
  const debtorId = Number(db.prepare("INSERT INTO debtors (kind, name, search_text, created_at, updated_at) VALUES ('business', 'Oud B.V.', 'oud b.v.', ?, ?)")
    .run(now, now).lastInsertRowid);
  return {
    db,
    debtorId,
    addInvoice: (number) => Number(db.prepare(`INSERT INTO invoices (debtor_id, number, invoice_date, due_date, amount_cents, payment_reference, source, created_at, updated_at)
      VALUES (?, ?, '2026-09-01', '2026-10-01', 10000, ?, 'manual', ?, ?)`).run(debtorId, number, number, now, now).lastInsertRowid),
    addEvent(type, on, data, ...invoiceIds) {
      const id = Number(db.prepare('INSERT INTO events (debtor_id, type, occurred_on, created_at, summary, data_json) VALUES (?, ?, ?, ?, ?, ?)')
        .run(debtorId, type, on, now, type, JSON.stringify(data)).lastInsertRowid);
      for (const invoiceId of invoiceIds) db.prepare('INSERT INTO event_invoices (event_id, invoice_id) VALUES (?, ?)').run(id, invoiceId);
      return id;
    },
  };
}

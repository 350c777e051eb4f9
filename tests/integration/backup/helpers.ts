// Small ledgers and deliberately broken files for the backup tests.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { onTestFinished } from 'vitest';
import { createBackend, type Backend } from '../../../electron/core/backend';
import { migrate } from '../../../electron/core/db/migrate';
import type { BackupDownload } from '../../../shared/contract';
import { call, makeTempDir, removeDir, TODAY } from '../../helpers/backend';
import { aBusiness, createDebtor, createInvoice } from '../../helpers/ledger';

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** A business, a consumer with an invoice, its PDF and a part payment, and a business customer. */
export async function seedLedger(backend: Backend, name = 'Petra Jansen') {
  await call(backend, 'business.save', aBusiness());
  const petra = await createDebtor(backend, { kind: 'consumer', name, email: 'petra@example.nl', phone: '06 12345678', street: 'Dorpsstraat 1', postcode: '3701 GB', city: 'Zeist', iban: 'NL20INGB0001234567', notes: 'Belt liever na 17 uur.' });
  const invoice = await createInvoice(backend, petra.id, { amount: 121_00, description: 'Fotoreportage bruiloft' });
  await call(backend, 'invoices.attachPdf', { invoiceId: invoice.id, fileName: 'factuur.pdf', dataBase64: PDF.toString('base64') });
  await call(backend, 'payments.record', { debtorId: petra.id, date: '2026-11-20', amount: 21_00, note: 'Petra betaalde contant' });
  const bv = await createDebtor(backend, { kind: 'business', name: 'Bakkerij De Korenschoof B.V.' });
  await createInvoice(backend, bv.id, { amount: 500_00 });
  return { petra, invoice, bv };
}

export const bytesOf = (download: BackupDownload) => Buffer.from(download.dataBase64, 'base64');
export const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** Runs `fn` on a writable copy of `bytes` (a ledger file) and answers the changed bytes. */
export function editLedgerBytes(bytes: Uint8Array, fn: (db: Database.Database) => void): Buffer {
  const dir = makeTempDir('openstaand-edit-');
  try {
    const file = path.join(dir, 'x.sqlite');
    fs.writeFileSync(file, bytes);
    const db = new Database(file);
    try { fn(db); } finally { db.close(); }
    return fs.readFileSync(file);
  } finally {
    removeDir(dir);
  }
}

/** A ledger file at schema `version` (an older app's) with one debtor in it. */
export async function ledgerAtVersion(version: number): Promise<Buffer> {
  const dir = makeTempDir('openstaand-old-');
  try {
    const file = path.join(dir, 'old.sqlite');
    const db = new Database(file);
    await migrate(db, { target: version });
    db.prepare("INSERT INTO debtors (kind, name, search_text, created_at, updated_at) VALUES ('business', 'Oude Klant', 'oude klant', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')").run();
    db.pragma('journal_mode = DELETE');
    db.close();
    return fs.readFileSync(file);
  } finally {
    removeDir(dir);
  }
}

/** Every file in the data folder and the backups folder (to show nothing was added or left behind). */
export function listing(dataDir: string): string[] {
  const top = fs.readdirSync(dataDir).filter((n) => !n.endsWith('-wal') && !n.endsWith('-shm')).sort();
  const backups = fs.existsSync(path.join(dataDir, 'backups')) ? fs.readdirSync(path.join(dataDir, 'backups')).map((n) => `backups/${n}`).sort() : [];
  return [...top, ...backups];
}

/** Polls `test` until it is true (automatic backups run on a timer), at most `ms`. */
export async function eventually(test: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!test()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A backend over a fresh temp folder without the automatic timer (tests call it themselves). */
export async function withQuietBackend(): Promise<{ backend: Backend; dataDir: string; databaseFile: string }> {
  const dataDir = makeTempDir('openstaand-backup-');
  const backend = await createBackend({ dataDir, today: TODAY, autoBackup: false });
  onTestFinished(() => {
    backend.close();
    removeDir(dataDir);
  });
  return { backend, dataDir, databaseFile: backend.context.databaseFile };
}

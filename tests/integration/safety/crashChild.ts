// The process crash.test.ts kills: a real backend (createBackend, with its automatic backup due)
// that keeps importing. Each round is one import-like transaction (an imports row tagged with a
// fresh id, 2,000 invoices for 60 debtors, 4 documents), then a separate batch of documents in a
// transaction of its own. It says on stdout what it begins and what it has committed:
//   ready | begin <tag> | commit <tag> | docs <tag>
// Usage: node crash-child.mjs <dataDir> <seed>
import { randomBytes, randomUUID } from 'node:crypto';
import { createBackend } from '../../../electron/core/backend';
import { transaction } from '../../../electron/core/db/transaction';
import { sha256Hex } from '../../../electron/core/util/hash';

export const INVOICES_PER_IMPORT = 2000;
export const DOCUMENTS_PER_IMPORT = 4;
export const DOCUMENTS_PER_BATCH = 6;
const DEBTORS = 60;

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: crash-child <dataDir>');
const say = (line: string) => process.stdout.write(`${line}\n`);

const backend = await createBackend({ dataDir, today: '2026-11-24', autoBackup: { delayMs: 0 } });
const ctx = () => backend.context;
const now = () => new Date().toISOString();

const debtorIds = ctx().sqlite.prepare('SELECT id FROM debtors ORDER BY id').pluck().all() as number[];
if (debtorIds.length === 0) {
  await transaction(ctx(), async () => {
    const add = ctx().sqlite.prepare("INSERT INTO debtors (kind, name, search_text, created_at, updated_at) VALUES ('business', ?, ?, ?, ?)");
    for (let i = 1; i <= DEBTORS; i++) debtorIds.push(Number(add.run(`Klant ${i}`, `klant ${i}`, now(), now()).lastInsertRowid));
  });
}
say('ready');

function addDocument(debtorId: number, fileName: string) {
  const bytes = randomBytes(2048 + Math.floor(Math.random() * 30_000));
  ctx().sqlite.prepare("INSERT INTO documents (debtor_id, kind, file_name, mime_type, bytes, size, sha256, created_at) VALUES (?, 'other', ?, 'application/octet-stream', ?, ?, ?, ?)")
    .run(debtorId, fileName, bytes, bytes.length, sha256Hex(bytes), now());
}

for (let round = 0; ; round++) {
  const tag = randomUUID();
  say(`begin ${tag}`);
  await transaction(ctx(), async () => {
    const s = ctx().sqlite;
    const importId = Number(s.prepare("INSERT INTO imports (kind, file_name, sha256, counts_json, imported_at) VALUES ('invoices-csv', ?, ?, ?, ?)")
      .run(tag, sha256Hex(tag), JSON.stringify({ invoices: INVOICES_PER_IMPORT, documents: DOCUMENTS_PER_IMPORT }), now()).lastInsertRowid);
    const add = s.prepare(`INSERT INTO invoices (debtor_id, number, invoice_date, due_date, description, amount_cents, payment_reference, source, import_id, created_at, updated_at)
      VALUES (?, ?, '2026-10-01', '2026-10-31', 'Geïmporteerd', ?, ?, 'csv', ?, ?, ?)`);
    for (let i = 0; i < INVOICES_PER_IMPORT; i++) {
      add.run(debtorIds[i % debtorIds.length], `${tag}-${i}`, 100 + ((i * 37) % 100_000), `REF${round}-${i}`, importId, now(), now());
    }
    for (let i = 0; i < DOCUMENTS_PER_IMPORT; i++) addDocument(debtorIds[i]!, `${tag}-import-${i}.bin`);
  });
  say(`commit ${tag}`);
  await transaction(ctx(), async () => {
    for (let i = 0; i < DOCUMENTS_PER_BATCH; i++) addDocument(debtorIds[(round + i) % debtorIds.length]!, `${tag}-batch-${i}.bin`);
  });
  say(`docs ${tag}`);
  // Let the automatic backup (in the backend's queue) take its steps between rounds.
  await new Promise((resolve) => setImmediate(resolve));
}

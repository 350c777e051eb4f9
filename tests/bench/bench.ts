/**
 * `npm run bench`: timings on a large ledger (5,000 debtors / 100,000 invoices by default), as the
 * median of several runs. Performance is measured here, never asserted in timed tests.
 *   npm run bench -- [--data <folder>] [--runs 7] [--debtors 5000] [--invoices 100000] [--only letter]
 * --only runs just the timings whose name contains the given text (e.g. "letter", "Inzicht").
 */
import { chromium } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { createBackend, DATABASE_FILE, type Backend } from '../../electron/core/backend';
import { seedLargeLedger } from '../../electron/core/dev/largeLedger';
import { benchLetters } from '../../electron/core/letters/bench';
import { addEvent } from '../../electron/core/ledger/events';
import { startWebServer } from '../../electron/web/server';
import { largeStatement } from '../integration/importing/helpers';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TODAY = '2026-11-24';
const argv = process.argv.slice(2);
const arg = (flag: string, dflt: string) => { const i = argv.indexOf(flag); return i >= 0 ? argv[i + 1]! : dflt; };
const runs = Number(arg('--runs', '7'));
const debtors = Number(arg('--debtors', '5000'));
const invoices = Number(arg('--invoices', '100000'));
const only = arg('--only', '').toLowerCase();
const wanted = (name: string) => name.toLowerCase().includes(only);
const dataDir = path.resolve(arg('--data', path.join(ROOT, 'node_modules', '.cache', 'openstaand-bench', `${debtors}-${invoices}`)));

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]!; };
async function time<T>(fn: () => Promise<T> | T): Promise<number> { const t = performance.now(); await fn(); return performance.now() - t; }
async function measure(name: string, fn: () => Promise<unknown> | unknown, aim?: number) {
  if (!wanted(name)) return;
  await fn(); // warm-up
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) xs.push(await time(fn));
  results.push({ name, medianMs: Math.round(median(xs) * 10) / 10, minMs: Math.round(Math.min(...xs) * 10) / 10, aimMs: aim ?? null });
}
const results: { name: string; medianMs: number; minMs: number; aimMs: number | null }[] = [];
const ok = <T,>(r: { ok: boolean; value?: T; error?: { message: string } }) => { if (!r.ok) throw new Error(r.error!.message); return r.value as T; };

async function main() {
  if (!existsSync(path.join(dataDir, DATABASE_FILE))) {
    mkdirSync(dataDir, { recursive: true });
    console.log(`Seeding ${debtors} debtors / ${invoices} invoices into ${dataDir} …`);
    const b = await createBackend({ dataDir, today: TODAY });
    seedLargeLedger(b.context, { debtors, invoices });
    b.close();
  }
  let backend: Backend | null = null;
  await measure('open the database', async () => { backend?.close(); backend = await createBackend({ dataDir, today: TODAY }); });
  const b = backend ?? await createBackend({ dataDir, today: TODAY });
  // The first overview of a day evaluates every customer (days overdue and next steps move with
  // the date: measured by alternating the day); after that, a change evaluates again only the
  // customers it touched (a write before every run); sorting, filtering and searching reuse it all.
  const ctx = b.context;
  const day = ctx.today;
  let flip = 0;
  await measure('overview query, first of the day (every customer)', async () => {
    const other = flip++ % 2 ? TODAY : '2026-11-25';
    ctx.today = () => other;
    try { return ok(await b.invoke('overview.get', {})); } finally { ctx.today = day; }
  });
  await b.invoke('overview.get', {}).then(ok);
  const touch = ctx.sqlite.prepare('UPDATE debtors SET updated_at = updated_at WHERE id = ?');
  let touched = 0;
  await measure('overview query after a change (Debiteuren)', () => { touch.run(1 + ((touched += 997) % debtors)); return b.invoke('overview.get', {}).then(ok); }, 50);
  const sorts = ['name', 'openAmount', 'oldestDaysOverdue', 'stage'] as const;
  let s = 0;
  await measure('overview query: sort, filter, search', () => b.invoke('overview.get', { sort: sorts[s++ % sorts.length], search: s % 2 ? 'bakker' : undefined }).then(ok), 50);
  let n = 0;
  await measure('debtor page query', () => b.invoke('debtors.page', { id: 1 + ((n += 997) % debtors) }).then(ok));
  await measure('Inzicht page data', () => b.invoke('insights.get', {}).then(ok), 200);
  // The same with nothing kept: as after a change dated in an earlier month (a bank statement of last month).
  await measure('Inzicht page data, month ends recomputed', () => { b.context.sqlite.exec('DELETE FROM insight_aging'); return b.invoke('insights.get', {}).then(ok); });
  // What keeping derived facts up to date costs the writes (the customers a write touched, for
  // Debiteuren; the step facts of migration 006, for Inzicht): payments recorded by hand and
  // reminders recorded on the timeline, in a transaction rolled back so the ledger stays as it is.
  const writes = '50 payments by hand + 50 reminders recorded (rolled back)';
  if (wanted(writes)) {
    ok(await b.invoke('overview.get', {})); // as in the app: Debiteuren was opened, so its triggers are on
    const open = ctx.sqlite.prepare('SELECT id, debtor_id, open_cents FROM invoices WHERE open_cents > 0 ORDER BY due_date LIMIT 50').raw().all() as [number, number, number][];
    await measure(writes, async () => {
      ctx.sqlite.exec('BEGIN');
      try {
        for (const [id, debtorId] of open) {
          await addEvent(ctx, { debtorId, type: 'reminder.sent', occurredOn: TODAY, summary: 'Herinnering 2', data: { step: 'reminder-2' }, invoiceIds: [id] });
        }
        // The services join the open transaction (db/transaction.ts).
        for (const [, debtorId, cents] of open) ok(await b.invoke('payments.record', { debtorId, date: TODAY, amount: cents }));
      } finally {
        ctx.sqlite.exec('ROLLBACK');
      }
    });
  }
  const camtName = 'camt.053 10,000 lines: parse + match';
  if (wanted(camtName)) {
    const camt = { fileName: 'bench.xml', dataBase64: Buffer.from(largeStatement(b, 10_000)).toString('base64') };
    await measure(camtName, () => b.invoke('imports.bank.preview', camt).then(ok), 2000);
  }
  // Committing it writes 10,000 bank lines and about 5,000 payments: once, on a copy of the ledger
  // (a commit cannot be rolled back around its backup-before-import), so not a median.
  const commitName = 'camt.053 10,000 lines: commit (one run, on a copy)';
  if (wanted(commitName)) {
    const copyDir = mkdtempSync(path.join(tmpdir(), 'openstaand-bench-'));
    try {
      await b.context.sqlite.backup(path.join(copyDir, DATABASE_FILE)); // consistent with the open connection (WAL)
      const copy = await createBackend({ dataDir: copyDir, today: TODAY, autoBackup: false });
      const camt = { fileName: 'bench.xml', dataBase64: Buffer.from(largeStatement(copy, 10_000)).toString('base64') };
      const ms = await time(() => copy.invoke('imports.bank.commit', camt).then(ok));
      copy.close();
      results.push({ name: commitName, medianMs: Math.round(ms), minMs: Math.round(ms), aimMs: null });
    } finally {
      rmSync(copyDir, { recursive: true, force: true });
    }
  }

  if (wanted('one letter') || wanted('batch of 100 letters')) {
    // Letters need the sender's details on the letterhead.
    if (!ok(await b.invoke('business.get', {}))) {
      ok(await b.invoke('business.save', { name: 'Bench Studio', street: 'Benchstraat 1', postcode: '3511 AB', city: 'Utrecht', kvk: '12345678', iban: 'NL91ABNA0417164300' }));
    }
    const letters = await benchLetters(b.context, { count: 100, runs: runs });
    results.push({ name: 'one letter (compose + render PDF)', medianMs: Math.round(letters.oneLetterMs), minMs: Math.round(letters.oneLetterMs), aimMs: 150 });
    results.push({ name: `batch of ${letters.count} letters (+ merge, ${letters.pages} pages)`, medianMs: Math.round(letters.lettersMs + letters.mergeMs), minMs: Math.round(letters.lettersMs + letters.mergeMs), aimMs: 10_000 });
  }

  const navigation = 'navigation → rendered Debiteuren (Chromium)';
  if (wanted(navigation)) {
    const server = await startWebServer({ backend: b, staticDir: path.join(ROOT, 'out', 'renderer') });
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
      await measure(navigation, async () => {
        await page.goto('about:blank');
        await page.goto(`${server.url}#/debiteuren`);
        await page.getByTestId('debtor-row').first().waitFor();
      }, 1000);
    } finally {
      await browser.close();
      await server.close();
    }
  }
  b.close();

  const width = Math.max(...results.map((r) => r.name.length));
  console.log(`\nOpenstaand bench — ${debtors} debtors / ${invoices} invoices, median of ${runs} runs\n`);
  for (const r of results) console.log(`${r.name.padEnd(width)}  ${String(r.medianMs).padStart(8)} ms${r.aimMs ? `  (aim < ${r.aimMs} ms${r.medianMs <= r.aimMs ? '' : ' — MISSED'})` : ''}`);
  mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
  // A partial run (--only) does not overwrite the full figures.
  writeFileSync(path.join(ROOT, 'test-results', only ? 'bench-only.json' : 'bench.json'), JSON.stringify({ debtors, invoices, runs, only: only || undefined, results }, null, 2));
}

main().catch((e: unknown) => { console.error(e); process.exit(1); });

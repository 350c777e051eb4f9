// Money in: a bank statement read (imports/parseBankFile), the lines imported before left out
// (bank_lines.dedupe_key: the bank's own reference, or date + amount + counterparty + text), the
// rest matched to what is open (imports/matchPayments) for the user to review; the commit reads
// the same bytes again and applies the user's decisions in one transaction.
import type { BankImportAllocation, BankImportLine, BankImportPreview, ImportResult, ParsedInputOf } from '../../../shared/contract';
import { formatDate } from '../../../shared/domain/dates';
import { formatCents } from '../../../shared/domain/money';
import type { Context } from '../context';
import { transaction } from '../db/transaction';
import { AppError } from '../errors';
import { dedupeKey, matchPayments, parseBankFile, type BankStatement, type BankTransaction, type MatchProposal } from '../imports';
import { recordPayment } from '../ledger/payments';
import { backupReason, copyBeforeImport, decodeImportFile, fileHash, insertImportRow, parsing, previousImportOf, setImportCounts } from './common';
import { loadMatchingLedger, type MatchingLedger } from './ledgerView';

interface Line { tx: BankTransaction; key: string; statement: number }

export interface BankAnalysis {
  preview: BankImportPreview;
  statements: BankStatement[];
  /** New lines (not in bank_lines), in file order, with their proposals. */
  lines: { line: Line; proposal: MatchProposal }[];
  /** Keys of the file's lines that were imported before. */
  known: Set<string>;
  ledger: MatchingLedger;
}

/** Every line of the file with its dedupe key; identical lines without a bank reference get "#2", "#3"… across the whole file. */
export function keyedLines(statements: BankStatement[]): Line[] {
  const seen = new Map<string, number>();
  const out: Line[] = [];
  statements.forEach((st, statement) => {
    const account = st.accountIban ?? st.accountNumber;
    for (const tx of st.transactions) {
      const key = dedupeKey(tx, account);
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      out.push({ tx, key: n === 1 ? key : `${key}#${n}`, statement });
    }
  });
  return out;
}

/** The keys among `keys` that bank_lines already holds (the UNIQUE index answers, in chunks). */
function knownKeys(ctx: Context, keys: string[]): Set<string> {
  const found = new Set<string>();
  const stmt = ctx.sqlite.prepare('SELECT dedupe_key FROM bank_lines WHERE dedupe_key IN (SELECT value FROM json_each(?))').pluck();
  for (let i = 0; i < keys.length; i += 5000) {
    for (const k of stmt.all(JSON.stringify(keys.slice(i, i + 5000))) as string[]) found.add(k);
  }
  return found;
}

export function analyseBank(ctx: Context, fileName: string, dataBase64: string): BankAnalysis {
  const bytes = decodeImportFile(dataBase64);
  const sha256 = fileHash(bytes);
  const statements = parsing(() => parseBankFile(fileName, bytes));
  const all = keyedLines(statements);
  const known = knownKeys(ctx, all.map((l) => l.key));
  const fresh = all.filter((l) => !known.has(l.key));
  const ledger = loadMatchingLedger(ctx);
  const proposals = matchPayments(fresh.map((l) => l.tx), ledger.invoices, ledger.installments);

  const lines: BankImportLine[] = fresh.map((l, i) => {
    const p = proposals[i]!;
    const allocations: BankImportAllocation[] = p.allocations.map((a) => {
      const inv = ledger.invoiceById(a.invoiceId)!;
      return { invoiceId: a.invoiceId, invoiceNumber: inv.number, debtorId: inv.debtorId, debtorName: inv.debtorName, amount: a.amount, openBefore: inv.openAmount, dueDate: inv.dueDate ?? '' };
    });
    // One bank line pays one customer: invoices of several customers are left for the user to choose.
    if (new Set(allocations.map((a) => a.debtorId)).size > 1) {
      p.confidence = 'doubtful';
      p.ticked = false;
      p.reason += ' De facturen horen bij verschillende klanten: kies zelf welke deze betaling voldoet.';
      p.reasonEn += ' The invoices belong to different customers: choose which this payment settles.';
    }
    let installment: BankImportLine['installment'] = null;
    if (p.installment) {
      const inst = ledger.installmentById(p.installment.installmentId)!;
      installment = { installmentId: inst.installmentId, planId: inst.arrangementId, seq: inst.seq, dueDate: inst.dueDate ?? '', amount: p.installment.amount };
      // The payment goes to the customer's invoices oldest first (as recordPayment does).
      let left = l.tx.amount;
      for (const inv of ledger.openOfDebtor(inst.debtorId)) {
        if (left <= 0) break;
        const take = Math.min(left, inv.openAmount);
        allocations.push({ invoiceId: inv.invoiceId, invoiceNumber: inv.number, debtorId: inv.debtorId, debtorName: inv.debtorName, amount: take, openBefore: inv.openAmount, dueDate: inv.dueDate ?? '' });
        left -= take;
      }
    }
    const debtorId = p.debtorId ?? allocations[0]?.debtorId ?? null;
    return {
      key: l.key, bookingDate: l.tx.bookingDate, amount: l.tx.amount, direction: l.tx.direction, currency: l.tx.currency ?? 'EUR',
      counterpartyName: l.tx.counterpartyName ?? null, counterpartyIban: l.tx.counterpartyIban ?? null, remittance: l.tx.remittance,
      structuredReference: l.tx.structuredReference ?? null, kind: p.kind, confidence: p.confidence, reason: p.reason, reasonEn: p.reasonEn,
      ticked: p.ticked, allocations, installment, credit: p.credit, debtorId, debtorName: debtorId ? ledger.debtorName(debtorId) : null,
    };
  });

  const count = (f: (l: BankImportLine) => boolean) => lines.filter(f).length;
  const credits = (l: BankImportLine) => l.direction === 'credit';
  const preview: BankImportPreview = {
    fileName, sha256,
    formats: [...new Set(statements.map((s) => s.format))],
    statements: statements.map((s) => {
      let from: string | null = null;
      let to: string | null = null;
      for (const tx of s.transactions) {
        if (from === null || tx.bookingDate < from) from = tx.bookingDate;
        if (to === null || tx.bookingDate > to) to = tx.bookingDate;
      }
      return { format: s.format, account: s.accountIban ?? s.accountNumber ?? null, statementId: s.statementId ?? null, lines: s.transactions.length, from, to };
    }),
    lines,
    counts: {
      lines: all.length, alreadyImported: all.length - fresh.length, new: fresh.length,
      certain: count((l) => credits(l) && l.confidence === 'certain'),
      likely: count((l) => credits(l) && l.confidence === 'likely'),
      doubtful: count((l) => credits(l) && l.confidence === 'doubtful'),
      unmatched: count((l) => credits(l) && l.kind === 'unmatched'),
      debits: count((l) => l.direction === 'debit'),
      ticked: count((l) => l.ticked),
    },
    importedBefore: previousImportOf(ctx, sha256),
  };
  return { preview, statements, lines: fresh.map((line, i) => ({ line, proposal: proposals[i]! })), known, ledger };
}

export function previewBankImport(ctx: Context, input: ParsedInputOf<'imports.bank.preview'>): BankImportPreview {
  return analyseBank(ctx, input.fileName, input.dataBase64).preview;
}

const describe = (tx: BankTransaction) => `De regel van ${formatDate(tx.bookingDate)} (${formatCents(tx.amount)}${tx.counterpartyName ? `, ${tx.counterpartyName}` : ''})`;

export async function commitBankImport(ctx: Context, input: ParsedInputOf<'imports.bank.commit'>): Promise<ImportResult> {
  const analysis = analyseBank(ctx, input.fileName, input.dataBase64);
  const { preview } = analysis;
  const views = new Map(preview.lines.map((l) => [l.key, l]));
  const decisions = new Map<string, (typeof input.decisions)[number]>();
  for (const d of input.decisions) {
    if (!views.has(d.lineKey) && !analysis.known.has(d.lineKey)) {
      throw new AppError('invalid-input', 'Een keuze hoort bij een regel die niet in dit bestand staat. Lees het bestand opnieuw in en controleer de koppelingen.',
        'A decision names a line that is not in this file. Read the file again and review the matches.');
    }
    if (decisions.has(d.lineKey)) throw new AppError('invalid-input', 'Voor één regel zijn twee keuzes gegeven.', 'Two decisions were given for one line.');
    decisions.set(d.lineKey, d);
  }
  const baseCounts = { lines: preview.counts.lines, alreadyImported: preview.counts.alreadyImported };
  if (analysis.lines.length === 0) {
    return { importId: null, unchanged: true, kind: 'bank', fileName: input.fileName, counts: { ...baseCounts, stored: 0, payments: 0, matched: 0, unmatched: 0, ignored: 0, allocated: 0, credit: 0 }, backupFile: null };
  }

  const invoiceDebtor = ctx.sqlite.prepare('SELECT debtor_id FROM invoices WHERE id = ?').pluck();
  const backupFile = await copyBeforeImport(ctx, backupReason('bank', input.fileName));
  const counts = { ...baseCounts, stored: 0, payments: 0, matched: 0, unmatched: 0, ignored: 0, allocated: 0, credit: 0 };
  const importId = await transaction(ctx, async () => {
    const importId = insertImportRow(ctx, 'bank', input.fileName, preview.sha256);
    const insertLine = ctx.sqlite.prepare(`INSERT INTO bank_lines (import_id, dedupe_key, booking_date, amount_cents, direction, counterparty_name, counterparty_iban,
      remittance, structured_reference, status, payment_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const tagInstallment = ctx.sqlite.prepare('UPDATE payment_allocations SET installment_id = ? WHERE payment_id = ?');
    for (const { line, proposal } of analysis.lines) {
      const { tx } = line;
      const view = views.get(line.key)!;
      const decision = decisions.get(line.key);
      let status: 'matched' | 'unmatched' | 'ignored' = tx.direction === 'debit' ? 'ignored' : 'unmatched';
      let paymentId: number | null = null;
      const accept = tx.direction === 'credit' && (decision ? decision.accept : view.ticked);
      if (accept) {
        try {
          if ((tx.currency ?? 'EUR') !== 'EUR') throw new AppError('invalid-input', 'alleen betalingen in euro kunnen worden vastgelegd.', 'only payments in euro can be recorded.');
          if (!(tx.amount > 0)) throw new AppError('invalid-input', 'een regel zonder bedrag is geen betaling.', 'a line without an amount is not a payment.');
          const explicit = decision?.allocations;
          const allocations = explicit ?? (proposal.kind === 'installment' ? undefined : proposal.allocations);
          const debtors = new Set((allocations ?? []).map((a) => {
            const d = invoiceDebtor.get(a.invoiceId) as number | undefined;
            if (d === undefined) throw new AppError('not-found', `factuur ${a.invoiceId} bestaat niet.`, `invoice ${a.invoiceId} does not exist.`);
            return d;
          }));
          if (debtors.size > 1) throw new AppError('invalid-input', 'de gekozen facturen horen bij verschillende klanten; één betaling hoort bij één klant.', 'the chosen invoices belong to different customers.');
          const debtorId = decision?.debtorId ?? [...debtors][0] ?? proposal.debtorId;
          if (!debtorId) throw new AppError('invalid-input', 'kies een factuur (of klant) voor deze betaling, of vink hem uit.', 'choose an invoice (or customer) for this payment, or untick it.');
          const payment = await recordPayment(ctx, {
            debtorId, date: tx.bookingDate, amount: tx.amount, allocations, method: 'bank',
            counterpartyName: tx.counterpartyName ?? null, counterpartyIban: tx.counterpartyIban ?? null, remittance: tx.remittance || null,
            bankReference: tx.bankReference ?? tx.endToEndId ?? null, importId,
          });
          if (proposal.kind === 'installment' && proposal.installment && !explicit) tagInstallment.run(proposal.installment.installmentId, payment.id);
          paymentId = payment.id;
          status = 'matched';
          counts.payments++;
          const allocated = payment.allocations.reduce((s, a) => s + a.amount, 0);
          counts.allocated += allocated;
          counts.credit += payment.unallocated;
        } catch (error) {
          if (error instanceof AppError) {
            throw new AppError(error.code, `${describe(tx)}: ${error.message} Er is niets ingelezen.`, `The line of ${tx.bookingDate} (${tx.amount} cents): ${error.messageEn ?? error.message} Nothing was imported.`);
          }
          throw error;
        }
      }
      insertLine.run(importId, line.key, tx.bookingDate, tx.amount, tx.direction, tx.counterpartyName ?? null, tx.counterpartyIban ?? null,
        tx.remittance ?? '', tx.structuredReference ?? null, status, paymentId);
      counts.stored++;
      counts[status]++;
    }
    setImportCounts(ctx, importId, counts);
    return importId;
  });
  return { importId, unchanged: false, kind: 'bank', fileName: input.fileName, counts, backupFile };
}

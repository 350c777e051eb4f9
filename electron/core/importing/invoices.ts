// Invoices in: a CSV export of any invoicing tool (with a column mapping the user confirms and
// that is remembered per source) or UBL e-invoices (one file, several, or a zip). The preview and
// the commit run the same plan over the same bytes; the commit writes it in one transaction.
//
// Decisions:
// - An invoice number already in the ledger (same kind) is a duplicate: skipped and counted, so
//   importing a file twice changes nothing. The same number used by a document of the other kind
//   (a credit note numbered like an invoice) is a problem the user must resolve or skip.
// - A credit note reduces what is open on the invoice it names (UBL BillingReference), in the
//   ledger or earlier in the same file, when that invoice still has at least its amount open.
//   Otherwise (no invoice named, the invoice unknown, or less open than credited) it is kept as a
//   credit note without an invoice: a credit of the customer, said so on the timeline.
// - A row the file says is fully paid ("openstaand" 0) is not imported; partly paid: the invoice
//   is imported with a payment for what was paid before (method manual, dated today).
// - Any row with a problem refuses the whole import unless the user skips it (rowsToSkip).
import type { ImportResult, InvoiceColumnMapping, InvoiceImportCounts, InvoiceImportPreview, InvoiceImportRow, ParsedInputOf } from '../../../shared/contract';
import { invoiceMappingSchema } from '../../../shared/contract/methods/imports';
import { invoiceInput } from '../../../shared/domain/ledger';
import { formatCents } from '../../../shared/domain/money';
import { createBetalingskenmerk } from '../../../shared/law';
import type { Context } from '../context';
import { transaction } from '../db/transaction';
import { AppError } from '../errors';
import {
  applyInvoiceMapping, guessInvoiceMapping, MAX_IMPORT_BYTES, parseUblFile, sniffCsv,
  type CsvTable, type ImportedInvoice, type InvoiceMapping,
} from '../imports';
import { isZip } from '../imports/textDecoding';
import { createDebtor } from '../ledger/debtors';
import { addEvent } from '../ledger/events';
import { createInvoice } from '../ledger/invoices';
import { recordPayment } from '../ledger/payments';
import { sha256Hex } from '../util/hash';
import {
  backupReason, copyBeforeImport, decodeImportFile, fileHash, insertImportRow, parsing, previousImportOf, setImportCounts,
} from './common';
import { CustomerMatcher, type PlannedDebtor } from './customers';

type InvoicesInput = ParsedInputOf<'imports.invoices.preview'> & { rowsToSkip?: number[] };

interface LedgerInvoice { id: number; number: string; kind: 'invoice' | 'credit-note'; debtorId: number; open: number; invoiceDate: string; paymentReference: string }

interface PlannedRow {
  view: InvoiceImportRow;
  doc: ImportedInvoice | null;
  debtorRef: number;
  description: string;
  paymentReference: string | null;
  /** Partly paid according to the file: what was paid before. */
  paidBefore: number;
  creditTarget: null | { kind: 'ledger'; invoice: LedgerInvoice } | { kind: 'file'; index: number } | { kind: 'debtor'; reason: string };
}

export interface InvoicePlan {
  preview: InvoiceImportPreview;
  rows: PlannedRow[];
  planned: PlannedDebtor[];
  /** CSV: the mapping to remember, under these keys. */
  remember: { keys: string[]; mapping: InvoiceMapping } | null;
  source: 'csv' | 'ubl';
}

/** An XML document (or a zip of them) rather than CSV: the first non-blank character is "<". */
function looksLikeXml(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3c;
}

/** An .xlsx/.ods (a zip with a spreadsheet inside) or an old .xls (OLE2): not something to read as invoices. */
function looksLikeSpreadsheet(name: string, bytes: Uint8Array): boolean {
  if (/\.(xlsx|xlsm|xls|ods|numbers)$/i.test(name)) return true;
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return true;
  if (!isZip(bytes)) return false;
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 64 * 1024)).toString('latin1');
  return (head.includes('[Content_Types].xml') && /xl\/|word\/|ppt\//.test(head)) || head.includes('application/vnd.oasis.opendocument');
}

/** The key a mapping is remembered under when the user gives no source name: the header row. */
export const headerKey = (headers: string[]) => `kop:${sha256Hex(headers.map((h) => h.trim().toLowerCase()).join('\u001f')).slice(0, 24)}`;

function rememberedMapping(ctx: Context, keys: string[], columns: number): InvoiceMapping | null {
  for (const key of keys) {
    const row = ctx.sqlite.prepare('SELECT mapping_json FROM csv_mappings WHERE source_key = ?').get(key) as { mapping_json: string } | undefined;
    if (!row) continue;
    const parsed = invoiceMappingSchema.safeParse(JSON.parse(row.mapping_json));
    if (parsed.success && Object.values(parsed.data).every((c) => c === undefined || c < columns)) return parsed.data as InvoiceMapping;
  }
  return null;
}

const cleanMapping = (m: InvoiceColumnMapping): InvoiceMapping => Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)) as InvoiceMapping;
const sameMapping = (a: InvoiceMapping, b: InvoiceMapping) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** Reads the file(s) and works out, row by row, what an import would do. Writes nothing. */
export function planInvoiceImport(ctx: Context, input: InvoicesInput): InvoicePlan {
  const bytes = decodeImportFile(input.dataBase64);
  const extra = (input.extraFiles ?? []).map((f) => ({ name: f.fileName, bytes: decodeImportFile(f.dataBase64) }));
  const sha256 = extra.length ? sha256Hex([fileHash(bytes), ...extra.map((f) => fileHash(f.bytes))].join('\n')) : fileHash(bytes);
  const skip = new Set(input.rowsToSkip ?? []);
  const total = bytes.length + extra.reduce((n, f) => n + f.bytes.length, 0);
  if (total > MAX_IMPORT_BYTES) {
    throw new AppError('too-large', `Samen zijn deze bestanden te groot (${Math.round(total / (1024 * 1024))} MB); het maximum is ${MAX_IMPORT_BYTES / (1024 * 1024)} MB. Kies minder bestanden tegelijk.`,
      `Together these files are too large; the maximum is ${MAX_IMPORT_BYTES / (1024 * 1024)} MB. Choose fewer files at once.`);
  }
  for (const f of [{ name: input.fileName, bytes }, ...extra]) {
    if (looksLikeSpreadsheet(f.name, f.bytes)) {
      throw new AppError('import-failed', `${f.name} is een Excel- of rekenbladbestand, geen CSV. Open het in Excel of LibreOffice, kies "Opslaan als" → CSV, en lees dat bestand hier in. Er is niets ingelezen.`,
        `${f.name} is an Excel or spreadsheet file, not CSV. Open it in Excel or LibreOffice, choose "Save as" → CSV, and import that file. Nothing was imported.`);
    }
  }

  let docs: { doc: ImportedInvoice | null; problems: string[]; label: string; index: number; raw: InvoiceImportRow['raw'] }[];
  let csv: InvoiceImportPreview['csv'] = null;
  let remember: InvoicePlan['remember'] = null;
  const ubl = extra.length > 0 || isZip(bytes) || looksLikeXml(bytes);
  if (ubl) {
    const files = [{ name: input.fileName, bytes }, ...extra];
    const all = parsing(() => files.flatMap((f) => parseUblFile(f.name, f.bytes)));
    docs = all.map((doc, index) => ({ doc, problems: [], label: doc.sourceName ?? input.fileName, index, raw: null }));
  } else {
    const table: CsvTable = parsing(() => sniffCsv(bytes, input.fileName));
    const key = headerKey(table.headers);
    const keys = input.sourceKey ? [input.sourceKey, key] : [key];
    const guessed = guessInvoiceMapping(table.headers);
    let mapping: InvoiceMapping;
    let origin: 'given' | 'remembered' | 'guessed';
    if (input.mapping) {
      mapping = cleanMapping(input.mapping);
      origin = 'given';
      const outside = Object.entries(mapping).find(([, c]) => c >= table.headers.length);
      if (outside) throw new AppError('invalid-input', `Kolom ${outside[1] + 1} bestaat niet in dit bestand (${table.headers.length} kolommen).`, `Column ${outside[1] + 1} does not exist in this file.`);
    } else {
      const remembered = rememberedMapping(ctx, keys, table.headers.length);
      mapping = remembered ?? guessed;
      origin = remembered ? 'remembered' : 'guessed';
    }
    remember = { keys, mapping };
    csv = {
      delimiter: table.delimiter, encoding: table.encoding, headers: table.headers, sample: table.rows.slice(0, 5),
      sourceKey: input.sourceKey ?? key, mapping, guessed, mappingOrigin: origin,
    };
    const { rows } = applyInvoiceMapping(table, mapping);
    const cell = (row: number, field: 'number' | 'customerName') => (mapping[field] === undefined ? null : table.rows[row]?.[mapping[field]]?.trim() || null);
    docs = rows.map((r) => ({
      doc: r.invoice ?? null, problems: [...r.problems], label: `rij ${r.index + 2}`, index: r.index,
      raw: { number: cell(r.index, 'number'), customer: cell(r.index, 'customerName') },
    }));
  }

  // --- the ledger as it is ------------------------------------------------------------------
  const byNumber = ctx.sqlite.prepare('SELECT id, number, kind, debtor_id AS debtorId, open_cents AS open, invoice_date AS invoiceDate, payment_reference AS paymentReference FROM invoices WHERE number = ?');
  const ledgerInvoice = (number: string) => byNumber.get(number.trim()) as LedgerInvoice | undefined;
  const business = ctx.sqlite.prepare('SELECT kvk, vat_id FROM business WHERE id = 1').get() as { kvk: string | null; vat_id: string | null } | undefined;
  const matcher = new CustomerMatcher(ctx);
  const seenInFile = new Map<string, { index: number; kind: string }>();

  const rows: PlannedRow[] = docs.map(({ doc, problems, label, index, raw }) => {
    const warnings = [...(doc?.warnings ?? [])];
    const row: PlannedRow = {
      view: { index, label, status: 'new', problems, warnings, raw, invoice: null, customer: null, credit: null },
      doc, debtorRef: 0, description: '', paymentReference: null, paidBefore: 0, creditTarget: null,
    };
    if (!doc) { row.view.status = 'error'; return row; }
    const number = doc.number.trim();
    row.description = doc.description.slice(0, 2000);
    if (doc.description.length > 2000) warnings.push('De omschrijving is ingekort tot 2000 tekens.');
    row.paymentReference = doc.paymentReference?.trim() || null;
    if (row.paymentReference && row.paymentReference.length > 35) {
      warnings.push(`Het betalingskenmerk "${row.paymentReference.slice(0, 40)}…" is langer dan 35 tekens en is niet overgenomen; Openstaand maakt een eigen kenmerk.`);
      row.paymentReference = null;
    }
    row.view.invoice = {
      number, kind: doc.kind, issueDate: doc.issueDate, dueDate: doc.dueDate ?? null, amount: doc.payableAmount,
      openAmount: doc.openAmount ?? null, description: row.description, paymentReference: row.paymentReference, currency: doc.currency,
    };

    // Already in the ledger?
    const existing = number ? ledgerInvoice(number) : undefined;
    if (existing && existing.kind === doc.kind) { row.view.status = 'duplicate'; return row; }
    if (existing) {
      problems.push(doc.kind === 'credit-note'
        ? `Nummer ${number} is in je administratie al in gebruik door een factuur; een creditnota heeft een eigen nummer nodig.`
        : `Nummer ${number} is in je administratie al in gebruik door een creditnota.`);
    }
    if (ubl && number) {
      const earlier = seenInFile.get(number.toUpperCase());
      if (earlier) problems.push(`Nummer ${number} komt in deze bestanden al voor (${docs[earlier.index]?.label ?? ''}).`);
      else seenInFile.set(number.toUpperCase(), { index, kind: doc.kind });
    }
    if (doc.currency !== 'EUR') problems.push(`Het bedrag staat in ${doc.currency}; Openstaand werkt alleen met euro.`);
    if (doc.dueDate && doc.dueDate < doc.issueDate && ubl) problems.push(`De vervaldatum (${doc.dueDate}) ligt vóór de factuurdatum (${doc.issueDate}).`);
    const check = invoiceInput.safeParse({
      debtorId: 1, number, invoiceDate: doc.issueDate, deliveryDate: doc.deliveryDate ?? null, dueDate: doc.dueDate ?? null,
      description: row.description, amount: doc.payableAmount, paymentReference: row.paymentReference,
    });
    if (!check.success) {
      for (const issue of check.error.issues) {
        const where = { number: 'Factuurnummer', invoiceDate: 'Factuurdatum', deliveryDate: 'Leverdatum', dueDate: 'Vervaldatum', amount: 'Bedrag', description: 'Omschrijving' }[String(issue.path[0])] ?? String(issue.path[0]);
        problems.push(`${where}: ${issue.message}`);
      }
    }
    if (ubl && business && (doc.supplier?.kvk || doc.supplier?.vatId)) {
      const ours = (business.kvk && doc.supplier?.kvk === business.kvk) || (business.vat_id && doc.supplier?.vatId?.replace(/[\s.]/g, '') === business.vat_id.replace(/[\s.]/g, ''));
      if (!ours && (business.kvk || business.vat_id)) {
        warnings.push(`Deze ${doc.kind === 'credit-note' ? 'creditnota' : 'factuur'} is uitgegeven door ${doc.supplier?.name ?? 'een ander bedrijf'}${doc.supplier?.kvk ? ` (KvK ${doc.supplier.kvk})` : ''}, niet door jouw bedrijf. Is het misschien een inkoopfactuur?`);
      }
    }

    // The customer.
    const customer = matcher.resolve(doc.customer);
    row.debtorRef = customer.ref;
    warnings.push(...customer.warnings);
    if (customer.problem) problems.push(customer.problem);
    if (customer.archived) warnings.push(`Klant ${customer.debtorName} is gearchiveerd; de ${doc.kind === 'credit-note' ? 'creditnota' : 'factuur'} komt bij die klant.`);
    row.view.customer = {
      name: doc.customer.name, kvk: doc.customer.kvk ?? null, email: doc.customer.email ?? null, match: customer.match,
      debtorId: customer.ref > 0 ? customer.ref : null, debtorName: customer.debtorName, kind: customer.kind,
    };

    if (problems.length) { row.view.status = 'error'; return row; }
    if (doc.kind === 'invoice' && doc.openAmount !== undefined) {
      if (doc.openAmount === 0) { row.view.status = 'paid'; return row; }
      if (doc.openAmount < doc.payableAmount) {
        row.paidBefore = doc.payableAmount - doc.openAmount;
        warnings.push(`Volgens het bestand is ${formatCents(row.paidBefore)} al betaald; dat wordt als betaling vastgelegd.`);
      } else if (doc.openAmount > doc.payableAmount) {
        warnings.push(`Het openstaande bedrag (${formatCents(doc.openAmount)}) is hoger dan het factuurbedrag; het factuurbedrag geldt.`);
      }
    }
    return row;
  });

  // --- credit notes: what they reduce (invoices of this file first, so that they can be named) ---
  const fileInvoices = new Map<string, number>();
  rows.forEach((r, i) => {
    if (r.doc?.kind === 'invoice' && r.view.status === 'new' && !skip.has(r.view.index)) fileInvoices.set(r.doc.number.trim(), i);
  });
  const creditedSoFar = new Map<string, number>();
  for (const r of rows) {
    if (r.doc?.kind !== 'credit-note' || r.view.status !== 'new') continue;
    const amount = r.doc.payableAmount;
    const ref = r.doc.billingReference?.trim();
    const toDebtor = (reason: string, invoice: LedgerInvoice | null = null, inThisFile = false) => {
      r.creditTarget = { kind: 'debtor', reason };
      r.view.credit = { target: 'debtor', invoiceNumber: ref ?? null, invoiceId: invoice?.id ?? null, inThisFile };
      r.view.warnings.push(reason);
    };
    if (!ref) { toDebtor(`Deze creditnota noemt geen factuur; ${formatCents(amount)} wordt als tegoed van de klant geboekt.`); continue; }
    const inLedger = ledgerInvoice(ref);
    const fileIndex = fileInvoices.get(ref);
    if (inLedger && inLedger.kind === 'invoice') {
      const open = inLedger.open - (creditedSoFar.get(`l${inLedger.id}`) ?? 0);
      if (amount <= open) {
        creditedSoFar.set(`l${inLedger.id}`, (creditedSoFar.get(`l${inLedger.id}`) ?? 0) + amount);
        r.creditTarget = { kind: 'ledger', invoice: inLedger };
        r.debtorRef = inLedger.debtorId;
        r.view.credit = { target: 'invoice', invoiceNumber: inLedger.number, invoiceId: inLedger.id, inThisFile: false };
      } else {
        toDebtor(`Factuur ${ref} heeft nog ${formatCents(Math.max(0, open))} open, minder dan deze creditnota (${formatCents(amount)}); het bedrag wordt als tegoed van de klant geboekt.`, inLedger);
        r.debtorRef = inLedger.debtorId;
      }
    } else if (fileIndex !== undefined) {
      const target = rows[fileIndex]!;
      const open = target.doc!.payableAmount - target.paidBefore - (creditedSoFar.get(`f${fileIndex}`) ?? 0);
      if (amount <= open) {
        creditedSoFar.set(`f${fileIndex}`, (creditedSoFar.get(`f${fileIndex}`) ?? 0) + amount);
        r.creditTarget = { kind: 'file', index: fileIndex };
        r.debtorRef = target.debtorRef;
        r.view.credit = { target: 'invoice', invoiceNumber: ref, invoiceId: null, inThisFile: true };
      } else {
        toDebtor(`Factuur ${ref} (in dit bestand) heeft minder open dan deze creditnota (${formatCents(amount)}); het bedrag wordt als tegoed van de klant geboekt.`, null, true);
      }
    } else {
      toDebtor(`Factuur ${ref} staat niet in je administratie; ${formatCents(amount)} wordt als tegoed van de klant geboekt.`);
    }
  }

  // --- counts ------------------------------------------------------------------------------------
  const taking = rows.filter((r) => r.view.status === 'new' && !skip.has(r.view.index));
  const newRefs = new Set(taking.map((r) => r.debtorRef).filter((ref) => ref < 0));
  const existingRefs = new Set(taking.map((r) => r.debtorRef).filter((ref) => ref > 0));
  const counts: InvoiceImportCounts = {
    rows: rows.length,
    invoices: taking.filter((r) => r.doc!.kind === 'invoice').length,
    creditNotes: taking.filter((r) => r.doc!.kind === 'credit-note').length,
    duplicates: rows.filter((r) => r.view.status === 'duplicate').length,
    paid: rows.filter((r) => r.view.status === 'paid').length,
    errors: rows.filter((r) => r.view.status === 'error').length,
    skipped: rows.filter((r) => skip.has(r.view.index) && r.view.status !== 'duplicate' && r.view.status !== 'paid').length,
    newDebtors: newRefs.size,
    existingDebtors: existingRefs.size,
  };
  return {
    preview: { format: ubl ? 'ubl' : 'csv', fileName: input.fileName, sha256, csv, rows: rows.map((r) => r.view), counts, importedBefore: previousImportOf(ctx, sha256) },
    rows, planned: matcher.planned, remember, source: ubl ? 'ubl' : 'csv',
  };
}

export function previewInvoiceImport(ctx: Context, input: ParsedInputOf<'imports.invoices.preview'>): InvoiceImportPreview {
  return planInvoiceImport(ctx, input).preview;
}

/** The whole import, all or nothing. */
export async function commitInvoiceImport(ctx: Context, input: ParsedInputOf<'imports.invoices.commit'>): Promise<ImportResult> {
  const plan = planInvoiceImport(ctx, input);
  const skip = new Set(input.rowsToSkip ?? []);
  const { preview } = plan;
  const kind = plan.source === 'ubl' ? 'invoices-ubl' : 'invoices-csv';
  const refused = plan.rows.filter((r) => r.view.status === 'error' && !skip.has(r.view.index));
  if (refused.length) {
    const shown = refused.slice(0, 5).map((r) => `${r.view.label}: ${r.view.problems.join(' ')}`).join(' · ');
    const more = refused.length > 5 ? ` (en nog ${refused.length - 5})` : '';
    throw new AppError('import-failed',
      `${refused.length === 1 ? 'Eén rij heeft een probleem' : `${refused.length} rijen hebben een probleem`}, daarom is er niets ingelezen. ${shown}${more}. Verbeter het bestand, of kies ervoor deze rijen over te slaan.`,
      `${refused.length} row(s) have a problem, so nothing was imported. Fix the file or choose to skip these rows.`);
  }
  const taking = plan.rows.filter((r) => r.view.status === 'new' && !skip.has(r.view.index));
  const counts = { ...preview.counts } as unknown as Record<string, number>;
  if (taking.length === 0) {
    return { importId: null, unchanged: true, kind, fileName: input.fileName, counts, backupFile: null };
  }

  const backupFile = await copyBeforeImport(ctx, backupReason('facturen', input.fileName));
  const importId = await transaction(ctx, async () => {
    const importId = insertImportRow(ctx, kind, input.fileName, preview.sha256);
    if (plan.remember) {
      for (const key of plan.remember.keys) {
        const current = ctx.sqlite.prepare('SELECT mapping_json FROM csv_mappings WHERE source_key = ?').get(key) as { mapping_json: string } | undefined;
        if (current && sameMapping(JSON.parse(current.mapping_json) as InvoiceMapping, plan.remember.mapping)) continue;
        ctx.sqlite.prepare('INSERT INTO csv_mappings (source_key, mapping_json, updated_at) VALUES (?, ?, ?) ON CONFLICT(source_key) DO UPDATE SET mapping_json = excluded.mapping_json, updated_at = excluded.updated_at')
          .run(key, JSON.stringify(plan.remember.mapping), ctx.now());
      }
    }
    const what = plan.source === 'ubl' ? 'e-facturen' : 'facturen';
    const debtorIds = new Map<number, number>();
    const plannedByRef = new Map(plan.planned.map((p) => [p.ref, p]));
    const debtorOf = async (ref: number, occurredOn: string): Promise<number> => {
      if (ref > 0) return ref;
      const known = debtorIds.get(ref);
      if (known) return known;
      const planned = plannedByRef.get(ref)!;
      const debtor = await createDebtor(ctx, planned.fields);
      debtorIds.set(ref, debtor.id);
      await addEvent(ctx, {
        debtorId: debtor.id, type: 'debtor.imported', occurredOn,
        summary: `Klant aangemaakt bij het inlezen van ${what} (${input.fileName})${planned.warnings.length ? `; niet overgenomen: ${planned.warnings.join(' ')}` : ''}`,
        data: { importId, fileName: input.fileName },
      });
      return debtor.id;
    };

    const created = new Map<number, { id: number; paymentReference: string; invoiceDate: string }>();
    let payments = 0;
    const today = ctx.today();
    const takingSet = new Set(taking);
    for (const [i, r] of plan.rows.entries()) {
      if (!takingSet.has(r) || r.doc!.kind !== 'invoice') continue;
      const doc = r.doc!;
      const debtorId = await debtorOf(r.debtorRef, today);
      const invoice = await createInvoice(ctx, {
        debtorId, number: doc.number.trim(), invoiceDate: doc.issueDate, deliveryDate: doc.deliveryDate ?? null, dueDate: doc.dueDate ?? null,
        description: r.description, amount: doc.payableAmount, paymentReference: r.paymentReference,
      }, { source: plan.source, importId });
      created.set(i, { id: invoice.id, paymentReference: invoice.paymentReference, invoiceDate: invoice.invoiceDate });
      if (r.paidBefore > 0) {
        await recordPayment(ctx, {
          debtorId, date: today, amount: r.paidBefore, allocations: [{ invoiceId: invoice.id, amount: r.paidBefore }], method: 'manual', importId,
          note: `Al betaald volgens ${input.fileName}`,
        });
        payments++;
      }
    }
    let linked = 0;
    let asCredit = 0;
    for (const r of taking) {
      if (r.doc!.kind !== 'credit-note') continue;
      const doc = r.doc!;
      const target = r.creditTarget!;
      const corrected = target.kind === 'ledger' ? { id: target.invoice.id, paymentReference: target.invoice.paymentReference, invoiceDate: target.invoice.invoiceDate, number: target.invoice.number }
        : target.kind === 'file' ? { ...created.get(target.index)!, number: plan.rows[target.index]!.doc!.number.trim() } : null;
      const debtorId = await debtorOf(r.debtorRef, today);
      const date = corrected && doc.issueDate < corrected.invoiceDate ? corrected.invoiceDate : doc.issueDate;
      const now = ctx.now();
      const row = ctx.sqlite.prepare(`INSERT INTO invoices (debtor_id, number, kind, corrects_invoice_id, invoice_date, delivery_date, due_date, description, amount_cents,
          payment_reference, source, import_id, created_at, updated_at) VALUES (?, ?, 'credit-note', ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(debtorId, doc.number.trim(), corrected?.id ?? null, date, date, r.description, doc.payableAmount,
          corrected?.paymentReference ?? r.paymentReference ?? '', plan.source, importId, now, now);
      const creditId = Number(row.lastInsertRowid);
      if (!corrected && !r.paymentReference) ctx.sqlite.prepare('UPDATE invoices SET payment_reference = ? WHERE id = ?').run(createBetalingskenmerk(creditId), creditId);
      if (corrected) {
        linked++;
        await addEvent(ctx, {
          debtorId, type: 'invoice.credited', occurredOn: date, invoiceIds: [corrected.id, creditId],
          summary: `Creditnota ${doc.number.trim()} van ${formatCents(doc.payableAmount)} op factuur ${corrected.number} ingelezen (${input.fileName})${r.description ? `: ${r.description.slice(0, 200)}` : ''}`,
          data: { amount: doc.payableAmount, creditNoteId: creditId, importId, source: plan.source },
        });
      } else {
        asCredit++;
        await addEvent(ctx, {
          debtorId, type: 'credit-note.imported', occurredOn: date, invoiceIds: [creditId],
          summary: `Creditnota ${doc.number.trim()} van ${formatCents(doc.payableAmount)} ingelezen zonder factuur om te verminderen: tegoed van de klant (${input.fileName})`,
          data: { amount: doc.payableAmount, creditNoteId: creditId, importId, source: plan.source, reason: target.kind === 'debtor' ? target.reason : '' },
        });
      }
    }
    Object.assign(counts, { createdDebtors: debtorIds.size, creditNotesLinked: linked, creditNotesAsCredit: asCredit, paymentsBefore: payments });
    setImportCounts(ctx, importId, counts);
    return importId;
  });
  return { importId, unchanged: false, kind, fileName: input.fileName, counts, backupFile };
}

// The letters' backend methods: preview (render, store nothing), produce (render once, store the
// exact bytes, record 'letter.sent'), get (the stored bytes, never regenerated), registered mail,
// the batch print and the options a debtor has right now.
import type {
  BatchResult, LetterKind, LetterOptions, LetterPreview, LetterSummary, PdfFile, ProducedLetter, RegisteredResult, StoredLetter, StoredLetterFile,
} from '../../../shared/contract/methods/letters';
import { letterKinds, trackingCodeKind } from '../../../shared/contract/methods/letters';
import type { ParsedInputOf } from '../../../shared/contract';
import { addDaysIso, formatDate } from '../../../shared/domain/dates';
import { addWorkingDays, fourteenDayLetterDeadline, nextWorkingDay, presumedDeliveryDate } from '../../../shared/law';
import type { Context } from '../context';
import { transaction } from '../db/transaction';
import { AppError, notFound } from '../errors';
import { invoicesOfDebtor } from '../ledger/balances';
import { getDebtorRow } from '../ledger/debtors';
import { addEvent } from '../ledger/events';
import { overviewRows } from '../ledger/overview';
import { noonUtc } from '../pdf/page';
import { renderPdf } from '../pdf/renderPdf';
import { sha256Hex } from '../util/hash';
import { composeLetter, composeTestPrint, missingAddress, type Composition, type LetterInput } from './compose';
import { buildLetterDocument } from './layout';
import { mergePdfs, pdfPageCount } from './mergePdf';
import { getLetterSettings } from './settings';

const PDF = 'application/pdf' as const;
/** How far ahead a letter may be dated when it is made final (prepared on Friday, posted on Monday). */
export const MAX_DAYS_AHEAD = 14;

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

export async function renderComposition(c: Composition): Promise<Uint8Array> {
  return renderPdf(buildLetterDocument(c.model));
}

export async function previewLetter(ctx: Context, req: LetterInput): Promise<LetterPreview> {
  const c = await composeLetter(ctx, req);
  const bytes = await renderComposition(c);
  return { fileName: c.fileName, mimeType: PDF, dataBase64: toBase64(bytes), pages: pdfPageCount(bytes), summary: c.summary };
}

function assertSendable(ctx: Context, date: string): void {
  const today = ctx.today();
  if (date < today) {
    throw new AppError('forbidden', `Een brief wordt definitief op de dag dat hij de deur uitgaat; ${formatDate(date)} ligt in het verleden. Kies vandaag of een latere datum.`,
      'A letter is made final on the day it is sent; that date is in the past.', { date: 'Deze datum ligt in het verleden.' });
  }
  if (date > addDaysIso(today, MAX_DAYS_AHEAD)) {
    throw new AppError('forbidden', `Een brief kan hooguit ${MAX_DAYS_AHEAD} dagen vooruit worden gedateerd.`, `A letter can be dated at most ${MAX_DAYS_AHEAD} days ahead.`,
      { date: 'Te ver vooruit.' });
  }
}

/** What the 'letter.sent' event keeps: the summary without the checklist's wording. */
function eventData(summary: LetterSummary, extra: Record<string, unknown>): Record<string, unknown> {
  const { checks, ...rest } = summary;
  return { ...rest, checklistPassed: checks.filter((c) => c.ok).map((c) => c.item), ...extra };
}

/** Renders the letter once, stores exactly those bytes as a document and records it as sent. */
export async function produceLetter(ctx: Context, req: LetterInput): Promise<ProducedLetter> {
  assertSendable(ctx, req.date ?? ctx.today());
  return transaction(ctx, async () => {
    const c = await composeLetter(ctx, req);
    const bytes = await renderComposition(c);
    const sha256 = sha256Hex(bytes);
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const doc = await ctx.db.insertInto('documents').values({
      debtor_id: c.debtor.id, kind: 'letter', file_name: c.fileName, mime_type: PDF, bytes: buffer, size: buffer.length, sha256,
      is_demo: c.debtor.is_demo, created_at: ctx.now(),
    }).returning('id').executeTakeFirstOrThrow();
    const eventId = await addEvent(ctx, {
      debtorId: c.debtor.id, type: 'letter.sent', occurredOn: c.summary.date, summary: c.eventSummary, invoiceIds: c.invoiceIds,
      documentId: doc.id, data: eventData(c.summary, { documentId: doc.id, sha256, fileName: c.fileName, channel: 'post' }),
    });
    return {
      fileName: c.fileName, mimeType: PDF, dataBase64: toBase64(bytes), pages: pdfPageCount(bytes), summary: c.summary,
      documentId: doc.id, eventId, sha256,
    };
  });
}

interface DocumentRow { id: number; debtor_id: number | null; file_name: string; mime_type: string; bytes: Uint8Array; sha256: string; created_at: string }

function letterDocument(ctx: Context, documentId: number): DocumentRow {
  const row = ctx.sqlite.prepare("SELECT id, debtor_id, file_name, mime_type, bytes, sha256, created_at FROM documents WHERE id = ? AND kind = 'letter'").get(documentId) as DocumentRow | undefined;
  if (!row) throw notFound('Deze brief', 'This letter');
  return row;
}

function letterEventOf(ctx: Context, documentId: number): { id: number; debtorId: number; occurredOn: string; data: Record<string, unknown>; invoiceIds: number[] } | null {
  const e = ctx.sqlite.prepare("SELECT id, debtor_id, occurred_on, data_json FROM events WHERE document_id = ? AND type = 'letter.sent' ORDER BY id LIMIT 1").get(documentId) as
    { id: number; debtor_id: number; occurred_on: string; data_json: string } | undefined;
  if (!e) return null;
  const invoiceIds = (ctx.sqlite.prepare('SELECT invoice_id FROM event_invoices WHERE event_id = ? ORDER BY invoice_id').all(e.id) as { invoice_id: number }[]).map((r) => r.invoice_id);
  return { id: e.id, debtorId: e.debtor_id, occurredOn: e.occurred_on, data: JSON.parse(e.data_json) as Record<string, unknown>, invoiceIds };
}

function summaryFromEvent(data: Record<string, unknown>): LetterSummary | null {
  if (typeof data.letter !== 'string' || !(letterKinds as readonly string[]).includes(data.letter)) return null;
  return { checks: [], warnings: [], ...(data as unknown as Omit<LetterSummary, 'checks' | 'warnings'>) } as LetterSummary;
}

/** The stored bytes of a produced letter, exactly as they were made (checked against their SHA-256). */
export function getLetter(ctx: Context, documentId: number): StoredLetterFile {
  const row = letterDocument(ctx, documentId);
  const bytes = new Uint8Array(row.bytes);
  if (sha256Hex(bytes) !== row.sha256) {
    throw new AppError('internal', 'De opgeslagen brief klopt niet meer met zijn vingerafdruk (SHA-256). Maak een reservekopie en neem contact op.',
      'The stored letter no longer matches its SHA-256 fingerprint.');
  }
  const event = letterEventOf(ctx, documentId);
  return {
    documentId, fileName: row.file_name, mimeType: PDF, dataBase64: toBase64(bytes), pages: pdfPageCount(bytes), sha256: row.sha256,
    summary: event ? summaryFromEvent(event.data) : null,
  };
}

export function listLetters(ctx: Context, debtorId?: number): StoredLetter[] {
  const rows = ctx.sqlite.prepare(`
    SELECT d.id, d.debtor_id AS debtorId, COALESCE(db.name, '') AS debtorName, d.file_name AS fileName, d.sha256, d.created_at AS createdAt,
      e.occurred_on AS date, e.data_json AS data,
      (SELECT r.data_json FROM events r WHERE r.type = 'registered.sent' AND r.document_id = d.id ORDER BY r.id DESC LIMIT 1) AS registered
    FROM documents d
    LEFT JOIN debtors db ON db.id = d.debtor_id
    LEFT JOIN events e ON e.document_id = d.id AND e.type = 'letter.sent'
    WHERE d.kind = 'letter' ${debtorId ? 'AND d.debtor_id = ?' : ''}
    ORDER BY d.id DESC
  `).all(...(debtorId ? [debtorId] : [])) as { id: number; debtorId: number; debtorName: string; fileName: string; sha256: string; createdAt: string; date: string | null; data: string | null; registered: string | null }[];
  return rows.map((r) => {
    const data = r.data ? (JSON.parse(r.data) as Record<string, unknown>) : {};
    const reg = r.registered ? (JSON.parse(r.registered) as Record<string, unknown>) : null;
    const str = (v: unknown) => (typeof v === 'string' ? v : null);
    return {
      documentId: r.id, debtorId: r.debtorId, debtorName: r.debtorName, fileName: r.fileName, sha256: r.sha256, createdAt: r.createdAt,
      letter: summaryFromEvent(data)?.letter ?? null, date: r.date ?? r.createdAt.slice(0, 10), subject: str(data.subject) ?? r.fileName,
      // After registered mail the costs date is the one recomputed from the posting date.
      lastDay: str(data.lastDay), costsDueFrom: reg && 'costsDueFrom' in reg ? str(reg.costsDueFrom) : str(data.costsDueFrom),
      totalDue: typeof data.totalDue === 'number' ? data.totalDue : null,
      registered: reg ? { trackingCode: str(reg.trackingCode) ?? '', sentOn: str(reg.sentOn) ?? '', emailCopy: reg.emailCopy === true } : null,
    };
  });
}

/**
 * Records that a produced letter went by registered mail. For a veertiendagenbrief the costs are
 * owed only after the printed term, and that term must still be long enough counted from the day
 * the letter was actually posted: posted later than dated, the term may have become too short,
 * and then the letter cannot carry the costs (a new letter is needed; HR 25-11-2016).
 */
export async function recordRegistered(ctx: Context, input: ParsedInputOf<'letters.registered'>): Promise<RegisteredResult> {
  return transaction(ctx, async () => {
    const doc = letterDocument(ctx, input.documentId);
    const letter = letterEventOf(ctx, doc.id);
    if (!letter) throw notFound('De verzending van deze brief', 'The sending of this letter');
    const kind = trackingCodeKind(input.trackingCode);
    if (!kind) throw new AppError('invalid-input', 'Dit is geen PostNL track & trace-code.', 'This is not a PostNL tracking code.', { trackingCode: 'Geen geldige code.' });
    const today = ctx.today();
    if (input.sentOn > today) throw new AppError('invalid-input', 'De verzenddatum ligt in de toekomst.', 'The posting date is in the future.', { sentOn: 'Ligt in de toekomst.' });
    if (input.sentOn < letter.occurredOn) {
      throw new AppError('invalid-input', `De brief is gedateerd ${formatDate(letter.occurredOn)}; hij kan niet eerder zijn verstuurd.`, 'The letter cannot have been posted before its date.', { sentOn: 'Vóór de datum van de brief.' });
    }
    const already = ctx.sqlite.prepare("SELECT data_json FROM events WHERE type = 'registered.sent' AND document_id = ? LIMIT 1").get(doc.id) as { data_json: string } | undefined;
    if (already) {
      const code = (JSON.parse(already.data_json) as { trackingCode?: string }).trackingCode ?? '';
      throw new AppError('conflict', `Voor deze brief is de aangetekende verzending al vastgelegd (${code}). Een nieuwe verzending is een nieuwe brief.`, 'Registered mail was already recorded for this letter.');
    }
    const warnings: string[] = [];
    const data = letter.data;
    let costsDueFrom: string | null = null;
    let termValid: boolean | null = null;
    if (data.letter === 'fourteen-day' && typeof data.lastDay === 'string') {
      const required = fourteenDayLetterDeadline(input.sentOn);
      termValid = data.lastDay >= required;
      if (termValid) costsDueFrom = addDaysIso(data.lastDay, 1);
      else {
        warnings.push(`De brief is op ${formatDate(input.sentOn)} verstuurd en dan loopt de wettelijke termijn tot en met ${formatDate(required)}, maar in de brief staat ${formatDate(data.lastDay)}. Met deze brief kunnen geen incassokosten worden gevraagd; stuur een nieuwe veertiendagenbrief.`);
      }
    }
    const emailCopy = input.emailCopy === true;
    const eventId = await addEvent(ctx, {
      debtorId: letter.debtorId, type: 'registered.sent', occurredOn: input.sentOn, invoiceIds: letter.invoiceIds, documentId: doc.id,
      summary: `Aangetekend verstuurd, track & trace ${input.trackingCode}${emailCopy ? ' (kopie per e-mail)' : ''}`,
      data: {
        documentId: doc.id, letterEventId: letter.id, letter: data.letter ?? null, trackingCode: input.trackingCode, tracking: input.trackingCode,
        trackingKind: kind, carrier: 'PostNL', sentOn: input.sentOn, emailCopy, presumedDelivery: presumedDeliveryDate(input.sentOn),
        ...(data.letter === 'fourteen-day' ? { costsDueFrom, termValid } : {}),
      },
    });
    return { eventId, trackingCode: input.trackingCode, trackingKind: kind, costsDueFrom, warnings };
  });
}

export async function testPrint(ctx: Context, window?: ParsedInputOf<'letters.testPrint'>['window']): Promise<PdfFile> {
  const bytes = await renderPdf(buildLetterDocument(composeTestPrint(ctx, window)));
  return { fileName: 'Testafdruk venster.pdf', mimeType: PDF, dataBase64: toBase64(bytes), pages: pdfPageCount(bytes) };
}

function messageOf(error: unknown): string {
  if (error instanceof AppError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

/** What can be made for this debtor on `date`, with the reason when something cannot. */
export async function letterOptions(ctx: Context, debtorId: number, date?: string): Promise<LetterOptions> {
  const debtor = await getDebtorRow(ctx, debtorId);
  const day = date ?? ctx.today();
  const settings = getLetterSettings(ctx);
  const kinds: LetterOptions['kinds'] = [];
  for (const kind of letterKinds) {
    if (kind === 'free') {
      const missing = missingAddress(debtor);
      kinds.push({ kind, available: missing.length === 0, reason: missing.length === 0 ? null : `Het adres is niet compleet (${missing.join(', ')} ontbreekt).` });
      continue;
    }
    try {
      await composeLetter(ctx, { debtorId, kind, date: day });
      kinds.push({ kind, available: true, reason: null });
    } catch (error) {
      kinds.push({ kind, available: false, reason: messageOf(error) });
    }
  }
  const available = (k: LetterKind) => kinds.find((x) => x.kind === k)?.available === true;
  // The suggestion follows the workflow's stage: the final letter once the plan has reached it, a
  // reminder before that, and the confirmation of a payment plan that has not been confirmed yet.
  const finalKind: LetterKind = debtor.kind === 'consumer' ? 'fourteen-day' : 'final-notice';
  const row = overviewRows(ctx, debtorId)[0];
  const late = row !== undefined && ['final-notice', 'handover', 'with-agency'].includes(row.stage);
  const preferred: LetterKind[] = late ? [finalKind, 'reminder'] : ['reminder', finalKind];
  const latestPlan = ctx.sqlite.prepare("SELECT id FROM payment_plans WHERE debtor_id = ? AND status = 'active' ORDER BY id DESC LIMIT 1").get(debtorId) as { id: number } | undefined;
  if (latestPlan) {
    const confirmed = ctx.sqlite.prepare("SELECT 1 FROM events WHERE debtor_id = ? AND type = 'letter.sent' AND json_extract(data_json, '$.planId') = ? LIMIT 1").get(debtorId, latestPlan.id);
    if (!confirmed) preferred.unshift('arrangement-confirmation');
  }
  const plans = (ctx.sqlite.prepare(`
    SELECT p.id, p.total_cents AS total, p.first_date AS firstDate, p.status, (SELECT count(*) FROM installments i WHERE i.plan_id = p.id) AS installments
    FROM payment_plans p WHERE p.debtor_id = ? ORDER BY p.id DESC
  `).all(debtorId) as LetterOptions['plans']);
  const business = ctx.sqlite.prepare('SELECT can_deduct_vat FROM business WHERE id = 1').get() as { can_deduct_vat: number } | undefined;
  const minimum = fourteenDayLetterDeadline(day);
  return {
    debtorId, debtorKind: debtor.kind, date: day, hasAddress: missingAddress(debtor).length === 0,
    overdueInvoices: invoicesOfDebtor(ctx, debtorId).filter((i) => i.kind === 'invoice' && i.open > 0 && i.dueDate < day)
      .map((i) => ({ id: i.id, number: i.number, dueDate: i.dueDate, open: i.open, disputed: i.disputed })),
    kinds,
    suggested: preferred.find(available) ?? null,
    plans,
    fourteenDayLastDay: settings.fourteenDayExtraDays > 0 ? nextWorkingDay(addDaysIso(minimum, settings.fourteenDayExtraDays)) : minimum,
    finalNoticeLastDay: addWorkingDays(day, settings.finalNoticeWorkingDays),
    canVatSurcharge: business !== undefined && business.can_deduct_vat === 0,
  };
}

/** The letter a batch makes for a debtor when none is named: the final step of the plan. */
async function autoKind(ctx: Context, debtorId: number, date: string): Promise<LetterKind> {
  const debtor = await getDebtorRow(ctx, debtorId);
  const kind: LetterKind = debtor.kind === 'consumer' ? 'fourteen-day' : 'final-notice';
  // A letter of this kind whose term is still running is not sent again.
  const running = ctx.sqlite.prepare(`
    SELECT json_extract(data_json, '$.lastDay') AS lastDay FROM events
    WHERE debtor_id = ? AND type = 'letter.sent' AND json_extract(data_json, '$.letter') = ? AND json_extract(data_json, '$.lastDay') >= ?
    ORDER BY occurred_on DESC LIMIT 1
  `).get(debtorId, kind, date) as { lastDay: string } | undefined;
  if (running) {
    throw new AppError('conflict', `Er loopt al een ${kind === 'fourteen-day' ? 'veertiendagenbrief' : 'laatste aanmaning'}; de termijn loopt tot en met ${formatDate(running.lastDay)}.`,
      'A letter of this kind is still running.');
  }
  return kind;
}

/**
 * The batch print: every letter rendered (and, with `produce`, stored and recorded) on its own,
 * then their pages joined into one PDF. A debtor whose letter cannot be made is skipped with the
 * reason; the others go ahead.
 */
export async function batchLetters(ctx: Context, input: ParsedInputOf<'letters.batch'>): Promise<BatchResult> {
  const date = input.date ?? ctx.today();
  if (input.produce) assertSendable(ctx, date);
  const letters: BatchResult['letters'] = [];
  const skipped: BatchResult['skipped'] = [];
  const files: Uint8Array[] = [];
  for (const debtorId of [...new Set(input.debtorIds)]) {
    let debtorName = `#${debtorId}`;
    try {
      debtorName = (await getDebtorRow(ctx, debtorId)).name;
      const kind = input.kind === 'auto' ? await autoKind(ctx, debtorId, date) : input.kind;
      const request: LetterInput = { debtorId, kind, date };
      let bytes: Uint8Array;
      let documentId: number | null = null;
      if (input.produce) {
        const produced = await produceLetter(ctx, request);
        bytes = new Uint8Array(Buffer.from(produced.dataBase64, 'base64'));
        documentId = produced.documentId;
      } else {
        bytes = await renderComposition(await composeLetter(ctx, request));
      }
      files.push(bytes);
      letters.push({ debtorId, debtorName, kind, documentId, pages: pdfPageCount(bytes) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      skipped.push({ debtorId, debtorName, reason: error.message });
    }
  }
  const fileName = `${date} Brieven (${letters.length}).pdf`;
  if (files.length === 0) return { fileName, mimeType: PDF, dataBase64: '', pages: 0, letters, skipped };
  const merged = mergePdfs(files, { title: `Brieven ${formatDate(date)}`, language: 'nl-NL', creationDate: noonUtc(date) });
  return { fileName, mimeType: PDF, dataBase64: toBase64(merged.bytes), pages: merged.pages, letters, skipped };
}

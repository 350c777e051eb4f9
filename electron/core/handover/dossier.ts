// The debtor file for an incassobureau: one zip with
//   overzicht.pdf            the claim as a report (overzichtPdf.ts)
//   vordering.json           the same, machine-readable, with "$schema" and schemaVersion
//   vordering.schema.json    its JSON Schema (also resources/schemas/vordering.schema.json)
//   facturen.csv, tijdlijn.csv   for Dutch Excel (csv.ts)
//   brieven/                 every stored letter, reminder, mail and confirmation: the exact bytes
//   facturen/                the original invoice PDFs where attached
//   algemene-voorwaarden.pdf the user's terms, when stored (Instellingen)
// Nothing of other debtors and not the debtor's free-text notes (AVG: only what the agency needs).
//
// The zip is deterministic: the same ledger on the same day gives the same bytes (fixed PDF creation
// date and zip timestamps), so an export and a later handover of the same state share one SHA-256.
// Every export is kept as a document of kind 'dossier' (stored once per content).
import { zipSync, type Zippable } from 'fflate';
import type { DossierFile } from '../../../shared/contract';
import type { Context } from '../context';
import { notFound } from '../errors';
import { renderPdf } from '../pdf/renderPdf';
import { sha256Hex } from '../util/hash';
import { buildClaim, safeFileName, type Claim } from './claim';
import { invoicesCsv, timelineCsv } from './csv';
import { buildOverzichtDocument } from './overzichtPdf';
import { toVordering, VORDERING_SCHEMA_FILE, vorderingJsonSchemaText, type DossierEntry } from './vordering';

const utf8 = (s: string) => new TextEncoder().encode(s);

export function dossierFileName(debtorName: string, today: string): string {
  return `${safeFileName(debtorName) || 'klant'}-${today}.zip`;
}

export interface BuiltDossier { claim: Claim; fileName: string; bytes: Uint8Array; sha256: string }

export async function buildDossier(ctx: Context, debtorId: number): Promise<BuiltDossier> {
  const claim = await buildClaim(ctx, debtorId);
  const pdf = await renderPdf(buildOverzichtDocument(claim));
  const invoices = utf8(invoicesCsv(claim));
  const timeline = utf8(timelineCsv(claim));
  const schema = utf8(vorderingJsonSchemaText());

  const entries: DossierEntry[] = [
    { path: 'overzicht.pdf', kind: 'overzicht', fileName: 'overzicht.pdf', sha256: sha256Hex(pdf), size: pdf.length },
    { path: 'facturen.csv', kind: 'csv', fileName: 'facturen.csv', sha256: sha256Hex(invoices), size: invoices.length },
    { path: 'tijdlijn.csv', kind: 'csv', fileName: 'tijdlijn.csv', sha256: sha256Hex(timeline), size: timeline.length },
  ];
  const attachments: [string, Uint8Array][] = [];
  for (const doc of claim.documents) {
    const row = await ctx.db.selectFrom('documents').select(['bytes']).where('id', '=', doc.id).executeTakeFirstOrThrow();
    const bytes = new Uint8Array(row.bytes);
    attachments.push([doc.path, bytes]);
    entries.push({ path: doc.path, kind: doc.kind, fileName: doc.fileName, sha256: sha256Hex(bytes), size: bytes.length });
  }
  const json = utf8(`${JSON.stringify(toVordering(claim, entries), null, 2)}\n`);

  // A fixed time on the export day (zip times are local, without a zone).
  const [y, m, d] = claim.today.split('-').map(Number) as [number, number, number];
  const mtime = new Date(y, m - 1, d, 12, 0, 0);
  const stored = { level: 0 as const, mtime };
  const packed = { level: 6 as const, mtime };
  const files: Zippable = {
    'overzicht.pdf': [pdf, stored],
    'vordering.json': [json, packed],
    [VORDERING_SCHEMA_FILE]: [schema, packed],
    'facturen.csv': [invoices, packed],
    'tijdlijn.csv': [timeline, packed],
  };
  // PDFs are compressed already; store them as they are.
  for (const [path, bytes] of attachments) files[path] = [bytes, /\.pdf$/i.test(path) ? stored : packed];
  const bytes = zipSync(files, { mtime });
  return { claim, fileName: dossierFileName(claim.debtor.name, claim.today), bytes, sha256: sha256Hex(bytes) };
}

/** Keeps the dossier as a document (once per content) and returns its id. */
export async function storeDossier(ctx: Context, built: BuiltDossier): Promise<number> {
  const existing = await ctx.db.selectFrom('documents').select('id')
    .where('kind', '=', 'dossier').where('debtor_id', '=', built.claim.debtor.id).where('sha256', '=', built.sha256).executeTakeFirst();
  if (existing) return existing.id;
  const row = await ctx.db.insertInto('documents').values({
    debtor_id: built.claim.debtor.id, kind: 'dossier', file_name: built.fileName, mime_type: 'application/zip',
    bytes: built.bytes, size: built.bytes.length, sha256: built.sha256, is_demo: built.claim.debtor.isDemo ? 1 : 0, created_at: ctx.now(),
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function exportDossier(ctx: Context, debtorId: number): Promise<DossierFile> {
  const built = await buildDossier(ctx, debtorId);
  const documentId = await storeDossier(ctx, built);
  return {
    fileName: built.fileName, mimeType: 'application/zip', dataBase64: Buffer.from(built.bytes).toString('base64'),
    sha256: built.sha256, size: built.bytes.length, documentId,
  };
}

export async function dossierOfHandover(ctx: Context, handoverId: number): Promise<DossierFile> {
  const row = await ctx.db.selectFrom('handovers').innerJoin('documents', 'documents.id', 'handovers.dossier_document_id')
    .select(['documents.id', 'documents.file_name', 'documents.bytes', 'documents.sha256', 'documents.size'])
    .where('handovers.id', '=', handoverId).executeTakeFirst();
  if (!row) throw notFound('Het dossier van deze overdracht', 'The file of this handover');
  return { fileName: row.file_name, mimeType: 'application/zip', dataBase64: Buffer.from(row.bytes).toString('base64'), sha256: row.sha256, size: row.size, documentId: row.id };
}

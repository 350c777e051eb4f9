// The user's algemene voorwaarden: one PDF, stored as an immutable document of kind 'terms' and
// pointed to by business.terms_document_id. A new upload is a new document (the old one is kept:
// an earlier dossier may have carried it).
import type { ParsedInputOf, TermsFile } from '../../../shared/contract';
import type { Context } from '../context';
import { transaction } from '../db/transaction';
import { AppError } from '../errors';
import { sha256Hex } from '../util/hash';

const MAX_TERMS_BYTES = 20 * 1024 * 1024;

export async function saveTerms(ctx: Context, input: ParsedInputOf<'business.saveTerms'>) {
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (bytes.length === 0) throw new AppError('invalid-input', 'Dit bestand is leeg.', 'This file is empty.');
  if (bytes.length > MAX_TERMS_BYTES) throw new AppError('too-large', 'Dit bestand is groter dan 20 MB.', 'This file is larger than 20 MB.');
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
    throw new AppError('invalid-input', 'Dit bestand is geen PDF. Sla je algemene voorwaarden op als PDF.', 'This file is not a PDF.');
  }
  return transaction(ctx, async () => {
    const business = await ctx.db.selectFrom('business').select('id').where('id', '=', 1).executeTakeFirst();
    if (!business) throw new AppError('forbidden', 'Vul eerst je bedrijfsgegevens in.', 'Fill in your business details first.');
    const fileName = input.fileName.replace(/[/\\]/g, '_');
    const sha256 = sha256Hex(bytes);
    const now = ctx.now();
    const doc = await ctx.db.insertInto('documents').values({
      debtor_id: null, kind: 'terms', file_name: fileName, mime_type: 'application/pdf', bytes, size: bytes.length, sha256, created_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    await ctx.db.updateTable('business').set({ terms_document_id: doc.id, updated_at: now }).where('id', '=', 1).execute();
    return { fileName, sha256, size: bytes.length, savedAt: now };
  });
}

export async function getTerms(ctx: Context): Promise<TermsFile | null> {
  const row = await ctx.db.selectFrom('business').innerJoin('documents', 'documents.id', 'business.terms_document_id')
    .select(['documents.file_name', 'documents.mime_type', 'documents.bytes', 'documents.sha256', 'documents.size', 'documents.created_at'])
    .where('business.id', '=', 1).executeTakeFirst();
  if (!row) return null;
  return {
    fileName: row.file_name, mimeType: row.mime_type, dataBase64: Buffer.from(row.bytes).toString('base64'),
    sha256: row.sha256, size: row.size, savedAt: row.created_at,
  };
}

// Joining the pages of separately rendered letters into one PDF (the batch print), checked with
// poppler: the page count, the text page by page, unique font subset names, and refusals.
import { afterAll, describe, expect, it } from 'vitest';
import { buildLetterDocument } from '../../../electron/core/letters/layout/buildLetterDocument';
import { mergePdfs, pdfPageCount, PdfMergeError } from '../../../electron/core/letters/mergePdf';
import { renderPdf } from '../../../electron/core/pdf/renderPdf';
import { manyInvoices, sampleLetter } from '../pdf/fixtures';
import { hasTool, pdfFonts, pdfInfo, pdfPagesText, POPPLER_MISSING_REASON, removeTempFiles } from '../pdf/popplerTools';

const poppler = hasTool('pdftotext');
afterAll(removeTempFiles);

describe('mergePdfs', () => {
  it('keeps every page of every letter, in order, with its own fonts', async (ctx) => {
    const a = await renderPdf(buildLetterDocument(sampleLetter()));
    const b = await renderPdf(buildLetterDocument(sampleLetter({ recipient: { name: 'Café Zoë Łukasiewicz', street: 'Laan 1', postcode: '1234 AB', city: 'Ede' }, specification: manyInvoices(40) })));
    const c = await renderPdf(buildLetterDocument(sampleLetter({ interest: undefined, costs: undefined, totalDue: undefined, payment: undefined })));
    const merged = mergePdfs([a, b, c], { title: 'Brieven 24-11-2026', language: 'nl-NL', creationDate: new Date(Date.UTC(2026, 10, 24, 12)) });
    expect(merged.pages).toBe(pdfPageCount(a) + pdfPageCount(b) + pdfPageCount(c));
    expect(pdfPageCount(merged.bytes)).toBe(merged.pages);
    // Deterministic: the same letters give the same bytes.
    expect(Buffer.from(mergePdfs([a, b, c], { title: 'Brieven 24-11-2026', language: 'nl-NL', creationDate: new Date(Date.UTC(2026, 10, 24, 12)) }).bytes).equals(Buffer.from(merged.bytes))).toBe(true);

    ctx.skip(!poppler, POPPLER_MISSING_REASON);
    const info = pdfInfo(merged.bytes);
    expect(info.Pages).toBe(String(merged.pages));
    expect(info.Title).toBe('Brieven 24-11-2026');
    expect(pdfPagesText(merged.bytes)).toEqual([a, b, c].flatMap((x) => pdfPagesText(x)));
    const fonts = pdfFonts(merged.bytes);
    expect(fonts.length).toBe(6);
    expect(new Set(fonts.map((f) => f.name)).size).toBe(6);
    expect(fonts.every((f) => f.embedded)).toBe(true);
  });

  it('refuses what it does not understand instead of guessing', () => {
    expect(() => mergePdfs([])).toThrow(PdfMergeError);
    expect(() => mergePdfs([new TextEncoder().encode('geen pdf')])).toThrow(/geen PDF/);
    expect(() => mergePdfs([new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<< /Root 1 0 R >>\n')])).toThrow(/startxref/);
  });
});

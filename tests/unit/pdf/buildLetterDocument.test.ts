import type { Content, ContextPageSize, DynamicContent, TDocumentDefinitions } from 'pdfmake/interfaces';
import { describe, expect, it } from 'vitest';
import { buildLetterDocument, mm } from '../../../electron/core/letters/layout/buildLetterDocument';
import { DEFAULT_WINDOW } from '../../../electron/core/letters/layout/model';
import type { LetterModel } from '../../../electron/core/letters/layout/model';
import { QUIET_ZONE_MODULES } from '../../../electron/core/letters/layout/qr';
import { sampleLetter } from './fixtures';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** Every object node in a content tree (depth first). */
function nodes(content: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      found.push(value as Record<string, unknown>);
      Object.values(value).forEach(visit);
    }
  };
  visit(content);
  return found;
}

const PAGE: ContextPageSize = { width: mm(210), height: mm(297), orientation: 'portrait' } as ContextPageSize;

function footerText(doc: TDocumentDefinitions, page: number, count: number): string {
  const footer = doc.footer as DynamicContent;
  return JSON.stringify(footer(page, count, PAGE)).replace(/\u00a0/g, ' ');
}

describe('buildLetterDocument', () => {
  it('is pure: does not touch the model and gives the same definition every time', () => {
    const model = deepFreeze(sampleLetter({ sender: { ...sampleLetter().sender, logoPng: new Uint8Array([137, 80, 78, 71]) } }));
    const a = buildLetterDocument(model);
    const b = buildLetterDocument(model);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.pageSize).toBe('A4');
    expect(a.info?.producer).toBe('Openstaand');
    expect(a.info?.creationDate?.toISOString()).toBe('2026-11-24T12:00:00.000Z');
  });

  it('puts no URL that could be fetched into the definition', () => {
    const json = JSON.stringify(buildLetterDocument(sampleLetter()));
    expect(json).not.toMatch(/https?:\/\//i);
  });

  it('uses DIN 5008 form B when no window is given', () => {
    expect(DEFAULT_WINDOW).toEqual({ topMm: 45, leftMm: 20, widthMm: 85, heightMm: 45, returnLineMm: 5 });
    const withDefault = buildLetterDocument(sampleLetter());
    const explicit = buildLetterDocument(sampleLetter({ window: { ...DEFAULT_WINDOW } }));
    expect(JSON.stringify(withDefault)).toBe(JSON.stringify(explicit));
  });

  it('repeats the specification title and header rows and keeps rows whole', () => {
    const tables = nodes(buildLetterDocument(sampleLetter()).content)
      .filter((n) => n.table && JSON.stringify(n.table).includes('Factuurnummer'));
    expect(tables).toHaveLength(1);
    expect(tables[0]!.table).toMatchObject({ headerRows: 2, keepWithHeaderRows: 1, dontBreakRows: true });
  });

  it('prints the QR code with a modules area of at least 25 mm', () => {
    const svgNode = nodes(buildLetterDocument(sampleLetter()).content).find((n) => typeof n.svg === 'string')!;
    const total = Number(/viewBox="0 0 (\d+)/.exec(svgNode.svg as string)![1]);
    const modules = total - 2 * QUIET_ZONE_MODULES;
    const modulesAreaMm = ((svgNode.width as number) * modules / total) / mm(1);
    expect(modulesAreaMm).toBeGreaterThanOrEqual(25);
  });

  it('leaves the QR code out without a payload, and the payment block out without payment', () => {
    const noQr = buildLetterDocument(sampleLetter({ payment: { ...sampleLetter().payment!, qrPayload: undefined } }));
    expect(nodes(noQr.content).some((n) => 'svg' in n)).toBe(false);
    expect(JSON.stringify(noQr.content)).toContain('Betaalgegevens');
    const noPayment = buildLetterDocument(sampleLetter({ payment: undefined }));
    expect(JSON.stringify(noPayment.content)).not.toContain('Betaalgegevens');
  });

  it('numbers pages in the footer only when there is more than one', () => {
    const doc = buildLetterDocument(sampleLetter());
    expect(footerText(doc, 1, 1)).not.toContain('Pagina');
    expect(footerText(doc, 1, 2)).toContain('Pagina 1 van 2');
    expect(footerText(doc, 1, 1)).toContain('KvK 12345678');
    const en = buildLetterDocument(sampleLetter({ language: 'en' }));
    expect(footerText(en, 2, 3)).toContain('Page 2 of 3');
  });

  it('has a continuation header on later pages only', () => {
    const doc = buildLetterDocument(sampleLetter());
    const header = doc.header as DynamicContent;
    expect(header(1, 2, PAGE)).toBeNull();
    expect(JSON.stringify(header(2, 2, PAGE))).toContain('Ons kenmerk DEB-2026-014');
  });

  it('embeds the logo as a data URL', () => {
    const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
    const model: LetterModel = sampleLetter({ sender: { ...sampleLetter().sender, logoPng: png } });
    const image = nodes(buildLetterDocument(model).content).find((n) => typeof n.image === 'string');
    expect(image?.image).toBe(`data:image/png;base64,${Buffer.from(png).toString('base64')}`);
  });

  it('writes bold spans from the paragraph markup', () => {
    const content = buildLetterDocument(sampleLetter({ paragraphs: ['Betaal **nu**.'] })).content as Content[];
    expect(JSON.stringify(content)).toContain('{"text":"nu","bold":true}');
  });

  it('keeps an amount in a paragraph and each footer item on one line', () => {
    const doc = buildLetterDocument(sampleLetter({ paragraphs: ['Totaal **€ 1.234,56** en € -5,00.'] }));
    const json = JSON.stringify(doc.content);
    expect(json).toContain('"€\u00a01.234,56"');
    expect(json).toContain('€\u00a0-5,00.');
    const footer = JSON.stringify((doc.footer as DynamicContent)(1, 1, PAGE));
    expect(footer).toContain('IBAN\u00a0NL91\u00a0ABNA\u00a00417\u00a01643\u00a000');
  });
});

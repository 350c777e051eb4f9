// Letters rendered to real PDFs and read back with poppler's pdftotext (text and word boxes),
// pdftoppm (pixels) and zbarimg (the QR code).
import QRCode from 'qrcode';
import { afterAll, describe, expect, it } from 'vitest';
import { buildLetterDocument } from '../../../electron/core/letters/layout/buildLetterDocument';
import { addressLines, formatCents, returnAddressLine } from '../../../electron/core/letters/layout/format';
import { DEFAULT_WINDOW } from '../../../electron/core/letters/layout/model';
import type { EnvelopeWindow, LetterModel } from '../../../electron/core/letters/layout/model';
import { renderPdf } from '../../../electron/core/pdf/renderPdf';
import { manyInvoices, SAMPLE_EPC_PAYLOAD, sampleLetter } from './fixtures';
import {
  decodeQrCodes, hasTool, pdfPageRaster, pdfPagesText, pdfWords, POPPLER_MISSING_REASON, removeTempFiles, squash, ZBAR_MISSING_REASON,
} from './popplerTools';
import type { Word } from './popplerTools';

const poppler = hasTool('pdftotext');
const zbar = hasTool('zbarimg');

afterAll(removeTempFiles);

async function render(model: LetterModel): Promise<Uint8Array> {
  return renderPdf(buildLetterDocument(model));
}

function inside(word: Word, w: EnvelopeWindow): boolean {
  return word.xMin >= w.leftMm && word.xMax <= w.leftMm + w.widthMm && word.yMin >= w.topMm && word.yMax <= w.topMm + w.heightMm;
}

function overlaps(word: Word, w: EnvelopeWindow): boolean {
  return word.xMax > w.leftMm && word.xMin < w.leftMm + w.widthMm && word.yMax > w.topMm && word.yMin < w.topMm + w.heightMm;
}

/** Checks that the address (and only the address and return line) is inside the window on page 1. */
function expectAddressInWindow(words: Word[], model: LetterModel, window: EnvelopeWindow): void {
  const page1 = words.filter((w) => w.page === 1);
  const addressWords = addressLines(model.recipient, 't.a.v.').flatMap((line) => line.split(/\s+/));
  const returnWords = returnAddressLine(model.sender).split(/\s+/);
  const zoneBottom = window.topMm + window.returnLineMm;

  const inWindow = page1.filter((w) => overlaps(w, window));
  for (const word of inWindow) {
    expect(inside(word, window), `"${word.text}" crosses the window edge`).toBe(true);
    if (word.yMax <= zoneBottom + 0.01) expect(returnWords, `"${word.text}" in the return zone`).toContain(word.text);
    else expect(addressWords, `"${word.text}" in the address zone`).toContain(word.text);
  }
  // The whole address is there, below the return-address zone, in order.
  const addressInWindow = inWindow.filter((w) => w.yMin >= zoneBottom).map((w) => w.text);
  expect(addressInWindow).toEqual(addressWords);
  expect(inWindow.filter((w) => w.yMax <= zoneBottom + 0.01).map((w) => w.text)).toEqual(returnWords);
  // The recipient's name in particular.
  const nameWords = model.recipient.name.split(/\s+/);
  const nameBoxes = nameWords.map((text) => inWindow.find((w) => w.text === text));
  nameBoxes.forEach((box, i) => expect(box, `name word ${nameWords[i]} inside the window`).toBeDefined());
}

describe('letter PDF', () => {
  it('needs pdftotext on CI', () => {
    if (process.env.CI) expect(poppler, POPPLER_MISSING_REASON).toBe(true);
  });

  // The reminder and arrangement tests decode QR codes too; without zbarimg they would find none.
  it('needs zbarimg on CI', () => {
    if (process.env.CI) expect(zbar, ZBAR_MISSING_REASON).toBe(true);
  });

  it('prints names, subject, every invoice, the amounts, the total, the IBAN and the kenmerk', async (ctx) => {
    ctx.skip(!poppler, POPPLER_MISSING_REASON);
    const model = sampleLetter();
    const started = performance.now();
    const bytes = await render(model);
    console.log(`[pdf] one letter (${bytes.length} bytes) built and rendered in ${Math.round(performance.now() - started)} ms`);
    const pages = pdfPagesText(bytes);
    const text = pages.join('\n');
    expect(text).toContain('Jansen Advies');
    expect(text).toContain('Bakkerij De Vries B.V.');
    expect(text).toContain('t.a.v. mevrouw P. de Vries');
    expect(text).toContain('1234 AB AMERSFOORT');
    expect(pages[0]).toContain('Utrecht, 24 november 2026');
    expect(pages[0]).toContain('Betreft: Laatste aanmaning facturen 2026-031 en 2026-044');
    expect(pages[0]).toMatch(/Ons kenmerk DEB-2026-014/);
    expect(pages[0]).toMatch(/Uw kenmerk PO-778/);
    expect(pages[0]).toMatch(/KvK 12345678/);
    expect(pages[0]).toMatch(/Btw-id NL002455799B11/);
    for (const row of model.specification!.rows) {
      expect(text).toContain(row.number);
      expect(text).toContain(formatCents(row.amount));
      expect(text).toContain(formatCents(row.open));
    }
    expect(text).toContain('14-08-2026');
    expect(text).toMatch(/Totaal openstaand € 1\.878,00/);
    expect(text).toMatch(/Totaal rente € 34,08/);
    expect(text).toMatch(/Incassokosten € 281,70/);
    expect(text).toMatch(/Totaal te betalen € 2\.193,78/);
    expect(text).toContain('10,15%');
    expect(text).toContain('NL91 ABNA 0417 1643 00');
    expect(text).toContain('RF48 5000 0567 8901 2345');
    expect(text).toContain('Uiterlijk 10 december 2026');
    expect(text).toContain('Scan om te betalen');
    expect(text).toContain('Met vriendelijke groet,');
    expect(text).toContain('Bijlagen:');
    expect(text).toContain('Kopie factuur 2026-044');
    expect(text).toContain('Op al mijn opdrachten zijn mijn algemene voorwaarden van toepassing.');
    expect(pages.at(-1)).toContain(`Pagina ${pages.length} van ${pages.length}`);
  });

  it('places the address inside the DIN 5008 window and nothing else there', async (ctx) => {
    ctx.skip(!poppler, POPPLER_MISSING_REASON);
    const model = sampleLetter();
    const words = pdfWords(await render(model));
    expectAddressInWindow(words, model, DEFAULT_WINDOW);
    // The body starts below the window.
    const date = words.find((w) => w.page === 1 && w.text === 'november')!;
    expect(date.yMin).toBeGreaterThan(DEFAULT_WINDOW.topMm + DEFAULT_WINDOW.heightMm);
  });

  it('follows a moved window (right-hand side), with the letterhead moved out of its way', async (ctx) => {
    ctx.skip(!poppler, POPPLER_MISSING_REASON);
    const moved: EnvelopeWindow = { topMm: 50, leftMm: 110, widthMm: 85, heightMm: 40, returnLineMm: 5 };
    const model = sampleLetter({ window: moved });
    const words = pdfWords(await render(model));
    expectAddressInWindow(words, model, moved);
    const name = words.find((w) => w.page === 1 && w.text === 'Bakkerij')!;
    expect(overlaps(name, DEFAULT_WINDOW)).toBe(false);
    const kvk = words.find((w) => w.page === 1 && w.text === '12345678' && w.yMin < 100)!;
    expect(kvk.xMax).toBeLessThan(moved.leftMm);
  });

  it('starts the body below a tall letterhead (logo, long details) as well as below the window', async (ctx) => {
    ctx.skip(!poppler, POPPLER_MISSING_REASON);
    const logo = new Uint8Array(await QRCode.toBuffer('logo', { type: 'png', margin: 0, width: 240 }));
    const tall = sampleLetter({
      sender: {
        ...sampleLetter().sender,
        logoPng: logo,
        contactName: 'Jan Jansen, registeraccountant en belastingadviseur',
        email: 'debiteurenadministratie.jansen@jansenadviesenadministratie.nl',
        website: 'www.jansen-advies-en-administratie-voor-ondernemers.nl',
        bic: 'ZZZZNL2AXXX',
      },
      window: { topMm: 27, leftMm: 20, widthMm: 85, heightMm: 45, returnLineMm: 5 },
    });
    const words = pdfWords(await render(tall)).filter((w) => w.page === 1);
    const bic = words.find((w) => w.text === 'ZZZZNL2AXXX')!;
    const date = words.find((w) => w.text === 'Utrecht,')!;
    expect(bic.yMax).toBeGreaterThan(72 + 8); // the letterhead really is longer than the window here
    expect(date.yMin).toBeGreaterThan(bic.yMax + 4);
    expectAddressInWindow(pdfWords(await render(tall)), tall, tall.window!);
  });

  it('runs a long specification over pages, repeats its header and numbers the pages', async (ctx) => {
    ctx.skip(!poppler, POPPLER_MISSING_REASON);
    const specification = manyInvoices(60);
    const started = performance.now();
    const bytes = await render(sampleLetter({ specification }));
    console.log(`[pdf] letter with 60 invoices rendered in ${Math.round(performance.now() - started)} ms`);
    const pages = pdfPagesText(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const header = /Specificatie\s+Factuurnummer Factuurdatum Vervaldatum Bedrag Betaald Openstaand/;
    expect(pages[0]).toMatch(header);
    expect(pages[1]).toMatch(header);
    pages.forEach((page, i) => expect(page).toContain(`Pagina ${i + 1} van ${pages.length}`));
    const all = pages.join('\n');
    for (const row of specification.rows) {
      expect(all.split(row.number).length - 1, row.number).toBe(1);
      expect(all).toContain(formatCents(row.open));
    }
    expect(all).toContain(`Totaal openstaand ${formatCents(specification.totalOpen)}`);
    // The continuation header names the recipient and the reference.
    expect(pages[1]).toContain('Bakkerij De Vries B.V. · Ons kenmerk DEB-2026-014');
  });

  it('never leaves a table title alone at the bottom of a page', async (ctx) => {
    ctx.skip(!poppler, POPPLER_MISSING_REASON);
    const filler = 'Een regel tekst die de specificatie naar het einde van de eerste pagina schuift. ';
    // With these lengths the title falls at the foot of page 1 (checked for n = 12 … 15).
    for (let n = 10; n <= 16; n++) {
      const model = sampleLetter({ paragraphs: [...sampleLetter().paragraphs, filler.repeat(n)], interest: undefined });
      const pages = pdfPagesText(await render(model));
      const titlePage = pages.findIndex((page) => page.includes('Specificatie'));
      expect(pages[titlePage], `filler ${n}`).toMatch(/Specificatie\s+Factuurnummer[^\n]*\n\s*2026-031/);
    }
  });

  it('has no page numbers on a one-page letter', async (ctx) => {
    ctx.skip(!poppler, POPPLER_MISSING_REASON);
    const pages = pdfPagesText(await render(sampleLetter({
      paragraphs: ['Graag ontvang ik de betaling binnen veertien dagen.'],
      interest: undefined, costs: undefined, totalDue: undefined, attachments: undefined,
    })));
    expect(pages).toHaveLength(1);
    expect(pages[0]).not.toContain('Pagina');
    expect(pages[0]).toContain('KvK 12345678');
  });

  it('prints ł ş ő é € and other Latin Extended letters', async (ctx) => {
    ctx.skip(!poppler, POPPLER_MISSING_REASON);
    const model = sampleLetter({
      sender: { ...sampleLetter().sender, name: 'Café Zoë Łukasiewicz' },
      recipient: { name: 'Őrs Wałęsa-Şahin', contactName: 'Ñuño Ærøskøbing', street: 'ul. Świętokrzyska 5', postcode: '00-001', city: 'Łódź', country: 'Polen' },
      subject: 'Factuur € 1.210,00 — Şahin & Łukasz',
      salutation: 'Beste heer Wałęsa-Şahin,',
    });
    const text = squash(pdfPagesText(await render(model)).join('\n'));
    for (const expected of ['Café Zoë Łukasiewicz', 'Őrs Wałęsa-Şahin', 't.a.v. Ñuño Ærøskøbing', 'ul. Świętokrzyska 5', '00-001 ŁÓDŹ', 'POLEN',
      'Factuur € 1.210,00 — Şahin & Łukasz', 'Beste heer Wałęsa-Şahin,']) {
      expect(text).toContain(expected);
    }
  });

  it('prints English labels for an English letter', async (ctx) => {
    ctx.skip(!poppler, POPPLER_MISSING_REASON);
    const pages = pdfPagesText(await render(sampleLetter({ language: 'en' })));
    const text = pages.join('\n');
    expect(pages[0]).toContain('Utrecht, 24 November 2026');
    expect(pages[0]).toContain('Our reference DEB-2026-014');
    expect(pages[0]).toContain('Subject: Laatste aanmaning');
    expect(text).toContain('Invoice number Invoice date Due date Amount Paid Outstanding');
    expect(text).toContain('€1,210.00');
    expect(text).toContain('Total due €2,193.78');
    expect(text).toContain('Scan to pay');
    expect(text).toContain(`Page 1 of ${pages.length}`);
  });

  it('draws the window outline on the test print, and not on a normal letter', async (ctx) => {
    ctx.skip(!poppler, POPPLER_MISSING_REASON);
    const dpi = 72;
    const px = (mmValue: number): number => Math.round((mmValue * dpi) / 25.4);
    const reddish = async (model: LetterModel): Promise<number> => {
      const raster = pdfPageRaster(await render(model), 1, dpi);
      const w = model.window ?? DEFAULT_WINDOW;
      let count = 0;
      // The window's left edge, top to bottom.
      for (let y = px(w.topMm); y <= px(w.topMm + w.heightMm); y++) {
        for (let x = px(w.leftMm) - 1; x <= px(w.leftMm) + 1; x++) {
          const [r, g, b] = raster.rgb(x, y);
          if (r > 150 && r - g > 50 && r - b > 50) count++;
        }
      }
      return count;
    };
    expect(await reddish(sampleLetter())).toBe(0);
    expect(await reddish(sampleLetter({ drawWindowOutline: true }))).toBeGreaterThan(20);
    const moved: EnvelopeWindow = { topMm: 27, leftMm: 15, widthMm: 90, heightMm: 45, returnLineMm: 5 };
    expect(await reddish(sampleLetter({ window: moved, drawWindowOutline: true }))).toBeGreaterThan(20);
    const text = pdfPagesText(await render(sampleLetter({ drawWindowOutline: true })))[0]!;
    expect(text).toContain('Testafdruk venster: 85 × 45 mm, 45 mm van boven, 20 mm van links');
  });

  it('prints an EPC QR code that decodes to the payload', async (ctx) => {
    ctx.skip(!poppler, POPPLER_MISSING_REASON);
    ctx.skip(!zbar, ZBAR_MISSING_REASON);
    const utf8Payload = SAMPLE_EPC_PAYLOAD.replace('Jansen Advies', 'Café Łukasz Şahin');
    for (const payload of [SAMPLE_EPC_PAYLOAD, utf8Payload]) {
      const model = sampleLetter({ payment: { ...sampleLetter().payment!, qrPayload: payload } });
      expect(decodeQrCodes(await render(model))).toEqual([payload]);
    }
  });
});

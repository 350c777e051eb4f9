import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pdfmakeModule from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { resolveFontsDir, RESOURCES_DIR_ENV, ROBOTO_FILES } from '../../../electron/core/pdf/fonts';
import { renderPdf } from '../../../electron/core/pdf/renderPdf';
import { hasTool, pdfFonts, pdfInfo, pdfText, POPPLER_MISSING_REASON, removeTempFiles } from './popplerTools';

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url)).replace(/\/$/, '');
const FIXED_DATE = new Date(Date.UTC(2026, 10, 24, 12));
const poppler = hasTool('pdftotext');

function simpleDoc(text = 'Hallo Łódź, € 12,50'): TDocumentDefinitions {
  return { content: [{ text }, { text: 'vet', bold: true }, { text: 'schuin', italics: true }], info: { title: 'Test' } };
}

afterAll(removeTempFiles);

describe('resolveFontsDir', () => {
  it('finds resources/fonts by walking up from a folder inside the repository', () => {
    const start = path.join(REPO_ROOT, 'electron', 'core', 'pdf');
    expect(resolveFontsDir({}, start)).toBe(path.join(REPO_ROOT, 'resources', 'fonts'));
  });

  it('takes OPENSTAAND_RESOURCES_DIR first', () => {
    expect(resolveFontsDir({ [RESOURCES_DIR_ENV]: '/opt/openstaand/resources' }, REPO_ROOT)).toBe('/opt/openstaand/resources/fonts');
  });

  it('says what to do when there is no fonts folder', () => {
    expect(() => resolveFontsDir({}, os.tmpdir())).toThrow(RESOURCES_DIR_ENV);
  });

  it('finds the fonts from the module itself by default', () => {
    expect(resolveFontsDir({})).toBe(path.join(REPO_ROOT, 'resources', 'fonts'));
  });
});

describe('renderPdf', () => {
  it('renders a PDF and does not change the definition it was given', async () => {
    const doc = simpleDoc();
    const before = JSON.stringify(doc);
    const bytes = await renderPdf(doc, { creationDate: FIXED_DATE });
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('gives the same bytes for the same definition and creation date', async () => {
    const a = await renderPdf(simpleDoc(), { creationDate: FIXED_DATE });
    const b = await renderPdf(simpleDoc(), { creationDate: FIXED_DATE });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('fails clearly when the fonts folder has no Roboto', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'openstaand-nofonts-'));
    try {
      await expect(renderPdf(simpleDoc(), { fontsDir: empty })).rejects.toThrow(/Roboto-Regular\.ttf not found/);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it('writes Openstaand as producer, the given creation date, and A4', async (ctx) => {
    ctx.skip(!poppler, POPPLER_MISSING_REASON);
    const info = pdfInfo(await renderPdf(simpleDoc(), { creationDate: FIXED_DATE }));
    expect(info.Producer).toBe('Openstaand');
    expect(info.Creator).toBe('Openstaand');
    expect(info.Title).toBe('Test');
    expect(info.CreationDate).toMatch(/^2026-11-24T12:00:00/);
    expect(info['Page size']).toMatch(/^595\.2\d? x 841\.8\d? pts \(A4\)/);
  });

  it('embeds Roboto (subset) for every style and prints Latin Extended text', async (ctx) => {
    ctx.skip(!poppler, POPPLER_MISSING_REASON);
    const bytes = await renderPdf(simpleDoc('Łódź Şahin Őrs café € 12,50'), { creationDate: FIXED_DATE });
    const fonts = pdfFonts(bytes);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const font of fonts) {
      expect(font.name).toMatch(/^[A-Z]{6}\+Roboto-/);
      expect(font.embedded).toBe(true);
    }
    expect(pdfText(bytes)).toContain('Łódź Şahin Őrs café € 12,50');
  });
});

describe('renderPdf shares fonts between documents (electron/core/pdf/sharedFonts.ts)', () => {
  const doc = (text: string): TDocumentDefinitions => ({
    pageSize: 'A4',
    defaultStyle: { font: 'Roboto' },
    info: { creator: 'Openstaand', title: 'Gedeeld', producer: 'Openstaand', creationDate: FIXED_DATE },
    content: [{ text }, { text: 'vet € 12,50', bold: true }, { text: 'schuin Łódź', italics: true }, { text: 'allebei', bold: true, italics: true }],
  });
  // ŷ is drawn from the glyphs y and ^: subsetting it makes fontkit glyph objects for those
  // without code points, which must not reach a later document's text layer ("yes").
  const texts = ['Hallo wereld', 'Hallo wereld, nog eens: Şahin Őrs café ŷ', 'Hallo wereld, yes'];

  it('opens each font file once per process, not once per document', async () => {
    await renderPdf(doc('eerste'), { creationDate: FIXED_DATE });
    const read = vi.spyOn(fs, 'readFileSync');
    try {
      for (const text of texts) await renderPdf(doc(text), { creationDate: FIXED_DATE });
      expect(read.mock.calls.filter(([file]) => String(file).endsWith('.ttf'))).toEqual([]);
    } finally {
      read.mockRestore();
    }
  });

  it('gives the same bytes as pdfmake opening the fonts afresh for each document', async () => {
    // pdfmake's own instance: every document opens the font files and shapes every word anew.
    const own = pdfmakeModule as unknown as {
      setFonts(fonts: unknown): void;
      setUrlAccessPolicy(callback: () => boolean): void;
      setLocalAccessPolicy(callback: () => boolean): void;
      createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
    };
    const fontsDir = fs.realpathSync(resolveFontsDir());
    own.setFonts({ Roboto: Object.fromEntries(Object.entries(ROBOTO_FILES).map(([style, file]) => [style, path.join(fontsDir, file)])) });
    own.setUrlAccessPolicy(() => false);
    own.setLocalAccessPolicy(() => true);
    for (const text of texts) {
      const shared = await renderPdf(doc(text), { creationDate: FIXED_DATE });
      const fresh = await own.createPdf(doc(text)).getBuffer();
      expect(Buffer.from(shared).equals(fresh)).toBe(true);
    }
  });
});

describe('renderPdf never fetches a URL and reads no file outside the fonts folder', () => {
  let server: http.Server;
  let base = '';
  let requests = 0;

  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      requests++;
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.alloc(0));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const cases: [string, () => TDocumentDefinitions][] = [
    ['an image in the images dictionary', () => ({ content: [{ image: 'logo' }], images: { logo: `${base}/logo.png` } })],
    ['an image dictionary entry with headers', () => ({ content: [{ image: 'logo' }], images: { logo: { url: `${base}/logo2.png`, headers: { a: 'b' } } } })],
    ['an inline image URL', () => ({ content: [{ image: `${base}/inline.png` }] })],
    ['an https image URL', () => ({ content: [{ image: 'x' }], images: { x: 'https://example.invalid/x.png' } })],
    ['an attachment URL', () => ({ content: [{ text: 'a' }], files: { f: { src: `${base}/file.txt` } } } as TDocumentDefinitions)],
  ];

  it.each(cases)('refuses %s without any request', async (_name, make) => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    try {
      await expect(renderPdf(make(), { creationDate: FIXED_DATE })).rejects.toThrow(/denied by resource access policy/);
      expect(fetchSpy).not.toHaveBeenCalled();
      expect(requests).toBe(0);
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it('still renders after a refused URL (no state left behind)', async () => {
    await expect(renderPdf({ content: [{ image: 'l' }], images: { l: `${base}/again.png` } })).rejects.toThrow();
    const bytes = await renderPdf(simpleDoc(), { creationDate: FIXED_DATE });
    expect(bytes.length).toBeGreaterThan(1000);
    expect(requests).toBe(0);
  });

  it('refuses an SVG that embeds an image (pdfkit would open it past the policy)', async () => {
    const svg = `<svg width="10" height="10" viewBox="0 0 10 10"><image href="${base}/x.png" width="10" height="10"/></svg>`;
    await expect(renderPdf({ content: [{ stack: [{ svg }] }] })).rejects.toThrow(/SVG with an <image>/);
    const local = '<svg width="10" height="10" viewBox="0 0 10 10"><image xlink:href="/etc/hostname" width="10" height="10"/></svg>';
    await expect(renderPdf({ content: [{ svg: local }] })).rejects.toThrow(/SVG with an <image>/);
    const plain = '<svg width="10" height="10" viewBox="0 0 10 10"><rect width="10" height="10" fill="#000"/></svg>';
    await expect(renderPdf({ content: [{ svg: plain }] })).resolves.toBeInstanceOf(Uint8Array);
    expect(requests).toBe(0);
  });

  it('refuses local files outside the fonts folder', async () => {
    const outside = path.join(REPO_ROOT, 'package.json');
    await expect(renderPdf({ content: [{ image: outside }] })).rejects.toThrow(/Access to local file denied/);
    await expect(renderPdf({ content: [{ image: '/etc/hostname' }] })).rejects.toThrow(/Access to local file denied/);
    const sneaky = path.join(REPO_ROOT, 'resources', 'fonts', '..', '..', 'package.json');
    await expect(renderPdf({ content: [{ image: sneaky }] })).rejects.toThrow(/Access to local file denied/);
  });
});

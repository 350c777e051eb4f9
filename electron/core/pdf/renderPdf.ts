// Renders a pdfmake document definition to PDF bytes, server side (pdfmake 0.3 API).
//
// Safety (docs/style.md, CVE-2026-26801): pdfmake 0.3 downloads http(s) fonts, images and
// attachments by default. Our instance refuses every URL (setUrlAccessPolicy(() => false)) and may
// read local files only inside the fonts folder (setLocalAccessPolicy). It also gets a private
// virtual file system that is always empty and refuses writes, so nothing downloaded or stored by
// other users of pdfmake's shared module-level state can end up in our letters.
//
// One configured instance per fonts folder is created lazily and reused; every call renders exactly
// one document (one letter), never a batch: pdfmake's layout time grows faster than the page count.
// The documents share the fonts' decoded tables and the shapes of plain words (sharedFonts.ts),
// which used to be most of a letter's rendering time; the bytes stay the same.
import fs from 'node:fs';
import path from 'node:path';
import pdfmakeModule from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import { isInside, resolveFontsDir, ROBOTO_FILES } from './fonts';
import { PDF_PRODUCER } from './page';
import { shareFontsForVirtualFs } from './sharedFonts';

export interface RenderPdfOptions {
  /** Folder holding the Roboto TTF files; default: see resolveFontsDir(). */
  fontsDir?: string;
  /**
   * The creation date written into the PDF (and the seed of its file ID). Default:
   * doc.info.creationDate, or else the current time, which makes the bytes differ per run.
   */
  creationDate?: Date;
}

/** The part of pdfmake 0.3's server instance that we use (its typings only describe the module). */
interface PdfmakeInstance {
  virtualfs: unknown;
  setFonts(fonts: TFontDictionary): void;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  setLocalAccessPolicy(callback: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions, options?: Record<string, unknown>): { getBuffer(): Promise<Buffer> };
}

/** A virtual file system that holds nothing and stores nothing (pdfmake writes downloads into it). */
const emptyVirtualFs = Object.freeze({
  existsSync: (): boolean => false,
  readFileSync: (name: string): never => {
    throw new Error(`No virtual file ${name}`);
  },
  writeFileSync: (name: string): never => {
    throw new Error(`Refusing to store ${name}: downloads are switched off`);
  },
});

const printers = new Map<string, PdfmakeInstance>();

function createPrinter(fontsDir: string): PdfmakeInstance {
  for (const file of Object.values(ROBOTO_FILES)) {
    if (!fs.existsSync(path.join(fontsDir, file))) {
      throw new Error(`Font ${file} not found in ${fontsDir}; set OPENSTAAND_RESOURCES_DIR to the folder that holds fonts/.`);
    }
  }
  const realFontsDir = fs.realpathSync(fontsDir);
  // pdfmake 0.3 exports a ready-made singleton; we make our own instance of its class so that other
  // code that uses the singleton can neither see nor change our fonts and policies.
  const Pdfmake = (pdfmakeModule as unknown as { constructor: new () => PdfmakeInstance }).constructor;
  const printer = new Pdfmake();
  printer.virtualfs = emptyVirtualFs;
  shareFontsForVirtualFs(emptyVirtualFs);
  printer.setUrlAccessPolicy(() => false);
  printer.setLocalAccessPolicy((candidate) => {
    if (typeof candidate !== 'string') return false;
    try {
      return isInside(realFontsDir, fs.realpathSync(candidate));
    } catch {
      return false;
    }
  });
  printer.setFonts({
    Roboto: {
      normal: path.join(realFontsDir, ROBOTO_FILES.normal),
      bold: path.join(realFontsDir, ROBOTO_FILES.bold),
      italics: path.join(realFontsDir, ROBOTO_FILES.italics),
      bolditalics: path.join(realFontsDir, ROBOTO_FILES.bolditalics),
    },
  });
  return printer;
}

function printerFor(fontsDir: string): PdfmakeInstance {
  const key = path.resolve(fontsDir);
  let printer = printers.get(key);
  if (!printer) {
    printer = createPrinter(key);
    printers.set(key, printer);
  }
  return printer;
}

/**
 * Copies plain objects and arrays (pdfmake writes its layout state into the definition it is
 * given); functions, dates and byte arrays are shared.
 */
function cloneDefinition<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => cloneDefinition(item)) as T;
  if (value !== null && typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto === Object.prototype || proto === null) {
      const copy: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) copy[key] = cloneDefinition(item);
      return copy as T;
    }
  }
  return value;
}

/**
 * pdfmake hands an SVG's <image href> straight to pdfkit, past the local access policy; our SVGs
 * (the QR code) never contain one, so any SVG that does is refused. (SVGs returned by header,
 * footer or background functions are not seen here; ours have none.)
 */
function refuseSvgImages(value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach(refuseSvgImages);
  } else if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    const node = value as Record<string, unknown>;
    if (typeof node.svg === 'string' && /<image\b|<use\b|<feImage\b/i.test(node.svg)) {
      throw new Error('SVG with an <image>, <use> or <feImage> element refused: it could load a file or URL');
    }
    Object.values(node).forEach(refuseSvgImages);
  }
}

/**
 * Renders one document to PDF bytes: Roboto embedded (subset), A4 unless the definition says
 * otherwise, producer "Openstaand", no network access, local files only from the fonts folder. With
 * the same definition and creation date the bytes are the same on every run.
 */
export async function renderPdf(doc: TDocumentDefinitions, opts: RenderPdfOptions = {}): Promise<Uint8Array> {
  const printer = printerFor(opts.fontsDir ?? resolveFontsDir());
  const definition = cloneDefinition(doc);
  refuseSvgImages(definition);
  const creationDate = opts.creationDate ?? doc.info?.creationDate ?? new Date();
  definition.info = {
    creator: PDF_PRODUCER,
    ...definition.info,
    producer: PDF_PRODUCER,
    creationDate,
  };
  definition.pageSize ??= 'A4';
  definition.defaultStyle = { font: 'Roboto', ...definition.defaultStyle };
  const buffer = await printer.createPdf(definition).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

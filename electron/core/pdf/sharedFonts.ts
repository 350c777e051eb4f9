// Fonts shared between the documents that renderPdf makes (issue 7: a letter in under 150 ms).
//
// pdfmake gives every document its own pdfkit fonts: for each letter pdfkit read the TTF files
// again, fontkit decoded their tables anew (above all the GSUB/GPOS lookups) and shaped every word
// from scratch. That was about two thirds of a letter's rendering time, and none of it depends on
// the document. The documents of our pdfmake instances (recognised by their private virtual file
// system) share, per font file:
//   - the bytes and the decoded tables. Each document still gets its own fontkit font over them
//     (the way fontkit's own getVariation() shares tables between fonts), so its own glyph objects
//     and its own subset;
//   - the shapes of plain Latin words (glyph ids and positions), under the conditions in
//     layoutSharingShapes below.
// Glyph objects themselves are never shared: a glyph object keeps the code points it was first
// made with (the subsetter makes the components of accented letters with none), and those end up
// in the text layer (ToUnicode); shared, they would make a letter's text depend on the letters
// rendered before it. With these conditions a document's bytes are exactly those of pdfmake
// without sharing (tests/unit/pdf/renderPdf.test.ts). Other users of pdfmake in the process keep
// pdfmake's own behaviour.
//
// This hooks into pdfmake 0.3's PDFDocument.provideFont, pdfkit's EmbeddedFont and fontkit's
// TTFFont and GlyphRun, none of which is public API; package-lock pins them, and the tests named
// above fail if the hook stops taking effect or changes the output.
import { createRequire } from 'node:module';

/** The parts of fontkit's Glyph, GlyphPosition and GlyphRun that are used here. */
interface Glyph { id: number; codePoints: number[] }
interface GlyphPosition { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }
interface GlyphRun {
  glyphs: Glyph[];
  positions: GlyphPosition[];
  features: Record<string, boolean>;
  script: string;
  language: string | null;
  direction: string;
}
type GlyphRunClass = new (glyphs: Glyph[], features: undefined, script: string, language: null, direction: string) => GlyphRun;
type GlyphPositionClass = new (xAdvance: number, yAdvance: number, xOffset: number, yOffset: number) => GlyphPosition;
type Layout = (text: unknown, ...rest: unknown[]) => GlyphRun;

/** The parts of fontkit's TTFFont that are used here (pdfkit's EmbeddedFont wraps one). */
interface FontkitFont {
  stream: { buffer: Uint8Array; constructor: new (buffer: Uint8Array) => unknown };
  _tables: Record<string, unknown>;
  layout: Layout;
  glyphsForString(text: string): Glyph[];
  glyphForCodePoint(codePoint: number): Glyph;
}
type FontkitFontClass = new (stream: unknown) => FontkitFont;

/** The parts of pdfkit's EmbeddedFont that are used here. */
interface EmbeddedFont {
  font: FontkitFont;
  name: string;
}
type EmbeddedFontClass = new (document: PdfmakeDocument, font: FontkitFont, id: string) => EmbeddedFont;

/** The parts of pdfmake 0.3's PDFDocument (a pdfkit document) that are used here. */
interface PdfmakeDocument {
  virtualfs: unknown;
  fontCache: Record<string, Record<string, EmbeddedFont>>;
  _fontCount: number;
  _fontFamilies: Record<string, EmbeddedFont>;
  _font: EmbeddedFont;
  getFontType(bold: boolean, italics: boolean): string;
  getFontFile(family: string, bold: boolean, italics: boolean): unknown;
  validateLocalFile(path: unknown): void;
  provideFont(family: string, bold: boolean, italics: boolean): EmbeddedFont;
}

/** A word as fontkit shaped it: one glyph per character, unchanged by substitution. */
interface Shape {
  ids: number[];
  /** xAdvance, yAdvance, xOffset, yOffset per glyph, in font units. */
  positions: number[];
  features: string[];
  script: string;
  direction: string;
}

/** What the documents share per font file. */
interface SharedFont {
  EmbeddedFont: EmbeddedFontClass;
  FontkitFont: FontkitFontClass;
  Stream: new (buffer: Uint8Array) => unknown;
  bytes: Uint8Array;
  tables: Record<string, unknown>;
  shapes: Map<string, Shape>;
  /** Known after the first word has been shaped. */
  GlyphRun?: GlyphRunClass;
  GlyphPosition?: GlyphPositionClass;
}

/**
 * Plain Latin text: Basic Latin, Latin-1, Latin Extended-A/B, general punctuation and currency
 * signs. fontkit shapes it with its default shaper, which depends on nothing but the glyph ids and
 * code points (no script-specific shaper that looks up further glyphs).
 */
const PLAIN_LATIN = /^[\u0020-\u007e\u00a0-\u024f\u2000-\u206f\u20a0-\u20cf]+$/;
/** The shapes cache starts afresh when it holds this many words (a long session prints many names). */
const MAX_SHAPES = 20_000;

const sharedFonts = new Map<string, SharedFont>();
const vfsWithSharedFonts = new WeakSet<object>();
let installed = false;

/** Each glyph is the one the font maps its own character to, made with just that code point. */
function oneGlyphPerCharacter(font: FontkitFont, text: string, glyphs: readonly Glyph[]): boolean {
  if (glyphs.length !== text.length) return false;
  for (let i = 0; i < glyphs.length; i++) {
    const glyph = glyphs[i]!;
    const codePoint = text.charCodeAt(i);
    if (glyph !== font.glyphForCodePoint(codePoint) || glyph.codePoints.length !== 1 || glyph.codePoints[0] !== codePoint) return false;
  }
  return true;
}

/**
 * fontkit's layout(text) for a document's font, taking the shape of plain Latin words from the
 * shared cache. A shape is stored only when shaping changed no glyph (no ligature, nothing hidden)
 * and every glyph carried just its own character; it is used only when the document's glyphs for
 * the word are again exactly those. Then fontkit would find the same glyph ids with the same code
 * points and compute the same positions, and it would return the same glyph objects of this
 * document (which glyphsForString below makes, as fontkit's layout does first). Anything else —
 * features, other scripts, ligatures — is shaped by fontkit itself.
 */
function layoutSharingShapes(font: FontkitFont, shared: SharedFont): Layout {
  const layout = font.layout.bind(font);
  return (text, ...rest) => {
    if (typeof text !== 'string' || rest.some((arg) => arg !== undefined) || !PLAIN_LATIN.test(text)) return layout(text, ...rest);
    const shape = shared.shapes.get(text);
    if (shape && shared.GlyphRun && shared.GlyphPosition) {
      const glyphs = font.glyphsForString(text);
      if (oneGlyphPerCharacter(font, text, glyphs) && glyphs.every((glyph, i) => glyph.id === shape.ids[i])) {
        // fontkit's layout also looks up the space glyph (to hide default-ignorable characters).
        font.glyphForCodePoint(0x20);
        const run = new shared.GlyphRun(glyphs, undefined, shape.script, null, shape.direction);
        for (const feature of shape.features) run.features[feature] = true;
        const p = shape.positions;
        run.positions = glyphs.map((_, i) => new shared.GlyphPosition!(p[4 * i]!, p[4 * i + 1]!, p[4 * i + 2]!, p[4 * i + 3]!));
        return run;
      }
      return layout(text);
    }
    const run = layout(text);
    if (run.language === null && oneGlyphPerCharacter(font, text, run.glyphs)) {
      shared.GlyphRun ??= run.constructor as GlyphRunClass;
      shared.GlyphPosition ??= run.positions[0]?.constructor as GlyphPositionClass | undefined;
      if (shared.shapes.size >= MAX_SHAPES) shared.shapes.clear();
      // Copied now: pdfkit scales the run's positions in place once it has them.
      shared.shapes.set(text, {
        ids: run.glyphs.map((glyph) => glyph.id),
        positions: run.positions.flatMap((q) => [q.xAdvance, q.yAdvance, q.xOffset, q.yOffset]),
        features: Object.keys(run.features).filter((feature) => run.features[feature] === true),
        script: run.script,
        direction: run.direction,
      });
    }
    return run;
  };
}

/** Documents whose virtual file system is `virtualfs` (one of ours) share their fonts from now on. */
export function shareFontsForVirtualFs(virtualfs: object): void {
  vfsWithSharedFonts.add(virtualfs);
  if (installed) return;
  // The PDFDocument class that pdfmake's Printer instantiates (the same module instance as the one
  // behind `import 'pdfmake'`: both are resolved from this package's node_modules).
  const require = createRequire(import.meta.url);
  const exported = require('pdfmake/js/PDFDocument') as { default?: { prototype: PdfmakeDocument } };
  const proto = exported.default?.prototype;
  if (!proto || typeof proto.provideFont !== 'function') throw new Error('pdfmake/js/PDFDocument has no provideFont: pdfmake changed, see sharedFonts.ts');
  const original = proto.provideFont;
  proto.provideFont = function provideFont(this: PdfmakeDocument, family: string, bold: boolean, italics: boolean): EmbeddedFont {
    if (!vfsWithSharedFonts.has(this.virtualfs as object)) return original.call(this, family, bold, italics);
    const type = this.getFontType(bold, italics);
    const cached = this.fontCache[family]?.[type];
    if (cached) return cached;
    const file = this.getFontFile(family, bold, italics);
    // Only fonts given as a file path (ours); anything else goes pdfmake's own way.
    if (typeof file !== 'string') return original.call(this, family, bold, italics);
    let shared = sharedFonts.get(file);
    if (!shared) {
      // First use of this file in the process: pdfmake opens it (access policy included).
      const font = original.call(this, family, bold, italics);
      const fontkitFont = font.font;
      shared = {
        EmbeddedFont: font.constructor as EmbeddedFontClass,
        FontkitFont: fontkitFont.constructor as FontkitFontClass,
        Stream: fontkitFont.stream.constructor,
        bytes: fontkitFont.stream.buffer,
        tables: fontkitFont._tables,
        shapes: new Map(),
      };
      sharedFonts.set(file, shared);
      fontkitFont.layout = layoutSharingShapes(fontkitFont, shared);
      return font;
    }
    // The same check as when pdfmake opens the file, although nothing is read.
    this.validateLocalFile(file);
    // Then what pdfkit's doc.font(file) does, with a font over the shared bytes and tables (as
    // fontkit's getVariation builds one): the document's own font for this file, numbered in order
    // of first use (F1, F2, …) and known by its file and by its PostScript name.
    let font = this._fontFamilies[file];
    if (!font) {
      const fontkitFont = new shared.FontkitFont(new shared.Stream(shared.bytes));
      fontkitFont._tables = shared.tables;
      fontkitFont.layout = layoutSharingShapes(fontkitFont, shared);
      font = new shared.EmbeddedFont(this, fontkitFont, `F${++this._fontCount}`);
      const sameName = this._fontFamilies[font.name];
      if (sameName?.font._tables === shared.tables) font = sameName;
      else {
        this._fontFamilies[file] = font;
        this._fontFamilies[font.name] ??= font;
      }
    }
    this._font = font;
    (this.fontCache[family] ??= {})[type] = font;
    return font;
  };
  installed = true;
}

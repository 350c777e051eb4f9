// Concatenates the pages of several PDFs that our own renderer (pdfmake → pdfkit) produced, into
// one PDF for printing a batch. Why not one pdfmake document with page breaks: every letter is
// rendered on its own anyway (its bytes are the stored evidence), pdfmake's layout time grows
// faster than the page count (docs/style.md), and this way the printed pages are exactly the
// stored ones. pdfmake/pdfkit cannot merge and no merging library is installed.
//
// Scope, deliberately narrow: pdfkit writes a classic cross-reference table, no object streams,
// no encryption, direct /Length values and one page tree. Anything else is refused rather than
// guessed at. What it does:
//   - reads each file's xref table and trailer, and the objects reachable from its page tree
//     (the Catalog, Info and name tree are left behind);
//   - renumbers them (references are rewritten outside strings only; stream data is copied
//     byte for byte);
//   - gives every embedded font subset a new unique tag (pdfkit names every subset of every
//     document "BZZZZZ+…", and printers that identify fonts by name would mix them up);
//   - hangs each file's page tree under one new root, with a new Catalog and Info.

import { createHash } from 'node:crypto';

export class PdfMergeError extends Error {}

interface ParsedObject { num: number; head: string; tail: string }
interface ParsedPdf { objects: Map<number, ParsedObject>; pagesRoot: number; pageCount: number }

function fail(message: string): never {
  throw new PdfMergeError(`PDF samenvoegen mislukt: ${message}`);
}

/** Applies `fn` to the parts of `text` that are not inside a literal (…) or hex <…> string. */
function outsideStrings(text: string, fn: (segment: string) => string): string {
  let out = '';
  let segment = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '(') {
      out += fn(segment);
      segment = '';
      let depth = 0;
      let j = i;
      for (; j < text.length; j++) {
        const ch = text[j];
        if (ch === '\\') { j++; continue; }
        if (ch === '(') depth++;
        else if (ch === ')' && --depth === 0) break;
      }
      if (j >= text.length) fail('onafgesloten tekst in een object');
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '<' && text[i + 1] !== '<') {
      out += fn(segment);
      segment = '';
      const j = text.indexOf('>', i);
      if (j < 0) fail('onafgesloten hex-tekst in een object');
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '<' || c === '>') {
      // "<<" or ">>": keep both characters together so that "<<" is never read as a hex string.
      segment += text.slice(i, i + 2);
      i += 2;
    } else {
      segment += c;
      i++;
    }
  }
  return out + fn(segment);
}

const REF = /(?<![\d.])(\d+) (\d+) R(?![A-Za-z0-9])/g;

function refsIn(head: string): number[] {
  const refs: number[] = [];
  outsideStrings(head, (segment) => {
    for (const m of segment.matchAll(REF)) refs.push(Number(m[1]));
    return segment;
  });
  return refs;
}

function parsePdf(bytes: Uint8Array, index: number): ParsedPdf {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!text.startsWith('%PDF-')) fail(`bestand ${index + 1} is geen PDF`);
  const startxrefAt = text.lastIndexOf('startxref');
  if (startxrefAt < 0) fail(`bestand ${index + 1} heeft geen startxref`);
  const xrefOffset = Number(/^startxref\s+(\d+)/.exec(text.slice(startxrefAt))?.[1] ?? NaN);
  if (!Number.isFinite(xrefOffset) || !text.startsWith('xref', xrefOffset)) fail(`bestand ${index + 1}: geen klassieke xref-tabel`);
  const trailerAt = text.indexOf('trailer', xrefOffset);
  if (trailerAt < 0) fail(`bestand ${index + 1} heeft geen trailer`);
  const trailer = text.slice(trailerAt, startxrefAt);
  if (/\/Encrypt\b/.test(trailer) || /\/Prev\b/.test(trailer)) fail(`bestand ${index + 1} is versleuteld of bijgewerkt`);
  const rootNum = Number(/\/Root (\d+) 0 R/.exec(trailer)?.[1] ?? NaN);
  if (!Number.isFinite(rootNum)) fail(`bestand ${index + 1}: geen /Root`);

  // The xref table: subsections "start count", then `count` entries "oooooooooo ggggg n|f".
  const offsets = new Map<number, number>();
  const lines = text.slice(xrefOffset + 4, trailerAt).split(/\r?\n|\r/).map((l) => l.trim()).filter((l) => l !== '');
  for (let li = 0; li < lines.length; ) {
    const header = /^(\d+) (\d+)$/.exec(lines[li]!);
    if (!header) fail(`bestand ${index + 1}: onleesbare xref-tabel`);
    const start = Number(header[1]), count = Number(header[2]);
    for (let k = 0; k < count; k++) {
      const entry = /^(\d{10}) (\d{5}) ([nf])$/.exec(lines[li + 1 + k] ?? '');
      if (!entry) fail(`bestand ${index + 1}: onleesbare xref-regel`);
      if (entry[3] === 'n') offsets.set(start + k, Number(entry[1]));
    }
    li += 1 + count;
  }
  const sorted = [...offsets.entries()].sort((a, b) => a[1] - b[1]);
  const objects = new Map<number, ParsedObject>();
  sorted.forEach(([num, offset], k) => {
    const end = k + 1 < sorted.length ? sorted[k + 1]![1] : xrefOffset;
    const chunk = text.slice(offset, end);
    const header = new RegExp(`^${num} 0 obj\\s*`).exec(chunk);
    if (!header) fail(`bestand ${index + 1}: object ${num} staat niet waar de xref-tabel zegt`);
    const body = chunk.slice(header[0].length);
    const streamAt = body.indexOf('\nstream\n');
    const endobjAt = body.lastIndexOf('endobj');
    if (endobjAt < 0) fail(`bestand ${index + 1}: object ${num} heeft geen endobj`);
    const headEnd = streamAt >= 0 && streamAt < endobjAt ? streamAt : body.lastIndexOf('\n', endobjAt) >= 0 ? body.lastIndexOf('\n', endobjAt) : endobjAt;
    const head = body.slice(0, headEnd);
    if (streamAt >= 0 && streamAt < endobjAt && !head.trimEnd().endsWith('>>')) fail(`bestand ${index + 1}: object ${num} is geen stream zoals verwacht`);
    objects.set(num, { num, head, tail: body.slice(headEnd, endobjAt + 'endobj'.length) });
  });

  const catalog = objects.get(rootNum) ?? fail(`bestand ${index + 1}: de Catalog ontbreekt`);
  const pagesRoot = Number(/\/Pages (\d+) 0 R/.exec(catalog.head)?.[1] ?? NaN);
  const pages = objects.get(pagesRoot) ?? fail(`bestand ${index + 1}: de paginaboom ontbreekt`);
  if (!/\/Type \/Pages\b/.test(pages.head)) fail(`bestand ${index + 1}: /Pages is geen paginaboom`);
  const pageCount = Number(/\/Count (\d+)/.exec(pages.head)?.[1] ?? NaN);
  if (!Number.isFinite(pageCount)) fail(`bestand ${index + 1}: aantal pagina's onbekend`);
  return { objects, pagesRoot, pageCount };
}

/** Six capital letters, unique per number: the tag of a renamed font subset. */
function subsetTag(n: number): string {
  let tag = '';
  for (let i = 0; i < 6; i++) { tag = String.fromCharCode(65 + (n % 26)) + tag; n = Math.floor(n / 26); }
  return tag;
}

/** A PDF text string: ASCII as a literal, anything else as UTF-16BE hex with a byte order mark. */
function pdfString(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return `(${value.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

export interface MergeOptions {
  title?: string;
  /** BCP 47, e.g. nl-NL. */
  language?: string;
  creationDate?: Date;
}

/** One PDF with all pages of `files`, in order. Throws PdfMergeError on a file it does not understand. */
export function mergePdfs(files: readonly Uint8Array[], opts: MergeOptions = {}): { bytes: Uint8Array; pages: number } {
  if (files.length === 0) fail('geen bestanden');
  const parsed = files.map(parsePdf);
  // New numbers: 1 Catalog, 2 the root page tree, 3 Info, then the objects of each file.
  let next = 4;
  let tagCounter = 0;
  const bodies: { num: number; text: string }[] = [];
  const kids: number[] = [];
  let totalPages = 0;
  for (const pdf of parsed) {
    // The objects reachable from the page tree, in a stable order.
    const reach: number[] = [];
    const seen = new Set<number>();
    const queue = [pdf.pagesRoot];
    while (queue.length > 0) {
      const num = queue.shift()!;
      if (seen.has(num)) continue;
      const object = pdf.objects.get(num) ?? fail(`verwijzing naar ontbrekend object ${num}`);
      seen.add(num);
      reach.push(num);
      queue.push(...refsIn(object.head));
    }
    const renumber = new Map<number, number>();
    for (const num of [...reach].sort((a, b) => a - b)) renumber.set(num, next++);
    const tags = new Map<string, string>();
    for (const num of [...reach].sort((a, b) => a - b)) {
      const object = pdf.objects.get(num)!;
      let head = outsideStrings(object.head, (segment) => segment
        .replace(REF, (_m, n: string) => `${renumber.get(Number(n)) ?? fail(`onbekende verwijzing ${n}`)} 0 R`)
        .replace(/\/([A-Z]{6})\+/g, (_m, tag: string) => {
          if (!tags.has(tag)) tags.set(tag, subsetTag(tagCounter++));
          return `/${tags.get(tag)!}+`;
        }));
      if (num === pdf.pagesRoot) {
        if (/\/Parent\b/.test(head)) fail('de paginaboom heeft al een ouder');
        head = head.replace('<<', '<<\n/Parent 2 0 R');
      }
      bodies.push({ num: renumber.get(num)!, text: `${head}${object.tail}` });
    }
    kids.push(renumber.get(pdf.pagesRoot)!);
    totalPages += pdf.pageCount;
  }

  const created = opts.creationDate ?? new Date();
  const stamp = `D:${created.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
  const info = [`/Producer ${pdfString('Openstaand')}`, `/Creator ${pdfString('Openstaand')}`, `/CreationDate ${pdfString(stamp)}`];
  if (opts.title) info.push(`/Title ${pdfString(opts.title)}`);
  const head: { num: number; text: string }[] = [
    { num: 1, text: `<<\n/Type /Catalog\n/Pages 2 0 R${opts.language ? `\n/Lang ${pdfString(opts.language)}` : ''}\n>>\nendobj` },
    { num: 2, text: `<<\n/Type /Pages\n/Count ${totalPages}\n/Kids [${kids.map((k) => `${k} 0 R`).join(' ')}]\n>>\nendobj` },
    { num: 3, text: `<<\n${info.join('\n')}\n>>\nendobj` },
  ];
  const all = [...head, ...bodies].sort((a, b) => a.num - b.num);

  const chunks: Buffer[] = [Buffer.from('%PDF-1.3\n%\xff\xff\xff\xff\n', 'latin1')];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  for (const object of all) {
    offsets[object.num] = offset;
    const chunk = Buffer.from(`${object.num} 0 obj\n${object.text.replace(/^\s+/, '')}\n`, 'latin1');
    chunks.push(chunk);
    offset += chunk.length;
  }
  const size = all.length + 1;
  let xref = `xref\n0 ${size}\n0000000000 65535 f \n`;
  for (let n = 1; n < size; n++) xref += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
  // The file identifier: a digest of the content, so the same letters give the same bytes.
  const hash = createHash('sha256');
  for (const c of chunks) hash.update(c);
  const id = hash.digest('hex').slice(0, 32);
  xref += `trailer\n<<\n/Size ${size}\n/Root 1 0 R\n/Info 3 0 R\n/ID [<${id}> <${id}>]\n>>\nstartxref\n${offset}\n%%EOF\n`;
  chunks.push(Buffer.from(xref, 'latin1'));
  const out = Buffer.concat(chunks);
  return { bytes: new Uint8Array(out.buffer, out.byteOffset, out.byteLength), pages: totalPages };
}

/** The number of pages of a PDF our renderer made (the /Count of its page tree). */
export function pdfPageCount(bytes: Uint8Array): number {
  return parsePdf(bytes, 0).pageCount;
}

// Reading rendered PDFs back with the Debian tools: pdftotext, pdfinfo, pdffonts, pdftoppm
// (poppler-utils) and zbarimg (zbar-tools). Each runs on a temporary file.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const MM_PER_PT = 25.4 / 72;

/** True when `tool` can be started (it does not matter what it prints). */
export function hasTool(tool: string): boolean {
  const result = spawnSync(tool, ['-v'], { encoding: 'utf8' });
  return !(result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT');
}

export const POPPLER_MISSING_REASON =
  'pdftotext (poppler-utils) is not installed: `apt-get install -y poppler-utils`. Required when CI is set.';
export const ZBAR_MISSING_REASON =
  'zbarimg (zbar-tools) is not installed: `apt-get install -y zbar-tools`. Required when CI is set (.ci/run installs it).';

let tempDir: string | undefined;
let counter = 0;

/** Writes the bytes to a fresh temporary .pdf file and returns its path. */
export function writeTempPdf(bytes: Uint8Array): string {
  tempDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'openstaand-pdf-'));
  const file = path.join(tempDir, `doc-${process.pid}-${counter++}.pdf`);
  fs.writeFileSync(file, bytes);
  return file;
}

export function removeTempFiles(): void {
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  tempDir = undefined;
}

function run(tool: string, args: string[]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

/** `pdftotext -layout`; pages are separated by form feeds. */
export function pdfText(bytes: Uint8Array, options: { layout?: boolean; firstPage?: number; lastPage?: number } = {}): string {
  const args = [];
  if (options.layout !== false) args.push('-layout');
  if (options.firstPage) args.push('-f', String(options.firstPage));
  if (options.lastPage) args.push('-l', String(options.lastPage));
  return run('pdftotext', [...args, writeTempPdf(bytes), '-']);
}

/** Text per page (pdftotext -layout), whitespace runs folded to one space. */
export function pdfPagesText(bytes: Uint8Array): string[] {
  const pages = pdfText(bytes).split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages.map(squash);
}

export function squash(text: string): string {
  return text.replace(/[ \t\u00a0]+/g, ' ');
}

export interface Word {
  page: number;
  text: string;
  /** Millimetres from the top left corner of the page. */
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Every word with its box (pdftotext -bbox), converted from points to millimetres. */
export function pdfWords(bytes: Uint8Array): Word[] {
  const html = run('pdftotext', ['-bbox', writeTempPdf(bytes), '-']);
  const words: Word[] = [];
  const pages = html.split(/<page /).slice(1);
  pages.forEach((pageHtml, index) => {
    const pattern = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
    for (let m = pattern.exec(pageHtml); m; m = pattern.exec(pageHtml)) {
      words.push({
        page: index + 1,
        text: m[5]!.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]!),
        xMin: Number(m[1]) * MM_PER_PT,
        yMin: Number(m[2]) * MM_PER_PT,
        xMax: Number(m[3]) * MM_PER_PT,
        yMax: Number(m[4]) * MM_PER_PT,
      });
    }
  });
  return words;
}

/** `pdfinfo` as key → value. */
export function pdfInfo(bytes: Uint8Array): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of run('pdfinfo', ['-isodates', writeTempPdf(bytes)]).split('\n')) {
    const at = line.indexOf(':');
    if (at > 0) info[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return info;
}

/** `pdffonts`: one row per font (name, type, embedded). */
export function pdfFonts(bytes: Uint8Array): { name: string; embedded: boolean }[] {
  const lines = run('pdffonts', [writeTempPdf(bytes)]).split('\n').slice(2).filter((l) => l.trim() !== '');
  return lines.map((line) => {
    const columns = line.trim().split(/\s+/);
    // name type [encoding words] emb sub uni object ID
    return { name: columns[0]!, embedded: columns.at(-5) === 'yes' };
  });
}

/** One page as a colour raster (pdftoppm, PPM). */
export function pdfPageRaster(bytes: Uint8Array, page: number, dpi: number): { width: number; height: number; rgb: (x: number, y: number) => [number, number, number] } {
  const file = writeTempPdf(bytes);
  const out = `${file}-raster`;
  run('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, out]);
  const data = fs.readFileSync(`${out}.ppm`);
  // P6 header: magic, width, height, maxval, each followed by whitespace.
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('Not a binary PPM');
  const width = Number(header[1]), height = Number(header[2]);
  const offset = header[0].length;
  return {
    width,
    height,
    rgb: (x, y) => {
      const i = offset + (y * width + x) * 3;
      return [data[i]!, data[i + 1]!, data[i + 2]!];
    },
  };
}

/** Renders every page to PNG and returns what zbarimg decodes on each page that has a code (UTF-8). */
export function decodeQrCodes(bytes: Uint8Array, dpi = 150): string[] {
  const file = writeTempPdf(bytes);
  const prefix = `${file}-qr`;
  run('pdftoppm', ['-png', '-r', String(dpi), file, prefix]);
  const dir = path.dirname(prefix);
  const pngs = fs.readdirSync(dir).filter((name) => name.startsWith(path.basename(prefix)) && name.endsWith('.png')).sort();
  const found: string[] = [];
  for (const png of pngs) {
    // -Sbinary: the raw bytes, not zbar's guess at their character set (it guesses Shift-JIS for UTF-8).
    const result = spawnSync('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', '-Sbinary', path.join(dir, png)]);
    if (result.status === 0 && result.stdout.length > 0) found.push(result.stdout.toString('utf8').replace(/\n$/, ''));
  }
  return found;
}

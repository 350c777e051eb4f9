import iconv from 'iconv-lite';
import { ImportError } from './importError';

export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** True when the file started with a byte order mark (it is not part of `text`). */
  bom: boolean;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const hasUtf8Bom = (b: Uint8Array) => b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
const utf16Bom = (b: Uint8Array): 'utf-16le' | 'utf-16be' | null =>
  b.length >= 2 && b[0] === 0xff && b[1] === 0xfe ? 'utf-16le' : b.length >= 2 && b[0] === 0xfe && b[1] === 0xff ? 'utf-16be' : null;

/** A zip archive starts with a local file header (or, when empty, the end-of-directory record). */
export const isZip = (b: Uint8Array) =>
  b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && ((b[2] === 0x03 && b[3] === 0x04) || (b[2] === 0x05 && b[3] === 0x06));

/**
 * True when the bytes are not text: a NUL byte anywhere, or many control characters near the start
 * (a picture, a PDF or a program renamed to .xml/.csv/.sta). UTF-16 with a byte order mark is text.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (utf16Bom(bytes)) return false;
  if (bytes.indexOf(0) !== -1) return true;
  const n = Math.min(bytes.length, 64 * 1024);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = bytes[i]!;
    // Tab, LF, VT, FF, CR are text; Ctrl-Z (0x1a) ends old DOS files; ESC appears in nothing we read.
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1a) controls++;
  }
  return controls > Math.max(2, n / 100);
}

/** The error for a binary file, named after the kind of file its name promises. */
export function notTextError(fileName: string, expected?: 'xml' | 'csv' | 'mt940'): ImportError {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const kind =
    expected ??
    (ext === 'xml' ? 'xml' : ['csv', 'txt', 'tab'].includes(ext) ? 'csv' : ['sta', '940', 'mt940', 'swi', 'mt9'].includes(ext) ? 'mt940' : undefined);
  switch (kind) {
    case 'xml':
      return new ImportError('not-xml', 'Dit is geen XML-bestand: het bevat binaire gegevens. Kies het XML-bestand dat u bij uw bank of boekhoudpakket hebt gedownload.', 'This is not an XML file: it contains binary data. Choose the XML file downloaded from your bank or invoicing software.');
    case 'csv':
      return new ImportError('not-csv', 'Dit is geen CSV- of tekstbestand: het bevat binaire gegevens (misschien een Excel-bestand?). Sla het op als CSV en probeer opnieuw.', 'This is not a CSV or text file: it contains binary data (an Excel file, perhaps?). Save it as CSV and try again.');
    case 'mt940':
      return new ImportError('not-mt940', 'Dit is geen MT940-bestand: het bevat binaire gegevens.', 'This is not an MT940 file: it contains binary data.');
    default:
      return new ImportError('not-text', 'Dit bestand bevat binaire gegevens en is geen afschrift of factuur die Openstaand kan lezen.', 'This file contains binary data; it is not a statement or invoice Openstaand can read.');
  }
}

/**
 * Bytes to text: a byte order mark decides; otherwise valid UTF-8 is UTF-8 and anything else is
 * Windows-1252 (a superset of the printable ISO-8859-1 characters, so Latin-1 files read the same).
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const bom16 = utf16Bom(bytes);
  if (bom16) {
    return { text: new TextDecoder(bom16, { ignoreBOM: true }).decode(bytes.subarray(2)), encoding: bom16, bom: true };
  }
  if (hasUtf8Bom(bytes)) {
    try {
      return { text: utf8Strict.decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
    } catch {
      throw new ImportError('encoding', 'Het bestand zegt UTF-8 te zijn maar bevat ongeldige tekens.', 'The file says it is UTF-8 but contains invalid characters.');
    }
  }
  try {
    return { text: utf8Strict.decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'win1252'), encoding: 'windows-1252', bom: false };
  }
}

/** Decodes with a named single-byte or UTF-8 encoding (for XML that declares its encoding). */
export function decodeAs(bytes: Uint8Array, encoding: 'utf-8' | 'windows-1252' | 'iso-8859-1' | 'iso-8859-15'): string {
  if (encoding === 'utf-8') return utf8Strict.decode(hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding === 'windows-1252' ? 'win1252' : encoding);
}

/** Line endings to \n, and a trailing Ctrl-Z (old DOS end-of-file) removed. */
export const normaliseNewlines = (text: string) => text.replace(/\r\n?/g, '\n').replace(new RegExp(`${String.fromCharCode(0x1a)}+\\s*$`), '');

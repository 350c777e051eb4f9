// A CSV (or tab-separated) file read into a table of strings. Nothing in a cell is ever evaluated:
// "=SUM(A1)" stays the text "=SUM(A1)".
import Papa from 'papaparse';
import { ImportError, malformed } from './importError';
import { assertImportSize } from './limits';
import { decodeText, looksBinary, normaliseNewlines, notTextError, type TextEncodingName } from './textDecoding';

export type CsvDelimiter = ';' | ',' | '\t';

export interface CsvTable {
  delimiter: CsvDelimiter;
  /** The text encoding found (a byte order mark, if any, is removed). */
  encoding: TextEncodingName;
  /** The first row. */
  headers: string[];
  /** Every row after the first; empty rows left out. */
  rows: string[][];
}

const CANDIDATES: CsvDelimiter[] = [';', '\t', ','];

/** The delimiter that splits the first lines into the most consistent number of (more than one) fields. */
function guessDelimiter(text: string): CsvDelimiter {
  let best: { d: CsvDelimiter; score: number } = { d: ',', score: -1 };
  for (const d of CANDIDATES) {
    const { data } = Papa.parse<string[]>(text, { delimiter: d, preview: 25, skipEmptyLines: 'greedy' });
    const counts = data.map((r) => r.length);
    const freq = new Map<number, number>();
    for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
    let mode = 1, modeFreq = 0;
    for (const [c, f] of freq) if (f > modeFreq || (f === modeFreq && c > mode)) { mode = c; modeFreq = f; }
    const score = mode > 1 ? modeFreq * 1000 + mode : 0;
    if (score > best.score) best = { d, score };
  }
  return best.d;
}

/** Reads CSV bytes: encoding (UTF-8 with or without BOM, else Windows-1252), delimiter, rows. */
export function sniffCsv(bytes: Uint8Array, fileName = ''): CsvTable {
  assertImportSize(bytes);
  if (looksBinary(bytes)) throw notTextError(fileName, 'csv');
  const decoded = decodeText(bytes);
  let text = normaliseNewlines(decoded.text);
  let delimiter: CsvDelimiter | undefined;
  const sep = /^sep=(.)\n/i.exec(text); // Excel's hint line
  if (sep && CANDIDATES.includes(sep[1] as CsvDelimiter)) {
    delimiter = sep[1] as CsvDelimiter;
    text = text.slice(sep[0].length);
  }
  delimiter ??= guessDelimiter(text);
  const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy', newline: '\n' });
  const missingQuote = result.errors.find((e) => e.code === 'MissingQuotes');
  if (missingQuote) {
    const row = (missingQuote.row ?? 0) + 1;
    throw malformed(`Het CSV-bestand is beschadigd: een aanhalingsteken wordt niet gesloten (rij ${row}).`, `The CSV file is damaged: a quote is never closed (row ${row}).`, { row });
  }
  const [headers = [], ...rows] = result.data;
  if (headers.length === 0) throw new ImportError('empty', 'Het CSV-bestand bevat geen regels.', 'The CSV file contains no rows.');
  return { delimiter, encoding: decoded.encoding, headers: headers.map((h) => h.trim()), rows };
}

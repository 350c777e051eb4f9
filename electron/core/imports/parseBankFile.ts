// One entry point for every bank file: the format is recognised from the content (the file name
// only chooses the wording of an error), zips are unpacked, balances are checked.
import { assertBalancesAddUp } from './balances';
import { detectBankCsv, parseAbnAmroTab, parseIngCsv, parseRabobankCsv } from './bankCsv';
import { parseCamt } from './camt';
import { sniffCsv } from './csvTable';
import { asImportError, ImportError } from './importError';
import { assertImportSize } from './limits';
import { looksLikeMt940, parseMt940 } from './mt940';
import { decodeText, isZip, looksBinary, notTextError } from './textDecoding';
import type { BankStatement } from './types';
import { parseXmlSafely } from './xmlSafe';
import { unzipSafely } from './zipSafe';

export interface ParseBankOptions {
  /**
   * Refuse a statement whose opening balance plus its lines is not its closing balance (default
   * true). Only for reading damaged files to show what is in them; never switch it off on import.
   */
  checkBalances?: boolean;
}

const SUPPORTED_NL = 'camt.053, camt.054, MT940 (.sta/.940), de CSV-export van ING of Rabobank, of het TXT-bestand van ABN AMRO';
const SUPPORTED_EN = 'camt.053, camt.054, MT940 (.sta/.940), the CSV export of ING or Rabobank, or the ABN AMRO TXT file';

function unsupported(extra = '', extraEn = ''): ImportError {
  return new ImportError('unsupported-format', `${extra}Openstaand herkent dit bestand niet als bankafschrift. Kies een ${SUPPORTED_NL}.`, `${extraEn}Openstaand does not recognise this file as a bank statement. Choose a ${SUPPORTED_EN}.`);
}

/** The first character that is not a byte order mark or whitespace (enough to tell XML apart). */
function startsWithTag(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return /^\s*</.test(decodeText(bytes.subarray(0, 512)).text);
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3c;
}

function parseOne(fileName: string, bytes: Uint8Array): BankStatement[] {
  if (looksBinary(bytes)) throw notTextError(fileName);
  if (startsWithTag(bytes)) {
    const doc = parseXmlSafely(bytes, fileName);
    if (doc.rootName === 'Invoice' || doc.rootName === 'CreditNote') {
      throw unsupported('Dit is een factuur (UBL), geen bankafschrift. ', 'This is an invoice (UBL), not a bank statement. ');
    }
    return parseCamt(doc, fileName);
  }
  const { text } = decodeText(bytes);
  if (looksLikeMt940(text)) return parseMt940(text, fileName);
  const table = sniffCsv(bytes, fileName);
  switch (detectBankCsv(table)) {
    case 'csv-ing': return parseIngCsv(table, fileName);
    case 'csv-rabobank': return parseRabobankCsv(table, fileName);
    case 'csv-abnamro': return parseAbnAmroTab(table, fileName);
    default: throw unsupported();
  }
}

/**
 * Reads a bank file (or a zip of them) into statements. Throws ImportError, and only that, for
 * anything it cannot or will not read.
 */
export function parseBankFile(fileName: string, bytes: Uint8Array, options: ParseBankOptions = {}): BankStatement[] {
  try {
    assertImportSize(bytes);
    const parts: { name: string; statements: BankStatement[] }[] = [];
    if (isZip(bytes)) {
      const entries = unzipSafely(bytes);
      if (entries.length === 0) throw new ImportError('empty', 'Het zip-bestand bevat geen bestanden.', 'The zip file contains no files.');
      for (const entry of entries) {
        if (isZip(entry.bytes)) throw unsupported('Een zip in een zip wordt niet uitgepakt. ', 'A zip inside a zip is not unpacked. ').inFile(entry.name);
        try {
          assertImportSize(entry.bytes);
          parts.push({ name: entry.name, statements: parseOne(entry.name, entry.bytes) });
        } catch (e) {
          throw asImportError(e).inFile(entry.name);
        }
      }
    } else {
      parts.push({ name: '', statements: parseOne(fileName, bytes) });
    }
    if (options.checkBalances !== false) {
      for (const part of parts) {
        for (const st of part.statements) {
          try {
            assertBalancesAddUp(st);
          } catch (e) {
            throw part.name ? asImportError(e).inFile(part.name) : e;
          }
        }
      }
    }
    return parts.flatMap((p) => p.statements);
  } catch (e) {
    throw asImportError(e);
  }
}

/*
 * CSV for Dutch Excel: opened by double-click, it must land in the right columns with the right
 * numbers. So: a UTF-8 byte order mark (else Excel reads "Özdemir" as "Ã–zdemir"), semicolons
 * between fields (the list separator of a Dutch Windows), a decimal comma and no thousands
 * separator, dates as dd-mm-jjjj, CRLF line ends.
 *
 * Formula injection (CSV injection, OWASP): a text cell that starts with = + - @ (or a tab or
 * carriage return) would be run as a formula by Excel; it gets a leading apostrophe. Numbers are
 * written by this module itself, so a negative number stays a number.
 */
import { formatDate } from '../../../shared/domain/dates';

export type Cell =
  | string
  | null
  | { cents: number }
  | { number: number; decimals?: number }
  | { percent: number | null }
  | { date: string };

const FORMULA_START = /^[=+\-@\t\r]/;

/** A decimal number the Dutch way: `-1234,5`. */
function decimal(n: number, decimals: number): string {
  return n.toFixed(decimals).replace('.', ',');
}

function text(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return FORMULA_START.test(cell) ? `'${cell}` : cell;
  if ('cents' in cell) {
    const sign = cell.cents < 0 ? '-' : '';
    const abs = Math.abs(cell.cents);
    return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
  }
  if ('percent' in cell) return cell.percent === null ? '' : decimal(cell.percent * 100, 1);
  if ('date' in cell) return formatDate(cell.date);
  return decimal(cell.number, cell.decimals ?? 0);
}

function quoted(s: string): string {
  return /[;"\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const BOM = '\uFEFF';

/** The whole file: BOM, header line, rows. */
export function toCsv(header: string[], rows: Cell[][]): string {
  const line = (cells: Cell[]) => cells.map((c) => quoted(text(c))).join(';');
  return BOM + [line(header), ...rows.map(line)].join('\r\n') + '\r\n';
}

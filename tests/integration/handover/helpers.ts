// Shared tools for the handover tests: demo debtors by name, unzipping a dossier, reading its CSVs.
import { unzipSync } from 'fflate';
import type { Backend } from '../../../electron/core/backend';
import { call } from '../../helpers/backend';

export async function debtorByName(backend: Backend, name: string) {
  const debtor = (await call(backend, 'debtors.list', {})).find((d) => d.name === name);
  if (!debtor) throw new Error(`No debtor ${name}`);
  return debtor;
}

export function unzipBase64(dataBase64: string): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(Buffer.from(dataBase64, 'base64')));
}

export const utf8 = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

/** A `;` CSV with "…" quoting (as Excel writes and reads it) into rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += c;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows;
}

/** `1234,56` (CSV) → cents. */
export function csvCents(text: string): number {
  const m = /^(\d+),(\d{2})$/.exec(text);
  if (!m) throw new Error(`Not a decimal-comma amount: ${JSON.stringify(text)}`);
  return Number(m[1]) * 100 + Number(m[2]);
}

/** `€ 1.234,56` (PDF text) → cents. */
export function euroCents(text: string): number {
  const m = /(-?)€\s?([\d.]+),(\d{2})/.exec(text);
  if (!m) throw new Error(`No amount in ${JSON.stringify(text)}`);
  return (m[1] ? -1 : 1) * (Number(m[2]!.replace(/\./g, '')) * 100 + Number(m[3]));
}

/** A small binary "PDF": the header and then bytes that any re-encoding would change. */
export function fakePdf(seed: number): Uint8Array {
  const body = new Uint8Array(600);
  for (let i = 0; i < body.length; i++) body[i] = (i * 31 + seed * 17) % 256;
  return new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...body, ...new TextEncoder().encode('\n%%EOF\n')]);
}

// SWIFT MT940 customer statements as Dutch banks deliver them: with or without the SWIFT
// {1:…}{2:…}{4: … -} envelope, with the banks' own header lines (ING "0000 01INGBNL2AXXXX00001",
// ABN AMRO "ABNANL2A / 940", Rabobank ":940:"), several statements per file (each starting at
// :20:), CRLF or LF. The :86: layouts are read by mt940Narrative.
import { entryDateNear, fromYYMMDD } from './dates';
import { decimalToCents } from './decimal';
import { classifyAccount, compactAccount, isValidIban, looksLikeIban } from './iban';
import { malformed } from './importError';
import { looksLikePaymentReference, parseNarrative } from './mt940Narrative';
import { compact } from './objects';
import { normaliseNewlines } from './textDecoding';
import type { BankStatement, BankTransaction, StatementBalance } from './types';

interface Field {
  tag: string;
  lines: string[];
  line: number;
}

/** True when the text has the fields of an MT940 statement. */
export function looksLikeMt940(text: string): boolean {
  return /(^|\n)\s*:20:/.test(text) && /(^|\n):(25|60[FM]|61|62[FM]):/.test(text);
}

const TERMINATOR = /^-(XXX)?\}?\s*$/;

function splitFields(text: string): Field[][] {
  const cleaned = normaliseNewlines(text)
    .replace(/\u00ad/g, '-') // old ING files write the dashes in dates as soft hyphens (0xAD)
    .replace(/\{[1235]:[^{}]*\}/g, '\n') // SWIFT basic, application, user and trailer blocks
    .replace(/\{4:/g, '\n')
    .replace(/\n-\}/g, '\n-');
  const statements: Field[][] = [];
  let current: Field[] | null = null;
  let field: Field | null = null;
  cleaned.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return; // blank and padding-only lines carry nothing
    const line = raw;
    if (TERMINATOR.test(line)) { field = null; current = null; return; }
    const m = /^:(\d{2}[A-Z]?):(.*)$/.exec(line);
    if (m) {
      const tag = m[1]!;
      if (tag === '20' || !current) {
        current = [];
        statements.push(current);
      }
      field = { tag, lines: [m[2]!], line: i + 1 };
      current.push(field);
      return;
    }
    if (field) (field as Field).lines.push(line);
  });
  return statements.filter((s) => s.some((f) => f.tag === '61' || f.tag.startsWith('60') || f.tag.startsWith('62')));
}

function balance(f: Field | undefined): (StatementBalance & { currency: string }) | undefined {
  if (!f) return undefined;
  const m = /^([CD])(\d{6})([A-Z]{3})(\d+(?:,\d*)?)$/.exec(f.lines.join('').trim());
  const date = m ? fromYYMMDD(m[2]!) : null;
  const cents = m ? decimalToCents(m[4]!, { decimalSeparator: ',' }) : null;
  if (!m || !date || cents === null) {
    throw malformed(`Ongeldig saldo in veld :${f.tag}: (regel ${f.line}): "${f.lines.join('')}".`, `Invalid balance in field :${f.tag}: (line ${f.line}): "${f.lines.join('')}".`, { line: f.line });
  }
  return { date, amount: m[1] === 'D' ? -cents || 0 : cents, currency: m[3]! };
}

/** :25: "NL71RABO0123456789", "NL62INGB0001212121EUR", "TRIODOSBANK/0390123456", "517852257". */
function account(value: string | undefined): { accountIban?: string; accountNumber?: string } {
  if (!value) return {};
  let s = compactAccount(value.split('/').pop() ?? value);
  const withCurrency = /^(.*?)([A-Z]{3})$/.exec(s);
  if (withCurrency && looksLikeIban(withCurrency[1]!) && (isValidIban(withCurrency[1]!) || !isValidIban(s)) && withCurrency[1]!.length >= 15) s = withCurrency[1]!;
  const a = classifyAccount(s);
  return a.iban ? { accountIban: a.iban } : a.account ? { accountNumber: a.account } : {};
}

const LINE_61 = /^(\d{6})(\d{4})?(RC|RD|C|D)([A-Z])?(\d+(?:,\d*)?)([NFS])([A-Z0-9 ]{3})(.*)$/;

function transaction(f61: Field, f86: Field | undefined, currency: string): BankTransaction {
  const first = (f61.lines[0] ?? '').trim();
  const m = LINE_61.exec(first);
  const where = `regel ${f61.line}`;
  if (!m) throw malformed(`Ongeldige transactieregel :61: (${where}): "${first}".`, `Invalid transaction line :61: (line ${f61.line}): "${first}".`, { line: f61.line });
  const valueDate = fromYYMMDD(m[1]!);
  if (!valueDate) throw malformed(`Ongeldige datum in :61: (${where}).`, `Invalid date in :61: (line ${f61.line}).`, { line: f61.line });
  const bookingDate = m[2] ? entryDateNear(valueDate, m[2]) : valueDate;
  if (!bookingDate) throw malformed(`Ongeldige boekdatum in :61: (${where}).`, `Invalid entry date in :61: (line ${f61.line}).`, { line: f61.line });
  const amount = decimalToCents(m[5]!, { decimalSeparator: ',' });
  if (amount === null) throw malformed(`Ongeldig bedrag in :61: (${where}).`, `Invalid amount in :61: (line ${f61.line}).`, { line: f61.line });
  // RC = reversal of a credit (money goes out), RD = reversal of a debit (money comes back).
  const mark = m[3]!;
  const direction = mark === 'C' || mark === 'RD' ? 'credit' : 'debit';
  const [customerRef = '', bankRef] = m[8]!.split('//');
  const supplementary = f61.lines.slice(1).join(' ').trim();

  const narrative = parseNarrative(f86 ? f86.lines : []);
  const tx: BankTransaction = {
    bookingDate,
    valueDate,
    amount,
    direction,
    currency,
    counterpartyName: narrative.counterpartyName,
    counterpartyIban: narrative.counterpartyIban,
    counterpartyAccount: narrative.counterpartyAccount,
    endToEndId: narrative.endToEndId,
    bankReference: bankRef?.trim() || undefined,
    remittance: narrative.remittance,
    structuredReference: narrative.structuredReference,
    ...(mark.startsWith('R') ? { reversal: true } : {}),
    raw: [`:61:${f61.lines.join('\n')}`, ...(f86 ? [`:86:${f86.lines.join('\n')}`] : [])].join('\n'),
  };
  // Rabobank puts the counter account on the second line of :61:, SNS its IBAN in the reference
  // and the name on the second line.
  const ref = customerRef.trim();
  if (!tx.counterpartyIban && !tx.counterpartyAccount) {
    const fromSupp = classifyAccount(supplementary.split(/\s+/)[0]);
    const fromRef = looksLikeIban(compactAccount(ref)) ? classifyAccount(ref) : {};
    if (fromSupp.iban || (fromSupp.account && /^(P?\d+)$/.test(supplementary.split(/\s+/)[0] ?? ''))) {
      tx.counterpartyIban = fromSupp.iban;
      tx.counterpartyAccount = fromSupp.account;
    } else if (fromRef.iban) {
      tx.counterpartyIban = fromRef.iban;
      if (!tx.counterpartyName && supplementary && !/^\//.test(supplementary)) tx.counterpartyName = supplementary;
    }
  }
  if (!tx.structuredReference && looksLikePaymentReference(ref) && /^(\d{16}|RF\d{2}\w+)$/i.test(ref)) tx.structuredReference = ref;
  return compact(tx);
}

/** Reads every statement in an MT940 text. Balances are returned, not checked (see balances.ts). */
export function parseMt940(text: string, sourceName?: string): BankStatement[] {
  const groups = splitFields(text);
  if (groups.length === 0) throw malformed('Het MT940-bestand bevat geen afschriften.', 'The MT940 file contains no statements.');
  return groups.map((fields) => {
    const get = (...tags: string[]) => fields.find((f) => tags.includes(f.tag));
    const opening = balance(get('60F', '60M'));
    const closing = balance(get('62F', '62M'));
    const currency = opening?.currency ?? closing?.currency ?? 'EUR';
    const transactions: BankTransaction[] = [];
    fields.forEach((f, i) => {
      if (f.tag !== '61') return;
      const next = fields[i + 1];
      transactions.push(transaction(f, next?.tag === '86' ? next : undefined, currency));
    });
    const number = get('28C', '28')?.lines.join('').trim();
    const ref = get('20')?.lines.join('').trim();
    const statementId = number && !/^0*(\/0*)?$/.test(number) ? number : ref || number;
    const st: BankStatement = {
      format: 'mt940',
      ...account(get('25')?.lines.join('')),
      ...(statementId ? { statementId } : {}),
      currency,
      ...(opening ? { openingBalance: { date: opening.date, amount: opening.amount, currency: opening.currency } } : {}),
      ...(closing ? { closingBalance: { date: closing.date, amount: closing.amount, currency: closing.currency } } : {}),
      transactions,
      ...(sourceName ? { sourceName } : {}),
    };
    return st;
  });
}

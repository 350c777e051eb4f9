// The spreadsheet exports of the three big Dutch banks.
//
// ING ("Af- en bijschrijvingen", CSV): a header row
//   "Datum";"Naam / Omschrijving";"Rekening";"Tegenrekening";"Code";"Af Bij";"Bedrag (EUR)";
//   "Mutatiesoort";"Mededelingen";"Saldo na mutatie";"Tag"      (';', since 2019)
// or the older "Datum","Naam / Omschrijving",…,"MutatieSoort","Mededelingen" (',', no balance).
// Datum yyyymmdd, Bedrag unsigned with a decimal comma, "Af"/"Bij" gives the sign, newest line
// first. Mededelingen: "Naam: … Omschrijving: … IBAN: … Kenmerk: … Valutadatum: dd-mm-yyyy".
//
// Rabobank (CSV, ','): "IBAN/BBAN","Munt","BIC","Volgnr","Datum","Rentedatum","Bedrag",
//   "Saldo na trn","Tegenrekening IBAN/BBAN","Naam tegenpartij","Naam uiteindelijke partij",
//   "Naam initiërende partij","BIC tegenpartij","Code","Batch ID","Transactiereferentie",
//   "Machtigingskenmerk","Incassant ID","Betalingskenmerk","Omschrijving-1","Omschrijving-2",
//   "Omschrijving-3","Reden retour","Oorspr bedrag","Oorspr munt","Koers"
// Datum yyyy-mm-dd, Bedrag signed ("+1.234,56" / "-12,50"), oldest first, Volgnr unique per account.
//
// ABN AMRO (TXT / .TAB): no header, tab-separated, one line per transaction:
//   account  currency  transactiondate(yyyymmdd)  startsaldo  endsaldo  valuedate(yyyymmdd)  amount  description
// amounts with a decimal comma, signed; the description uses the :86: layouts (mt940Narrative).
import { parseDutchDate } from './dates';
import { parseLooseAmount } from './decimal';
import { classifyAccount } from './iban';
import { ImportError, malformed } from './importError';
import { parseLabelled, parseNarrative } from './mt940Narrative';
import type { CsvTable } from './csvTable';
import { compact } from './objects';
import type { BankFormat, BankStatement, BankTransaction, Cents } from './types';

const norm = (h: string) => h.trim().toLowerCase().replace(/\s+/g, ' ');

export function detectBankCsv(table: CsvTable): Extract<BankFormat, 'csv-ing' | 'csv-rabobank' | 'csv-abnamro'> | null {
  const h = table.headers.map(norm);
  if (h.includes('naam / omschrijving') && h.includes('af bij')) return 'csv-ing';
  if (h.includes('iban/bban') && h.includes('volgnr') && h.includes('bedrag')) return 'csv-rabobank';
  const first = table.headers;
  if (table.delimiter === '\t' && first.length >= 8 && /^[A-Z]{3}$/.test(first[1] ?? '') && /^\d{8}$/.test(first[2] ?? '')) return 'csv-abnamro';
  return null;
}

function columns(table: CsvTable, wanted: Record<string, string[]>, required: string[], bank: string) {
  const h = table.headers.map(norm);
  const idx: Record<string, number> = {};
  for (const [key, names] of Object.entries(wanted)) {
    const i = h.findIndex((x) => names.includes(x));
    if (i !== -1) idx[key] = i;
  }
  const missing = required.filter((k) => idx[k] === undefined);
  if (missing.length) {
    throw new ImportError('unsupported-format', `Dit ${bank}-bestand mist de kolom(men) ${missing.join(', ')}.`, `This ${bank} file lacks the column(s) ${missing.join(', ')}.`);
  }
  return (row: string[], key: string) => (idx[key] === undefined ? '' : (row[idx[key]!] ?? '').trim());
}

const rowError = (row: number, what: string, whatEn: string, value: string) =>
  malformed(`Rij ${row}: ${what} "${value}".`, `Row ${row}: ${whatEn} "${value}".`, { row });

interface Line {
  tx: BankTransaction;
  account: string;
  currency: string;
  balanceAfter?: Cents;
}

const signed = (t: BankTransaction) => (t.direction === 'credit' ? t.amount : -t.amount);

/**
 * Lines of one account into a statement, oldest first. Where each line states the balance after
 * it, the opening and closing balances are derived, so the balance check sees a missing or
 * changed line. The order (ING lists newest first) is taken from the dates, or, within one day,
 * from the balances.
 */
function toStatement(format: BankFormat, account: string, lines: Line[], sourceName?: string): BankStatement {
  let ordered = lines;
  const first = lines[0]!, last = lines[lines.length - 1]!;
  const chain = (ls: Line[]) => ls.every((l, i) => i === 0 || l.balanceAfter === undefined || ls[i - 1]!.balanceAfter === undefined || ls[i - 1]!.balanceAfter! + signed(l.tx) === l.balanceAfter);
  if (first.tx.bookingDate > last.tx.bookingDate) ordered = [...lines].reverse();
  else if (first.tx.bookingDate === last.tx.bookingDate && !chain(lines) && chain([...lines].reverse())) ordered = [...lines].reverse();
  const o0 = ordered[0]!, on = ordered[ordered.length - 1]!;
  const acct = classifyAccount(account);
  const hasBalances = ordered.every((l) => l.balanceAfter !== undefined);
  const st: BankStatement = {
    format,
    ...(acct.iban ? { accountIban: acct.iban } : acct.account ? { accountNumber: acct.account } : {}),
    currency: o0.currency || 'EUR',
    transactions: ordered.map((l) => l.tx),
    ...(sourceName ? { sourceName } : {}),
  };
  if (hasBalances) {
    st.openingBalance = { date: o0.tx.bookingDate, amount: o0.balanceAfter! - signed(o0.tx) };
    st.closingBalance = { date: on.tx.bookingDate, amount: on.balanceAfter! };
  }
  return st;
}

function byAccount(format: BankFormat, lines: Line[], sourceName?: string): BankStatement[] {
  const groups = new Map<string, Line[]>();
  for (const l of lines) {
    const list = groups.get(l.account) ?? [];
    list.push(l);
    groups.set(l.account, list);
  }
  return [...groups].map(([account, ls]) => toStatement(format, account, ls, sourceName));
}

const clean = <T extends object>(o: T): T => compact(o, true);

export function parseIngCsv(table: CsvTable, sourceName?: string): BankStatement[] {
  const col = columns(table, {
    date: ['datum', 'date'],
    name: ['naam / omschrijving', 'name / description'],
    account: ['rekening', 'account'],
    counter: ['tegenrekening', 'counterparty'],
    code: ['code'],
    sign: ['af bij', 'debit/credit'],
    amount: ['bedrag (eur)', 'amount (eur)'],
    kind: ['mutatiesoort', 'transaction type'],
    notes: ['mededelingen', 'notifications'],
    balance: ['saldo na mutatie', 'resulting balance'],
  }, ['date', 'sign', 'amount'], 'ING');
  const lines = table.rows.map((row, i): Line => {
    const r = i + 2;
    const date = parseDutchDate(col(row, 'date'));
    if (!date) throw rowError(r, 'ongeldige datum', 'invalid date', col(row, 'date'));
    const amount = parseLooseAmount(col(row, 'amount'));
    if (amount === null || amount < 0) throw rowError(r, 'ongeldig bedrag', 'invalid amount', col(row, 'amount'));
    const sign = col(row, 'sign').toLowerCase();
    if (!['af', 'bij', 'debit', 'credit'].includes(sign)) throw rowError(r, 'onbekend "Af Bij"', 'unknown "Af Bij"', col(row, 'sign'));
    const notes = col(row, 'notes');
    const labelled = /(^|\s)(Naam|Omschrijving|IBAN|Kenmerk|Valutadatum)\s?:/.test(notes) ? parseLabelled(notes) : undefined;
    const valuta = /Valutadatum:\s*(\d{2}-\d{2}-\d{4})/.exec(notes)?.[1];
    const counter = classifyAccount(col(row, 'counter') || labelled?.counterpartyIban);
    const balanceText = col(row, 'balance');
    const balanceAfter = balanceText ? parseLooseAmount(balanceText) : undefined;
    if (balanceAfter === null) throw rowError(r, 'ongeldig saldo', 'invalid balance', balanceText);
    const tx: BankTransaction = clean({
      bookingDate: date,
      valueDate: (valuta && parseDutchDate(valuta)) || undefined,
      amount,
      direction: sign === 'bij' || sign === 'credit' ? 'credit' : 'debit',
      currency: 'EUR',
      counterpartyName: col(row, 'name') || labelled?.counterpartyName,
      counterpartyIban: counter.iban,
      counterpartyAccount: counter.account,
      endToEndId: labelled?.endToEndId,
      structuredReference: labelled?.structuredReference,
      remittance: (labelled?.remittance || notes).replace(/\s+/g, ' ').trim(),
      raw: row.join(table.delimiter),
    }) as BankTransaction;
    tx.remittance ??= '';
    return { tx, account: col(row, 'account'), currency: 'EUR', ...(balanceAfter !== undefined ? { balanceAfter } : {}) };
  });
  if (lines.length === 0) throw new ImportError('empty', 'Het ING-bestand bevat geen transacties.', 'The ING file contains no transactions.');
  return byAccount('csv-ing', lines, sourceName);
}

export function parseRabobankCsv(table: CsvTable, sourceName?: string): BankStatement[] {
  const col = columns(table, {
    account: ['iban/bban'],
    currency: ['munt'],
    seq: ['volgnr'],
    date: ['datum'],
    valueDate: ['rentedatum'],
    amount: ['bedrag'],
    balance: ['saldo na trn'],
    counter: ['tegenrekening iban/bban'],
    name: ['naam tegenpartij'],
    ultimate: ['naam uiteindelijke partij'],
    e2e: ['transactiereferentie'],
    kenmerk: ['betalingskenmerk'],
    o1: ['omschrijving-1'],
    o2: ['omschrijving-2'],
    o3: ['omschrijving-3'],
  }, ['account', 'date', 'amount'], 'Rabobank');
  const lines = table.rows.map((row, i): Line => {
    const r = i + 2;
    const date = parseDutchDate(col(row, 'date'));
    if (!date) throw rowError(r, 'ongeldige datum', 'invalid date', col(row, 'date'));
    const value = parseLooseAmount(col(row, 'amount'));
    if (value === null) throw rowError(r, 'ongeldig bedrag', 'invalid amount', col(row, 'amount'));
    const balanceText = col(row, 'balance');
    const balanceAfter = balanceText ? parseLooseAmount(balanceText) : undefined;
    if (balanceAfter === null) throw rowError(r, 'ongeldig saldo', 'invalid balance', balanceText);
    const counter = classifyAccount(col(row, 'counter'));
    const e2e = col(row, 'e2e');
    const currency = col(row, 'currency') || 'EUR';
    const tx = clean({
      bookingDate: date,
      valueDate: parseDutchDate(col(row, 'valueDate')) ?? undefined,
      amount: Math.abs(value),
      direction: value < 0 ? 'debit' : 'credit',
      currency,
      counterpartyName: col(row, 'name') || col(row, 'ultimate') || undefined,
      counterpartyIban: counter.iban,
      counterpartyAccount: counter.account,
      endToEndId: e2e && !/^NOTPROVIDED$/i.test(e2e) ? e2e : undefined,
      bankReference: col(row, 'seq') || undefined,
      structuredReference: col(row, 'kenmerk').replace(/\s/g, '') || undefined,
      remittance: [col(row, 'o1'), col(row, 'o2'), col(row, 'o3')].filter(Boolean).join(' ').replace(/\s+/g, ' ').trim(),
      raw: row.join(table.delimiter),
    }) as BankTransaction;
    tx.remittance ??= '';
    return { tx, account: col(row, 'account'), currency, ...(balanceAfter !== undefined ? { balanceAfter } : {}) };
  });
  if (lines.length === 0) throw new ImportError('empty', 'Het Rabobank-bestand bevat geen transacties.', 'The Rabobank file contains no transactions.');
  return byAccount('csv-rabobank', lines, sourceName);
}

export function parseAbnAmroTab(table: CsvTable, sourceName?: string): BankStatement[] {
  const all = [table.headers, ...table.rows].filter((r) => r.some((c) => c.trim() !== '') && !r[0]?.startsWith('#'));
  const lines = all.map((row, i): Line => {
    const r = i + 1;
    if (row.length < 8) throw rowError(r, 'te weinig kolommen', 'too few columns', row.join(' | '));
    const [account = '', currency = '', date = '', start = '', end = '', valueDate = '', amountText = ''] = row.map((c) => c.trim());
    const description = row.slice(7).join('\t');
    const bookingDate = parseDutchDate(date);
    if (!bookingDate) throw rowError(r, 'ongeldige datum', 'invalid date', date);
    const amount = parseLooseAmount(amountText), startSaldo = parseLooseAmount(start), endSaldo = parseLooseAmount(end);
    if (amount === null) throw rowError(r, 'ongeldig bedrag', 'invalid amount', amountText);
    if (startSaldo === null || endSaldo === null) throw rowError(r, 'ongeldig saldo', 'invalid balance', `${start} / ${end}`);
    if (startSaldo + amount !== endSaldo) {
      throw new ImportError('balance-mismatch', `Rij ${r}: beginsaldo ${start} plus bedrag ${amountText} is niet het eindsaldo ${end}. Het bestand is beschadigd en wordt niet ingelezen.`, `Row ${r}: opening balance ${start} plus amount ${amountText} is not the closing balance ${end}. The file is damaged and is not imported.`, { row: r });
    }
    const n = parseNarrative([description.replace(/\s+$/, '')]);
    const tx = clean({
      bookingDate,
      valueDate: parseDutchDate(valueDate) ?? undefined,
      amount: Math.abs(amount),
      direction: amount < 0 ? 'debit' : 'credit',
      currency: currency || 'EUR',
      counterpartyName: n.counterpartyName,
      counterpartyIban: n.counterpartyIban,
      counterpartyAccount: n.counterpartyAccount,
      endToEndId: n.endToEndId,
      structuredReference: n.structuredReference,
      remittance: n.remittance,
      raw: row.join('\t').replace(/\s+$/, ''),
    }) as BankTransaction;
    tx.remittance ??= '';
    return { tx, account, currency: currency || 'EUR', balanceAfter: endSaldo };
  });
  if (lines.length === 0) throw new ImportError('empty', 'Het ABN AMRO-bestand bevat geen transacties.', 'The ABN AMRO file contains no transactions.');
  return byAccount('csv-abnamro', lines, sourceName);
}

// ISO 20022 bank-to-customer statements: camt.053 (account statement) and camt.054 (debit/credit
// notification), message versions .02 to .13 (the elements read here are the same in all of them;
// from .08 on, the status is <Sts><Cd> and parties are <Pty>, both handled).
import { isoDatePrefix } from './dates';
import { decimalToCents } from './decimal';
import { classifyAccount, compactAccount } from './iban';
import { ImportError, malformed } from './importError';
import { compact } from './objects';
import type { BankStatement, BankTransaction, Cents, StatementBalance } from './types';
import { all, attr, kid, kids, oneLine, txt, val, type ParsedXml, type XNode } from './xmlSafe';

const CAMT_NS = /^urn:iso:std:iso:20022:tech:xsd:camt\.(05[234])\.001\.(\d{2})$/;

export interface CamtKind {
  message: 'camt.053' | 'camt.054';
  version: number;
}

/** Which camt message a parsed document is, or null when it is none. Throws for camt we do not read. */
export function camtKind(doc: ParsedXml): CamtKind | null {
  const m = doc.namespace ? CAMT_NS.exec(doc.namespace) : null;
  if (!m) {
    // Without the namespace, the message element still tells.
    if (doc.rootName === 'Document' && kid(doc.root, 'BkToCstmrStmt')) return { message: 'camt.053', version: 0 };
    if (doc.rootName === 'Document' && kid(doc.root, 'BkToCstmrDbtCdtNtfctn')) return { message: 'camt.054', version: 0 };
    return null;
  }
  const version = Number(m[2]);
  if (m[1] === '052') {
    throw new ImportError('unsupported-format', 'Dit is een camt.052-tussentijds rapport. Download het dagafschrift (camt.053) van uw bank; dat bevat de definitief geboekte regels.', 'This is a camt.052 intraday report. Download the account statement (camt.053) from your bank instead: it holds the final booked lines.');
  }
  if (version < 2 || version > 13) {
    throw new ImportError('unsupported-format', `camt.${m[1]} versie ${m[2]} wordt niet ondersteund (wel versie 02 tot en met 13).`, `camt.${m[1]} version ${m[2]} is not supported (versions 02 to 13 are).`);
  }
  return { message: m[1] === '053' ? 'camt.053' : 'camt.054', version };
}

function amountOf(node: XNode | undefined, where: string): { cents: Cents; currency?: string } | undefined {
  const text = txt(node);
  if (text === undefined) return undefined;
  const cents = decimalToCents(text, { decimalSeparator: '.' });
  if (cents === null || cents < 0) {
    throw malformed(`Ongeldig bedrag "${text}" bij ${where}.`, `Invalid amount "${text}" at ${where}.`);
  }
  return { cents, currency: attr(node, 'Ccy') };
}

const dateOf = (node: XNode | undefined) => {
  const text = val(node, 'Dt') ?? val(node, 'DtTm');
  return text ? isoDatePrefix(text) ?? undefined : undefined;
};

/** Dbtr/Cdtr: <Nm> up to .07, <Pty><Nm> from .08. */
const partyName = (party: XNode | undefined) => oneLine(val(party, 'Nm') ?? val(party, 'Pty', 'Nm'));
const accountOf = (acct: XNode | undefined) => val(acct, 'Id', 'IBAN') ?? val(acct, 'Id', 'Othr', 'Id');

interface Details {
  amount?: { cents: Cents; currency?: string; direction?: 'credit' | 'debit' };
  endToEndId?: string;
  bankReference?: string;
  debtor: { name?: string; account?: string };
  creditor: { name?: string; account?: string };
  texts: string[];
  references: string[];
  additional?: string;
}

function readDetails(tx: XNode, where: string): Details {
  const amtNode = kid(tx, 'Amt') ?? kid(tx, 'AmtDtls', 'TxAmt', 'Amt') ?? kid(tx, 'AmtDtls', 'InstdAmt', 'Amt');
  const amount = amountOf(amtNode, where);
  const ind = val(tx, 'CdtDbtInd');
  const e2e = val(tx, 'Refs', 'EndToEndId');
  const parties = kid(tx, 'RltdPties');
  const texts: string[] = [];
  const references: string[] = [];
  for (const rmt of kids(tx, 'RmtInf')) {
    for (const u of kids(rmt, 'Ustrd')) { const t = oneLine(txt(u)); if (t) texts.push(t); }
    for (const s of kids(rmt, 'Strd')) {
      for (const ref of all(s, 'CdtrRefInf', 'Ref')) { const t = oneLine(txt(ref)); if (t) references.push(t); }
      for (const nb of all(s, 'RfrdDocInf', 'Nb')) { const t = oneLine(txt(nb)); if (t) texts.push(t); }
      for (const a of kids(s, 'AddtlRmtInf')) { const t = oneLine(txt(a)); if (t) texts.push(t); }
    }
  }
  return {
    amount: amount ? { ...amount, direction: ind === 'CRDT' ? 'credit' : ind === 'DBIT' ? 'debit' : undefined } : undefined,
    endToEndId: e2e && e2e.toUpperCase() !== 'NOTPROVIDED' ? e2e : undefined,
    bankReference: val(tx, 'Refs', 'AcctSvcrRef'),
    debtor: {
      name: partyName(kid(parties, 'Dbtr')) ?? partyName(kid(parties, 'UltmtDbtr')),
      account: accountOf(kid(parties, 'DbtrAcct')),
    },
    creditor: {
      name: partyName(kid(parties, 'Cdtr')) ?? partyName(kid(parties, 'UltmtCdtr')),
      account: accountOf(kid(parties, 'CdtrAcct')),
    },
    texts,
    references,
    additional: oneLine(val(tx, 'AddtlTxInf')),
  };
}

/**
 * The counterparty is the debtor of a credit and the creditor of a debit. When the bank only names
 * the other side, that side is used unless it is the statement's own account.
 */
function counterparty(d: Details, direction: 'credit' | 'debit', ownIban?: string) {
  const [main, other] = direction === 'credit' ? [d.debtor, d.creditor] : [d.creditor, d.debtor];
  const pick = main.name || main.account ? main : other.account && compactAccount(other.account) === ownIban ? {} : other;
  const acct = classifyAccount(pick.account);
  return { counterpartyName: pick.name, counterpartyIban: acct.iban, counterpartyAccount: acct.account };
}

function buildTransaction(
  base: { bookingDate: string; valueDate?: string; direction: 'credit' | 'debit'; reversal: boolean; currency: string },
  amount: Cents,
  parts: Details[],
  extras: { bankReference?: string; entryInfo?: string },
  ownIban?: string,
): BankTransaction {
  const first = parts.find((p) => p.debtor.name || p.creditor.name || p.debtor.account || p.creditor.account) ?? parts[0];
  const refs = parts.flatMap((p) => p.references);
  const texts = parts.flatMap((p) => p.texts);
  const additional = parts.map((p) => p.additional).filter(Boolean);
  let remittance = [...texts, ...refs.slice(1)].join(' ');
  if (!remittance) remittance = additional.join(' ') || extras.entryInfo || '';
  const tx: BankTransaction = {
    bookingDate: base.bookingDate,
    ...(base.valueDate ? { valueDate: base.valueDate } : {}),
    amount,
    direction: base.direction,
    currency: base.currency,
    ...(first ? counterparty(first, base.direction, ownIban) : {}),
    endToEndId: parts.map((p) => p.endToEndId).find(Boolean),
    bankReference: extras.bankReference,
    remittance: oneLine(remittance) ?? '',
    structuredReference: refs[0],
    ...(base.reversal ? { reversal: true } : {}),
  };
  return compact(tx);
}

function readBalance(bal: XNode, where: string): (StatementBalance & { type: string }) | undefined {
  const type = val(bal, 'Tp', 'CdOrPrtry', 'Cd') ?? val(bal, 'Tp', 'CdOrPrtry', 'Prtry') ?? '';
  const amt = amountOf(kid(bal, 'Amt'), where);
  const date = dateOf(kid(bal, 'Dt'));
  if (!amt || !date) return undefined;
  const sign = val(bal, 'CdtDbtInd') === 'DBIT' ? -1 : 1;
  return { type, date, amount: sign * amt.cents || 0, currency: amt.currency };
}

const toBalance = (b: StatementBalance): StatementBalance => ({ date: b.date, amount: b.amount, ...(b.currency ? { currency: b.currency } : {}) });

/** Reads every statement (camt.053) or notification (camt.054) in a parsed camt document. */
export function parseCamt(doc: ParsedXml, sourceName?: string): BankStatement[] {
  const kind = camtKind(doc);
  if (!kind) throw new ImportError('unsupported-format', 'Dit XML-bestand is geen camt.053- of camt.054-bankafschrift.', 'This XML file is not a camt.053 or camt.054 bank statement.');
  const groups = kind.message === 'camt.053' ? all(doc.root, 'BkToCstmrStmt', 'Stmt') : all(doc.root, 'BkToCstmrDbtCdtNtfctn', 'Ntfctn');
  const statements: BankStatement[] = [];

  groups.forEach((stmt, si) => {
    const statementId = val(stmt, 'Id');
    const where = `afschrift ${statementId ?? si + 1}`;
    const acctId = accountOf(kid(stmt, 'Acct'));
    const account = classifyAccount(acctId);
    const balances = kids(stmt, 'Bal').map((b) => readBalance(b, where)).filter((b) => b !== undefined);
    const opening = balances.find((b) => b.type === 'OPBD') ?? balances.find((b) => b.type === 'PRCD');
    const closing = balances.find((b) => b.type === 'CLBD');
    const entries = kids(stmt, 'Ntry');
    const currency = val(stmt, 'Acct', 'Ccy') ?? opening?.currency ?? attr(kid(entries[0], 'Amt'), 'Ccy') ?? 'EUR';

    const transactions: BankTransaction[] = [];
    entries.forEach((ntry, ei) => {
      const entryWhere = `${where}, regel ${ei + 1}`;
      const status = val(ntry, 'Sts', 'Cd') ?? val(ntry, 'Sts', 'Prtry') ?? txt(kid(ntry, 'Sts'));
      if (status && status.toUpperCase() !== 'BOOK') return; // pending and informational lines are not booked yet
      const amt = amountOf(kid(ntry, 'Amt'), entryWhere);
      if (!amt) throw malformed(`Bedrag ontbreekt (${entryWhere}).`, `Amount missing (${entryWhere}).`);
      const ind = val(ntry, 'CdtDbtInd');
      if (ind !== 'CRDT' && ind !== 'DBIT') throw malformed(`Bij of af ontbreekt (${entryWhere}).`, `Credit/debit indicator missing (${entryWhere}).`);
      const direction = ind === 'CRDT' ? 'credit' : 'debit';
      const bookingDate = dateOf(kid(ntry, 'BookgDt')) ?? dateOf(kid(ntry, 'ValDt'));
      if (!bookingDate) throw malformed(`Boekdatum ontbreekt of is ongeldig (${entryWhere}).`, `Booking date missing or invalid (${entryWhere}).`);
      const base = {
        bookingDate,
        valueDate: dateOf(kid(ntry, 'ValDt')),
        direction,
        reversal: val(ntry, 'RvslInd') === 'true',
        currency: amt.currency ?? currency,
      } as const;
      const entryRef = val(ntry, 'AcctSvcrRef');
      const entryInfo = oneLine(val(ntry, 'AddtlNtryInf'));
      const details = all(ntry, 'NtryDtls', 'TxDtls').map((t, ti) => readDetails(t, `${entryWhere}, detail ${ti + 1}`));

      // A batch entry whose details each carry their own amount (summing to the entry) becomes one
      // transaction per detail: each is a payment by someone else.
      const splittable =
        details.length > 1 &&
        details.every((d) => d.amount && (d.amount.currency ?? base.currency) === base.currency && (d.amount.direction ?? direction) === direction) &&
        details.reduce((n, d) => n + d.amount!.cents, 0) === amt.cents;
      if (splittable) {
        details.forEach((d, di) => {
          transactions.push(buildTransaction(base, d.amount!.cents, [d], { bankReference: d.bankReference ?? (entryRef ? `${entryRef}/${di + 1}` : undefined), entryInfo }, account.iban));
        });
      } else {
        const ref = entryRef ?? (details.length === 1 ? details[0]!.bankReference : undefined);
        transactions.push(buildTransaction(base, amt.cents, details, { bankReference: ref, entryInfo }, account.iban));
      }
    });

    const statement: BankStatement = {
      format: kind.message,
      ...(account.iban ? { accountIban: account.iban } : account.account ? { accountNumber: account.account } : {}),
      ...(statementId ? { statementId } : {}),
      currency,
      ...(opening ? { openingBalance: toBalance(opening) } : {}),
      ...(closing ? { closingBalance: toBalance(closing) } : {}),
      transactions,
      ...(sourceName ? { sourceName } : {}),
    };
    statements.push(statement);
  });
  if (groups.length === 0) throw malformed('Het camt-bestand bevat geen afschriften.', 'The camt file contains no statements.');
  return statements;
}

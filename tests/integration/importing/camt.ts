// A camt.053.001.02 statement written for a test: the lines it is given, an opening balance and a
// closing balance that add up (the importer refuses files whose balances do not).

export interface CamtLine {
  date: string;
  /** Cents, always positive. */
  amount: number;
  direction: 'credit' | 'debit';
  name?: string;
  iban?: string;
  /** Unstructured remittance text (Ustrd). */
  text?: string;
  /** A structured creditor reference (betalingskenmerk). */
  reference?: string;
  /** AcctSvcrRef: the bank's own id of the line. */
  bankRef?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const eur = (cents: number) => `${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
const bal = (code: string, cents: number, date: string) =>
  `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${eur(cents)}</Amt><CdtDbtInd>${cents < 0 ? 'DBIT' : 'CRDT'}</CdtDbtInd><Dt><Dt>${date}</Dt></Dt></Bal>`;

function entry(l: CamtLine): string {
  const cd = l.direction === 'credit' ? 'CRDT' : 'DBIT';
  const party = l.direction === 'credit' ? 'Dbtr' : 'Cdtr';
  const rmt = l.reference
    ? `<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>CUR</Issr></Tp><Ref>${esc(l.reference)}</Ref></CdtrRefInf></Strd></RmtInf>`
    : l.text ? `<RmtInf><Ustrd>${esc(l.text)}</Ustrd></RmtInf>` : '';
  return `<Ntry><Amt Ccy="EUR">${eur(l.amount)}</Amt><CdtDbtInd>${cd}</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>${l.date}</Dt></BookgDt><ValDt><Dt>${l.date}</Dt></ValDt>`
    + (l.bankRef ? `<AcctSvcrRef>${esc(l.bankRef)}</AcctSvcrRef>` : '')
    + `<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>${l.direction === 'credit' ? 'RCDT' : 'ICDT'}</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>`
    + `<NtryDtls><TxDtls><Amt Ccy="EUR">${eur(l.amount)}</Amt><CdtDbtInd>${cd}</CdtDbtInd><RltdPties>`
    + (l.name ? `<${party}><Nm>${esc(l.name)}</Nm></${party}>` : '')
    + (l.iban ? `<${party}Acct><Id><IBAN>${l.iban}</IBAN></Id></${party}Acct>` : '')
    + `</RltdPties>${rmt}</TxDtls></NtryDtls></Ntry>`;
}

/** The statement as XML text. */
export function camt053(lines: CamtLine[], options: { iban?: string; opening?: number; id?: string } = {}): string {
  const iban = options.iban ?? 'NL91ABNA0417164300';
  const opening = options.opening ?? 1_000_00;
  const closing = lines.reduce((s, l) => s + (l.direction === 'credit' ? l.amount : -l.amount), opening);
  const dates = lines.map((l) => l.date).sort();
  const first = dates[0] ?? '2026-11-01';
  const last = dates[dates.length - 1] ?? first;
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>',
    `<GrpHdr><MsgId>${options.id ?? 'TEST'}</MsgId><CreDtTm>${last}T23:00:00</CreDtTm></GrpHdr>`,
    `<Stmt><Id>${options.id ?? 'TEST'}-${last}</Id><CreDtTm>${last}T23:00:00</CreDtTm><Acct><Id><IBAN>${iban}</IBAN></Id><Ccy>EUR</Ccy></Acct>`,
    bal('OPBD', opening, first), bal('CLBD', closing, last),
  ];
  for (const l of lines) parts.push(entry(l));
  parts.push('</Stmt></BkToCstmrStmt></Document>');
  return parts.join('\n');
}

export const base64Of = (text: string | Uint8Array) => Buffer.from(text).toString('base64');

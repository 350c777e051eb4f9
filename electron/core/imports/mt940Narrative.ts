// The free-format "information to account owner" of an MT940 line (field :86:), and the
// description column of ABN AMRO's TXT export, which uses the same layouts. Each Dutch bank has
// its own; the layout is recognised from the text itself, not from the bank:
//
//  coded      `/CODE/value/CODE/value…` — ING (`/EREF/…//CNTP/iban/bic/name/city///REMI/USTD//text/`
//             or `/REMI/STRD/CUR/kenmerk/`), Rabobank (`/EREF/…/BENM//NAME/…/REMI/…/ISDT/…`,
//             counter IBAN on the second line of :61:), ABN AMRO and Knab
//             (`/TRTP/SEPA OVERBOEKING/IBAN/…/BIC/…/NAME/…/REMI/…/EREF/…`). Lines are cut at a fixed
//             width, mid-word, so they are joined without a space.
//  labelled   ABN AMRO 2014–2023 and ING CSV "Mededelingen": `SEPA Overboeking  IBAN: …  BIC: …
//             Naam: …  Omschrijving: …  Kenmerk: …` (also Betalingskenm., Machtiging, Incassant).
//  knab       older Knab: free text, then `REK: iban/NAAM: name`.
//  triodos    `000>10account>20…>27 description` (IBAN era: `>100000000000>20bic>21iban>22…`).
//  sns        ASN/SNS/RegioBank (de Volksbank): first line `iban name`, then the description.
//  abn-legacy ABN AMRO before SEPA: `GIRO  123456 NAME`, `12.34.56.789   NAME`, `BEA NR:… ,PAS123`.
//  ing-legacy ING before SEPA: `0123456789 free text` (account number first).
//  plain      anything else: the text as remittance.
import { classifyAccount, looksLikeIban } from './iban';
import { compact } from './objects';

export interface Narrative {
  dialect: 'coded' | 'labelled' | 'knab' | 'triodos' | 'sns' | 'abn-legacy' | 'ing-legacy' | 'plain';
  counterpartyName?: string;
  counterpartyIban?: string;
  counterpartyAccount?: string;
  endToEndId?: string;
  structuredReference?: string;
  remittance: string;
}

const CODES = [
  'EREF', 'PREF', 'MARF', 'CSID', 'CNTP', 'REMI', 'PURP', 'ULTC', 'ULTD', 'ULTB', 'RTRN', 'IREF', 'ORDP', 'BENM',
  'NAME', 'ADDR', 'ISDT', 'CDTRREFTP', 'CDTRREF', 'ISSR', 'TRTP', 'IBAN', 'BIC', 'SVCL', 'CREF', 'ACCW', 'BUSP',
  'RTYP', 'SUM', 'TRCD', 'EXCH', 'CHGS', 'OCMT', 'COAM', 'INIT', 'ID', 'CD',
];
const CODE_RE = new RegExp(`/(${CODES.join('|')})/`, 'g');
const STARTS_CODED = new RegExp(`^\\s*/(${CODES.join('|')})/`);

const squash = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const clean = (s: string | undefined) => squash(s).replace(/^\/+|\/+$/g, '').trim() || undefined;
const notProvided = (s: string | undefined) => (s && !/^NOTPROVIDED$/i.test(s.replace(/\s/g, '')) ? s : undefined);

/** A betalingskenmerk (7–16 digits, spaces allowed) or an RF creditor reference. */
export function looksLikePaymentReference(text: string | undefined): boolean {
  if (!text) return false;
  const s = text.replace(/[\s.]/g, '').toUpperCase();
  return /^\d{7,16}$/.test(s) || /^RF\d{2}[A-Z0-9]{1,21}$/.test(s);
}

/** Joins the lines of an unstructured narrative: full-width lines (65+ characters) continue mid-word. */
function joinFreeLines(lines: string[]): string {
  let out = '';
  lines.forEach((line, i) => {
    out += line;
    if (i < lines.length - 1 && line.length < 65) out += ' ';
  });
  return squash(out);
}

/** `/CODE/value/CODE/value…` into a map (first occurrence of each code wins). */
export function splitCodes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const marks: { code: string; start: number; end: number }[] = [];
  CODE_RE.lastIndex = 0;
  for (let m = CODE_RE.exec(text); m; m = CODE_RE.exec(text)) {
    marks.push({ code: m[1]!, start: m.index, end: m.index + m[0].length });
    CODE_RE.lastIndex = m.index + m[0].length - 1; // the closing slash may open the next code
  }
  marks.forEach((mark, i) => {
    const value = text.slice(mark.end, i + 1 < marks.length ? marks[i + 1]!.start : text.length);
    if (!out.has(mark.code)) out.set(mark.code, value);
  });
  return out;
}

function parseCoded(lines: string[]): Narrative {
  const codes = splitCodes(lines.join(''));
  const n: Narrative = { dialect: 'coded', remittance: '' };
  const cntp = codes.get('CNTP');
  if (cntp !== undefined) {
    const [acct, , name] = cntp.split('/');
    const a = classifyAccount(acct);
    n.counterpartyIban = a.iban;
    n.counterpartyAccount = a.account;
    n.counterpartyName = clean(name);
  }
  const iban = classifyAccount(clean(codes.get('IBAN')));
  n.counterpartyIban ??= iban.iban;
  n.counterpartyAccount ??= iban.account;
  n.counterpartyName ??= clean(codes.get('NAME'));
  n.endToEndId = notProvided(clean(codes.get('EREF')));

  let remi = codes.get('REMI') ?? '';
  const strd = /^\s*STRD\/+([^/]*)\/+([^/]+)/.exec(remi);
  if (strd) {
    n.structuredReference = clean(strd[2]);
    remi = '';
  } else remi = remi.replace(/^\s*USTD\/+/, '');
  n.structuredReference ??= clean(codes.get('CDTRREF')) ?? clean(codes.get('CREF'));
  // ABN AMRO writes an acceptgiro kenmerk inside REMI: "ISSUER: CUR  REF: 4420043232693268".
  const issuerRef = /ISSUER:\s*\S+\s+REF:\s*([A-Z0-9 ]+?)\s*$/i.exec(squash(remi));
  if (issuerRef && !n.structuredReference) n.structuredReference = issuerRef[1]!.replace(/\s/g, '');
  n.remittance = clean(remi) ?? '';
  return n;
}

const LABELS = ['Machtiging ID', 'Incassant ID', 'Betalingskenm.', 'Betalingskenmerk', 'Omschrijving', 'Valutadatum', 'Machtiging', 'Incassant', 'Kenmerk', 'Naam', 'IBAN', 'BIC', 'Voor'];
const LABEL_RE = new RegExp(`(?:^|(?<=[\\s.,/]))(${LABELS.map((l) => l.replace('.', '\\.')).join('|')})\\s?:`, 'gi');

/** `Label: value  Label: value` into a map keyed by the label in lower case; `''` holds the text before the first label. */
export function splitLabels(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const marks: { label: string; start: number; end: number }[] = [];
  LABEL_RE.lastIndex = 0;
  for (let m = LABEL_RE.exec(text); m; m = LABEL_RE.exec(text)) marks.push({ label: m[1]!.toLowerCase(), start: m.index, end: m.index + m[0].length });
  out.set('', squash(text.slice(0, marks[0]?.start ?? text.length)));
  marks.forEach((mark, i) => {
    const value = squash(text.slice(mark.end, i + 1 < marks.length ? marks[i + 1]!.start : text.length));
    if (!out.has(mark.label)) out.set(mark.label, value);
  });
  return out;
}

export function parseLabelled(text: string): Narrative {
  const labels = splitLabels(text);
  const acct = classifyAccount(labels.get('iban'));
  const kenmerk = notProvided(labels.get('kenmerk') || undefined);
  const betKenmerk = labels.get('betalingskenm.') || labels.get('betalingskenmerk') || undefined;
  return {
    dialect: 'labelled',
    counterpartyName: labels.get('naam') || undefined,
    counterpartyIban: acct.iban,
    counterpartyAccount: acct.account,
    endToEndId: kenmerk,
    structuredReference: betKenmerk?.replace(/\s/g, '') ?? (looksLikePaymentReference(kenmerk) ? kenmerk!.replace(/\s/g, '') : undefined),
    remittance: labels.get('omschrijving') ?? '',
  };
}

function parseKnab(text: string): Narrative {
  const rek = /REK:\s*([A-Z0-9]+)\s*\/\s*NAAM:\s*(.*)$/i.exec(text);
  const acct = classifyAccount(rek?.[1]);
  return {
    dialect: 'knab',
    counterpartyIban: acct.iban,
    counterpartyAccount: acct.account,
    counterpartyName: squash(rek?.[2]) || undefined,
    remittance: squash(rek ? text.slice(0, rek.index) : text),
  };
}

function parseTriodos(lines: string[]): Narrative {
  const text = lines.join('');
  const fields = new Map<string, string>();
  const parts = text.split(/>(\d{2})/);
  for (let i = 1; i + 1 < parts.length; i += 2) fields.set(parts[i]!, (fields.get(parts[i]!) ?? '') + parts[i + 1]!);
  const counter = (fields.get('10') ?? '').trim();
  const iban = classifyAccount(fields.get('21'));
  const ibanEra = /^0+$/.test(counter) && iban.iban !== undefined;
  const from = ibanEra ? 22 : 20;
  const description = Array.from({ length: 28 - from }, (_, k) => fields.get(String(from + k)) ?? '').join('');
  const old = ibanEra ? {} : classifyAccount(counter);
  return {
    dialect: 'triodos',
    counterpartyIban: ibanEra ? iban.iban : old.iban,
    counterpartyAccount: ibanEra ? undefined : old.account,
    remittance: squash(description),
  };
}

function parseSns(lines: string[]): Narrative {
  const m = /^\s*([A-Z]{2}\d{2}[A-Z0-9]{11,30})\s+(.*)$/.exec(lines[0] ?? '')!;
  return { dialect: 'sns', counterpartyIban: m[1], counterpartyName: squash(m[2]) || undefined, remittance: joinFreeLines(lines.slice(1)) };
}

function parseAbnLegacy(lines: string[]): Narrative {
  const first = lines[0] ?? '';
  const all = joinFreeLines(lines);
  const kenmerk = /BETALINGSKENM\.?:?\s*([\d ]*\d)/i.exec(first)?.[1]?.replace(/\s/g, '');
  const giro = /^GIRO\s+(\d+)\s*(.*)$/.exec(first.slice(0, 32));
  if (giro) {
    return {
      dialect: 'abn-legacy',
      counterpartyAccount: giro[1],
      counterpartyName: squash(giro[2]) || undefined,
      structuredReference: kenmerk,
      remittance: joinFreeLines([first.slice(32), ...lines.slice(1)]),
    };
  }
  const dotted = /^(\d{1,3}(?:\.\d{2,3}){2,3})\s/.exec(first);
  if (dotted) {
    return {
      dialect: 'abn-legacy',
      counterpartyAccount: dotted[1]!.replace(/\./g, ''),
      counterpartyName: squash(first.slice(32)) || undefined,
      structuredReference: kenmerk,
      remittance: joinFreeLines(lines.slice(1)),
    };
  }
  // Card payment / cash withdrawal: the merchant stands before ",PAS123".
  const spaced = lines.join(' ');
  const card = /^(?:BEA|GEA)(?:\s+NR:\S+\s+\d{2}\.\d{2}\.\d{2}\/\d{2}[.:]\d{2}|,\s*[\w ]+?\s{2,})\s*(.*?)\s*,PAS\d+/.exec(spaced) ??
    /^(?:BEA|GEA)\s+(.*?)\s*,PAS\d+/.exec(all);
  return { dialect: 'abn-legacy', counterpartyName: squash(card?.[1]) || undefined, structuredReference: kenmerk, remittance: all };
}

/** Reads the :86: lines (or one ABN AMRO TXT description) into counterparty, references and text. */
export function parseNarrative(lines: string[]): Narrative {
  const body = lines;
  const joinedTight = body.join('');
  let n: Narrative;
  if (STARTS_CODED.test(joinedTight)) n = parseCoded(body);
  else if (/^\s*\d{3}>\d{2}/.test(joinedTight)) n = parseTriodos(body);
  else if (/REK:\s*[A-Z0-9]+\s*\/\s*NAAM:/i.test(joinedTight)) n = parseKnab(joinFreeLines(body));
  else if (/^\s*[A-Z]{2}\d{2}[A-Z0-9]{11,30}\s+\S/.test(body[0] ?? '') && looksLikeIban((body[0] ?? '').trim().split(/\s+/)[0]!)) n = parseSns(body);
  else if (/^(GIRO\s+\d|\d{1,3}(\.\d{2,3}){2,3}\s|BEA[\s,]|GEA[\s,])/.test(body[0] ?? '')) n = parseAbnLegacy(body);
  else if (/(^|\s)(IBAN|Naam|Omschrijving|Betalingskenm\.)\s?:/i.test(joinFreeLines(body))) n = parseLabelled(joinFreeLines(body));
  else {
    const text = joinFreeLines(body);
    const ing = /^(\d{9,10})\s+(.*)$/.exec(text);
    n = ing ? { dialect: 'ing-legacy', counterpartyAccount: classifyAccount(ing[1]).account, remittance: squash(ing[2]) } : { dialect: 'plain', remittance: text };
  }
  return compact(n);
}

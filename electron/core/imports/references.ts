// Payment references (betalingskenmerk, RF creditor reference, any kenmerk) and invoice numbers,
// as the matcher looks them up in a transaction's text.

/** Upper case without spaces, dots, dashes and slashes: "5000 0567 8901 2345" → "5000056789012345". */
export const normaliseReference = (text: string) => (CANONICAL_REF.test(text) ? text : text.toUpperCase().replace(/[\s.\-/]+/g, ''));
const CANONICAL_REF = /^[0-9A-Z]*$/;

/** An invoice number as it is compared: upper case, single spaces. */
export const normaliseInvoiceNumber = (text: string) => (CANONICAL_NUMBER.test(text) ? text : text.toUpperCase().replace(/\s+/g, ' ').trim());
/** Printable ASCII without lower case letters or spaces is already in normal form. */
const CANONICAL_NUMBER = /^[!-`{-~]*$/;

/** "5000056789012345" → "5000 0567 8901 2345"; an RF reference in groups of four as well. */
export function formatReference(normalised: string): string {
  return /^(\d{16}|RF\d{2}[A-Z0-9]+)$/.test(normalised) ? normalised.replace(/(.{4})(?=.)/g, '$1 ') : normalised;
}

const MAX_REF = 35;

/**
 * Every string in the text that could be a payment reference, normalised: runs of digits with or
 * without spaces or dots between the groups (every contiguous stretch of groups, 7–35 digits),
 * RF references with or without spaces (every prefix), and each word of 4+ characters.
 */
export function candidateReferences(text: string): Set<string> {
  const out = new Set<string>();
  if (!text) return out;
  for (const run of text.matchAll(/\d[\d .]*\d|\d/g)) {
    const groups = run[0].split(/[ .]+/).filter(Boolean);
    for (let i = 0; i < groups.length && i < 40; i++) {
      let s = '';
      for (let j = i; j < groups.length; j++) {
        s += groups[j];
        if (s.length > MAX_REF) break;
        if (s.length >= 7) out.add(s);
      }
    }
  }
  for (const rf of text.toUpperCase().matchAll(/RF\s?\d{2}(?:\s?[A-Z0-9]){1,21}/g)) {
    const compact = rf[0].replace(/\s/g, '');
    for (let len = 5; len <= compact.length; len++) out.add(compact.slice(0, len));
  }
  for (const word of text.split(/[\s,;:()[\]{}"'<>|]+/)) {
    const w = normaliseReference(word.replace(/^[#*]+|[.#*]+$/g, ''));
    if (w.length >= 4 && w.length <= MAX_REF) out.add(w);
  }
  return out;
}

const SPLIT = /[\s,;:()[\]{}"'!?<>|]+/;
const KEYWORD = /^(factuur|factuurnr|factuurnummer|fact|fct|nr|nummer|no|invoice|inv|nota|notanr)$/;

export interface NumberToken {
  /** normalised candidate invoice number */
  value: string;
  /** true when the word before it says "factuur", "nr", "invoice"… */
  afterKeyword: boolean;
}

/**
 * The words of a text that could be an invoice number: each word with surrounding punctuation
 * removed, its parts split at "." ":" "/" "#" and "+" ("Fact.2026-014", "2026-014/2026-015"), and
 * runs of up to `maxWords` words for numbers that contain spaces.
 */
export function numberTokens(text: string, maxWords = 1): NumberToken[] {
  if (!text) return [];
  const words = text.split(SPLIT).map((w) => w.replace(/^[#*.\-/]+|[.\-/*#]+$/g, '')).filter(Boolean);
  const out: NumberToken[] = [];
  words.forEach((w, i) => {
    const prev = (words[i - 1] ?? '').toLowerCase().replace(/[^a-z]/g, '');
    const afterKeyword = KEYWORD.test(prev) || /^(factuur|fact|nr|invoice|inv)\.?$/i.test(w.split(/[.:#]/)[0] ?? '');
    out.push({ value: normaliseInvoiceNumber(w), afterKeyword });
    const parts = w.split(/[.:/#+]+/).filter(Boolean);
    if (parts.length > 1) {
      parts.forEach((p, k) => {
        const kw = afterKeyword || (k > 0 && KEYWORD.test((parts[k - 1] ?? '').toLowerCase()));
        out.push({ value: normaliseInvoiceNumber(p), afterKeyword: kw });
      });
    }
    for (let n = 2; n <= maxWords && i + n <= words.length; n++) {
      out.push({ value: normaliseInvoiceNumber(words.slice(i, i + n).join(' ')), afterKeyword: KEYWORD.test(prev) });
    }
  });
  return out;
}

// Names compared the way people recognise them: "Bakkerij Ünal B.V." and "BAKKERIJ UNAL BV" are one.

const LEGAL_FORM = /(?<=\s)(?:b\.?\s?v|n\.?\s?v|v\.?\s?o\.?\s?f|c\.?\s?v|eenmanszaak)\.?(?=\s)/g;
const TITLE = /^\s*(?:dhr|hr|mevr|mw|fam)\.?\s+/;

/**
 * Lower case, accents stripped (NFD), legal forms (b.v., bv, n.v., v.o.f., vof, c.v., eenmanszaak)
 * and a leading title (dhr., mevr.) left out, other punctuation to spaces, whitespace collapsed.
 */
export function normaliseName(name: string | undefined | null): string {
  if (!name) return '';
  let s = ` ${name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/&/g, ' en ').replace(/[,;()]/g, ' ')} `;
  s = s.replace(LEGAL_FORM, ' ').replace(LEGAL_FORM, ' ');
  s = s.replace(TITLE, ' ');
  return s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

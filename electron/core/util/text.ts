/**
 * Search text without accents and case: SQLite in better-sqlite3 has no ICU, so LIKE would not
 * find "Müller" when you type "muller". We store this form next to the name and search it.
 */
// Letters that Unicode does not decompose into a base letter plus an accent.
const UNDECOMPOSED: Record<string, string> = { ł: 'l', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't', ŀ: 'l', ĳ: 'ij' };

export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase()
    .replace(/[łøßæœđðþıħŧŀĳ]/g, (c) => UNDECOMPOSED[c] ?? c).replace(/\s+/g, ' ').trim();
}

/** Escapes % and _ for a LIKE pattern with ESCAPE '\\'. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Search text without accents and case: SQLite in better-sqlite3 has no ICU, so LIKE would not
 * find "Müller" when you type "muller". We store this form next to the name and search it.
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Escapes % and _ for a LIKE pattern with ESCAPE '\\'. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

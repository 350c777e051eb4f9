import { z } from 'zod';

/** Money is integer euro cents, everywhere. */
export type Cents = number;
/** A calendar date, `yyyy-MM-dd`. */
export type IsoDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date in `yyyy-MM-dd` form (rejects 2026-02-30). */
export const isoDate = z.string().refine((s) => {
  if (!ISO_DATE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}, { message: 'Geen geldige datum (verwacht jjjj-mm-dd).' });

export const cents = z.number().int({ message: 'Bedrag in hele centen.' }).min(0, { message: 'Bedrag mag niet negatief zijn.' }).max(99_999_999_999, { message: 'Bedrag is te groot.' });
export const positiveCents = cents.refine((c) => c > 0, { message: 'Bedrag moet groter dan nul zijn.' });
export const id = z.number().int().positive();
export const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'Geen geldige bestandsinhoud (base64).' });

export const language = z.enum(['nl', 'en']);
export type Language = z.infer<typeof language>;

/** Optional free text: trimmed, empty becomes null. */
export const optionalText = (max = 500) =>
  z.string().max(max, { message: `Maximaal ${max} tekens.` }).transform((s) => (s.trim() === '' ? null : s.trim())).nullish()
    .transform((v) => v ?? null);
export const requiredText = (max = 200, message = 'Dit veld is verplicht.') =>
  z.string().transform((s) => s.trim()).pipe(z.string().min(1, { message }).max(max, { message: `Maximaal ${max} tekens.` }));

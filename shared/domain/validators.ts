import { z } from 'zod';
import { formatIban, isValidDutchVatId, isValidIban, isValidKvkNumber, normalizeIban } from '../law';

/**
 * Form fields with the checks of shared/law and the Dutch messages a person can act on. Each
 * accepts an empty value as "not given" (null).
 */
const empty = (s: string) => s.trim() === '';

export const ibanField = z.string().transform((s) => s.trim()).refine((s) => empty(s) || isValidIban(s), {
  message: 'Dit IBAN klopt niet (controlecijfer). Controleer het nummer, bijvoorbeeld NL91 ABNA 0417 1643 00.',
}).transform((s) => (empty(s) ? null : formatIban(normalizeIban(s))));

export const requiredIbanField = z.string().transform((s) => s.trim()).refine((s) => !empty(s), { message: 'Vul je IBAN in: het komt op elke herinnering.' })
  .refine((s) => isValidIban(s), { message: 'Dit IBAN klopt niet (controlecijfer). Controleer het nummer, bijvoorbeeld NL91 ABNA 0417 1643 00.' })
  .transform((s) => formatIban(normalizeIban(s)));

export const kvkField = z.string().transform((s) => s.replace(/\s/g, '')).refine((s) => s === '' || isValidKvkNumber(s), {
  message: 'Een KvK-nummer heeft 8 cijfers.',
}).transform((s) => (s === '' ? null : s));

export const vatIdField = z.string().transform((s) => s.replace(/[\s.]/g, '').toUpperCase()).refine((s) => s === '' || isValidDutchVatId(s), {
  message: 'Dit btw-id klopt niet. Een Nederlands btw-id ziet eruit als NL000099998B57.',
}).transform((s) => (s === '' ? null : s));

/** Dutch postcode `1234 AB` (no 0 at the start; SA, SD and SS are not issued). Other countries: free. */
export const POSTCODE_NL = /^[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}$/;
export function formatPostcode(raw: string): string {
  const s = raw.trim().toUpperCase().replace(/\s+/g, '');
  return /^\d{4}[A-Z]{2}$/.test(s) ? `${s.slice(0, 4)} ${s.slice(4)}` : raw.trim();
}

export const emailField = z.string().transform((s) => s.trim()).refine((s) => empty(s) || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), {
  message: 'Dit e-mailadres klopt niet (voorbeeld: naam@bedrijf.nl).',
}).transform((s) => (empty(s) ? null : s));

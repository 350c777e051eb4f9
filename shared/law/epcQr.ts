// EPC QR code payload, EPC069-12 "Quick Response Code: guidelines to enable data capture for the
// initiation of a SEPA credit transfer" (docs/domain-nl.md §7), version 002, character set 1
// (UTF-8), lines separated by LF:
//   1 BCD  2 002  3 1  4 SCT  5 BIC (optional in version 002)  6 name (1–70)  7 IBAN
//   8 EUR + amount (0.01–999999999.99, decimal point)  9 purpose (left empty)
//  10 structured creditor reference (≤ 35)  11 unstructured text (≤ 140)  12 (not used)
// Exactly one of lines 10 and 11 is filled; no separator follows the last filled element; the
// whole payload is at most 331 bytes.
// Decision on references: an ISO 11649 RF reference goes on line 10 (the structured reference the
// standard recommends). A Dutch betalingskenmerk goes as plain digits on line 11 (unstructured),
// followed by the optional text: bank apps are not known to accept a betalingskenmerk on line 10
// (domain doc, "Unverified" item 7). An RF reference together with a text is refused, because
// the standard allows only one of the two lines.
import { isValidBetalingskenmerk } from './betalingskenmerk';
import { isValidIban, normalizeIban } from './iban';
import { assertCents, centsToDecimal } from './money';
import { isValidRfReference } from './rfReference';
import type { Cents } from './types';
import { utf8Length } from './utf8';

export const EPC_MAX_BYTES = 331;

export type EpcQrInput = {
  /** Beneficiary name, 1–70 characters after trimming. */
  name: string;
  iban: string;
  /** 8 or 11 characters; may be left out (version 002, EEA). */
  bic?: string;
  /** 1 … 99,999,999,999 cents. */
  amount: Cents;
  /** An RF reference or a betalingskenmerk (spaces allowed). */
  reference?: string;
  /** Free text for the payer's description, ≤ 140 characters. */
  text?: string;
};

function characters(value: string): number {
  return [...value].length;
}

function assertSingleLine(value: string, label: string): void {
  if (/[\r\n]/.test(value)) throw new Error(`${label} mag geen regeleinde bevatten.`);
}

export function epcQrPayload(input: EpcQrInput): string {
  if (input === null || typeof input !== 'object') throw new Error('Geen gegevens voor de QR-code.');

  if (typeof input.name !== 'string') throw new Error('Naam van de begunstigde ontbreekt.');
  const name = input.name.trim();
  assertSingleLine(name, 'Naam van de begunstigde');
  if (name === '') throw new Error('Naam van de begunstigde ontbreekt.');
  if (characters(name) > 70) throw new Error(`Naam van de begunstigde is te lang: ${characters(name)} tekens (maximaal 70).`);

  if (!isValidIban(input.iban)) throw new Error(`Ongeldig IBAN voor de QR-code: '${String(input.iban)}'.`);
  const iban = normalizeIban(input.iban);

  let bic = '';
  if (input.bic !== undefined && input.bic.trim() !== '') {
    bic = input.bic.replace(/\s+/g, '').toUpperCase();
    if (!/^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic)) throw new Error(`Ongeldige BIC: '${input.bic}'.`);
  }

  assertCents(input.amount, 'bedrag voor de QR-code');
  if (input.amount < 1 || input.amount > 99_999_999_999) {
    throw new Error('Bedrag voor de QR-code moet tussen € 0,01 en € 999.999.999,99 liggen.');
  }
  const amount = `EUR${centsToDecimal(input.amount)}`;

  const text = input.text === undefined ? '' : input.text.trim();
  assertSingleLine(text, 'Omschrijving');

  let structured = '';
  let unstructured = text;
  const reference = input.reference === undefined ? '' : input.reference.replace(/\s+/g, '').toUpperCase();
  if (reference !== '') {
    if (reference.startsWith('RF')) {
      if (!isValidRfReference(reference)) throw new Error(`Ongeldige RF-referentie: '${input.reference}'.`);
      if (text !== '') {
        throw new Error('Een QR-code bevat óf een RF-referentie óf een omschrijving, niet allebei.');
      }
      structured = reference;
    } else if (isValidBetalingskenmerk(reference)) {
      unstructured = text === '' ? reference : `${reference} ${text}`;
    } else {
      throw new Error(`Ongeldig betalingskenmerk of RF-referentie: '${input.reference}'.`);
    }
  }
  if (structured === '' && unstructured === '') {
    throw new Error('Een QR-code heeft een betalingskenmerk, RF-referentie of omschrijving nodig.');
  }
  if (characters(unstructured) > 140) {
    throw new Error(`Omschrijving is te lang: ${characters(unstructured)} tekens (maximaal 140).`);
  }

  const lines = ['BCD', '002', '1', 'SCT', bic, name, iban, amount, '', structured, unstructured];
  while (lines[lines.length - 1] === '') lines.pop();
  const payload = lines.join('\n');
  const bytes = utf8Length(payload);
  if (bytes > EPC_MAX_BYTES) {
    throw new Error(`De QR-gegevens zijn te lang: ${bytes} bytes (maximaal ${EPC_MAX_BYTES}).`);
  }
  return payload;
}

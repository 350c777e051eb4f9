// Money helpers: integer euro cents, exact arithmetic, rounding half-up once.
import type { Cents } from './types';

/** Throws a Dutch error unless `value` is a non-negative whole number of cents. */
export function assertCents(value: Cents, label = 'bedrag'): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`Ongeldig ${label}: ${String(value)} is geen getal.`);
  }
  if (!Number.isSafeInteger(value)) {
    throw new Error(`Ongeldig ${label}: ${value} is geen geheel aantal centen.`);
  }
  if (value < 0) {
    throw new Error(`Ongeldig ${label}: ${value} is negatief.`);
  }
}

/** numerator / denominator rounded half-up (both non-negative, denominator > 0). */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

/** 12345 → '123.45' (decimal point, two decimals, no thousands separator). */
export function centsToDecimal(cents: Cents): string {
  assertCents(cents);
  const euros = Math.floor(cents / 100);
  const rest = cents % 100;
  return `${euros}.${rest.toString().padStart(2, '0')}`;
}

import { describe, expect, it } from 'vitest';
import { isValidKvkNumber, isValidVestigingsnummer } from '../../../shared/law';

describe('KvK-nummer (8 digits, no public check digit)', () => {
  it('accepts exactly eight digits, also with a leading zero or spaces', () => {
    expect(isValidKvkNumber('12345678')).toBe(true);
    expect(isValidKvkNumber('01234567')).toBe(true);
    expect(isValidKvkNumber('1234 5678')).toBe(true);
  });

  it('rejects other lengths, letters and all zeros', () => {
    for (const value of ['1234567', '123456789', '1234567a', '', '00000000', '1234-5678']) {
      expect(isValidKvkNumber(value)).toBe(false);
    }
  });

  it('the vestigingsnummer has 12 digits', () => {
    expect(isValidVestigingsnummer('000012345678')).toBe(true);
    expect(isValidVestigingsnummer('12345678')).toBe(false);
    expect(isValidVestigingsnummer('000000000000')).toBe(false);
  });
});

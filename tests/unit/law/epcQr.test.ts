import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EPC_MAX_BYTES, epcQrPayload } from '../../../shared/law';
import { utf8Length } from '../../../shared/law/utf8';

const base = { name: 'Jansen Advies', iban: 'NL91 ABNA 0417 1643 00', amount: 51_425 };

describe('EPC QR payload (EPC069-12, version 002, UTF-8, LF)', () => {
  it('reproduces the example of the domain doc: RF reference on line 10, nothing after it', () => {
    expect(epcQrPayload({ ...base, reference: 'RF18 5390 0754 7034' }))
      .toBe('BCD\n002\n1\nSCT\n\nJansen Advies\nNL91ABNA0417164300\nEUR514.25\n\nRF18539007547034');
  });

  it('puts a betalingskenmerk as digits on line 11 (unstructured), with line 10 empty', () => {
    const lines = epcQrPayload({ ...base, reference: '5000 0567 8901 2345' }).split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[9]).toBe('');
    expect(lines[10]).toBe('5000056789012345');
  });

  it('adds the text after a betalingskenmerk on line 11', () => {
    const lines = epcQrPayload({ ...base, reference: '5000056789012345', text: 'Factuur 2025-014' }).split('\n');
    expect(lines[10]).toBe('5000056789012345 Factuur 2025-014');
  });

  it('puts a text alone on line 11', () => {
    expect(epcQrPayload({ ...base, text: '  Factuur 2025-014 ' }))
      .toBe('BCD\n002\n1\nSCT\n\nJansen Advies\nNL91ABNA0417164300\nEUR514.25\n\n\nFactuur 2025-014');
  });

  it('includes a BIC when given', () => {
    expect(epcQrPayload({ ...base, bic: 'abnanl2a', reference: 'RF18539007547034' }).split('\n')[4]).toBe('ABNANL2A');
    expect(() => epcQrPayload({ ...base, bic: 'ABN', reference: 'RF18539007547034' })).toThrow(/BIC/);
  });

  it('writes the amount with a decimal point and two decimals, € 0.01 to € 999,999,999.99', () => {
    const amountLine = (amount: number) => epcQrPayload({ ...base, amount, text: 'x' }).split('\n')[7];
    expect(amountLine(1)).toBe('EUR0.01');
    expect(amountLine(1_000)).toBe('EUR10.00');
    expect(amountLine(99_999_999_999)).toBe('EUR999999999.99');
    expect(() => amountLine(0)).toThrow(/€ 0,01/);
    expect(() => amountLine(100_000_000_000)).toThrow(/€ 0,01/);
    expect(() => amountLine(-5)).toThrow(/negatief/);
    expect(() => amountLine(12.5)).toThrow(/geheel aantal centen/);
  });

  it('fills exactly one of lines 10 and 11', () => {
    expect(() => epcQrPayload({ ...base })).toThrow(/nodig/);
    expect(() => epcQrPayload({ ...base, reference: 'RF18539007547034', text: 'Factuur 14' })).toThrow(/niet allebei/);
    expect(() => epcQrPayload({ ...base, reference: 'RF19539007547034' })).toThrow(/RF-referentie/);
    expect(() => epcQrPayload({ ...base, reference: '12345678' })).toThrow(/betalingskenmerk/);
  });

  it('checks name, IBAN and text lengths and refuses line breaks', () => {
    expect(epcQrPayload({ ...base, name: 'N'.repeat(70), text: 'x' }).split('\n')[5]).toHaveLength(70);
    expect(() => epcQrPayload({ ...base, name: 'N'.repeat(71), text: 'x' })).toThrow(/maximaal 70/);
    expect(() => epcQrPayload({ ...base, name: '   ', text: 'x' })).toThrow(/ontbreekt/);
    expect(() => epcQrPayload({ ...base, name: 'Jansen\nAdvies', text: 'x' })).toThrow(/regeleinde/);
    expect(() => epcQrPayload({ ...base, iban: 'NL00ABNA0417164300', text: 'x' })).toThrow(/IBAN/);
    expect(epcQrPayload({ ...base, text: 't'.repeat(140) }).endsWith('t'.repeat(140))).toBe(true);
    expect(() => epcQrPayload({ ...base, text: 't'.repeat(141) })).toThrow(/maximaal 140/);
    expect(() => epcQrPayload({ ...base, reference: '5000056789012345', text: 't'.repeat(124) })).toThrow(/maximaal 140/);
  });

  it('refuses a payload of more than 331 bytes', () => {
    // 70 × '€' (3 bytes) + 140 × 'é' (2 bytes) → far over 331 bytes
    expect(() => epcQrPayload({ ...base, name: '€'.repeat(70), text: 'é'.repeat(140) })).toThrow(/maximaal 331/);
  });

  it('property: never more than 331 UTF-8 bytes, LF only, no trailing separator', () => {
    fc.assert(fc.property(fc.string({ maxLength: 70 }), fc.string({ maxLength: 140 }), fc.integer({ min: 1, max: 99_999_999_999 }),
      (name, text, amount) => {
        let payload: string;
        try {
          payload = epcQrPayload({ name: `N${name.replace(/[\r\n]/g, ' ')}`.slice(0, 70), iban: 'NL91ABNA0417164300', amount, text: `T${text.replace(/[\r\n]/g, ' ')}`.slice(0, 140) });
        } catch (error) {
          expect(String(error)).toMatch(/maximaal/);
          return;
        }
        expect(utf8Length(payload)).toBeLessThanOrEqual(EPC_MAX_BYTES);
        expect(payload.includes('\r')).toBe(false);
        expect(payload.endsWith('\n')).toBe(false);
        expect(payload.split('\n').slice(0, 4)).toEqual(['BCD', '002', '1', 'SCT']);
      }));
  });
});

describe('UTF-8 length without TextEncoder', () => {
  it('property: equals Node\'s byte length', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 50 }), (value) => {
      expect(utf8Length(value)).toBe(Buffer.byteLength(value, 'utf8'));
    }));
    expect(utf8Length('\ud800')).toBe(Buffer.byteLength('\ud800', 'utf8')); // a lone surrogate
  });
});

// CSV for Dutch Excel: BOM, semicolons, decimal comma, dd-mm-jjjj, CRLF, and no formulas from text.
import { describe, expect, it } from 'vitest';
import { BOM, toCsv } from '../../../electron/core/insights/csv';

describe('toCsv', () => {
  it('writes a BOM, semicolons, a decimal comma without thousands separators, Dutch dates and CRLF', () => {
    const csv = toCsv(['Klant', 'Open', 'Dagen', 'Deel', 'Datum'], [
      ['Bakkerij De Korenschoof B.V.', { cents: 123_456_78 }, { number: 19.7, decimals: 1 }, { percent: 3 / 7 }, { date: '2026-11-24' }],
      ['Łukasz Kowalski', { cents: 5 }, { number: -0.7, decimals: 1 }, { percent: null }, null],
    ]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1)).toBe(
      'Klant;Open;Dagen;Deel;Datum\r\n' +
      'Bakkerij De Korenschoof B.V.;123456,78;19,7;42,9;24-11-2026\r\n' +
      'Łukasz Kowalski;0,05;-0,7;;\r\n');
  });

  it('neutralises text that Excel would run as a formula (= + - @, tab, CR), but not the numbers it writes itself', () => {
    const csv = toCsv(['a'], [['=HYPERLINK("http://x","klik")'], ['+31 6 1234'], ['-2+3'], ['@SUM(A1)'], ['\tx'], [{ cents: -150 }], [{ number: -3 }]]);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'a', '"\'=HYPERLINK(""http://x"",""klik"")"', "'+31 6 1234", "'-2+3", "'@SUM(A1)", "'\tx", '-1,50', '-3', '',
    ]);
  });

  it('quotes fields with a semicolon, a quote or a line break, and doubles the quotes', () => {
    const csv = toCsv(['a', 'b'], [['Groen; & Zn.', 'zegt "morgen"\nbetaald']]);
    expect(csv.slice(1)).toBe('a;b\r\n"Groen; & Zn.";"zegt ""morgen""\nbetaald"\r\n');
  });
});

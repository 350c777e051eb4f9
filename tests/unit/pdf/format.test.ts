import { describe, expect, it } from 'vitest';
import {
  addressLines, formatCents, formatIban, formatLongDate, formatPercent, formatPostcode, formatShortDate,
  returnAddressLine,
} from '../../../electron/core/letters/layout/format';
import { parseBoldMarkup } from '../../../electron/core/letters/layout/markup';
import QRCode from 'qrcode';
import { darkOutline, epcQrSvg, EPC_MAX_VERSION, QUIET_ZONE_MODULES } from '../../../electron/core/letters/layout/qr';

describe('formatCents', () => {
  it('writes Dutch amounts with a thousands dot and a decimal comma', () => {
    expect(formatCents(0)).toBe('€ 0,00');
    expect(formatCents(5)).toBe('€ 0,05');
    expect(formatCents(100)).toBe('€ 1,00');
    expect(formatCents(123_456)).toBe('€ 1.234,56');
    expect(formatCents(100_000_000)).toBe('€ 1.000.000,00');
    expect(formatCents(99_999_999_999)).toBe('€ 999.999.999,99');
  });

  it('puts the minus sign in front of the euro sign', () => {
    expect(formatCents(-123_456)).toBe('-€ 1.234,56');
    expect(formatCents(-1)).toBe('-€ 0,01');
  });

  it('writes English amounts the English way', () => {
    expect(formatCents(123_456, 'en')).toBe('€1,234.56');
    expect(formatCents(-5, 'en')).toBe('-€0.05');
  });

  it('refuses anything that is not whole cents', () => {
    expect(() => formatCents(12.5)).toThrow();
    expect(() => formatCents(Number.NaN)).toThrow();
  });
});

describe('dates', () => {
  it('formats dd-MM-yyyy', () => {
    expect(formatShortDate('2026-11-24')).toBe('24-11-2026');
    expect(formatShortDate('2026-01-05', 'nl')).toBe('05-01-2026');
    expect(formatShortDate('2026-01-05', 'en')).toBe('05/01/2026');
  });

  it('writes long dates with Dutch and English month names', () => {
    expect(formatLongDate('2026-11-24', 'nl')).toBe('24 november 2026');
    expect(formatLongDate('2026-03-01', 'nl')).toBe('1 maart 2026');
    expect(formatLongDate('2026-05-19', 'nl')).toBe('19 mei 2026');
    expect(formatLongDate('2026-11-24', 'en')).toBe('24 November 2026');
  });

  it('refuses dates that do not exist or are not yyyy-MM-dd', () => {
    expect(() => formatShortDate('2026-02-30')).toThrow(/Geen geldige datum/);
    expect(() => formatLongDate('24-11-2026', 'nl')).toThrow();
    expect(() => formatShortDate('')).toThrow();
  });
});

describe('other formats', () => {
  it('groups an IBAN by four', () => {
    expect(formatIban('NL91ABNA0417164300')).toBe('NL91 ABNA 0417 1643 00');
    expect(formatIban('nl91 abna 0417 1643 00')).toBe('NL91 ABNA 0417 1643 00');
  });

  it('writes percentages with at least two decimals', () => {
    expect(formatPercent(10.15)).toBe('10,15%');
    expect(formatPercent(8)).toBe('8,00%');
    expect(formatPercent(4.125)).toBe('4,125%');
    expect(formatPercent(10.15, 'en')).toBe('10.15%');
  });

  it('normalises Dutch postcodes and leaves others alone', () => {
    expect(formatPostcode('1234ab')).toBe('1234 AB');
    expect(formatPostcode(' 1234  AB ')).toBe('1234 AB');
    expect(formatPostcode('30-001')).toBe('30-001');
  });

  it('writes the address the Dutch postal way', () => {
    expect(addressLines({ name: 'Bakkerij De Vries', contactName: 'P. de Vries', street: 'Dorpsstraat 7', postcode: '1234ab', city: 'Amersfoort' }, 't.a.v.'))
      .toEqual(['Bakkerij De Vries', 't.a.v. P. de Vries', 'Dorpsstraat 7', '1234 AB  AMERSFOORT']);
    expect(addressLines({ name: 'A', street: 'Rue 1', postcode: '1000', city: 'Bruxelles', country: 'België' }, 't.a.v.'))
      .toEqual(['A', 'Rue 1', '1000  BRUXELLES', 'BELGIË']);
    expect(addressLines({ name: 'A', street: 'B 1', postcode: '1234 AB', city: "'s-Hertogenbosch", country: 'Nederland' }, 't.a.v.'))
      .toEqual(['A', 'B 1', "1234 AB  'S-HERTOGENBOSCH"]);
  });

  it('writes the return address on one line', () => {
    expect(returnAddressLine({ name: 'Jansen Advies', street: 'Oudegracht 112A', postcode: '3511av', city: 'Utrecht' }))
      .toBe('Jansen Advies · Oudegracht 112A · 3511 AV Utrecht');
  });
});

describe('parseBoldMarkup', () => {
  it('makes text between double asterisks bold', () => {
    expect(parseBoldMarkup('Betaal **€ 10,00** vóór **1 mei**.')).toEqual([
      { text: 'Betaal ' }, { text: '€ 10,00', bold: true }, { text: ' vóór ' }, { text: '1 mei', bold: true }, { text: '.' },
    ]);
  });

  it('leaves plain text, unpaired and empty markers alone', () => {
    expect(parseBoldMarkup('Gewoon')).toEqual([{ text: 'Gewoon' }]);
    expect(parseBoldMarkup('a ** b')).toEqual([{ text: 'a ** b' }]);
    expect(parseBoldMarkup('a****b')).toEqual([{ text: 'a' }, { text: 'b' }]);
    expect(parseBoldMarkup('')).toEqual([]);
  });
});

describe('epcQrSvg', () => {
  it('encodes a typical EPC payload in byte mode within version 13', () => {
    const payload = ['BCD', '002', '1', 'SCT', '', 'Łukasz Şahin Café', 'NL91ABNA0417164300', 'EUR12.34', '', 'RF18539007547034'].join('\n');
    const qr = epcQrSvg(payload);
    expect(qr.version).toBeLessThanOrEqual(EPC_MAX_VERSION);
    expect(qr.svg).toMatch(/^<svg width="(\d+)" height="\1" viewBox="0 0 \1 \1"><rect width="\1" height="\1" fill="#ffffff"\/><path fill="#000000" d="M[^"]+"\/><\/svg>$/);
    expect(qr.modules).toBe(17 + 4 * qr.version);
    expect(qr.svg).not.toMatch(/https?:/);
  });

  it('refuses a payload longer than EPC069-12 allows', () => {
    expect(() => epcQrSvg('x'.repeat(332))).toThrow(/331/);
  });

  it('draws exactly the dark modules of the code', () => {
    const payload = ['BCD', '002', '1', 'SCT', '', 'Jansen Advies', 'NL91ABNA0417164300', 'EUR1234.56', '', '', 'Factuur 2026-0012'].join('\n');
    const qr = epcQrSvg(payload);
    const expected = QRCode.create([{ mode: 'byte', data: new TextEncoder().encode(payload) }], { errorCorrectionLevel: 'M' }).modules;
    const d = /<path fill="#000000" d="([^"]+)"/.exec(qr.svg)![1]!;
    const total = qr.modules + 2 * QUIET_ZONE_MODULES;
    const filled = fillOf(d, total);
    for (let row = 0; row < total; row++) {
      for (let col = 0; col < total; col++) {
        const r = row - QUIET_ZONE_MODULES, c = col - QUIET_ZONE_MODULES;
        const dark = r >= 0 && c >= 0 && r < qr.modules && c < qr.modules && Boolean(expected.data[r * qr.modules + c]);
        expect(filled(row, col), `module ${r},${c}`).toBe(dark);
      }
    }
  });
});

/**
 * Which cells the path data of darkOutline fills with the nonzero rule: the winding number at each
 * cell's centre, counted over the vertical edges to its right. Accepts only M, H, V and z.
 */
function fillOf(d: string, size: number): (row: number, col: number) => boolean {
  const verticals: { x: number; from: number; to: number }[] = [];
  let x = 0, y = 0, startX = 0, startY = 0;
  for (const [, command, a, b] of d.matchAll(/([MHVz])(?:(-?\d+)(?: (-?\d+))?)?/g)) {
    if (command === 'M') { x = startX = Number(a); y = startY = Number(b); }
    else if (command === 'H') x = Number(a);
    else if (command === 'V') { verticals.push({ x, from: y, to: Number(a) }); y = Number(a); }
    else {
      if (x !== startX && y !== startY) throw new Error('a loop closes with a diagonal');
      if (y !== startY) verticals.push({ x, from: y, to: startY });
      x = startX; y = startY;
    }
  }
  expect(d.replace(/([MHVz])(-?\d+)?( -?\d+)?/g, '')).toBe('');
  const winding = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const v of verticals) {
    const [top, bottom, sign] = v.from < v.to ? [v.from, v.to, 1] : [v.to, v.from, -1];
    for (let row = top; row < bottom; row++) for (let col = 0; col < v.x && col < size; col++) winding[row]![col]! += sign;
  }
  return (row, col) => winding[row]![col] !== 0;
}

describe('darkOutline', () => {
  const grid = (rows: string[]) => (row: number, col: number) => rows[row]![col] === '#';
  const check = (rows: string[]) => {
    const filled = fillOf(darkOutline(rows.length, grid(rows)), rows.length);
    for (let row = 0; row < rows.length; row++) {
      for (let col = 0; col < rows.length; col++) expect(filled(row, col), `${row},${col}`).toBe(rows[row]![col] === '#');
    }
  };

  it('keeps light holes light and cells that only touch at a corner apart', () => {
    check(['#####', '#...#', '#.#.#', '#...#', '#####']);
    check(['#.#.', '.#.#', '#.#.', '.#.#']);
    check(['##..', '#.#.', '.###', '..#.']);
  });

  it('covers arbitrary patterns exactly', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 20; n++) {
      const size = 1 + (n % 9);
      check(Array.from({ length: size }, () => Array.from({ length: size }, () => (random() < 0.5 ? '#' : '.')).join('')));
    }
  });

  it('merges straight edges into one command', () => {
    expect(darkOutline(3, () => true)).toBe('M0 0H3V3H0z');
    expect(darkOutline(2, () => true, 4)).toBe('M4 4H6V6H4z');
  });
});

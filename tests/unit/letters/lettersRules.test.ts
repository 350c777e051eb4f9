// The pure rules behind the letters: the veertiendagenbrief checklist item by item, PostNL
// tracking codes, placeholders of a free letter.
import { describe, expect, it } from 'vitest';
import { fillPlaceholders, keepTogether } from '../../../electron/core/letters/compose';
import { fourteenDayChecks, type FourteenDayDraft } from '../../../electron/core/letters/fourteenDayChecks';
import { FOURTEEN_DAY_TERM, NOTHING_EXTRA } from '../../../electron/core/letters/texts';
import { isValidTrackingCode, normalizeTrackingCode, trackingCodeKind } from '../../../shared/contract/methods/letters';
import { collectionCosts } from '../../../shared/law';

function draft(overrides: Partial<FourteenDayDraft> = {}): FourteenDayDraft {
  const invoices = [{ id: 1, number: 'F-1', dueDate: '2026-10-01' }, { id: 2, number: 'F-2', dueDate: '2026-10-20' }];
  return {
    language: 'nl', debtorKind: 'consumer', date: '2026-11-24', addressMissing: [], included: invoices, overdue: invoices, notYetDue: [],
    needsEarlierNotice: false, earlierNoticeLastDay: new Map(), lastDay: '2026-12-10',
    text: `Wij vragen u te betalen ${FOURTEEN_DAY_TERM.nl}. Betaalt u binnen deze termijn, dan ${NOTHING_EXTRA.nl}. Daarna € 208,73 incassokosten.`,
    principal: 1391_50, costs: 208_73, costsWithVat: 208_73, vatSurcharge: false, businessCanDeductVat: true, specificationRows: 2,
    ...overrides,
  };
}

const failing = (d: FourteenDayDraft) => fourteenDayChecks(d).filter((c) => !c.ok).map((c) => c.item);

describe('veertiendagenbrief checklist (pure)', () => {
  it('passes a correct letter on all nine items', () => {
    expect(fourteenDayChecks(draft()).map((c) => [c.item, c.ok])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [n, true]));
  });

  it.each<[string, Partial<FourteenDayDraft>, number[]]>([
    ['a business debtor', { debtorKind: 'business' }, [1]],
    ['dated on the due date of an invoice', { date: '2026-10-20', overdue: [{ id: 1, number: 'F-1', dueDate: '2026-10-01' }], lastDay: '2026-11-09' }, [2]],
    ['nothing overdue at all', { included: [], overdue: [], notYetDue: [{ id: 3, number: 'F-3', dueDate: '2026-12-01' }], specificationRows: 0 }, [2]],
    ['no fixed payment date and no earlier notice that expired', { needsEarlierNotice: true, earlierNoticeLastDay: new Map([[1, '2026-11-30']]) }, [2]],
    ['"na dagtekening" in the text', { text: draft().text.replace('.', ' (veertien dagen na dagtekening).') }, [3]],
    ['the approved wording missing', { text: draft().text.replace(FOURTEEN_DAY_TERM.nl, 'binnen veertien dagen') }, [3]],
    ['a last day one day too early', { lastDay: '2026-12-09' }, [4]],
    ['a cost amount that is not the staffel', { costs: 200_00 }, [5]],
    ['no "costs nothing extra"', { text: draft().text.replace(NOTHING_EXTRA.nl, 'betaalt u minder') }, [5]],
    ['the BTW surcharge while the creditor can deduct VAT', { vatSurcharge: true, costsWithVat: collectionCosts(1391_50, { vatSurcharge: true }) }, [5, 6]],
    ['an overdue invoice left out', { included: [{ id: 1, number: 'F-1', dueDate: '2026-10-01' }], specificationRows: 1 }, [7]],
    ['no specification', { specificationRows: 0 }, [8]],
    ['no address', { addressMissing: ['straat en huisnummer', 'postcode'] }, [9]],
  ])('fails on %s', (_name, overrides, items) => {
    expect(failing(draft(overrides))).toEqual(items);
  });

  it('names the item in Dutch, and the failing invoice or date', () => {
    const [c] = fourteenDayChecks(draft({ date: '2026-10-20', overdue: [], included: [{ id: 2, number: 'F-2', dueDate: '2026-10-20' }], lastDay: '2026-11-09' })).filter((x) => !x.ok);
    expect(c!.message).toBe('Checklist punt 2 (eerst verzuim): de brief is gedateerd 20-10-2026, maar factuur F-2 vervalt pas op 20-10-2026. Een veertiendagenbrief die op of vóór de vervaldatum is gedateerd, telt niet.');
  });

  it('accepts the BTW surcharge with the declaration when the creditor cannot deduct VAT', () => {
    const withVat = collectionCosts(1391_50, { vatSurcharge: true });
    const text = `${draft().text.replace('€ 208,73', '€ 252,56')} Wij verklaren uitdrukkelijk dat wij de btw over de incassokosten niet als voorbelasting kunnen verrekenen.`;
    expect(failing(draft({ vatSurcharge: true, businessCanDeductVat: false, costsWithVat: withVat, text }))).toEqual([]);
    expect(failing(draft({ vatSurcharge: true, businessCanDeductVat: false, costsWithVat: withVat, text: text.replace('niet als voorbelasting kunnen verrekenen', '') }))).toEqual([6]);
  });
});

describe('PostNL track & trace codes', () => {
  it.each([
    ['3SABCD1234567', '3S'], ['3S ABCD 1234567', '3S'], ['3sabcd123456789', '3S'], ['3SAB12345678901', '3S'], ['3S-KLM-1234567890', '3S'],
    ['RR123456785NL', 'S10'], ['rr 123 456 785 nl', 'S10'],
  ])('accepts %s (%s)', (code, kind) => {
    expect(trackingCodeKind(code)).toBe(kind);
  });

  it.each(['3SABCD123456', '3SABCD1234567890', '3SABCDE1234567', '3SABCD12345X7', 'ABCD1234567', 'RR123456789NL', 'RR12345678NL', '', '3S'])('refuses %s', (code) => {
    expect(isValidTrackingCode(code)).toBe(false);
  });

  it('normalises spaces, dots, dashes and case', () => {
    expect(normalizeTrackingCode(' 3s-abcd.123 4567 ')).toBe('3SABCD1234567');
  });
});

describe('free letters and typography', () => {
  it('fills {placeholders} and {{placeholders}}, leaves unknown ones', () => {
    expect(fillPlaceholders('Beste {klant}, er staat {{ bedrag }} open ({onbekend}).', { klant: 'Petra', bedrag: '€ 10,00' }))
      .toBe('Beste Petra, er staat € 10,00 open ({onbekend}).');
  });

  it('keeps article numbers and dates together on one line', () => {
    expect(keepTogether('art. 6:96 BW, uiterlijk 10 december 2026')).toBe('art.\u00a06:96 BW, uiterlijk 10\u00a0december\u00a02026');
  });
});

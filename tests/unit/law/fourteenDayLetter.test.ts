import { addDays, format, getDay, parseISO } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fourteenDayLetterDeadline, isWorkingDay, presumedDeliveryDate } from '../../../shared/law';

const shift = (iso: string, days: number) => format(addDays(parseISO(iso), days), 'yyyy-MM-dd');

describe('veertiendagenbrief (art. 6:96 lid 6 BW, HR 25-11-2016): last day to pay without costs', () => {
  // Presumed delivery D: the 2nd day after sending, not counting Sundays, Mondays and holidays.
  // Last day: D + 14, moved past a Saturday, Sunday or holiday.
  it.each([
    // sent, weekday, delivery D, last day, why
    ['2025-03-03', 'Monday', '2025-03-05', '2025-03-19', 'Tue, Wed count; D + 14 is a Wednesday'],
    ['2025-03-04', 'Tuesday', '2025-03-06', '2025-03-20', 'Wed, Thu count'],
    ['2025-03-06', 'Thursday', '2025-03-08', '2025-03-24', 'Fri, Sat count; D + 14 is a Saturday → Monday'],
    ['2025-03-07', 'Friday', '2025-03-11', '2025-03-25', 'Sat counts, Sun and Mon do not, Tue is D'],
    ['2025-03-08', 'Saturday', '2025-03-12', '2025-03-26', 'Sun and Mon skipped: Tue, Wed'],
    ['2025-03-09', 'Sunday', '2025-03-12', '2025-03-26', 'Mon skipped: Tue, Wed'],
    ['2025-04-16', 'Wednesday before Easter', '2025-04-19', '2025-05-06', 'Thu, (Goede Vrijdag), Sat; 3 May Sat, 4 Sun, 5 Bevrijdingsdag → Tue 6'],
    ['2025-04-17', 'Thursday before Easter', '2025-04-22', '2025-05-06', '(Goede Vrijdag), Sat, (Sun), (Tweede Paasdag), Tue'],
    ['2025-04-24', 'Thursday before Koningsdag', '2025-04-29', '2025-05-13', 'Fri, (Koningsdag Sat 26), (Sun), (Mon), Tue'],
    ['2026-04-24', 'Friday before Koningsdag', '2026-04-28', '2026-05-12', 'Sat, (Sun), (Koningsdag Mon 27), Tue'],
    ['2026-04-28', 'Tuesday', '2026-04-30', '2026-05-18', 'D + 14 = Hemelvaart 14 May, then the equated Friday and the weekend'],
    ['2025-12-22', 'Monday before Christmas', '2025-12-24', '2026-01-07', 'Tue, Wed'],
    ['2025-12-23', 'Tuesday before Christmas', '2025-12-27', '2026-01-12', 'Wed, (Kerst Thu, Fri), Sat; 10 Jan Sat → Mon 12'],
    ['2025-12-24', 'Wednesday before Christmas', '2025-12-30', '2026-01-13', '(Thu, Fri), Sat, (Sun), (Mon), Tue'],
    ['2025-12-30', 'Tuesday before New Year', '2026-01-03', '2026-01-19', 'Wed 31, (Nieuwjaarsdag), (Fri 2 Jan, equated by decree), Sat 3; 17 Jan Sat → Mon 19'],
  ])('sent %s (%s): delivered %s, pay by %s — %s', (sent, _weekday, delivered, last) => {
    expect(presumedDeliveryDate(sent)).toBe(delivered);
    expect(fourteenDayLetterDeadline(sent)).toBe(last);
  });

  it('refuses an invalid send date', () => {
    expect(() => fourteenDayLetterDeadline('2025-02-29')).toThrow(/verzenddatum/);
  });

  it('property: always at least 16 days after sending, on a working day, and never earlier for a later letter', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 4_000 }), (offset) => {
      const sent = shift('2020-01-01', offset);
      const last = fourteenDayLetterDeadline(sent);
      const delivered = presumedDeliveryDate(sent);
      expect(last >= shift(delivered, 14)).toBe(true);
      expect(last >= shift(sent, 16)).toBe(true);
      expect(isWorkingDay(last)).toBe(true);
      const weekday = getDay(parseISO(delivered));
      expect(weekday === 0 || weekday === 1).toBe(false);
      expect(fourteenDayLetterDeadline(shift(sent, 1)) >= last).toBe(true);
    }));
  });
});

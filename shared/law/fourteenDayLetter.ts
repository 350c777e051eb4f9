// Veertiendagenbrief (art. 6:96 lid 6 BW): for a consumer the BIK only become due after a written
// reminder, sent after verzuim began, that gives fourteen days to pay without costs. The term runs
// from the day after receipt (HR 25-11-2016, ECLI:NL:HR:2016:2704) and a term that is too short
// cannot be repaired, so the printed date must never be too early.
// App decision (docs/domain-nl.md §2 item 4 and "Decisions"):
// - presumed delivery D = the 2nd day after sending, where Sundays, Mondays and public holidays
//   count neither as intermediate day nor as delivery day;
// - the last day to pay = D + 14 (days D+1 … D+14), moved forward past a Saturday, Sunday or
//   public holiday (Algemene termijnenwet art. 1; art. 2 is applied as well but never bites here).
// Days equated with a public holiday by decree (Atw art. 3 lid 3) are treated as public holidays
// in both steps; this can only make the date later, which is always allowed.
import { addDays, getDay } from 'date-fns';
import { parseIsoDate, toIsoDate } from './dates';
import { isDutchPublicHoliday, isEquatedDay } from './holidays';
import type { IsoDate } from './types';
import { statutoryTermEnd } from './workingDays';

/** Days on which the HR presumption counts a letter as (possibly) delivered. */
function isPostalDay(date: Date): boolean {
  const weekday = getDay(date);
  if (weekday === 0 || weekday === 1) return false;
  const iso = toIsoDate(date);
  return !isDutchPublicHoliday(iso) && !isEquatedDay(iso);
}

/** Presumed day of delivery of a letter posted on `sendDate` (see the rule above). */
export function presumedDeliveryDate(sendDate: IsoDate): IsoDate {
  let d = parseIsoDate(sendDate, 'verzenddatum');
  for (let counted = 0; counted < 2; ) {
    d = addDays(d, 1);
    if (isPostalDay(d)) counted++;
  }
  return toIsoDate(d);
}

/** The last day on which the debtor can pay without collection costs. */
export function fourteenDayLetterDeadline(sendDate: IsoDate): IsoDate {
  const delivered = parseIsoDate(presumedDeliveryDate(sendDate));
  return statutoryTermEnd(toIsoDate(addDays(delivered, 1)), toIsoDate(addDays(delivered, 14)));
}

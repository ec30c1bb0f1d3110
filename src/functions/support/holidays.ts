/**
 * The `holidays` argument of the business-day functions (Reading R-BD-CALENDAR): extra non-business
 * days listed in the workbook, beyond the Federal Reserve's holidays. A single column or row of Excel
 * dates (CONVENTIONS.md, "Series arguments"); blank cells are skipped, so a user may select a longer
 * range than the list; an omitted argument is no extra holidays. Text, booleans and error values are
 * #VALUE! and a number that is not a date serial is #NUM!, each naming the row.
 */
import { series } from "./arrays";
import { date } from "./params";

/** The extra holidays as a set of whole-day serials, for `isBusinessDay(date, extraHolidays)` and the like. */
export function holidaySet(holidays: unknown, name = "holidays"): Set<number> {
  const dates = series(holidays, date(name, { optional: true }), { optional: true });
  return new Set(dates.filter((d): d is number => d !== undefined));
}

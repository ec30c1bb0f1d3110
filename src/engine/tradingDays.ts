/**
 * The New York Stock Exchange's trading days, for the alternative NYSE of Reading
 * R-EXERCISE-BUSINESSDAY: the grant letter's repurchase price is "the closing price … on the date of
 * exercise" (¶3), a price the Exchange sets only on the days it trades.
 *
 * By rule (NYSE Rule 7.2, "Holidays"; the Exchange's published holiday calendars): Monday to Friday
 * except New Year's Day, Martin Luther King Jr. Day (from 1998), Washington's Birthday, Good Friday,
 * Memorial Day, Juneteenth National Independence Day (from 2022), Independence Day, Labor Day,
 * Thanksgiving Day and Christmas Day. Columbus Day and Veterans Day are trading days. A holiday on a
 * Sunday is observed the Monday after; one on a Saturday the Friday before, except New Year's Day,
 * whose Friday before (the last trading day of the year) stays open (2004-12-31 traded).
 *
 * Besides the rules, the Exchange closed for whole days on the special occasions of
 * `NYSE_SPECIAL_CLOSINGS` (each with its cause; NYSE, "Historical market closings", from the
 * Exchange's records of closings since 1885). Closings announced after this list was written are not
 * known to it: list them in `holidays`. Same years as the Federal Reserve calendar (Reading R-BD-RANGE,
 * 1990 to 9999, the rules projected).
 */
import { serial, serialFromIso, weekday, ymd } from "./dates";
import { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR, BusinessDayMessages, nthWeekday } from "./businessDays";
import { numError } from "./errors";

/** Whole days the Exchange closed outside its holiday rules, 1990 onwards (ISO date, cause). */
export const NYSE_SPECIAL_CLOSINGS: readonly (readonly [iso: string, cause: string])[] = [
  ["1994-04-27", "National day of mourning for President Richard Nixon"],
  ["2001-09-11", "Attacks on the World Trade Center"],
  ["2001-09-12", "Attacks on the World Trade Center"],
  ["2001-09-13", "Attacks on the World Trade Center"],
  ["2001-09-14", "Attacks on the World Trade Center"],
  ["2004-06-11", "National day of mourning for President Ronald Reagan"],
  ["2007-01-02", "National day of mourning for President Gerald Ford"],
  ["2012-10-29", "Hurricane Sandy"],
  ["2012-10-30", "Hurricane Sandy"],
  ["2018-12-05", "National day of mourning for President George H. W. Bush"],
  ["2025-01-09", "National day of mourning for President Jimmy Carter"],
];

const MLK_FIRST_YEAR = 1998;
const JUNETEENTH_FIRST_YEAR = 2022;
const SUNDAY = 0;
const MONDAY = 1;
const THURSDAY = 4;
const SATURDAY = 6;

const SPECIAL = new Set(NYSE_SPECIAL_CLOSINGS.map(([iso]) => serialFromIso(iso)));

/** Easter Sunday (Gregorian; the anonymous algorithm of Meeus). @example easterSunday(2004) //=> serial(2004, 4, 11) */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return serial(year, month, day);
}

/** A fixed-date Exchange holiday as observed: Sunday → Monday, Saturday → Friday (none for New Year's Day on a Saturday). */
function observed(year: number, month: number, day: number): number | undefined {
  const date = serial(year, month, day);
  const dow = weekday(date);
  if (dow === SUNDAY) return date + 1;
  if (dow === SATURDAY) return month === 1 && day === 1 ? undefined : date - 1;
  return date;
}

/**
 * The Exchange's holidays of one year by rule, as observed, sorted (special closings not included).
 *
 * @throws EngineError (num) for a year outside 1990..9999
 * @example nyseHolidays(2004).includes(serial(2004, 4, 9)) //=> true (Good Friday)
 */
export function nyseHolidays(year: number): number[] {
  if (!Number.isInteger(year) || year < CALENDAR_FIRST_YEAR || year > CALENDAR_LAST_YEAR) throw numError(BusinessDayMessages.year("year"));
  const days: (number | undefined)[] = [
    // New Year's Day on a Saturday is not observed (the Friday before, 31 December, trades).
    observed(year, 1, 1),
    year >= MLK_FIRST_YEAR ? nthWeekday(year, 1, MONDAY, 3) : undefined,
    nthWeekday(year, 2, MONDAY, 3),
    easterSunday(year) - 2,
    nthWeekday(year, 5, MONDAY, -1),
    year >= JUNETEENTH_FIRST_YEAR ? observed(year, 6, 19) : undefined,
    observed(year, 7, 4),
    nthWeekday(year, 9, MONDAY, 1),
    nthWeekday(year, 11, THURSDAY, 4),
    observed(year, 12, 25),
  ];
  return days.filter((d): d is number => d !== undefined).sort((a, b) => a - b);
}

const byYear = new Map<number, ReadonlySet<number>>();

function holidaySet(year: number): ReadonlySet<number> {
  let set = byYear.get(year);
  if (set === undefined) {
    set = new Set(nyseHolidays(year));
    byYear.set(year, set);
  }
  return set;
}

/**
 * Whether the Exchange trades on a day: a weekday that is neither an Exchange holiday, a special
 * closing, nor one of `extraHolidays`. A time of day is ignored.
 *
 * @throws EngineError (num) for a date outside 1990-01-01..9999-12-31
 * @example isTradingDay(serial(2004, 6, 11)) //=> false (Reagan's day of mourning); isTradingDay(serial(2004, 10, 11)) //=> true (Columbus Day)
 */
export function isTradingDay(date: number, extraHolidays?: ReadonlySet<number>): boolean {
  const day = Math.floor(date);
  const year = ymd(day).year;
  if (year < CALENDAR_FIRST_YEAR || year > CALENDAR_LAST_YEAR) throw numError(BusinessDayMessages.outside("date", day));
  const dow = weekday(day);
  if (dow === SUNDAY || dow === SATURDAY) return false;
  if (holidaySet(year).has(day) || SPECIAL.has(day)) return false;
  return !(extraHolidays !== undefined && extraHolidays.has(day));
}

/**
 * The first trading day strictly after a date.
 *
 * @throws EngineError (num) when the result falls after 9999-12-31
 * @example nextTradingDay(serial(2004, 6, 10)) //=> serial(2004, 6, 14)
 */
export function nextTradingDay(date: number, extraHolidays?: ReadonlySet<number>): number {
  let day = Math.floor(date) + 1;
  const last = serial(CALENDAR_LAST_YEAR, 12, 31);
  while (day <= last) {
    if (isTradingDay(day, extraHolidays)) return day;
    day++;
  }
  throw numError(BusinessDayMessages.resultOutside());
}

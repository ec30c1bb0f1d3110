/**
 * Business Days: Monday to Friday except the Federal Reserve's holidays and any extra holidays the
 * workbook lists.
 *
 * The Credit Agreement's own definition of "Business Day" is not in the amendment (Section 1.1(aa)
 * and Section 9.1.1(o) use the term without defining it). Reading R-BD-CALENDAR: a Business Day is
 * a weekday that is not a holiday of the Federal Reserve — New Year's Day, Martin Luther King Jr.
 * Day, Washington's Birthday, Memorial Day, Juneteenth National Independence Day (from 2021),
 * Independence Day, Labor Day, Columbus Day, Veterans Day, Thanksgiving Day and Christmas Day —
 * nor one of the extra holidays given.
 *
 * Reading R-BD-SUNDAY: the Federal Reserve's rule for a fixed-date holiday — one falling on a
 * Sunday is observed on the Monday after; one falling on a Saturday is not moved, so the Friday
 * before stays a Business Day (2004-12-25 was a Saturday and 2004-12-24 a Business Day).
 *
 * The holidays are computed from these rules, not listed. Reading R-BD-RANGE: the calendar runs
 * from 1990-01-01 (the rules before differed: Martin Luther King Jr. Day from 1986, Monday holidays
 * from 1971; a date before is #NUM!) to Excel's last date, 9999-12-31, the present rules projected
 * after 2100 (a series of 100,000 daily rows spans 274 years). Holidays are computed once per year
 * and cached, so a scan over 100,000 days costs one hash lookup per day.
 *
 * Not modelled: days the Federal Reserve closed by proclamation outside its published rules
 * (for example national days of mourning); list them as extra holidays.
 */
import { serial, weekday, isoFromSerial, ymd } from "./dates";
import { numError } from "./errors";

export const CALENDAR_FIRST_YEAR = 1990;
/** Excel's last year: after 2100 the Federal Reserve's present rules are projected (Reading R-BD-RANGE). */
export const CALENDAR_LAST_YEAR = 9999;
/** First year in which Juneteenth National Independence Day is a Federal Reserve holiday (ERRATA). */
const JUNETEENTH_FIRST_YEAR = 2021;

const SUNDAY = 0;
const MONDAY = 1;
const THURSDAY = 4;
const SATURDAY = 6;

export const BusinessDayMessages = {
  year: (arg: string) => `${arg} must be a whole year from ${CALENDAR_FIRST_YEAR} to ${CALENDAR_LAST_YEAR}, the years of the business-day calendar`,
  outside: (arg: string, date: number) =>
    `${arg} ${isoFromSerial(date)} is outside the business-day calendar (${CALENDAR_FIRST_YEAR}-01-01 to ${CALENDAR_LAST_YEAR}-12-31)`,
  resultOutside: () => `the result falls outside the business-day calendar (${CALENDAR_FIRST_YEAR}-01-01 to ${CALENDAR_LAST_YEAR}-12-31)`,
} as const;

export interface FederalReserveHoliday {
  /** The date the holiday is observed (a Sunday holiday moves to the Monday; a Saturday one stays). */
  readonly date: number;
  readonly name: string;
}

/** The n-th given weekday of a month (n = 1..4), or the last one when n is -1 (also the NYSE calendar's rule, tradingDays.ts). */
export function nthWeekday(year: number, month: number, dayOfWeek: number, n: number): number {
  if (n === -1) {
    const last = serial(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - 1;
    return last - ((weekday(last) - dayOfWeek + 7) % 7);
  }
  const first = serial(year, month, 1);
  return first + ((dayOfWeek - weekday(first) + 7) % 7) + 7 * (n - 1);
}

/** A fixed-date holiday as observed: Sunday → the Monday after; Saturday not moved (Reading R-BD-SUNDAY). */
function observedFixed(year: number, month: number, day: number): number {
  const date = serial(year, month, day);
  return weekday(date) === SUNDAY ? date + 1 : date;
}

function checkYear(year: number, arg: string): void {
  if (!Number.isInteger(year) || year < CALENDAR_FIRST_YEAR || year > CALENDAR_LAST_YEAR) throw numError(BusinessDayMessages.year(arg));
}

/**
 * Section 1.1(aa) "Business Days" (Reading R-BD-CALENDAR): the Federal Reserve's holidays of one
 * year, with their names, as observed, in date order.
 *
 * @param year - a whole year from 1990 to 9999
 * @returns one entry per holiday (10 a year, 11 from 2021)
 * @throws EngineError (num) for a year outside 1990..9999
 * @example
 * namedFederalReserveHolidays(2004).find((h) => h.name === "Labor Day")?.date //=> 38236 (2004-09-06)
 */
export function namedFederalReserveHolidays(year: number): FederalReserveHoliday[] {
  checkYear(year, "year");
  const list: FederalReserveHoliday[] = [
    { date: observedFixed(year, 1, 1), name: "New Year's Day" },
    { date: nthWeekday(year, 1, MONDAY, 3), name: "Martin Luther King Jr. Day" },
    { date: nthWeekday(year, 2, MONDAY, 3), name: "Washington's Birthday" },
    { date: nthWeekday(year, 5, MONDAY, -1), name: "Memorial Day" },
    ...(year >= JUNETEENTH_FIRST_YEAR ? [{ date: observedFixed(year, 6, 19), name: "Juneteenth National Independence Day" }] : []),
    { date: observedFixed(year, 7, 4), name: "Independence Day" },
    { date: nthWeekday(year, 9, MONDAY, 1), name: "Labor Day" },
    { date: nthWeekday(year, 10, MONDAY, 2), name: "Columbus Day" },
    { date: observedFixed(year, 11, 11), name: "Veterans Day" },
    { date: nthWeekday(year, 11, THURSDAY, 4), name: "Thanksgiving Day" },
    { date: observedFixed(year, 12, 25), name: "Christmas Day" },
  ];
  return list.sort((a, b) => a.date - b.date);
}

/**
 * The Federal Reserve's holidays of one year as Excel serials, sorted (Readings R-BD-CALENDAR,
 * R-BD-SUNDAY). A holiday on a Saturday is listed on that Saturday (it is not moved, and the
 * Friday before stays a Business Day).
 *
 * @example
 * federalReserveHolidays(2004).map(isoFromSerial)
 * //=> ["2004-01-01", "2004-01-19", "2004-02-16", "2004-05-31", "2004-07-05", "2004-09-06",
 * //    "2004-10-11", "2004-11-11", "2004-11-25", "2004-12-25"]
 */
export function federalReserveHolidays(year: number): number[] {
  return namedFederalReserveHolidays(year).map((h) => h.date);
}

const FIRST_SERIAL = serial(CALENDAR_FIRST_YEAR, 1, 1);
const LAST_SERIAL = serial(CALENDAR_LAST_YEAR, 12, 31);

/**
 * Each year's days that are not Business Days under the Federal Reserve's calendar (Saturdays,
 * Sundays and its holidays), computed once on first use as one flag per day of the year: a scan
 * over 100,000 days reads one byte a day, where a weekday computation and a set of holidays cost a
 * division and a hash lookup a day (about a fifth of THRESHOLDEVENT over 100,000 rows).
 */
const closedByYear = new Map<number, Uint8Array>();
let cachedFirst = 0;
let cachedLast = -1;
let cachedClosed: Uint8Array = new Uint8Array(0);

/** Flags of one year: 1 on a Saturday or Sunday, 2 on a Federal Reserve holiday on a weekday. */
const WEEKEND = 1;
const HOLIDAY = 2;

function closedDays(year: number): Uint8Array {
  const first = serial(year, 1, 1);
  const flags = new Uint8Array(serial(year, 12, 31) - first + 1);
  for (let i = 0; i < flags.length; i++) {
    const day = weekday(first + i);
    if (day === SATURDAY || day === SUNDAY) flags[i] = WEEKEND;
  }
  for (const h of federalReserveHolidays(year)) if (flags[h - first] !== WEEKEND) flags[h - first] = HOLIDAY;
  return flags;
}

/** The flags (`WEEKEND`, `HOLIDAY`, 0) of a whole-day serial in the calendar; O(1) for consecutive days of one year. */
function closedFlag(date: number): number {
  if (date < cachedFirst || date > cachedLast) {
    const year = ymd(date).year;
    let flags = closedByYear.get(year);
    if (flags === undefined) {
      flags = closedDays(year);
      closedByYear.set(year, flags);
    }
    cachedClosed = flags;
    cachedFirst = serial(year, 1, 1);
    cachedLast = serial(year, 12, 31);
  }
  return cachedClosed[date - cachedFirst];
}

/** Whether a whole-day serial in the calendar is a Federal Reserve holiday on a weekday. */
function isFederalReserveHoliday(date: number): boolean {
  return closedFlag(date) === HOLIDAY;
}

/** True when a whole-day serial lies within the calendar's years. */
export function inCalendar(date: number): boolean {
  return date >= FIRST_SERIAL && date <= LAST_SERIAL;
}

function checkInCalendar(date: number, arg: string): void {
  if (!inCalendar(date)) throw numError(BusinessDayMessages.outside(arg, date));
}

/**
 * The business-day test without the range check, for loops that have checked their bounds already
 * (the Threshold Event's scan): `date` must be a whole-day serial within the calendar.
 */
export function businessDayUnchecked(date: number, extraHolidays?: ReadonlySet<number>): boolean {
  if (closedFlag(date) !== 0) return false;
  return !(extraHolidays !== undefined && extraHolidays.has(date));
}

/**
 * Reading R-BD-CALENDAR: whether a date is a Business Day — a Monday to Friday that is neither a
 * Federal Reserve holiday nor one of `extraHolidays`. A time of day is ignored.
 *
 * @param date - Excel serial from 1990-01-01 to 9999-12-31
 * @param extraHolidays - further non-business days, as whole-day serials
 * @throws EngineError (num) for a date outside the calendar's years
 * @example
 * isBusinessDay(serial(2004, 9, 6)) //=> false (Labor Day)
 * isBusinessDay(serial(2004, 12, 24)) //=> true (Christmas 2004 fell on a Saturday)
 */
export function isBusinessDay(date: number, extraHolidays?: ReadonlySet<number>): boolean {
  const day = Math.floor(date);
  checkInCalendar(day, "date");
  return businessDayUnchecked(day, extraHolidays);
}

/** Steps one day at a time in `direction` until a Business Day, starting with `from` itself. */
function scan(from: number, direction: 1 | -1, extraHolidays?: ReadonlySet<number>): number {
  let date = from;
  while (inCalendar(date)) {
    if (businessDayUnchecked(date, extraHolidays)) return date;
    date += direction;
  }
  throw numError(BusinessDayMessages.resultOutside());
}

/*
 * Counting Business Days without walking them. The calendar starts on a Monday (1990-01-01), so the
 * weekdays up to a date are a closed form; the weekday holidays up to a date are found by binary
 * search in a sorted table. The Gregorian calendar repeats every 400 years (146,097 days, exactly
 * 20,871 weeks) and the Federal Reserve's rules are fixed from 2021 (Juneteenth) on, so the table
 * holds 1990..2420 and later dates count whole 400-year cycles: built once (431 years, a few
 * milliseconds), then any count is two searches.
 */
const GREGORIAN_CYCLE_DAYS = 146097;
const GREGORIAN_CYCLE_YEARS = 400;
const CYCLE_START = serial(JUNETEENTH_FIRST_YEAR, 1, 1);
const CYCLE_END = serial(JUNETEENTH_FIRST_YEAR + GREGORIAN_CYCLE_YEARS, 1, 1);
const WEEKDAYS_PER_WEEK = 5;
const DAYS_PER_WEEK = 7;

let weekdayHolidayTable: Float64Array | undefined;
let holidaysPerCycle = 0;

/** The Federal Reserve holidays that fall on a weekday, 1990..2420, sorted (a Saturday one is a weekend day anyway). */
function holidayTable(): Float64Array {
  if (weekdayHolidayTable === undefined) {
    const list: number[] = [];
    for (let year = CALENDAR_FIRST_YEAR; year < JUNETEENTH_FIRST_YEAR + GREGORIAN_CYCLE_YEARS; year++) {
      for (const h of federalReserveHolidays(year)) if (weekday(h) !== SATURDAY && weekday(h) !== SUNDAY) list.push(h);
    }
    weekdayHolidayTable = Float64Array.from(list);
    holidaysPerCycle = countUpTo(weekdayHolidayTable, CYCLE_END - 1) - countUpTo(weekdayHolidayTable, CYCLE_START - 1);
  }
  return weekdayHolidayTable;
}

/** How many entries of a sorted array are at most `x` (binary search). */
function countUpTo(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Federal Reserve holidays on weekdays from 1990-01-01 to `date`. */
function federalHolidaysUpTo(date: number): number {
  const table = holidayTable();
  if (date < CYCLE_END) return countUpTo(table, date);
  const cycles = Math.floor((date - CYCLE_START) / GREGORIAN_CYCLE_DAYS);
  return countUpTo(table, date - cycles * GREGORIAN_CYCLE_DAYS) + cycles * holidaysPerCycle;
}

/** Weekdays from 1990-01-01 (a Monday) to `date`, both included; 0 before. */
function weekdaysUpTo(date: number): number {
  const offset = date - FIRST_SERIAL;
  if (offset < 0) return 0;
  return WEEKDAYS_PER_WEEK * Math.floor(offset / DAYS_PER_WEEK) + Math.min((offset % DAYS_PER_WEEK) + 1, WEEKDAYS_PER_WEEK);
}

/** The `n`-th weekday (n ≥ 1) from 1990-01-01. */
function nthWeekday1990(n: number): number {
  return FIRST_SERIAL + DAYS_PER_WEEK * Math.floor((n - 1) / WEEKDAYS_PER_WEEK) + ((n - 1) % WEEKDAYS_PER_WEEK);
}

/** The extra holidays that take a Business Day away: weekdays in the calendar that are not Federal Reserve holidays, sorted; cached per set. */
const extraTables = new WeakMap<ReadonlySet<number>, Float64Array>();
function extraTable(extraHolidays?: ReadonlySet<number>): Float64Array {
  if (extraHolidays === undefined || extraHolidays.size === 0) return EMPTY;
  let table = extraTables.get(extraHolidays);
  if (table === undefined) {
    const days = [...extraHolidays].filter((d) => Number.isInteger(d) && inCalendar(d) && weekday(d) !== SATURDAY && weekday(d) !== SUNDAY && !isFederalReserveHoliday(d));
    table = Float64Array.from(days).sort();
    extraTables.set(extraHolidays, table);
  }
  return table;
}
const EMPTY = new Float64Array(0);

/** Business Days from 1990-01-01 to `date`, both included. */
function businessDaysUpTo(date: number, extra: Float64Array): number {
  return weekdaysUpTo(date) - federalHolidaysUpTo(date) - countUpTo(extra, date);
}

/**
 * The `n`-th Business Day from 1990-01-01 (n ≥ 1): the `n + h`-th weekday, where h counts the
 * holidays up to it, found by raising h until it no longer changes (each round adds the holidays
 * of the stretch just crossed, so a few rounds settle it).
 */
function nthBusinessDay(n: number, extra: Float64Array): number {
  let holidays = 0;
  for (;;) {
    const date = nthWeekday1990(n + holidays);
    if (date > LAST_SERIAL) throw numError(BusinessDayMessages.resultOutside());
    const next = federalHolidaysUpTo(date) + countUpTo(extra, date);
    if (next === holidays) return date;
    holidays = next;
  }
}

/**
 * Moves a date by a number of Business Days, as Excel's WORKDAY does: 3 is the third Business Day
 * strictly after the date, −3 the third strictly before. Reading R-BD-ZERO: 0 returns the date
 * itself (its whole day), even when it is not a Business Day — as WORKDAY(date, 0) does; use
 * `businessDayOnOrAfter` to roll a date forward. Counts rather than walks (see above): any number of
 * days costs a few binary searches, and days beyond the calendar's ~2.1 million weekdays are #NUM! at once.
 * @param date - Excel serial from 1990-01-01 to 9999-12-31 (a time of day is dropped)
 * @param days - whole number of Business Days, negative to go back
 * @throws EngineError (num) for a date or a result outside the calendar's years, or days not whole
 * @example
 * addBusinessDays(serial(2004, 9, 3), 1) //=> serial(2004, 9, 7) (over Labor Day)
 * addBusinessDays(serial(2004, 9, 7), -1) //=> serial(2004, 9, 3)
 */
export function addBusinessDays(date: number, days: number, extraHolidays?: ReadonlySet<number>): number {
  const current = Math.floor(date);
  checkInCalendar(current, "date");
  if (!Number.isInteger(days)) throw numError("days must be a whole number of Business Days");
  if (days === 0) return current;
  if (Math.abs(days) > weekdaysUpTo(LAST_SERIAL)) throw numError(BusinessDayMessages.resultOutside());
  const extra = extraTable(extraHolidays);
  const upToDate = businessDaysUpTo(current, extra);
  // Forward: the days-th Business Day after `current`. Back: counted from the last Business Day before it.
  const target = days > 0 ? upToDate + days : upToDate - (businessDayUnchecked(current, extraHolidays) ? 1 : 0) + days + 1;
  if (target < 1) throw numError(BusinessDayMessages.resultOutside());
  return nthBusinessDay(target, extra);
}

/** The first Business Day strictly after a date. @example nextBusinessDay(serial(2004, 9, 3)) //=> serial(2004, 9, 7) */
export function nextBusinessDay(date: number, extraHolidays?: ReadonlySet<number>): number {
  return addBusinessDays(date, 1, extraHolidays);
}

/** The last Business Day strictly before a date. @example previousBusinessDay(serial(2004, 9, 7)) //=> serial(2004, 9, 3) */
export function previousBusinessDay(date: number, extraHolidays?: ReadonlySet<number>): number {
  return addBusinessDays(date, -1, extraHolidays);
}

/** The date itself when it is a Business Day, else the first Business Day after it. @example businessDayOnOrAfter(serial(2004, 9, 6)) //=> serial(2004, 9, 7) */
export function businessDayOnOrAfter(date: number, extraHolidays?: ReadonlySet<number>): number {
  const day = Math.floor(date);
  checkInCalendar(day, "date");
  return scan(day, 1, extraHolidays);
}

/** The date itself when it is a Business Day, else the last Business Day before it. @example businessDayOnOrBefore(serial(2004, 9, 6)) //=> serial(2004, 9, 3) */
export function businessDayOnOrBefore(date: number, extraHolidays?: ReadonlySet<number>): number {
  const day = Math.floor(date);
  checkInCalendar(day, "date");
  return scan(day, -1, extraHolidays);
}

/**
 * The number of Business Days from `start` to `end`, both included (as Excel's NETWORKDAYS; negative
 * when `end` is before `start`).
 *
 * @example countBusinessDays(serial(2004, 9, 1), serial(2004, 9, 8)) //=> 5
 */
export function countBusinessDays(start: number, end: number, extraHolidays?: ReadonlySet<number>): number {
  const a = Math.floor(start);
  const b = Math.floor(end);
  checkInCalendar(a, "start");
  checkInCalendar(b, "end");
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  const extra = extraTable(extraHolidays);
  return sign * (businessDaysUpTo(hi, extra) - businessDaysUpTo(lo - 1, extra));
}

/**
 * Excel serial dates in the 1900 date system, as pure integer arithmetic.
 *
 * CONVENTIONS.md, "Units": dates are Excel serials (2004-10-31 is 38291). No JavaScript `Date`,
 * no time zone: serial 61 is 1900-03-01 and every later serial is one day after the previous,
 * so Excel's fictitious 1900-02-29 (serial 60) never arises. Serials before 61 are rejected.
 */
import { numError, Messages } from "./errors";

export const MIN_SERIAL = 61;
export const MAX_SERIAL = 2958465;
/** Days from 0000-03-01 (proleptic Gregorian) to 1899-12-30, the epoch serial 0 stands for after 1900-02-28. */
const EPOCH_OFFSET = 693899;

export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Days since 0000-03-01 for a civil date (the era algorithm of H. Hinnant's `days_from_civil`). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe;
}

function civilFromDays(days: number): Ymd {
  const era = Math.floor(days / 146097);
  const doe = days - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** The Excel serial of a civil date: `serial(2004, 10, 31)` is 38291. */
export function serial(year: number, month: number, day: number): number {
  return daysFromCivil(year, month, day) - EPOCH_OFFSET;
}

/** The civil date of an Excel serial (whole days). */
export function ymd(serialDate: number): Ymd {
  return civilFromDays(Math.floor(serialDate) + EPOCH_OFFSET);
}

/** Parses "YYYY-MM-DD" into a serial; used for the dates of the terms table. */
export function serialFromIso(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return serial(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** "YYYY-MM-DD" for a serial, for messages and labels. */
export function isoFromSerial(serialDate: number): string {
  const { year, month, day } = ymd(serialDate);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Day of the week, 0 = Sunday … 6 = Saturday (serial 61, 1900-03-01, was a Thursday). */
export function weekday(serialDate: number): number {
  return (((Math.floor(serialDate) + 6) % 7) + 7) % 7;
}

export function daysInMonth(year: number, month: number): number {
  return serial(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - serial(year, month, 1);
}

/** Adds calendar months, clamping to the month's end: 2004-11-30 + 3 months is 2005-02-28. */
export function addMonths(serialDate: number, months: number): number {
  const { year, month, day } = ymd(serialDate);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return serial(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Adds whole years (a 29 February becomes 28 February in a common year). */
export function addYears(serialDate: number, years: number): number {
  return addMonths(serialDate, years * 12);
}

/** Year and month as one comparable number (year × 12 + month − 1). */
export function monthIndex(serialDate: number): number {
  const { year, month } = ymd(serialDate);
  return year * 12 + month - 1;
}

/** Checks that a number is a valid Excel date serial; returns it truncated to whole days, as Excel's own date functions do (Reading R-DATE-TRUNCATE). */
export function checkSerial(value: number, arg: string): number {
  if (!Number.isFinite(value) || value < MIN_SERIAL || value >= MAX_SERIAL + 1) throw numError(Messages.date(arg));
  return Math.floor(value);
}

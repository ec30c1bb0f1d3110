/* eslint-disable @typescript-eslint/no-explicit-any -- custom-functions-metadata reads `any[][]` as "any value, single cell or range" */
/**
 * Custom functions for the business-day calendar (Reading R-BD-CALENDAR): the Federal Reserve's
 * holidays, the Business Day test and moving a date by Business Days. Thin: convert, call the engine.
 */
import * as engine from "../engine/businessDays";
import { elementwise, guard } from "./support/arrays";
import { holidaySet } from "./support/holidays";
import { bool, date as dateArg, integer, parseCell } from "./support/params";

/**
 * The Federal Reserve's holidays of a year, computed from their rules, as a column of dates that spills (with names beside them when asked): New Year's Day, Martin Luther King Jr. Day, Washington's Birthday, Memorial Day, Juneteenth (from 2021), Independence Day, Labor Day, Columbus Day, Veterans Day, Thanksgiving Day and Christmas Day. A holiday on a Sunday is observed the Monday after; one on a Saturday is listed on the Saturday and not moved (the Friday before stays a Business Day). Example: =KAISER.HOLIDAYS(2004) spills 10 dates, among them 2004-07-05 (Independence Day, a Sunday, observed Monday) and 2004-09-06 (Labor Day). #NUM! when the year is not a whole number from 1990 to 9999. [1.1(aa)]
 * @customfunction HOLIDAYS
 * @param year Calendar year, a whole number from 1990 to 9999.
 * @param [withNames] TRUE to add a second column with each holiday's name; blank is FALSE.
 * @returns The holidays' dates, one per row, in date order.
 */
export function holidays(year: any, withNames?: any): any[][] {
  return guard(() => {
    const list = engine.namedFederalReserveHolidays(parseCell(integer("year", { min: engine.CALENDAR_FIRST_YEAR, max: engine.CALENDAR_LAST_YEAR }), year));
    const names = parseCell(bool("withNames", { optional: true, default: false }), withNames);
    return list.map((h) => (names ? [h.date, h.name] : [h.date]));
  });
}

/**
 * TRUE when a date is a Business Day: Monday to Friday, not a Federal Reserve holiday (Sunday holidays observed the Monday after, Saturday ones not moved) and not one of the extra holidays listed. Example: =KAISER.ISBUSINESSDAY(DATE(2004,9,6)) gives FALSE (Labor Day); =KAISER.ISBUSINESSDAY(DATE(2004,12,24)) gives TRUE (Christmas 2004 fell on a Saturday). #NUM! when a date or a holiday is not a valid Excel date, or a date falls outside the business-day calendar (1990-01-01 to 9999-12-31). [1.1(aa)]
 * @customfunction
 * @param date Excel date; a time of day is ignored (number or range).
 * @param [holidays] Extra non-business days, Excel dates, a single column or row; blank cells are skipped (range).
 * @returns TRUE or FALSE.
 */
export function isBusinessDay(date: any[][], holidays?: any[][]): any[][] {
  return guard(() => {
    const extra = holidaySet(holidays);
    return elementwise([date], [dateArg("date")] as const, (d) => engine.isBusinessDay(d, extra));
  });
}

/**
 * A date moved by a number of Business Days, as Excel's WORKDAY does but on the Federal Reserve's calendar: 1 is the first Business Day strictly after the date, −1 the last strictly before, 0 the date itself even when it is not a Business Day. Example: =KAISER.ADDBUSINESSDAYS(DATE(2004,9,3), 1) gives 2004-09-07 (over the weekend and Labor Day). #NUM! when a date or a holiday is not a valid Excel date, days is not a whole number, or the date or the result falls outside the business-day calendar (1990-01-01 to 9999-12-31). [1.1(aa)]
 * @customfunction
 * @param date Excel date to start from; a time of day is dropped (number or range).
 * @param days Whole number of Business Days, negative to go back (number or range).
 * @param [holidays] Extra non-business days, Excel dates, a single column or row; blank cells are skipped (range).
 * @returns The resulting date.
 */
export function addBusinessDays(date: any[][], days: any[][], holidays?: any[][]): any[][] {
  return guard(() => {
    const extra = holidaySet(holidays);
    return elementwise([date, days], [dateArg("date"), integer("days", {})] as const, (d, n) => engine.addBusinessDays(d, n, extra));
  });
}

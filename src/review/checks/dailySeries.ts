/** DailyOutstandings, the daily series of Section 1.1(aa): order, Business Days, gaps and missing days. */
import { isoFromSerial, weekday } from "../../engine/dates";
import { inCalendar, isBusinessDay } from "../../engine/businessDays";
import { termDate, termInt } from "../../engine/terms";
import { DATE_MAX, DATE_MIN } from "../layout";
import { cellName, tableColumn, TableLocation, valueAt } from "../locate";
import type { SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { Collector, Rule, ValidateOptions } from "./collector";
import { extraHolidays, holidayName } from "./holidays";

/** The rules of the daily series' order and days. */
export const SERIES_RULES_ORDER_AND_DAYS = [
  { id: "dates-out-of-order", severity: "error", title: "DailyOutstandings dates out of order or duplicated", section: "1.1(aa)" },
  { id: "non-business-day", severity: "info", title: "DailyOutstandings rows on days that are not Business Days (ignored by the Threshold Event test)", section: "1.1(aa)" },
] as const satisfies readonly Rule[];

/** The rules of the daily series' gaps and missing Business Days. */
export const SERIES_RULES_GAPS = [
  {
    id: "daily-outstandings-gap",
    severity: "warning",
    title: `Two consecutive DailyOutstandings rows more than ${termInt("thresholdEventDays")} Business Days apart: the first row's figures stand for a week or more`,
    section: "1.1(aa)",
  },
  { id: "missing-business-days", severity: "warning", title: "Business Days missing from DailyOutstandings between its first and last dates (count and first missing date), or a DailyOutstandings table with no rows", section: "1.1(aa)" },
] as const satisfies readonly Rule[];

/** Section 1.1(aa): order, Business Days, and gaps in the daily series. */
export function checkDailyOutstandings(snapshot: WorkbookSnapshot, where: TableLocation, out: Collector, options: ValidateOptions): void {
  const sheet = where.sheet as SheetSnapshot;
  const col = tableColumn(where, "Date");
  if (col === undefined) return;
  if (where.lastRow < where.firstRow) {
    // An empty series would read as "no Threshold Event" (and the Minimum EBITDA test as not tested).
    out.add(
      "missing-business-days",
      `DailyOutstandings has no rows, so no Threshold Event can be found in it; add the Revolving Credit Outstandings of each Business Day after ${isoFromSerial(termDate("thresholdEventAfter"))} up to the date of determination.`,
      where.cell,
      "1.1(aa)",
    );
    return;
  }
  const holidays = extraHolidays(snapshot, options);
  let previous: number | undefined;
  let previousRow = 0;
  let previousCell = "";
  let disorder = 0;
  let firstDisorder: { message: string; cell: string } | undefined;
  let offDays = 0;
  let firstOffDay: { date: number; cell: string } | undefined;
  const seen = new Set<number>();
  let first: number | undefined;
  let last: number | undefined;
  for (let r = where.firstRow; r <= where.lastRow; r++) {
    const v = valueAt(sheet, r, col);
    // Only valid dates take part; the cell checks report the others.
    if (typeof v !== "number" || v < DATE_MIN || v >= DATE_MAX + 1) continue;
    const date = Math.floor(v);
    const row = r - where.firstRow + 1;
    if (previous !== undefined && date <= previous) {
      disorder++;
      if (firstDisorder === undefined) {
        firstDisorder = {
          message:
            date === previous
              ? `DailyOutstandings row ${row} repeats the date ${isoFromSerial(date)} of row ${previousRow}`
              : `DailyOutstandings row ${row} (${isoFromSerial(date)}) comes after row ${previousRow} (${isoFromSerial(previous)}) but is earlier`,
          cell: cellName(sheet, r, col),
        };
      }
    }
    if (previous !== undefined && date > previous) checkGap(out, previous, previousRow, previousCell, date, row, cellName(sheet, r, col), holidays);
    previous = date;
    previousRow = row;
    previousCell = cellName(sheet, r, col);
    seen.add(date);
    first = first === undefined ? date : Math.min(first, date);
    last = last === undefined ? date : Math.max(last, date);
    if (inCalendar(date) && !isBusinessDay(date, holidays)) {
      offDays++;
      if (firstOffDay === undefined) firstOffDay = { date, cell: cellName(sheet, r, col) };
    }
  }
  if (firstDisorder !== undefined) {
    out.add(
      "dates-out-of-order",
      `${firstDisorder.message}. Dates must be ascending without duplicates (${disorder} row${disorder === 1 ? "" : "s"} out of order or repeated); sort the table by Date and remove duplicates, or KAISER.THRESHOLDEVENT gives #VALUE!.`,
      firstDisorder.cell,
      "1.1(aa)",
    );
  }
  if (firstOffDay !== undefined) {
    const day = firstOffDay.date;
    const why = holidayName(day) ?? (holidays.has(day) ? "a holiday in the Holidays table" : ["Sunday", "", "", "", "", "", "Saturday"][weekday(day)]);
    out.add(
      "non-business-day",
      `${offDays} row${offDays === 1 ? "" : "s"} of DailyOutstandings fall${offDays === 1 ? "s" : ""} on days that are not Business Days, the first ${isoFromSerial(day)} (${why}); the Threshold Event test ignores them.`,
      firstOffDay.cell,
      "1.1(aa)",
    );
  }
  if (first !== undefined && last !== undefined) {
    let missing = 0;
    let firstMissing: number | undefined;
    const from = Math.max(first, DATE_MIN);
    for (let d = from; d <= last; d++) {
      if (!seen.has(d) && inCalendar(d) && isBusinessDay(d, holidays)) {
        missing++;
        if (firstMissing === undefined) firstMissing = d;
      }
    }
    if (firstMissing !== undefined) {
      out.add(
        "missing-business-days",
        `${missing} Business Day${missing === 1 ? " is" : "s are"} missing from DailyOutstandings between ${isoFromSerial(first)} and ${isoFromSerial(last)}, the first ${isoFromSerial(firstMissing)}; the Threshold Event test carries the previous day's figures over a missing day (Reading R-TE-CARRY), so add the rows if the balance changed.`,
        where.cell,
        "1.1(aa)",
      );
    }
  }
}

/**
 * Two consecutive rows of DailyOutstandings with more than five Business Days missing between them:
 * the Threshold Event test carries the first row's figures over the gap (Reading R-TE-CARRY), so they
 * stand for a week or more.
 */
function checkGap(out: Collector, from: number, fromRow: number, fromCell: string, to: number, toRow: number, toCell: string, holidays: ReadonlySet<number>): void {
  const limit = termInt("thresholdEventDays");
  let missing = 0;
  for (let d = from + 1; d < to; d++) if (inCalendar(d) && isBusinessDay(d, holidays)) missing++;
  if (missing <= limit) return;
  out.add(
    "daily-outstandings-gap",
    `DailyOutstandings rows ${fromRow} and ${toRow} (${isoFromSerial(from)} and ${isoFromSerial(to)}, ${fromCell} and ${toCell}) have ${missing} Business Days between them with no row; the Threshold Event test carries row ${fromRow}'s figures over all of them (Reading R-TE-CARRY), so they stand for a week or more. Add the missing days' balances.`,
    toCell,
    "1.1(aa)",
    "DailyOutstandings (gaps)",
  );
}

/** The days that are not Business Days, as the checks name them: the Federal Reserve's holidays, the Holidays table, the weekend. */
import { weekday, ymd } from "../../engine/dates";
import { namedFederalReserveHolidays } from "../../engine/businessDays";
import { locateTable, tableColumn, valueAt } from "../locate";
import type { WorkbookSnapshot } from "../snapshot";
import type { ValidateOptions } from "./collector";

/** Why a day is not a Business Day: the Federal Reserve holiday, the Holidays table, or the weekend day. */
export function offDayName(day: number, holidays: ReadonlySet<number>): string {
  return holidayName(day) ?? (holidays.has(day) ? "a holiday in the Holidays table" : ["Sunday", "", "", "", "", "", "Saturday"][weekday(day)]);
}

export function holidayName(date: number): string | undefined {
  const { year } = ymd(date);
  return namedFederalReserveHolidays(year).find((h) => h.date === date)?.name;
}

export function extraHolidays(snapshot: WorkbookSnapshot, options: ValidateOptions): Set<number> {
  const set = new Set<number>(options.holidays ?? []);
  const where = locateTable(snapshot, "Holidays");
  if (where?.sheet !== undefined) {
    const col = tableColumn(where, "Date");
    if (col !== undefined) {
      for (let r = where.firstRow; r <= where.lastRow; r++) {
        const v = valueAt(where.sheet, r, col);
        if (typeof v === "number" && Number.isFinite(v)) set.add(Math.floor(v));
      }
    }
  }
  return set;
}

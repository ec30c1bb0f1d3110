/** MonthlyEBITDA: the periods Section 9.2.4 sets a minimum for. */
import { isoFromSerial } from "../../engine/dates";
import { minimumEbitdaPeriods } from "../../engine/minimumEbitda";
import { DATE_MAX, DATE_MIN } from "../layout";
import { cellName, tableColumn, TableLocation, valueAt } from "../locate";
import type { SheetSnapshot } from "../snapshot";
import { Collector, Rule } from "./collector";

/** The rule of the MonthlyEBITDA periods. */
export const PERIOD_RULES = [
  { id: "unknown-period", severity: "warning", title: "A MonthlyEBITDA PeriodEnd for which Section 9.2.4 sets no minimum EBITDA", section: "9.2.4" },
] as const satisfies readonly Rule[];

/** Section 9.2.4 sets a minimum for three periods only. */
export function checkPeriods(where: TableLocation, out: Collector): void {
  const sheet = where.sheet as SheetSnapshot;
  const col = tableColumn(where, "PeriodEnd");
  if (col === undefined) return;
  const ends = new Set(minimumEbitdaPeriods().map((p) => p.end));
  const list = minimumEbitdaPeriods()
    .map((p) => isoFromSerial(p.end))
    .join(", ");
  for (let r = where.firstRow; r <= where.lastRow; r++) {
    const v = valueAt(sheet, r, col);
    if (typeof v !== "number" || v < DATE_MIN || v >= DATE_MAX + 1) continue;
    if (!ends.has(Math.floor(v))) {
      out.add(
        "unknown-period",
        `MonthlyEBITDA[PeriodEnd] row ${r - where.firstRow + 1} is ${isoFromSerial(v)}; Section 9.2.4 sets a minimum EBITDA only for the periods ending ${list}, so KAISER.EBITDAFLOOR gives #N/A for it.`,
        cellName(sheet, r, col),
        "9.2.4",
        "MonthlyEBITDA[PeriodEnd]",
      );
    }
  }
}

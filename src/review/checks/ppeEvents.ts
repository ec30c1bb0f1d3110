/** PPEEvents: the dates of THRESHOLDEVENT and DISPOSITION rows (Sections 1.1(aa) and 1.1(t)(a)). */
import { isoFromSerial, MIN_SERIAL } from "../../engine/dates";
import { isBusinessDay } from "../../engine/businessDays";
import { termDate } from "../../engine/terms";
import { DATE_MAX, DATE_MIN } from "../layout";
import type { CellValue } from "../snapshot";
import { Collector, Rule } from "./collector";
import { offDayName } from "./holidays";

/** The rules of the PPEEvents dates. */
export const PPE_EVENT_RULES = [
  { id: "threshold-event-not-business-day", severity: "error", title: "A THRESHOLDEVENT row of PPEEvents dated on a day that is not a Business Day (KAISER.PPESCHEDULE gives #NUM! in that row)", section: "1.1(aa)" },
  { id: "disposition-before-sixth-amendment", severity: "warning", title: `A DISPOSITION row of PPEEvents dated on or before ${isoFromSerial(termDate("sixthAmendmentEffectiveDate"))}, the Sixth Amendment: it reduces nothing`, section: "1.1(t)(a)" },
] as const satisfies readonly Rule[];

/** Section 1.1(aa): a Threshold Event occurs only "at any time after August 31, 2004", so a THRESHOLDEVENT row before then is a mistake. */
export function checkThresholdEventDate(out: Collector, date: CellValue, kind: CellValue, label: () => string, cell: () => string, holidays: ReadonlySet<number>): void {
  const after = termDate("thresholdEventAfter");
  if (typeof kind !== "string" || kind.trim().toUpperCase() !== "THRESHOLDEVENT") return;
  if (typeof date === "number" && date >= after + 1 && date < DATE_MAX + 1 && !isBusinessDay(Math.floor(date), holidays)) {
    // Reading R-PPE-B-BUSINESS-DAY: a Threshold Event is the Business Day a count of Business Days is reached.
    const day = Math.floor(date);
    out.add(
      "threshold-event-not-business-day",
      () => `${label()} is ${isoFromSerial(day)} (${offDayName(day, holidays)}), not a Business Day, but this row is a THRESHOLDEVENT; a Threshold Event occurs on a Business Day, and KAISER.PPESCHEDULE gives #NUM! in this row. Check the date.`,
      cell,
      "1.1(aa)",
      "PPEEvents[Date] (Business Days)",
    );
    return;
  }
  if (typeof date !== "number" || date < DATE_MIN || date >= after + 1) return;
  out.add(
    "out-of-range",
    () => `${label()} is ${isoFromSerial(date)}, but this row is a THRESHOLDEVENT and a Threshold Event occurs only after ${isoFromSerial(after)}; check the date (KAISER.PPEREDUCTIONS cannot count it).`,
    cell,
    "1.1(aa)",
    "PPEEvents[Date]",
  );
}

/** Reading R-PPE-SIXTH: a DISPOSITION on or before the Sixth Amendment's date reduces nothing under 1.1(t)(a). */
export function checkDispositionDate(out: Collector, date: CellValue, kind: CellValue, label: () => string, cell: () => string): void {
  if (typeof kind !== "string" || kind.trim().toUpperCase() !== "DISPOSITION") return;
  const sixth = termDate("sixthAmendmentEffectiveDate");
  if (typeof date !== "number" || date < MIN_SERIAL || Math.floor(date) > sixth) return;
  out.add(
    "disposition-before-sixth-amendment",
    () => `${label()} is ${isoFromSerial(Math.floor(date))}, on or before ${isoFromSerial(sixth)}: 1.1(t)(a) counts dispositions after the effective date of the Sixth Amendment, so this DISPOSITION reduces nothing. Check the date, or remove the row.`,
    cell,
    "1.1(t)(a)",
    "PPEEvents[Date] (Sixth Amendment)",
  );
}

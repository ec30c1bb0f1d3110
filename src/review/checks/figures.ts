/**
 * The recalculation against the workbook: a figure the workbook computes that differs from the
 * engine's (recalc/), and Threshold Events the daily series gives but PPEEvents does not list.
 */
import { dec } from "../../engine/decimal";
import { isoFromSerial } from "../../engine/dates";
import { formatUsd } from "../../engine/format";
import { term, termInt } from "../../engine/terms";
import { formulaAt, locateName, locateTable, valueAt } from "../locate";
import { dailyDates, describeWorkbookValue, Figure, ModelInputs } from "../recalc";
import { isCellError, WorkbookSnapshot } from "../snapshot";
import { Collector, INPUT, Rule } from "./collector";

/** The rule of the workbook's computed figures. */
export const OUTPUT_RULES = [
  { id: "output-mismatch", severity: "error", title: "A figure the workbook computes (BorrowingBase, Threshold, AvailabilityReserve, Availability, PPESubcomponent) differs from the engine's by more than one cent", section: INPUT },
] as const satisfies readonly Rule[];

/** The rule of the Threshold Events PPEEvents lists. */
export const EVENT_LISTING_RULES = [
  { id: "threshold-event-not-in-ppe-events", severity: "warning", title: "A Threshold Event in DailyOutstandings without a THRESHOLDEVENT row in PPEEvents, or such a row without a Threshold Event", section: "1.1(t)(b)" },
] as const satisfies readonly Rule[];

const OUTPUT_OF_FIGURE: Readonly<Record<string, string>> = {
  borrowingBase: "BorrowingBase",
  threshold: "Threshold",
  availabilityReserve: "AvailabilityReserve",
  availability: "Availability",
  ppeSubcomponent: "PPESubcomponent",
};

export function checkOutputs(snapshot: WorkbookSnapshot, figures: readonly Figure[], out: Collector): void {
  for (const f of figures) {
    if (!f.mismatch || typeof f.value !== "number") continue;
    const name = OUTPUT_OF_FIGURE[f.key] ?? f.key;
    const where = locateName(snapshot, name);
    const raw = where.kind === "cell" && where.sheet !== undefined ? valueAt(where.sheet, where.row, where.col) : null;
    const formula = where.kind === "cell" && where.sheet !== undefined ? formulaAt(where.sheet, where.row, where.col) : null;
    if (isCellError(raw) && raw.error.toUpperCase() === "#NAME?" && formula !== null && /KAISER\./i.test(formula)) continue;
    const engine = formatUsd(dec(f.value));
    const difference = typeof f.workbookValue === "number" ? `, a difference of ${formatUsd(dec(f.workbookValue).minus(dec(f.value)).abs())}` : "";
    out.add(
      "output-mismatch",
      `${name} shows ${describeWorkbookValue(raw)} but the amendment's terms give ${engine} from the workbook's own inputs${difference} (${f.label}). Check its formula against the inputs.`,
      f.cell ?? "",
      f.section,
    );
  }
}

/** Section 1.1(t)(b): each Threshold Event reduces the PPE Subcomponent, so PPEEvents should list it. */
export function checkThresholdEventsListed(snapshot: WorkbookSnapshot, inputs: ModelInputs, events: readonly number[] | undefined, out: Collector): void {
  const daily = dailyDates(inputs.dailyOutstandings);
  const ppe = inputs.ppeEvents.rows;
  if (daily === undefined || daily.length === 0 || ppe === undefined) return;
  if (events === undefined) return;
  const asOf = inputs.asOfDate.value ?? Infinity;
  const listed = new Set(ppe.filter((e) => e.kind === "THRESHOLDEVENT").map((e) => e.date));
  const found = new Set(events);
  const where = locateTable(snapshot, "PPEEvents");
  const cell = where?.cell ?? "";
  // Out of order, the rows are read in date order (dates-out-of-order reports the order itself).
  let inOrder = true;
  for (let i = 1; i < daily.length && inOrder; i++) inOrder = daily[i] > daily[i - 1];
  const series = inOrder ? "DailyOutstandings" : "DailyOutstandings, read in date order,";
  for (const date of events) {
    if (date > asOf || listed.has(date)) continue;
    out.add(
      "threshold-event-not-in-ppe-events",
      `${series} gives a Threshold Event on ${isoFromSerial(date)}, but PPEEvents has no THRESHOLDEVENT row that day; each Threshold Event reduces the PPE Subcomponent by ${formatUsd(term("ppeThresholdEventReduction"))} (at most once a month).`,
      cell,
      "1.1(t)(b)",
      "PPEEvents",
    );
  }
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < daily.length; i++) {
    first = Math.min(first, daily[i]);
    last = Math.max(last, daily[i]);
  }
  for (const date of listed) {
    if (date < first || date > last || found.has(date)) continue;
    out.add(
      "threshold-event-not-in-ppe-events",
      `PPEEvents has a THRESHOLDEVENT on ${isoFromSerial(date)}, but ${series} gives no Threshold Event that day (${termInt("thresholdEventDays")} Business Days above the Threshold); check the date.`,
      cell,
      "1.1(t)(b)",
      "PPEEvents",
    );
  }
}

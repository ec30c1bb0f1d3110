/**
 * The reviewer's independent recalculation: reads the layout contract's inputs from a workbook
 * snapshot and recomputes, with the engine, the figures the amendment defines — the Borrowing Base
 * clause by clause (Section 1.1(f)), the Threshold (1.1(aa)), the Availability Reserve (1.1(e)),
 * Availability (Reading R-AVAILABILITY), the first Threshold Events (1.1(aa)), the PPE Subcomponent
 * after its reductions (1.1(t)), the Minimum EBITDA floor and test of each period (9.2.4) and the
 * excluded charges of Adjusted Net Earnings (1.1(c)) — beside the workbook's own figures.
 *
 * Tolerant by design: a missing or unreadable input is `undefined` with a `problem`, and every
 * figure that needs it is `null` with a note; the checks (checks/) report the input itself.
 *
 * One module per figure family: inputs.ts (reading the inputs), overrides.ts (a scenario's inputs),
 * borrowingBase.ts (clauses (a), (b), the Borrowing Base, the Threshold, the Availability Reserve,
 * Availability), ppe.ts (the PPE Subcomponent), thresholdEvents.ts, minimumEbitda.ts, aneAndFee.ts
 * (Adjusted Net Earnings exclusions, amendment fee); figure.ts and types.ts are what they share.
 */
import { borrowingBaseFigures } from "./borrowingBase";
import { amendmentFeeFigure, aneFigure } from "./aneAndFee";
import { ebitdaTable } from "./minimumEbitda";
import { thresholdEventFigures } from "./thresholdEvents";
import type { Figure, ModelInputs, RecalcOptions, Recalculation } from "./types";

export { MISMATCH_TOLERANCE } from "./types";
export type {
  DailyOutstandingsColumns,
  DailyOutstandingsInput,
  DailyOutstandingsRow,
  DispositionRow,
  EbitdaLine,
  Figure,
  FigureFormat,
  FigureKey,
  FixedFigureKey,
  Located,
  MinimumEbitdaTable,
  ModelInputs,
  MonthlyEbitdaRow,
  PeriodFigureKey,
  RecalcOptions,
  Recalculation,
  TableInput,
  ThresholdEventList,
} from "./types";
export { dailyDates, readModelInputs } from "./inputs";
export { OVERRIDABLE_NAMES, overrideInputs } from "./overrides";
export { describeWorkbookValue } from "./figure";
export { thresholdEventDates, thresholdSeries, thresholdStatusSeries } from "./thresholdEvents";

/**
 * Recomputes the amendment's figures from the inputs with the engine, each beside the workbook's
 * own optional output where it has one (a difference of more than one cent is a mismatch).
 *
 * @param inputs - as `readModelInputs` gives them (or `overrideInputs` for a scenario)
 * @param options - extra holidays beyond the Holidays table, as whole-day serials
 * @returns the figures in reading order: clauses (a), (b), the PPE base, the reductions, clause (c),
 *   the Borrowing Base, the Threshold, the Availability Reserve, Availability, the first Threshold
 *   Event (5 and 3 Business Days), each Minimum EBITDA period's floor and test, and the charges
 *   excluded from Adjusted Net Earnings
 */
export function recompute(inputs: ModelInputs, options: RecalcOptions = {}): Figure[] {
  return [...recalculate(inputs, options).figures];
}

/**
 * The one recalculation `review()` runs: the figures of `recompute`, and on the way to them every
 * Threshold Event (5 and 3 Business Days, each with its clause) and the Minimum EBITDA table, so
 * no schedule scans the series or works a floor out again.
 */
export function recalculate(inputs: ModelInputs, options: RecalcOptions = {}): Recalculation {
  const figures: Figure[] = [];
  const readings = options.readings;
  const { thresholdValue, thresholdNote } = borrowingBaseFigures(inputs, options, figures);
  const { eventLists, first3 } = thresholdEventFigures(inputs, options, thresholdValue, thresholdNote, figures);

  // Minimum EBITDA [9.2.4]: each period's floor, headroom and test; the floor and the test are figures.
  const minimumEbitda = ebitdaTable(inputs, first3, figures, readings);

  aneFigure(inputs, figures);
  amendmentFeeFigure(inputs, figures);
  return { figures, thresholdEvents: eventLists, minimumEbitda };
}

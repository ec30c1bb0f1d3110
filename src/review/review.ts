/**
 * The one review of a workbook: `review(snapshot)` reads the layout contract's inputs once,
 * recomputes every figure once (each beside the workbook's own value and cell), works out every
 * schedule and runs the layout checks on those same figures. The task pane, the CLI's text and
 * JSON reports and its scenarios only render a `Review`; nothing else reads the inputs or
 * recomputes.
 *
 * A scenario is a review of the same inputs with some named cells overridden:
 * `reviewInputs(review.inputs, { EligibleInventory: 150000000 })` recomputes without reading the
 * snapshot again (the workbook's own outputs are left out: they belong to its inputs, not the
 * scenario's).
 *
 * Plain data in, plain data out: no Office, no DOM, no presentation words (the renderers and
 * src/view/ own those).
 */
import type { NamedCellName } from "./layout";
import { CheckBasis, layoutFindings, ValidateOptions } from "./checks";
import type { Finding } from "./findings";
import { summarize, Summary } from "./summary";
import {
  EbitdaLine,
  Figure,
  FigureKey,
  FixedFigureKey,
  MinimumEbitdaTable,
  ModelInputs,
  overrideInputs,
  PeriodFigureKey,
  readModelInputs,
  recalculate,
  ThresholdEventList,
  thresholdEventDates,
} from "./recalc";
import {
  AllocationLine,
  AmendmentFeeTable,
  amendmentFeeTable,
  AneExclusionLine,
  AneExclusionTable,
  aneExclusionTable,
  BasketLine,
  BasketTable,
  basketTable,
  PpeScheduleLine,
  PpeScheduleTable,
  ppeScheduleTable,
} from "./schedules";
import type { WorkbookSnapshot } from "./snapshot";
import { ThresholdWarning, thresholdWarnings, workbookCalendar } from "./calendar";
import type { CalendarEntry } from "../engine/complianceCalendar";
import { termInt } from "../engine/terms";
import { nonDefaultReadings, Readings } from "../engine/readings";
import { readingEffects, readingFindings, ReadingReport } from "./readings";

export type {
  AllocationLine,
  AmendmentFeeTable,
  CalendarEntry,
  AneExclusionLine,
  AneExclusionTable,
  BasketLine,
  BasketTable,
  EbitdaLine,
  Figure,
  FigureKey,
  FixedFigureKey,
  Finding,
  MinimumEbitdaTable,
  ModelInputs,
  NamedCellName,
  PeriodFigureKey,
  PpeScheduleLine,
  PpeScheduleTable,
  ReadingReport,
  Readings,
  Summary,
  ThresholdEventList,
  ThresholdWarning,
};

/**
 * Extra holidays (whole-day serials) beyond the Federal Reserve's and the workbook's Holidays
 * table; readings to apply over the workbook's Readings table (a reviewer's "what if counsel read
 * it the other way"); and `readingEffects: false` to skip working out every reading's effect (it
 * recomputes once per alternative).
 */
export type ReviewOptions = ValidateOptions & { readonly readings?: Readings; readonly readingEffects?: boolean };

/**
 * The named inputs a scenario may set, by their contract names (a misspelt name does not compile);
 * null clears the input (blank: NetRecoveryPercentage before an appraisal).
 */
export type InputOverrides = Readonly<Partial<Record<NamedCellName, number | null>>>;

/** Everything worked out from a set of inputs: the review of a workbook less its layout findings. */
export interface Calculation {
  /** The inputs as read from the workbook (with a scenario's overrides), each with its cell. */
  readonly inputs: ModelInputs;
  /**
   * Every figure in reading order (`FigureKey`): clauses (a), (b), the PPE base, reductions,
   * clause (c), the Borrowing Base, the Threshold, the Availability Reserve, Availability, the first
   * Threshold Event (5 and 3 Business Days), each Minimum EBITDA period's floor and test, the
   * charges excluded from Adjusted Net Earnings and the amendment fee.
   */
  readonly figures: readonly Figure[];
  /** Every Threshold Event with its clause (x)/(y): 5 Business Days, then 3 for Section 9.2.4 [1.1(aa)]. */
  readonly thresholdEvents: readonly ThresholdEventList[];
  /** The PPE Subcomponent schedule with its notes [1.1(t)]. */
  readonly ppeSchedule: PpeScheduleTable;
  /** Each period: EBITDA, floor, headroom, PASS/FAIL/NOT TESTED [9.2.4]. */
  readonly minimumEbitda: MinimumEbitdaTable;
  /** The amendment fee split among the Lenders [5(d), Schedule A]. */
  readonly amendmentFee: AmendmentFeeTable;
  /** Each ANECharges row and the part excluded [1.1(c)]. */
  readonly aneExclusions: AneExclusionTable;
  /** The basket headroom the model has inputs for (KBC Allocable Amount) [9.2.18(ix)]. */
  readonly baskets: BasketTable;
  /** The readings this calculation applied: the workbook's Readings table, then the options' readings over it (absent ids: the defaults). */
  readonly appliedReadings: Readings;
  /** The Threshold early warning on the date of determination, for 5 and 3 Business Days [1.1(aa)]. */
  readonly thresholdWarnings: readonly ThresholdWarning[];
  /** The compliance calendar, sorted [9.1.1(o), 9.2.4, 10.1.10(l)]. */
  readonly calendar: readonly CalendarEntry[];
}

/** The review of a workbook: the calculation, the layout findings and their summary. */
export interface Review extends Calculation {
  /** Every finding of the layout checks (checks/ `RULES`), each with its rule id, cell and section. */
  readonly findings: readonly Finding[];
  readonly summary: Summary;
  /**
   * Every switchable reading: its choice here and, for each other choice, what it changes in the
   * headline figures (README "Readings"), sorted by the size of the effect on the Borrowing Base.
   * Empty when `readingEffects: false`.
   */
  readonly readings: readonly ReadingReport[];
}

/** The figure of a review by key, or undefined when the review has none (a Minimum EBITDA period not in the table). */
export function figureOf(calculation: Pick<Calculation, "figures">, key: FigureKey): Figure | undefined {
  return calculation.figures.find((f) => f.key === key);
}

/**
 * Recomputes every figure and schedule from inputs, with some named inputs overridden (a
 * scenario); the snapshot is not read again.
 *
 * @param inputs - as `review(snapshot).inputs` (or `readModelInputs`) gives them
 * @param overrides - named inputs to replace, by contract name; {} for none
 * @throws Error naming the key when it is not a named input a scenario can set
 * @example reviewInputs(review(snapshot).inputs, { EligibleInventory: 150000000 }).figures
 */
export function reviewInputs(inputs: ModelInputs, overrides: InputOverrides = {}, options: ReviewOptions = {}): Calculation {
  const used = Object.keys(overrides).length === 0 ? inputs : overrideInputs(inputs, overrides);
  const appliedReadings: Readings = { ...(inputs.readings?.chosen ?? {}), ...(options.readings ?? {}) };
  const recalculation = recalculate(used, { ...options, readings: appliedReadings });
  return {
    inputs: used,
    figures: recalculation.figures,
    thresholdEvents: recalculation.thresholdEvents,
    ppeSchedule: ppeScheduleTable(used, appliedReadings),
    minimumEbitda: recalculation.minimumEbitda,
    amendmentFee: amendmentFeeTable(used),
    aneExclusions: aneExclusionTable(used),
    baskets: basketTable(used),
    appliedReadings,
    thresholdWarnings: thresholdWarnings(used, { ...options, readings: appliedReadings }),
    calendar: workbookCalendar(used, recalculation.figures, options),
  };
}

/**
 * The 5-Business-Day events the layout check compares with PPEEvents: those of the schedule when
 * the series is in date order (the usual case, no second scan); otherwise the series read in date
 * order, as the check reports the order itself (dates-out-of-order).
 */
function checkedEventDates(calculation: Calculation, options: ReviewOptions): readonly number[] | undefined {
  const daily = calculation.inputs.dailyOutstandings.rows;
  if (daily === undefined) return undefined;
  let ascending = true;
  for (let i = 1; i < daily.length && ascending; i++) ascending = daily[i].date > daily[i - 1].date;
  const general = calculation.thresholdEvents.find((l) => l.daysRequired === termInt("thresholdEventDays"));
  if (ascending && general !== undefined && general.note === undefined) return general.events.map((e) => e.date);
  return thresholdEventDates(calculation.inputs, termInt("thresholdEventDays"), { ...options, readings: calculation.appliedReadings });
}

/**
 * Reviews a workbook in one pass: the inputs read once, every figure and schedule computed once,
 * the layout checks run on those figures.
 *
 * @param snapshot - the workbook as an adapter (Excel, .xlsx) or a test built it
 * @param options - extra holidays beyond the Federal Reserve's and the Holidays table
 * @example review(snapshotFromTemplate()).summary.ready //=> true
 */
export function review(snapshot: WorkbookSnapshot, options: ReviewOptions = {}): Review {
  const calculation = reviewInputs(readModelInputs(snapshot), {}, options);
  const basis: CheckBasis = { inputs: calculation.inputs, figures: calculation.figures, thresholdEventDates: checkedEventDates(calculation, options) };
  const findings = [...layoutFindings(snapshot, basis, options), ...readingFindings(calculation.inputs.readings, calculation.inputs.ppeEvents.rows)];
  const readings =
    options.readingEffects === false
      ? []
      : readingEffects(calculation.appliedReadings, calculation, (alternative) => recalculate(calculation.inputs, { ...options, readings: alternative }));
  return { ...calculation, findings, summary: summarize(findings, nonDefaultReadings(calculation.appliedReadings)), readings };
}

/**
 * The findings of `review(snapshot)`, errors and warnings with their cells and sections.
 *
 * @example validate(snapshotFromTemplate()).filter((f) => f.severity === "error") //=> []
 */
export function validate(snapshot: WorkbookSnapshot, options: ReviewOptions = {}): Finding[] {
  return [...review(snapshot, options).findings];
}

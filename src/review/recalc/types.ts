/** The shapes of the recalculation: the inputs read from a workbook, the figures, the schedules. */
import { dec, Dec } from "../../engine/decimal";
import type { ThresholdEvent } from "../../engine/thresholdEvent";
import type { PpeEvent } from "../../engine/ppeReduction";
import type { Disposition, EbitdaStatus } from "../../engine/minimumEbitda";
import type { Charge } from "../../engine/adjustedNetEarnings";
import type { OutputName } from "../layout";
import type { CellValue } from "../snapshot";
import type { Readings } from "../../engine/readings";
import type { WorkbookReadings } from "../readings";

/** What a recalculation takes beside the inputs: extra holidays, and the readings to apply (absent: the defaults). */
export interface RecalcOptions {
  readonly holidays?: readonly number[];
  readonly readings?: Readings;
}

/** One input as read: its value when usable, its cell, and why it is not usable. */
export interface Located<T> {
  readonly value?: T;
  /** "Sheet!B3"; absent when the workbook does not define the input. */
  readonly cell?: string;
  /** Why `value` is absent although the input is there (blank, text, error, negative, …). */
  readonly problem?: string;
}

/** A contract table as read: its rows when every row is usable. */
export interface TableInput<T> {
  /** "Sheet!E4:F90", the whole table; absent when the workbook has no such table. */
  readonly cell?: string;
  /** Every data row, in sheet order; absent when the table is missing or a row is not usable. */
  readonly rows?: readonly T[];
  readonly problem?: string;
}

export interface DailyOutstandingsRow {
  readonly date: number;
  readonly outstandings: Dec;
  /** The Threshold column's value, when the table has that column. */
  readonly threshold?: Dec;
}

export interface MonthlyEbitdaRow {
  readonly periodEnd: number;
  readonly ebitda: Dec;
}

export interface DispositionRow extends Disposition {
  readonly interest: string;
}

/** The typed inputs the layout contract names, each with its cell. */
export interface ModelInputs {
  readonly asOfDate: Located<number>;
  readonly receivablesComponent: Located<Dec>;
  readonly eligibleInventory: Located<Dec>;
  /** Blank is no appraisal (Reading R-NRP-APPRAISAL): value and problem both absent. */
  readonly netRecoveryPercentage: Located<Dec>;
  readonly olvInPlaceValue: Located<Dec>;
  readonly revolvingCommitmentAmount: Located<Dec>;
  readonly revolvingCreditOutstandings: Located<Dec>;
  /** Blank is none. */
  readonly kbcAllocableAmount: Located<Dec>;
  readonly dailyOutstandings: TableInput<DailyOutstandingsRow>;
  readonly ppeEvents: TableInput<PpeEvent>;
  readonly monthlyEbitda: TableInput<MonthlyEbitdaRow>;
  readonly dispositions: TableInput<DispositionRow>;
  readonly aneCharges: TableInput<Charge>;
  /** Extra holidays (blank cells skipped); an absent table is none. */
  readonly holidays: TableInput<number>;
  /** The workbook's own figures, where it defines the optional outputs. */
  readonly outputs: Readonly<Record<OutputName, Located<CellValue>>>;
  /** The optional Readings table: the readings this workbook chooses (absent: every default). */
  readonly readings?: WorkbookReadings;
}

/** How a figure's value reads: an amount, an Excel date, or text ("PASS"). */
export type FigureFormat = "usd" | "date" | "text";

/**
 * The stable key of every figure `recompute` gives, in its order. A misspelt key does not compile.
 *
 * - clauseA, clauseB, ppeBase, ppeReductions, ppeSubcomponent, borrowingBase: Section 1.1(f), 1.1(t);
 * - threshold: 1.1(aa); availabilityReserve, availability: 1.1(e) (Reading R-AVAILABILITY);
 * - firstThresholdEvent (5 Business Days), firstThresholdEvent3 (3, for Section 9.2.4): 1.1(aa);
 * - `ebitdaFloor:YYYY-MM-DD`, `ebitdaTest:YYYY-MM-DD`: each MonthlyEBITDA period, 9.2.4;
 * - aneExclusions: 1.1(c); amendmentFee: 5(d).
 */
export type FixedFigureKey =
  | "clauseA"
  | "clauseB"
  | "ppeBase"
  | "ppeReductions"
  | "ppeSubcomponent"
  | "borrowingBase"
  | "threshold"
  | "availabilityReserve"
  | "availability"
  | "firstThresholdEvent"
  | "firstThresholdEvent3"
  | "aneExclusions"
  | "amendmentFee";
/** A Minimum EBITDA period's figures, by the period's end as an ISO date. */
export type PeriodFigureKey = `ebitdaFloor:${string}` | `ebitdaTest:${string}`;
export type FigureKey = FixedFigureKey | PeriodFigureKey;

/** One recomputed figure, beside the workbook's own where it has one. */
export interface Figure {
  /** Stable key: "borrowingBase", "clauseB", "firstThresholdEvent", "ebitdaFloor:2004-10-31" … */
  readonly key: FigureKey;
  /** For a finance user, e.g. "Inventory (b): $125,000,000 cap binds". */
  readonly label: string;
  readonly section: string;
  /** The engine's figure (amounts in US dollars, dates as serials); null when it cannot be computed. */
  readonly value: number | string | null;
  /** The workbook's own figure (its optional output), null when that cell holds no number. */
  readonly workbookValue?: number | null;
  /** The workbook's output cell, "Sheet!B20". */
  readonly cell?: string;
  /** True when the workbook's figure differs from the engine's by more than one cent, or shows an error or text where the engine has a figure. */
  readonly mismatch: boolean;
  readonly format: FigureFormat;
  /** Why the value is null, or what it means ("no Threshold Event in the series"). */
  readonly note?: string;
  /**
   * A Threshold Event figure whose series was tested and has no event: `value` is null because
   * there is nothing to date, not because an input is missing. Decide on this, never on `note`.
   */
  readonly noEvent?: true;
}

/** Every Threshold Event of the daily series for one count of Business Days (Section 1.1(aa)). */
export interface ThresholdEventList {
  /** 5 (the general definition) or 3 (with respect to Section 9.2.4). */
  readonly daysRequired: number;
  readonly section: string;
  /** Every event in date order, with the clause that gave it: (x) consecutive days, (y) days in the month. */
  readonly events: readonly ThresholdEvent[];
  /** Why the events cannot be worked out; absent when they can (an empty list means none occurred). */
  readonly note?: string;
}

/** One MonthlyEBITDA period against its floor (Section 9.2.4). */
export interface EbitdaLine {
  readonly periodEnd: number;
  readonly ebitda: Dec;
  /** The Minimum EBITDA for the period after dispositions; null when it cannot be worked out. */
  readonly floor: Dec | null;
  /**
   * What the dispositions take off the table's minimum for this period (table minimum − floor), each
   * with its Attributable EBITDA Amount for this period (Reading R-EBITDA-PERIOD-AMOUNT); null with the floor.
   */
  readonly reduction: Dec | null;
  /** EBITDA less the floor, signed (Reading R-EBITDA-HEADROOM). */
  readonly headroom: Dec | null;
  /** PASS, FAIL or NOT TESTED (Reading R-EBITDA-START); null when it cannot be worked out. */
  readonly status: EbitdaStatus | null;
  readonly note?: string;
}

export interface MinimumEbitdaTable {
  readonly section: string;
  readonly lines: readonly EbitdaLine[];
  /** Why no period can be worked out (MonthlyEBITDA or Dispositions unusable). */
  readonly note?: string;
}

/** What one recalculation gives: the figures, and the schedules worked out on the way to them. */
export interface Recalculation {
  readonly figures: readonly Figure[];
  /** 5 Business Days, then 3. */
  readonly thresholdEvents: readonly ThresholdEventList[];
  readonly minimumEbitda: MinimumEbitdaTable;
}

/** A difference of more than this (one cent) between the workbook and the engine is a mismatch. */
export const MISMATCH_TOLERANCE = dec("0.01");

/**
 * The reviewer's independent recalculation: reads the layout contract's inputs from a workbook
 * snapshot and recomputes, with the engine, the figures the amendment defines — the Borrowing Base
 * clause by clause (Section 1.1(f)), the Threshold (1.1(aa)), the Availability Reserve (1.1(e)),
 * Availability (Reading R-AVAILABILITY), the first Threshold Events (1.1(aa)), the PPE Subcomponent
 * after its reductions (1.1(t)), the Minimum EBITDA floor and test of each period (9.2.4) and the
 * excluded charges of Adjusted Net Earnings (1.1(c)) — beside the workbook's own figures.
 *
 * Tolerant by design: a missing or unreadable input is `undefined` with a `problem`, and every
 * figure that needs it is `null` with a note; the checks (checks.ts) report the input itself.
 */
import { dec, Dec, ZERO } from "../engine/decimal";
import { isoFromSerial } from "../engine/dates";
import { EngineError } from "../engine/errors";
import { formatPercent, formatUsd } from "../engine/format";
import * as bb from "../engine/borrowingBase";
import { amendmentFee } from "../engine/fees";
import { ThresholdEvent, thresholdEventDetails, ThresholdMessages, thresholdEvents, ThresholdRow } from "../engine/thresholdEvent";
import { PPE_AMOUNT_IGNORED, PPE_EVENT_KINDS, PpeEvent, PpeEventKind, ppeReductions } from "../engine/ppeReduction";
import { Disposition, EbitdaStatus, ebitdaTest, minimumEbitdaFloor } from "../engine/minimumEbitda";
import { ANE_CATEGORY_KEYS, AneCategory, aneExclusions, Charge } from "../engine/adjustedNetEarnings";
import { layoutEntry, LayoutType, NamedCellName, NAMED_CELLS, OutputName, OUTPUTS, TableName, tableLayout } from "./layout";
import { cellName, locateName, locateTable, tableColumn, valueAt } from "./locate";
import { CellValue, isCellError, WorkbookSnapshot } from "./snapshot";
import { term, termInt } from "../engine/terms";
import type { Readings } from "../engine/readings";
import { readWorkbookReadings, WorkbookReadings } from "./readings";

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

// ---- reading ----

type Kind = "amount" | "signed" | "fraction" | "date";

function describe(value: CellValue): string {
  if (isCellError(value)) return `the error ${value.error}`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return `the text "${String(value)}"`;
}

/** Reads one cell as the contract's type; blank is `{}` (no value, no problem) for optional inputs to decide. */
function readCell(value: CellValue, kind: Kind): { value?: Dec | number; problem?: string; blank?: true } {
  if (value === null || (typeof value === "string" && value.trim() === "")) return { blank: true };
  if (typeof value !== "number" || !Number.isFinite(value)) return { problem: `holds ${describe(value)}, not a number` };
  switch (kind) {
    case "date":
      return value >= 61 && value < 2958466 ? { value: Math.floor(value) } : { problem: `holds ${value}, not an Excel date` };
    case "amount":
      return value < 0 ? { problem: `is negative (${value})` } : { value: dec(value) };
    case "fraction":
      return value < 0 || value > 1 ? { problem: `is ${value}, not a fraction between 0 and 1` } : { value: dec(value) };
    case "signed":
      return { value: dec(value) };
  }
}

/** How the layout contract's type reads a cell. */
function kindOf(type: LayoutType): Kind | "keyword" {
  switch (type) {
    case "amount":
      return "amount";
    case "signed amount":
      return "signed";
    case "fraction":
      return "fraction";
    case "date":
      return "date";
    default:
      return "keyword";
  }
}

/** A named cell read as the layout contract types it: its kind, and blank allowed where it is not required. */
function readNamed<T extends Dec | number>(snapshot: WorkbookSnapshot, name: NamedCellName): Located<T> {
  const entry = layoutEntry(name);
  if (entry === undefined) throw new Error(`${name} is not in the layout contract`);
  return readNamedAs<T>(snapshot, name, kindOf(entry.type) as Kind, !entry.required);
}

function readNamedAs<T extends Dec | number>(snapshot: WorkbookSnapshot, name: NamedCellName | OutputName, kind: Kind, optional: boolean): Located<T> {
  const where = locateName(snapshot, name);
  if (where.kind === "missing") return {};
  if (where.kind === "broken") return { cell: where.cell || undefined, problem: `${name} does not refer to one cell` };
  const raw = where.sheet === undefined ? null : valueAt(where.sheet, where.row, where.col);
  const read = readCell(raw, kind);
  if (read.blank) return optional ? { cell: where.cell } : { cell: where.cell, problem: `${name} is blank` };
  if (read.problem !== undefined) return { cell: where.cell, problem: `${name} ${read.problem}` };
  return { cell: where.cell, value: read.value as T };
}

function readOutput(snapshot: WorkbookSnapshot, name: OutputName): Located<CellValue> {
  const where = locateName(snapshot, name);
  if (where.kind === "missing") return {};
  if (where.kind === "broken") return { cell: where.cell || undefined, problem: `${name} does not refer to one cell` };
  return { cell: where.cell, value: where.sheet === undefined ? null : valueAt(where.sheet, where.row, where.col) };
}

interface ColumnSpec {
  readonly header: string;
  readonly kind: Kind | "keyword";
  readonly optional?: boolean;
}

/**
 * Reads a contract table column by column, each column as the layout contract types it (a column
 * it does not require may be absent); `build` turns one row's parsed cells, in the contract's
 * column order, into a row. Any unusable cell makes the whole table unusable (its rows absent),
 * naming the first such cell.
 */
function readTable<T>(
  snapshot: WorkbookSnapshot,
  name: TableName,
  build: (cells: (Dec | number | string | undefined)[]) => T | string,
  options: { skipBlankRows?: boolean } = {},
): TableInput<T> {
  const layout = tableLayout(name);
  if (layout === undefined) throw new Error(`${name} is not in the layout contract`);
  const specs: ColumnSpec[] = layout.columns.map((c) => ({ header: c.column ?? c.name, kind: kindOf(c.type), optional: !c.required }));
  const where = locateTable(snapshot, name);
  if (where === undefined) return {};
  if (where.sheet === undefined) return { cell: where.cell, problem: `the sheet of table ${name} is not readable` };
  const cols: (number | undefined)[] = [];
  for (const spec of specs) {
    const col = tableColumn(where, spec.header);
    if (col === undefined && !spec.optional) return { cell: where.cell, problem: `table ${name} has no column ${spec.header}` };
    cols.push(col);
  }
  const rows: T[] = [];
  for (let r = where.firstRow; r <= where.lastRow; r++) {
    const cells: (Dec | number | string | undefined)[] = [];
    let blanks = 0;
    for (let i = 0; i < specs.length; i++) {
      const col = cols[i];
      if (col === undefined) {
        cells.push(undefined);
        blanks++;
        continue;
      }
      const raw = valueAt(where.sheet, r, col);
      if (specs[i].kind === "keyword") {
        if (raw === null || (typeof raw === "string" && raw.trim() === "")) {
          cells.push(undefined);
          blanks++;
        } else if (typeof raw === "string") cells.push(raw.trim().toUpperCase());
        else return { cell: where.cell, problem: `${cellName(where.sheet, r, col)} holds ${describe(raw)}, not a keyword` };
        continue;
      }
      const read = readCell(raw, specs[i].kind as Kind);
      if (read.problem !== undefined) return { cell: where.cell, problem: `${cellName(where.sheet, r, col)} ${read.problem}` };
      if (read.blank) blanks++;
      cells.push(read.value);
    }
    if (options.skipBlankRows && blanks === specs.length) continue;
    const row = build(cells);
    if (typeof row === "string") return { cell: where.cell, problem: `${name} row ${r - where.firstRow + 1}: ${row}` };
    rows.push(row);
  }
  return { cell: where.cell, rows };
}

function isKey<K extends string>(keys: readonly K[], text: string | undefined): text is K {
  return text !== undefined && (keys as readonly string[]).includes(text);
}

/**
 * Reads every input of the layout contract from a snapshot, with its cell. Tolerant: a missing or
 * unusable input is undefined with a `problem`, and the checks report it.
 */
export function readModelInputs(snapshot: WorkbookSnapshot): ModelInputs {
  const outputs = {} as Record<OutputName, Located<CellValue>>;
  for (const o of OUTPUTS) outputs[o.name as OutputName] = readOutput(snapshot, o.name as OutputName);
  return {
    asOfDate: readNamed<number>(snapshot, "AsOfDate"),
    receivablesComponent: readNamed<Dec>(snapshot, "ReceivablesComponent"),
    eligibleInventory: readNamed<Dec>(snapshot, "EligibleInventory"),
    netRecoveryPercentage: readNamed<Dec>(snapshot, "NetRecoveryPercentage"),
    olvInPlaceValue: readNamed<Dec>(snapshot, "OLVInPlaceValue"),
    revolvingCommitmentAmount: readNamed<Dec>(snapshot, "RevolvingCommitmentAmount"),
    revolvingCreditOutstandings: readNamed<Dec>(snapshot, "RevolvingCreditOutstandings"),
    kbcAllocableAmount: readNamed<Dec>(snapshot, "KBCAllocableAmount"),
    dailyOutstandings: readTable<DailyOutstandingsRow>(
      snapshot,
      "DailyOutstandings",
      ([date, outstandings, threshold]) => {
        if (date === undefined) return "Date is blank";
        if (outstandings === undefined) return "Outstandings is blank";
        return { date: date as number, outstandings: outstandings as Dec, threshold: threshold as Dec | undefined };
      },
    ),
    ppeEvents: readTable<PpeEvent>(
      snapshot,
      "PPEEvents",
      ([date, kindCell, amount]) => {
        const kind = kindCell as string | undefined;
        if (date === undefined) return "Date is blank";
        if (!isKey<PpeEventKind>(PPE_EVENT_KINDS, kind)) return `Kind is not one of ${PPE_EVENT_KINDS.join(", ")}`;
        if (PPE_AMOUNT_IGNORED.includes(kind)) return { date: date as number, kind, amount: ZERO };
        if (amount === undefined) return "Amount is blank";
        return { date: date as number, kind, amount: amount as Dec };
      },
    ),
    monthlyEbitda: readTable<MonthlyEbitdaRow>(
      snapshot,
      "MonthlyEBITDA",
      ([periodEnd, ebitda]) => {
        if (periodEnd === undefined) return "PeriodEnd is blank";
        if (ebitda === undefined) return "EBITDA is blank";
        return { periodEnd: periodEnd as number, ebitda: ebitda as Dec };
      },
    ),
    dispositions: readTable<DispositionRow>(
      snapshot,
      "Dispositions",
      ([date, interest, amount]) => {
        if (date === undefined) return "Date is blank";
        if (interest === undefined) return "Interest is blank";
        if (amount === undefined) return "AttributableEBITDA is blank";
        return { date: date as number, interest: interest as string, attributableAmount: amount as Dec };
      },
    ),
    aneCharges: readTable<Charge>(
      snapshot,
      "ANECharges",
      ([date, categoryCell, amount]) => {
        const category = categoryCell as string | undefined;
        if (date === undefined) return "Date is blank";
        if (!isKey<AneCategory>(ANE_CATEGORY_KEYS, category)) return `Category is not one of ${ANE_CATEGORY_KEYS.join(", ")}`;
        if (amount === undefined) return "Amount is blank";
        return { date: date as number, category, amount: amount as Dec };
      },
    ),
    holidays: readTable<number>(snapshot, "Holidays", ([date]) => date as number, { skipBlankRows: true }),
    outputs,
    readings: readWorkbookReadings(snapshot),
  };
}

/** The field of `ModelInputs` each named cell of the contract fills. */
const INPUT_FIELD: Readonly<Record<NamedCellName, keyof ModelInputs>> = {
  AsOfDate: "asOfDate",
  ReceivablesComponent: "receivablesComponent",
  EligibleInventory: "eligibleInventory",
  NetRecoveryPercentage: "netRecoveryPercentage",
  OLVInPlaceValue: "olvInPlaceValue",
  RevolvingCommitmentAmount: "revolvingCommitmentAmount",
  RevolvingCreditOutstandings: "revolvingCreditOutstandings",
  KBCAllocableAmount: "kbcAllocableAmount",
};

/** The named inputs a scenario may override, by their contract names: every named cell of the contract. */
export const OVERRIDABLE_NAMES: readonly NamedCellName[] = NAMED_CELLS.map((e) => e.name as NamedCellName);

/** Lower-case contract name → the input's field and how the contract types it. */
const OVERRIDABLE: ReadonlyMap<string, [keyof ModelInputs, Kind]> = new Map(
  NAMED_CELLS.map((e) => [e.name.toLowerCase(), [INPUT_FIELD[e.name as NamedCellName], kindOf(e.type) as Kind]]),
);

/**
 * The inputs with some named cells replaced (a scenario), by contract name, case-insensitive:
 * `overrideInputs(inputs, { EligibleInventory: 150000000 })`. A null clears the input (blank).
 * The workbook's own outputs are dropped: they belong to the workbook's inputs, not the scenario's.
 *
 * @throws Error naming the key when it is not one of `OVERRIDABLE_NAMES`.
 */
export function overrideInputs(inputs: ModelInputs, overrides: Readonly<Partial<Record<string, number | null>>>): ModelInputs {
  const result: Record<string, unknown> = { ...inputs, outputs: Object.fromEntries(OUTPUTS.map((o) => [o.name, {}])) };
  for (const [key, raw] of Object.entries(overrides)) {
    if (raw === undefined) continue;
    const target = OVERRIDABLE.get(key.toLowerCase());
    if (target === undefined) throw new Error(`${key} is not a named input that a scenario can set (${OVERRIDABLE_NAMES.join(", ")})`);
    const [field, kind] = target;
    const previous = inputs[field] as Located<unknown>;
    const read = readCell(raw, kind);
    result[field] = read.blank ? { cell: previous.cell } : read.problem !== undefined ? { cell: previous.cell, problem: `${key} ${read.problem}` } : { cell: previous.cell, value: read.value };
  }
  return result as unknown as ModelInputs;
}

// ---- recomputing ----

// Clause (b)'s binding limit reads as the engine words it (one wording, src/engine/borrowingBase.ts).
const LIMIT_LABEL = bb.INVENTORY_LIMIT_LABEL;

/** Why a figure cannot be computed: the first of its inputs that is missing or unusable. */
function missingName(name: string, input: Located<unknown>): string | undefined {
  if (input.value !== undefined) return undefined;
  return input.problem ?? (input.cell === undefined ? `the name ${name} is missing` : `${name} is blank`);
}

function missingTable(name: string, input: TableInput<unknown>): string | undefined {
  if (input.rows !== undefined) return undefined;
  return input.problem ?? `the table ${name} is missing`;
}

/** Why a figure cannot be computed: the first of its inputs that is missing or unusable (named cells by contract name). */
function blocker(named: Readonly<Record<string, Located<unknown>>>, tables: Readonly<Record<string, TableInput<unknown>>> = {}): string | undefined {
  for (const [name, input] of Object.entries(named)) {
    const why = missingName(name, input);
    if (why !== undefined) return why;
  }
  for (const [name, input] of Object.entries(tables)) {
    const why = missingTable(name, input);
    if (why !== undefined) return why;
  }
  return undefined;
}

function engineMessage(e: unknown): string {
  if (e instanceof EngineError) return e.message;
  throw e;
}

/** Compares the engine's amount with the workbook's output cell. */
function compare(value: Dec | null, output: Located<CellValue>): Pick<Figure, "workbookValue" | "cell" | "mismatch"> {
  if (output.cell === undefined) return { mismatch: false };
  const raw = output.value;
  if (typeof raw === "number" && Number.isFinite(raw)) {
    const mismatch = value !== null && dec(raw).minus(value).abs().greaterThan(MISMATCH_TOLERANCE);
    return { cell: output.cell, workbookValue: raw, mismatch };
  }
  const blank = raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");
  return { cell: output.cell, workbookValue: null, mismatch: value !== null && !blank && output.problem === undefined };
}

function amountFigure(key: FigureKey, label: string, section: string, value: Dec | null, note?: string, output?: Located<CellValue>): Figure {
  const comparison = output === undefined ? { mismatch: false } : compare(value, output);
  return { key, label, section, value: value === null ? null : value.toNumber(), format: "usd", ...comparison, ...(note === undefined ? {} : { note }) };
}

/** What the workbook's output holds, for a mismatch message: "315,000,000.00", "#NAME?", "the text "n/a"", "blank". */
export function describeWorkbookValue(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "blank";
  if (typeof value === "number") return formatUsd(dec(value));
  return describe(value);
}

/** The Threshold's rows for the daily series: the table's Threshold column where every row has one, else the computed Threshold. */
function thresholdRows(inputs: ModelInputs, computedThreshold: Dec | null): { rows?: ThresholdRow[]; note?: string } {
  const daily = inputs.dailyOutstandings.rows;
  // An absent Holidays table is no extra holidays; a present one must be readable.
  const note = blocker({}, { DailyOutstandings: inputs.dailyOutstandings }) ?? (inputs.holidays.cell === undefined ? undefined : missingTable("Holidays", inputs.holidays));
  if (note !== undefined || daily === undefined) return { note };
  const withColumn = daily.filter((r) => r.threshold !== undefined).length;
  if (withColumn > 0 && withColumn < daily.length) return { note: "the Threshold column of DailyOutstandings is blank in some rows" };
  if (withColumn === 0 && computedThreshold === null) return { note: "the Threshold cannot be computed" };
  return { rows: daily.map((r) => ({ date: r.date, outstandings: r.outstandings, threshold: r.threshold ?? (computedThreshold as Dec) })) };
}

function extraHolidaySet(inputs: ModelInputs, options: { holidays?: readonly number[] }): Set<number> {
  return new Set<number>([...(inputs.holidays.rows ?? []), ...(options.holidays ?? [])]);
}

/** The Threshold after reading the inputs, or null when an input is missing. */
function computedThreshold(inputs: ModelInputs): Dec | null {
  const a = inputs.receivablesComponent.value;
  const inventory = inputs.eligibleInventory.value;
  if (a === undefined || inventory === undefined || inputs.netRecoveryPercentage.problem !== undefined) return null;
  return bb.threshold(a, bb.inventoryComponent(inventory, inputs.netRecoveryPercentage.value).amount);
}

/**
 * The daily series in date order with each date once: a row repeated exactly (same date,
 * outstandings and Threshold) counts once. Undefined when one date carries two different rows,
 * since which of them held that day cannot be told.
 */
function inDateOrder(rows: readonly ThresholdRow[]): ThresholdRow[] | undefined {
  const result: ThresholdRow[] = [];
  for (const row of [...rows].sort((a, b) => a.date - b.date)) {
    const last = result[result.length - 1];
    if (last?.date !== row.date) result.push(row);
    else if (!last.outstandings.equals(row.outstandings) || !last.threshold.equals(row.threshold)) return undefined;
  }
  return result;
}

/**
 * Every Threshold Event of the workbook's DailyOutstandings (Section 1.1(aa)), for `daysRequired`
 * 5 or 3, read in date order with rows repeated exactly counted once: the events are facts of the
 * days, not of the table's row order (KAISER.THRESHOLDEVENT itself refuses a series out of order,
 * which the checks report as dates-out-of-order). Undefined when the series or the Threshold
 * cannot be read, when one date carries two different balances, or when the engine rejects it.
 */
export function thresholdEventDates(inputs: ModelInputs, daysRequired: number, options: RecalcOptions = {}): number[] | undefined {
  const { rows } = thresholdRows(inputs, computedThreshold(inputs));
  const ordered = rows === undefined ? undefined : inDateOrder(rows);
  if (ordered === undefined) return undefined;
  try {
    return thresholdEvents(ordered, daysRequired, extraHolidaySet(inputs, options), options.readings);
  } catch (e) {
    engineMessage(e);
    return undefined;
  }
}

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
  const out = inputs.outputs;

  // Clause (a) and clause (b) [1.1(f)].
  const a = inputs.receivablesComponent.value ?? null;
  figures.push(amountFigure("clauseA", "Receivables (a)", "1.1(f)(a)", a, blocker({ ReceivablesComponent: inputs.receivablesComponent })));
  const nrpBlocked = inputs.netRecoveryPercentage.problem;
  const clauseBBlocked = blocker({ EligibleInventory: inputs.eligibleInventory }) ?? nrpBlocked;
  const clauseB = clauseBBlocked === undefined ? bb.inventoryComponent(inputs.eligibleInventory.value as Dec, inputs.netRecoveryPercentage.value) : null;
  figures.push(amountFigure("clauseB", clauseB === null ? "Inventory (b)" : `Inventory (b): ${LIMIT_LABEL[clauseB.binding]}`, "1.1(f)(b)", clauseB?.amount ?? null, clauseBBlocked));

  // PPE base, reductions and clause (c) [1.1(f)(c), 1.1(t)].
  const olv = inputs.olvInPlaceValue.value;
  const base = olv === undefined ? null : bb.ppeBase(olv);
  figures.push(
    amountFigure(
      "ppeBase",
      `PPE base: lesser of ${formatUsd(term("ppeCap"))} and ${formatPercent(term("ppeOlvRate"))} of OLV In-Place Value`,
      "1.1(f)(c)",
      base,
      blocker({ OLVInPlaceValue: inputs.olvInPlaceValue }),
    ),
  );
  let reductions: Dec | null = null;
  let reductionsNote = blocker({ OLVInPlaceValue: inputs.olvInPlaceValue, AsOfDate: inputs.asOfDate }, { PPEEvents: inputs.ppeEvents }) ?? inputs.kbcAllocableAmount.problem;
  if (reductionsNote === undefined) {
    try {
      reductions = ppeReductions({
        olvInPlaceValue: olv as Dec,
        events: inputs.ppeEvents.rows as PpeEvent[],
        asOfDate: inputs.asOfDate.value,
        kbcAllocableAmount: inputs.kbcAllocableAmount.value,
      }, readings);
    } catch (e) {
      reductionsNote = engineMessage(e);
    }
  }
  const asOfLabel = inputs.asOfDate.value === undefined ? "" : ` to ${isoFromSerial(inputs.asOfDate.value)}`;
  figures.push(amountFigure("ppeReductions", `PPE Subcomponent Reductions${asOfLabel}`, "1.1(t)", reductions, reductionsNote));
  const clauseC = olv !== undefined && reductions !== null ? bb.ppeSubcomponent(olv, reductions) : null;
  const clauseCNote = clauseC === null ? (reductionsNote ?? blocker({ OLVInPlaceValue: inputs.olvInPlaceValue })) : undefined;
  figures.push(amountFigure("ppeSubcomponent", "PPE Subcomponent (c), not below zero", "1.1(f)(c)", clauseC, clauseCNote, out.PPESubcomponent));

  // Borrowing Base [1.1(f)].
  const total = a !== null && clauseB !== null && clauseC !== null ? a.plus(clauseB.amount).plus(clauseC) : null;
  const totalNote = total === null ? (blocker({ ReceivablesComponent: inputs.receivablesComponent }) ?? clauseBBlocked ?? clauseCNote) : undefined;
  figures.push(amountFigure("borrowingBase", "Borrowing Base (a)+(b)+(c)", "1.1(f)", total, totalNote, out.BorrowingBase));

  // Threshold [1.1(aa)].
  const thresholdValue = a !== null && clauseB !== null ? bb.threshold(a, clauseB.amount) : null;
  const thresholdNote = thresholdValue === null ? (blocker({ ReceivablesComponent: inputs.receivablesComponent }) ?? clauseBBlocked) : undefined;
  figures.push(amountFigure("threshold", `Threshold: ${formatPercent(term("thresholdRate"))} of (a)+(b)`, "1.1(aa)", thresholdValue, thresholdNote, out.Threshold));

  // Availability Reserve and Availability [1.1(e)].
  const rca = inputs.revolvingCommitmentAmount.value;
  const reserve = rca === undefined ? null : bb.availabilityReserve(rca);
  figures.push(amountFigure("availabilityReserve", "Availability Reserve", "1.1(e)", reserve, blocker({ RevolvingCommitmentAmount: inputs.revolvingCommitmentAmount }), out.AvailabilityReserve));
  const outstandings = inputs.revolvingCreditOutstandings.value;
  const available = total !== null && rca !== undefined && outstandings !== undefined ? bb.availability(total, outstandings, ZERO, rca, readings) : null;
  const availableNote = available === null ? (totalNote ?? blocker({ RevolvingCommitmentAmount: inputs.revolvingCommitmentAmount, RevolvingCreditOutstandings: inputs.revolvingCreditOutstandings })) : undefined;
  figures.push(amountFigure("availability", "Availability, signed (Reading R-AVAILABILITY)", "1.1(e)", available, availableNote, out.Availability));

  // Every Threshold Event [1.1(aa)]: 5 Business Days, and 3 for Section 9.2.4; the first of each is a figure.
  const series = thresholdRows(inputs, thresholdValue);
  const extra = extraHolidaySet(inputs, options);
  const eventLists: ThresholdEventList[] = [];
  let first3: Figure | undefined;
  for (const days of [termInt("thresholdEventDays"), termInt("thresholdEventDaysMinimumEbitda")]) {
    const general = days === termInt("thresholdEventDays");
    const section = general ? "1.1(aa)" : "1.1(aa), 9.2.4";
    let note = series.note === "the Threshold cannot be computed" ? thresholdNote : series.note;
    let events: ThresholdEvent[] | undefined;
    if (series.rows !== undefined) {
      try {
        events = thresholdEventDetails(series.rows, days, extra, readings);
      } catch (e) {
        note = engineMessage(e);
      }
    }
    const none = events !== undefined && events.length === 0;
    if (none) note = ThresholdMessages.none();
    eventLists.push(
      events === undefined
        ? { daysRequired: days, section, events: [], note: note ?? inputs.dailyOutstandings.problem ?? "the table DailyOutstandings is missing" }
        : { daysRequired: days, section, events },
    );
    const figure: Figure = {
      key: general ? "firstThresholdEvent" : "firstThresholdEvent3",
      label: `First Threshold Event (${days} Business Days${general ? "" : ", for Section 9.2.4"})`,
      section,
      value: events?.[0]?.date ?? null,
      format: "date",
      mismatch: false,
      ...(note === undefined ? {} : { note }),
      ...(none ? { noEvent: true as const } : {}),
    };
    figures.push(figure);
    if (!general) first3 = figure;
  }

  // Minimum EBITDA [9.2.4]: each period's floor, headroom and test; the floor and the test are figures.
  const minimumEbitda = ebitdaTable(inputs, first3, figures, readings);

  // Charges excluded from Adjusted Net Earnings [1.1(c)].
  let excluded: Dec | null = null;
  let excludedNote = blocker({}, { ANECharges: inputs.aneCharges });
  if (excludedNote === undefined) {
    try {
      excluded = aneExclusions(inputs.aneCharges.rows as Charge[]).reduce((s, x) => s.plus(x), ZERO);
    } catch (e) {
      excludedNote = engineMessage(e);
    }
  }
  figures.push(amountFigure("aneExclusions", "Charges excluded from Adjusted Net Earnings, (i)-(n)", "1.1(c)", excluded, excludedNote));

  // Amendment fee [5(d)].
  figures.push(
    amountFigure(
      "amendmentFee",
      "Amendment fee",
      "5(d)",
      rca === undefined ? null : amendmentFee(rca),
      blocker({ RevolvingCommitmentAmount: inputs.revolvingCommitmentAmount }),
    ),
  );
  return { figures, thresholdEvents: eventLists, minimumEbitda };
}

/**
 * Section 9.2.4, period by period: the floor after dispositions, the headroom and the test, each
 * pushed as figures (`ebitdaFloor:…`, `ebitdaTest:…`) and kept as the table's lines.
 */
function ebitdaTable(inputs: ModelInputs, first3: Figure | undefined, figures: Figure[], readings?: Readings): MinimumEbitdaTable {
  const section = "9.2.4";
  const ebitdaRows = inputs.monthlyEbitda.rows;
  if (ebitdaRows === undefined) return { section, lines: [], note: inputs.monthlyEbitda.problem ?? "the table MonthlyEBITDA is missing" };
  // The test needs the first 3-day Threshold Event, or the knowledge that there is none (a value, not a message).
  const first3Known = first3 !== undefined && (first3.value !== null || first3.noEvent === true);
  const firstEvent = typeof first3?.value === "number" ? first3.value : undefined;
  const dispositionsNote = blocker({}, { Dispositions: inputs.dispositions });
  const lines: EbitdaLine[] = [];
  for (const row of ebitdaRows) {
    const iso = isoFromSerial(row.periodEnd);
    let floor: Dec | null = null;
    let floorNote = dispositionsNote;
    if (floorNote === undefined) {
      try {
        floor = minimumEbitdaFloor(row.periodEnd, inputs.dispositions.rows, readings);
      } catch (e) {
        floorNote = engineMessage(e);
      }
    }
    figures.push(amountFigure(`ebitdaFloor:${iso}`, `Minimum EBITDA for the period ending ${iso}`, section, floor, floorNote));
    let status: EbitdaStatus | null = null;
    let statusNote = floorNote ?? (first3Known ? undefined : `the first Threshold Event for Section 9.2.4 cannot be computed: ${first3?.note ?? ""}`);
    if (statusNote === undefined) {
      try {
        status = ebitdaTest(row.periodEnd, row.ebitda, firstEvent, inputs.dispositions.rows, readings);
      } catch (e) {
        statusNote = engineMessage(e);
      }
    }
    figures.push({
      key: `ebitdaTest:${iso}`,
      label: `Minimum EBITDA test, period ending ${iso} (EBITDA ${formatUsd(row.ebitda)})`,
      section,
      value: status,
      format: "text",
      mismatch: false,
      ...(statusNote === undefined ? {} : { note: statusNote }),
    });
    const line = { periodEnd: row.periodEnd, ebitda: row.ebitda };
    if (floor !== null && !first3Known) {
      // The floor and headroom stand without the test (Reading R-EBITDA-HEADROOM).
      const note = `the first Threshold Event for Section 9.2.4 cannot be worked out: ${first3?.note ?? "no daily outstandings"}`;
      lines.push({ ...line, floor, headroom: row.ebitda.minus(floor), status: null, note });
    } else if (floor === null || status === null) {
      lines.push({ ...line, floor: null, headroom: null, status: null, note: floorNote ?? statusNote });
    } else {
      lines.push({ ...line, floor, headroom: row.ebitda.minus(floor), status });
    }
  }
  const note = dispositionsNote === undefined ? undefined : (inputs.dispositions.problem ?? "the table Dispositions is missing");
  return { section, lines: note === undefined ? lines : [], ...(note === undefined ? {} : { note }) };
}

/**
 * The daily series as the Threshold Event test reads it (the Threshold column where the table has
 * one, else the Threshold computed from the inputs), in date order with rows repeated exactly
 * counted once; `note` says why there is none. For the Threshold early warning (thresholdStatus).
 */
export function thresholdSeries(inputs: ModelInputs): { rows?: ThresholdRow[]; note?: string } {
  const { rows, note } = thresholdRows(inputs, computedThreshold(inputs));
  if (rows === undefined) return { note: note ?? "the table DailyOutstandings is missing" };
  const ordered = inDateOrder(rows);
  return ordered === undefined ? { note: "DailyOutstandings has two different rows for one date" } : { rows: ordered };
}

/**
 * Reading the layout contract's inputs from a workbook snapshot, tolerant by design: a missing or
 * unreadable input is `undefined` with a `problem`; the checks report the input itself.
 */
import { dec, Dec, ZERO } from "../../engine/decimal";
import { PPE_AMOUNT_IGNORED, PPE_EVENT_KINDS, PpeEvent, PpeEventKind } from "../../engine/ppeReduction";
import { ANE_CATEGORY_KEYS, AneCategory, Charge } from "../../engine/adjustedNetEarnings";
import type { AttributableEbitdaAmounts } from "../../engine/minimumEbitda";
import { LayoutEntry, layoutEntry, LayoutType, NamedCellName, OutputName, OUTPUTS, TableName, tableLayout } from "../layout";
import { cellName, locateName, locateTable, tableColumn, valueAt } from "../locate";
import { CellValue, isCellError, WorkbookSnapshot } from "../snapshot";
import { readWorkbookReadings } from "../readings";
import type { DailyOutstandingsRow, DispositionRow, Located, ModelInputs, MonthlyEbitdaRow, TableInput } from "./types";

export type Kind = "amount" | "signed" | "fraction" | "date";

export function describe(value: CellValue): string {
  if (isCellError(value)) return `the error ${value.error}`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return `the text "${String(value)}"`;
}

/** Reads one cell as the contract's type; blank is `{}` (no value, no problem) for optional inputs to decide. */
export function readCell(value: CellValue, kind: Kind): { value?: Dec | number; problem?: string; blank?: true } {
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
export function kindOf(type: LayoutType): Kind | "keyword" {
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
 * The sheet columns of a table's contract columns after a superseded column stands in (layout.ts,
 * `standsFor`): where the table has none of the columns it stands for, each of them reads it (the
 * earlier model's single AttributableEBITDA amount for every period, Reading R-EBITDA-PERIOD-AMOUNT);
 * where the table has any of them, the superseded column is not read.
 */
export function standIn(columns: readonly LayoutEntry[], cols: readonly (number | undefined)[]): { cols: (number | undefined)[]; headers: string[] } {
  const result = cols.slice();
  const headers = columns.map((c) => c.column ?? c.name);
  columns.forEach((entry, i) => {
    if (entry.standsFor === undefined || cols[i] === undefined) return;
    result[i] = undefined;
    const targets = entry.standsFor.map((h) => columns.findIndex((c) => c.column === h));
    if (targets.some((t) => t >= 0 && cols[t] !== undefined)) return;
    for (const t of targets) {
      if (t < 0) continue;
      result[t] = cols[i];
      headers[t] = headers[i];
    }
  });
  return { cols: result, headers };
}

/**
 * Reads a contract table column by column, each column as the layout contract types it (a column
 * it does not require may be absent); `build` turns one row's parsed cells, in the contract's
 * column order, into a row (with the header each was read from, for its message). Any unusable cell makes the whole table unusable (its rows absent),
 * naming the first such cell.
 */
function readTable<T>(
  snapshot: WorkbookSnapshot,
  name: TableName,
  build: (cells: (Dec | number | string | undefined)[], headers: readonly string[]) => T | string,
  options: { skipBlankRows?: boolean } = {},
): TableInput<T> {
  const layout = tableLayout(name);
  if (layout === undefined) throw new Error(`${name} is not in the layout contract`);
  const specs: ColumnSpec[] = layout.columns.map((c) => ({ header: c.column ?? c.name, kind: kindOf(c.type), optional: !c.required }));
  const where = locateTable(snapshot, name);
  if (where === undefined) return {};
  if (where.sheet === undefined) return { cell: where.cell, problem: `the sheet of table ${name} is not readable` };
  const { cols, headers } = standIn(
    layout.columns,
    specs.map((spec) => tableColumn(where, spec.header)),
  );
  for (let i = 0; i < specs.length; i++) {
    if (cols[i] === undefined && !specs[i].optional) return { cell: where.cell, problem: `table ${name} has no column ${specs[i].header}` };
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
    const row = build(cells, headers);
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
      ([date, interest, oneMonth, twoMonths, threeMonths], headers) => {
        if (date === undefined) return "Date is blank";
        if (interest === undefined) return "Interest is blank";
        const amounts = [oneMonth, twoMonths, threeMonths];
        const blank = amounts.findIndex((a) => a === undefined);
        // The header it was read from: the per-period column, or the single AttributableEBITDA standing in.
        if (blank >= 0) return `${headers[2 + blank]} is blank`;
        return { date: date as number, interest: interest as string, attributableAmounts: amounts as unknown as AttributableEbitdaAmounts };
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

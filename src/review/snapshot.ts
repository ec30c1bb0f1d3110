/**
 * A plain, Office-free picture of a workbook: what the layout checks (issue: task pane) read.
 *
 * Two adapters build it: one from Excel (`Excel.run`, src/workbook/excelSnapshot.ts) and one from
 * an .xlsx file (exceljs, src/workbook/xlsxSnapshot.ts). Tests build it in code. Each sheet keeps
 * its used range as parallel 2-D arrays (values, formulas, number formats), so a 200,000-row
 * table costs three arrays, not 600,000 objects.
 */

/** An error value in a cell, as its Excel text: "#REF!", "#NAME?", "#DIV/0!" … */
export interface CellError {
  readonly error: string;
}

export type CellValue = number | string | boolean | null | CellError;

export interface SheetSnapshot {
  readonly name: string;
  /** Zero-based row and column of the used range's top-left cell (A1 is 0, 0). */
  readonly origin: { readonly row: number; readonly col: number };
  /** Values of the used range; blank cells are null; dates are serial numbers. */
  readonly values: CellValue[][];
  /** Formula text ("=KAISER.THRESHOLD(B2,B3)") where the cell holds a formula, else null. */
  readonly formulas: (string | null)[][];
  /** Number format codes ("General", "0.00%", "yyyy-mm-dd", "$#,##0"); "General" where none. */
  readonly numberFormats: string[][];
}

export interface NameSnapshot {
  /** Workbook-scoped name, as written ("EligibleInventory"). */
  readonly name: string;
  /** What the name refers to, as Excel shows it ("=Inputs!$B$3", "=#REF!", "=0.65"). */
  readonly formula: string;
  /** Sheet and A1 range ("B3" or "B3:C4") when the name refers to a range; absent for #REF! or a constant. */
  readonly sheet?: string;
  readonly address?: string;
}

export interface TableSnapshot {
  readonly name: string;
  readonly sheet: string;
  /** The whole table including its header row, e.g. "A1:C366". */
  readonly address: string;
  readonly showHeaders: boolean;
  /** True when the table's last row is a totals row (not data). */
  readonly showTotals?: boolean;
  /** Column names as the table defines them, in order; they stand in for the header row when it is hidden. */
  readonly columns?: readonly string[];
}

export type CalculationMode = "automatic" | "automaticExceptTables" | "manual" | "unknown";

export interface WorkbookSnapshot {
  readonly sheets: readonly SheetSnapshot[];
  readonly names: readonly NameSnapshot[];
  readonly tables: readonly TableSnapshot[];
  readonly calculationMode: CalculationMode;
}

export interface CellRef {
  readonly row: number;
  readonly col: number;
}

export interface RangeRef {
  readonly start: CellRef;
  readonly end: CellRef;
}

/** Column letters for a zero-based column index (0 → "A", 26 → "AA"). */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "B3" for zero-based row 2, column 1. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** Parses "B3", "$B$3", "B3:C4" into zero-based coordinates; undefined when not an A1 reference. */
export function parseRange(address: string): RangeRef | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(address.trim());
  if (!m) return undefined;
  const start = { row: Number(m[2]) - 1, col: lettersToColumn(m[1]) };
  const end = m[3] ? { row: Number(m[4]) - 1, col: lettersToColumn(m[3]) } : start;
  return { start, end };
}

function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "'Amendment Model'!B3" — the sheet quoted when it needs quotes, as Excel writes it. */
export function qualified(sheet: string, address: string): string {
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${address}`;
}

/** Sheet name and A1 range of a reference such as `'Amendment Model'!$B$5` or `Inputs!A1:C3` ($ signs dropped); undefined when it is not one. */
export function splitReference(text: string): { sheet: string; address: string } | undefined {
  const m = /^=?(?:'((?:[^']|'')+)'|([^'!,:=]+))!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)$/.exec(text.trim());
  if (!m) return undefined;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], address: m[3].replace(/\$/g, "") };
}

/** The cell of a sheet at absolute zero-based coordinates, or blank when outside the used range. */
export function cellAt(sheet: SheetSnapshot, row: number, col: number): { value: CellValue; formula: string | null; numberFormat: string } {
  const r = row - sheet.origin.row;
  const c = col - sheet.origin.col;
  const values = sheet.values[r];
  if (values === undefined || c < 0 || c >= values.length) return { value: null, formula: null, numberFormat: "General" };
  return { value: values[c] ?? null, formula: sheet.formulas[r]?.[c] ?? null, numberFormat: sheet.numberFormats[r]?.[c] ?? "General" };
}

export function isCellError(value: CellValue): value is CellError {
  return typeof value === "object" && value !== null && "error" in value;
}

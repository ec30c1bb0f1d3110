/** The ready model's shape: its cells, tables and names, and the number formats it uses. */
import { CellValue } from "../snapshot";

/** How a formula's result spills below (and beside) its cell. */
export type SpillKind =
  /** `=Table[Column]`: the column's values, one per row. */
  | "column"
  /** One figure per MonthlyEBITDA row: `ebitdaFloor:<period end>`. */
  | "ebitdaFloor"
  /** One figure per MonthlyEBITDA row: `ebitdaTest:<period end>`. */
  | "ebitdaTest"
  /** KAISER.PPESCHEDULE's table: a header row, then one row per event, seven columns. */
  | "ppeSchedule";

export interface TemplateCell {
  /** A1 address on the model sheet, "B5". */
  readonly address: string;
  /** A constant (label text, number, date serial); null for a formula cell, or for a format-only cell of a spill area (no formula). */
  readonly value: CellValue;
  /** "=KAISER.BORROWINGBASE(…)" for a formula cell. */
  readonly formula?: string;
  /** Excel number format code; "General" when absent. */
  readonly numberFormat?: string;
  /** For a formula cell: the key of the recomputed figure (recalc/) it shows. */
  readonly figure?: string;
  /** For a formula whose result spills. */
  readonly spill?: SpillKind;
  /** Style for the writers: a title, a heading, a label, an input the user replaces, an output, a note. */
  readonly role: "title" | "heading" | "label" | "input" | "output" | "note";
}

export interface TemplateTable {
  readonly name: string;
  /** The whole table including its header row, "I4:J88". */
  readonly address: string;
  readonly headers: readonly string[];
  /** Example rows, one value per header; null is a blank cell. */
  readonly rows: readonly (readonly CellValue[])[];
  /** Number format of each column. */
  readonly numberFormats: readonly string[];
}

export interface ModelTemplate {
  readonly sheet: string;
  readonly cells: readonly TemplateCell[];
  /** Workbook-scoped names → A1 address of one cell on the model sheet. */
  readonly names: Readonly<Record<string, string>>;
  readonly tables: readonly TemplateTable[];
  /** Column widths in characters, by column letters. */
  readonly columnWidths: Readonly<Record<string, number>>;
}

export const USD_FORMAT = "$#,##0.00;-$#,##0.00";
export const DATE_FORMAT = "yyyy-mm-dd";
export const PERCENT_FORMAT = "0.00%";
export const TEXT_FORMAT = "@";

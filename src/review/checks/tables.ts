/** The tables of the layout contract: present, with their columns, and every cell of every row checked. */
import { PPE_AMOUNT_IGNORED } from "../../engine/ppeReduction";
import { columnsMet, LayoutEntry, TABLES, TableLayout } from "../layout";
import { cellName, formulaAt, locateTable, numberFormatAt, tableColumn, TableLocation, valueAt } from "../locate";
import { a1, qualified, SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { Collector, INPUT, Rule, ValidateOptions } from "./collector";
import { checkDailyOutstandings } from "./dailySeries";
import { extraHolidays } from "./holidays";
import { checkPeriods } from "./periods";
import { checkDispositionDate, checkThresholdEventDate } from "./ppeEvents";
import { checkValue, isBlank, what } from "./values";

/** The rules of the tables and their columns. */
export const TABLE_RULES = [
  { id: "missing-table", severity: "error", title: "A required Excel table of the layout contract is missing", section: INPUT },
  { id: "missing-column", severity: "error", title: "A table lacks a required column (headers are matched case-insensitively)", section: INPUT },
  {
    id: "superseded-column",
    severity: "warning",
    title: "Dispositions has the earlier single AttributableEBITDA column: used for every period when the per-period columns are absent, ignored beside them (Reading R-EBITDA-PERIOD-AMOUNT)",
    section: "9.2.4",
  },
] as const satisfies readonly Rule[];

export function checkTables(snapshot: WorkbookSnapshot, out: Collector, options: ValidateOptions): void {
  const holidays = extraHolidays(snapshot, options);
  for (const layout of TABLES) {
    const where = locateTable(snapshot, layout.table.name);
    if (where === undefined) {
      if (layout.table.required) {
        const columns = layout.columns.filter((c) => c.required).map((c) => c.column).join(", ");
        out.add(
          "missing-table",
          `The workbook has no table ${layout.table.name} (${layout.table.description}). Create an Excel table (Insert › Table) named ${layout.table.name} with the columns ${columns}.`,
          "",
          layout.table.section,
        );
      }
      continue;
    }
    if (where.sheet === undefined) continue;
    const headerCell = where.headerRow === undefined ? where.cell : qualified(where.table.sheet, `${a1(where.headerRow, where.firstCol)}:${a1(where.headerRow, where.lastCol)}`);
    const present: { entry: LayoutEntry; col: number }[] = [];
    const met = columnsMet(layout, where.headers);
    for (const entry of met.standingIn) supersededColumn(out, layout, entry, where, "used");
    for (const entry of met.ignored) supersededColumn(out, layout, entry, where, "ignored");
    for (const entry of layout.columns) {
      if (met.ignored.includes(entry)) continue;
      const col = tableColumn(where, entry.column as string);
      if (col === undefined) {
        if (met.missing.includes(entry)) {
          out.add(
            "missing-column",
            `Table ${layout.table.name} has no column ${entry.column} (${entry.description}); its columns are ${where.headers.filter((h) => h.trim() !== "").join(", ") || "unnamed"}. Add or rename a column (headers are matched ignoring case).`,
            headerCell,
            entry.section,
          );
        }
        continue;
      }
      present.push({ entry, col });
    }
    checkTableCells(where, layout, present, out, holidays);
    if (layout.table.name === "DailyOutstandings") checkDailyOutstandings(snapshot, where, out, options);
    if (layout.table.name === "MonthlyEBITDA") checkPeriods(where, out);
  }
}

/**
 * Reading R-EBITDA-PERIOD-AMOUNT: an earlier model's single column (Dispositions[AttributableEBITDA])
 * is read as the amount of every period where the table has no per-period column, and not read beside
 * them; either way the warning names its header cell and says why the amendment wants one per period.
 */
function supersededColumn(out: Collector, layout: TableLayout, entry: LayoutEntry, where: TableLocation, use: "used" | "ignored"): void {
  const col = tableColumn(where, entry.column as string);
  const cell = col === undefined || where.headerRow === undefined || where.sheet === undefined ? where.cell : cellName(where.sheet, where.headerRow, col);
  const columns = (entry.standsFor ?? []).join(", ");
  const why = "Section 9.2.4 agrees an amount for each period (the Attributable EBITDA Amount \"for the applicable period\")";
  const message =
    use === "used"
      ? `Table ${layout.table.name} has the single column ${entry.column} and none of ${columns}: its amount is used for every period. ${why}: replace it with the columns ${columns}, one amount per period.`
      : `Table ${layout.table.name} has the column ${entry.column} beside ${columns}: it is ignored, and each period uses its own column. ${why}; delete ${entry.column} to avoid confusion.`;
  out.add("superseded-column", message, cell, "9.2.4", entry.name);
}

function checkTableCells(where: TableLocation, layout: TableLayout, present: readonly { entry: LayoutEntry; col: number }[], out: Collector, holidays: ReadonlySet<number>): void {
  const sheet = where.sheet as SheetSnapshot;
  const name = layout.table.name;
  const kindCol = name === "PPEEvents" ? tableColumn(where, "Kind") : undefined;
  for (let r = where.firstRow; r <= where.lastRow; r++) {
    const rowNumber = r - where.firstRow + 1;
    if (present.length > 0 && present.every((p) => isBlank(valueAt(sheet, r, p.col)))) {
      if (!present.every((p) => p.entry.blanksSkipped)) {
        out.add("blank-required", `Row ${rowNumber} of ${name} is blank; delete the row or fill it in (formulas over the table stop at a blank cell).`, cellName(sheet, r, where.firstCol), layout.table.section, `${name} (blank rows)`);
      }
      continue;
    }
    for (const { entry, col } of present) {
      const value = valueAt(sheet, r, col);
      const cell = (): string => cellName(sheet, r, col);
      const label = (): string => `${entry.name} row ${rowNumber}`;
      if (isBlank(value)) {
        if (entry.blanksSkipped) continue;
        // PPEEvents: a THRESHOLDEVENT needs no amount (1.1(t)(b) fixes it), nor does a closing (R-PPE-C-VALCO / R-PPE-C-GRAMERCY FIXED).
        if (kindCol !== undefined && entry.column === "Amount" && (PPE_AMOUNT_IGNORED as readonly string[]).includes(String(valueAt(sheet, r, kindCol) ?? "").trim().toUpperCase())) continue;
        out.add("blank-required", () => `${label()} is blank; enter ${what(entry)}.`, cell, entry.section, entry.name);
        continue;
      }
      checkValue(out, entry, label, value, numberFormatAt(sheet, r, col), formulaAt(sheet, r, col), cell, entry.name);
      if (kindCol !== undefined && entry.column === "Date") {
        checkThresholdEventDate(out, value, valueAt(sheet, r, kindCol), label, cell, holidays);
        checkDispositionDate(out, value, valueAt(sheet, r, kindCol), label, cell);
      }
    }
  }
}

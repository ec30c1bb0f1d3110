/** Test helpers: the model template as a snapshot, and copies of it with one thing changed. */
import { cellName, locateName, locateTable, tableColumn, valueAt } from "../../src/review/locate";
import { cellAt, CellValue, NameSnapshot, parseRange, SheetSnapshot, TableSnapshot, WorkbookSnapshot, withCells } from "../../src/review/snapshot";
import { snapshotFromTemplate } from "../../src/review/template";

/** A deep copy, so each test changes its own snapshot. */
export function clone(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  return {
    calculationMode: snapshot.calculationMode,
    names: snapshot.names.map((n) => ({ ...n })),
    tables: snapshot.tables.map((t) => ({ ...t, columns: t.columns === undefined ? undefined : [...t.columns] })),
    sheets: snapshot.sheets.map((s) => withCells(s, [])),
  };
}

let cached: WorkbookSnapshot | undefined;

/** The template as Excel would show it once calculated (a fresh copy each call). */
export function model(): WorkbookSnapshot {
  cached ??= snapshotFromTemplate();
  return clone(cached);
}

export interface CellPatch {
  value?: CellValue;
  formula?: string | null;
  numberFormat?: string;
}

/** Sets a cell (absolute zero-based coordinates); what the patch leaves out stays as it was. */
export function setCell(snapshot: WorkbookSnapshot, sheetName: string, row: number, col: number, patch: CellPatch): void {
  const sheets = snapshot.sheets as SheetSnapshot[];
  const i = sheets.findIndex((s) => s.name === sheetName);
  const sheet = sheets[i];
  const now = cellAt(sheet, row, col);
  const cell = { value: patch.value !== undefined ? patch.value : now.value, formula: patch.formula !== undefined ? patch.formula : now.formula, numberFormat: patch.numberFormat ?? now.numberFormat };
  sheets[i] = withCells(sheet, [{ row, col, cell }]);
}

/**
 * A sheet as rectangular arrays over the cells it holds (blank null, no formula null, "General"),
 * for assertions on small sheets.
 */
export function grid(sheet: SheetSnapshot): { name: string; origin: { row: number; col: number }; values: CellValue[][]; formulas: (string | null)[][]; numberFormats: string[][] } {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: string[][] = [];
  for (let r = sheet.origin.row; r <= sheet.end.row; r++) {
    const v: CellValue[] = [];
    const f: (string | null)[] = [];
    const n: string[] = [];
    for (let c = sheet.origin.col; c <= sheet.end.col; c++) {
      const cell = cellAt(sheet, r, c);
      v.push(cell.value);
      f.push(cell.formula);
      n.push(cell.numberFormat);
    }
    values.push(v);
    formulas.push(f);
    numberFormats.push(n);
  }
  return { name: sheet.name, origin: { ...sheet.origin }, values, formulas, numberFormats };
}

/** Sets the cell a contract name refers to. */
export function setNamed(snapshot: WorkbookSnapshot, name: string, patch: CellPatch): string {
  const where = locateName(snapshot, name);
  if (where.kind !== "cell" || where.sheet === undefined) throw new Error(`setNamed: ${name} is not one cell`);
  setCell(snapshot, where.sheet.name, where.row, where.col, patch);
  return where.cell;
}

/** Sets the cell of a table column in a data row (0 is the first row below the header); returns its "Sheet!A1". */
export function setTableCell(snapshot: WorkbookSnapshot, table: string, column: string, dataRow: number, patch: CellPatch): string {
  const where = locateTable(snapshot, table);
  const col = where === undefined ? undefined : tableColumn(where, column);
  if (where === undefined || col === undefined || where.sheet === undefined) throw new Error(`setTableCell: no ${table}[${column}]`);
  setCell(snapshot, where.sheet.name, where.firstRow + dataRow, col, patch);
  return cellName(where.sheet, where.firstRow + dataRow, col);
}

/** Values of a table column, data rows only. */
export function tableValues(snapshot: WorkbookSnapshot, table: string, column: string): CellValue[] {
  const where = locateTable(snapshot, table);
  const col = where === undefined ? undefined : tableColumn(where, column);
  if (where === undefined || col === undefined || where.sheet === undefined) throw new Error(`tableValues: no ${table}[${column}]`);
  const out: CellValue[] = [];
  for (let r = where.firstRow; r <= where.lastRow; r++) out.push(valueAt(where.sheet, r, col));
  return out;
}

/** Replaces a table's snapshot entry (e.g. to rename a column or make it longer). */
export function updateTable(snapshot: WorkbookSnapshot, table: string, change: (t: TableSnapshot) => TableSnapshot): void {
  const tables = snapshot.tables as TableSnapshot[];
  const i = tables.findIndex((t) => t.name === table);
  tables[i] = change(tables[i]);
}

export function removeName(snapshot: WorkbookSnapshot, name: string): void {
  (snapshot.names as NameSnapshot[]).splice(
    snapshot.names.findIndex((n) => n.name === name),
    1,
  );
}

export function replaceName(snapshot: WorkbookSnapshot, name: string, entry: Omit<NameSnapshot, "name">): void {
  const names = snapshot.names as NameSnapshot[];
  names[names.findIndex((n) => n.name === name)] = { name, ...entry };
}

export function removeTable(snapshot: WorkbookSnapshot, table: string): void {
  (snapshot.tables as TableSnapshot[]).splice(
    snapshot.tables.findIndex((t) => t.name === table),
    1,
  );
}

/** Extends a table by `rows` rows below its last one (the cells below must be filled by the caller). */
export function growTable(snapshot: WorkbookSnapshot, table: string, rows: number): void {
  updateTable(snapshot, table, (t) => {
    const range = parseRange(t.address);
    if (range === undefined) throw new Error("bad table address");
    const [start, end] = t.address.split(":");
    const endCol = end.replace(/\d+/g, "");
    return { ...t, address: `${start}:${endCol}${range.end.row + 1 + rows}` };
  });
}

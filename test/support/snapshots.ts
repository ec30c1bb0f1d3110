/** Test helpers: the model template as a snapshot, and copies of it with one thing changed. */
import { cellName, locateName, locateTable, tableColumn } from "../../src/review/locate";
import { CellValue, NameSnapshot, parseRange, SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "../../src/review/snapshot";
import { snapshotFromTemplate } from "../../src/review/template";

/** A deep copy, so each test changes its own snapshot. */
export function clone(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  return {
    calculationMode: snapshot.calculationMode,
    names: snapshot.names.map((n) => ({ ...n })),
    tables: snapshot.tables.map((t) => ({ ...t, columns: t.columns === undefined ? undefined : [...t.columns] })),
    sheets: snapshot.sheets.map((s) => ({
      name: s.name,
      origin: { ...s.origin },
      values: s.values.map((r) => [...r]),
      formulas: s.formulas.map((r) => [...r]),
      numberFormats: s.numberFormats.map((r) => [...r]),
    })),
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

/** Sets a cell (absolute zero-based coordinates), growing the used range when needed. */
export function setCell(snapshot: WorkbookSnapshot, sheetName: string, row: number, col: number, patch: CellPatch): void {
  const sheet = snapshot.sheets.find((s) => s.name === sheetName) as SheetSnapshot;
  const r = row - sheet.origin.row;
  const c = col - sheet.origin.col;
  if (r < 0 || c < 0) throw new Error("setCell: above or left of the used range");
  const width = Math.max(sheet.values[0]?.length ?? 0, c + 1);
  while (sheet.values.length <= r) {
    sheet.values.push([]);
    sheet.formulas.push([]);
    sheet.numberFormats.push([]);
  }
  for (let i = 0; i < sheet.values.length; i++) {
    while (sheet.values[i].length < width) {
      sheet.values[i].push(null);
      sheet.formulas[i].push(null);
      sheet.numberFormats[i].push("General");
    }
  }
  if (patch.value !== undefined) sheet.values[r][c] = patch.value;
  if (patch.formula !== undefined) sheet.formulas[r][c] = patch.formula;
  if (patch.numberFormat !== undefined) sheet.numberFormats[r][c] = patch.numberFormat;
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
  for (let r = where.firstRow; r <= where.lastRow; r++) out.push(where.sheet.values[r - where.sheet.origin.row]?.[col - where.sheet.origin.col] ?? null);
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

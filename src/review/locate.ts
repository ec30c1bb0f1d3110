/**
 * Finding the layout contract's names and tables in a `WorkbookSnapshot`: the one place that turns
 * "EligibleInventory" into a sheet and a cell, and "DailyOutstandings[Date]" into a column of
 * cells. The checks (checks.ts) and the recalculation (recalc.ts) both read through it, so they
 * agree on where every input is.
 */
import { a1, cellIndex, CellValue, NameSnapshot, parseRange, qualified, SheetSnapshot, TableSnapshot, valueOfIndex, WorkbookSnapshot } from "./snapshot";

export { cellAt, eachCell, rowCount } from "./snapshot";

/** A name of the contract as the workbook defines it. */
export type NameLocation =
  | { readonly kind: "missing" }
  /** One cell: the usual case. */
  | { readonly kind: "cell"; readonly name: NameSnapshot; readonly sheet: SheetSnapshot | undefined; readonly row: number; readonly col: number; readonly cell: string }
  /** More than one cell, a #REF!, a constant, or a sheet the snapshot does not hold. */
  | { readonly kind: "broken"; readonly name: NameSnapshot; readonly reason: "range" | "ref" | "constant" | "sheet"; readonly cell: string };

/** The workbook-scoped name, matched case-insensitively as Excel does. */
export function findName(snapshot: WorkbookSnapshot, name: string): NameSnapshot | undefined {
  const wanted = name.toLowerCase();
  return snapshot.names.find((n) => n.name.toLowerCase() === wanted);
}

export function findSheet(snapshot: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  const wanted = name.toLowerCase();
  return snapshot.sheets.find((s) => s.name.toLowerCase() === wanted);
}

/** Where a contract name points, or why it points nowhere usable. */
export function locateName(snapshot: WorkbookSnapshot, name: string): NameLocation {
  const found = findName(snapshot, name);
  if (found === undefined) return { kind: "missing" };
  if (found.sheet === undefined || found.address === undefined) {
    // No single reference: a deleted one (#REF!), several areas ("=A!$B$1,A!$C$1"), or a constant ("=0.65").
    const reason = /#REF!/i.test(found.formula) ? "ref" : /!/.test(found.formula) ? "range" : "constant";
    return { kind: "broken", name: found, reason, cell: "" };
  }
  const range = parseRange(found.address);
  const cell = qualified(found.sheet, found.address.replace(/\$/g, ""));
  if (range === undefined) return { kind: "broken", name: found, reason: "ref", cell };
  if (range.start.row !== range.end.row || range.start.col !== range.end.col) return { kind: "broken", name: found, reason: "range", cell };
  const sheet = findSheet(snapshot, found.sheet);
  if (sheet === undefined) return { kind: "broken", name: found, reason: "sheet", cell };
  return { kind: "cell", name: found, sheet, row: range.start.row, col: range.start.col, cell };
}

/** A contract table found in the workbook: its sheet, its rows and where each header is. */
export interface TableLocation {
  readonly table: TableSnapshot;
  readonly sheet: SheetSnapshot | undefined;
  /** "Sheet!A1:C10", the whole table. */
  readonly cell: string;
  /** Zero-based absolute row of the header row, or undefined when the header row is hidden. */
  readonly headerRow: number | undefined;
  /** Zero-based absolute rows of the data body, first to last inclusive (last < first when empty). */
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstCol: number;
  readonly lastCol: number;
  /** Header text (trimmed, lower case) → zero-based absolute column. */
  readonly columns: ReadonlyMap<string, number>;
  /** Header texts as written, in order. */
  readonly headers: readonly string[];
}

export function findTable(snapshot: WorkbookSnapshot, name: string): TableSnapshot | undefined {
  const wanted = name.toLowerCase();
  return snapshot.tables.find((t) => t.name.toLowerCase() === wanted);
}

/** Locates a table by name (case-insensitive); undefined when the workbook has no such table. */
export function locateTable(snapshot: WorkbookSnapshot, name: string): TableLocation | undefined {
  const table = findTable(snapshot, name);
  if (table === undefined) return undefined;
  const range = parseRange(table.address);
  const sheet = findSheet(snapshot, table.sheet);
  const cell = qualified(table.sheet, table.address.replace(/\$/g, ""));
  if (range === undefined) {
    return { table, sheet, cell, headerRow: undefined, firstRow: 0, lastRow: -1, firstCol: 0, lastCol: -1, columns: new Map(), headers: [] };
  }
  const headerRow = table.showHeaders ? range.start.row : undefined;
  const headers: string[] = [];
  for (let c = range.start.col; c <= range.end.col; c++) {
    const fromModel = table.columns?.[c - range.start.col];
    const fromSheet = headerRow !== undefined && sheet !== undefined ? valueAt(sheet, headerRow, c) : null;
    headers.push(fromModel ?? (fromSheet === null || typeof fromSheet === "object" ? "" : String(fromSheet)));
  }
  const columns = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = h.trim().toLowerCase();
    if (key !== "" && !columns.has(key)) columns.set(key, range.start.col + i);
  });
  return {
    table,
    sheet,
    cell,
    headerRow,
    firstRow: headerRow === undefined ? range.start.row : range.start.row + 1,
    lastRow: table.showTotals === true ? range.end.row - 1 : range.end.row,
    firstCol: range.start.col,
    lastCol: range.end.col,
    columns,
    headers,
  };
}

/** The column of a located table by header (case-insensitive), or undefined. */
export function tableColumn(location: TableLocation, header: string): number | undefined {
  return location.columns.get(header.trim().toLowerCase());
}

/** The value at absolute zero-based coordinates (blank where no cell is stored). Fast: no allocation. */
export function valueAt(sheet: SheetSnapshot, row: number, col: number): CellValue {
  const i = cellIndex(sheet.cells, row, col);
  return i < 0 ? null : valueOfIndex(sheet.cells, i);
}

export function formulaAt(sheet: SheetSnapshot, row: number, col: number): string | null {
  const i = cellIndex(sheet.cells, row, col);
  return i < 0 ? null : (sheet.cells.formulas.get(i) ?? null);
}

export function numberFormatAt(sheet: SheetSnapshot, row: number, col: number): string {
  const i = cellIndex(sheet.cells, row, col);
  return i < 0 ? "General" : (sheet.cells.formats[sheet.cells.formatIds[i]] ?? "General");
}

/** "Sheet!B3" for a cell of a sheet. */
export function cellName(sheet: SheetSnapshot | string, row: number, col: number): string {
  return qualified(typeof sheet === "string" ? sheet : sheet.name, a1(row, col));
}

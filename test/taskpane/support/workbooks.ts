/**
 * .xlsx files for the pane's browser tests, written with exceljs from the ready model
 * (MODEL_TEMPLATE): the model as Excel would save it once calculated (formulas with their cached
 * results, number formats, workbook names, Excel tables), on a sheet of any name, with edits a test
 * applies on top (a blank input, a wrong Kind, a mismatched output …).
 */
import ExcelJS from "exceljs";
import { a1, CellValue, eachCell, isCellError, parseRange, qualified, SheetSnapshot } from "../../../src/review/snapshot";
import { MODEL_TEMPLATE, ModelTemplate, snapshotFromTemplate } from "../../../src/review/template";
import { serial } from "../../../src/engine/dates";

export interface ModelOptions {
  /** The model to write (the ready model by default). */
  readonly template?: ModelTemplate;
  /** The model sheet's name (the template's own by default). */
  readonly sheet?: string;
  /** Values shown instead of the computed ones, by figure key or formula cell (see snapshotFromTemplate). */
  readonly computedValues?: Readonly<Record<string, CellValue>>;
  /** Leaves these workbook names out. */
  readonly withoutNames?: readonly string[];
  /** Runs last, on the written sheet: the test's own breakage. */
  readonly edit?: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void;
}

function excelValue(value: CellValue): ExcelJS.CellValue {
  if (value === null) return null;
  if (isCellError(value)) return { error: value.error } as ExcelJS.CellErrorValue;
  return value;
}

/** Every cell of the snapshot's sheet: constants, formulas with their cached results, number formats. */
function writeGrid(sheet: ExcelJS.Worksheet, grid: SheetSnapshot): void {
  eachCell(grid, (r, c, { value, formula, numberFormat: format }) => {
    const cell = sheet.getCell(r + 1, c + 1);
    if (formula !== null) {
      const result = excelValue(value);
      cell.value = { formula: formula.replace(/^=/, ""), ...(result === null ? {} : { result }) } as ExcelJS.CellFormulaValue;
    } else {
      cell.value = excelValue(value);
    }
    if (format !== "General") cell.numFmt = format;
  });
}

/** The bytes of an .xlsx file holding the ready model, as Excel shows it once calculated. */
export async function modelXlsx(options: ModelOptions = {}): Promise<Buffer> {
  const template = options.template ?? MODEL_TEMPLATE;
  const sheetName = options.sheet ?? template.sheet;
  const snapshot = snapshotFromTemplate(template, options.computedValues);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const t of template.tables) {
    sheet.addTable({
      name: t.name,
      ref: t.address.split(":")[0],
      headerRow: true,
      columns: t.headers.map((name) => ({ name, filterButton: false })),
      rows: t.rows.map((row) => row.map(excelValue)),
    });
  }
  writeGrid(sheet, snapshot.sheets[0]);
  for (const [name, address] of Object.entries(template.names)) {
    if (options.withoutNames?.includes(name)) continue;
    workbook.definedNames.add(qualified(sheetName, address.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2")), name);
  }
  for (const [column, width] of Object.entries(template.columnWidths)) sheet.getColumn(column).width = width;
  options.edit?.(sheet, workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The A1 address of a named cell of the model ("B5"). */
export function modelAddress(name: string): string {
  const address = MODEL_TEMPLATE.names[name];
  if (address === undefined) throw new Error(`the model has no name ${name}`);
  return address;
}

/** The first data cell of a table column in the model ("J5" for DailyOutstandings[Outstandings]). */
export function tableCell(table: string, column: string, row = 0): string {
  const t = MODEL_TEMPLATE.tables.find((x) => x.name === table);
  if (t === undefined) throw new Error(`the model has no table ${table}`);
  const c = t.headers.indexOf(column);
  if (c < 0) throw new Error(`table ${table} has no column ${column}`);
  const range = parseRange(t.address);
  if (range === undefined) throw new Error(`table ${table} has no A1 address`);
  return a1(range.start.row + 1 + row, range.start.col + c);
}

/**
 * The ready model with `rows` Business Days of outstandings from 2004-09-01 (weekends skipped),
 * below the Threshold except a run of six days above it every 200 rows: each run gives Threshold
 * Events for 5 and for 3 Business Days, and every day of it is above.
 */
export function bigTemplate(rows: number): ModelTemplate {
  const data: number[][] = [];
  for (let d = serial(2004, 9, 1); data.length < rows; d++) {
    const weekday = (d + 6) % 7;
    if (weekday === 0 || weekday === 6) continue;
    const above = data.length % 200 >= 100 && data.length % 200 < 106;
    data.push([d, above ? 180000000 : 150000000 + (data.length % 97) * 100000]);
  }
  const tables = MODEL_TEMPLATE.tables.map((t) => {
    if (t.name !== "DailyOutstandings") return t;
    const range = parseRange(t.address);
    if (range === undefined) throw new Error("DailyOutstandings has no A1 address");
    return { ...t, rows: data, address: `${t.address.split(":")[0]}:${a1(range.start.row + rows, range.end.col)}` };
  });
  return { ...MODEL_TEMPLATE, tables };
}

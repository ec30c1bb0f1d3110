/**
 * The model template (src/review/template.ts) as an exceljs workbook, for the sample .xlsx files, the
 * adapter tests and the benchmark: constants, number formats, workbook-scoped names, Excel tables and
 * the KAISER formulas, each with the result the engine computes cached in the cell (so a reader that
 * does not recalculate, like the CLI, sees the figures Excel would show).
 */
import { Workbook, Worksheet } from "exceljs";
import { CellValue, eachCell, isCellError, parseRange, WorkbookSnapshot } from "../../src/review/snapshot";
import { MODEL_TEMPLATE, ModelTemplate, snapshotFromTemplate } from "../../src/review/template";

/** A JavaScript Date at UTC midnight (plus the time of day) for a 1900-system serial, as exceljs writes dates. */
export function dateFromSerial(serialDate: number): Date {
  return new Date(Math.round((serialDate - 25569) * 86400000));
}

function isDateFormat(format: string | undefined): boolean {
  return format !== undefined && /^[^"]*\b(yy|dd?|mm?m?)\b/i.test(format) && !/0/.test(format.replace(/"[^"]*"/g, ""));
}

type ExcelJsResult = number | string | boolean | Date | { error: string } | undefined;

function cached(value: CellValue, format: string | undefined): ExcelJsResult {
  if (value === null) return undefined;
  if (isCellError(value)) return { error: value.error };
  if (typeof value === "number" && isDateFormat(format)) return dateFromSerial(value);
  return value;
}

function plain(value: CellValue, format: string | undefined): number | string | boolean | Date | { error: string } | null {
  const v = cached(value, format);
  return v === undefined ? null : v;
}

/** Writes the snapshot's model sheet cell by cell (constants, formulas with cached results, formats). */
function writeCells(sheet: Worksheet, template: ModelTemplate, snapshot: WorkbookSnapshot): void {
  const model = snapshot.sheets.find((s) => s.name === template.sheet);
  if (model === undefined) return;
  const tableCells = new Set<string>();
  for (const t of template.tables) {
    const range = parseRange(t.address);
    if (range === undefined) continue;
    for (let r = range.start.row; r <= range.end.row; r++) for (let c = range.start.col; c <= range.end.col; c++) tableCells.add(`${r},${c}`);
  }
  eachCell(model, (r, c, { value, formula, numberFormat: format }) => {
    if (tableCells.has(`${r},${c}`)) return;
    if (value === null && formula === null) return;
    const cell = sheet.getCell(r + 1, c + 1);
    if (format !== "General") cell.numFmt = format;
    cell.value = formula !== null ? ({ formula: formula.replace(/^=/, ""), result: cached(value, format) } as never) : (plain(value, format) as never);
  });
}

/**
 * The template as an exceljs `Workbook` with one sheet, ready for `workbook.xlsx.writeBuffer()`.
 *
 * @param template - the model (default: `MODEL_TEMPLATE`)
 * @param snapshot - what each cell shows (default: `snapshotFromTemplate(template)`, the engine's figures)
 */
export function workbookFromTemplate(template: ModelTemplate = MODEL_TEMPLATE, snapshot: WorkbookSnapshot = snapshotFromTemplate(template)): Workbook {
  const workbook = new Workbook();
  workbook.calcProperties.fullCalcOnLoad = true;
  const sheet = workbook.addWorksheet(template.sheet);
  for (const [letters, width] of Object.entries(template.columnWidths)) sheet.getColumn(letters).width = width;
  writeCells(sheet, template, snapshot);
  for (const t of template.tables) {
    const range = parseRange(t.address);
    if (range === undefined) continue;
    sheet.addTable({
      name: t.name,
      ref: t.address.split(":")[0],
      headerRow: true,
      columns: t.headers.map((name) => ({ name, filterButton: true })),
      rows: t.rows.map((row) => row.map((v, c) => plain(v, t.numberFormats[c]))),
    });
    t.numberFormats.forEach((format, c) => {
      for (let r = range.start.row + 1; r <= range.end.row; r++) sheet.getCell(r + 1, range.start.col + c + 1).numFmt = format;
    });
  }
  const quoted = `'${template.sheet.replace(/'/g, "''")}'`;
  for (const [name, address] of Object.entries(template.names)) {
    workbook.definedNames.add(`${quoted}!${address.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2")}`, name);
  }
  return workbook;
}

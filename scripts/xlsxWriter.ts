/**
 * Writes the ready model (template/, the same definition as the pane's Insert model) as an .xlsx
 * file with exceljs: the model sheet with its labels, inputs and number formats, the workbook
 * names, the Excel tables, and every formula with its cached result computed by the add-in's own
 * functions (formulaEval.ts), so the file shows the right figures in any reader before Excel
 * recalculates. A formula whose result is larger than one cell is written as a dynamic array
 * (Excel 365's spill): an array formula over the spill range, marked with the dynamic-array cell
 * metadata Excel itself writes, so Excel shows `=KAISER.TERMS()` spilling, not a legacy `{=…}`.
 *
 * Deterministic: the same template gives the same bytes. The document's created and modified
 * dates are fixed (the amendment's date, 2004-10-28, by default), and the zip package is rebuilt
 * with fixed entry dates, so `npm run examples` can be checked byte for byte against the committed
 * sample workbooks.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { a1, CellValue, isCellError, parseRange } from "../src/review/snapshot";
import type { ModelTemplate, TemplateCell } from "../src/review/template";
import { EvalModel, EvalTable, FunctionEntry, Matrix, ModelEvaluator } from "./formulaEval";

export interface WriteOptions {
  /** The `KAISER.` functions by Excel id, to compute cached results (scripts/functionRegistry.ts). */
  readonly functions: ReadonlyMap<string, FunctionEntry>;
  /** A comment on a cell of the model sheet, by A1 address: the broken model names the rule each cell breaks. */
  readonly comments?: Readonly<Record<string, string>>;
  /**
   * Cached results to store instead of the computed ones, by A1 address: what a workbook saved
   * elsewhere shows (the broken model's `#NAME?` from a machine without the add-in).
   */
  readonly cachedResults?: Readonly<Record<string, CellValue>>;
  /** "manual" writes the workbook with manual calculation. */
  readonly calculationMode?: "automatic" | "manual";
  /** The document's created and modified date; the amendment's date by default. */
  readonly date?: Date;
  /** Title stored in the document's properties. */
  readonly title?: string;
}

/** The Seventh Amendment is dated as of October 28, 2004: the sample workbooks' fixed document date. */
export const DOCUMENT_DATE = new Date(Date.UTC(2004, 9, 28));

const key = (row: number, col: number): string => `${row},${col}`;

const ROLE_FONT: Partial<Record<NonNullable<TemplateCell["role"]>, Partial<ExcelJS.Font>>> = {
  title: { bold: true, size: 14 },
  heading: { bold: true, size: 12 },
  // Finance convention: inputs in blue, so a reviewer sees at once what may be typed over.
  input: { color: { argb: "FF0000FF" } },
  output: { bold: true },
  note: { italic: true, color: { argb: "FF595959" } },
};

/** The template's cells and tables as the evaluator reads them. */
export function evalModelOf(template: ModelTemplate, functions: ReadonlyMap<string, FunctionEntry>): EvalModel {
  const cells = new Map<string, { value: CellValue; formula?: string }>();
  for (const c of template.cells) {
    const range = parseRange(c.address);
    if (range === undefined) throw new Error(`template cell ${c.address} is not an A1 address`);
    // A cell with neither value nor formula only carries a format (for a spill area): not content.
    if (c.formula === undefined && (c.value === null || c.value === undefined)) continue;
    cells.set(key(range.start.row, range.start.col), c.formula === undefined ? { value: c.value } : { value: null, formula: c.formula });
  }
  const tables: EvalTable[] = template.tables.map((t) => {
    const range = parseRange(t.address);
    if (range === undefined) throw new Error(`template table ${t.name} has no A1 address`);
    t.headers.forEach((h, i) => cells.set(key(range.start.row, range.start.col + i), { value: h }));
    t.rows.forEach((row, r) =>
      row.forEach((v, i) => {
        if (v !== null) cells.set(key(range.start.row + 1 + r, range.start.col + i), { value: v });
      }),
    );
    return { name: t.name, top: range.start.row, left: range.start.col, bottom: range.end.row, right: range.end.col, columns: t.headers };
  });
  return { sheet: template.sheet, cells, names: template.names, tables, functions };
}

/** exceljs's value for a constant cell. */
function constant(value: CellValue): ExcelJS.CellValue {
  if (value === null) return null;
  if (isCellError(value)) return { error: value.error } as ExcelJS.CellErrorValue;
  return value;
}

/** exceljs's cached result for a formula (exceljs has no blank result: an empty string stands in). */
function result(value: CellValue): ExcelJS.CellFormulaValue["result"] {
  if (value === null) return "";
  if (isCellError(value)) return { error: value.error } as ExcelJS.CellErrorValue;
  return value;
}

function formulaText(formula: string): string {
  return formula.startsWith("=") ? formula.slice(1) : formula;
}

/** The exceljs workbook for a template, and where its dynamic arrays are. */
export function buildWorkbook(template: ModelTemplate, options: WriteOptions): { workbook: ExcelJS.Workbook; spills: string[]; blocked: readonly string[] } {
  const evaluator = new ModelEvaluator(evalModelOf(template, options.functions));
  const results = evaluator.evaluateAll();

  const workbook = new ExcelJS.Workbook();
  const date = options.date ?? DOCUMENT_DATE;
  workbook.creator = "kaiser-check";
  workbook.lastModifiedBy = "kaiser-check";
  workbook.created = date;
  workbook.modified = date;
  if (options.title !== undefined) workbook.title = options.title;
  workbook.calcProperties.fullCalcOnLoad = true;
  const ws = workbook.addWorksheet(template.sheet);
  for (const [letter, width] of Object.entries(template.columnWidths)) ws.getColumn(letter).width = width;

  // Tables first: exceljs writes their header and rows into the cells.
  for (const t of template.tables) {
    const range = parseRange(t.address);
    if (range === undefined) continue;
    ws.addTable({
      name: t.name,
      displayName: t.name,
      ref: a1(range.start.row, range.start.col),
      headerRow: true,
      totalsRow: false,
      style: { theme: "TableStyleLight9", showRowStripes: true },
      columns: t.headers.map((name) => ({ name, filterButton: true })),
      // A table with no example rows keeps one blank row, as Excel's own empty tables do.
      rows: t.rows.length === 0 ? [t.headers.map(() => null)] : t.rows.map((row) => row.map(constant)),
    });
    t.numberFormats.forEach((format, i) => {
      for (let r = range.start.row + 1; r <= range.end.row; r++) ws.getCell(r + 1, range.start.col + i + 1).numFmt = format;
    });
  }

  const spills: string[] = [];
  const formats = new Map<string, string>();
  for (const c of template.cells) {
    const range = parseRange(c.address);
    if (range === undefined) continue;
    const cell = ws.getCell(range.start.row + 1, range.start.col + 1);
    if (c.numberFormat !== undefined) {
      cell.numFmt = c.numberFormat;
      formats.set(key(range.start.row, range.start.col), c.numberFormat);
    }
    const font = c.role === undefined ? undefined : ROLE_FONT[c.role];
    if (font !== undefined) cell.font = font;
    if (c.formula === undefined) {
      if (c.value !== null && c.value !== undefined) cell.value = constant(c.value);
      continue;
    }
    const forced = options.cachedResults?.[c.address];
    const matrix: Matrix = forced !== undefined ? [[forced]] : (results.get(key(range.start.row, range.start.col)) ?? [[null]]);
    const rows = matrix.length;
    const cols = matrix[0]?.length ?? 1;
    if (rows === 1 && cols === 1) {
      cell.value = { formula: formulaText(c.formula), result: result(matrix[0][0]) };
      continue;
    }
    const ref = `${a1(range.start.row, range.start.col)}:${a1(range.start.row + rows - 1, range.start.col + cols - 1)}`;
    cell.value = { formula: formulaText(c.formula), result: result(matrix[0][0]), shareType: "array", ref } as ExcelJS.CellFormulaValue;
    spills.push(a1(range.start.row, range.start.col));
    for (let r = 0; r < rows; r++) {
      for (let col = 0; col < cols; col++) {
        if (r === 0 && col === 0) continue;
        const target = ws.getCell(range.start.row + r + 1, range.start.col + col + 1);
        target.value = constant(matrix[r][col]);
        // A spilled cell keeps the format the template gives it (per column), else none.
        const format = formats.get(key(range.start.row + r, range.start.col + col));
        if (format !== undefined) target.numFmt = format;
      }
    }
  }

  for (const [name, address] of Object.entries(template.names)) {
    const range = parseRange(address);
    if (range === undefined) throw new Error(`template name ${name} refers to ${address}, not an A1 address`);
    const abs = (row: number, col: number): string => a1(row, col).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
    const where = range.start.row === range.end.row && range.start.col === range.end.col ? abs(range.start.row, range.start.col) : `${abs(range.start.row, range.start.col)}:${abs(range.end.row, range.end.col)}`;
    workbook.definedNames.add(`'${template.sheet.replace(/'/g, "''")}'!${where}`, name);
  }

  for (const [address, text] of Object.entries(options.comments ?? {})) {
    ws.getCell(address).note = { texts: [{ text }], margins: { insetmode: "auto" } } as ExcelJS.Comment;
  }
  if (options.calculationMode === "manual") {
    (workbook.calcProperties as { calcMode?: string }).calcMode = "manual";
  }
  return { workbook, spills, blocked: evaluator.blocked };
}

const FIXED_ZIP_DATE = new Date(Date.UTC(2004, 9, 28));

const METADATA_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">' +
  '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>' +
  '<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>' +
  '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>';

/**
 * Rebuilds exceljs's package deterministically: every entry with a fixed date, in exceljs's order;
 * the dynamic-array anchors of the first sheet marked `cm="1"` with the metadata part Excel
 * expects; manual calculation written into calcPr when asked (exceljs does not write calcMode).
 */
export async function finishPackage(data: Buffer | ArrayBuffer, spills: readonly string[], calculationMode: "automatic" | "manual" = "automatic"): Promise<Buffer> {
  const source = await JSZip.loadAsync(data);
  const out = new JSZip();
  const names = Object.keys(source.files).filter((n) => !source.files[n].dir);
  const anchors = new Set(spills);
  for (const name of names) {
    let content: string | Uint8Array = await source.files[name].async(name.endsWith(".xml") || name.endsWith(".rels") || name.endsWith(".vml") ? "string" : "uint8array");
    if (typeof content === "string") {
      if (name === "xl/worksheets/sheet1.xml" && anchors.size > 0) {
        content = content.replace(/<c r="([A-Z]+\d+)"([^>]*)><f t="array"/g, (m, ref: string, rest: string) => (anchors.has(ref) ? `<c r="${ref}"${rest} cm="1"><f t="array"` : m));
      }
      if (name === "[Content_Types].xml" && anchors.size > 0) {
        content = content.replace("</Types>", '<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/></Types>');
      }
      if (name === "xl/_rels/workbook.xml.rels" && anchors.size > 0) {
        content = content.replace("</Relationships>", '<Relationship Id="rIdMetadata1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata" Target="metadata.xml"/></Relationships>');
      }
      if (name === "xl/workbook.xml" && calculationMode === "manual") {
        content = content.replace(/<calcPr /, '<calcPr calcMode="manual" ');
      }
    }
    out.file(name, content, { date: FIXED_ZIP_DATE, createFolders: false });
  }
  if (anchors.size > 0) out.file("xl/metadata.xml", METADATA_XML, { date: FIXED_ZIP_DATE, createFolders: false });
  return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/**
 * The template as the bytes of an .xlsx file.
 *
 * @throws Error when a spill is blocked (it would show #SPILL!), unless `options.allowBlockedSpills`.
 */
export async function writeTemplateXlsx(template: ModelTemplate, options: WriteOptions & { allowBlockedSpills?: boolean }): Promise<Buffer> {
  const { workbook, spills, blocked } = buildWorkbook(template, options);
  if (blocked.length > 0 && options.allowBlockedSpills !== true) throw new Error(`#SPILL!: ${blocked.join("; ")}`);
  const raw = await workbook.xlsx.writeBuffer();
  return finishPackage(raw as ArrayBuffer, spills, options.calculationMode ?? "automatic");
}

/**
 * Loads an .xlsx file into HyperFormula with the `KAISER.` functions registered, and recalculates
 * every formula from the inputs (the cached results in the file are ignored).
 *
 * What loading translates, because HyperFormula is not Excel:
 * - structured references to Excel tables become A1 ranges (structuredRefs.ts);
 * - workbook-scoped defined names become HyperFormula named expressions;
 * - an array formula (a spill Excel stored with its range) keeps only its anchor formula; the
 *   cells it spilled into are left empty for HyperFormula to spill into again;
 * - `_xldudf_KAISER_NAME(` (how Excel stores a JavaScript custom function in a file) is read as
 *   `KAISER.NAME(`; dates are Excel serials;
 * - a formula that is only a range (`=Table[Column]`, which Excel spills) becomes `=VSTACK(range)`,
 *   because HyperFormula does not spill a bare range.
 * HyperFormula is GPLv3 and a devDependency: it is used by this test only, never shipped.
 */
import ExcelJS from "exceljs";
import { HyperFormula } from "hyperformula";
import type { CellValue as HfCellValue, RawCellContent, SimpleCellAddress } from "hyperformula";
import { parseRange } from "../../../src/review/snapshot";
import { formulaAsWritten, serialFromDate } from "../../../src/workbook/xlsxSnapshot";
import { callKey, registerKaiserFunctions, SpillRecorder, SpillSize } from "./kaiserPlugin";
import { TableInfo, translateStructuredRefs } from "./structuredRefs";

export interface LoadedFormula {
  readonly sheet: number;
  readonly sheetName: string;
  readonly row: number;
  readonly col: number;
  /** As stored in the file, without "=". */
  readonly stored: string;
  /** As given to HyperFormula, with "=". */
  readonly loaded: string;
  /** For an array formula: the spill range the file records, rows × columns. */
  readonly storedSpill?: SpillSize;
}

export interface LoadedWorkbook {
  readonly hf: HyperFormula;
  readonly sheetNames: readonly string[];
  readonly tables: readonly TableInfo[];
  readonly formulas: readonly LoadedFormula[];
  readonly recorder: SpillRecorder;
  /** How many builds it took for every spill size to settle. */
  readonly builds: number;
  /** A named cell's recomputed value. */
  named(name: string): HfCellValue;
  /** A cell's recomputed value by sheet name and A1 address. */
  cell(sheetName: string, address: string): HfCellValue;
  /**
   * The size a KAISER function returned in the formula at this cell (recorded by the bridge); the
   * formula's outermost function unless `id` names another.
   */
  returnedSize(sheetName: string, address: string, id?: string): (SpillSize & { id: string }) | undefined;
}



/**
 * Excel spills a formula that is just a range (`=MonthlyEBITDA[PeriodEnd]`); HyperFormula answers
 * "Cell range not allowed". `=VSTACK(range)`, the same range stacked on nothing, spills in both.
 */
function spillBareRange(formula: string): string {
  const bare = /^=\s*((?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+\s*$/.exec(formula);
  return bare === null ? formula : `=VSTACK(${formula.slice(1).trim()})`;
}

interface SheetContent {
  name: string;
  rows: RawCellContent[][];
}

function tablesOf(workbook: ExcelJS.Workbook): TableInfo[] {
  const tables: TableInfo[] = [];
  for (const ws of workbook.worksheets) {
    const byName = (ws as unknown as { tables: Record<string, { table?: TableModel; model?: TableModel }> }).tables;
    for (const t of Object.values(byName ?? {})) {
      const model = t.table ?? t.model;
      if (model === undefined) continue;
      const range = parseRange(model.tableRef ?? model.ref ?? "");
      if (range === undefined) continue;
      tables.push({
        name: model.name,
        sheet: ws.name,
        top: range.start.row,
        left: range.start.col,
        bottom: range.end.row,
        right: range.end.col,
        headerRow: model.headerRow !== false,
        totalsRow: model.totalsRow === true,
        columns: model.columns.map((c) => c.name),
      });
    }
  }
  return tables;
}

interface TableModel {
  name: string;
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns: { name: string }[];
}

function contentOf(value: ExcelJS.CellValue): RawCellContent {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return serialFromDate(value);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("error" in value) return value.error;
    if ("text" in value && "hyperlink" in value) return value.text as string;
  }
  return null;
}

/** Reads the file and lays out HyperFormula's sheets, names and the list of formulas. */
async function readForHyperFormula(data: Buffer): Promise<{ sheets: SheetContent[]; names: { name: string; expression: string }[]; tables: TableInfo[]; formulas: LoadedFormula[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  const tables = tablesOf(workbook);
  const sheets: SheetContent[] = [];
  const formulas: LoadedFormula[] = [];
  workbook.worksheets.forEach((ws, sheetIndex) => {
    const rows: RawCellContent[][] = [];
    const spilled = new Set<string>();
    const cells: { row: number; col: number; cell: ExcelJS.Cell }[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => cells.push({ row: rowNumber - 1, col: colNumber - 1, cell }));
    });
    for (const { cell } of cells) {
      const v = cell.value as { shareType?: string; ref?: string } | null;
      if (v !== null && typeof v === "object" && v.shareType === "array" && v.ref !== undefined) {
        const range = parseRange(v.ref);
        if (range === undefined) continue;
        for (let r = range.start.row; r <= range.end.row; r++) {
          for (let c = range.start.col; c <= range.end.col; c++) {
            if (r !== range.start.row || c !== range.start.col) spilled.add(`${r},${c}`);
          }
        }
      }
    }
    for (const { row, col, cell } of cells) {
      if (spilled.has(`${row},${col}`)) continue;
      while (rows.length <= row) rows.push([]);
      const value = cell.value;
      const formula = cell.formula;
      if (typeof formula === "string" && formula !== "") {
        const stored = formula.replace(/^=/, "");
        const loaded = spillBareRange(`=${translateStructuredRefs(formulaAsWritten(stored), tables, row)}`);
        const v = value as { shareType?: string; ref?: string };
        const range = v.shareType === "array" && v.ref !== undefined ? parseRange(v.ref) : undefined;
        formulas.push({
          sheet: sheetIndex,
          sheetName: ws.name,
          row,
          col,
          stored,
          loaded,
          storedSpill: range === undefined ? undefined : { rows: range.end.row - range.start.row + 1, cols: range.end.col - range.start.col + 1 },
        });
        rows[row][col] = loaded;
      } else {
        rows[row][col] = contentOf(value);
      }
    }
    sheets.push({ name: ws.name, rows: rows.map((r) => Array.from(r, (x) => x ?? null)) });
  });
  const names = workbook.definedNames.model
    .filter((n) => n.ranges.length === 1)
    .map((n) => ({ name: n.name, expression: `=${n.ranges[0]}` }));
  return { sheets, names, tables, formulas };
}

const MAX_BUILDS = 6;

/**
 * Loads the workbook and recalculates it, rebuilding until every `KAISER.` spill has the size its
 * function returned (see kaiserPlugin.ts, "Spills").
 */
export async function loadWorkbook(data: Buffer): Promise<LoadedWorkbook> {
  const { recorder } = registerKaiserFunctions();
  const { sheets, names, tables, formulas } = await readForHyperFormula(data);
  recorder.known.clear();
  let hf: HyperFormula | undefined;
  let builds = 0;
  for (;;) {
    builds++;
    recorder.startBuild();
    hf?.destroy();
    hf = HyperFormula.buildFromSheets(Object.fromEntries(sheets.map((s) => [s.name, s.rows])), {
      licenseKey: "gpl-v3",
      useArrayArithmetic: true,
      maxRows: 1048576,
      maxColumns: 16384,
      evaluateNullToZero: false,
      // The adapters' numbers exactly as they return them, not rounded for display.
      smartRounding: false,
    }, names);
    if (!recorder.learn()) break;
    if (builds >= MAX_BUILDS) throw new Error(`spill sizes did not settle after ${MAX_BUILDS} builds`);
  }
  const engine = hf;
  const sheetNames = sheets.map((s) => s.name);
  const address = (sheetName: string, a1: string): SimpleCellAddress => {
    const sheet = engine.getSheetId(sheetName);
    const range = parseRange(a1);
    if (sheet === undefined || range === undefined) throw new Error(`no cell ${sheetName}!${a1}`);
    return { sheet, row: range.start.row, col: range.start.col };
  };
  return {
    hf: engine,
    sheetNames,
    tables,
    formulas,
    recorder,
    builds,
    named: (name) => engine.getNamedExpressionValue(name) as HfCellValue,
    cell: (sheetName, a1) => engine.getCellValue(address(sheetName, a1)),
    returnedSize: (sheetName, a1, id) => {
      const a = address(sheetName, a1);
      const formula = formulas.find((f) => f.sheet === a.sheet && f.row === a.row && f.col === a.col);
      const outer = id ?? /^=\s*(KAISER\.[A-Z0-9.]+)\s*\(/i.exec(formula?.loaded ?? "")?.[1]?.toUpperCase();
      return outer === undefined ? undefined : recorder.returned.get(callKey(a.sheet, a.row, a.col, outer));
    },
  };
}

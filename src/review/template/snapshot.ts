/** The ready model as a `WorkbookSnapshot`, its formulas' results filled from the engine's figures. */
import { isoFromSerial } from "../../engine/dates";
import { ppeSchedule } from "../../engine/ppeReduction";
import { Figure, readModelInputs, recompute } from "../recalc";
import { CellValue, parseRange, sheetFromGrid, SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { MODEL_TEMPLATE, SHEET } from "./sheet";
import { ModelTemplate, TemplateCell } from "./types";

interface Grid {
  values: CellValue[][];
  formulas: (string | null)[][];
  formats: string[][];
}

function put(grid: Grid, row: number, col: number, value: CellValue, formula: string | null, format: string): void {
  while (grid.values.length <= row) {
    grid.values.push([]);
    grid.formulas.push([]);
    grid.formats.push([]);
  }
  grid.values[row][col] = value;
  grid.formulas[row][col] = formula;
  grid.formats[row][col] = format;
}

function sheetOf(grid: Grid): SheetSnapshot {
  return sheetFromGrid(SHEET, { row: 0, col: 0 }, grid.values, grid.formulas, grid.formats);
}

function buildSnapshot(template: ModelTemplate, resultOf: (cell: TemplateCell) => CellValue[][]): WorkbookSnapshot {
  const grid: Grid = { values: [], formulas: [], formats: [] };
  for (const t of template.tables) {
    const range = parseRange(t.address);
    if (range === undefined) continue;
    t.headers.forEach((h, c) => put(grid, range.start.row, range.start.col + c, h, null, "General"));
    t.rows.forEach((row, r) => row.forEach((v, c) => put(grid, range.start.row + 1 + r, range.start.col + c, v, null, t.numberFormats[c] ?? "General")));
  }
  for (const cell of template.cells) {
    const range = parseRange(cell.address);
    if (range === undefined) continue;
    const format = cell.numberFormat ?? "General";
    if (cell.formula === undefined && cell.value === null) {
      // A format-only cell (a spill area): its value is whatever spills into it.
      const r = range.start.row;
      const c = range.start.col;
      put(grid, r, c, grid.values[r]?.[c] ?? null, grid.formulas[r]?.[c] ?? null, format);
      continue;
    }
    if (cell.formula === undefined) {
      put(grid, range.start.row, range.start.col, cell.value, null, format);
      continue;
    }
    const result = resultOf(cell);
    result.forEach((row, r) =>
      row.forEach((v, c) => {
        const anchor = r === 0 && c === 0;
        put(grid, range.start.row + r, range.start.col + c, v, anchor ? (cell.formula as string) : null, format);
      }),
    );
    if (result.length === 0) put(grid, range.start.row, range.start.col, null, cell.formula, format);
  }
  const names = Object.entries(template.names).map(([name, address]) => ({
    name,
    formula: `='${template.sheet.replace(/'/g, "''")}'!${address.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2")}`,
    sheet: template.sheet,
    address,
  }));
  const tables = template.tables.map((t) => ({ name: t.name, sheet: template.sheet, address: t.address, showHeaders: true, columns: t.headers }));
  return { sheets: [sheetOf(grid)], names, tables, calculationMode: "automatic" };
}

/** The values a formula cell shows: its figure, a table column, the EBITDA figures per period, or the PPE schedule. */
function resultsFromFigures(template: ModelTemplate, figures: ReadonlyMap<string, Figure>, snapshot: WorkbookSnapshot): (cell: TemplateCell) => CellValue[][] {
  const ebitda = template.tables.find((t) => t.name === "MonthlyEBITDA");
  const periodEnds = (ebitda?.rows ?? []).map((r) => r[0]);
  const show = (f: Figure | undefined): CellValue => (f === undefined || f.value === null ? { error: "#N/A" } : f.value);
  return (cell) => {
    switch (cell.spill) {
      case undefined:
        return [[show(figures.get(cell.figure ?? ""))]];
      case "column": {
        const m = /^=(\w+)\[(\w+)\]$/.exec(cell.formula ?? "");
        const t = template.tables.find((x) => x.name === m?.[1]);
        const c = t?.headers.indexOf(m?.[2] ?? "") ?? -1;
        return t === undefined || c < 0 ? [] : t.rows.map((r) => [r[c]]);
      }
      case "ebitdaFloor":
      case "ebitdaTest":
        return periodEnds.map((p) => [show(figures.get(`${cell.spill}:${typeof p === "number" ? isoFromSerial(p) : ""}`))]);
      case "ppeSchedule":
        return ppeScheduleValues(snapshot);
    }
  };
}

/** KAISER.PPESCHEDULE's spilled table for the model's own inputs, as the engine gives it. */
function ppeScheduleValues(snapshot: WorkbookSnapshot): CellValue[][] {
  const inputs = readModelInputs(snapshot);
  const header: CellValue[] = ["Date", "Kind", "Clause", "Reduction", "Cumulative reductions", "PPE Subcomponent after", "Note"];
  if (inputs.olvInPlaceValue.value === undefined || inputs.ppeEvents.rows === undefined) return [[{ error: "#VALUE!" }]];
  const rows = ppeSchedule({
    olvInPlaceValue: inputs.olvInPlaceValue.value,
    events: inputs.ppeEvents.rows,
    asOfDate: inputs.asOfDate.value,
    kbcAllocableAmount: inputs.kbcAllocableAmount.value,
  });
  return [header, ...rows.map((r): CellValue[] => [r.date, r.kind, r.clause, r.reduction.toNumber(), r.cumulative.toNumber(), r.ppeSubcomponent.toNumber(), r.note])];
}

/**
 * A snapshot of a workbook that holds just the model, as Excel would show it once calculated:
 * constants, tables and names from the template, and in each formula cell the figure the engine
 * computes from the model's own inputs (spilled results filled below their formula).
 *
 * @param template - the model (default: `MODEL_TEMPLATE`)
 * @param computedValues - values to show instead, by figure key ("borrowingBase",
 *   "ebitdaFloor:2004-10-31") or by the A1 address of the formula cell ("B18"); used by tests to
 *   make an output disagree with the inputs
 * @example validate(snapshotFromTemplate()).length //=> 0
 */
export function snapshotFromTemplate(template: ModelTemplate = MODEL_TEMPLATE, computedValues: Readonly<Record<string, CellValue>> = {}): WorkbookSnapshot {
  // First pass: inputs only, to recompute the figures the formula cells show.
  const bare = buildSnapshot(template, () => []);
  const figures = new Map(recompute(readModelInputs(bare)).map((f) => [f.key, f]));
  const fromFigures = resultsFromFigures(template, figures, bare);
  return buildSnapshot(template, (cell) => {
    const byAddress = computedValues[cell.address];
    if (byAddress !== undefined) return [[byAddress]];
    const result = fromFigures(cell);
    if (cell.spill === "ebitdaFloor" || cell.spill === "ebitdaTest") {
      const ebitda = template.tables.find((t) => t.name === "MonthlyEBITDA");
      return result.map((row, i) => {
        const p = ebitda?.rows[i]?.[0];
        const key = `${cell.spill}:${typeof p === "number" ? isoFromSerial(p) : ""}`;
        return computedValues[key] !== undefined ? [computedValues[key]] : row;
      });
    }
    if (cell.figure !== undefined && computedValues[cell.figure] !== undefined) return [[computedValues[cell.figure]]];
    return result;
  });
}

/**
 * Adds a sheet built from a `SheetDesign` (src/review/sheetDesign.ts) to the open workbook: the
 * shared writer behind Insert dashboard and Insert Borrowing Base Certificate.
 *
 * It never overwrites: the sheet goes in under a new name ("KAISER Dashboard (2)" when the name is
 * taken, as Excel names a copy), and nothing else in the workbook changes. When the model's names,
 * tables or columns that the formulas refer to are missing, it changes nothing and names the first
 * one missing. Three syncs: the workbook's sheets, names and tables; the contract tables' columns
 * and sizes (a design depends on them, see `WorkbookFacts`); then everything written at once, the
 * formulas after the constants, the charts after the formulas they plot.
 */
import { NAMED_CELLS, TABLES } from "../review/layout";
import { firstMissing, SheetDesign, uniqueSheetName, WorkbookFacts, DesignCell, ChartSource } from "../review/sheetDesign";
import type { InsertResult } from "./insertModel";
import { loadWorkbookNames } from "./workbookNames";

export type { InsertResult };

/** Points per character of column width, near enough for Calibri 11 (as insertModel.ts). */
const POINTS_PER_CHARACTER = 7;

const STYLE: Readonly<Record<DesignCell["role"], { bold?: boolean; italic?: boolean; size?: number; color?: string }>> = {
  title: { bold: true, size: 14 },
  heading: { bold: true },
  label: {},
  input: { color: "#1F4E79" },
  output: { bold: true },
  note: { italic: true, color: "#595959" },
  signature: {},
};

/** What the first sync learns: sheet names, and the contract's names and tables as the workbook spells them. */
interface Present {
  readonly sheets: readonly string[];
  /** Contract name → the workbook's own spelling. */
  readonly names: ReadonlyMap<string, string>;
  readonly tables: ReadonlyMap<string, string>;
}

function present(sheets: readonly string[], names: readonly string[], tables: readonly string[]): Present {
  const match = (contract: readonly string[], actual: readonly string[]) => {
    const byLower = new Map(actual.map((a) => [a.toLowerCase(), a]));
    return new Map(contract.flatMap((c) => (byLower.has(c.toLowerCase()) ? [[c, byLower.get(c.toLowerCase()) as string] as const] : [])));
  };
  return {
    sheets,
    names: match(
      NAMED_CELLS.map((e) => e.name),
      names,
    ),
    tables: match(
      TABLES.map((t) => t.table.name),
      tables,
    ),
  };
}

function refusal(what: string, missing: string): InsertResult {
  return {
    inserted: false,
    message: `Nothing was changed: the ${what} needs ${missing}, which the workbook does not have. Insert model adds a model with every input, or press Validate to see what is missing.`,
  };
}

function styleCell(range: Excel.Range, role: DesignCell["role"]): void {
  const style = STYLE[role];
  if (style.bold) range.format.font.bold = true;
  if (style.italic) range.format.font.italic = true;
  if (style.size !== undefined) range.format.font.size = style.size;
  if (style.color !== undefined) range.format.font.color = style.color;
  if (role === "signature") range.format.borders.getItem("EdgeBottom").style = "Continuous";
}

function sourceRange(context: Excel.RequestContext, sheet: Excel.Worksheet, source: ChartSource, tables: ReadonlyMap<string, string>): Excel.Range {
  if ("address" in source) return sheet.getRange(source.address);
  const table = context.workbook.tables.getItem(tables.get(source.table) ?? source.table);
  return table.columns.getItem(source.column).getDataBodyRange();
}

/** Queues the design on a new sheet (no sync). */
function queueDesign(context: Excel.RequestContext, design: SheetDesign, name: string, tables: ReadonlyMap<string, string>): void {
  const sheet = context.workbook.worksheets.add(name);
  for (const [letters, width] of Object.entries(design.columnWidths)) sheet.getRange(`${letters}:${letters}`).format.columnWidth = width * POINTS_PER_CHARACTER;
  for (const cell of design.cells) {
    if (cell.formula !== undefined) continue;
    const range = sheet.getRange(cell.address);
    if (cell.value !== null && typeof cell.value !== "object") range.values = [[cell.value]];
    if (cell.numberFormat !== undefined) range.numberFormat = [[cell.numberFormat]];
    styleCell(range, cell.role);
  }
  for (const cell of design.cells) {
    if (cell.formula === undefined) continue;
    const range = sheet.getRange(cell.address);
    range.formulas = [[cell.formula]];
    if (cell.numberFormat !== undefined) range.numberFormat = [[cell.numberFormat]];
    styleCell(range, cell.role);
  }
  for (const c of design.charts) {
    const [first, ...rest] = c.series;
    const chart = sheet.charts.add(c.type, sourceRange(context, sheet, first.values, tables), "Columns");
    chart.title.text = c.title;
    chart.setPosition(c.from, c.to);
    chart.axes.valueAxis.title.text = c.valueAxisTitle;
    chart.legend.position = "Bottom";
    const categories = sourceRange(context, sheet, c.categories, tables);
    const head = chart.series.getItemAt(0);
    head.name = first.name;
    head.setXAxisValues(categories);
    for (const s of rest) {
      const series = chart.series.add(s.name);
      series.setValues(sourceRange(context, sheet, s.values, tables));
      series.setXAxisValues(categories);
      if (s.asLine) series.chartType = "Line";
    }
  }
  if (design.printArea !== undefined) {
    sheet.pageLayout.setPrintArea(design.printArea);
    sheet.pageLayout.orientation = "Portrait";
    sheet.pageLayout.centerHorizontally = true;
    sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 1 };
  }
  sheet.activate();
}

/**
 * Adds the sheet a design describes, under a name no sheet has, unless the workbook lacks an input
 * the formulas refer to; in that case nothing changes and the message names the first one missing.
 *
 * @param context - the request context of `Excel.run`
 * @param what - the sheet's kind for the user ("dashboard", "Borrowing Base Certificate")
 * @param designFor - the design for the workbook's facts
 */
export async function insertDesign(context: Excel.RequestContext, what: string, designFor: (facts: WorkbookFacts) => SheetDesign): Promise<InsertResult> {
  const existing = await loadWorkbookNames(context);
  const found = present(existing.sheets, existing.names, existing.tables);
  // Names and tables first (their columns and sizes do not change what the formulas name).
  const shallow: WorkbookFacts = { names: new Set(found.names.keys()), tables: new Map([...found.tables.keys()].map((t) => [t, { columns: TABLES.find((x) => x.table.name === t)?.columns.map((c) => c.column as string) ?? [], rows: 1 }])) };
  const missingName = firstMissing(designFor(shallow), shallow);
  if (missingName !== undefined) return refusal(what, missingName);

  const reads = [...found.tables].map(([contract, actual]) => {
    const columns = context.workbook.tables.getItem(actual).columns;
    columns.load("items/name");
    const body = context.workbook.tables.getItem(actual).getDataBodyRange();
    body.load("rowCount");
    return { contract, columns, body };
  });
  await context.sync();

  const facts: WorkbookFacts = {
    names: new Set(found.names.keys()),
    tables: new Map(reads.map((r) => [r.contract, { columns: r.columns.items.map((c) => c.name), rows: r.body.rowCount }])),
  };
  const design = designFor(facts);
  const missing = firstMissing(design, facts);
  if (missing !== undefined) return refusal(what, missing);

  const name = uniqueSheetName(design.sheet, found.sheets);
  queueDesign(context, design, name, found.tables);
  await context.sync();
  const charts = design.charts.length === 0 ? "" : ` and ${design.charts.length} charts`;
  return { inserted: true, message: `Added the sheet "${name}": live KAISER formulas over the model's names and tables${charts}. Nothing else in the workbook changed.` };
}

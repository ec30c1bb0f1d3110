/**
 * "Insert model": adds the sheet "Amendment Model" built from MODEL_TEMPLATE (src/review/template/)
 * — labels, example inputs, number formats, the workbook-scoped names, the Excel tables and the
 * formulas that call the KAISER functions — so that the workbook validates clean.
 *
 * It never overwrites: when the sheet, any of the names or any of the tables exists already (names
 * and tables share one namespace in Excel, so each is checked against both), it changes nothing and
 * says which. Two syncs: one to read what exists, one to write everything. Formulas are written
 * last in the batch, after the tables and names they refer to exist.
 */
import { MODEL_TEMPLATE, ModelTemplate, TemplateCell } from "../review/template";
import { LAYOUT } from "../review/layout";
import { loadWorkbookNames } from "./workbookNames";

export interface InsertResult {
  readonly inserted: boolean;
  /** For the user: what was added, or which existing items stopped it. */
  readonly message: string;
}

/** Points per character of column width, near enough for Calibri 11. */
const POINTS_PER_CHARACTER = 7;

const STYLE: Readonly<Record<TemplateCell["role"], { bold?: boolean; italic?: boolean; size?: number; color?: string; fill?: string }>> = {
  title: { bold: true, size: 14 },
  heading: { bold: true },
  label: {},
  input: { color: "#1F4E79", fill: "#DDEBF7" },
  output: { bold: true },
  note: { italic: true, color: "#595959" },
};

function list(kind: string, items: readonly string[]): string {
  const quoted = items.map((i) => `"${i}"`);
  const joined = quoted.length <= 1 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
  return `the ${kind}${items.length === 1 ? "" : "s"} ${joined}`;
}

/** What already exists among the template's sheet, names and tables (case-insensitive); empty when nothing does. */
export function conflicts(template: ModelTemplate, existing: { sheets: readonly string[]; names: readonly string[]; tables: readonly string[] }): string[] {
  const lower = (xs: readonly string[]) => new Set(xs.map((x) => x.toLowerCase()));
  const sheets = lower(existing.sheets);
  const taken = new Set([...lower(existing.names), ...lower(existing.tables)]);
  const found: string[] = [];
  if (sheets.has(template.sheet.toLowerCase())) found.push(list("sheet", [template.sheet]));
  const names = Object.keys(template.names).filter((n) => taken.has(n.toLowerCase()));
  if (names.length > 0) found.push(list("name", names));
  const tables = template.tables.map((t) => t.name).filter((n) => taken.has(n.toLowerCase()));
  if (tables.length > 0) found.push(list("table", tables));
  return found;
}

function styleCell(range: Excel.Range, role: TemplateCell["role"]): void {
  const style = STYLE[role];
  if (style.bold) range.format.font.bold = true;
  if (style.italic) range.format.font.italic = true;
  if (style.size !== undefined) range.format.font.size = style.size;
  if (style.color !== undefined) range.format.font.color = style.color;
  if (style.fill !== undefined) range.format.fill.color = style.fill;
}

/** Queues the whole model on a new sheet (no sync). */
function queueModel(context: Excel.RequestContext, template: ModelTemplate): void {
  const sheet = context.workbook.worksheets.add(template.sheet);
  for (const [letters, width] of Object.entries(template.columnWidths)) sheet.getRange(`${letters}:${letters}`).format.columnWidth = width * POINTS_PER_CHARACTER;
  for (const cell of template.cells) {
    if (cell.formula !== undefined) continue;
    const range = sheet.getRange(cell.address);
    // A format-only cell (no value, no formula) formats a spill area: writing a blank there is not wanted.
    if (cell.value !== null) range.values = [[typeof cell.value === "object" ? "" : cell.value]];
    if (cell.numberFormat !== undefined) range.numberFormat = [[cell.numberFormat]];
    styleCell(range, cell.role);
  }
  for (const t of template.tables) {
    const range = sheet.getRange(t.address);
    range.values = [t.headers.map(String), ...t.rows.map((row) => row.map((v) => (v === null || typeof v === "object" ? "" : v)))];
    if (t.rows.length > 0) range.getOffsetRange(1, 0).getResizedRange(-1, 0).numberFormat = t.rows.map(() => [...t.numberFormats]);
    const table = sheet.tables.add(t.address, true);
    table.name = t.name;
  }
  const description = new Map(LAYOUT.map((e) => [e.name, `${e.description} [${e.section}]`]));
  for (const [name, address] of Object.entries(template.names)) {
    context.workbook.names.add(name, sheet.getRange(address), description.get(name));
  }
  for (const cell of template.cells) {
    if (cell.formula === undefined) continue;
    const range = sheet.getRange(cell.address);
    range.formulas = [[cell.formula]];
    if (cell.numberFormat !== undefined) range.numberFormat = [[cell.numberFormat]];
    styleCell(range, cell.role);
  }
  sheet.activate();
}

/**
 * Adds the sheet "Amendment Model" with every named cell and table of the layout contract, example
 * inputs and the KAISER formulas — unless the sheet, a name or a table of the model exists already,
 * in which case nothing changes and the message says which.
 *
 * @param context - the request context of `Excel.run`
 * @param template - the model (default: `MODEL_TEMPLATE`)
 * @example await Excel.run((context) => insertModel(context)) //=> { inserted: true, message: "Added the sheet …" }
 */
export async function insertModel(context: Excel.RequestContext, template: ModelTemplate = MODEL_TEMPLATE): Promise<InsertResult> {
  const found = conflicts(template, await loadWorkbookNames(context));
  if (found.length > 0) {
    return {
      inserted: false,
      message: `Nothing was changed: the workbook already has ${found.join(", ")}. Rename or delete ${found.length === 1 && !found[0].includes(" and ") ? "it" : "them"} to insert the model, or press Validate to check the model you have.`,
    };
  }
  queueModel(context, template);
  await context.sync();
  return {
    inserted: true,
    message: `Added the sheet "${template.sheet}" with ${Object.keys(template.names).length} named cells, ${template.tables.length} tables, example inputs and the KAISER formulas. Replace the example inputs with your own, then press Validate.`,
  };
}

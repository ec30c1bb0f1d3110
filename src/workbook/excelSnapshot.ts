/**
 * The Excel adapter: a `WorkbookSnapshot` of the open workbook, read in exactly two
 * `context.sync()` calls whatever the workbook's size, loading only the properties the checks use.
 *
 * First sync: the calculation mode, the worksheets' names, the workbook-scoped names (name, type,
 * formula — the formula gives the sheet and cell, so no range is read for a name) and the tables
 * (name, header and totals rows, worksheet). Second sync: for every table, its range's address and
 * column names; for every worksheet, its used range read in bands of `ROWS_PER_CHUNK` rows (address,
 * values, value types, formulas, number formats). The bands are the used range intersected with
 * fixed row bands of the sheet, all queued before the second sync: the used range's size is not
 * known until a sync, and a third sync is what the design avoids; a band below the used range is a
 * null object that costs a few bytes.
 *
 * Reading R-EXCEL-CHUNKS: Excel refuses a single range read of too many cells, and Excel on the web
 * also a response larger than 5 MB. The bands bound each range read at `ROWS_PER_CHUNK` rows, so the
 * first limit never applies whatever the sheet's length. The second applies to one sync as a whole:
 * every band is answered in the second sync, so banding cannot bring a large workbook under it. The
 * ready model's sheet is 28 columns wide (its tables sit beside the inputs), and each 20,000 rows of
 * it come to about 14 MB of values, value types, formulas and number formats, so in Excel on the web
 * a sheet of that width past roughly 7,000 rows exceeds the limit and Excel's error is shown. Not
 * modelled: reading in more syncs, which the two-sync design rules out; such a workbook validates
 * as an .xlsx file (the pane in a browser, or kaiser-check).
 */
import { CalculationMode, CellValue, NameSnapshot, parseRange, GRID_COLUMNS, GRID_ROWS, SheetBuilder, SheetSnapshot, splitReference, TableSnapshot, WorkbookSnapshot } from "../review/snapshot";

/** Rows of one read band. */
export const ROWS_PER_CHUNK = 20000;
/** Excel's grid: 1,048,576 rows by 16,384 columns. */
export const SHEET_ROWS = GRID_ROWS;
export const SHEET_COLUMNS = GRID_COLUMNS;

function calculationMode(mode: string): CalculationMode {
  switch (mode) {
    case "Automatic":
      return "automatic";
    case "AutomaticExceptTables":
      return "automaticExceptTables";
    case "Manual":
      return "manual";
    default:
      return "unknown";
  }
}

function nameSnapshot(item: { name: string; type: string; formula: string }): NameSnapshot {
  const formula = typeof item.formula === "string" ? item.formula : String(item.formula);
  const text = formula.startsWith("=") ? formula : `=${formula}`;
  const ref = item.type === "Range" ? splitReference(text) : undefined;
  return ref === undefined ? { name: item.name, formula: text } : { name: item.name, formula: text, sheet: ref.sheet, address: ref.address };
}

/** One cell as the snapshot holds it, from Excel's value and value type. */
function cellValue(value: unknown, type: string): CellValue {
  switch (type) {
    case "Empty":
      return null;
    case "Error":
      return { error: String(value) };
    case "Boolean":
      return Boolean(value);
    case "Double":
    case "Integer":
      return typeof value === "number" ? value : Number(value);
    default:
      return typeof value === "number" || typeof value === "boolean" ? value : value === null || value === undefined || value === "" ? null : String(value);
  }
}

interface Band {
  readonly address: string;
  readonly values: unknown[][];
  readonly valueTypes: string[][];
  readonly formulas: unknown[][];
  readonly numberFormat: unknown[][];
}

/** Joins a sheet's bands (in row order, all of the used range's width) into one sparse snapshot sheet: only cells with a value, a formula or a number format are kept. */
export function sheetFromBands(name: string, bands: readonly Band[]): SheetSnapshot {
  const builder = new SheetBuilder(name);
  for (const band of bands) {
    const ref = splitReference(band.address) ?? { address: band.address };
    const range = parseRange(ref.address);
    if (range === undefined) continue;
    band.values.forEach((row, i) =>
      row.forEach((v, j) => {
        const f = band.formulas[i]?.[j];
        const format = band.numberFormat[i]?.[j];
        builder.set(range.start.row + i, range.start.col + j, {
          value: cellValue(v, band.valueTypes[i]?.[j] ?? "Unknown"),
          formula: typeof f === "string" && f.startsWith("=") ? f : null,
          numberFormat: typeof format === "string" && format !== "" ? format : "General",
        });
      }),
    );
  }
  return builder.build();
}

/**
 * Reads the open workbook into a `WorkbookSnapshot` in two `context.sync()` calls.
 *
 * @param context - the request context of `Excel.run`
 * @returns every worksheet's used range (values, formulas, number formats), the workbook-scoped
 *   names, the tables and the calculation mode
 * @example await Excel.run(async (context) => validate(await snapshotFromExcel(context)))
 */
export async function snapshotFromExcel(context: Excel.RequestContext): Promise<WorkbookSnapshot> {
  const workbook = context.workbook;
  const application = workbook.application;
  application.load("calculationMode");
  const worksheets = workbook.worksheets;
  worksheets.load("items/name");
  const names = workbook.names;
  names.load("items/name,items/type,items/formula");
  const tables = workbook.tables;
  tables.load("items/name,items/showHeaders,items/showTotals,items/worksheet/name");
  await context.sync();

  const sheetReads = worksheets.items.map((sheet) => {
    // getUsedRange (not its OrNullObject form) gives A1 for an empty sheet, so the intersections below never start from a null object.
    const used = sheet.getUsedRange();
    const bands: Excel.Range[] = [];
    for (let start = 0; start < SHEET_ROWS; start += ROWS_PER_CHUNK) {
      const band = used.getIntersectionOrNullObject(sheet.getRangeByIndexes(start, 0, Math.min(ROWS_PER_CHUNK, SHEET_ROWS - start), SHEET_COLUMNS));
      band.load("address,values,valueTypes,formulas,numberFormat");
      bands.push(band);
    }
    return { name: sheet.name, bands };
  });
  const tableReads = tables.items.map((table) => {
    const range = table.getRange();
    range.load("address");
    const columns = table.columns;
    columns.load("items/name");
    return { table, range, columns };
  });
  await context.sync();

  const sheets = sheetReads.map((read) =>
    sheetFromBands(
      read.name,
      read.bands.filter((band) => !band.isNullObject),
    ),
  );
  const tableSnapshots: TableSnapshot[] = tableReads.map(({ table, range, columns }) => ({
    name: table.name,
    sheet: table.worksheet.name,
    address: splitReference(range.address)?.address ?? range.address,
    showHeaders: table.showHeaders,
    showTotals: table.showTotals,
    columns: columns.items.map((c) => c.name),
  }));
  return {
    sheets,
    names: names.items.map((n) => nameSnapshot({ name: n.name, type: String(n.type), formula: n.formula })),
    tables: tableSnapshots,
    calculationMode: calculationMode(String(application.calculationMode)),
  };
}

/**
 * The names a workbook already uses, read in one sync before anything is inserted: its sheets, its
 * workbook-scoped names and its tables. Insert model, Insert dashboard and Insert Borrowing Base
 * Certificate check them so that nothing of the user's is overwritten.
 */

/** The names of a workbook's sheets, workbook-scoped names and tables, in the workbook's order. */
export interface WorkbookNames {
  readonly sheets: string[];
  readonly names: string[];
  readonly tables: string[];
}

/**
 * Loads the workbook's sheet, name and table names in one `context.sync()`.
 *
 * @param context - the request context of `Excel.run`
 * @example const { sheets } = await loadWorkbookNames(context)
 */
export async function loadWorkbookNames(context: Excel.RequestContext): Promise<WorkbookNames> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const names = context.workbook.names;
  names.load("items/name");
  const tables = context.workbook.tables;
  tables.load("items/name");
  await context.sync();
  return { sheets: worksheets.items.map((s) => s.name), names: names.items.map((n) => n.name), tables: tables.items.map((t) => t.name) };
}

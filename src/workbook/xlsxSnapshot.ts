/**
 * The .xlsx adapter: a `WorkbookSnapshot` from the bytes of an .xlsx file, for the task pane without
 * Office ("Open an .xlsx file") and for the CLI. exceljs reads the cells (values, formulas with their
 * cached results, number formats, tables); zip.ts reads what exceljs drops (the calculation mode,
 * defined names exactly as written, hidden header rows and totals rows). Works in the browser bundle
 * and in Node.
 *
 * Dates: exceljs turns a date-formatted number into a JavaScript Date at UTC midnight (plus the time
 * of day); the serial is recovered as `25569 + milliseconds / 86,400,000`, UTC throughout, so the
 * machine's time zone never shifts a date. 1904-system workbooks give the same 1900-system serials.
 */
import { Workbook } from "exceljs";
import { CalculationMode, CellValue, NameSnapshot, SheetSnapshot, splitReference, TableSnapshot, WorkbookSnapshot } from "../review/snapshot";
import { fileKind, readEntryText, xmlAttributes, xmlText, ZipEntry, zipEntries } from "./zip";
import { WorkbookReadError } from "./readError";

export { WorkbookReadError };

const MS_PER_DAY = 86400000;
/** Serial of 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25569;

/** The 1900-system serial of a Date as exceljs builds it (UTC), exactly for whole days. */
export function serialFromDate(date: Date): number {
  const ms = date.getTime();
  return ms % MS_PER_DAY === 0 ? ms / MS_PER_DAY + UNIX_EPOCH_SERIAL : UNIX_EPOCH_SERIAL + ms / MS_PER_DAY;
}

type ExcelJsValue = unknown;

/** A cell's value as the snapshot holds it: numbers, text, booleans, error values, dates as serials, formulas as their cached results. */
function plainValue(value: ExcelJsValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : serialFromDate(value);
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (typeof v.error === "string") return { error: v.error };
    if ("formula" in v || "sharedFormula" in v) return plainValue(v.result);
    if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((t) => t.text ?? "").join("");
    if (typeof v.text === "string") return v.text;
  }
  return null;
}

interface WorkbookXml {
  readonly calculationMode: CalculationMode;
  readonly names: NameSnapshot[];
}

function parseWorkbookXml(xml: string): WorkbookXml {
  const calc = /<calcPr\b([^>]*)\/?>/.exec(xml);
  const mode = calc ? xmlAttributes(calc[1]).calcMode : undefined;
  const calculationMode: CalculationMode = mode === "manual" ? "manual" : mode === "autoNoTable" ? "automaticExceptTables" : "automatic";
  const names: NameSnapshot[] = [];
  const re = /<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    const attributes = xmlAttributes(m[1]);
    // Sheet-scoped names are not the contract's workbook-scoped names; Excel's own (_xlnm.*) neither.
    if (attributes.localSheetId !== undefined || attributes.name === undefined || attributes.name.startsWith("_xlnm.")) continue;
    const text = xmlText(m[2]).trim();
    const ref = splitReference(text);
    names.push(ref === undefined ? { name: attributes.name, formula: `=${text}` } : { name: attributes.name, formula: `=${text}`, sheet: ref.sheet, address: ref.address });
  }
  return { calculationMode, names };
}

interface TableXml {
  readonly ref: string;
  readonly headerRow: boolean;
  readonly totalsRow: boolean;
  readonly columns: string[];
}

function parseTableXml(xml: string): { name: string; table: TableXml } | undefined {
  const open = /<table\b([^>]*)>/.exec(xml);
  if (!open) return undefined;
  const a = xmlAttributes(open[1]);
  const columns: string[] = [];
  const re = /<tableColumn\b([^>]*?)\/?>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) columns.push(xmlAttributes(m[1]).name ?? "");
  const name = a.displayName ?? a.name;
  if (name === undefined || a.ref === undefined) return undefined;
  // Excel omits headerRowCount when the header row shows (its default is 1).
  return { name, table: { ref: a.ref, headerRow: a.headerRowCount !== "0", totalsRow: Number(a.totalsRowCount ?? "0") > 0, columns } };
}

async function readParts(data: Uint8Array): Promise<{ workbook?: WorkbookXml; tables: Map<string, TableXml> }> {
  let entries: ZipEntry[];
  try {
    entries = zipEntries(data);
  } catch {
    throw new WorkbookReadError("The file is damaged: it is not a complete .xlsx package.");
  }
  const tables = new Map<string, TableXml>();
  const workbookEntry = entries.find((e) => e.name === "xl/workbook.xml");
  if (workbookEntry === undefined) throw new WorkbookReadError("The file is a ZIP archive but not an Excel workbook (it has no xl/workbook.xml).");
  let workbook: WorkbookXml | undefined;
  try {
    workbook = parseWorkbookXml(await readEntryText(data, workbookEntry));
    for (const entry of entries.filter((e) => /^xl\/tables\/[^/]+\.xml$/.test(e.name))) {
      const parsed = parseTableXml(await readEntryText(data, entry));
      if (parsed !== undefined) tables.set(parsed.name.toLowerCase(), parsed.table);
    }
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    // Without a platform inflater the parts exceljs reads still give a usable snapshot.
    workbook = undefined;
  }
  return { workbook, tables };
}

/** Sheet names defined by exceljs's model of the defined names, used when workbook.xml could not be read. */
function namesFromExcelJs(workbook: Workbook): NameSnapshot[] {
  const model = (workbook.definedNames as unknown as { model: { name: string; ranges: string[]; localSheetId?: number }[] }).model ?? [];
  return model
    .filter((n) => n.localSheetId === undefined && !n.name.startsWith("_xlnm."))
    .map((n) => {
      const text = n.ranges.join(",");
      const ref = n.ranges.length === 1 ? splitReference(n.ranges[0]) : undefined;
      return ref === undefined ? { name: n.name, formula: `=${text}` } : { name: n.name, formula: `=${text}`, sheet: ref.sheet, address: ref.address };
    });
}

interface ExcelJsTableModel {
  name?: string;
  displayName?: string;
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns?: { name?: string }[];
}

/**
 * A formula as the user wrote it, from its stored form in the file: Excel stores an add-in's
 * custom function as `_xldudf_KAISER_NAME(` and newer built-ins with an `_xlfn.` prefix. The
 * checks (add-in not loaded, literals in formulas) read formulas as Excel shows them.
 */
export function formulaAsWritten(stored: string): string {
  return stored.replace(/_xldudf_KAISER_([A-Z0-9]+)\(/gi, (_m, fn: string) => `KAISER.${fn.toUpperCase()}(`).replace(/_xl(?:fn|ws)\./g, "");
}

function sheetSnapshot(worksheet: Workbook["worksheets"][number]): SheetSnapshot {
  let minRow = Infinity;
  let minCol = Infinity;
  let maxRow = -1;
  let maxCol = -1;
  const cells: { row: number; col: number; value: CellValue; formula: string | null; format: string }[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const raw = cell.value as ExcelJsValue;
      const value = plainValue(raw);
      const isFormula = typeof raw === "object" && raw !== null && ("formula" in raw || "sharedFormula" in raw);
      const formulaText = isFormula ? (cell.formula as string | undefined) : undefined;
      const format = cell.numFmt || "General";
      if (value === null && !isFormula && format === "General") return;
      const r = rowNumber - 1;
      const c = colNumber - 1;
      minRow = Math.min(minRow, r);
      minCol = Math.min(minCol, c);
      maxRow = Math.max(maxRow, r);
      maxCol = Math.max(maxCol, c);
      cells.push({ row: r, col: c, value, formula: formulaText ? `=${formulaAsWritten(formulaText.replace(/^=/, ""))}` : null, format });
    });
  });
  if (maxRow < 0) return { name: worksheet.name, origin: { row: 0, col: 0 }, values: [], formulas: [], numberFormats: [] };
  const height = maxRow - minRow + 1;
  const width = maxCol - minCol + 1;
  const values: CellValue[][] = Array.from({ length: height }, () => new Array<CellValue>(width).fill(null));
  const formulas: (string | null)[][] = Array.from({ length: height }, () => new Array<string | null>(width).fill(null));
  const numberFormats: string[][] = Array.from({ length: height }, () => new Array<string>(width).fill("General"));
  for (const c of cells) {
    values[c.row - minRow][c.col - minCol] = c.value;
    formulas[c.row - minRow][c.col - minCol] = c.formula;
    numberFormats[c.row - minRow][c.col - minCol] = c.format;
  }
  return { name: worksheet.name, origin: { row: minRow, col: minCol }, values, formulas, numberFormats };
}

function tablesOf(worksheet: Workbook["worksheets"][number], parsed: Map<string, TableXml>): TableSnapshot[] {
  const result: TableSnapshot[] = [];
  for (const t of worksheet.getTables() as unknown as { table?: ExcelJsTableModel }[]) {
    const model = t.table ?? (t as unknown as ExcelJsTableModel);
    const name = model.displayName ?? model.name;
    if (name === undefined) continue;
    const fromXml = parsed.get(name.toLowerCase());
    const address = fromXml?.ref ?? model.tableRef ?? model.ref;
    if (address === undefined) continue;
    result.push({
      name,
      sheet: worksheet.name,
      address,
      showHeaders: fromXml?.headerRow ?? true,
      showTotals: fromXml?.totalsRow ?? model.totalsRow === true,
      columns: fromXml?.columns ?? (model.columns ?? []).map((c) => c.name ?? ""),
    });
  }
  return result;
}

/**
 * Reads an .xlsx file into a `WorkbookSnapshot`: every sheet's used range (values, formulas with
 * their cached results, number formats; dates as 1900-system serials), the workbook-scoped defined
 * names, the tables and the calculation mode.
 *
 * @param data - the file's bytes
 * @throws WorkbookReadError (one line, for the user) when the file is not an .xlsx, is encrypted
 *   (password-protected), or is damaged
 * @example const snapshot = await snapshotFromXlsx(await file.arrayBuffer()); validate(snapshot)
 */
export async function snapshotFromXlsx(data: ArrayBuffer | Uint8Array): Promise<WorkbookSnapshot> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  switch (fileKind(bytes)) {
    case "encrypted":
      throw new WorkbookReadError("The workbook is encrypted (password-protected); save a copy without a password (File › Info › Protect Workbook) and open that.");
    case "xls":
      throw new WorkbookReadError("The file is an Excel 97-2003 workbook (.xls); save it as an Excel Workbook (.xlsx) and open that.");
    case "other":
      throw new WorkbookReadError(bytes.length === 0 ? "The file is empty; it is not an Excel workbook (.xlsx)." : "The file is not an Excel workbook (.xlsx).");
    case "zip":
      break;
  }
  const parts = await readParts(bytes);
  const workbook = new Workbook();
  try {
    // exceljs takes a Node Buffer or an ArrayBuffer; hand it an exact ArrayBuffer copy of the bytes.
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    await workbook.xlsx.load(buffer);
  } catch (e) {
    const detail = e instanceof Error ? e.message.split("\n")[0] : String(e);
    throw new WorkbookReadError(`The workbook is damaged and cannot be read (${detail}).`);
  }
  const sheets = workbook.worksheets.map(sheetSnapshot);
  const tables = workbook.worksheets.flatMap((w) => tablesOf(w, parts.tables));
  return {
    sheets,
    names: parts.workbook?.names ?? namesFromExcelJs(workbook),
    tables,
    calculationMode: parts.workbook?.calculationMode ?? "unknown",
  };
}

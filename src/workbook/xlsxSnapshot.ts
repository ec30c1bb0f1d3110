/**
 * The .xlsx adapter: a `WorkbookSnapshot` from the bytes of an .xlsx file, for the task pane without
 * Office ("Open an .xlsx file", in a Web Worker) and for the CLI. It reads the package itself,
 * bounded and streaming (zip.ts inflates one part at a time, chunk by chunk, within caps; xmlScan.ts
 * picks out the elements as they arrive), and keeps only what the review reads: each sheet's cells,
 * sparse (values, formulas with their cached results, number formats), the workbook-scoped defined
 * names exactly as written, the tables (with hidden header rows and totals rows) and the
 * calculation mode. No library: exceljs would load the whole workbook into objects first.
 *
 * Dates: a date-formatted cell holds its serial number, as Excel stores it; in a 1904-system
 * workbook 1,462 days are added, so every snapshot holds 1900-system serials.
 */
import { CalculationMode, CellLimitError, CellValue, NameSnapshot, SheetBuilder, SheetSnapshot, splitReference, TableSnapshot, WorkbookSnapshot, parseRange, GRID_ROWS, GRID_COLUMNS } from "../review/snapshot";
import { DEFAULT_LIMITS, describeBytes, ReadLimits } from "./limits";
import { fileKind, inflateBudget, InflateBudget, Inflater, LimitError, partName, ZipEntry, zipEntries } from "./zip";
import { attributesOf, decodeXml, decodeXstring, rawAttribute, scanPart, stringItemText } from "./xmlScan";
import { WorkbookReadError } from "./readError";

export { WorkbookReadError, LimitError };

const MS_PER_DAY = 86400000;
/** Serial of 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25569;
/** Days between the 1904 and the 1900 date systems' day zero. */
const DATE1904_OFFSET = 1462;

/** The 1900-system serial of a JavaScript Date read as UTC, exactly for whole days. */
export function serialFromDate(date: Date): number {
  const ms = date.getTime();
  return ms % MS_PER_DAY === 0 ? ms / MS_PER_DAY + UNIX_EPOCH_SERIAL : UNIX_EPOCH_SERIAL + ms / MS_PER_DAY;
}

/**
 * A formula as the user wrote it, from its stored form in the file: Excel stores an add-in's
 * custom function as `_xldudf_KAISER_NAME(` and newer built-ins with an `_xlfn.` prefix. The
 * checks (add-in not loaded, literals in formulas) read formulas as Excel shows them.
 */
export function formulaAsWritten(stored: string): string {
  return stored.replace(/_xldudf_KAISER_([A-Z0-9]+)\(/gi, (_m, fn: string) => `KAISER.${fn.toUpperCase()}(`).replace(/_xl(?:fn|ws)\./g, "");
}

/** Excel's built-in number formats by id (ECMA-376 Part 1, 18.8.30), as Excel shows their codes. */
const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

const dateFormats = new Map<string, boolean>();

/** Whether a number format shows a date or time (text in quotes and [..] sections aside). */
function isDateFormat(format: string): boolean {
  let found = dateFormats.get(format);
  if (found === undefined) {
    found = /[ymdhsb]/i.test(format.replace(/\[[^\]]*\]/g, "").replace(/"[^"]*"/g, "").replace(/\\./g, ""));
    dateFormats.set(format, found);
  }
  return found;
}

/** A number as Excel writes one in `<v>`: decimal digits, an optional fraction and exponent. */
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * Bounds on what the small parts may list, far above what Excel writes (Excel allows 64,000 cell
 * formats and 16,384 table columns; a workbook's names and relationships run to thousands): a
 * crafted part cannot fill memory with millions of entries, each cheap to write.
 */
export const MAX_LISTED = { relationships: 100000, sheets: 10000, names: 1000000, styles: 1000000, tableColumns: 16384 } as const;

function tooMany(entry: ZipEntry, count: number, what: string, limit: "cells" | "listed" = "listed"): LimitError {
  return new LimitError(`The part ${partName(entry.name)} lists more than ${count.toLocaleString("en-US")} ${what}, far beyond what Excel writes; it was not read further.`, limit);
}

export interface ReadOptions {
  readonly limits?: Partial<ReadLimits>;
  /** The inflater (the CLI's is Node's zlib); the platform's DecompressionStream by default. */
  readonly inflate?: Inflater;
  /** The CRC-32 function (the CLI's is Node's native one); a table-driven one in JavaScript by default. */
  readonly crc32?: (chunk: Uint8Array, crc: number) => number;
  /** Told the fraction of the package read so far (0..1), as parts are inflated. */
  readonly onProgress?: (fraction: number) => void;
}

interface Package {
  readonly data: Uint8Array;
  readonly entries: ReadonlyMap<string, ZipEntry>;
  readonly budget: InflateBudget;
  readonly limits: ReadLimits;
  readonly progress: (entry: ZipEntry, inflated: number) => void;
  readonly done: (entry: ZipEntry) => void;
}

/** "xl/worksheets/sheet1.xml" from a relationship target relative to its source part. */
function resolveTarget(source: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = source.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== "." && segment !== "") parts.push(segment);
  }
  return parts.join("/");
}

function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

interface Relationship {
  readonly type: string;
  readonly target: string;
}

async function readRelationships(pkg: Package, source: string): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  const path = source === "" ? "_rels/.rels" : relsPathOf(source);
  const entry = pkg.entries.get(path);
  if (entry === undefined) return rels;
  await scan(pkg, entry, /<Relationship\b([^>]*?)\/?>/g, /<Relationship\b/g, (m) => {
    const a = attributesOf(m[1], entry.name);
    if (rels.size >= MAX_LISTED.relationships) throw tooMany(entry, MAX_LISTED.relationships, "relationships");
    if (a.Id !== undefined && a.Target !== undefined && a.TargetMode !== "External") rels.set(a.Id, { type: a.Type ?? "", target: resolveTarget(source === "" ? "x" : source, a.Target) });
  });
  return rels;
}

function scan(pkg: Package, entry: ZipEntry, pattern: RegExp, start: RegExp, onMatch: (m: RegExpExecArray) => boolean | void): Promise<void> {
  return scanPart(pkg.data, entry, pkg.budget, pattern, onMatch, start, (inflated) => pkg.progress(entry, inflated)).then(() => pkg.done(entry));
}

interface WorkbookXml {
  readonly sheets: { readonly name: string; readonly rid: string }[];
  readonly names: NameSnapshot[];
  readonly calculationMode: CalculationMode;
  readonly date1904: boolean;
}

async function readWorkbookXml(pkg: Package, entry: ZipEntry): Promise<WorkbookXml> {
  const sheets: { name: string; rid: string }[] = [];
  const names: NameSnapshot[] = [];
  let calculationMode: CalculationMode = "automatic";
  let date1904 = false;
  await scan(pkg, entry, /<(sheet|definedName|calcPr|workbookPr)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/g, /<(?:sheet|definedName|calcPr|workbookPr)\b/g, (m) => {
    const a = attributesOf(m[2], entry.name);
    switch (m[1]) {
      case "sheet":
        if (sheets.length >= MAX_LISTED.sheets) throw tooMany(entry, MAX_LISTED.sheets, "sheets");
        if (a.name !== undefined) sheets.push({ name: decodeXstring(a.name), rid: a["r:id"] ?? Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1] ?? "" });
        break;
      case "calcPr":
        calculationMode = a.calcMode === "manual" ? "manual" : a.calcMode === "autoNoTable" ? "automaticExceptTables" : "automatic";
        break;
      case "workbookPr":
        date1904 = a.date1904 === "1" || a.date1904 === "true";
        break;
      case "definedName": {
        // Sheet-scoped names are not the contract's workbook-scoped names; Excel's own (_xlnm.*) neither.
        if (a.localSheetId !== undefined || a.name === undefined || a.name.startsWith("_xlnm.")) break;
        const text = decodeXml(m[3] ?? "", entry.name).trim();
        const ref = splitReference(text);
        if (names.length >= MAX_LISTED.names) throw tooMany(entry, MAX_LISTED.names, "defined names");
        names.push(ref === undefined ? { name: a.name, formula: `=${text}` } : { name: a.name, formula: `=${text}`, sheet: ref.sheet, address: ref.address });
        break;
      }
    }
  });
  return { sheets, names, calculationMode, date1904 };
}

async function readSharedStrings(pkg: Package, entry: ZipEntry | undefined): Promise<string[]> {
  const maxStrings = pkg.limits.maxCells;
  const strings: string[] = [];
  if (entry === undefined) return strings;
  await scan(pkg, entry, /<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g, /<si\b/g, (m) => {
    // Every shared string is some cell's text, so there are never more of them than cells.
    if (strings.length >= maxStrings) throw tooMany(entry, maxStrings, "shared strings (the cell limit)", "cells");
    strings.push(m[1] === undefined ? "" : stringItemText(m[1], entry.name));
  });
  return strings;
}

/** The number format code of each cell style (`s="3"` is `formats[3]`). */
async function readStyles(pkg: Package, entry: ZipEntry | undefined): Promise<string[]> {
  if (entry === undefined) return [];
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  let inCellXfs = false;
  await scan(pkg, entry, /<(\/?)(cellXfs|numFmt|xf)\b([^>]*?)(\/?)>/g, /<\/?(?:cellXfs|numFmt|xf)\b/g, (m) => {
    if (m[2] === "cellXfs") inCellXfs = m[1] === "" && m[4] === "";
    else if (m[1] === "/") return;
    else if (m[2] === "numFmt") {
      const a = attributesOf(m[3], entry.name);
      if (a.numFmtId !== undefined && a.formatCode !== undefined) custom.set(Number(a.numFmtId), a.formatCode);
    } else if (inCellXfs) {
      if (xfIds.length >= MAX_LISTED.styles) throw tooMany(entry, MAX_LISTED.styles, "cell formats");
      xfIds.push(Number(rawAttribute(m[3], "numFmtId") ?? "0"));
    }
  });
  return xfIds.map((id) => custom.get(id) ?? BUILTIN_FORMATS[id] ?? "General");
}

interface TableXml {
  readonly name: string;
  readonly ref: string;
  readonly headerRow: boolean;
  readonly totalsRow: boolean;
  readonly columns: string[];
}

async function readTable(pkg: Package, entry: ZipEntry): Promise<TableXml | undefined> {
  let table: Record<string, string> | undefined;
  const columns: string[] = [];
  await scan(pkg, entry, /<(table|tableColumn)\b([^>]*?)\/?>/g, /<(?:table|tableColumn)\b/g, (m) => {
    const a = attributesOf(m[2], entry.name);
    if (m[1] === "table") table ??= a;
    else if (columns.length >= MAX_LISTED.tableColumns) throw tooMany(entry, MAX_LISTED.tableColumns, "table columns");
    else columns.push(decodeXstring(a.name ?? ""));
  });
  const name = table?.displayName ?? table?.name;
  if (table === undefined || name === undefined || table.ref === undefined) return undefined;
  // Excel omits headerRowCount when the header row shows (its default is 1).
  return { name, ref: table.ref, headerRow: table.headerRowCount !== "0", totalsRow: Number(table.totalsRowCount ?? "0") > 0, columns };
}

interface SheetContext {
  readonly pkg: Package;
  readonly entry: ZipEntry;
  readonly strings: readonly string[];
  readonly styles: readonly string[];
  readonly date1904: boolean;
  readonly builder: SheetBuilder;
}

/** `CELL`'s groups: 1 a row's attributes, 2 a cell's attributes, 3 a cell's content; `</sheetData>` ends the scan. */
const SHEET_ITEMS = /<row\b([^>]*?)\/?>|<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)|<\/sheetData>/g;
/** Where an item of `SHEET_ITEMS` begins. */
const SHEET_STARTS = /<(?:row|c)\b|<\/sheetData/g;

/** The `r`, `s` and `t` attributes of a cell's start tag, read without a regular expression (the hot path: every cell). */
function cellAttributes(tag: string, out: { r?: string; s?: string; t?: string }): void {
  out.r = undefined;
  out.s = undefined;
  out.t = undefined;
  let i = 0;
  const n = tag.length;
  while (i < n) {
    while (i < n && tag.charCodeAt(i) <= 32) i++;
    const eq = tag.indexOf("=", i);
    if (eq < 0) return;
    const name = tag.slice(i, eq).trim();
    let q = eq + 1;
    while (q < n && tag.charCodeAt(q) <= 32) q++;
    const quote = tag[q];
    if (quote !== '"' && quote !== "'") return;
    const end = tag.indexOf(quote, q + 1);
    if (end < 0) return;
    if (name === "r" || name === "s" || name === "t") out[name] = tag.slice(q + 1, end);
    i = end + 1;
  }
}

/** "B12" into zero-based row and column; false when it is not an A1 reference. */
function parseA1(ref: string, out: { row: number; col: number }): boolean {
  let i = 0;
  let col = 0;
  while (i < ref.length && i < 3) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
    i++;
  }
  if (i === 0 || i === ref.length || ref.length - i > 7) return false;
  let row = 0;
  for (let j = i; j < ref.length; j++) {
    const c = ref.charCodeAt(j);
    if (c < 48 || c > 57) return false;
    row = row * 10 + (c - 48);
  }
  out.col = col - 1;
  out.row = row - 1;
  return true;
}

async function readSheet(context: SheetContext): Promise<SheetSnapshot> {
  const attrs: { r?: string; s?: string; t?: string } = {};
  const place = { row: 0, col: 0 };
  const { entry, strings, styles, builder } = context;
  const part = entry.name;
  let row = -1;
  let col = -1;
  const sharedFormulas = new Map<string, string>();
  const damaged = (what: string): WorkbookReadError => new WorkbookReadError(`The part ${partName(part)} is damaged: ${what}.`);
  await scan(context.pkg, entry, SHEET_ITEMS, SHEET_STARTS, (m) => {
    if (m[0] === "</sheetData>") return true;
    if (m[1] !== undefined) {
      const r = rawAttribute(m[1], "r");
      row = r === undefined ? row + 1 : Number(r) - 1;
      if (!Number.isInteger(row) || row < 0 || row >= GRID_ROWS) throw damaged(`a row number ${JSON.stringify(r ?? "")} is outside Excel's 1 to ${GRID_ROWS.toLocaleString("en-US")}`);
      col = -1;
      return;
    }
    cellAttributes(m[2], attrs);
    const ref = attrs.r;
    if (ref !== undefined) {
      if (!parseA1(ref, place)) throw damaged(`the cell reference ${JSON.stringify(ref.slice(0, 20))} is not an A1 reference`);
      col = place.col;
      row = place.row;
    } else {
      col++;
      if (row < 0) row = 0;
    }
    const cell = (): string => `${ref ?? `row ${row + 1}, column ${col + 1}`}`;
    if (col >= GRID_COLUMNS || row < 0 || row >= GRID_ROWS) throw damaged(`the cell ${cell()} lies outside Excel's grid (A1:XFD1048576)`);
    const s = attrs.s;
    const format = s === undefined ? "General" : (styles[Number(s)] ?? "General");
    const t = attrs.t ?? "n";
    const inner = m[3] ?? "";
    let formula: string | null = null;
    let shared = false;
    let v: string | undefined;
    if (inner !== "") {
      const fm = inner.includes("<f") ? /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(inner) : null;
      if (fm !== null) {
        const fa = fm[1];
        const text = fm[2] === undefined ? "" : decodeXml(fm[2], part);
        const kind = rawAttribute(fa, "t");
        const si = rawAttribute(fa, "si");
        if (kind === "shared" && si !== undefined) {
          if (text !== "") sharedFormulas.set(si, text);
          else shared = true;
          formula = `=${formulaAsWritten(sharedFormulas.get(si) ?? text)}`;
        } else {
          formula = `=${formulaAsWritten(text)}`;
        }
      }
      const vm = inner.includes("<v") ? /<v\b[^>]*?(?:\/>|>([\s\S]*?)<\/v>)/.exec(inner) : null;
      if (vm !== null) v = vm[1] ?? "";
    }
    let value: CellValue = null;
    switch (t) {
      case "n":
        if (v !== undefined && v !== "") {
          if (!NUMBER.test(v)) throw damaged(`the cell ${cell()} holds ${JSON.stringify(v.slice(0, 40))} where a number belongs (Excel writes only decimal numbers there)`);
          let n = Number(v);
          if (!Number.isFinite(n)) throw damaged(`the cell ${cell()} holds the number ${v.slice(0, 40)}, beyond the range of Excel's numbers`);
          if (context.date1904 && format !== "General" && isDateFormat(format)) n += DATE1904_OFFSET;
          value = n;
        }
        break;
      case "s": {
        if (v === undefined || v === "") break;
        const index = Number(v);
        const text = Number.isInteger(index) ? strings[index] : undefined;
        if (text === undefined) throw damaged(`the cell ${cell()} refers to shared string ${JSON.stringify(v.slice(0, 20))}, which the workbook does not have`);
        value = text;
        break;
      }
      case "str":
        value = v === undefined ? null : decodeXstring(decodeXml(v, part));
        break;
      case "inlineStr": {
        const is = /<is\b[^>]*?(?:\/>|>([\s\S]*?)<\/is>)/.exec(inner);
        value = is === null ? (v === undefined ? null : decodeXstring(decodeXml(v, part))) : stringItemText(is[1] ?? "", part);
        break;
      }
      case "b":
        if (v === undefined || v === "") break;
        if (v !== "0" && v !== "1") throw damaged(`the cell ${cell()} holds ${JSON.stringify(v.slice(0, 20))} where TRUE (1) or FALSE (0) belongs`);
        value = v === "1";
        break;
      case "e":
        value = v === undefined || v === "" ? null : { error: decodeXml(v, part) };
        break;
      case "d": {
        if (v === undefined || v === "") break;
        const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`);
        if (Number.isNaN(ms)) throw damaged(`the cell ${cell()} holds ${JSON.stringify(v.slice(0, 40))} where an ISO 8601 date belongs`);
        value = serialFromDate(new Date(ms));
        break;
      }
      default:
        throw damaged(`the cell ${cell()} has the type ${JSON.stringify(t.slice(0, 20))}, which is not an Excel cell type`);
    }
    try {
      builder.set(row, col, { value, formula, numberFormat: format, shared });
    } catch (e) {
      if (e instanceof CellLimitError) {
        throw new LimitError(`The workbook holds more than ${e.limit.toLocaleString("en-US")} cells (the limit), reached in the part ${partName(part)}; it was not read further.`, "cells");
      }
      throw e;
    }
  });
  return builder.build();
}

function entryMap(entries: readonly ZipEntry[]): Map<string, ZipEntry> {
  const map = new Map<string, ZipEntry>();
  for (const e of entries) map.set(e.name, e);
  return map;
}

/**
 * Reads an .xlsx file into a `WorkbookSnapshot`: every sheet's cells, sparse (values, formulas with
 * their cached results, number formats; dates as 1900-system serials), the workbook-scoped defined
 * names, the tables and the calculation mode. Bounded: the file, each part and all parts together
 * have caps (`ReadLimits`, defaults `DEFAULT_LIMITS`), and so does the number of cells; reading
 * stops as soon as one is passed.
 *
 * @param data - the file's bytes
 * @param options - caps to raise, and a progress callback
 * @throws WorkbookReadError (one sentence, for the user) when the file is not an .xlsx, is encrypted
 *   (password-protected), is damaged (naming the part), or passes a cap (a `LimitError`, naming the
 *   part and the limit)
 * @example const snapshot = await snapshotFromXlsx(await file.arrayBuffer()); validate(snapshot)
 */
export async function snapshotFromXlsx(data: ArrayBuffer | Uint8Array, options: ReadOptions = {}): Promise<WorkbookSnapshot> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const limits: ReadLimits = { ...DEFAULT_LIMITS, ...options.limits };
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
  if (bytes.length > limits.maxFileBytes) throw new LimitError(`The file is ${describeBytes(bytes.length)}, more than the limit of ${describeBytes(limits.maxFileBytes)} for a workbook; it was not read.`, "file");
  const entries = entryMap(zipEntries(bytes, limits.maxEntries));
  // Progress counts the compressed bytes of the parts read, against those of the package.
  const totalCompressed = [...entries.values()].reduce((n, e) => n + e.compressedSize, 0) || 1;
  let doneCompressed = 0;
  let lastReported = -1;
  const report = (fraction: number): void => {
    const rounded = Math.floor(fraction * 100);
    if (rounded !== lastReported) {
      lastReported = rounded;
      options.onProgress?.(Math.min(1, fraction));
    }
  };
  const pkg: Package = {
    data: bytes,
    entries,
    budget: inflateBudget(limits, options.inflate, options.crc32),
    limits,
    progress: (entry, inflated) => report((doneCompressed + (entry.uncompressedSize > 0 ? Math.min(1, inflated / entry.uncompressedSize) : 1) * entry.compressedSize) / totalCompressed),
    done: (entry) => {
      doneCompressed += entry.compressedSize;
      report(doneCompressed / totalCompressed);
    },
  };
  const root = await readRelationships(pkg, "");
  const office = [...root.values()].find((r) => r.type.endsWith("/officeDocument"))?.target ?? "xl/workbook.xml";
  const workbookEntry = entries.get(office) ?? entries.get("xl/workbook.xml");
  if (workbookEntry === undefined) throw new WorkbookReadError("The file is a ZIP archive but not an Excel workbook (it has no xl/workbook.xml).");
  const workbook = await readWorkbookXml(pkg, workbookEntry);
  const rels = await readRelationships(pkg, workbookEntry.name);
  const relOfType = (type: string): string | undefined => [...rels.values()].find((r) => r.type.endsWith(type))?.target;
  const strings = await readSharedStrings(pkg, entries.get(relOfType("/sharedStrings") ?? "xl/sharedStrings.xml"));
  const styles = await readStyles(pkg, entries.get(relOfType("/styles") ?? "xl/styles.xml"));
  const sheets: SheetSnapshot[] = [];
  const tables: TableSnapshot[] = [];
  let cells = 0;
  for (const { name, rid } of workbook.sheets) {
    const rel = rels.get(rid);
    // Chart sheets and dialog sheets hold no cells.
    if (rel === undefined || !rel.type.endsWith("/worksheet")) continue;
    const entry = entries.get(rel.target);
    if (entry === undefined) throw new WorkbookReadError(`The workbook lists the sheet ${partName(name)}, but its part ${partName(rel.target)} is missing; the file is damaged.`);
    const builder = new SheetBuilder(name, limits.maxCells - cells);
    const sheet = await readSheet({ pkg, entry, strings, styles, date1904: workbook.date1904, builder });
    cells += sheet.cells.count;
    sheets.push(sheet);
    for (const r of (await readRelationships(pkg, entry.name)).values()) {
      if (!r.type.endsWith("/table")) continue;
      const tableEntry = entries.get(r.target);
      if (tableEntry === undefined) continue;
      const t = await readTable(pkg, tableEntry);
      if (t === undefined || parseRange(t.ref) === undefined) continue;
      tables.push({ name: t.name, sheet: name, address: t.ref, showHeaders: t.headerRow, showTotals: t.totalsRow, columns: t.columns });
    }
  }
  report(1);
  return { sheets, names: workbook.names, tables, calculationMode: workbook.calculationMode };
}

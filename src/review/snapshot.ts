/**
 * A plain, Office-free picture of a workbook: what the layout checks (issue: task pane) read.
 *
 * Two adapters build it: one from Excel (`Excel.run`, src/workbook/excelSnapshot.ts) and one from
 * an .xlsx file (src/workbook/xlsxSnapshot.ts). Tests build it in code. Each sheet keeps only the
 * cells that exist, sparsely, in typed arrays (`SheetCells`): never a dense used range, so a far
 * cell (XFD1048576) costs one cell and a 1,000,000-row table a few arrays, not millions of objects.
 */

/** An error value in a cell, as its Excel text: "#REF!", "#NAME?", "#DIV/0!" … */
export interface CellError {
  readonly error: string;
}

export type CellValue = number | string | boolean | null | CellError;

/** Excel's grid: 1,048,576 rows by 16,384 columns. */
export const GRID_ROWS = 1048576;
export const GRID_COLUMNS = 16384;

/** What a stored cell holds (`SheetCells.kinds`). */
export const CellKind = { Blank: 0, Number: 1, Text: 2, True: 3, False: 4, Error: 5 } as const;

/**
 * The cells of a sheet, stored sparsely: only cells that exist (hold a value, a formula or a
 * number format), in row-major order, as parallel typed arrays. A value at XFD1048576 costs one
 * cell, not a 17-billion-cell used range; 1,000,000 rows of three numbers cost about 60 MB.
 * Plain data (typed arrays and maps), so it crosses a Web Worker's `postMessage` intact.
 */
export interface SheetCells {
  /** How many cells are stored; the arrays may be longer. */
  readonly count: number;
  /** `row * GRID_COLUMNS + col` of each cell, strictly ascending. */
  readonly keys: Float64Array;
  /** `CellKind` of each cell. */
  readonly kinds: Uint8Array;
  /** The number of each Number cell (0 elsewhere); dates are serial numbers. */
  readonly numbers: Float64Array;
  /** The text of each Text cell and the error text ("#REF!") of each Error cell, by cell index. */
  readonly texts: ReadonlyMap<number, string>;
  /** Formula text ("=KAISER.THRESHOLD(B2,B3)") by cell index, where the cell holds a formula. */
  readonly formulas: ReadonlyMap<number, string>;
  /**
   * Cells whose formula is a copy of another cell's (an .xlsx shared formula: one formula filled
   * over a range). They hold the same formula text; the checks report such a formula once.
   */
  readonly sharedFormulas: ReadonlySet<number>;
  /** Index into `formats` of each cell's number format. */
  readonly formatIds: Uint16Array;
  /** Number format codes; `formats[0]` is "General". */
  readonly formats: readonly string[];
}

export interface SheetSnapshot {
  readonly name: string;
  /** Zero-based row and column of the top-left corner of the cells held (A1 is 0, 0). */
  readonly origin: { readonly row: number; readonly col: number };
  /** Zero-based row and column of the bottom-right corner of the cells held (-1, -1 when none). */
  readonly end: { readonly row: number; readonly col: number };
  /** The cells, sparse. Read them through `cellAt`, `valueAt`, `eachCell` (src/review/locate.ts). */
  readonly cells: SheetCells;
}

/** What one cell holds, for `SheetBuilder.set` and `eachCell`. */
export interface CellContent {
  readonly value: CellValue;
  readonly formula: string | null;
  readonly numberFormat: string;
  /** True for a cell whose formula is a copy of another's (a shared formula's follower). */
  readonly shared?: boolean;
}

/** More cells than the bound allows: the reader stops at once and says so. */
export class CellLimitError extends Error {
  constructor(
    readonly limit: number,
    readonly sheet: string,
  ) {
    super(`more than ${limit.toLocaleString("en-US")} cells`);
    this.name = "CellLimitError";
  }
}

const INITIAL_CAPACITY = 64;

/**
 * Builds a `SheetSnapshot` cell by cell, in any order (a later cell at the same place wins). The
 * arrays grow by half again as cells arrive, up to `maxCells`; past it, `CellLimitError`.
 */
export class SheetBuilder {
  private keys = new Float64Array(INITIAL_CAPACITY);
  private kinds = new Uint8Array(INITIAL_CAPACITY);
  private numbers = new Float64Array(INITIAL_CAPACITY);
  private formatIds = new Uint16Array(INITIAL_CAPACITY);
  private readonly texts = new Map<number, string>();
  private readonly formulas = new Map<number, string>();
  private readonly shared = new Set<number>();
  private readonly formats: string[] = ["General"];
  private readonly formatIndex = new Map<string, number>([["General", 0]]);
  private n = 0;
  private sorted = true;

  constructor(
    readonly name: string,
    private readonly maxCells: number = Number.MAX_SAFE_INTEGER,
  ) {}

  get count(): number {
    return this.n;
  }

  /** Stores a cell; a blank cell with no formula and the General format is not stored. */
  set(row: number, col: number, cell: CellContent): void {
    const { value, formula, numberFormat } = cell;
    if (value === null && formula === null && numberFormat === "General") return;
    if (this.n >= this.maxCells) throw new CellLimitError(this.maxCells, this.name);
    if (this.n === this.keys.length) this.grow();
    const i = this.n++;
    const key = row * GRID_COLUMNS + col;
    if (i > 0 && key <= this.keys[i - 1]) this.sorted = false;
    this.keys[i] = key;
    if (value === null) this.kinds[i] = CellKind.Blank;
    else if (typeof value === "number") {
      this.kinds[i] = CellKind.Number;
      this.numbers[i] = value;
    } else if (typeof value === "string") {
      this.kinds[i] = CellKind.Text;
      this.texts.set(i, value);
    } else if (typeof value === "boolean") this.kinds[i] = value ? CellKind.True : CellKind.False;
    else {
      this.kinds[i] = CellKind.Error;
      this.texts.set(i, value.error);
    }
    if (formula !== null) this.formulas.set(i, formula);
    if (cell.shared === true) this.shared.add(i);
    this.formatIds[i] = numberFormat === "General" ? 0 : this.formatId(numberFormat);
  }

  private formatId(format: string): number {
    let id = this.formatIndex.get(format);
    if (id === undefined) {
      // Excel keeps about 250 custom formats per workbook; past 65,535 distinct codes, show General.
      if (this.formats.length > 0xffff) return 0;
      id = this.formats.length;
      this.formats.push(format);
      this.formatIndex.set(format, id);
    }
    return id;
  }

  private grow(): void {
    const capacity = Math.min(this.maxCells, Math.max(INITIAL_CAPACITY, Math.ceil(this.keys.length * 1.5)));
    const resize = <T extends Float64Array | Uint8Array | Uint16Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    this.keys = resize(this.keys, (n) => new Float64Array(n));
    this.kinds = resize(this.kinds, (n) => new Uint8Array(n));
    this.numbers = resize(this.numbers, (n) => new Float64Array(n));
    this.formatIds = resize(this.formatIds, (n) => new Uint16Array(n));
  }

  /** The sheet; the builder is not used after this. */
  build(): SheetSnapshot {
    if (!this.sorted) this.sortCells();
    const n = this.n;
    const cells: SheetCells = {
      count: n,
      keys: this.keys.slice(0, n),
      kinds: this.kinds.slice(0, n),
      numbers: this.numbers.slice(0, n),
      texts: this.texts,
      formulas: this.formulas,
      sharedFormulas: this.shared,
      formatIds: this.formatIds.slice(0, n),
      formats: this.formats,
    };
    if (n === 0) return { name: this.name, origin: { row: 0, col: 0 }, end: { row: -1, col: -1 }, cells };
    let minCol = GRID_COLUMNS;
    let maxCol = -1;
    for (let i = 0; i < n; i++) {
      const col = this.keys[i] % GRID_COLUMNS;
      if (col < minCol) minCol = col;
      if (col > maxCol) maxCol = col;
    }
    return {
      name: this.name,
      origin: { row: Math.floor(this.keys[0] / GRID_COLUMNS), col: minCol },
      end: { row: Math.floor(this.keys[n - 1] / GRID_COLUMNS), col: maxCol },
      cells,
    };
  }

  /** Row-major order; of two cells at one place the later one stays. */
  private sortCells(): void {
    const n = this.n;
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => this.keys[a] - this.keys[b] || b - a);
    const keep: number[] = [];
    for (const i of order) if (keep.length === 0 || this.keys[keep[keep.length - 1]] !== this.keys[i]) keep.push(i);
    const keys = new Float64Array(keep.length);
    const kinds = new Uint8Array(keep.length);
    const numbers = new Float64Array(keep.length);
    const formatIds = new Uint16Array(keep.length);
    const texts = new Map<number, string>();
    const formulas = new Map<number, string>();
    const shared = new Set<number>();
    keep.forEach((from, to) => {
      keys[to] = this.keys[from];
      kinds[to] = this.kinds[from];
      numbers[to] = this.numbers[from];
      formatIds[to] = this.formatIds[from];
      const t = this.texts.get(from);
      if (t !== undefined) texts.set(to, t);
      const f = this.formulas.get(from);
      if (f !== undefined) formulas.set(to, f);
      if (this.shared.has(from)) shared.add(to);
    });
    this.keys = keys;
    this.kinds = kinds;
    this.numbers = numbers;
    this.formatIds = formatIds;
    this.texts.clear();
    for (const [k, v] of texts) this.texts.set(k, v);
    this.formulas.clear();
    for (const [k, v] of formulas) this.formulas.set(k, v);
    this.shared.clear();
    for (const k of shared) this.shared.add(k);
    this.n = keep.length;
    this.sorted = true;
  }
}

/**
 * A sheet from rectangular arrays (as Excel's range reads give them, or a test writes them):
 * `values[i][j]` is the cell at `origin.row + i`, `origin.col + j`.
 */
export function sheetFromGrid(
  name: string,
  origin: { readonly row: number; readonly col: number },
  values: readonly (readonly CellValue[])[],
  formulas: readonly (readonly (string | null)[])[] = [],
  numberFormats: readonly (readonly string[])[] = [],
): SheetSnapshot {
  const builder = new SheetBuilder(name);
  values.forEach((row, i) =>
    row.forEach((value, j) => builder.set(origin.row + i, origin.col + j, { value: value ?? null, formula: formulas[i]?.[j] ?? null, numberFormat: numberFormats[i]?.[j] ?? "General" })),
  );
  return builder.build();
}

/** The sheet with some cells changed (a copy; the original is unchanged). */
export function withCells(sheet: SheetSnapshot, changes: readonly { readonly row: number; readonly col: number; readonly cell: CellContent }[]): SheetSnapshot {
  const builder = new SheetBuilder(sheet.name);
  const c = sheet.cells;
  // A cell changed to blank is removed, so the old cells at the changed places are not copied.
  const changed = new Set(changes.map((ch) => ch.row * GRID_COLUMNS + ch.col));
  for (let i = 0; i < c.count; i++) {
    const key = c.keys[i];
    if (!changed.has(key)) builder.set(Math.floor(key / GRID_COLUMNS), key % GRID_COLUMNS, contentOf(c, i));
  }
  for (const change of changes) builder.set(change.row, change.col, change.cell);
  return builder.build();
}

/** The value of the cell at index `i` of `cells`. */
export function valueOfIndex(cells: SheetCells, i: number): CellValue {
  switch (cells.kinds[i]) {
    case CellKind.Number:
      return cells.numbers[i];
    case CellKind.Text:
      return cells.texts.get(i) ?? "";
    case CellKind.True:
      return true;
    case CellKind.False:
      return false;
    case CellKind.Error:
      return { error: cells.texts.get(i) ?? "#VALUE!" };
    default:
      return null;
  }
}

function contentOf(cells: SheetCells, i: number): CellContent {
  const shared = cells.sharedFormulas.has(i);
  return { value: valueOfIndex(cells, i), formula: cells.formulas.get(i) ?? null, numberFormat: cells.formats[cells.formatIds[i]] ?? "General", ...(shared ? { shared } : {}) };
}

let lastCells: SheetCells | undefined;
let lastIndex = -1;

/** Index of the cell at zero-based `row`, `col` in `cells`, or -1 when no cell is stored there. Sequential reads are O(1). */
export function cellIndex(cells: SheetCells, row: number, col: number): number {
  if (row < 0 || col < 0 || col >= GRID_COLUMNS) return -1;
  const key = row * GRID_COLUMNS + col;
  const keys = cells.keys;
  if (lastCells === cells) {
    // Reads walk a table row by row: the next cell is usually the one after the last.
    for (let i = lastIndex; i <= lastIndex + 2 && i < cells.count; i++) {
      if (i >= 0 && keys[i] === key) {
        lastIndex = i;
        return i;
      }
    }
  }
  let lo = 0;
  let hi = cells.count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid];
    if (k < key) lo = mid + 1;
    else if (k > key) hi = mid - 1;
    else {
      lastCells = cells;
      lastIndex = mid;
      return mid;
    }
  }
  return -1;
}

/**
 * Calls `visit` for every stored cell of the sheet in row-major order, with its absolute
 * zero-based row and column.
 */
export function eachCell(sheet: SheetSnapshot, visit: (row: number, col: number, cell: CellContent) => void): void {
  const c = sheet.cells;
  for (let i = 0; i < c.count; i++) {
    const key = c.keys[i];
    visit(Math.floor(key / GRID_COLUMNS), key % GRID_COLUMNS, contentOf(c, i));
  }
}

/** Rows that hold at least one cell. */
export function rowCount(sheet: SheetSnapshot): number {
  const c = sheet.cells;
  let rows = 0;
  let last = -1;
  for (let i = 0; i < c.count; i++) {
    const row = Math.floor(c.keys[i] / GRID_COLUMNS);
    if (row !== last) rows++;
    last = row;
  }
  return rows;
}

export interface NameSnapshot {
  /** Workbook-scoped name, as written ("EligibleInventory"). */
  readonly name: string;
  /** What the name refers to, as Excel shows it ("=Inputs!$B$3", "=#REF!", "=0.65"). */
  readonly formula: string;
  /** Sheet and A1 range ("B3" or "B3:C4") when the name refers to a range; absent for #REF! or a constant. */
  readonly sheet?: string;
  readonly address?: string;
}

export interface TableSnapshot {
  readonly name: string;
  readonly sheet: string;
  /** The whole table including its header row, e.g. "A1:C366". */
  readonly address: string;
  readonly showHeaders: boolean;
  /** True when the table's last row is a totals row (not data). */
  readonly showTotals?: boolean;
  /** Column names as the table defines them, in order; they stand in for the header row when it is hidden. */
  readonly columns?: readonly string[];
}

export type CalculationMode = "automatic" | "automaticExceptTables" | "manual" | "unknown";

export interface WorkbookSnapshot {
  readonly sheets: readonly SheetSnapshot[];
  readonly names: readonly NameSnapshot[];
  readonly tables: readonly TableSnapshot[];
  readonly calculationMode: CalculationMode;
}

export interface CellRef {
  readonly row: number;
  readonly col: number;
}

export interface RangeRef {
  readonly start: CellRef;
  readonly end: CellRef;
}

/** Column letters for a zero-based column index (0 → "A", 26 → "AA"). */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "B3" for zero-based row 2, column 1. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** Parses "B3", "$B$3", "B3:C4" into zero-based coordinates; undefined when not an A1 reference. */
export function parseRange(address: string): RangeRef | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(address.trim());
  if (!m) return undefined;
  const start = { row: Number(m[2]) - 1, col: lettersToColumn(m[1]) };
  const end = m[3] ? { row: Number(m[4]) - 1, col: lettersToColumn(m[3]) } : start;
  return { start, end };
}

function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "'Amendment Model'!B3" — the sheet quoted when it needs quotes, as Excel writes it. */
export function qualified(sheet: string, address: string): string {
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${address}`;
}

/** Sheet name and A1 range of a reference such as `'Amendment Model'!$B$5` or `Inputs!A1:C3` ($ signs dropped); undefined when it is not one. */
export function splitReference(text: string): { sheet: string; address: string } | undefined {
  const m = /^=?(?:'((?:[^']|'')+)'|([^'!,:=]+))!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)$/.exec(text.trim());
  if (!m) return undefined;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], address: m[3].replace(/\$/g, "") };
}

/** The cell of a sheet at absolute zero-based coordinates, or blank where no cell is stored. */
export function cellAt(sheet: SheetSnapshot, row: number, col: number): { value: CellValue; formula: string | null; numberFormat: string } {
  const c = sheet.cells;
  const i = cellIndex(c, row, col);
  if (i < 0) return { value: null, formula: null, numberFormat: "General" };
  return { value: valueOfIndex(c, i), formula: c.formulas.get(i) ?? null, numberFormat: c.formats[c.formatIds[i]] ?? "General" };
}

export function isCellError(value: CellValue): value is CellError {
  return typeof value === "object" && value !== null && "error" in value;
}

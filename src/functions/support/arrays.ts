/**
 * Single values and ranges (CONVENTIONS.md, "Single values and ranges").
 *
 * `elementwise` runs one engine computation per element, like Excel's own arithmetic on arrays:
 * every range argument has the same shape or is a single cell; the result has that shape and
 * spills; a bad element gives an error in its own cell and leaves the others computed.
 * `series` reads a single column or row in order, for functions over a time series.
 * `guard` turns anything thrown into one Excel error, so no function throws out to Excel, and
 * checks that the result is one Excel can receive (`fitForExcel`).
 *
 * Whole-column references (CONVENTIONS.md; ERRATA, item 3): an element-wise result ends at the last
 * row (and column) where any range argument holds a value, as Excel's trim references `A:.A` do; a
 * position inside where every range argument is blank gives empty text without computing. Series
 * drop their trailing blank cells.
 */
import { Dec } from "../../engine/decimal";
import { EngineError, Messages, valueError } from "../../engine/errors";
import { fixedPoint, POW10 } from "../../engine/exactFast";
import { termInt } from "../../engine/terms";
import { excelError, ExcelErrorCode, ExcelErrorLike, isExcelError, toExcelError } from "./excelError";
import { basic, Cell, isBlank, Param, parseCell } from "./params";

/** What a function hands back to a cell. */
export type Out = number | string | boolean | ExcelErrorLike;
export type Matrix = Out[][];

/** A scalar or a 2-D range as the runtime passes it, normalised to a matrix (an omitted argument is one blank cell). */
export function asMatrix(arg: unknown): Cell[][] {
  if (Array.isArray(arg)) {
    if (arg.length === 0) return [[null]];
    // The runtime passes rows as arrays: a whole column is used as it is, not copied.
    for (let r = 0; r < arg.length; r++) {
      if (!Array.isArray(arg[r])) return arg.map((row: unknown) => (Array.isArray(row) ? row : [row]));
    }
    return arg as Cell[][];
  }
  return [[arg]];
}

/** `isBlank(basic(cell))`, with the common cases (a number, null) decided without a call: run once per cell of a whole column. */
function blankCell(cell: Cell): boolean {
  if (cell === null || cell === undefined || cell === "") return true;
  if (typeof cell !== "object") return false;
  return isBlank(basic(cell));
}

/** Converts an engine result to a cell value: decimals to numbers at the very end, never NaN, Infinity or −0. */
export function toOut(value: Dec | number | string | boolean | ExcelErrorLike): Out {
  if (typeof value === "number") {
    if (value === 0) return 0;
    return Number.isFinite(value) ? value : toExcelError(new EngineError("num", "the result is not a finite number"));
  }
  if (typeof value === "string" || typeof value === "boolean") return value;
  // A decimal beyond the double range converts to ±Infinity: checked like any other number.
  if (value instanceof Dec) return toOut(value.toNumber());
  return value;
}

type Parsed<P> = { [K in keyof P]: P[K] extends Param<infer T> ? T : never };

/**
 * An exact fast path beside `compute` (src/functions/support/fast.ts), for one element: given its
 * column `c` and each argument's row at the element's row, in parameter order (a single-cell
 * argument's row holds that cell in every column), the element's result from the raw cells
 * `row[c]`, or undefined for the element to be parsed and computed the ordinary way. It answers only
 * what the ordinary way would.
 *
 * Why rows and a column, and one module-level function per custom function: `elementwise` serves
 * every element-wise function, so whatever it calls per element sees all of them (a megamorphic
 * call, which V8 does not inline). A fast path written as one plain function is one such call per
 * element; inside it, the cell reads (`row[c]`) and its calls to the engine's fast functions see
 * only that function's arguments, so V8 compiles them for those (numbers read unboxed, the engine
 * inlined). Written as a closure made per call that read each cell through a shared helper, the
 * same fast path ran about four times slower in a process that also runs other functions
 * (bench/borrowingBase.bench.ts; README, "Speed").
 */
export type FastPath = (c: number, ...rows: (readonly Cell[])[]) => number | boolean | undefined;
/** The row of an argument a function does not have. */
const EMPTY_ROW: readonly Cell[] = [];

/** The most arguments a fast path takes (BORROWINGBASE's five): `elementwise` passes that many rows. */
const FAST_PATH_ARITY = 5;

/**
 * Runs `compute` element by element over the arguments (trying `fast` first, where given).
 *
 * @example elementwise([inventory], [amount("eligibleInventory")], (x) => inventoryComponent(x).amount)
 */
export function elementwise<P extends readonly Param<unknown>[]>(
  args: readonly unknown[],
  params: P,
  compute: (...values: Parsed<P>) => Dec | number | string | boolean,
  fast?: FastPath,
): Matrix {
  return elementwiseOf(args, params, compute, fast);
}

/**
 * `elementwise`. With `rowWidth` (the index matrix of `elementwiseRows`, each element a row of that
 * many results) the early answer for a result too large counts that width, and the matrix is not
 * sized: the rows it indexes are sized once expanded.
 */
function elementwiseOf<P extends readonly Param<unknown>[]>(
  args: readonly unknown[],
  params: P,
  compute: (...values: Parsed<P>) => Dec | number | string | boolean,
  fast: FastPath | undefined,
  rowWidth?: number,
): Matrix {
  if (fast !== undefined && params.length > FAST_PATH_ARITY) throw new Error(`a fast path takes at most ${FAST_PATH_ARITY} arguments`);
  // The index matrix of `elementwiseRows` is not what Excel receives: its rows are sized there, once expanded.
  return (rowWidth === undefined ? guard : caught)(() => {
    const matrices = params.map((_, i) => asMatrix(args[i]));
    let rows = 1;
    let cols = 1;
    for (const m of matrices) {
      const r = m.length;
      const c = m[0].length;
      if (r === 1 && c === 1) continue;
      if (rows === 1 && cols === 1) {
        rows = r;
        cols = c;
      } else if (r !== rows || c !== cols) {
        throw valueError(Messages.shape(params.map((p) => p.name).join(", ")));
      }
    }
    // Single cells are parsed once; their error (if any) fills every element.
    const single: ({ ok: true; value: unknown } | { ok: false; error: ExcelErrorLike } | undefined)[] = matrices.map((m, i) => {
      if (m.length !== 1 || m[0].length !== 1) return undefined;
      try {
        return { ok: true, value: parseCell(params[i], m[0][0]) };
      } catch (e) {
        return { ok: false, error: toExcelError(e) };
      }
    });
    const computeOne = (r: number, c: number): Out => {
      try {
        const values = matrices.map((m, i) => {
          const s = single[i];
          if (s === undefined) return parseCell(params[i], m[r][c]);
          if (!s.ok) throw s.error;
          return s.value;
        });
        return toOut(compute(...(values as Parsed<P>)));
      } catch (e) {
        return toExcelError(e);
      }
    };
    const ranges = matrices.filter((_, i) => single[i] === undefined);
    if (ranges.length === 0) return [[computeOne(0, 0)]];
    // The used part of the ranges: trailing rows and columns blank in every range argument are dropped.
    const used = usedExtent(ranges, rows, cols);
    if (used.rows === 0) return [[""]];
    // A result that cannot reach Excel whatever its cells hold (a whole column of 1,048,576 rows:
    // every cell takes at least two characters) is answered at once, with the #VALUE! that
    // `fitForExcel` would give it after computing and sizing a million cells (about a second).
    // (For `elementwiseRows`, only a single column of elements makes rows of a spill; any other shape is its own error there.)
    const spillCols = rowWidth === undefined ? used.cols : used.cols === 1 ? rowWidth : 0;
    const tooLarge = spillCols > 0 ? tooLargeAtOnce(used.rows, spillCols) : undefined;
    if (tooLarge !== undefined) return tooLarge;
    return elements(matrices, single.map((s) => s === undefined), used, fast, computeOne);
  });
}

/**
 * The element loop of `elementwise`: a position blank in every range is empty text; otherwise the
 * fast path where it answers, else `computeOne` (parse and compute with decimals, or the element's
 * error). A plain function with its body written out, not closures made per call: V8 compiles a
 * closure made per call again for each call, and this loop runs once per element of every spill.
 */
function elements(
  matrices: readonly Cell[][][],
  isRange: readonly boolean[],
  used: { rows: number; cols: number },
  fast: FastPath | undefined,
  computeOne: (r: number, c: number) => Out,
): Matrix {
  // Each argument's row at the current row of the spill: a range's own row, or a single cell
  // repeated across the columns (made once).
  const cols = used.cols;
  const argRows: (readonly Cell[])[] = matrices.map((m, i) => (isRange[i] ? m[0] : new Array<Cell>(cols).fill(m[0][0])));
  while (argRows.length < FAST_PATH_ARITY) argRows.push(EMPTY_ROW);
  const rangeIndex: number[] = [];
  for (let i = 0; i < matrices.length; i++) if (isRange[i]) rangeIndex.push(i);
  const result: Matrix = [];
  for (let r = 0; r < used.rows; r++) {
    for (let k = 0; k < rangeIndex.length; k++) argRows[rangeIndex[k]] = matrices[rangeIndex[k]][r];
    // A column's row is a one-cell literal, not an array grown per row.
    const row: Out[] | undefined = cols === 1 ? undefined : [];
    for (let c = 0; c < cols; c++) {
      let blank = true;
      for (let k = 0; k < rangeIndex.length && blank; k++) blank = blankCell(argRows[rangeIndex[k]][c]);
      let v: Out = "";
      if (!blank) {
        const q = fast === undefined ? undefined : fast(c, argRows[0], argRows[1], argRows[2], argRows[3], argRows[4]);
        v = q === undefined ? computeOne(r, c) : toOut(q);
      }
      if (row === undefined) result.push([v]);
      else row.push(v);
    }
    if (row !== undefined) result.push(row);
  }
  return result;
}

/**
 * The rows and columns up to the last one where any of `ranges` (all `rows` × `cols`) holds a value:
 * each range is scanned from the bottom only down to the last used row found so far, and from the
 * right only to the widest used column, so a whole column costs one pass over its blank tail.
 */
function usedExtent(ranges: readonly Cell[][][], rows: number, cols: number): { rows: number; cols: number } {
  let lastRow = -1;
  for (const m of ranges) {
    for (let r = rows - 1; r > lastRow; r--) {
      const row = m[r];
      let used = false;
      for (let c = 0; c < cols && !used; c++) used = !blankCell(row[c]);
      if (used) lastRow = r;
    }
  }
  let lastCol = -1;
  for (const m of ranges) {
    for (let r = 0; r <= lastRow && lastCol < cols - 1; r++) {
      const row = m[r];
      for (let c = cols - 1; c > lastCol; c--) {
        if (!blankCell(row[c])) {
          lastCol = c;
          break;
        }
      }
    }
  }
  return { rows: lastRow + 1, cols: lastCol + 1 };
}

/** Runs a whole-call computation; anything thrown becomes a single Excel error cell; a result too large for Excel becomes one #VALUE!. */
export function guard(compute: () => Matrix): Matrix {
  return fitForExcel(caught(compute));
}

/** `compute`'s result, or anything it throws as one Excel error; not yet sized for Excel. */
function caught(compute: () => Matrix): Matrix {
  try {
    return compute();
  } catch (e) {
    return [[toExcelError(e)]];
  }
}

/**
 * Characters Microsoft's runtime sends for one error cell besides its message (at most 144, for #N/A):
 * `{"valueType":"CustomFunctionError","code":"#N/A","type":"Error","basicValue":"#N/A","basicType":"Error","message":"…","errorType":"NotAvailable"}`
 * (test/runtime/size.test.ts checks the estimate against the runtime's real message).
 */
export const ERROR_CELL_OVERHEAD = 144;

/** Characters of one result entry around its value: `[id,true,` … `,[duration]],`. */
const RESULT_ENTRY_OVERHEAD = 32;

/**
 * Above this many cells a result is a large spill, where error messages are cut to
 * `SHORT_MESSAGE_LENGTH` characters: 10,000 error cells then take 1.9 MB instead of 2.1 MB and
 * still reach Excel; the cell itself already says which row is wrong.
 */
export const LARGE_SPILL_CELLS = 1000;
export const SHORT_MESSAGE_LENGTH = 40;

/**
 * Decimal digits of a whole number below 1e15 in magnitude, without building its string: by
 * comparison with the powers of ten (a division a digit cost about 0.05 µs a number, more than
 * BORROWINGBASE's own arithmetic for a row).
 */
function integerLength(n: number): number {
  const a = n < 0 ? -n : n;
  let digits = 1;
  while (digits < 16 && a >= POW10[digits]) digits++;
  return n < 0 ? digits + 1 : digits;
}

/** The last error sized, and its length: a schedule's "not computed" errors repeat down a million rows. */
let lastSized: unknown = Symbol("nothing sized yet");
let lastSizedLength = 0;

/** The plain-notation range where `fractionLength` sizes a number; outside it, its string is built. */
const SIZED_FROM = 1e-5;
const SIZED_BELOW = 1e15;

/**
 * The JSON length of a number that is not whole, without building its string; −1 where it cannot
 * say (then the string is built).
 *
 * JSON writes a number as its shortest decimal that reads back as the same double (ECMAScript
 * Number::toString: the fewest significant digits). The loop finds the fewest decimal places p for
 * which m = round(|v|·10^p) gives m / 10^p === |v|, for m below 10^15:
 * - m / 10^p is one division of two exact doubles, so it is correctly rounded: the test passes
 *   exactly when the decimal m / 10^p reads back as v, and that decimal is then a valid shortest
 *   candidate with p places.
 * - If any decimal m′ / 10^p with m′ < 10^15 reads back as v, the loop finds it: |v| is within
 *   half an ulp of m′ / 10^p, so |v|·10^p is within m′·2^−53 < 0.12 of m′, and the product's own
 *   rounding adds at most 0.0625 (half the ulp of a number below 2^50); the sum is below one half,
 *   so Math.round gives m′.
 * The first p that passes is therefore the fewest places, and, the integer part being fixed, the
 * fewest significant digits; the text is the whole part, the point and p digits (m ends in a nonzero
 * digit, or p − 1 would have passed). Between 10^−5 and 10^15 JSON uses plain notation, never an
 * exponent. (test/functions/support/arrays.test.ts checks it against JSON.stringify.)
 *
 * @example fractionLength(208437075.709645) //=> 16
 * @example fractionLength(0.1 + 0.2) //=> -1 (17 significant digits: the string is built)
 */
function fractionLength(v: number): number {
  const a = v < 0 ? -v : v;
  if (!(a >= SIZED_FROM && a < SIZED_BELOW)) return -1;
  // The most places that keep m below 10^15. A decimal with fewer places that reads back as v also
  // does padded with zeros, so when the most places fail none can pass (a repeating fraction such
  // as a fee of days/360): one try, and the string is built. `fixedPoint` is the test above.
  const most = MOST_PLACES - (a < 1 ? 0 : integerLength(Math.floor(a)));
  if (most < 1 || fixedPoint(a, most) < 0) return -1;
  let p = 1;
  let m = fixedPoint(a, p);
  while (m < 0) m = fixedPoint(a, ++p);
  return (m < POW10[p] ? 1 : integerLength(m) - p) + 1 + p + (v < 0 ? 1 : 0);
}

/** Digits of a mantissa below 10^15. */
const MOST_PLACES = 15;

/** Characters one cell takes in the runtime's JSON message (an error at its message's current length). */
function cellLength(v: unknown): number {
  if (typeof v === "number") {
    if (Number.isInteger(v) && Math.abs(v) < 1e15) return integerLength(v);
    const n = fractionLength(v);
    return n >= 0 ? n : String(v).length;
  }
  if (typeof v === "boolean") return v ? 4 : 5;
  if (v === lastSized) return lastSizedLength;
  if (typeof v === "string") return textLength(v);
  if (isExcelError(v)) return sized(v, ERROR_CELL_OVERHEAD + (v.message === undefined ? 0 : JSON.stringify(v.message).length - 2));
  return 4;
}

/**
 * The JSON lengths of short texts sized lately: a schedule's kinds, clauses and notes repeat down its
 * rows in turn, so one remembered text was not enough (sizing PPESCHEDULE's notes was 44 % of a call
 * over 10,000 events). At most `TEXT_CACHE_ENTRIES` texts of at most `TEXT_CACHE_LONGEST`
 * characters are kept (under 1 MB); a full cache starts again empty.
 */
const textLengths = new Map<string, number>();
const TEXT_CACHE_ENTRIES = 1024;
const TEXT_CACHE_LONGEST = 256;

function textLength(v: string): number {
  if (v === "") return 2;
  if (v.length > TEXT_CACHE_LONGEST) return JSON.stringify(v).length;
  let length = textLengths.get(v);
  if (length === undefined) {
    if (textLengths.size >= TEXT_CACHE_ENTRIES) textLengths.clear();
    textLengths.set(v, (length = JSON.stringify(v).length));
  }
  return length;
}

function sized(v: unknown, length: number): number {
  lastSized = v;
  lastSizedLength = length;
  return length;
}

/**
 * An upper estimate of the characters a result takes in the runtime's message to Excel: each cell's
 * JSON plus its comma, each row's brackets and comma, and the entry around the value.
 */
export function estimateResultCharacters(result: Matrix): number {
  let total = RESULT_ENTRY_OVERHEAD + 2;
  for (const row of result) {
    total += 3;
    for (const v of row) total += cellLength(v) + 1;
  }
  return total;
}

/**
 * The fewest characters a result of `rows` × `cols` cells can take: every cell at least two (one
 * character and its comma: a digit, or `""`), every row its brackets and comma, and the entry.
 */
function leastResultCharacters(rows: number, cols: number): number {
  return RESULT_ENTRY_OVERHEAD + 2 + rows * (3 + 2 * cols);
}

/** The longest JSON text of a JavaScript number. */
const LONGEST_NUMBER_JSON = 24;

/** A message cut to `SHORT_MESSAGE_LENGTH` characters at a word boundary. */
function shortMessage(message: string): string {
  if (message.length <= SHORT_MESSAGE_LENGTH) return message;
  const cut = message.slice(0, SHORT_MESSAGE_LENGTH - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > SHORT_MESSAGE_LENGTH / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * A result Excel can receive (CONVENTIONS.md; RUNTIME.md, "Size"). In a large spill, error messages
 * are cut short (each error cell costs ~160 characters plus its message; 10,000 full messages alone are
 * 2 MB). A result whose size is still above the `maxResultCharacters` term would be rejected by
 * Excel and leave the cell at #BUSY!: it becomes one #VALUE! that says how large it is.
 *
 * One pass cuts the messages and sums an upper bound that takes every number at its longest JSON
 * (24 characters, "-2.2250738585072014e-308"), so that a result far below the limit (most are) is
 * settled without sizing a number. Where the bound fails (above about 70,000 rows of one column of
 * numbers) every cell is sized exactly: about 0.03–0.07 µs a number (`fractionLength`), where
 * building each number's string had cost 0.12–0.16 µs a row and most of BORROWINGBASE's per-row
 * growth from 10,000 to 100,000 rows (issue 14).
 */
export function fitForExcel(result: Matrix): Matrix {
  const rows = result.length;
  const cols = rows === 0 ? 0 : result[0].length;
  const shorten = rows * cols > LARGE_SPILL_CELLS;
  let bound = RESULT_ENTRY_OVERHEAD + 2;
  // One error value repeated down a column (PPESCHEDULE's "not computed" rows) is cut once, not once a cell.
  let last: unknown;
  let lastShort: ExcelErrorLike | undefined;
  for (const row of result) {
    bound += 3;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "number") {
        bound += LONGEST_NUMBER_JSON + 1;
        continue;
      }
      if (shorten) {
        if (v === last && lastShort !== undefined) row[c] = lastShort;
        else if (isExcelError(v) && v.message !== undefined && v.message.length > SHORT_MESSAGE_LENGTH) {
          last = v;
          row[c] = lastShort = excelError(v.code as ExcelErrorCode, shortMessage(v.message));
        }
      }
      bound += cellLength(row[c]) + 1;
    }
  }
  const limit = termInt("maxResultCharacters");
  if (bound <= limit || estimateResultCharacters(result) <= limit) return result;
  return [[excelError("#VALUE!", tooLargeMessage(rows, cols))]];
}

function tooLargeMessage(rows: number, cols: number, options?: { atLeast?: boolean }): string {
  const n = (x: number) => x.toLocaleString("en-US");
  return `the result is ${options?.atLeast === true ? "at least " : ""}${n(rows)} rows × ${n(cols)} columns, too large for Excel to receive; split the range`;
}

/** Runs a computation that returns one value, as a 1×1 result. */
export function single(compute: () => Dec | number | string | boolean): Matrix {
  return guard(() => [[toOut(compute())]]);
}

/** Reads a single column or row in order; a 2-D block is #VALUE!. Blank cells stay `null`. */
export function seriesCells(arg: unknown, name: string): Cell[] {
  const m = asMatrix(arg);
  if (m.length === 1) return m[0];
  if (m[0].length === 1) return m.map((row) => row[0]);
  throw valueError(Messages.notSeries(name));
}

/** A series without its trailing blank cells (a whole column `A:A` is its used rows); all blank keeps one blank cell. */
function trimTrailingBlanks(cells: Cell[]): Cell[] {
  let end = cells.length;
  while (end > 1 && isBlank(basic(cells[end - 1]))) end--;
  return end === cells.length ? cells : cells.slice(0, end);
}

/**
 * Parses a series, naming the first bad row in the error ("dates row 3: …"). An optional
 * series that is omitted or one blank cell is an empty list.
 */
export function series<T>(arg: unknown, param: Param<T>, options?: { optional?: boolean }): T[] {
  const cells = trimTrailingBlanks(seriesCells(arg, param.name));
  if (options?.optional && cells.every(isBlank)) return [];
  return cells.map((cell, i) => {
    try {
      return parseCell(param, cell);
    } catch (e) {
      if (e instanceof EngineError) throw new EngineError(e.kind, `${param.name} row ${i + 1}: ${e.message}`);
      throw e;
    }
  });
}

/**
 * Several parallel series (dates, outstandings, thresholds): each a single column or row of one
 * length, or (where `scalarOk`) one cell that applies to every row. Trailing rows blank in
 * every series are dropped, so a user may select whole columns.
 */
export function parallelSeries(args: readonly { arg: unknown; name: string; scalarOk?: boolean }[]): Cell[][] {
  const columns = args.map(({ arg, name }) => seriesCells(arg, name));
  const lengths = columns.map((c, i) => (args[i].scalarOk && c.length === 1 ? -1 : c.length));
  const n = lengths.reduce((longest, len) => Math.max(longest, len), 1);
  lengths.forEach((len, i) => {
    if (len !== -1 && len !== n) throw valueError(Messages.seriesLength(args[i].name, args[lengths.indexOf(n)].name));
  });
  let end = n;
  while (end > 0 && columns.every((c, i) => lengths[i] === -1 || isBlank(basic(c[end - 1])))) end--;
  return columns.map((c, i) => (lengths[i] === -1 ? Array.from({ length: end }, () => c[0]) : c.slice(0, end)));
}

/**
 * Like `elementwise`, for a computation that gives several values per element (a share count and a
 * price): each element becomes one row of `width` cells, so the arguments must be single cells or
 * columns (a row or a block is #VALUE!, since its results would have nowhere to spill). A bad
 * element of a column fills its row with its error; a single-cell call that fails, or an error of the
 * whole call, is one error cell.
 *
 * @example elementwiseRows([shares, price, ratio], [...] as const, 2, (s, p, r) => [newShares, newPrice])
 */
export function elementwiseRows<P extends readonly Param<unknown>[]>(
  args: readonly unknown[],
  params: P,
  width: number,
  compute: (...values: Parsed<P>) => readonly (Dec | number | string | boolean)[],
  fast?: (...cells: Cell[]) => Out[] | undefined,
): Matrix {
  const rows: Out[][] = [];
  const quick: FastPath | undefined =
    fast &&
    ((c, a, b, d, e, f) => {
      const row = fast(a[c], b[c], d[c], e[c], f[c]);
      if (row === undefined) return undefined;
      rows.push(row);
      return rows.length - 1;
    });
  const indices = elementwiseOf(
    args,
    params,
    (...values) => {
      rows.push(compute(...values).map(toOut));
      return rows.length - 1;
    },
    quick,
    width,
  );
  if (indices.length === 1 && indices[0].length === 1 && typeof indices[0][0] !== "number") return indices;
  if (indices[0].length !== 1) {
    return [[toExcelError(valueError(`${params.map((p) => p.name).join(", ")} must be single cells or columns: each gives a row of ${width} results`))]];
  }
  return fitForExcel(indices.map(([cell]) => (typeof cell === "number" ? rows[cell] : Array.from({ length: width }, () => cell))));
}

/** One row of parallel series, parsed: its values, or the Excel error of its first bad cell (naming the row). */
export type ParsedRow<T> = { readonly ok: true; readonly values: T } | { readonly ok: false; readonly error: ExcelErrorLike };

/**
 * Parses the columns `parallelSeries` gives, row by row, one parameter per column. A bad cell makes
 * its row an error ("amounts row 3: …") and leaves the other rows parsed, for functions that give one
 * result per row (use `rowValues` where one bad row spoils the whole result).
 */
export function parseRows<P extends readonly Param<unknown>[]>(columns: readonly Cell[][], params: P): ParsedRow<Parsed<P>>[] {
  const rows = columns.length === 0 ? 0 : columns[0].length;
  return Array.from({ length: rows }, (_, r): ParsedRow<Parsed<P>> => {
    let current = 0;
    try {
      const values = params.map((p, i) => {
        current = i;
        return parseCell(p, columns[i][r]);
      });
      return { ok: true, values: values as Parsed<P> };
    } catch (e) {
      const named = e instanceof EngineError ? new EngineError(e.kind, `${params[current].name} row ${r + 1}: ${e.message}`) : e;
      return { ok: false, error: toExcelError(named) };
    }
  });
}

/** The values of parsed rows, throwing the first bad row's error (for functions whose result is one value). */
export function rowValues<T>(rows: readonly ParsedRow<T>[]): T[] {
  return rows.map((row) => {
    if (!row.ok) throw row.error;
    return row.values;
  });
}

/**
 * One result per parsed row: `compute` receives the good rows together (so a running total or a cap
 * can carry from row to row) and returns one result for each; a bad row keeps its error and takes no
 * part in the computation.
 */
export function perRow<T>(rows: readonly ParsedRow<T>[], compute: (good: T[]) => readonly (Dec | number | string | boolean)[]): Out[] {
  const good: T[] = [];
  for (const row of rows) if (row.ok) good.push(row.values);
  const results = compute(good);
  let next = 0;
  return rows.map((row) => (row.ok ? toOut(results[next++]) : row.error));
}

/** Lays out one result per row of a series argument: across a row when `arg` is a single row of several cells, else down a column. */
/**
 * The one #VALUE! for a result of `rows` × `cols` cells that cannot reach Excel whatever they hold
 * (asked before computing them: a whole column at once, not after a million cells), or undefined.
 * `atLeast`: `rows` is the least the result has.
 */
export function tooLargeAtOnce(rows: number, cols: number, options?: { atLeast?: boolean }): Matrix | undefined {
  return leastResultCharacters(rows, cols) > termInt("maxResultCharacters") ? [[excelError("#VALUE!", tooLargeMessage(rows, cols, options))]] : undefined;
}

/** `tooLargeAtOnce` for a series of `count` values laid along `arg`, as `alongSeries` lays them. */
export function tooLargeAlong(arg: unknown, count: number): Matrix | undefined {
  const m = asMatrix(arg);
  return m.length === 1 && m[0].length > 1 ? tooLargeAtOnce(1, count) : tooLargeAtOnce(count, 1);
}

export function alongSeries(arg: unknown, values: readonly Out[]): Matrix {
  const m = asMatrix(arg);
  return m.length === 1 && m[0].length > 1 ? [values.slice()] : values.map((v) => [v]);
}

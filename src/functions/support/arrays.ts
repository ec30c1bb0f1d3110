/**
 * Single values and ranges (CONVENTIONS.md, "Single values and ranges").
 *
 * `elementwise` runs one engine computation per element, like Excel's own arithmetic on arrays:
 * every range argument has the same shape or is a single cell; the result has that shape and
 * spills; a bad element gives an error in its own cell and leaves the others computed.
 * `series` reads a single column or row in order, for functions over a time series.
 * `guard` turns anything thrown into one Excel error, so no function throws out to Excel.
 */
import { Dec } from "../../engine/decimal";
import { EngineError, Messages, valueError } from "../../engine/errors";
import { ExcelErrorLike, toExcelError } from "./excelError";
import { Cell, isBlank, Param, parseCell } from "./params";

/** What a function hands back to a cell. */
export type Out = number | string | boolean | ExcelErrorLike;
export type Matrix = Out[][];

/** A scalar or a 2-D range as the runtime passes it, normalised to a matrix (an omitted argument is one blank cell). */
export function asMatrix(arg: unknown): Cell[][] {
  if (Array.isArray(arg)) {
    if (arg.length === 0) return [[null]];
    // A range as the runtime passes it (rows of arrays) is used as it is: no copy of 10,000 rows per argument.
    let rowsAreArrays = true;
    for (let i = 0; i < arg.length && rowsAreArrays; i++) rowsAreArrays = Array.isArray(arg[i]);
    if (rowsAreArrays) return arg as Cell[][];
    return arg.map((row: unknown) => (Array.isArray(row) ? row : [row]));
  }
  return [[arg]];
}

/** Converts an engine result to a cell value: decimals to numbers at the very end, never NaN or Infinity. */
export function toOut(value: Dec | number | string | boolean | ExcelErrorLike): Out {
  if (typeof value === "number") {
    return Number.isFinite(value) ? value : toExcelError(new EngineError("num", "the result is not a finite number"));
  }
  if (typeof value === "string" || typeof value === "boolean") return value;
  // A decimal beyond the double range converts to ±Infinity: checked like any other number.
  if (value instanceof Dec) return toOut(value.toNumber());
  return value;
}

type Parsed<P> = { [K in keyof P]: P[K] extends Param<infer T> ? T : never };

/**
 * An exact fast path beside `compute` (src/functions/support/fast.ts): given the argument matrices
 * once, a function of a position answering that element's result, or undefined for the element to
 * be parsed and computed the ordinary way. It answers only what the ordinary way would.
 */
export type FastPath = (matrices: readonly Cell[][][]) => (r: number, c: number) => number | boolean | undefined;

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
  return guard(() => {
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
    const quick = fast?.(matrices);
    const one = (r: number, c: number): Out => {
      const q = quick?.(r, c);
      return q === undefined ? computeOne(r, c) : toOut(q);
    };
    const result: Matrix = [];
    for (let r = 0; r < rows; r++) {
      // A column's row is a one-cell literal, not an array grown per row.
      if (cols === 1) {
        result.push([one(r, 0)]);
        continue;
      }
      const row: Out[] = [];
      for (let c = 0; c < cols; c++) row.push(one(r, c));
      result.push(row);
    }
    return result;

    function computeOne(r: number, c: number): Out {
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
    }
  });
}

/** Runs a whole-call computation; anything thrown becomes a single Excel error cell. */
export function guard(compute: () => Matrix): Matrix {
  try {
    return compute();
  } catch (e) {
    return [[toExcelError(e)]];
  }
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

/**
 * Parses a series, naming the first bad row in the error ("dates row 3: …"). An optional
 * series that is omitted or one blank cell is an empty list.
 */
export function series<T>(arg: unknown, param: Param<T>, options?: { optional?: boolean }): T[] {
  const cells = seriesCells(arg, param.name);
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
  const n = Math.max(...lengths, 1);
  lengths.forEach((len, i) => {
    if (len !== -1 && len !== n) throw valueError(Messages.seriesLength(args[i].name, args[lengths.indexOf(n)].name));
  });
  let end = n;
  while (end > 0 && columns.every((c, i) => lengths[i] === -1 || isBlank(c[end - 1]))) end--;
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
  fast?: (matrices: readonly Cell[][][]) => (r: number, c: number) => Out[] | undefined,
): Matrix {
  const rows: Out[][] = [];
  const quick: FastPath | undefined =
    fast &&
    ((matrices) => {
      const one = fast(matrices);
      return (r, c) => {
        const row = one(r, c);
        if (row === undefined) return undefined;
        rows.push(row);
        return rows.length - 1;
      };
    });
  const indices = elementwise(
    args,
    params,
    (...values) => {
      rows.push(compute(...values).map(toOut));
      return rows.length - 1;
    },
    quick,
  );
  if (indices.length === 1 && indices[0].length === 1 && typeof indices[0][0] !== "number") return indices;
  if (indices[0].length !== 1) {
    return [[toExcelError(valueError(`${params.map((p) => p.name).join(", ")} must be single cells or columns: each gives a row of ${width} results`))]];
  }
  return indices.map(([cell]) => (typeof cell === "number" ? rows[cell] : Array.from({ length: width }, () => cell)));
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
export function alongSeries(arg: unknown, values: readonly Out[]): Matrix {
  const m = asMatrix(arg);
  return m.length === 1 && m[0].length > 1 ? [values.slice()] : values.map((v) => [v]);
}

/**
 * One pass over parallel daily columns (THRESHOLDEVENT, THRESHOLDEVENTS): the dates and whether
 * each row's outstandings exceed its Threshold, read straight from the ranges as the runtime passes
 * them, without the intermediate column copies and per-cell parsers of `parallelSeries` + `series`.
 *
 * It takes only the plain case (columns of one length, or one Threshold cell; numbers only; no
 * negative amount; valid dates) and answers undefined for anything else, which then goes the
 * ordinary way and gets its error message there ("dates row 3: …").
 */
import { MAX_SERIAL, MIN_SERIAL } from "../../engine/dates";
import { asMatrix } from "./arrays";
import { Cell, isBlank } from "./params";

export interface Exceedances {
  /** Whole-day Excel serials, in the order given. */
  readonly dates: Float64Array;
  /** 1 where the row's outstandings exceed its Threshold, strictly (Reading R-TE-EXCEED). */
  readonly exceeds: Uint8Array;
  /** Row i's outstandings and Threshold cells as given (for the one row whose figures are shown). */
  readonly outstandingsCell: (i: number) => Cell;
  readonly thresholdCell: (i: number) => Cell;
}

/**
 * An argument as the runtime passes a range (an array of row arrays), as it is; anything else
 * (a single value, an empty or one-dimensional array) through `asMatrix`. The rows after the first
 * are checked in the reading loop itself, which touches each row anyway: a separate pass over
 * 100,000 rows first (as `asMatrix` makes) cost about a seventh of the whole call.
 */
export function rowsOf(arg: unknown): readonly Cell[][] {
  return Array.isArray(arg) && arg.length > 0 && Array.isArray(arg[0]) ? (arg as Cell[][]) : asMatrix(arg);
}

/** Whether a range (as `rowsOf` gives it) is a single column. */
export function isColumn(m: readonly Cell[][]): boolean {
  return m.length > 0 && m[0].length === 1;
}

/**
 * The rows up to the last where any of `columns` (single columns of `length` rows, as `rowsOf`
 * gives them) holds a value: trailing rows blank in every column are dropped, as `parallelSeries`
 * drops them.
 */
export function usedRows(columns: readonly (readonly Cell[][])[], length: number): number {
  const blankAt = (m: readonly Cell[][], i: number): boolean => Array.isArray(m[i]) && isBlank(m[i][0]);
  let end = length;
  while (end > 0 && columns.every((m) => blankAt(m, end - 1))) end--;
  return end;
}

function amountOk(v: Cell): v is number {
  // NaN fails `>= 0`; −0 passes, as `amountNumber` reads it.
  return typeof v === "number" && v >= 0 && v !== Infinity;
}

/** A date `checkSerial` accepts (it answers NaN-free, finite serials in Excel's range). */
export function dateOk(v: Cell): v is number {
  return typeof v === "number" && v >= MIN_SERIAL && v < MAX_SERIAL + 1;
}

/**
 * Reads dates, outstandings and thresholds in one pass; undefined when the ordinary reader must
 * answer (an irregular shape or cell, a row that is not an array).
 *
 * @example readExceedances([[38231]], [[5]], [[4]]) //=> { dates: [38231], exceeds: [1], … }
 */
export function readExceedances(dates: unknown, outstandings: unknown, thresholds: unknown): Exceedances | undefined {
  const d = rowsOf(dates);
  const o = rowsOf(outstandings);
  const t = rowsOf(thresholds);
  if (!isColumn(d) || !isColumn(o) || o.length !== d.length || !isColumn(t)) return undefined;
  const shared = t.length === 1;
  if (!shared && t.length !== d.length) return undefined;
  const limit = t[0][0];
  if (shared && !amountOk(limit)) return undefined;
  // Trailing rows blank in every series are dropped (a single Threshold cell is not a series).
  const end = usedRows(shared ? [d, o] : [d, o, t], d.length);
  const days = new Float64Array(end);
  const exceeds = new Uint8Array(end);
  for (let i = 0; i < end; i++) {
    const dayRow = d[i];
    const amountRow = o[i];
    const thresholdRow = shared ? t[0] : t[i];
    if (!Array.isArray(dayRow) || !Array.isArray(amountRow) || !Array.isArray(thresholdRow)) return undefined;
    const day = dayRow[0];
    const amount = amountRow[0];
    const threshold = thresholdRow[0];
    if (!amountOk(amount) || !amountOk(threshold)) return undefined;
    if (!dateOk(day)) return undefined;
    days[i] = Math.floor(day);
    exceeds[i] = amount > threshold ? 1 : 0;
  }
  return { dates: days, exceeds, outstandingsCell: (i) => o[i][0], thresholdCell: (i) => (shared ? limit : t[i][0]) };
}

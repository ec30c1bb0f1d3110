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
  readonly dates: number[];
  /** 1 where the row's outstandings exceed its Threshold, strictly (Reading R-TE-EXCEED). */
  readonly exceeds: Uint8Array;
}

function isColumn(m: readonly Cell[][]): boolean {
  return m.length > 0 && m[0].length === 1;
}

function amountOk(v: Cell): v is number {
  // NaN fails `>= 0`; −0 passes, as `amountNumber` reads it.
  return typeof v === "number" && v >= 0 && v !== Infinity;
}

/** A date `checkSerial` accepts (it answers NaN-free, finite serials in Excel's range). */
function dateOk(v: Cell): v is number {
  return typeof v === "number" && v >= MIN_SERIAL && v < MAX_SERIAL + 1;
}

/**
 * Reads dates, outstandings and thresholds in one pass; undefined when the ordinary reader must
 * answer (an irregular shape or cell).
 *
 * @example readExceedances([[38231]], [[5]], [[4]]) //=> { dates: [38231], exceeds: [1] }
 */
export function readExceedances(dates: unknown, outstandings: unknown, thresholds: unknown): Exceedances | undefined {
  const d = asMatrix(dates);
  const o = asMatrix(outstandings);
  const t = asMatrix(thresholds);
  if (!isColumn(d) || !isColumn(o) || o.length !== d.length || !isColumn(t)) return undefined;
  const shared = t.length === 1;
  if (!shared && t.length !== d.length) return undefined;
  const limit = t[0][0];
  if (shared && !amountOk(limit)) return undefined;
  // Trailing rows blank in every series are dropped (a single Threshold cell is not a series).
  let end = d.length;
  while (end > 0 && isBlank(d[end - 1][0]) && isBlank(o[end - 1][0]) && (shared || isBlank(t[end - 1][0]))) end--;
  const days: number[] = [];
  const exceeds = new Uint8Array(end);
  for (let i = 0; i < end; i++) {
    const day = d[i][0];
    const amount = o[i][0];
    const threshold = shared ? limit : t[i][0];
    if (!amountOk(amount) || !amountOk(threshold)) return undefined;
    if (!dateOk(day)) return undefined;
    days.push(Math.floor(day));
    exceeds[i] = amount > threshold ? 1 : 0;
  }
  return { dates: days, exceeds };
}

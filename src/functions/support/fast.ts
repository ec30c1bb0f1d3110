/**
 * Glue between `elementwise` and the engine's exact fast path (src/engine/exactFast.ts): a blank
 * optional's default, a Net Recovery Percentage cell (blank, exact, or not provable), a position's
 * raw cell. Anything the fast path cannot prove (text, errors, blanks where a value is required,
 * data-type wrappers, sub-cent or huge amounts) goes the ordinary way, which also gives its error.
 */
import { dec, Dec } from "../../engine/decimal";
import { exactFraction, ExactFraction } from "../../engine/exactFast";
import { Cell, isBlank } from "./params";

/** The cell of `m` at (r, c), a single cell standing for every position. */
export function pick(m: readonly Cell[][], r: number, c: number): Cell {
  return m.length === 1 && m[0].length === 1 ? m[0][0] : m[r][c];
}

/**
 * A decimal default as the number that decimal.js reads back as the same decimal, so that the fast
 * path sees exactly the ordinary path's default (checked once, when the adapter loads).
 */
export function defaultNumber(value: Dec): number {
  const n = value.toNumber();
  if (!dec(n).eq(value)) throw new Error(`default ${value.toString()} is not a double read back exactly`);
  return n;
}

/** A blank optional cell as its default; other cells as they are. */
export function orDefault(cell: Cell, fallback: number): Cell {
  return isBlank(cell) ? fallback : cell;
}

/** No fraction given (blank): the ordinary path's `undefined`. */
export const NO_FRACTION = null;
/** What a fraction cell is on the fast path: absent (blank), an exact fraction, or not provable (undefined). */
export type FastFraction = ExactFraction | typeof NO_FRACTION | undefined;

/** An optional fraction cell (the Net Recovery Percentage) for the fast path. */
export function fastFraction(cell: Cell): FastFraction {
  return isBlank(cell) ? NO_FRACTION : exactFraction(cell);
}

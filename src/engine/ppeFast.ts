/**
 * The PPE Subcomponent Reductions (Section 1.1(t)) in exact integer units held in doubles: the
 * arithmetic `ppeScheduleEachIn` (ppeReduction.ts) runs in for the custom functions' fast path. It
 * gives, bit for bit, the numbers the decimal.js schedule gives, or throws `NOT_EXACT` and the caller
 * computes the schedule again with decimals.
 *
 * ## Why it is exact (the bound of exactness)
 *
 * - **Units.** A figure is an integer count of 10^−3 dollars (mills). Inputs are read in whole cents
 *   (`cents`, exactFast.ts step 1: decimal.js reads such a number as exactly its cents), so an
 *   input is its cents times 10. The schedule's only products are amounts times the amendment's
 *   shares (50% of OLV In-Place Value, of VALCO Proceeds and of Gramercy/KJBC Proceeds above their
 *   base amounts; 100% of intercompany Indebtedness), read from the terms table as fractions in
 *   lowest terms (0.5 = 1/2, 1 = 1/1): half of a whole number of cents is a whole number of mills.
 * - **Operations.** Sums, differences, `min` and `max` of integers are exact in doubles while every
 *   magnitude stays below 2^53 (`SAFE`); each sum and difference is checked against it. A share is
 *   `a · numerator / denominator`: the product is checked below 2^53, so it is exact, and the
 *   quotient is accepted only when it is a whole number. (A quotient of exact operands whose true
 *   value q is not whole cannot round to a whole number: its distance from one is at least
 *   1/denominator, more than its rounding error, q·2^−53, for q below 2^53/denominator.) Anything
 *   else throws `NOT_EXACT`.
 * - **Bound.** So the fast path holds while every figure of the schedule (OLV In-Place Value, the
 *   cumulative reductions, the cash received to date) stays below 2^53 mills, about
 *   $9,007,199,254,740 — far above any real schedule; past it, or for an input that is not whole
 *   cents, the decimal path answers.
 * - **Writing a figure.** `unitsToNumber` is `mills / 10^3`, one correctly rounded division of exact
 *   operands: the double nearest the exact value, as decimal.js's `toNumber` gives (exactFast.ts,
 *   step 3). The same double.
 *
 * The property test (test/engine/ppeFast.test.ts) compares this arithmetic with decimal.js bit for
 * bit over random schedules of every kind of event and every reading of Section 1.1(t).
 */
import { Dec } from "./decimal";
import { cents, exactRate, gcd, POW10, SAFE, termCents } from "./exactFast";
import type { PpeArithmetic } from "./ppeReduction";
import { TermKey } from "./terms";

/** Units are 10^−UNIT_PLACES dollars (mills). */
const UNIT_PLACES = 3;
const UNITS_PER_DOLLAR = POW10[UNIT_PLACES];
/** Units per cent. */
const UNITS_PER_CENT = POW10[UNIT_PLACES - 2];

/** Thrown by the units arithmetic where it cannot prove a result exact: compute with decimals instead. */
export const NOT_EXACT: unique symbol = Symbol("not provably exact in integer units");

function checked(x: number): number {
  if (!(x < SAFE && x > -SAFE)) throw NOT_EXACT;
  return x;
}

/** A share of the amendment as a fraction in lowest terms. */
interface Fraction {
  readonly numerator: number;
  readonly denominator: number;
}

/** The terms in units and as fractions, read once from the terms table. */
const usdUnits = new Map<TermKey, number>();
const shares = new Map<TermKey, Fraction>();

function usd(key: TermKey): number {
  let units = usdUnits.get(key);
  if (units === undefined) usdUnits.set(key, (units = termCents(key) * UNITS_PER_CENT));
  return units;
}

function fractionOf(key: TermKey): Fraction {
  const { units, places } = exactRate(key);
  const g = gcd(units, POW10[places]);
  return { numerator: units / g, denominator: POW10[places] / g };
}

function share(a: number, key: TermKey): number {
  let f = shares.get(key);
  if (f === undefined) shares.set(key, (f = fractionOf(key)));
  const quotient = checked(a * f.numerator) / f.denominator;
  if (!Number.isInteger(quotient)) throw NOT_EXACT;
  return quotient;
}

/** Exact integer units of 10^−3 dollars. */
export const UNITS: PpeArithmetic<number> = {
  zero: 0,
  usd,
  share,
  plus: (a, b) => checked(a + b),
  minus: (a, b) => checked(a - b),
  min: (a, b) => (a < b ? a : b),
  max: (a, b) => (a > b ? a : b),
  isZero: (a) => a === 0,
  isNegative: (a) => a < 0,
  greaterThan: (a, b) => a > b,
  lessThan: (a, b) => a < b,
  toDec: (a) => new Dec(a).div(UNITS_PER_DOLLAR),
};

/**
 * An amount in units, or −1 when it is not provably read exactly (not whole cents, negative, not
 * below 2^53 units, or not a number): then the schedule takes the decimal path.
 *
 * @example unitsOf(1234.56) //=> 1234560
 */
export function unitsOf(x: unknown): number {
  // −0 is read as 0, as the decimal path reads it (`finiteNumber`).
  const c = cents(x === 0 ? 0 : x);
  return c < 0 || !(c * UNITS_PER_CENT < SAFE) ? -1 : c * UNITS_PER_CENT;
}

/** A figure in units as the number decimal.js's `toNumber` gives for it. */
export function unitsToNumber(units: number): number {
  return units / UNITS_PER_DOLLAR;
}

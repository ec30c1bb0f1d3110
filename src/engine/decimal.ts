/**
 * The one configured decimal constructor of the engine.
 *
 * All money and rate arithmetic is exact decimal arithmetic (CONVENTIONS.md, "Arithmetic").
 * 40 significant digits hold any amount of the amendment times any rate without rounding;
 * nothing here calls the global `Decimal.set`, so no other code can change it.
 */
import DecimalJs from "decimal.js";

export const Dec = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -20, toExpPos: 40 });
export type Dec = InstanceType<typeof Dec>;

/** Builds a decimal from an exact string, a decimal, or a JavaScript number (read through its shortest round-trip string, so 0.1 is 0.1). */
export function dec(value: string | number | Dec): Dec {
  return new Dec(value);
}

export const ZERO = dec(0);
export const ONE = dec(1);

/** Rounds an amount to cents, half away from zero; used only where a contract says "rounded to cents". */
export function toCents(value: Dec): Dec {
  return value.toDecimalPlaces(2, Dec.ROUND_HALF_UP);
}

/** The least of two or more decimals (a loop, so no argument list is ever spread onto the stack). */
export function minDec(first: Dec, ...rest: Dec[]): Dec {
  let least = first;
  for (const value of rest) if (value.lessThan(least)) least = value;
  return least;
}

/** The greatest of two or more decimals. */
export function maxDec(first: Dec, ...rest: Dec[]): Dec {
  let greatest = first;
  for (const value of rest) if (value.greaterThan(greatest)) greatest = value;
  return greatest;
}

/**
 * Argument limits, declared once per function and checked by one helper (STYLE.md,
 * "Errors as values"): `amount("eligibleInventory")`, `fraction("netRecoveryPercentage")`,
 * `date("asOfDate")`. Each parser takes one cell value as Excel passes it and returns the
 * engine's input, or throws an `EngineError` whose message names the argument.
 *
 * CONVENTIONS.md, "Blank, omitted and bad input": blank and omitted mean the default; text is
 * never a number; booleans are not numbers; negatives are not amounts; rates lie in 0..1.
 */
import { Dec, dec } from "../../engine/decimal";
import { checkSerial } from "../../engine/dates";
import { EngineError, Messages, numError, valueError } from "../../engine/errors";
import { errorCodeOf, isExcelError } from "./excelError";

/** One cell as the custom functions runtime passes it. */
export type Cell = unknown;

export interface Param<T> {
  readonly name: string;
  /** Parses a non-blank cell. */
  readonly parse: (cell: Cell) => T;
  /** Value for a blank or omitted cell; a required parameter throws. */
  readonly blank: () => T;
}

/** Blank: omitted (undefined), an empty cell (null) or an empty string, as Excel passes them. */
export function isBlank(cell: Cell): boolean {
  return cell === undefined || cell === null || cell === "";
}

/** Unwraps Excel's data-type wrappers (`{ type: "Double", basicValue: 5 }`) to their plain value. */
export function basic(cell: Cell): Cell {
  if (typeof cell === "object" && cell !== null && "basicValue" in cell && !isExcelError(cell)) {
    return (cell as { basicValue: unknown }).basicValue;
  }
  return cell;
}

/** Parses one cell with a parameter, blank included. */
export function parseCell<T>(param: Param<T>, raw: Cell): T {
  const cell = basic(raw);
  return isBlank(cell) ? param.blank() : param.parse(cell);
}

function required(name: string): () => never {
  return () => {
    throw valueError(Messages.blank(name));
  };
}

/**
 * A finite JavaScript number, or the argument-naming error for text, booleans and error values.
 * Minus zero is zero (Excel has no −0; a −0 from a formula such as =-0 or =A1*-1 would otherwise
 * fail "not negative" checks and come back as −0).
 */
export function finiteNumber(name: string, cell: Cell): number {
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) throw numError(Messages.notFinite(name));
    return cell === 0 ? 0 : cell;
  }
  if (typeof cell === "string") throw valueError(Messages.text(name, cell));
  if (typeof cell === "boolean") throw valueError(Messages.boolean(name));
  if (isExcelError(cell)) throw new EngineError("value", Messages.errorValue(name, errorCodeOf(cell)));
  throw valueError(`${name} must be a number`);
}

interface Options<T> {
  /** Makes the parameter optional: a blank cell gives this default (or undefined). */
  readonly optional?: boolean;
  readonly default?: T;
}

function make<T>(name: string, parse: (cell: Cell) => T, options: Options<T> | undefined): Param<T> {
  if (options?.optional) {
    const fallback = options.default;
    return { name, parse, blank: () => fallback as T };
  }
  return { name, parse, blank: required(name) };
}

/** An amount in US dollars, not negative (#NUM! when negative). */
export function amount(name: string): Param<Dec>;
export function amount(name: string, options: Options<Dec> & { optional: true }): Param<Dec | undefined>;
export function amount(name: string, options?: Options<Dec>): Param<Dec | undefined> {
  return make(
    name,
    (cell) => {
      const n = finiteNumber(name, cell);
      if (n < 0) throw numError(Messages.negative(name));
      return dec(n);
    },
    options,
  );
}

/**
 * An amount in US dollars as the cell's own JavaScript number, not negative (#NUM! when negative):
 * for comparisons only (outstandings against a Threshold over 100,000 rows), which are exact on the
 * cell values without decimals. Any arithmetic uses `amount`.
 */
export function amountNumber(name: string): Param<number> {
  return make(
    name,
    (cell) => {
      const n = finiteNumber(name, cell);
      if (n < 0) throw numError(Messages.negative(name));
      return n;
    },
    undefined,
  );
}

/** A signed amount (EBITDA, net earnings, a balance that may be negative). */
export function signedAmount(name: string): Param<Dec>;
export function signedAmount(name: string, options: Options<Dec> & { optional: true }): Param<Dec | undefined>;
export function signedAmount(name: string, options?: Options<Dec>): Param<Dec | undefined> {
  return make(name, (cell) => dec(finiteNumber(name, cell)), options);
}

/** A rate as a fraction in 0..1 (65% is 0.65); #NUM! outside. */
export function fraction(name: string): Param<Dec>;
export function fraction(name: string, options: Options<Dec> & { optional: true }): Param<Dec | undefined>;
export function fraction(name: string, options?: Options<Dec>): Param<Dec | undefined> {
  return make(
    name,
    (cell) => {
      const n = finiteNumber(name, cell);
      if (n < 0 || n > 1) throw numError(Messages.fraction(name));
      return dec(n);
    },
    options,
  );
}

/** An Excel date serial, truncated to whole days as Excel's own date functions do; #NUM! when not a valid serial. */
export function date(name: string): Param<number>;
export function date(name: string, options: Options<number> & { optional: true }): Param<number | undefined>;
export function date(name: string, options?: Options<number>): Param<number | undefined> {
  return make(name, (cell) => checkSerial(finiteNumber(name, cell), name), options);
}

/** An Excel date-time serial, the time of day kept as the fraction; #NUM! when not a valid serial. */
export function dateTime(name: string): Param<number>;
export function dateTime(name: string, options: Options<number> & { optional: true }): Param<number | undefined>;
export function dateTime(name: string, options?: Options<number>): Param<number | undefined> {
  return make(
    name,
    (cell) => {
      const n = finiteNumber(name, cell);
      checkSerial(n, name);
      return n;
    },
    options,
  );
}

/** A whole number within [min, max]; #NUM! outside or when not whole. */
export function integer(name: string, limits: { min?: number; max?: number }): Param<number>;
export function integer(name: string, limits: { min?: number; max?: number }, options: Options<number> & { optional: true }): Param<number | undefined>;
export function integer(name: string, limits: { min?: number; max?: number }, options?: Options<number>): Param<number | undefined> {
  return make(
    name,
    (cell) => {
      const n = finiteNumber(name, cell);
      if (!Number.isInteger(n)) throw numError(Messages.integer(name));
      if ((limits.min !== undefined && n < limits.min) || (limits.max !== undefined && n > limits.max)) {
        throw numError(`${name} must be a whole number from ${limits.min ?? "-∞"} to ${limits.max ?? "∞"}`);
      }
      return n;
    },
    options,
  );
}

/** Any finite number (a ratio, a count that may be fractional). */
export function number(name: string): Param<Dec>;
export function number(name: string, options: Options<Dec> & { optional: true }): Param<Dec | undefined>;
export function number(name: string, options?: Options<Dec>): Param<Dec | undefined> {
  return make(name, (cell) => dec(finiteNumber(name, cell)), options);
}

/** TRUE or FALSE (1 and 0 are accepted, as Excel coerces them in logical tests). */
export function bool(name: string): Param<boolean>;
export function bool(name: string, options: Options<boolean> & { optional: true }): Param<boolean | undefined>;
export function bool(name: string, options?: Options<boolean>): Param<boolean | undefined> {
  return make(
    name,
    (cell) => {
      if (typeof cell === "boolean") return cell;
      if (cell === 1 || cell === 0) return cell === 1;
      if (isExcelError(cell)) throw valueError(Messages.errorValue(name, errorCodeOf(cell)));
      throw valueError(`${name} must be TRUE or FALSE`);
    },
    options,
  );
}

/** One of a fixed set of keywords, case-insensitive; returns the upper-case keyword. */
export function keyword<K extends string>(name: string, keywords: readonly K[]): Param<K>;
export function keyword<K extends string>(name: string, keywords: readonly K[], options: Options<K> & { optional: true }): Param<K | undefined>;
export function keyword<K extends string>(name: string, keywords: readonly K[], options?: Options<K>): Param<K | undefined> {
  return make(
    name,
    (cell) => {
      if (isExcelError(cell)) throw valueError(Messages.errorValue(name, errorCodeOf(cell)));
      const text = String(cell).trim().toUpperCase();
      const found = keywords.find((k) => k === text);
      if (found === undefined) throw valueError(`${name} "${String(cell)}" is not one of ${keywords.join(", ")}`);
      return found;
    },
    options,
  );
}

/** Free text (a term key, a label). */
export function text(name: string): Param<string> {
  return make(
    name,
    (cell) => {
      if (isExcelError(cell)) throw valueError(Messages.errorValue(name, errorCodeOf(cell)));
      if (typeof cell !== "string") throw valueError(`${name} must be text`);
      return cell;
    },
    undefined,
  );
}

/**
 * Lets an `#N/A` cell stand for "none": for an argument fed by a function that answers `#N/A` when
 * there is no such event (KAISER.THRESHOLDEVENT), #N/A counts as blank; any other error is still an
 * error naming the argument.
 */
export function naAsBlank<T>(param: Param<T>): Param<T> {
  return {
    name: param.name,
    parse: (cell) => (isExcelError(cell) && errorCodeOf(cell) === "#N/A" ? param.blank() : param.parse(cell)),
    blank: param.blank,
  };
}

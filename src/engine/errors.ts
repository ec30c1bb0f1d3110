/**
 * The engine's error kinds and the catalogue of their messages (STYLE.md, "Errors as values, one catalogue").
 *
 * The engine throws `EngineError`; the adapters map its kind to an Excel error
 * (`value` → #VALUE!, `num` → #NUM!, `na` → #N/A). Excel shows a custom message only on
 * #VALUE! and #N/A, so every cause of a #NUM! is also listed in the function's description.
 */
export type ErrorKind = "value" | "num" | "na";

export class EngineError extends Error {
  readonly kind: ErrorKind;
  constructor(kind: ErrorKind, message: string) {
    super(message);
    this.kind = kind;
    this.name = "EngineError";
  }
}

export function valueError(message: string): EngineError {
  return new EngineError("value", message);
}
export function numError(message: string): EngineError {
  return new EngineError("num", message);
}
export function naError(message: string): EngineError {
  return new EngineError("na", message);
}

/** Messages shared by several functions; a function-specific message stays beside its function. */
export const Messages = {
  blank: (arg: string) => `${arg} is blank; a value is required`,
  text: (arg: string, text: string) => `${arg} must be a number, not the text "${text}"`,
  boolean: (arg: string) => `${arg} must be a number, not TRUE or FALSE`,
  notFinite: (arg: string) => `${arg} is not a finite number`,
  negative: (arg: string) => `${arg} must not be negative (an amount in US dollars)`,
  fraction: (arg: string) => `${arg} must be a fraction between 0 and 1 (65% is 0.65)`,
  date: (arg: string) => `${arg} must be an Excel date serial between 61 (1900-03-01) and 2958465 (9999-12-31)`,
  integer: (arg: string) => `${arg} must be a whole number`,
  errorValue: (arg: string, code: string) => `${arg} holds the error ${code}`,
  shape: (args: string) => `the ranges ${args} must have the same shape, or be single cells`,
  notSeries: (arg: string) => `${arg} must be a single column or a single row`,
  seriesLength: (a: string, b: string) => `${a} and ${b} must have the same number of cells`,
} as const;

/**
 * The one place engine errors become Excel errors (STYLE.md, "Errors as values, one catalogue").
 *
 * Inside Excel the global `CustomFunctions.Error` is used. Outside Excel (tests, the CLI, the
 * HyperFormula end-to-end test) an object of the same shape stands in, so the same adapter code
 * runs everywhere.
 */
import { EngineError, ErrorKind } from "../../engine/errors";

export type ExcelErrorCode = "#VALUE!" | "#NUM!" | "#N/A" | "#DIV/0!" | "#NULL!" | "#REF!" | "#NAME?";

export interface ExcelErrorLike {
  readonly code: string;
  readonly message?: string;
}

const CODE_OF_KIND: Record<ErrorKind, ExcelErrorCode> = { value: "#VALUE!", num: "#NUM!", na: "#N/A" };

/** Stand-in for `CustomFunctions.Error` where the Excel runtime is absent. */
export class KaiserError implements ExcelErrorLike {
  readonly type = "Error";
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

function runtimeErrorClass(): (new (code: string, message?: string) => ExcelErrorLike) | undefined {
  const g = globalThis as { CustomFunctions?: { Error?: new (code: string, message?: string) => ExcelErrorLike } };
  return g.CustomFunctions?.Error;
}

/**
 * An Excel error with a message. Excel shows messages only on #VALUE! and #N/A, so a #NUM!
 * reaches Excel without one (its causes are listed in the function's description).
 */
export function excelError(code: ExcelErrorCode, message?: string): ExcelErrorLike {
  const RuntimeError = runtimeErrorClass();
  if (RuntimeError) {
    return code === "#VALUE!" || code === "#N/A" ? new RuntimeError(code, message) : new RuntimeError(code);
  }
  return new KaiserError(code, message);
}

/** Maps anything thrown by the engine or an adapter to an Excel error; a JavaScript bug becomes #VALUE! with its text, never an uncaught throw. */
export function toExcelError(thrown: unknown): ExcelErrorLike {
  if (thrown instanceof EngineError) return excelError(CODE_OF_KIND[thrown.kind], thrown.message);
  if (isExcelError(thrown)) return thrown;
  const text = thrown instanceof Error ? thrown.message : String(thrown);
  return excelError("#VALUE!", `internal error: ${text}`);
}

/** True for an Excel error value as the runtime passes it (`CustomFunctions.Error`, or our stand-in). */
export function isExcelError(value: unknown): value is ExcelErrorLike {
  if (typeof value !== "object" || value === null) return false;
  const v = value as { code?: unknown; type?: unknown; errorType?: unknown };
  return (typeof v.code === "string" && v.code.startsWith("#")) || v.type === "Error" || typeof v.errorType === "string";
}

/** The "#XXX!" text of an error value, for messages. */
export function errorCodeOf(value: ExcelErrorLike): string {
  const v = value as { code?: string; errorType?: string };
  return v.code ?? v.errorType ?? "#VALUE!";
}

/** Test helpers for adapter tests: build Excel-shaped arguments and read results. */
import { KaiserError } from "../../src/functions/support/excelError";

/** A column range of values, as Excel passes a range (one array per row). */
export function column(values: readonly unknown[]): unknown[][] {
  return values.map((v) => [v]);
}

/** An error value as Excel passes it inside a range when errors are allowed (`#DIV/0!` etc.). */
export function errorCell(code = "#DIV/0!"): KaiserError {
  return new KaiserError(code);
}

/** The code and message of an error result, or undefined when the cell is not an error. */
export function errorOf(cell: unknown): { code: string; message?: string } | undefined {
  if (typeof cell === "object" && cell !== null && "code" in cell) {
    const e = cell as { code: string; message?: string };
    return { code: e.code, message: e.message };
  }
  return undefined;
}

/** The single value of a 1×1 result. */
export function only(result: unknown[][]): unknown {
  expect(result.length).toBe(1);
  expect(result[0].length).toBe(1);
  return result[0][0];
}

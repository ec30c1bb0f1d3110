/** What every figure family shares: why a figure cannot be computed, and a figure beside the workbook's own value. */
import { dec, Dec } from "../../engine/decimal";
import { EngineError } from "../../engine/errors";
import { formatUsd } from "../../engine/format";
import type { CellValue } from "../snapshot";
import { describe } from "./inputs";
import { Figure, FigureKey, Located, MISMATCH_TOLERANCE, TableInput } from "./types";

/** Why a figure cannot be computed: the first of its inputs that is missing or unusable. */
export function missingName(name: string, input: Located<unknown>): string | undefined {
  if (input.value !== undefined) return undefined;
  return input.problem ?? (input.cell === undefined ? `the name ${name} is missing` : `${name} is blank`);
}

export function missingTable(name: string, input: TableInput<unknown>): string | undefined {
  // A table read as columns (DailyOutstandings) has rows; asking for them would build them.
  if ((input as { columns?: unknown }).columns !== undefined || input.rows !== undefined) return undefined;
  return input.problem ?? `the table ${name} is missing`;
}

/** Why a figure cannot be computed: the first of its inputs that is missing or unusable (named cells by contract name). */
export function blocker(named: Readonly<Record<string, Located<unknown>>>, tables: Readonly<Record<string, TableInput<unknown>>> = {}): string | undefined {
  for (const [name, input] of Object.entries(named)) {
    const why = missingName(name, input);
    if (why !== undefined) return why;
  }
  for (const [name, input] of Object.entries(tables)) {
    const why = missingTable(name, input);
    if (why !== undefined) return why;
  }
  return undefined;
}

export function engineMessage(e: unknown): string {
  if (e instanceof EngineError) return e.message;
  throw e;
}

/** Compares the engine's amount with the workbook's output cell. */
function compare(value: Dec | null, output: Located<CellValue>): Pick<Figure, "workbookValue" | "cell" | "mismatch"> {
  if (output.cell === undefined) return { mismatch: false };
  const raw = output.value;
  if (typeof raw === "number" && Number.isFinite(raw)) {
    const mismatch = value !== null && dec(raw).minus(value).abs().greaterThan(MISMATCH_TOLERANCE);
    return { cell: output.cell, workbookValue: raw, mismatch };
  }
  const blank = raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");
  return { cell: output.cell, workbookValue: null, mismatch: value !== null && !blank && output.problem === undefined };
}

export function amountFigure(key: FigureKey, label: string, section: string, value: Dec | null, note?: string, output?: Located<CellValue>): Figure {
  const comparison = output === undefined ? { mismatch: false } : compare(value, output);
  return { key, label, section, value: value === null ? null : value.toNumber(), format: "usd", ...comparison, ...(note === undefined ? {} : { note }) };
}

/** What the workbook's output holds, for a mismatch message: "315,000,000.00", "#NAME?", "the text "n/a"", "blank". */
export function describeWorkbookValue(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "blank";
  if (typeof value === "number") return formatUsd(dec(value));
  return describe(value);
}

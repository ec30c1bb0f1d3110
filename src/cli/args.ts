/**
 * The command line of `kaiser-check`: `kaiser-check <file.xlsx> [--json] [--scenarios <file.csv>]`.
 * Pure: argv in, a decision out; main.ts acts on it.
 */
import { DEFAULT_LIMITS, ReadLimits } from "../workbook/limits";

export interface CheckOptions {
  /** The workbook to check, as given. */
  readonly file: string;
  /** One JSON document on stdout instead of text. */
  readonly json: boolean;
  /** A CSV of scenarios: each row overrides named inputs. */
  readonly scenarios?: string;
  /** Caps set on the command line (the rest are `DEFAULT_LIMITS`). */
  readonly limits?: Partial<ReadLimits>;
}

/** The options that set a reader's cap: flag, the limit it sets, the unit it is given in. */
const LIMIT_OPTIONS: readonly { readonly flag: string; readonly key: keyof ReadLimits; readonly unit: number; readonly what: string }[] = [
  { flag: "--max-file-mb", key: "maxFileBytes", unit: 1048576, what: "megabytes" },
  { flag: "--max-part-mb", key: "maxPartBytes", unit: 1048576, what: "megabytes" },
  { flag: "--max-total-mb", key: "maxTotalBytes", unit: 1048576, what: "megabytes" },
  { flag: "--max-cells", key: "maxCells", unit: 1, what: "cells" },
];

const mb = (bytes: number): string => `${bytes / 1048576}`;

export type ParsedArgs =
  | { readonly kind: "check"; readonly options: CheckOptions }
  | { readonly kind: "help" }
  | { readonly kind: "version" }
  | { readonly kind: "usage"; readonly message: string };

export const USAGE = [
  "Usage: kaiser-check <file.xlsx> [--json] [--scenarios <file.csv>]",
  "",
  "Checks a workbook against the Seventh Amendment's layout contract (the same rules as the task",
  "pane) and recomputes the amendment's figures from its inputs, beside the workbook's own.",
  "",
  "  --json                 print one JSON document instead of text",
  "  --scenarios <file.csv> recompute once per CSV row; each column, named after a named input",
  "                         (EligibleInventory, OLVInPlaceValue, …), overrides that input",
  `  --max-file-mb <n>      refuse a file larger than n MB (default ${mb(DEFAULT_LIMITS.maxFileBytes)})`,
  `  --max-part-mb <n>      stop when one part of the package inflates past n MB (default ${mb(DEFAULT_LIMITS.maxPartBytes)})`,
  `  --max-total-mb <n>     stop when all parts together inflate past n MB (default ${mb(DEFAULT_LIMITS.maxTotalBytes)})`,
  `  --max-cells <n>        stop past n cells in all sheets (default ${DEFAULT_LIMITS.maxCells.toLocaleString("en-US")})`,
  "  -h, --help             print this help",
  "  --version              print the version",
  "",
  "Exit status: 0 no errors, 1 the workbook has errors, 2 the file cannot be read (or bad usage).",
  "The input file is only read, never written.",
].join("\n");

/**
 * Parses the arguments after `node kaiser-check.js`.
 *
 * @example parseArgs(["model.xlsx", "--json"]) //=> { kind: "check", options: { file: "model.xlsx", json: true } }
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const files: string[] = [];
  let json = false;
  let scenarios: string | undefined;
  const limits: { -readonly [K in keyof ReadLimits]?: number } = {};
  let optionsEnded = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (optionsEnded || !arg.startsWith("-") || arg === "-") {
      files.push(arg);
      continue;
    }
    if (arg === "--") {
      optionsEnded = true;
    } else if (arg === "-h" || arg === "--help") {
      return { kind: "help" };
    } else if (arg === "--version" || arg === "-V") {
      return { kind: "version" };
    } else if (arg === "--json") {
      json = true;
    } else if (arg === "--scenarios" || arg.startsWith("--scenarios=")) {
      const value = arg === "--scenarios" ? argv[++i] : arg.slice("--scenarios=".length);
      if (value === undefined || value === "") return { kind: "usage", message: "--scenarios needs a CSV file: --scenarios <file.csv>" };
      if (scenarios !== undefined) return { kind: "usage", message: "--scenarios is given twice" };
      scenarios = value;
    } else if (LIMIT_OPTIONS.some((o) => arg === o.flag || arg.startsWith(`${o.flag}=`))) {
      const option = LIMIT_OPTIONS.find((o) => arg === o.flag || arg.startsWith(`${o.flag}=`)) as (typeof LIMIT_OPTIONS)[number];
      const value = arg === option.flag ? argv[++i] : arg.slice(option.flag.length + 1);
      const n = value === undefined || !/^\d+$/.test(value) ? NaN : Number(value);
      if (!Number.isSafeInteger(n) || n <= 0 || !Number.isSafeInteger(n * option.unit)) return { kind: "usage", message: `${option.flag} needs a whole number of ${option.what}: ${option.flag} <n>` };
      limits[option.key] = n * option.unit;
    } else {
      return { kind: "usage", message: `unknown option ${arg}` };
    }
  }
  if (files.length === 0) return { kind: "usage", message: "no workbook given" };
  if (files.length > 1) return { kind: "usage", message: `one workbook at a time (got ${files.length}: ${files.join(", ")})` };
  const options: CheckOptions = scenarios === undefined ? { file: files[0], json } : { file: files[0], json, scenarios };
  return { kind: "check", options: Object.keys(limits).length === 0 ? options : { ...options, limits } };
}

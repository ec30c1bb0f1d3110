/**
 * The command line of `kaiser-check`: `kaiser-check <file.xlsx> [--json] [--scenarios <file.csv>]
 * [--date-order mdy|dmy] [--decimal point|comma] [--calendar <out.ics>]
 * [--certificate <out.xlsx> [--as-of YYYY-MM-DD]] [--force]`.
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
  /** Dates like 10/11/2004 in the scenarios file: month first (mdy, en-US, the default) or day first (dmy). */
  readonly dateOrder?: "mdy" | "dmy";
  /** The scenarios file's decimal mark; absent: "," in a semicolon-delimited file, "." otherwise. */
  readonly decimal?: "." | ",";
  /** Write the compliance calendar as iCalendar to this new file. */
  readonly calendar?: string;
  /** A new workbook to write: the model plus the Borrowing Base Certificate sheet. */
  readonly certificate?: string;
  /** The certificate's as-of date, "YYYY-MM-DD" (a real date); the model's AsOfDate when absent. */
  readonly asOf?: string;
  /** Let --calendar or --certificate replace an existing file (never the input). */
  readonly force?: boolean;
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

export const USAGE_LINE = "Usage: kaiser-check <file.xlsx> [--json] [--scenarios <file.csv>] [--calendar <out.ics>]";
const CERTIFICATE_LINE = "       kaiser-check <file.xlsx> --certificate <out.xlsx> [--as-of YYYY-MM-DD] [--force]";

export const USAGE = [
  `${USAGE_LINE}`,
  CERTIFICATE_LINE,
  "",
  "Checks a workbook against the Seventh Amendment's layout contract (the same rules as the task",
  "pane) and recomputes the amendment's figures from its inputs, beside the workbook's own.",
  "",
  "  --json                 print one JSON document instead of text",
  "  --scenarios <file.csv> recompute once per CSV row; each column, named after a named input",
  "                         (EligibleInventory, OLVInPlaceValue, …), overrides that input;",
  "                         comma, semicolon or tab delimited, UTF-8, UTF-16 or Windows-1252",
  "  --date-order mdy|dmy   dates like 10/11/2004 in the CSV: month first (default) or day first",
  "  --decimal point|comma  the CSV's decimal mark (default: comma if semicolon-delimited, else point)",
  "  --calendar <out.ics>   write the compliance calendar as iCalendar to a new file",
  "  --certificate <out.xlsx>",
  "                         write a NEW workbook: the model plus a Borrowing Base Certificate",
  "                         sheet, every amount a live KAISER formula with its value cached",
  "  --as-of YYYY-MM-DD     the certificate's as-of date (default: the model's AsOfDate)",
  "  --force                let --calendar or --certificate replace an existing file (never the input)",
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
  let force = false;
  const values: { scenarios?: string; dateOrder?: string; decimal?: string; calendar?: string; certificate?: string; asOf?: string } = {};
  const valued: Record<string, { key: keyof typeof values; what: string }> = {
    "--scenarios": { key: "scenarios", what: "a CSV file: --scenarios <file.csv>" },
    "--date-order": { key: "dateOrder", what: "mdy or dmy: --date-order dmy" },
    "--decimal": { key: "decimal", what: "point or comma: --decimal comma" },
    "--calendar": { key: "calendar", what: "an .ics file to write: --calendar <out.ics>" },
    "--certificate": { key: "certificate", what: "a file: --certificate <out.xlsx>" },
    "--as-of": { key: "asOf", what: "a date: --as-of YYYY-MM-DD" },
  };
  const limits: { -readonly [K in keyof ReadLimits]?: number } = {};
  let optionsEnded = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (optionsEnded || !arg.startsWith("-") || arg === "-") {
      files.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    if (arg === "--") {
      optionsEnded = true;
    } else if (arg === "-h" || arg === "--help") {
      return { kind: "help" };
    } else if (arg === "--version" || arg === "-V") {
      return { kind: "version" };
    } else if (arg === "--json") {
      json = true;
    } else if (arg === "--force") {
      force = true;
    } else if (valued[flag] !== undefined) {
      const { key, what } = valued[flag];
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || value === "") return { kind: "usage", message: `${flag} needs ${what}` };
      if (values[key] !== undefined) return { kind: "usage", message: `${flag} is given twice` };
      values[key] = value;
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
  const dateOrder = values.dateOrder?.toLowerCase();
  if (dateOrder !== undefined && dateOrder !== "mdy" && dateOrder !== "dmy") return { kind: "usage", message: `--date-order is mdy or dmy, not ${values.dateOrder}` };
  const decimal = values.decimal?.toLowerCase();
  if (decimal !== undefined && decimal !== "point" && decimal !== "comma") return { kind: "usage", message: `--decimal is point or comma, not ${values.decimal}` };
  if ((dateOrder !== undefined || decimal !== undefined) && values.scenarios === undefined) {
    return { kind: "usage", message: `${dateOrder !== undefined ? "--date-order" : "--decimal"} applies to a scenarios file: add --scenarios <file.csv>` };
  }
  if (values.asOf !== undefined && !isIsoDate(values.asOf)) return { kind: "usage", message: `--as-of ${values.asOf} is not a date YYYY-MM-DD` };
  if (values.asOf !== undefined && values.certificate === undefined) return { kind: "usage", message: "--as-of goes with --certificate <out.xlsx>" };
  if (force && values.calendar === undefined && values.certificate === undefined) return { kind: "usage", message: "--force applies to --calendar or --certificate: add --calendar <out.ics> or --certificate <out.xlsx>" };
  const options: CheckOptions = {
    file: files[0],
    json,
    ...(values.scenarios !== undefined ? { scenarios: values.scenarios } : {}),
    ...(dateOrder !== undefined ? { dateOrder } : {}),
    ...(decimal !== undefined ? { decimal: decimal === "comma" ? "," : "." } : {}),
    ...(values.calendar !== undefined ? { calendar: values.calendar } : {}),
    ...(values.certificate !== undefined ? { certificate: values.certificate } : {}),
    ...(values.asOf !== undefined ? { asOf: values.asOf } : {}),
    ...(force ? { force } : {}),
    ...(Object.keys(limits).length === 0 ? {} : { limits }),
  };
  return { kind: "check", options };
}

/** A real calendar date written YYYY-MM-DD (2004-02-30 is not one). */
function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

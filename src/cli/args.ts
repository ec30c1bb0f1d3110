/**
 * The command line of `kaiser-check`: `kaiser-check <file.xlsx> [--json] [--scenarios <file.csv>]`.
 * Pure: argv in, a decision out; main.ts acts on it.
 */

export interface CheckOptions {
  /** The workbook to check, as given. */
  readonly file: string;
  /** One JSON document on stdout instead of text. */
  readonly json: boolean;
  /** A CSV of scenarios: each row overrides named inputs. */
  readonly scenarios?: string;
}

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
    } else {
      return { kind: "usage", message: `unknown option ${arg}` };
    }
  }
  if (files.length === 0) return { kind: "usage", message: "no workbook given" };
  if (files.length > 1) return { kind: "usage", message: `one workbook at a time (got ${files.length}: ${files.join(", ")})` };
  return { kind: "check", options: scenarios === undefined ? { file: files[0], json } : { file: files[0], json, scenarios } };
}

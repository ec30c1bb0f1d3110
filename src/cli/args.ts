/**
 * The command line of `kaiser-check`: `kaiser-check <file.xlsx> [--json] [--scenarios <file.csv>]
 * [--certificate <out.xlsx> [--as-of YYYY-MM-DD] [--force]]`.
 * Pure: argv in, a decision out; main.ts acts on it.
 */

export interface CheckOptions {
  /** The workbook to check, as given. */
  readonly file: string;
  /** One JSON document on stdout instead of text. */
  readonly json: boolean;
  /** A CSV of scenarios: each row overrides named inputs. */
  readonly scenarios?: string;
  /** A new workbook to write: the model plus the Borrowing Base Certificate sheet. */
  readonly certificate?: string;
  /** The certificate's as-of date, "YYYY-MM-DD" (a real date); the model's AsOfDate when absent. */
  readonly asOf?: string;
  /** Overwrite the certificate's file when it exists (never the input). */
  readonly force?: true;
}

export type ParsedArgs =
  | { readonly kind: "check"; readonly options: CheckOptions }
  | { readonly kind: "help" }
  | { readonly kind: "version" }
  | { readonly kind: "usage"; readonly message: string };

export const USAGE = [
  "Usage: kaiser-check <file.xlsx> [--json] [--scenarios <file.csv>]",
  "       kaiser-check <file.xlsx> --certificate <out.xlsx> [--as-of YYYY-MM-DD] [--force]",
  "",
  "Checks a workbook against the Seventh Amendment's layout contract (the same rules as the task",
  "pane) and recomputes the amendment's figures from its inputs, beside the workbook's own.",
  "",
  "  --json                 print one JSON document instead of text",
  "  --scenarios <file.csv> recompute once per CSV row; each column, named after a named input",
  "                         (EligibleInventory, OLVInPlaceValue, …), overrides that input",
  "  --certificate <out.xlsx>",
  "                         write a NEW workbook: the model plus a Borrowing Base Certificate",
  "                         sheet, every amount a live KAISER formula with its value cached",
  "  --as-of YYYY-MM-DD     the certificate's as-of date (default: the model's AsOfDate)",
  "  --force                overwrite the --certificate file if it exists (never the input)",
  "  -h, --help             print this help",
  "  --version              print the version",
  "",
  "Exit status: 0 no errors, 1 the workbook has errors, 2 the file cannot be read (or bad usage).",
  "The input file is only read, never written; --certificate writes only its own new file.",
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
  const extra: { certificate?: string; asOf?: string; force?: true } = {};
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
    } else if (arg === "--force") {
      extra.force = true;
    } else if (/^--(certificate|as-of)(=|$)/.test(arg)) {
      const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, argv[++i]];
      const key = flag === "--certificate" ? "certificate" : "asOf";
      if (inline === undefined || inline === "") return { kind: "usage", message: flag === "--certificate" ? "--certificate needs a file: --certificate <out.xlsx>" : "--as-of needs a date: --as-of YYYY-MM-DD" };
      if (extra[key] !== undefined) return { kind: "usage", message: `${flag} is given twice` };
      if (key === "asOf" && !isIsoDate(inline)) return { kind: "usage", message: `--as-of ${inline} is not a date YYYY-MM-DD` };
      extra[key] = inline;
    } else {
      return { kind: "usage", message: `unknown option ${arg}` };
    }
  }
  if (files.length === 0) return { kind: "usage", message: "no workbook given" };
  if (files.length > 1) return { kind: "usage", message: `one workbook at a time (got ${files.length}: ${files.join(", ")})` };
  if (extra.certificate === undefined && (extra.asOf !== undefined || extra.force)) return { kind: "usage", message: `${extra.asOf !== undefined ? "--as-of" : "--force"} goes with --certificate <out.xlsx>` };
  return { kind: "check", options: { ...(scenarios === undefined ? { file: files[0], json } : { file: files[0], json, scenarios }), ...extra } };
}

/** A real calendar date written YYYY-MM-DD (2004-02-30 is not one). */
function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

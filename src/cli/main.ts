/**
 * `kaiser-check <file.xlsx> [--json] [--scenarios <file.csv>] [--calendar <out.ics> [--force]]`: the
 * task pane's checks and the amendment's figures, for a reviewer's terminal or CI.
 *
 * Exit status: 0 no errors; 1 the workbook has errors (or a scenario sets an input the
 * calculations cannot use); 2 the workbook or the scenarios file cannot be read, the calendar file
 * cannot be written (it exists, without --force), or the command line is wrong; 3 an internal error
 * (a bug). Every failure is one line on stderr, never a stack trace. The workbook is only ever read;
 * the one file ever written is the --calendar file, new unless --force.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { rowCount } from "../review/snapshot";
import { DEFAULT_LIMITS } from "../workbook/limits";
import { parseArgs, USAGE, USAGE_LINE, CheckOptions } from "./args";
import { printable } from "./printable";
import { Progress } from "./progress";
import { readBytes, readWorkbook, UnreadableFileError } from "./readWorkbook";
import { jsonReport, scenariosText, textReport } from "./report";
import { review as reviewWorkbook } from "../review/review";
import { CertificateError, writeCertificate } from "./certificate";
import { decodeCsv } from "./csv";
import { toICalendar } from "../review/icalendar";
import { readScenarioTable } from "../review/scenarioTable";
import { CsvError, parseScenarios, runScenarios, Scenario, ScenarioResult } from "./scenarios";

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_UNREADABLE = 2;
export const EXIT_INTERNAL = 3;

export interface Io {
  readonly stdout: (text: string) => void;
  /** One line, without its newline. */
  readonly stderr: (line: string) => void;
}

/** The package version, from the package.json above this file (src/cli or build/src/cli). */
export function version(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- read at run time: the file sits outside the compiled tree
      const pkg = require(path.join(dir, "package.json")) as { name?: string; version?: string };
      if (pkg.name === "kaiser-seventh-amendment-addin" && pkg.version !== undefined) return pkg.version;
    } catch {
      // not here; look one level up
    }
    dir = path.dirname(dir);
  }
  return "unknown";
}

class ScenarioFileError extends Error {}
class CalendarFileError extends Error {}

/** --calendar never names an input: with --force it would replace the workbook or the scenarios file. */
function checkCalendarTarget(options: CheckOptions): void {
  const target = path.resolve(options.calendar as string);
  for (const input of [options.file, options.scenarios]) {
    if (input !== undefined && path.resolve(input) === target) throw new CalendarFileError(`${options.calendar}: --calendar names an input file; give a new .ics file`);
  }
}

/** Writes the .ics: a new file only ("wx"), unless --force lets it replace one. */
async function writeCalendar(file: string, text: string, force: boolean): Promise<void> {
  try {
    await fs.writeFile(file, text, { encoding: "utf8", flag: force ? "w" : "wx" });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "EEXIST" ? "exists; --force replaces it" : code === "ENOENT" ? "its folder does not exist" : code === "EISDIR" ? "is a directory" : `cannot be written (${code ?? "unknown error"})`;
    throw new CalendarFileError(`${file}: ${why}`);
  }
}

async function readScenarios(file: string, options: CheckOptions): Promise<Scenario[]> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ScenarioFileError(`${file}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : `cannot read the scenarios file (${code ?? "unknown error"})`}`);
  }
  try {
    const { text } = decodeCsv(bytes);
    return parseScenarios(text, { ...(options.dateOrder !== undefined ? { dateOrder: options.dateOrder } : {}), ...(options.decimal !== undefined ? { decimal: options.decimal } : {}) });
  } catch (e) {
    if (e instanceof CsvError) throw new ScenarioFileError(`${file}: ${e.message}`);
    throw e;
  }
}

async function check(options: CheckOptions, io: Io): Promise<number> {
  // KAISER_CHECK_PROGRESS_MS: how long the check stays quiet before its progress lines (1,000 ms by default; 0 prints every stage).
  const quiet = process.env.KAISER_CHECK_PROGRESS_MS;
  const progress = new Progress({ write: (line) => io.stderr(printable(line)), ...(quiet !== undefined && /^\d{1,7}$/.test(quiet) ? { afterMs: Number(quiet) } : {}) });
  try {
    if (options.calendar !== undefined) checkCalendarTarget(options);
    let scenarios = options.scenarios === undefined ? undefined : await readScenarios(options.scenarios, options);
    progress.stage(`reading ${options.file}`);
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    const data = await readBytes(options.file, limits);
    progress.stage(`reading ${options.file} (${(data.length / 1048576).toFixed(1)} MB)`);
    const snapshot = await readWorkbook(options.file, data, limits);
    const rows = snapshot.sheets.reduce((n, s) => n + rowCount(s), 0);
    progress.stage(`checking ${rows.toLocaleString("en-US")} rows`);
    const review = reviewWorkbook(snapshot);
    let results: ScenarioResult[] | undefined;
    // Without --scenarios, the workbook's own Scenarios table (layout contract), in the same shape.
    if (scenarios === undefined) {
      const table = readScenarioTable(snapshot);
      if (table !== undefined && "problem" in table) throw new ScenarioFileError(`${options.file}: ${table.cell}: ${table.problem}`);
      if (table !== undefined && table.scenarios.length > 0) scenarios = table.scenarios.map((t) => ({ name: t.name, line: t.row, overrides: t.overrides }));
    }
    if (scenarios !== undefined) {
      progress.stage(`recomputing ${scenarios.length} scenarios`);
      results = runScenarios(review.inputs, scenarios);
    }
    if (options.certificate !== undefined) {
      progress.stage(`writing ${options.certificate}`);
      const written = await writeCertificate({ input: options.file, output: options.certificate, asOf: options.asOf, force: options.force === true }, data, snapshot, review);
      io.stderr(printable(`kaiser-check: ${written}`));
    }
    if (options.calendar !== undefined) {
      progress.stage(`writing ${options.calendar}`);
      await writeCalendar(options.calendar, toICalendar(review.calendar, { name: `Kaiser Seventh Amendment: ${path.basename(options.file)}` }), options.force === true);
    }
    progress.stage("writing the report");
    const context = { file: options.file, version: version() };
    if (options.json) io.stdout(jsonReport(review, context, results));
    else if (results !== undefined) io.stdout(scenariosText(results, review, context));
    else io.stdout(textReport(review, context));
    const scenarioProblems = results?.some((r) => r.problems.length > 0) ?? false;
    return review.summary.errors > 0 || scenarioProblems ? EXIT_ERRORS : EXIT_OK;
  } catch (e) {
    if (e instanceof UnreadableFileError || e instanceof ScenarioFileError || e instanceof CertificateError || e instanceof CalendarFileError) {
      // The file's name and the parts named come from outside: printed visibly, never raw.
      io.stderr(printable(`kaiser-check: ${e.message}`));
      return EXIT_UNREADABLE;
    }
    throw e;
  } finally {
    progress.done();
  }
}

/** Runs the command with the arguments after the script's name; resolves to the exit status. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    const parsed = parseArgs(argv);
    switch (parsed.kind) {
      case "help":
        io.stdout(`${USAGE}\n`);
        return EXIT_OK;
      case "version":
        io.stdout(`${version()}\n`);
        return EXIT_OK;
      case "usage":
        io.stderr(printable(`kaiser-check: ${parsed.message}`));
        io.stderr(`${USAGE_LINE}   (--help for more)`);
        return EXIT_UNREADABLE;
      case "check":
        return await check(parsed.options, io);
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(printable(`kaiser-check: internal error: ${message.split("\n")[0]} (please report this with the workbook)`));
    if (process.env.KAISER_CHECK_DEBUG === "1" && e instanceof Error && e.stack !== undefined) io.stderr(e.stack);
    return EXIT_INTERNAL;
  }
}

/** The process entry point used by bin/kaiser-check.js. */
export function run(): void {
  const io: Io = {
    stdout: (text) => {
      process.stdout.write(text);
    },
    stderr: (line) => {
      process.stderr.write(`${line}\n`);
    },
  };
  // A reader that stops early (`kaiser-check model.xlsx | head`) closes the pipe: not an error of ours.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? EXIT_OK);
    throw e;
  });
  void main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}

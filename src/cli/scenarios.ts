/**
 * `--scenarios file.csv`: each row of the CSV overrides some of the workbook's named inputs, and the
 * CLI recomputes the amendment's figures once per row. Columns are named after the layout
 * contract's named cells (`EligibleInventory,OLVInPlaceValue`, case-insensitive); an optional first
 * column `Scenario` names each row. An empty field keeps the workbook's own value.
 *
 * The file is read as Excel saves it (csv.ts: encoding, delimiter; csvValues.ts: amounts with
 * thousands separators or `$`, percentages like `72%`, dates ISO, serial or `10/31/2004`, day first
 * with `dateOrder: "dmy"`); `blank` clears an input (NetRecoveryPercentage before an appraisal).
 * The decimal mark is "," in a semicolon-delimited file (as Excel writes one where "," is the
 * decimal separator, de-DE) and "." otherwise, unless `decimal` says. Pure: text in, results out;
 * reading the file is main.ts's.
 */
import { NAMED_CELLS, LayoutEntry, NamedCellName } from "../review/layout";
import { OVERRIDABLE_NAMES } from "../review/recalc";
import { Figure, InputOverrides, ModelInputs, ReviewOptions, reviewInputs } from "../review/review";
import { withoutInertMark } from "../review/formulaText";
import { CsvDelimiter, CsvError, detectDelimiter, parseCsv } from "./csv";
import { DateOrder, DecimalMark, readValue } from "./csvValues";

export { CsvError };

export interface Override {
  /** The contract's name, as the contract spells it ("EligibleInventory"). */
  readonly name: NamedCellName;
  /** The value to use; null clears the input (the field said `blank`). */
  readonly value: number | null;
}

export interface Scenario {
  /** The row's name: its Scenario column, or "row N" (N counts data rows from 1). */
  readonly name: string;
  /** Line of the CSV file the row is on. */
  readonly line: number;
  readonly overrides: readonly Override[];
}

/** Header names that name the row rather than an input. */
const NAME_COLUMNS = ["scenario", "name"];

/**
 * Parses the scenarios file. Unknown columns, repeated columns and values that are not numbers of
 * the input's kind are a CsvError naming the line and column, so a typo never silently keeps the
 * workbook's value.
 *
 * @example parseScenarios("Scenario,EligibleInventory\nLow inventory,100000000\n")[0]
 * //=> { name: "Low inventory", line: 2, overrides: [{ name: "EligibleInventory", value: 100000000 }] }
 */
export function parseScenarios(text: string, options: ScenarioFileOptions = {}): Scenario[] {
  const { delimiter } = detectDelimiter(text);
  const rows = parseCsv(text, delimiter);
  const valueOptions = { dateOrder: options.dateOrder ?? "mdy", decimal: options.decimal ?? defaultDecimal(delimiter) } as const;
  if (rows.length === 0) throw new CsvError("the file is empty; the first line names the inputs to override (e.g. Scenario,EligibleInventory,OLVInPlaceValue)");
  const header = rows[0].fields.map((f) => f.trim());
  let nameColumn = -1;
  const columns: ((LayoutEntry & { name: NamedCellName }) | undefined)[] = header.map((h, i) => {
    if (i === 0 && NAME_COLUMNS.includes(h.toLowerCase())) {
      nameColumn = 0;
      return undefined;
    }
    const entry = NAMED_CELLS.find((e) => e.name.toLowerCase() === h.toLowerCase() && OVERRIDABLE_NAMES.some((n) => n === e.name)) as (LayoutEntry & { name: NamedCellName }) | undefined;
    if (entry === undefined) {
      throw new CsvError(`line ${rows[0].line}: column "${h}" is not a named input of the layout; use ${NAMED_CELLS.map((e) => e.name).join(", ")}`);
    }
    return entry;
  });
  const seen = new Set<string>();
  for (const c of columns) {
    if (c === undefined) continue;
    if (seen.has(c.name)) throw new CsvError(`line ${rows[0].line}: column ${c.name} appears twice`);
    seen.add(c.name);
  }
  if (seen.size === 0) throw new CsvError(`line ${rows[0].line}: no input columns; name at least one input (${NAMED_CELLS.map((e) => e.name).join(", ")})`);
  return rows.slice(1).map((row, index) => {
    if (row.fields.length > header.length) {
      throw new CsvError(`line ${row.line}: ${row.fields.length} fields but the header has ${header.length}`);
    }
    const overrides: Override[] = [];
    columns.forEach((entry, i) => {
      if (entry === undefined) return;
      const raw = (row.fields[i] ?? "").trim();
      if (raw === "") return;
      if (raw.toLowerCase() === "blank") {
        overrides.push({ name: entry.name, value: null });
        return;
      }
      const read = readValue(raw, entry.type, valueOptions);
      if (!read.ok) throw new CsvError(`row ${row.line}, column ${entry.name}: "${raw}" ${read.reason}`);
      overrides.push({ name: entry.name, value: read.value });
    });
    const given = nameColumn === 0 ? withoutInertMark((row.fields[0] ?? "").trim()) : "";
    return { name: given !== "" ? given : `row ${index + 1}`, line: row.line, overrides };
  });
}

/** How the scenarios file is read: the order of day and month in dates, and the decimal mark. */
export interface ScenarioFileOptions {
  readonly dateOrder?: DateOrder;
  readonly decimal?: DecimalMark;
}

/** A semicolon-delimited file is what Excel writes where the comma is the decimal separator (de-DE). */
export function defaultDecimal(delimiter: CsvDelimiter): DecimalMark {
  return delimiter === ";" ? "," : ".";
}

/** A CSV field as the number the named cell would hold (en-US notation), or undefined when it is not one. */
export function parseValue(raw: string, entry: Pick<LayoutEntry, "type">): number | undefined {
  const read = readValue(raw, entry.type);
  return read.ok ? read.value : undefined;
}

/** One scenario recomputed: its figures and what stood in the way of any of them. */
export interface ScenarioResult {
  readonly scenario: Scenario;
  readonly figures: readonly Figure[];
  /** Overridden inputs that are not usable (a negative amount, a fraction above 1) and figures that cannot be computed. */
  readonly problems: readonly string[];
}

/**
 * Reviews the workbook's inputs once per scenario with the overrides applied (review.ts
 * `reviewInputs`: the snapshot is not read again, and the workbook's own output cells are left out,
 * since they belong to the workbook's inputs, not the scenario's).
 *
 * @param inputs - `review(snapshot).inputs`
 */
export function runScenarios(inputs: ModelInputs, scenarios: readonly Scenario[], options: ReviewOptions = {}): ScenarioResult[] {
  return scenarios.map((scenario) => {
    const overrides: Partial<Record<NamedCellName, number | null>> = {};
    for (const o of scenario.overrides) overrides[o.name] = o.value;
    const figures = reviewInputs(inputs, overrides as InputOverrides, options).figures;
    // A figure that cannot be computed is a problem; "no Threshold Event" is a value (noEvent), not one.
    const problems = [...new Set(figures.filter((f) => f.value === null && f.note !== undefined && f.noEvent !== true).map((f) => f.note as string))];
    return { scenario, figures, problems };
  });
}

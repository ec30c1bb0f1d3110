/**
 * `npm run examples`: writes the sample workbooks of examples/ from the ready model (template/,
 * the same definition as the task pane's Insert model), so they cannot drift from it:
 *
 * - amendment-model.xlsx: the model as it is, clean: the amendment's figures and a Threshold
 *   Event scenario in September and October 2004;
 * - broken-model.xlsx: the same model with one instance of each rule's bad case (checks/
 *   `RULES`), each broken cell carrying a comment that names the rule it breaks;
 * - scenarios.csv: scenarios for `kaiser-check --scenarios`.
 *
 * Deterministic (see xlsxWriter.ts): a test regenerates the three files and compares them byte for
 * byte with the committed ones.
 */
import * as fs from "fs";
import * as path from "path";
import { serial } from "../src/engine/dates";
import { SWITCHABLE_READINGS } from "../src/engine/readings";
import { a1, CellValue, parseRange } from "../src/review/snapshot";
import * as bb from "../src/engine/borrowingBase";
import { formatPercent, formatUsd } from "../src/engine/format";
import { EXAMPLE, MODEL_TEMPLATE, ModelTemplate, TemplateCell, TemplateTable } from "../src/review/template";
import { term } from "../src/engine/terms";
import { FunctionEntry } from "./formulaEval";
import { writeTemplateXlsx } from "./xlsxWriter";
import { discoverFunctions, projectRoot } from "./functionRegistry";

/** One deliberate mistake of the broken model: the rule it breaks, the cell it is in, and why. */
export interface BadCase {
  readonly rule: string;
  /** A1 address on the model sheet of the cell that carries the comment. */
  readonly cell: string;
  /** What was done, for the comment and the README. */
  readonly what: string;
}

export interface GeneratedFile {
  readonly name: string;
  readonly data: Buffer;
}

/** The functions as the writer calls them. */
export function functionTable(): Map<string, FunctionEntry> {
  return new Map(discoverFunctions().map((f) => [f.id, { fn: f.fn, matrix: f.parameters.map((p) => p.matrix) }]));
}

// ---- editing a copy of the template ----

/** A mutable copy of the template for the broken model's edits. */
class Draft {
  cells: TemplateCell[];
  names: Record<string, string>;
  tables: TemplateTable[];
  readonly cases: BadCase[] = [];
  /** Cached results forced on formula cells (what a workbook saved elsewhere shows). */
  readonly cached: Record<string, CellValue> = {};
  manual = false;

  constructor(private readonly base: ModelTemplate) {
    this.cells = [...base.cells];
    this.names = { ...base.names };
    this.tables = base.tables.map((t) => ({ ...t, rows: t.rows.map((r) => [...r]) }));
  }

  template(): ModelTemplate {
    return { ...this.base, cells: this.cells, names: this.names, tables: this.tables };
  }

  /** A case: the comment goes on `cell`. */
  record(rule: string, cell: string, what: string): void {
    this.cases.push({ rule, cell, what });
  }

  cell(address: string): TemplateCell | undefined {
    return this.cells.find((c) => c.address === address);
  }

  /** Replaces (or adds) the cell at an address. */
  set(address: string, patch: Partial<TemplateCell> & Pick<TemplateCell, "value">): void {
    const old = this.cell(address);
    const next: TemplateCell = { role: old?.role ?? "label", ...(old ?? {}), ...patch, address };
    if (!("formula" in patch)) {
      // A constant typed over a formula: the formula and what it showed go.
      const typed = next as { formula?: string; figure?: string; spill?: string };
      delete typed.formula;
      delete typed.figure;
      delete typed.spill;
    }
    this.cells = old === undefined ? [...this.cells, next] : this.cells.map((c) => (c.address === address ? next : c));
  }

  /** The address of a name, by the contract's spelling. */
  nameAddress(name: string): string {
    const address = this.names[name];
    if (address === undefined) throw new Error(`the template has no name ${name}`);
    return address;
  }

  table(name: string): TemplateTable {
    const t = this.tables.find((x) => x.name === name);
    if (t === undefined) throw new Error(`the template has no table ${name}`);
    return t;
  }

  private replaceTable(name: string, next: TemplateTable): void {
    this.tables = this.tables.map((t) => (t.name === name ? next : t));
  }

  /** The A1 address of a data cell of a table (row counts data rows from 0). */
  tableCell(name: string, row: number, header: string): string {
    const t = this.table(name);
    const range = parseRange(t.address);
    const col = t.headers.indexOf(header);
    if (range === undefined || col < 0) throw new Error(`no ${name}[${header}]`);
    return a1(range.start.row + 1 + row, range.start.col + col);
  }

  rowIndex(name: string, find: (row: readonly CellValue[]) => boolean): number {
    const i = this.table(name).rows.findIndex(find);
    if (i < 0) throw new Error(`no such row in ${name}`);
    return i;
  }

  setTableValue(name: string, row: number, header: string, value: CellValue): string {
    const t = this.table(name);
    const col = t.headers.indexOf(header);
    const rows = t.rows.map((r, i) => (i === row ? r.map((v, c) => (c === col ? value : v)) : r));
    this.replaceTable(name, { ...t, rows });
    return this.tableCell(name, row, header);
  }

  /** Replaces the data rows; the table's range follows. */
  setRows(name: string, rows: CellValue[][]): void {
    const t = this.table(name);
    const range = parseRange(t.address);
    if (range === undefined) throw new Error(`table ${name} has no range`);
    const address = `${a1(range.start.row, range.start.col)}:${a1(range.start.row + rows.length, range.end.col)}`;
    this.replaceTable(name, { ...t, rows, address });
  }

  /** Renames a column header, and every structured reference to it (as Excel does). */
  renameColumn(name: string, from: string, to: string): string {
    const t = this.table(name);
    const col = t.headers.indexOf(from);
    this.replaceTable(name, { ...t, headers: t.headers.map((h) => (h === from ? to : h)) });
    // `Table[Column]`, and a column at either end of a block `Table[[First]:[Last]]`.
    this.rewriteFormulas((f) =>
      f
        .split(`${name}[${from}]`)
        .join(`${name}[${to}]`)
        .split(`${name}[[${from}]:`)
        .join(`${name}[[${to}]:`)
        .replace(new RegExp(`(${name}\\[\\[[^\\]]*\\]:)\\[${from}\\]\\]`, "g"), `$1[${to}]]`),
    );
    const range = parseRange(t.address);
    return range === undefined ? "" : a1(range.start.row, range.start.col + col);
  }

  /** Adds a column at the right of a table (the table's range widens over the empty column beside it). */
  addColumn(name: string, header: string, values: readonly CellValue[], numberFormat: string): string {
    const t = this.table(name);
    const range = parseRange(t.address);
    if (range === undefined) throw new Error(`table ${name} has no range`);
    const address = `${a1(range.start.row, range.start.col)}:${a1(range.end.row, range.end.col + 1)}`;
    this.replaceTable(name, { ...t, address, headers: [...t.headers, header], rows: t.rows.map((r, i) => [...r, values[i] ?? null]), numberFormats: [...t.numberFormats, numberFormat] });
    return a1(range.start.row, range.end.col + 1);
  }

  /**
   * Table › Convert to Range: the cells stay, the table goes, and formulas that referred to its
   * columns now refer to the plain ranges (as Excel rewrites them).
   */
  convertToRange(name: string): string {
    const t = this.table(name);
    const range = parseRange(t.address);
    if (range === undefined) throw new Error(`table ${name} has no range`);
    t.headers.forEach((h, c) => this.set(a1(range.start.row, range.start.col + c), { value: h, role: "heading" }));
    t.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) this.set(a1(range.start.row + 1 + r, range.start.col + c), { value: v, numberFormat: t.numberFormats[c], role: "input" });
      }),
    );
    this.rewriteFormulas((f) =>
      t.headers.reduce((text, h, c) => {
        const column = `$${a1(range.start.row + 1, range.start.col + c).replace(/(\d+)$/, "$$$1")}:$${a1(range.end.row, range.start.col + c).replace(/(\d+)$/, "$$$1")}`;
        return text.split(`${name}[${h}]`).join(column);
      }, f),
    );
    this.tables = this.tables.filter((x) => x.name !== name);
    return a1(range.start.row, range.start.col);
  }

  private rewriteFormulas(rewrite: (formula: string) => string): void {
    this.cells = this.cells.map((c) => (c.formula === undefined ? c : { ...c, formula: rewrite(c.formula) }));
  }
}

// ---- the broken model ----

/** The broken model: one bad case per rule, recorded with its cell. */
export function brokenModel(base: ModelTemplate = MODEL_TEMPLATE): { template: ModelTemplate; cases: BadCase[]; cached: Record<string, CellValue>; manual: boolean } {
  const d = new Draft(base);
  const iso = (y: number, m: number, day: number): number => serial(y, m, day);

  // Named cells [layout contract].
  const asOf = d.nameAddress("AsOfDate");
  delete d.names.AsOfDate;
  d.record("missing-name", asOf, "The name AsOfDate was deleted: the date is still here, but no name says this is the date of determination.");

  const olv = d.nameAddress("OLVInPlaceValue");
  const olvRange = parseRange(olv);
  if (olvRange === undefined) throw new Error("OLVInPlaceValue has no cell");
  d.names.OLVInPlaceValue = `${olv}:${a1(olvRange.start.row, olvRange.start.col + 1)}`;
  d.record("name-not-single-cell", olv, `The name OLVInPlaceValue was widened to ${d.names.OLVInPlaceValue}, two cells.`);

  const outstandings = d.nameAddress("RevolvingCreditOutstandings");
  d.set(outstandings, { value: -4000000 });
  d.record("negative-amount", outstandings, "Revolving Credit Outstandings entered as a negative amount.");

  const receivables = d.nameAddress("ReceivablesComponent");
  d.set(receivables, { value: d.cell(receivables)?.value ?? null, numberFormat: "0.00%" });
  d.record("whole-percentage", receivables, "The receivables amount is formatted as a percentage.");

  const kbc = d.nameAddress("KBCAllocableAmount");
  const kbcCap = term("kbcAllocableAmountCap");
  const kbcTooHigh = kbcCap.plus(500000);
  d.set(kbc, { value: kbcTooHigh.toNumber() });
  d.record("out-of-range", kbc, `KBC Allocable Amount of ${formatUsd(kbcTooHigh)}, above the ${formatUsd(kbcCap)} Section 9.2.18(ix) allows.`);

  const rca = d.nameAddress("RevolvingCommitmentAmount");
  const commitment = term("revolvingCommitmentAmount");
  const wrongCommitment = commitment.times(5).dividedBy(4);
  d.set(rca, { value: wrongCommitment.toNumber() });
  d.record("commitment-not-200m", rca, `Revolving Commitment Amount of ${formatUsd(wrongCommitment)} instead of the amendment's ${formatUsd(commitment)}.`);

  // Tables [layout contract].
  d.record("missing-table", d.convertToRange("ANECharges"), "The table ANECharges was converted to a plain range (Table › Convert to Range).");
  d.record("missing-column", d.renameColumn("Dispositions", "Attributable3M", "Attributable 3M"), 'The Dispositions column Attributable3M was renamed "Attributable 3M".');
  d.record(
    "superseded-column",
    d.addColumn("Dispositions", "AttributableEBITDA", [1550000, 3000000], d.table("Dispositions").numberFormats[2]),
    "The earlier model's single AttributableEBITDA column left beside the per-period columns: ignored, each period uses its own (9.2.4 agrees an amount for each period).",
  );
  d.record("unknown-kind", d.setTableValue("Dispositions", 0, "Interest", "KJBC"), 'Interest "KJBC": the keyword is GRAMERCY.');
  d.record("error-value", d.setTableValue("Dispositions", 1, "Date", { error: "#N/A" }), "A disposition date shows #N/A.");

  // Readings [README Readings]: rows 2 and 5 of the table are R-COMMITMENTFEE-BASIS and R-TE-RECUR; R-PPE-C-VALCO's row is found by id.
  d.record("reading-not-default", d.setTableValue("Readings", 1, "Choice", "365"), "R-COMMITMENTFEE-BASIS set to 365, not the default 360 (no figure of the model changes).");
  d.record("reading-choice", d.setTableValue("Readings", 4, "Choice", "ONCE"), 'R-TE-RECUR set to "ONCE", which is not one of its choices (RESTART, RUN).');
  const valcoRow = SWITCHABLE_READINGS.findIndex((r) => r.id === "R-PPE-C-VALCO");
  d.record(
    "reading-without-closing",
    d.setTableValue("Readings", valcoRow, "Choice", "FIXED"),
    `R-PPE-C-VALCO set to FIXED while PPEEvents has VALCO proceeds (2004-11-15) and no VALCOCLOSING row: the ${formatUsd(term("valcoBaseReduction"))} is left out.`,
  );

  const periods = d.table("MonthlyEBITDA").rows.map((r) => [...r]);
  periods.push([iso(2005, 1, 31), -19000000]);
  d.setRows("MonthlyEBITDA", periods);
  d.record("unknown-period", d.tableCell("MonthlyEBITDA", periods.length - 1, "PeriodEnd"), "A period ending 2005-01-31, for which Section 9.2.4 sets no minimum.");
  d.record("text-not-number", d.setTableValue("MonthlyEBITDA", 0, "EBITDA", "-18,250,000"), 'EBITDA typed as the text "-18,250,000".');
  d.record("bad-date", d.setTableValue("MonthlyEBITDA", 1, "PeriodEnd", "30/11/2004"), 'A period end typed as the text "30/11/2004".');
  d.record("blank-required", d.setTableValue("MonthlyEBITDA", 2, "EBITDA", null), "The EBITDA of the period ending 2004-12-31 is blank.");

  // DailyOutstandings [1.1(aa)].
  const daily = d.table("DailyOutstandings").rows.map((r) => [...r]);
  const saturday = iso(2004, 9, 4);
  const afterFriday = daily.findIndex((r) => r[0] === iso(2004, 9, 7));
  daily.splice(afterFriday, 0, [saturday, daily[afterFriday - 1][1]]);
  const missing = iso(2004, 11, 10);
  daily.splice(
    daily.findIndex((r) => r[0] === missing),
    1,
  );
  const a = daily.findIndex((r) => r[0] === iso(2004, 12, 20));
  [daily[a], daily[a + 1]] = [daily[a + 1], daily[a]];
  // Six Business Days, 2004-12-06 to 12-13, without a row: 12-03's figures stand for all of them.
  const gapFrom = daily.findIndex((r) => r[0] === iso(2004, 12, 6));
  const gapTo = daily.findIndex((r) => r[0] === iso(2004, 12, 14));
  daily.splice(gapFrom, gapTo - gapFrom);
  d.setRows("DailyOutstandings", daily);
  d.record("non-business-day", d.tableCell("DailyOutstandings", afterFriday, "Date"), "A row for Saturday 2004-09-04, not a Business Day.");
  const afterGap = daily.findIndex((r) => (r[0] as number) > missing);
  d.record("missing-business-days", d.tableCell("DailyOutstandings", afterGap, "Date"), "The row for Wednesday 2004-11-10, a Business Day, is missing above this one (2004-11-11 is Veterans Day).");
  d.record(
    "dates-out-of-order",
    d.tableCell(
      "DailyOutstandings",
      daily.findIndex((r) => r[0] === iso(2004, 12, 20)),
      "Date",
    ),
    "2004-12-20 comes after 2004-12-21: the two rows are in the wrong order.",
  );
  d.record(
    "daily-outstandings-gap",
    d.tableCell("DailyOutstandings", gapFrom, "Date"),
    "The rows for 2004-12-06 to 2004-12-13 are missing: six Business Days between 2004-12-03 and this row, over which the Threshold Event test carries 12-03's figures.",
  );

  // PPEEvents [1.1(t)(b)].
  const lastEvent = d.rowIndex("PPEEvents", (r) => r[1] === "THRESHOLDEVENT" && r[0] === iso(2004, 10, 25));
  d.record("threshold-event-not-in-ppe-events", d.setTableValue("PPEEvents", lastEvent, "Date", iso(2004, 10, 26)), "The Threshold Event of 2004-10-25 entered as 2004-10-26.");
  const events = d.table("PPEEvents").rows.map((r) => [...r]);
  events.push([iso(2003, 6, 30), "DISPOSITION", 750000], [iso(2005, 1, 1), "THRESHOLDEVENT", null]);
  d.setRows("PPEEvents", events);
  d.record(
    "disposition-before-sixth-amendment",
    d.tableCell("PPEEvents", events.length - 2, "Date"),
    "A DISPOSITION of 2003-06-30, before the Sixth Amendment (2003-08-01): 1.1(t)(a) counts only dispositions after it, so it reduces nothing.",
  );
  d.record("threshold-event-not-business-day", d.tableCell("PPEEvents", events.length - 1, "Date"), "A THRESHOLDEVENT dated 2005-01-01, New Year's Day, not a Business Day.");

  // Formulas and outputs.
  const reserve = d.nameAddress("AvailabilityReserve");
  // 10% of the wrong commitment, typed over the formula: the lesser of the cap and 10% is the cap.
  const typedReserve = wrongCommitment.times(term("availabilityReserveRate"));
  d.set(reserve, { value: typedReserve.toNumber(), numberFormat: d.cell(reserve)?.numberFormat, role: "output" });
  d.record(
    "output-mismatch",
    reserve,
    `The Availability Reserve typed over as ${formatUsd(typedReserve)}: the lesser of ${formatUsd(term("availabilityReserveCap"))} and ${formatPercent(term("availabilityReserveRate"))} of the commitment is ${formatUsd(term("availabilityReserveCap"))}.`,
  );
  const fee = d.cells.find((c) => c.figure === "amendmentFee")?.address;
  if (fee === undefined) throw new Error("the template has no amendment fee");
  d.cached[fee] = { error: "#NAME?" };
  d.record("addin-not-loaded", fee, "Saved where the add-in was not loaded: the formula shows #NAME?.");
  const free = a1((parseRange(asOf)?.start.row ?? 4) - 1, 4);
  const freeRow = (parseRange(free)?.start.row ?? 3) + 1;
  d.set(free, { value: "Worked by hand (do not do this)", role: "heading" });
  d.set(`E${freeRow + 1}`, { value: "Amendment fee on the old commitment", role: "label" });
  const prior = term("priorRevolvingCommitmentAmount");
  d.set(`F${freeRow + 1}`, { value: null, formula: `=KAISER.AMENDMENTFEE(${prior.toString()})`, numberFormat: d.cell(fee)?.numberFormat, role: "output" });
  d.record("pre-amendment-figure", `F${freeRow + 1}`, `The ${formatUsd(prior)} commitment the Seventh Amendment replaced, typed into a formula.`);
  d.set(`E${freeRow + 2}`, { value: "Threshold, by hand", role: "label" });
  const rate = term("thresholdRate").toString();
  d.set(`F${freeRow + 2}`, {
    value: null,
    formula: `=${rate}*(ReceivablesComponent+KAISER.INVENTORYCOMPONENT(EligibleInventory, NetRecoveryPercentage))`,
    numberFormat: d.cell(fee)?.numberFormat,
    role: "output",
  });
  d.record("literal-term-in-formula", `F${freeRow + 2}`, `The Threshold rate ${rate} typed into a formula instead of KAISER.TERM("thresholdRate").`);

  d.manual = true;
  d.record("manual-calculation", "A1", "The workbook is saved with manual calculation (Formulas › Calculation Options).");
  return { template: d.template(), cases: d.cases, cached: d.cached, manual: d.manual };
}

/** The comment a broken cell carries: the rule(s) it breaks and what was done. */
export function commentsOf(cases: readonly BadCase[]): Record<string, string> {
  const comments: Record<string, string> = {};
  for (const c of cases) {
    const text = `Breaks rule ${c.rule}: ${c.what}`;
    comments[c.cell] = comments[c.cell] === undefined ? text : `${comments[c.cell]}\n${text}`;
  }
  return comments;
}

// ---- a large model, for the CLI's tests and benchmark ----

/**
 * The model with DailyOutstandings grown to `rows` rows: the model's own days, then every later
 * Business Day with outstandings below the Threshold. Past 2030 the dates leave the contract's
 * range (bad-date, reported ten times and then counted), which a 100,000-row series must.
 */
export function largeModel(rows: number, base: ModelTemplate = MODEL_TEMPLATE): ModelTemplate {
  const d = new Draft(base);
  const daily = d.table("DailyOutstandings").rows.map((r) => [...r]);
  let date = daily[daily.length - 1][0] as number;
  const threshold = bb.threshold(EXAMPLE.receivablesComponent, bb.inventoryComponent(EXAMPLE.eligibleInventory, EXAMPLE.netRecoveryPercentage).amount);
  while (daily.length < rows) {
    date++;
    const weekday = (date + 6) % 7; // 0 = Sunday
    if (weekday === 0 || weekday === 6) continue;
    // Below the Threshold every day: 80% to 86% of it.
    daily.push([date, threshold.times(80 + (daily.length % 7)).dividedBy(100).toDecimalPlaces(2).toNumber()]);
  }
  d.setRows("DailyOutstandings", daily.slice(0, rows));
  return d.template();
}

/** The large model as .xlsx bytes. */
export async function largeModelXlsx(rows: number): Promise<Buffer> {
  return writeTemplateXlsx(largeModel(rows), { functions: functionTable(), title: `Seventh Amendment model with ${rows} days of outstandings` });
}

/** The broken model's cases as the README's table (between `<!-- broken-model:start -->` and `<!-- broken-model:end -->`). */
export function brokenModelMarkdown(cases: readonly BadCase[] = brokenModel().cases): string {
  const lines = ["| rule | cell | what was done |", "| --- | --- | --- |"];
  for (const c of cases) lines.push(`| \`${c.rule}\` | ${c.cell} | ${c.what.replace(/\|/g, "\\|")} |`);
  return lines.join("\n");
}

export const README_MARKERS = ["<!-- broken-model:start -->", "<!-- broken-model:end -->"] as const;

/** The README with the broken model's table replaced by the current one. */
export function withBrokenModelTable(readme: string): string {
  const [start, end] = README_MARKERS;
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md lacks the markers ${start} … ${end}`);
  return `${readme.slice(0, from + start.length)}\n${brokenModelMarkdown()}\n${readme.slice(to)}`;
}

// ---- scenarios ----

/** Scenarios around the model's own inputs: each changes one or two of them. */
export function scenariosCsv(): string {
  const inventory = EXAMPLE.eligibleInventory.times(0.8);
  const olv = EXAMPLE.olvInPlaceValue.dividedBy(2);
  const receivables = EXAMPLE.receivablesComponent.times(1.1);
  return [
    "Scenario,EligibleInventory,NetRecoveryPercentage,OLVInPlaceValue,ReceivablesComponent,RevolvingCreditOutstandings",
    "As modelled,,,,,",
    "Before the appraisal (no Net Recovery Percentage),,blank,,,",
    `Inventory down 20%,${inventory.toString()},,,,`,
    `OLV In-Place Value halved,,,${olv.toString()},,`,
    `Receivables up 10%,,,,${receivables.toString()},`,
    `Outstandings at the commitment,,,,,${term("revolvingCommitmentAmount").toString()}`,
    "",
  ].join("\n");
}

// ---- generation ----

/** The three files, generated in memory (nothing is written). */
export async function generateExamples(): Promise<GeneratedFile[]> {
  const functions = functionTable();
  const clean = await writeTemplateXlsx(MODEL_TEMPLATE, { functions, title: "Seventh Amendment model (kaiser-check example)" });
  const broken = brokenModel();
  const brokenData = await writeTemplateXlsx(broken.template, {
    functions,
    title: "Seventh Amendment model with one mistake per rule (kaiser-check example)",
    comments: commentsOf(broken.cases),
    cachedResults: broken.cached,
    calculationMode: broken.manual ? "manual" : "automatic",
    // The widened OLVInPlaceValue makes clause (c) spill into the next column: #SPILL!, as in Excel.
    allowBlockedSpills: true,
  });
  return [
    { name: "amendment-model.xlsx", data: clean },
    { name: "broken-model.xlsx", data: brokenData },
    { name: "scenarios.csv", data: Buffer.from(scenariosCsv(), "utf8") },
  ];
}

export const EXAMPLES_DIR = "examples";

async function main(): Promise<void> {
  const dir = path.join(projectRoot(), EXAMPLES_DIR);
  fs.mkdirSync(dir, { recursive: true });
  for (const file of await generateExamples()) {
    fs.writeFileSync(path.join(dir, file.name), file.data);
    console.log(`wrote ${path.join(EXAMPLES_DIR, file.name)} (${file.data.length.toLocaleString("en-US")} bytes)`);
  }
  const readme = path.join(projectRoot(), "README.md");
  const text = fs.readFileSync(readme, "utf8");
  const updated = withBrokenModelTable(text);
  if (updated !== text) {
    fs.writeFileSync(readme, updated);
    console.log("updated the broken model's table in README.md");
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(`examples: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  });
}

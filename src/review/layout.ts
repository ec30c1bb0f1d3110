/**
 * The layout contract: what a model workbook holds for the amendment's calculations, as pure data.
 *
 * One entry per named cell, table, table column and optional output, each with its name, kind,
 * type, unit, whether it is required, its allowed range and the section it serves. The checks
 * (checks/), the recalculation (recalc/), the ready model (template/), the task pane, the CLI
 * and the README's table (`layoutMarkdownTable`) all read this one definition, so they cannot drift.
 *
 * Names are workbook-scoped and matched case-insensitively, as Excel matches them; table column
 * headers are matched case-insensitively after trimming.
 */
import { serial } from "../engine/dates";
import { formatPercent, formatUsd } from "../engine/format";
import { term } from "../engine/terms";
import { PPE_EVENT_KINDS } from "../engine/ppeReduction";
import { ANE_CATEGORY_KEYS } from "../engine/adjustedNetEarnings";
import { SWITCHABLE_READINGS } from "../engine/readings";
import { minimumEbitdaPeriods, periodName } from "../engine/minimumEbitda";

/** Every choice name of every switchable reading, once each (the Readings table's Choice column). */
const READING_CHOICES: readonly string[] = [...new Set(SWITCHABLE_READINGS.flatMap((r) => r.choices.map((c) => c.name)))];

export type LayoutKind = "named cell" | "table" | "column" | "output";

/**
 * - amount: US dollars, not negative;
 * - signed amount: US dollars, may be negative (EBITDA);
 * - fraction: 0..1 (65% is 0.65);
 * - date: an Excel date serial;
 * - keyword: text from a fixed list (case-insensitive);
 * - table: an Excel table.
 */
export type LayoutType = "amount" | "signed amount" | "fraction" | "date" | "keyword" | "table";

export interface LayoutEntry {
  /** "EligibleInventory", "DailyOutstandings", or for a column "DailyOutstandings[Date]". */
  readonly name: string;
  readonly kind: LayoutKind;
  readonly type: LayoutType;
  /** "USD", "fraction", "Excel date", "text", "—". */
  readonly unit: string;
  readonly required: boolean;
  /** The allowed range or values, as a reader sees it ("≥ 0", "0..1", "≤ $7,000,000", "LIFO, PENSION, …"). */
  readonly allowed: string;
  /** Lowest allowed number (amounts: 0; dates: the first serial of `DATE_FIRST_YEAR`). */
  readonly min?: number;
  /** Highest allowed number (fractions: 1; KBC Allocable Amount: the cap; dates: the last serial of `DATE_LAST_YEAR`). */
  readonly max?: number;
  /** For keywords: the allowed values, upper case. */
  readonly values?: readonly string[];
  /** The amendment section the entry serves, e.g. "1.1(f)(b)". */
  readonly section: string;
  /** What the entry holds, for a finance user. */
  readonly description: string;
  /** For a column: its table ("DailyOutstandings"); for a table: undefined. */
  readonly table?: string;
  /** For a column: its header ("Date"). */
  readonly column?: string;
  /** For a column: blank cells are skipped rather than reported (the list may be longer than its entries). */
  readonly blanksSkipped?: boolean;
  /**
   * For a superseded column an older model may still have: the headers of the columns it stands in
   * for, each taking its value, when the table has none of them (a warning says so).
   */
  readonly standsFor?: readonly string[];
}

/** Dates in a model must fall in these years (the amendment's term and a margin for projections). */
export const DATE_FIRST_YEAR = 2004;
export const DATE_LAST_YEAR = 2030;
export const DATE_MIN = serial(DATE_FIRST_YEAR, 1, 1);
export const DATE_MAX = serial(DATE_LAST_YEAR, 12, 31);

/**
 * The Dispositions columns of the Attributable EBITDA Amounts, one per period of Section 9.2.4 in the
 * table's order (1 month ending 2004-10-31, 2 months ending 2004-11-30, 3 months ending 2004-12-31;
 * Reading R-EBITDA-PERIOD-AMOUNT), and the single column of the earlier model that stands in for all three.
 */
export const ATTRIBUTABLE_COLUMNS = ["Attributable1M", "Attributable2M", "Attributable3M"] as const;
export const SINGLE_ATTRIBUTABLE_COLUMN = "AttributableEBITDA";
if (ATTRIBUTABLE_COLUMNS.length !== minimumEbitdaPeriods().length) throw new Error("layout.ts: one Attributable EBITDA column per Minimum EBITDA period");

/** Interests whose disposition (or QAL Triggering Event) lowers the Minimum EBITDA floor (Section 9.2.4). */
export const DISPOSITION_INTERESTS = ["QAL", "GRAMERCY", "VALCO"] as const;

const AMOUNT = { type: "amount", unit: "USD", allowed: "≥ 0", min: 0 } as const;
const SIGNED = { type: "signed amount", unit: "USD", allowed: "any amount (negative is a loss)" } as const;
const DATE = { type: "date", unit: "Excel date", allowed: `${DATE_FIRST_YEAR}-01-01..${DATE_LAST_YEAR}-12-31`, min: DATE_MIN, max: DATE_MAX } as const;
/**
 * PPEEvents dates reach back to the Credit Agreement's year, 2002: a DISPOSITION effected before the
 * Sixth Amendment (2003-08-01) may be listed, and the review says it reduces nothing (Reading R-PPE-SIXTH).
 */
export const PPE_DATE_FIRST_YEAR = 2002;
const PPE_DATE = { ...DATE, allowed: `${PPE_DATE_FIRST_YEAR}-01-01..${DATE_LAST_YEAR}-12-31`, min: serial(PPE_DATE_FIRST_YEAR, 1, 1) } as const;
const FRACTION = { type: "fraction", unit: "fraction", allowed: "0..1 (65% is 0.65)", min: 0, max: 1 } as const;

function keyword(values: readonly string[]): Pick<LayoutEntry, "type" | "unit" | "allowed" | "values"> {
  return { type: "keyword", unit: "text", allowed: values.join(", "), values };
}

/** Workbook-scoped names, each one cell. */
export const NAMED_CELLS: readonly LayoutEntry[] = [
  { name: "AsOfDate", kind: "named cell", ...DATE, required: true, section: "1.1(aa)", description: "The date of determination: PPE Subcomponent Reductions count up to this date" },
  { name: "ReceivablesComponent", kind: "named cell", ...AMOUNT, required: true, section: "1.1(f)(a)", description: "Clause (a) of the Borrowing Base (receivables), as the Credit Agreement defines it" },
  { name: "EligibleInventory", kind: "named cell", ...AMOUNT, required: true, section: "1.1(f)(b)", description: "All Eligible Inventory as at the date of determination" },
  {
    name: "NetRecoveryPercentage",
    kind: "named cell",
    ...FRACTION,
    required: false,
    section: "1.1(f)(b)",
    description: "Net Recovery Percentage from the most recent Inventory appraisal; blank before a satisfactory appraisal",
  },
  { name: "OLVInPlaceValue", kind: "named cell", ...AMOUNT, required: true, section: "1.1(f)(c)", description: "OLV In-Place Value of Eligible Fixed Assets" },
  { name: "RevolvingCommitmentAmount", kind: "named cell", ...AMOUNT, required: true, section: "1.2", description: `Revolving Commitment Amount: ${formatUsd(term("revolvingCommitmentAmount"))} after the Seventh Amendment` },
  { name: "RevolvingCreditOutstandings", kind: "named cell", ...AMOUNT, required: true, section: "1.1(aa)", description: "Revolving Credit Outstandings at the date of determination" },
  {
    name: "KBCAllocableAmount",
    kind: "named cell",
    type: "amount",
    unit: "USD",
    allowed: `0..${formatUsd(term("kbcAllocableAmountCap"))}`,
    min: 0,
    max: term("kbcAllocableAmountCap").toNumber(),
    required: false,
    section: "9.2.18(ix)",
    description: "KBC Allocable Amount of the Gramercy/KJBC proceeds (Section 1.1(n)); blank is none",
  },
];

/** An Excel table and its columns. */
export interface TableLayout {
  readonly table: LayoutEntry;
  readonly columns: readonly LayoutEntry[];
}

function table(name: string, required: boolean, section: string, description: string, columns: Omit<LayoutEntry, "kind" | "table" | "name" | "section">[]): TableLayout {
  return {
    table: { name, kind: "table", type: "table", unit: "—", allowed: "an Excel table with a header row", required, section, description },
    columns: columns.map((c) => ({ ...c, name: `${name}[${c.column}]`, kind: "column", table: name, section })),
  };
}

export const TABLES: readonly TableLayout[] = [
  table("DailyOutstandings", true, "1.1(aa)", "Revolving Credit Outstandings for each Business Day, in date order", [
    { column: "Date", ...DATE, required: true, description: "Business Day, ascending without duplicates" },
    { column: "Outstandings", ...AMOUNT, required: true, description: "Revolving Credit Outstandings that day" },
    { column: "Threshold", ...AMOUNT, required: false, description: "The Threshold that day, when it moves; without this column the Threshold of the date of determination applies" },
  ]),
  table("PPEEvents", true, "1.1(t)", "Events that reduce the PPE Subcomponent", [
    { column: "Date", ...PPE_DATE, required: true, description: "Date of the event or of the cash received; a THRESHOLDEVENT on a Business Day" },
    {
      column: "Kind",
      ...keyword(PPE_EVENT_KINDS),
      required: true,
      description:
        "Which clause of 1.1(t): DISPOSITION (a), THRESHOLDEVENT (b), GRAMERCY (c)(1), VALCO (c)(2), INTERCOMPANY (d)/(e); VALCOCLOSING, GRAMERCYCLOSING, KBCPLAN (c) for R-PPE-C-VALCO / R-PPE-C-GRAMERCY FIXED",
    },
    { column: "Amount", ...AMOUNT, required: true, description: "Net Disposition Proceeds that count, cash received, or intercompany Indebtedness not repaid; ignored (may be blank) for THRESHOLDEVENT and the closings" },
  ]),
  table("MonthlyEBITDA", true, "9.2.4", "Consolidated EBITDA for each Minimum EBITDA period", [
    { column: "PeriodEnd", ...DATE, required: true, description: "Last day of the period (2004-10-31, 2004-11-30 or 2004-12-31)" },
    { column: "EBITDA", ...SIGNED, required: true, description: "EBITDA for the period from 2004-10-01 to the period end" },
  ]),
  table("Dispositions", true, "9.2.4", "QAL Triggering Events and Asset Dispositions of the Gramercy/KJBC or VALCO Interests", [
    { column: "Date", ...DATE, required: true, description: "Date consummated" },
    { column: "Interest", ...keyword(DISPOSITION_INTERESTS), required: true, description: "QAL, GRAMERCY (Gramercy/KJBC) or VALCO" },
    ...minimumEbitdaPeriods().map((p) => ({
      column: ATTRIBUTABLE_COLUMNS[p.index],
      ...SIGNED,
      required: true,
      description: `Attributable EBITDA Amount for the ${periodName(p)} (Reading R-EBITDA-PERIOD-AMOUNT), as agreed by the Company and the Required Lenders`,
    })),
    {
      column: SINGLE_ATTRIBUTABLE_COLUMN,
      ...SIGNED,
      required: false,
      standsFor: ATTRIBUTABLE_COLUMNS,
      description: `Earlier models' single Attributable EBITDA Amount: used for every period, with a warning, when the table has none of ${ATTRIBUTABLE_COLUMNS.join(", ")}; ignored when it has them`,
    },
  ]),
  table("ANECharges", true, "1.1(c)", "Charges excluded from Adjusted Net Earnings from Operations, up to their caps", [
    { column: "Date", ...DATE, required: true, description: "Date the charge was recorded" },
    { column: "Category", ...keyword(ANE_CATEGORY_KEYS), required: true, description: "Which exclusion of 1.1(c)(i)-(n)" },
    { column: "Amount", ...AMOUNT, required: true, description: "The charge included in consolidated net income" },
  ]),
  table("Holidays", false, "1.1(aa)", "Extra holidays beyond the Federal Reserve's (e.g. days of mourning); blank table is none", [
    { column: "Date", ...DATE, required: true, blanksSkipped: true, description: "A day that is not a Business Day; blank cells are skipped" },
  ]),
  table("Readings", false, "README Readings", "Readings this workbook applies instead of the add-in's defaults; absent or blank is every default", [
    { column: "Reading", ...keyword(SWITCHABLE_READINGS.map((r) => r.id)), required: true, blanksSkipped: true, description: "A switchable reading's id, e.g. R-TE-RECUR" },
    { column: "Choice", ...keyword(READING_CHOICES), required: true, blanksSkipped: true, description: "One of that reading's choices, e.g. RUN (README, Readings)" },
  ]),
];

/** The figures the workbook may compute itself; the checks recompute each and compare. */
export const OUTPUTS: readonly LayoutEntry[] = [
  { name: "BorrowingBase", kind: "output", ...AMOUNT, required: false, section: "1.1(f)", description: "Borrowing Base: clause (a) + clause (b) + clause (c)" },
  { name: "Threshold", kind: "output", ...AMOUNT, required: false, section: "1.1(aa)", description: `Threshold: ${formatPercent(term("thresholdRate"))} of clauses (a) and (b) of the Borrowing Base` },
  { name: "AvailabilityReserve", kind: "output", ...AMOUNT, required: false, section: "1.1(e)", description: "Availability Reserve" },
  { name: "Availability", kind: "output", ...SIGNED, required: false, section: "1.1(e)", description: "Availability (Reading R-AVAILABILITY); negative is an overadvance" },
  { name: "PPESubcomponent", kind: "output", ...AMOUNT, required: false, section: "1.1(f)(c)", description: "PPE Subcomponent after the PPE Subcomponent Reductions to the date of determination" },
];

/**
 * The optional `Scenarios` table: one row per what-if scenario, a `Scenario` name column and one
 * column per overridable input, named as the named cells are (and as the CLI's scenarios CSV names
 * its columns). A blank cell keeps the workbook's value; the text `blank` clears the input. It is
 * not a calculation input, so the layout checks leave it alone; the review reads it for the CLI
 * (without --scenarios) and the pane's What-if section.
 */
export const SCENARIOS_TABLE: TableLayout = {
  table: {
    name: "Scenarios",
    kind: "table",
    type: "table",
    unit: "—",
    allowed: "an Excel table with a header row",
    required: false,
    section: "—",
    description: "What-if scenarios: a Scenario column and any of the named inputs as columns; a blank cell keeps the workbook's value",
  },
  columns: [
    { name: "Scenarios[Scenario]", kind: "column", type: "keyword", unit: "text", allowed: "any name, unique", required: true, section: "—", table: "Scenarios", column: "Scenario", description: "The scenario's name" },
    ...NAMED_CELLS.map((e): LayoutEntry => ({ ...e, name: `Scenarios[${e.name}]`, kind: "column", required: false, table: "Scenarios", column: e.name, description: `Overrides ${e.name}; blank keeps the workbook's value, the text blank clears it` })),
  ],
};

/** Every entry of the contract, in the README's order. */
export const LAYOUT: readonly LayoutEntry[] = [...NAMED_CELLS, ...TABLES.flatMap((t) => [t.table, ...t.columns]), ...OUTPUTS, SCENARIOS_TABLE.table, ...SCENARIOS_TABLE.columns];

export type NamedCellName = "AsOfDate" | "ReceivablesComponent" | "EligibleInventory" | "NetRecoveryPercentage" | "OLVInPlaceValue" | "RevolvingCommitmentAmount" | "RevolvingCreditOutstandings" | "KBCAllocableAmount";
export type TableName = "DailyOutstandings" | "PPEEvents" | "MonthlyEBITDA" | "Dispositions" | "ANECharges" | "Holidays" | "Readings" | "Scenarios";
export type OutputName = "BorrowingBase" | "Threshold" | "AvailabilityReserve" | "Availability" | "PPESubcomponent";

/** The entry of a named cell or output by name (case-insensitive). */
export function layoutEntry(name: string): LayoutEntry | undefined {
  const wanted = name.toLowerCase();
  return LAYOUT.find((e) => e.name.toLowerCase() === wanted);
}

/** A table's layout by name (case-insensitive). */
export function tableLayout(name: string): TableLayout | undefined {
  const wanted = name.toLowerCase();
  return TABLES.find((t) => t.table.name.toLowerCase() === wanted);
}

/**
 * How a table's headers meet its contract columns once a superseded column stands in (`standsFor`):
 * `standingIn` is each superseded column the table has and none of whose columns it has (read for
 * them, with a warning); `ignored`, each it has beside any of them (not read); `missing`, each
 * required column neither present nor stood in for. Headers match ignoring case and surrounding space.
 *
 * @example columnsMet(tableLayout("Dispositions")!, ["Date", "Interest", "AttributableEBITDA"]).standingIn.map((e) => e.column) //=> ["AttributableEBITDA"]
 */
export function columnsMet(layout: TableLayout, headers: readonly string[]): { missing: LayoutEntry[]; standingIn: LayoutEntry[]; ignored: LayoutEntry[] } {
  const present = new Set(headers.map((h) => h.trim().toLowerCase()));
  const has = (header: string | undefined) => header !== undefined && present.has(header.toLowerCase());
  const standingIn: LayoutEntry[] = [];
  const ignored: LayoutEntry[] = [];
  const covered = new Set<string>();
  for (const e of layout.columns) {
    if (e.standsFor === undefined || !has(e.column)) continue;
    if (e.standsFor.some(has)) ignored.push(e);
    else {
      standingIn.push(e);
      for (const h of e.standsFor) covered.add(h);
    }
  }
  const missing = layout.columns.filter((e) => e.required && !has(e.column) && !covered.has(e.column as string));
  return { missing, standingIn, ignored };
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|");
}

/**
 * The contract as a Markdown table for the README (between `<!-- layout:start -->` and
 * `<!-- layout:end -->`; a test keeps them equal, `node build/scripts/layout-table.js` rewrites them).
 */
export function layoutMarkdownTable(): string {
  const lines = ["| name | kind | type | unit | required | allowed | section | what it holds |", "| --- | --- | --- | --- | --- | --- | --- | --- |"];
  for (const e of LAYOUT) {
    lines.push(
      `| \`${cell(e.name)}\` | ${e.kind} | ${e.type} | ${e.unit} | ${e.required ? "yes" : "no"} | ${cell(e.allowed)} | ${e.section} | ${cell(e.description)} |`,
    );
  }
  return lines.join("\n");
}

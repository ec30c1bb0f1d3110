/**
 * The layout checks: pure functions over a `WorkbookSnapshot` that tell a finance user what keeps a
 * workbook from holding the amendment's inputs in the right shape and units, each finding tied to
 * its cell ("Sheet!A1") and to the section the input serves.
 *
 * The contract checked is layout.ts; the independent recalculation behind "output-mismatch" is
 * recalc/. One pass over each table column and one over each sheet's cells: 100,000 rows of
 * DailyOutstandings take a fraction of a second. A rule that fires on many cells of one column
 * reports the first `MAX_FINDINGS_PER_GROUP` and then one finding with the count of the rest.
 *
 * One module per concept, each rule beside what it checks: names.ts (named cells), tables.ts
 * (tables and columns), values.ts (what a cell holds), dailySeries.ts (DailyOutstandings),
 * ppeEvents.ts (PPEEvents dates), periods.ts (MonthlyEBITDA), formulas.ts (figures and formulas in
 * every cell, calculation mode), figures.ts (the recalculation against the workbook); the Readings
 * rules are in ../readings.ts; rules.ts lists them all in the README's order.
 */
import type { Finding } from "../findings";
import type { Figure, ModelInputs } from "../recalc";
import type { WorkbookSnapshot } from "../snapshot";
import { Collector, ValidateOptions } from "./collector";
import { checkOutputs, checkThresholdEventsListed } from "./figures";
import { checkCalculation, scanCells } from "./formulas";
import { checkNames } from "./names";
import { RULES, SEVERITY } from "./rules";
import { checkTables } from "./tables";

export { MAX_FINDINGS_PER_GROUP } from "./collector";
export type { Rule, ValidateOptions } from "./collector";
export { RULES } from "./rules";
export type { RuleId } from "./rules";
export { numberStoredAsText } from "./values";
export { formulaLiterals } from "./formulas";

/**
 * What the checks take from the one recalculation of a review (review.ts), so they never read the
 * inputs or recompute a figure themselves.
 */
export interface CheckBasis {
  readonly inputs: ModelInputs;
  /** The recomputed figures, each beside the workbook's own (output-mismatch compares them). */
  readonly figures: readonly Figure[];
  /** The 5-Business-Day Threshold Events of DailyOutstandings read in date order; undefined when they cannot be worked out. */
  readonly thresholdEventDates: readonly number[] | undefined;
}

/**
 * Runs every rule of `RULES` over a snapshot and returns the findings, errors and warnings with
 * their cells and sections. Pure and fast: no Office, no I/O. Called by `review()` (review.ts),
 * which reads the inputs and recomputes the figures once; `validate` there is its short form.
 *
 * @param snapshot - the workbook as an adapter (Excel, .xlsx) or a test built it
 * @param basis - the review's inputs, figures and Threshold Events
 * @param options - extra holidays (whole-day serials) beyond the Federal Reserve's and the Holidays table
 */
export function layoutFindings(snapshot: WorkbookSnapshot, basis: CheckBasis, options: ValidateOptions = {}): Finding[] {
  const out = new Collector(SEVERITY);
  checkNames(snapshot, out);
  checkTables(snapshot, out, options);
  scanCells(snapshot, out);
  checkCalculation(snapshot, out);
  checkOutputs(snapshot, basis.figures, out);
  checkThresholdEventsListed(snapshot, basis.inputs, basis.thresholdEventDates, out);
  return out.finish();
}

/**
 * The rules as a Markdown table for the README (between `<!-- rules:start -->` and
 * `<!-- rules:end -->`; a test keeps them equal, `node build/scripts/layout-table.js` rewrites them).
 */
export function rulesMarkdownTable(): string {
  const lines = ["| id | severity | what it checks | section |", "| --- | --- | --- | --- |"];
  for (const r of RULES) lines.push(`| \`${r.id}\` | ${r.severity} | ${r.title.replace(/\|/g, "\\|")} | ${r.section} |`);
  return lines.join("\n");
}

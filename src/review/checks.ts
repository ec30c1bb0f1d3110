/**
 * The layout checks: pure functions over a `WorkbookSnapshot` that tell a finance user what keeps a
 * workbook from holding the amendment's inputs in the right shape and units, each finding tied to
 * its cell ("Sheet!A1") and to the section the input serves.
 *
 * The contract checked is layout.ts; the independent recalculation behind "output-mismatch" is
 * recalc.ts. One pass over each table column and one over each sheet's cells: 100,000 rows of
 * DailyOutstandings take a fraction of a second. A rule that fires on many cells of one column
 * reports the first `MAX_FINDINGS_PER_GROUP` and then one finding with the count of the rest.
 */
import { dec, Dec } from "../engine/decimal";
import { isoFromSerial, MAX_SERIAL, MIN_SERIAL, weekday, ymd } from "../engine/dates";
import { Finding, Severity } from "./findings";
import { formatPercent, formatUsd } from "../engine/format";
import { inCalendar, isBusinessDay, namedFederalReserveHolidays } from "../engine/businessDays";
import { minimumEbitdaPeriods } from "../engine/minimumEbitda";
import { PPE_AMOUNT_IGNORED } from "../engine/ppeReduction";
import { DATE_FIRST_YEAR, DATE_LAST_YEAR, DATE_MAX, DATE_MIN, LayoutEntry, NAMED_CELLS, OUTPUTS, PPE_DATE_FIRST_YEAR, TABLES, TableLayout } from "./layout";
import { cellName, eachCell, formulaAt, locateName, locateTable, numberFormatAt, tableColumn, TableLocation, valueAt } from "./locate";
import { describeWorkbookValue, Figure, ModelInputs } from "./recalc";
import { a1, CellValue, isCellError, qualified, SheetSnapshot, WorkbookSnapshot } from "./snapshot";
import { term, termDate, TERMS, TermKey, TERM_KEYS, termInt, TermSpec } from "../engine/terms";

export interface Rule {
  /** Stable id, the same in the pane, the CLI, the README and `Finding.ruleId`. */
  readonly id: string;
  readonly severity: Severity;
  /** What the rule checks, one line for the README and the pane. */
  readonly title: string;
  /** The section it serves; "input's" where each finding carries the section of its input. */
  readonly section: string;
}

const INPUT = "the input's";

/** Every rule of the checks, in the order the README lists them. */
export const RULES = [
  { id: "missing-name", severity: "error", title: "A required named cell of the layout contract is not defined in the workbook", section: INPUT },
  { id: "name-not-single-cell", severity: "error", title: "A contract name refers to more than one cell, to #REF!, to a constant or to a missing sheet", section: INPUT },
  { id: "missing-table", severity: "error", title: "A required Excel table of the layout contract is missing", section: INPUT },
  { id: "missing-column", severity: "error", title: "A table lacks a required column (headers are matched case-insensitively)", section: INPUT },
  { id: "blank-required", severity: "error", title: "A required named cell or a table cell is blank (a wholly blank table row counts once)", section: INPUT },
  { id: "text-not-number", severity: "error", title: 'Text or TRUE/FALSE where a number is wanted, including numbers stored as text such as "1,000"', section: INPUT },
  { id: "error-value", severity: "error", title: "An input shows an error value (#REF!, #DIV/0!, #N/A …)", section: INPUT },
  { id: "negative-amount", severity: "error", title: "A negative number where the amendment speaks of an amount", section: INPUT },
  { id: "whole-percentage", severity: "error", title: "A fraction entered as a whole percentage (65 instead of 0.65), or an amount formatted as a percentage", section: INPUT },
  { id: "out-of-range", severity: "error", title: `A number outside its allowed range (a fraction above 100 or below 0; the KBC Allocable Amount above its cap; a THRESHOLDEVENT dated on or before ${isoFromSerial(termDate("thresholdEventAfter"))})`, section: INPUT },
  { id: "bad-date", severity: "error", title: `A date that is text, not an Excel date serial, or outside ${DATE_FIRST_YEAR}..${DATE_LAST_YEAR} (PPEEvents: ${PPE_DATE_FIRST_YEAR}..${DATE_LAST_YEAR})`, section: INPUT },
  { id: "dates-out-of-order", severity: "error", title: "DailyOutstandings dates out of order or duplicated", section: "1.1(aa)" },
  { id: "non-business-day", severity: "info", title: "DailyOutstandings rows on days that are not Business Days (ignored by the Threshold Event test)", section: "1.1(aa)" },
  { id: "threshold-event-not-business-day", severity: "error", title: "A THRESHOLDEVENT row of PPEEvents dated on a day that is not a Business Day (KAISER.PPESCHEDULE gives #NUM! in that row)", section: "1.1(aa)" },
  { id: "disposition-before-sixth-amendment", severity: "warning", title: `A DISPOSITION row of PPEEvents dated on or before ${isoFromSerial(termDate("sixthAmendmentEffectiveDate"))}, the Sixth Amendment: it reduces nothing`, section: "1.1(t)(a)" },
  {
    id: "daily-outstandings-gap",
    severity: "warning",
    title: `Two consecutive DailyOutstandings rows more than ${termInt("thresholdEventDays")} Business Days apart: the first row's figures stand for a week or more`,
    section: "1.1(aa)",
  },
  { id: "missing-business-days", severity: "warning", title: "Business Days missing from DailyOutstandings between its first and last dates (count and first missing date), or a DailyOutstandings table with no rows", section: "1.1(aa)" },
  { id: "unknown-kind", severity: "error", title: "A PPEEvents Kind, Dispositions Interest or ANECharges Category that is not one of the allowed keywords", section: INPUT },
  { id: "unknown-period", severity: "warning", title: "A MonthlyEBITDA PeriodEnd for which Section 9.2.4 sets no minimum EBITDA", section: "9.2.4" },
  { id: "commitment-not-200m", severity: "error", title: `RevolvingCommitmentAmount other than ${formatUsd(term("revolvingCommitmentAmount"))}`, section: "1.2" },
  {
    id: "pre-amendment-figure",
    severity: "error",
    title: `A figure the Seventh Amendment replaced, typed into a cell or a formula: ${formatUsd(term("priorRevolvingCommitmentAmount"))} commitment, ${formatUsd(
      term("priorMaximumLetterOfCreditAmount"),
    )} Letter of Credit maximum (where labelled so), ${formatPercent(term("priorCommitmentFeeRate"))} commitment fee (where labelled so)`,
    section: "1.2, 1.1(o), 1.3",
  },
  { id: "literal-term-in-formula", severity: "warning", title: 'A figure of the terms table typed as a literal inside a formula (use KAISER.TERM("key"))', section: "the term's" },
  { id: "addin-not-loaded", severity: "error", title: "Formulas calling KAISER. functions show #NAME?: the add-in is not loaded", section: "layout" },
  { id: "manual-calculation", severity: "warning", title: "Calculation mode is manual, so the workbook's figures may be stale", section: "layout" },
  { id: "output-mismatch", severity: "error", title: "A figure the workbook computes (BorrowingBase, Threshold, AvailabilityReserve, Availability, PPESubcomponent) differs from the engine's by more than one cent", section: INPUT },
  { id: "reading-choice", severity: "error", title: "A Readings row whose Choice is not one of its reading's choices, or a reading chosen twice", section: "README Readings" },
  { id: "reading-not-default", severity: "info", title: "A reading the workbook's Readings table sets away from the add-in's default", section: "README Readings" },
  { id: "threshold-event-not-in-ppe-events", severity: "warning", title: "A Threshold Event in DailyOutstandings without a THRESHOLDEVENT row in PPEEvents, or such a row without a Threshold Event", section: "1.1(t)(b)" },
] as const satisfies readonly Rule[];

export type RuleId = (typeof RULES)[number]["id"];

const SEVERITY: Readonly<Record<string, Severity>> = Object.fromEntries(RULES.map((r) => [r.id, r.severity]));

/** How many findings one rule reports for one column (or one name) before summing up the rest. */
export const MAX_FINDINGS_PER_GROUP = 10;

export interface ValidateOptions {
  /** Extra holidays beyond the Federal Reserve's and the workbook's Holidays table, as whole-day serials. */
  readonly holidays?: readonly number[];
}

/** Collects findings, capping each group (rule × column) and summing up what it leaves out. */
class Collector {
  private readonly items: { finding: Finding; group?: string }[] = [];
  private readonly counts = new Map<string, { count: number; section: string; where: string; ruleId: RuleId }>();

  /** Adds a finding; with a group (a column, a sheet), only the first `MAX_FINDINGS_PER_GROUP` of the group are kept. */
  add(ruleId: RuleId, message: Lazy, cell: Lazy, section: string, group?: string): void {
    const key = group === undefined ? undefined : `${ruleId}|${group}`;
    if (key !== undefined && group !== undefined) {
      const entry = this.counts.get(key) ?? { count: 0, section, where: group, ruleId };
      entry.count++;
      this.counts.set(key, entry);
      if (entry.count > MAX_FINDINGS_PER_GROUP) return;
    }
    this.items.push({ finding: { ruleId, severity: SEVERITY[ruleId], message: text(message), cell: text(cell), section }, group: key });
  }

  /** The findings, each capped group followed by one finding that counts the rest. */
  finish(): Finding[] {
    const lastIndex = new Map<string, number>();
    this.items.forEach((item, i) => {
      if (item.group !== undefined) lastIndex.set(item.group, i);
    });
    const result: Finding[] = [];
    this.items.forEach((item, i) => {
      result.push(item.finding);
      if (item.group === undefined || lastIndex.get(item.group) !== i) return;
      const entry = this.counts.get(item.group);
      if (entry === undefined || entry.count <= MAX_FINDINGS_PER_GROUP) return;
      const more = entry.count - MAX_FINDINGS_PER_GROUP;
      result.push({
        ruleId: entry.ruleId,
        severity: SEVERITY[entry.ruleId],
        message: `… and ${grouped(more)} more like ${more === 1 ? "it" : "these"} in ${entry.where} (${grouped(entry.count)} in all).`,
        cell: "",
        section: entry.section,
      });
    });
    return result;
  }
}

// ---- what a cell holds ----

function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

/** The number a text stands for when it is a number stored as text ("1,000", "$2,500.50", "65%", "(1,000)"), else undefined. */
export function numberStoredAsText(text: string): number | undefined {
  let t = text.trim();
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1).trim();
  }
  if (t.startsWith("-")) {
    negative = !negative;
    t = t.slice(1).trim();
  }
  if (t.startsWith("$")) t = t.slice(1).trim();
  // "$-1,000": the sign after the dollar sign.
  if (t.startsWith("-")) {
    negative = !negative;
    t = t.slice(1).trim();
  }
  const percent = t.endsWith("%");
  if (percent) t = t.slice(0, -1).trim();
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^\.\d+$/.test(t)) return undefined;
  const n = Number(t.replace(/,/g, "")) / (percent ? 100 : 1);
  // A digit string beyond Excel's numbers (309 digits or more) is text, not a number to suggest.
  if (!Number.isFinite(n) || Math.abs(n) > Number.MAX_VALUE) return undefined;
  return negative ? -n : n;
}

const percentFormats = new Map<string, boolean>();

function isPercentFormat(format: string): boolean {
  let found = percentFormats.get(format);
  if (found === undefined) {
    // A % inside quotes or escaped is literal text, not the percent format.
    found = /%/.test(format.replace(/"[^"]*"/g, "").replace(/\\%/g, ""));
    percentFormats.set(format, found);
  }
  return found;
}

function what(entry: LayoutEntry): string {
  switch (entry.type) {
    case "amount":
      return "an amount in US dollars";
    case "signed amount":
      return "an amount in US dollars (negative for a loss)";
    case "fraction":
      return "a fraction (65% is 0.65)";
    case "date":
      return "an Excel date";
    case "keyword":
      return `one of ${(entry.values ?? []).join(", ")}`;
    case "table":
      return "an Excel table";
  }
}

/** "1,234,567": digits grouped by thousands, the same text everywhere (no locale). */
function grouped(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function display(value: number): string {
  return Number.isInteger(value) ? grouped(value) : String(value);
}

/** A text built only when a finding is kept (100,000 valid cells build no strings). */
type Lazy = string | (() => string);

function text(lazy: Lazy): string {
  return typeof lazy === "string" ? lazy : lazy();
}

/** The common case, decided without building anything: a number that fits its entry. */
function isValidNumber(entry: LayoutEntry, value: number, format: string): boolean {
  if (!Number.isFinite(value)) return false;
  switch (entry.type) {
    case "amount":
      return value >= 0 && (entry.max === undefined || value <= entry.max) && !isPercentFormat(format);
    case "signed amount":
      return !isPercentFormat(format);
    case "fraction":
      return value >= 0 && value <= 1;
    case "date":
      return value >= (entry.min ?? DATE_MIN) && value < (entry.max ?? DATE_MAX) + 1;
    default:
      return false;
  }
}

/**
 * Checks one cell against its contract entry; `label` names it in messages ("EligibleInventory",
 * "DailyOutstandings[Date] row 12"). Blank cells are the caller's concern.
 */
function checkValue(out: Collector, entry: LayoutEntry, label: Lazy, value: CellValue, format: string, formula: string | null, cell: Lazy, group?: string): void {
  // A keyword may be digits that Excel stores as a number (a Readings Choice of 365).
  if (typeof value === "number" && entry.type === "keyword" && (entry.values ?? []).includes(String(value))) return;
  if (typeof value === "number" ? isValidNumber(entry, value, format) : typeof value === "string" && entry.type === "keyword" && (entry.values ?? []).includes(value.trim().toUpperCase())) return;
  const add = (ruleId: RuleId, message: () => string): void => out.add(ruleId, message, cell, entry.section, group);
  const name = (): string => (typeof label === "string" ? label : label());
  if (isCellError(value)) {
    // A KAISER formula showing #NAME? is the add-in not loaded, reported once by its own rule.
    if (value.error.toUpperCase() === "#NAME?" && formula !== null && /KAISER\./i.test(formula)) return;
    add("error-value", () => `${name()} shows the error ${value.error}; ${formula === null ? "replace it with" : "fix the formula so it gives"} ${what(entry)}.`);
    return;
  }
  if (typeof value === "boolean") {
    add(entry.type === "date" ? "bad-date" : entry.type === "keyword" ? "unknown-kind" : "text-not-number", () => `${name()} holds ${value ? "TRUE" : "FALSE"}; it must be ${what(entry)}.`);
    return;
  }
  if (typeof value === "string") {
    const text = value.trim();
    if (entry.type === "keyword") {
      if (!(entry.values ?? []).includes(text.toUpperCase())) add("unknown-kind", () => `${name()} is "${text}", which is not one of ${(entry.values ?? []).join(", ")} (any case).`);
      return;
    }
    if (entry.type === "date") {
      add("bad-date", () => `${name()} holds the text "${text}", not a date; enter it as a date (Excel stores dates as serial numbers), e.g. type 2004-09-01 into a cell formatted as a date.`);
      return;
    }
    const stored = numberStoredAsText(text);
    add("text-not-number", () =>
      stored === undefined
        ? `${name()} holds the text "${text}"; it must be ${what(entry)}.`
        : `${name()} holds "${text}", a number stored as text; enter the number ${display(stored)} instead (Excel ignores text in calculations).`,
    );
    return;
  }
  if (value === null) return;
  if (entry.type === "keyword") {
    add("unknown-kind", () => `${name()} holds the number ${display(value)}; it must be ${what(entry)}.`);
    return;
  }
  if (!Number.isFinite(value)) {
    add("text-not-number", () => `${name()} is not a finite number.`);
    return;
  }
  switch (entry.type) {
    case "amount":
    case "signed amount":
      if (entry.type === "amount" && value < 0) {
        add("negative-amount", () => `${name()} is ${formatUsd(dec(value))}; it is an amount and must not be negative.`);
        return;
      }
      if (isPercentFormat(format)) {
        add("whole-percentage", () => `${name()} is formatted as a percentage (it shows ${formatPercent(dec(value))}), but it is ${what(entry)}; enter the amount and format it as currency or a number.`);
        return;
      }
      if (entry.max !== undefined && value > entry.max) {
        const max = entry.max;
        add("out-of-range", () => `${name()} is ${formatUsd(dec(value))}, above the ${formatUsd(dec(max))} the amendment allows (${entry.section}).`);
      }
      return;
    case "fraction":
      if (value > 1 && value <= 100) {
        add("whole-percentage", () => `${name()} is ${display(value)}: a fraction is wanted, so enter ${dec(value).dividedBy(100).toString()} (or type ${display(value)}% so Excel stores ${dec(value).dividedBy(100).toString()}).`);
      } else if (value < 0 || value > 1) {
        add("out-of-range", () => `${name()} is ${display(value)}; it must be a fraction between 0 and 1 (65% is 0.65).`);
      }
      return;
    case "date":
      if (value < MIN_SERIAL || value > MAX_SERIAL) {
        add("bad-date", () => `${name()} holds ${display(value)}, which is not an Excel date.`);
      } else if (value < (entry.min ?? DATE_MIN) || value >= (entry.max ?? DATE_MAX) + 1) {
        add("bad-date", () => `${name()} is ${isoFromSerial(value)}, outside ${entry.allowed.replace(/-01-01\.\.(\d+)-12-31$/, "..$1").replace(/-01-01/, "")}; check the year.`);
      }
      return;
    default:
      return;
  }
}

// ---- named cells ----

function checkNames(snapshot: WorkbookSnapshot, out: Collector): void {
  for (const entry of [...NAMED_CELLS, ...OUTPUTS]) {
    const where = locateName(snapshot, entry.name);
    if (where.kind === "missing") {
      if (entry.required) {
        out.add("missing-name", `The workbook has no name ${entry.name} (${entry.description}). Define it (Formulas › Define Name, scope Workbook) on one cell holding ${what(entry)}.`, "", entry.section);
      }
      continue;
    }
    if (where.kind === "broken") {
      const reason = {
        range: `refers to ${where.cell || where.name.formula}, more than one cell`,
        ref: `refers to ${where.name.formula}, a deleted cell (#REF!)`,
        constant: `refers to ${where.name.formula}, a constant, not a cell`,
        sheet: `refers to ${where.cell}, on a sheet the workbook does not have`,
      }[where.reason];
      out.add("name-not-single-cell", `The name ${entry.name} ${reason}; point it at the one cell that holds ${what(entry)} (Formulas › Name Manager).`, where.cell, entry.section);
      continue;
    }
    if (entry.kind === "output" || where.sheet === undefined) continue;
    const value = valueAt(where.sheet, where.row, where.col);
    const formula = formulaAt(where.sheet, where.row, where.col);
    if (isBlank(value)) {
      if (entry.required) out.add("blank-required", `${entry.name} is blank; enter ${what(entry)} (${entry.description}).`, where.cell, entry.section);
      continue;
    }
    checkValue(out, entry, entry.name, value, numberFormatAt(where.sheet, where.row, where.col), formula, where.cell);
    if (entry.name === "RevolvingCommitmentAmount" && typeof value === "number") {
      const v = dec(value);
      // The pre-amendment figure is reported once, by its own rule (scanCells).
      if (!v.equals(term("revolvingCommitmentAmount")) && !v.equals(term("priorRevolvingCommitmentAmount")) && v.greaterThanOrEqualTo(0)) {
        out.add(
          "commitment-not-200m",
          `RevolvingCommitmentAmount is ${formatUsd(v)}; the Seventh Amendment sets the Revolving Commitment Amount at ${formatUsd(term("revolvingCommitmentAmount"))} (Section 2.1.1(b)).`,
          where.cell,
          "1.2",
        );
      }
    }
  }
}

// ---- tables ----

function checkTables(snapshot: WorkbookSnapshot, out: Collector, options: ValidateOptions): void {
  const holidays = extraHolidays(snapshot, options);
  for (const layout of TABLES) {
    const where = locateTable(snapshot, layout.table.name);
    if (where === undefined) {
      if (layout.table.required) {
        const columns = layout.columns.filter((c) => c.required).map((c) => c.column).join(", ");
        out.add(
          "missing-table",
          `The workbook has no table ${layout.table.name} (${layout.table.description}). Create an Excel table (Insert › Table) named ${layout.table.name} with the columns ${columns}.`,
          "",
          layout.table.section,
        );
      }
      continue;
    }
    if (where.sheet === undefined) continue;
    const headerCell = where.headerRow === undefined ? where.cell : qualified(where.table.sheet, `${a1(where.headerRow, where.firstCol)}:${a1(where.headerRow, where.lastCol)}`);
    const present: { entry: LayoutEntry; col: number }[] = [];
    for (const entry of layout.columns) {
      const col = tableColumn(where, entry.column as string);
      if (col === undefined) {
        if (entry.required) {
          out.add(
            "missing-column",
            `Table ${layout.table.name} has no column ${entry.column} (${entry.description}); its columns are ${where.headers.filter((h) => h.trim() !== "").join(", ") || "unnamed"}. Add or rename a column (headers are matched ignoring case).`,
            headerCell,
            entry.section,
          );
        }
        continue;
      }
      present.push({ entry, col });
    }
    checkTableCells(where, layout, present, out, holidays);
    if (layout.table.name === "DailyOutstandings") checkDailyOutstandings(snapshot, where, out, options);
    if (layout.table.name === "MonthlyEBITDA") checkPeriods(where, out);
  }
}

function checkTableCells(where: TableLocation, layout: TableLayout, present: readonly { entry: LayoutEntry; col: number }[], out: Collector, holidays: ReadonlySet<number>): void {
  const sheet = where.sheet as SheetSnapshot;
  const name = layout.table.name;
  const kindCol = name === "PPEEvents" ? tableColumn(where, "Kind") : undefined;
  for (let r = where.firstRow; r <= where.lastRow; r++) {
    const rowNumber = r - where.firstRow + 1;
    if (present.length > 0 && present.every((p) => isBlank(valueAt(sheet, r, p.col)))) {
      if (!present.every((p) => p.entry.blanksSkipped)) {
        out.add("blank-required", `Row ${rowNumber} of ${name} is blank; delete the row or fill it in (formulas over the table stop at a blank cell).`, cellName(sheet, r, where.firstCol), layout.table.section, `${name} (blank rows)`);
      }
      continue;
    }
    for (const { entry, col } of present) {
      const value = valueAt(sheet, r, col);
      const cell = (): string => cellName(sheet, r, col);
      const label = (): string => `${entry.name} row ${rowNumber}`;
      if (isBlank(value)) {
        if (entry.blanksSkipped) continue;
        // PPEEvents: a THRESHOLDEVENT needs no amount (1.1(t)(b) fixes it), nor does a closing (R-PPE-C-VALCO / R-PPE-C-GRAMERCY FIXED).
        if (kindCol !== undefined && entry.column === "Amount" && (PPE_AMOUNT_IGNORED as readonly string[]).includes(String(valueAt(sheet, r, kindCol) ?? "").trim().toUpperCase())) continue;
        out.add("blank-required", () => `${label()} is blank; enter ${what(entry)}.`, cell, entry.section, entry.name);
        continue;
      }
      checkValue(out, entry, label, value, numberFormatAt(sheet, r, col), formulaAt(sheet, r, col), cell, entry.name);
      if (kindCol !== undefined && entry.column === "Date") {
        checkThresholdEventDate(out, value, valueAt(sheet, r, kindCol), label, cell, holidays);
        checkDispositionDate(out, value, valueAt(sheet, r, kindCol), label, cell);
      }
    }
  }
}

/** Section 1.1(aa): a Threshold Event occurs only "at any time after August 31, 2004", so a THRESHOLDEVENT row before then is a mistake. */
function checkThresholdEventDate(out: Collector, date: CellValue, kind: CellValue, label: () => string, cell: () => string, holidays: ReadonlySet<number>): void {
  const after = termDate("thresholdEventAfter");
  if (typeof kind !== "string" || kind.trim().toUpperCase() !== "THRESHOLDEVENT") return;
  if (typeof date === "number" && date >= after + 1 && date < DATE_MAX + 1 && !isBusinessDay(Math.floor(date), holidays)) {
    // Reading R-PPE-B-BUSINESS-DAY: a Threshold Event is the Business Day a count of Business Days is reached.
    const day = Math.floor(date);
    out.add(
      "threshold-event-not-business-day",
      () => `${label()} is ${isoFromSerial(day)} (${offDayName(day, holidays)}), not a Business Day, but this row is a THRESHOLDEVENT; a Threshold Event occurs on a Business Day, and KAISER.PPESCHEDULE gives #NUM! in this row. Check the date.`,
      cell,
      "1.1(aa)",
      "PPEEvents[Date] (Business Days)",
    );
    return;
  }
  if (typeof date !== "number" || date < DATE_MIN || date >= after + 1) return;
  out.add(
    "out-of-range",
    () => `${label()} is ${isoFromSerial(date)}, but this row is a THRESHOLDEVENT and a Threshold Event occurs only after ${isoFromSerial(after)}; check the date (KAISER.PPEREDUCTIONS cannot count it).`,
    cell,
    "1.1(aa)",
    "PPEEvents[Date]",
  );
}

/** Reading R-PPE-SIXTH: a DISPOSITION on or before the Sixth Amendment's date reduces nothing under 1.1(t)(a). */
function checkDispositionDate(out: Collector, date: CellValue, kind: CellValue, label: () => string, cell: () => string): void {
  if (typeof kind !== "string" || kind.trim().toUpperCase() !== "DISPOSITION") return;
  const sixth = termDate("sixthAmendmentEffectiveDate");
  if (typeof date !== "number" || date < MIN_SERIAL || Math.floor(date) > sixth) return;
  out.add(
    "disposition-before-sixth-amendment",
    () => `${label()} is ${isoFromSerial(Math.floor(date))}, on or before ${isoFromSerial(sixth)}: 1.1(t)(a) counts dispositions after the effective date of the Sixth Amendment, so this DISPOSITION reduces nothing. Check the date, or remove the row.`,
    cell,
    "1.1(t)(a)",
    "PPEEvents[Date] (Sixth Amendment)",
  );
}

/** Why a day is not a Business Day: the Federal Reserve holiday, the Holidays table, or the weekend day. */
function offDayName(day: number, holidays: ReadonlySet<number>): string {
  return holidayName(day) ?? (holidays.has(day) ? "a holiday in the Holidays table" : ["Sunday", "", "", "", "", "", "Saturday"][weekday(day)]);
}

function holidayName(date: number): string | undefined {
  const { year } = ymd(date);
  return namedFederalReserveHolidays(year).find((h) => h.date === date)?.name;
}

function extraHolidays(snapshot: WorkbookSnapshot, options: ValidateOptions): Set<number> {
  const set = new Set<number>(options.holidays ?? []);
  const where = locateTable(snapshot, "Holidays");
  if (where?.sheet !== undefined) {
    const col = tableColumn(where, "Date");
    if (col !== undefined) {
      for (let r = where.firstRow; r <= where.lastRow; r++) {
        const v = valueAt(where.sheet, r, col);
        if (typeof v === "number" && Number.isFinite(v)) set.add(Math.floor(v));
      }
    }
  }
  return set;
}

/** Section 1.1(aa): order, Business Days, and gaps in the daily series. */
function checkDailyOutstandings(snapshot: WorkbookSnapshot, where: TableLocation, out: Collector, options: ValidateOptions): void {
  const sheet = where.sheet as SheetSnapshot;
  const col = tableColumn(where, "Date");
  if (col === undefined) return;
  if (where.lastRow < where.firstRow) {
    // An empty series would read as "no Threshold Event" (and the Minimum EBITDA test as not tested).
    out.add(
      "missing-business-days",
      `DailyOutstandings has no rows, so no Threshold Event can be found in it; add the Revolving Credit Outstandings of each Business Day after ${isoFromSerial(termDate("thresholdEventAfter"))} up to the date of determination.`,
      where.cell,
      "1.1(aa)",
    );
    return;
  }
  const holidays = extraHolidays(snapshot, options);
  let previous: number | undefined;
  let previousRow = 0;
  let previousCell = "";
  let disorder = 0;
  let firstDisorder: { message: string; cell: string } | undefined;
  let offDays = 0;
  let firstOffDay: { date: number; cell: string } | undefined;
  const seen = new Set<number>();
  let first: number | undefined;
  let last: number | undefined;
  for (let r = where.firstRow; r <= where.lastRow; r++) {
    const v = valueAt(sheet, r, col);
    // Only valid dates take part; the cell checks report the others.
    if (typeof v !== "number" || v < DATE_MIN || v >= DATE_MAX + 1) continue;
    const date = Math.floor(v);
    const row = r - where.firstRow + 1;
    if (previous !== undefined && date <= previous) {
      disorder++;
      if (firstDisorder === undefined) {
        firstDisorder = {
          message:
            date === previous
              ? `DailyOutstandings row ${row} repeats the date ${isoFromSerial(date)} of row ${previousRow}`
              : `DailyOutstandings row ${row} (${isoFromSerial(date)}) comes after row ${previousRow} (${isoFromSerial(previous)}) but is earlier`,
          cell: cellName(sheet, r, col),
        };
      }
    }
    if (previous !== undefined && date > previous) checkGap(out, previous, previousRow, previousCell, date, row, cellName(sheet, r, col), holidays);
    previous = date;
    previousRow = row;
    previousCell = cellName(sheet, r, col);
    seen.add(date);
    first = first === undefined ? date : Math.min(first, date);
    last = last === undefined ? date : Math.max(last, date);
    if (inCalendar(date) && !isBusinessDay(date, holidays)) {
      offDays++;
      if (firstOffDay === undefined) firstOffDay = { date, cell: cellName(sheet, r, col) };
    }
  }
  if (firstDisorder !== undefined) {
    out.add(
      "dates-out-of-order",
      `${firstDisorder.message}. Dates must be ascending without duplicates (${disorder} row${disorder === 1 ? "" : "s"} out of order or repeated); sort the table by Date and remove duplicates, or KAISER.THRESHOLDEVENT gives #VALUE!.`,
      firstDisorder.cell,
      "1.1(aa)",
    );
  }
  if (firstOffDay !== undefined) {
    const day = firstOffDay.date;
    const why = holidayName(day) ?? (holidays.has(day) ? "a holiday in the Holidays table" : ["Sunday", "", "", "", "", "", "Saturday"][weekday(day)]);
    out.add(
      "non-business-day",
      `${offDays} row${offDays === 1 ? "" : "s"} of DailyOutstandings fall${offDays === 1 ? "s" : ""} on days that are not Business Days, the first ${isoFromSerial(day)} (${why}); the Threshold Event test ignores them.`,
      firstOffDay.cell,
      "1.1(aa)",
    );
  }
  if (first !== undefined && last !== undefined) {
    let missing = 0;
    let firstMissing: number | undefined;
    const from = Math.max(first, DATE_MIN);
    for (let d = from; d <= last; d++) {
      if (!seen.has(d) && inCalendar(d) && isBusinessDay(d, holidays)) {
        missing++;
        if (firstMissing === undefined) firstMissing = d;
      }
    }
    if (firstMissing !== undefined) {
      out.add(
        "missing-business-days",
        `${missing} Business Day${missing === 1 ? " is" : "s are"} missing from DailyOutstandings between ${isoFromSerial(first)} and ${isoFromSerial(last)}, the first ${isoFromSerial(firstMissing)}; the Threshold Event test carries the previous day's figures over a missing day (Reading R-TE-CARRY), so add the rows if the balance changed.`,
        where.cell,
        "1.1(aa)",
      );
    }
  }
}

/**
 * Two consecutive rows of DailyOutstandings with more than five Business Days missing between them:
 * the Threshold Event test carries the first row's figures over the gap (Reading R-TE-CARRY), so they
 * stand for a week or more.
 */
function checkGap(out: Collector, from: number, fromRow: number, fromCell: string, to: number, toRow: number, toCell: string, holidays: ReadonlySet<number>): void {
  const limit = termInt("thresholdEventDays");
  let missing = 0;
  for (let d = from + 1; d < to; d++) if (inCalendar(d) && isBusinessDay(d, holidays)) missing++;
  if (missing <= limit) return;
  out.add(
    "daily-outstandings-gap",
    `DailyOutstandings rows ${fromRow} and ${toRow} (${isoFromSerial(from)} and ${isoFromSerial(to)}, ${fromCell} and ${toCell}) have ${missing} Business Days between them with no row; the Threshold Event test carries row ${fromRow}'s figures over all of them (Reading R-TE-CARRY), so they stand for a week or more. Add the missing days' balances.`,
    toCell,
    "1.1(aa)",
    "DailyOutstandings (gaps)",
  );
}

/** Section 9.2.4 sets a minimum for three periods only. */
function checkPeriods(where: TableLocation, out: Collector): void {
  const sheet = where.sheet as SheetSnapshot;
  const col = tableColumn(where, "PeriodEnd");
  if (col === undefined) return;
  const ends = new Set(minimumEbitdaPeriods().map((p) => p.end));
  const list = minimumEbitdaPeriods()
    .map((p) => isoFromSerial(p.end))
    .join(", ");
  for (let r = where.firstRow; r <= where.lastRow; r++) {
    const v = valueAt(sheet, r, col);
    if (typeof v !== "number" || v < DATE_MIN || v >= DATE_MAX + 1) continue;
    if (!ends.has(Math.floor(v))) {
      out.add(
        "unknown-period",
        `MonthlyEBITDA[PeriodEnd] row ${r - where.firstRow + 1} is ${isoFromSerial(v)}; Section 9.2.4 sets a minimum EBITDA only for the periods ending ${list}, so KAISER.EBITDAFLOOR gives #N/A for it.`,
        cellName(sheet, r, col),
        "9.2.4",
        "MonthlyEBITDA[PeriodEnd]",
      );
    }
  }
}

// ---- every cell of every sheet: pre-amendment figures, literal terms, #NAME? ----

interface TermMatch {
  readonly keys: TermKey[];
}

const LITERAL_UNITS = new Set(["USD", "fraction", "fraction per annum", "times"]);
const PRIOR_KEYS = new Set<TermKey>(["priorRevolvingCommitmentAmount", "priorMaximumLetterOfCreditAmount", "priorCommitmentFeeRate"]);

let literalIndex: Map<string, TermMatch> | undefined;

/** Term values a literal in a formula may repeat (money, rates, factors; not 0 or 1), keyed by their decimal string. */
function termLiterals(): Map<string, TermMatch> {
  if (literalIndex === undefined) {
    literalIndex = new Map();
    // Terms of the amendment first, so a message suggests them before the other documents' terms.
    const keys = [...TERM_KEYS].sort((a, b) => Number(TERMS[a].source !== "002") - Number(TERMS[b].source !== "002"));
    for (const key of keys) {
      const spec: TermSpec = TERMS[key];
      if (!LITERAL_UNITS.has(spec.unit) || PRIOR_KEYS.has(key)) continue;
      const value = term(key);
      if (value.isZero() || value.equals(1) || value.equals(-1)) continue;
      const k = value.abs().toString();
      const match = literalIndex.get(k) ?? { keys: [] };
      match.keys.push(key);
      literalIndex.set(k, match);
    }
  }
  return literalIndex;
}

/** The numeric literals of a formula (outside strings, sheet names, structured references and cell references), as exact decimals. */
export function formulaLiterals(formula: string): Dec[] {
  const stripped = formula
    .replace(/"(?:[^"]|"")*"/g, '""')
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/\[[^\]]*\]/g, "[]");
  const result: Dec[] = [];
  const re = /(\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?(%?)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(stripped)) !== null) {
    const before = stripped[m.index - 1] ?? "";
    const after = stripped[m.index + m[0].length] ?? "";
    // Part of a name or reference (A1, $B$2, LOG10, Sheet1!), a row range (5:5) or a column range.
    if (/[A-Za-z0-9_$.:!\\]/.test(before) || /[A-Za-z_:!(]/.test(after)) continue;
    let value = dec(m[1] + (m[2] !== undefined ? `e${m[2]}` : ""));
    if (m[3] === "%") value = value.dividedBy(100);
    result.push(value);
  }
  return result;
}

/** The label of a cell: the nearest text to its left in the row, else the text above it. */
function labelOf(sheet: SheetSnapshot, row: number, col: number): string {
  for (let c = col - 1; c >= Math.max(sheet.origin.col, col - 12); c--) {
    const v = valueAt(sheet, row, c);
    if (typeof v === "string" && v.trim() !== "" && numberStoredAsText(v) === undefined) return v;
  }
  for (let r = row - 1; r >= Math.max(sheet.origin.row, row - 3); r--) {
    const v = valueAt(sheet, r, col);
    if (typeof v === "string" && v.trim() !== "") return v;
    if (v !== null) break;
  }
  return "";
}

const LC_LABEL = /letters? of credit|\bL\/?Cs?\b/i;
const FEE_LABEL = /commitment fee|unused (line |commitment )?fee/i;

function priorFigureMessage(value: Dec, label: string, inFormula: boolean): { message: string; section: string } | undefined {
  const where = inFormula ? "A formula here uses" : "This cell holds";
  if (value.equals(term("priorRevolvingCommitmentAmount"))) {
    return {
      message: `${where} ${formatUsd(value)}, the Revolving Commitment Amount before the Seventh Amendment; it is now ${formatUsd(term("revolvingCommitmentAmount"))} (pre-amendment figure). Use RevolvingCommitmentAmount or KAISER.TERM("revolvingCommitmentAmount").`,
      section: "1.2",
    };
  }
  if (value.equals(term("priorMaximumLetterOfCreditAmount")) && LC_LABEL.test(label)) {
    return {
      message: `${where} ${formatUsd(value)} beside "${label.trim()}": the Maximum Letter of Credit Amount before the Seventh Amendment; it is now ${formatUsd(term("maximumLetterOfCreditAmount"))} (pre-amendment figure). Use KAISER.TERM("maximumLetterOfCreditAmount").`,
      section: "1.1(o)",
    };
  }
  if (value.equals(term("priorCommitmentFeeRate")) && FEE_LABEL.test(label)) {
    return {
      message: `${where} ${formatPercent(value)} beside "${label.trim()}": the commitment fee before the Seventh Amendment; it is now ${formatPercent(term("commitmentFeeRate"))} per annum (pre-amendment figure). Use KAISER.COMMITMENTFEE or KAISER.TERM("commitmentFeeRate").`,
      section: "1.3",
    };
  }
  return undefined;
}

function scanCells(snapshot: WorkbookSnapshot, out: Collector): void {
  const literals = termLiterals();
  const prior = [term("priorRevolvingCommitmentAmount"), term("priorMaximumLetterOfCreditAmount"), term("priorCommitmentFeeRate")].map((d) => d.toNumber());
  let notLoaded = 0;
  let firstNotLoaded = "";
  for (const sheet of snapshot.sheets) {
    eachCell(sheet, (row, col, { value, formula, shared }) => {
      if (formula === null) {
        if (typeof value === "number" && prior.includes(value)) {
          const found = priorFigureMessage(dec(value), labelOf(sheet, row, col), false);
          if (found !== undefined) out.add("pre-amendment-figure", found.message, cellName(sheet, row, col), found.section, `sheet ${sheet.name}`);
        }
        return;
      }
      if (isCellError(value) && value.error.toUpperCase() === "#NAME?" && /KAISER\./i.test(formula)) {
        notLoaded++;
        if (firstNotLoaded === "") firstNotLoaded = cellName(sheet, row, col);
      }
      // A formula filled over a range (a shared formula) is one formula: reported at its first cell.
      if (shared === true || !/\d/.test(formula)) return;
      const cell = cellName(sheet, row, col);
      for (const literal of formulaLiterals(formula)) {
        const found = priorFigureMessage(literal, labelOf(sheet, row, col), true);
        if (found !== undefined) {
          out.add("pre-amendment-figure", found.message, cell, found.section, `sheet ${sheet.name}`);
          continue;
        }
        const match = literals.get(literal.abs().toString());
        if (match !== undefined) {
          const first = TERMS[match.keys[0]];
          const keys = match.keys.slice(0, 3).map((k) => `KAISER.TERM("${k}")`).join(" or ");
          const shown = first.unit === "USD" ? formatUsd(literal.abs()) : literal.abs().toString();
          out.add(
            "literal-term-in-formula",
            `The formula ${formula} types ${shown}, a figure of the amendment's terms (${first.description}); use ${keys} so the figure comes from the one table of terms.`,
            cell,
            first.section,
            `sheet ${sheet.name}`,
          );
        }
      }
    });
  }
  if (notLoaded > 0) {
    out.add(
      "addin-not-loaded",
      `${notLoaded} formula${notLoaded === 1 ? "" : "s"} calling KAISER. functions show${notLoaded === 1 ? "s" : ""} #NAME?: the add-in's functions are not loaded in this Excel. Open the add-in (Home › Amendment Checks, or sideload manifest.xml with npm start), then recalculate (Ctrl+Alt+F9).`,
      firstNotLoaded,
      "layout",
    );
  }
}

// ---- recalculation ----

const OUTPUT_OF_FIGURE: Readonly<Record<string, string>> = {
  borrowingBase: "BorrowingBase",
  threshold: "Threshold",
  availabilityReserve: "AvailabilityReserve",
  availability: "Availability",
  ppeSubcomponent: "PPESubcomponent",
};

function checkOutputs(snapshot: WorkbookSnapshot, figures: readonly Figure[], out: Collector): void {
  for (const f of figures) {
    if (!f.mismatch || typeof f.value !== "number") continue;
    const name = OUTPUT_OF_FIGURE[f.key] ?? f.key;
    const where = locateName(snapshot, name);
    const raw = where.kind === "cell" && where.sheet !== undefined ? valueAt(where.sheet, where.row, where.col) : null;
    const formula = where.kind === "cell" && where.sheet !== undefined ? formulaAt(where.sheet, where.row, where.col) : null;
    if (isCellError(raw) && raw.error.toUpperCase() === "#NAME?" && formula !== null && /KAISER\./i.test(formula)) continue;
    const engine = formatUsd(dec(f.value));
    const difference = typeof f.workbookValue === "number" ? `, a difference of ${formatUsd(dec(f.workbookValue).minus(dec(f.value)).abs())}` : "";
    out.add(
      "output-mismatch",
      `${name} shows ${describeWorkbookValue(raw)} but the amendment's terms give ${engine} from the workbook's own inputs${difference} (${f.label}). Check its formula against the inputs.`,
      f.cell ?? "",
      f.section,
    );
  }
}

/** Section 1.1(t)(b): each Threshold Event reduces the PPE Subcomponent, so PPEEvents should list it. */
function checkThresholdEventsListed(snapshot: WorkbookSnapshot, inputs: ModelInputs, events: readonly number[] | undefined, out: Collector): void {
  const daily = inputs.dailyOutstandings.rows;
  const ppe = inputs.ppeEvents.rows;
  if (daily === undefined || daily.length === 0 || ppe === undefined) return;
  if (events === undefined) return;
  const asOf = inputs.asOfDate.value ?? Infinity;
  const listed = new Set(ppe.filter((e) => e.kind === "THRESHOLDEVENT").map((e) => e.date));
  const found = new Set(events);
  const where = locateTable(snapshot, "PPEEvents");
  const cell = where?.cell ?? "";
  // Out of order, the rows are read in date order (dates-out-of-order reports the order itself).
  const inOrder = daily.every((r, i) => i === 0 || r.date > daily[i - 1].date);
  const series = inOrder ? "DailyOutstandings" : "DailyOutstandings, read in date order,";
  for (const date of events) {
    if (date > asOf || listed.has(date)) continue;
    out.add(
      "threshold-event-not-in-ppe-events",
      `${series} gives a Threshold Event on ${isoFromSerial(date)}, but PPEEvents has no THRESHOLDEVENT row that day; each Threshold Event reduces the PPE Subcomponent by ${formatUsd(term("ppeThresholdEventReduction"))} (at most once a month).`,
      cell,
      "1.1(t)(b)",
      "PPEEvents",
    );
  }
  const first = daily.reduce((m, r) => Math.min(m, r.date), Infinity);
  const last = daily.reduce((m, r) => Math.max(m, r.date), -Infinity);
  for (const date of listed) {
    if (date < first || date > last || found.has(date)) continue;
    out.add(
      "threshold-event-not-in-ppe-events",
      `PPEEvents has a THRESHOLDEVENT on ${isoFromSerial(date)}, but ${series} gives no Threshold Event that day (${termInt("thresholdEventDays")} Business Days above the Threshold); check the date.`,
      cell,
      "1.1(t)(b)",
      "PPEEvents",
    );
  }
}

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
  const out = new Collector();
  checkNames(snapshot, out);
  checkTables(snapshot, out, options);
  scanCells(snapshot, out);
  if (snapshot.calculationMode === "manual") {
    out.add("manual-calculation", "Calculation is set to manual, so the workbook's figures may be stale. Set Formulas › Calculation Options › Automatic, or press F9 before relying on them.", "", "layout");
  }
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

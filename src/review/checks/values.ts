/**
 * What a cell holds: one cell against its entry of the layout contract (a number, an amount, a
 * fraction, a date, a keyword), with the rules for blanks, text, error values, signs, percentages,
 * ranges, dates and keywords.
 */
import { dec } from "../../engine/decimal";
import { isoFromSerial, MAX_SERIAL, MIN_SERIAL } from "../../engine/dates";
import { formatPercent, formatUsd } from "../../engine/format";
import { termDate } from "../../engine/terms";
import { DATE_FIRST_YEAR, DATE_LAST_YEAR, DATE_MAX, DATE_MIN, LayoutEntry, PPE_DATE_FIRST_YEAR } from "../layout";
import { CellValue, isCellError } from "../snapshot";
import { Collector, display, INPUT, Lazy, Rule } from "./collector";
import type { RuleId } from "./rules";

/** The rules of a cell's value against its contract entry. */
export const VALUE_RULES = [
  { id: "blank-required", severity: "error", title: "A required named cell or a table cell is blank (a wholly blank table row counts once)", section: INPUT },
  { id: "text-not-number", severity: "error", title: 'Text or TRUE/FALSE where a number is wanted, including numbers stored as text such as "1,000"', section: INPUT },
  { id: "error-value", severity: "error", title: "An input shows an error value (#REF!, #DIV/0!, #N/A …)", section: INPUT },
  { id: "negative-amount", severity: "error", title: "A negative number where the amendment speaks of an amount", section: INPUT },
  { id: "whole-percentage", severity: "error", title: "A fraction entered as a whole percentage (65 instead of 0.65), or an amount formatted as a percentage", section: INPUT },
  { id: "out-of-range", severity: "error", title: `A number outside its allowed range (a fraction above 100 or below 0; the KBC Allocable Amount above its cap; a THRESHOLDEVENT dated on or before ${isoFromSerial(termDate("thresholdEventAfter"))})`, section: INPUT },
  { id: "bad-date", severity: "error", title: `A date that is text, not an Excel date serial, or outside ${DATE_FIRST_YEAR}..${DATE_LAST_YEAR} (PPEEvents: ${PPE_DATE_FIRST_YEAR}..${DATE_LAST_YEAR})`, section: INPUT },
  { id: "unknown-kind", severity: "error", title: "A PPEEvents Kind, Dispositions Interest or ANECharges Category that is not one of the allowed keywords", section: INPUT },
] as const satisfies readonly Rule[];

export function isBlank(value: CellValue): boolean {
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

export function what(entry: LayoutEntry): string {
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

/** Whether a cell's value is what its contract entry asks for (`checkValue` has nothing to report). */
export function isValidValue(entry: LayoutEntry, value: CellValue, format: string): boolean {
  // A keyword may be digits that Excel stores as a number (a Readings Choice of 365).
  if (typeof value === "number" && entry.type === "keyword" && (entry.values ?? []).includes(String(value))) return true;
  return typeof value === "number" ? isValidNumber(entry, value, format) : typeof value === "string" && entry.type === "keyword" && (entry.values ?? []).includes(value.trim().toUpperCase());
}

/**
 * Checks one cell against its contract entry; `label` names it in messages ("EligibleInventory",
 * "DailyOutstandings[Date] row 12"). Blank cells are the caller's concern.
 */
export function checkValue(out: Collector, entry: LayoutEntry, label: Lazy, value: CellValue, format: string, formula: string | null, cell: Lazy, group?: string): void {
  if (isValidValue(entry, value, format)) return;
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

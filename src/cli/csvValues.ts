/**
 * One field of the scenarios file as the number its named input would hold, read the way Excel
 * writes a cell into a CSV. Pure; a field that cannot be read gives the reason, and the caller
 * names the row and column.
 *
 * - Amounts: `150000000`, `150,000,000`, `$150,000,000`, `-$2,500,000`, `($2,500,000)` (Excel's
 *   accounting negative), `-2.5e6`; with the decimal comma, `150.000.000` and `150.000.000,50`.
 * - Fractions: `0.72` or a percentage `72%` / `72 %` (0,72 and 72 % with the decimal comma).
 * - Dates: ISO `2004-10-31`; an Excel serial (`38291`); or as Excel writes a date cell, month first
 *   `10/31/2004` (en-US) or, with `dateOrder: "dmy"`, day first `31/10/2004` or `31.10.2004`; a
 *   two-digit year as Excel reads it (00–29 is 2000–2029, 30–99 is 1930–1999). A date that does not
 *   exist in the chosen order (`10/31/2004` day first) is an error, never a guess.
 */
import { isoFromSerial, serial, serialFromIso } from "../engine/dates";
import type { LayoutType } from "../review/layout";

/** Which comes first in a date like 10/11/2004: month (en-US, the default) or day. */
export type DateOrder = "mdy" | "dmy";
/** The decimal mark of the file's numbers; the other of "." and "," groups thousands. */
export type DecimalMark = "." | ",";

export interface ValueOptions {
  readonly dateOrder: DateOrder;
  readonly decimal: DecimalMark;
}

export const DEFAULT_VALUE_OPTIONS: ValueOptions = { dateOrder: "mdy", decimal: "." };

export type ValueResult = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly reason: string };

/** Spaces Excel may put around a figure or before a percent sign: ordinary, no-break and narrow no-break. */
const SPACE = /[\s\u00a0\u202f]/g;

/** Two-digit years as Excel reads them (its default cut-off, 2029). */
const TWO_DIGIT_CUTOFF = 29;

function fail(reason: string): ValueResult {
  return { ok: false, reason };
}

function escapeRegex(ch: string): string {
  return ch === "." ? "\\." : ch;
}

/** A plain decimal number in the file's notation, as JavaScript text ("1234.5"), or undefined. */
function decimalText(body: string, mark: DecimalMark): string | undefined {
  const group = mark === "." ? "," : ".";
  const g = escapeRegex(group);
  const m = escapeRegex(mark);
  const grouped = new RegExp(`^(?:\\d{1,3}(?:${g}\\d{3})+|\\d+)(?:${m}\\d+)?$`);
  if (grouped.test(body)) return body.split(group).join("").replace(mark, ".");
  const scientific = new RegExp(`^\\d+(?:${m}\\d+)?[eE][-+]?\\d+$`);
  if (scientific.test(body)) return body.replace(mark, ".");
  return undefined;
}

/** "72.5" shifted two places left is "0.725": exact, unlike 72.5 / 100 in binary floating point. */
function shiftDecimal(text: string, places: number): number {
  const n = Number(text);
  const [mantissa, exponent] = n.toExponential().split("e");
  return Number(`${mantissa}e${Number(exponent) - places}`);
}

function numberExample(type: LayoutType, mark: DecimalMark): string {
  if (type === "fraction") return mark === "." ? "a fraction (0.72) or a percentage (72%)" : "a fraction (0,72) or a percentage (72 %)";
  return mark === "." ? "a number in US dollars (150000000, 150,000,000 or $150,000,000)" : "a number in US dollars (150000000 or 150.000.000)";
}

function readNumber(raw: string, type: LayoutType, options: ValueOptions): ValueResult {
  let text = raw.replace(SPACE, "");
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (text.startsWith("-")) {
    negative = !negative;
    text = text.slice(1);
  }
  let percent = false;
  if (type === "fraction" && text.endsWith("%")) {
    percent = true;
    text = text.slice(0, -1);
  } else if ((type === "amount" || type === "signed amount") && text.startsWith("$")) {
    text = text.slice(1);
    // "$-2,500,000", as some formats write it.
    if (text.startsWith("-") && !negative) {
      negative = true;
      text = text.slice(1);
    }
  }
  const plain = decimalText(text, options.decimal);
  if (plain === undefined) {
    const other: DecimalMark = options.decimal === "." ? "," : ".";
    const hint = decimalText(text, other) !== undefined && /[.,]/.test(text) ? `; this file's decimal mark is "${options.decimal}" (--decimal ${other === "," ? "comma" : "point"} reads "${other}")` : "";
    return fail(`is not ${numberExample(type, options.decimal)}${hint}`);
  }
  const magnitude = percent ? shiftDecimal(plain, 2) : Number(plain);
  if (!Number.isFinite(magnitude)) return fail(`is not ${numberExample(type, options.decimal)}`);
  return { ok: true, value: negative && magnitude !== 0 ? -magnitude : magnitude };
}

function dateExample(order: DateOrder): string {
  return `a date (2004-10-31, ${order === "mdy" ? "10/31/2004" : "31/10/2004"} or an Excel serial)`;
}

function readDate(raw: string, options: ValueOptions): ValueResult {
  const text = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const s = serialFromIso(text);
    return isoFromSerial(s) === text ? { ok: true, value: s } : fail(`is not a date: ${text} does not exist`);
  }
  const parts = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/.exec(text);
  if (parts) {
    const [first, second] = [Number(parts[1]), Number(parts[3])];
    const [month, day] = options.dateOrder === "mdy" ? [first, second] : [second, first];
    let year = Number(parts[4]);
    if (parts[4].length === 2) year += year <= TWO_DIGIT_CUTOFF ? 2000 : 1900;
    const orderText = options.dateOrder === "mdy" ? "month/day/year" : "day/month/year";
    if (month < 1 || month > 12) {
      const switchHint = options.dateOrder === "mdy" ? "; a day-first file needs --date-order dmy" : "; a month-first file is read without --date-order dmy";
      return fail(`is not a date read as ${orderText}: there is no month ${month}${switchHint}`);
    }
    const s = serial(year, month, day);
    const iso = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    if (day < 1 || isoFromSerial(s) !== iso) return fail(`is not a date read as ${orderText}: ${year}-${String(month).padStart(2, "0")} has no day ${day}`);
    return { ok: true, value: s };
  }
  const serialValue = readNumber(text, "signed amount", { ...options, decimal: "." });
  if (serialValue.ok && /^\d+(\.\d+)?$/.test(text)) return serialValue;
  return fail(`is not ${dateExample(options.dateOrder)}`);
}

/**
 * A field of the scenarios file as the number a named input of type `type` would hold.
 *
 * @example readValue("$150,000,000", "amount", DEFAULT_VALUE_OPTIONS) //=> { ok: true, value: 150000000 }
 * @example readValue("31/10/2004", "date", { dateOrder: "dmy", decimal: "," }) //=> { ok: true, value: 38291 }
 */
export function readValue(raw: string, type: LayoutType, options: ValueOptions = DEFAULT_VALUE_OPTIONS): ValueResult {
  if (type === "date") return readDate(raw, options);
  if (type === "amount" || type === "signed amount" || type === "fraction") return readNumber(raw, type, options);
  return fail("is not an input a scenario can set");
}

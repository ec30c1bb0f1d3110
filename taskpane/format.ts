/**
 * How the pane writes amounts, dates and percentages: one way throughout (summary, tables,
 * tooltips, the saved report). Amounts always with cents and right-aligned in tabular figures;
 * a negative amount always as "-$1,234.00" (a loss that rounds to no cents is "$0.00").
 */
import { Dec, dec } from "../src/engine/decimal";
import { isoFromSerial, weekday } from "../src/engine/dates";

export const NOT_COMPUTED = "—";

export function usd(value: Dec | number | null | undefined): string {
  if (value === null || value === undefined) return NOT_COMPUTED;
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  const d = typeof value === "number" ? dec(value) : value;
  const fixed = d.abs().toFixed(2);
  const negative = d.isNegative() && fixed !== "0.00";
  const [whole, cents] = fixed.split(".");
  return `${negative ? "-" : ""}$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${cents}`;
}

/** "19.2985%": a fraction as a percentage to four places. */
export function percent(value: Dec | number): string {
  const d = typeof value === "number" ? dec(value) : value;
  return `${d.times(100).toDecimalPlaces(4).toFixed(4)}%`;
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** "2004-11-05". */
export function isoDate(date: number | null | undefined): string {
  return date === null || date === undefined ? NOT_COMPUTED : isoFromSerial(date);
}

/** "2004-11-05 (Friday)". */
export function longDate(date: number): string {
  return `${isoFromSerial(date)} (${WEEKDAYS[weekday(date)]})`;
}

/** "(x and y)" from "x and y": the clause as the amendment letters it. */
export function clauseText(clause: string): string {
  return `clause (${clause})`;
}

export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

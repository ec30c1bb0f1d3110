/** Plain formatting for labels and messages (no locale: the same text everywhere). */
import { Dec } from "./decimal";

/** "$125,000,000" or "$1,234.50" (cents only when there are any); negatives as "-$5,000,000". */
export function formatUsd(value: Dec): string {
  const negative = value.isNegative() && !value.isZero();
  const abs = value.abs();
  const fixed = abs.isInteger() ? abs.toFixed(0) : abs.toFixed(2);
  const [whole, cents] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}$${grouped}${cents ? "." + cents : ""}`;
}

/** "65%" or "0.625%" for a fraction. */
export function formatPercent(value: Dec): string {
  return `${value.times(100).toString()}%`;
}

/** Issue 8: the option grant functions over 10,000 rows in one call each (median of 9 runs). */
import { serial } from "../src/engine/dates";
import { exerciseDate, optionExpiry, optionVested, splitAdjust } from "../src/functions/optionGrant";
import { hydroPurchaseDeadline } from "../src/functions/alpart";
import { line, medianMs } from "./timing";

export function run(): void {
  const rows = 10000;
  const start = serial(2004, 1, 1);
  const notices: number[][] = [];
  const asOf: number[][] = [];
  const reasons: string[][] = [];
  const shares: number[][] = [];
  for (let i = 0; i < rows; i++) {
    // Every 37 minutes or so across 2004..2005, so cut-offs, weekends and holidays all occur.
    notices.push([start + i * 0.0731]);
    asOf.push([start + (i % 3000)]);
    reasons.push([["CAUSE", "DEATH", "DISABILITY", "RETIREMENT", "OTHER"][i % 5]]);
    shares.push([1000 + i]);
  }
  const results: [string, number][] = [
    ["EXERCISEDATE, 10,000 notices (Federal Reserve calendar)", medianMs(9, () => exerciseDate(notices))],
    ["EXERCISEDATE, 10,000 notices with 20 extra holidays", medianMs(9, () => exerciseDate(notices, Array.from({ length: 20 }, (_, k) => [start + 7 * k + 3])))],
    ["OPTIONVESTED, 10,000 as-of dates", medianMs(9, () => optionVested([[100000]], [[0.2]], [[start + 60]], asOf))],
    ["OPTIONEXPIRY, 10,000 terminations", medianMs(9, () => optionExpiry([[serial(2012, 1, 15)]], asOf, reasons))],
    ["SPLITADJUST, 10,000 grants, 3-for-2", medianMs(9, () => splitAdjust(shares, [[12.34]], [[1.5]]))],
    ["HYDROPURCHASEDEADLINE, 10,000 approval dates", medianMs(9, () => hydroPurchaseDeadline(asOf))],
  ];
  console.log("Option grant and Alpart functions, one call over 10,000 rows (median of 9 runs)");
  for (const [label, ms] of results) line(`  ${label}`, `${ms.toFixed(2)} ms (${((ms * 1000) / rows).toFixed(2)} µs/row)`);
}

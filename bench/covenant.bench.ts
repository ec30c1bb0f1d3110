/** Issue 5: ANEEXCLUSIONS over 100,000 charges and LENDERALLOCATION over 10,000 amounts, each one call through the adapter. */
import { serial } from "../src/engine/dates";
import { ANE_CATEGORY_KEYS } from "../src/engine/adjustedNetEarnings";
import { aneExclusions } from "../src/functions/adjustedNetEarnings";
import { lenderAllocation } from "../src/functions/lenders";
import { line, medianMs } from "./timing";

export function run(): void {
  const charges = 100000;
  const categories: string[][] = [];
  const dates: number[][] = [];
  const amounts: number[][] = [];
  const start = serial(2004, 1, 1);
  for (let i = 0; i < charges; i++) {
    categories.push([ANE_CATEGORY_KEYS[i % ANE_CATEGORY_KEYS.length]]);
    // Dates spread over 2004-2006 and not in order, so the date sort and the windows both work.
    dates.push([start + ((i * 7919) % 1096)]);
    amounts.push([1000 + (i % 997) * 1234.57]);
  }
  const aneMs = medianMs(5, () => aneExclusions(categories, dates, amounts));

  const allocations = 10000;
  const fees: number[][] = [];
  for (let i = 0; i < allocations; i++) fees.push([Math.round(i * 123456.789) / 100]);
  const allocationMs = medianMs(5, () => lenderAllocation(fees));

  console.log("ANEEXCLUSIONS and LENDERALLOCATION, one call each (median of 5 runs)");
  line("  ANEEXCLUSIONS, 100,000 charges in 11 categories", `${aneMs.toFixed(1)} ms`);
  line("    per charge", `${((aneMs * 1000) / charges).toFixed(2)} µs`);
  line("  LENDERALLOCATION, 10,000 amounts over the 7 Lenders", `${allocationMs.toFixed(1)} ms`);
  line("    per amount", `${((allocationMs * 1000) / allocations).toFixed(2)} µs`);
}

/** Issue 3: one BORROWINGBASE call over 10,000 rows, exact (decimal.js) against plain floating point. */
import { borrowingBase } from "../src/functions/borrowingBase";
import { term } from "../src/engine/terms";
import { line, medianMs } from "./timing";

export function run(): void {
  const rows = 10000;
  const receivables: number[][] = [];
  const inventory: number[][] = [];
  const olv: number[][] = [];
  for (let i = 0; i < rows; i++) {
    receivables.push([100000000 + i * 1000.25]);
    inventory.push([150000000 + i * 7919.5]);
    olv.push([60000000 + i * 3571.75]);
  }
  const engineMs = medianMs(9, () => borrowingBase(receivables, inventory, olv));
  const cap = term("inventoryCap").toNumber();
  const rate = term("inventoryAdvanceRate").toNumber();
  const ppeCap = term("ppeCap").toNumber();
  const ppeRate = term("ppeOlvRate").toNumber();
  const floatMs = medianMs(9, () => {
    const out: number[][] = [];
    for (let i = 0; i < rows; i++) {
      const b = Math.min(cap, rate * inventory[i][0]);
      const c = Math.max(0, Math.min(ppeCap, ppeRate * olv[i][0]));
      out.push([receivables[i][0] + b + c]);
    }
    return out;
  });
  console.log("BORROWINGBASE, one call over 10,000 rows (median of 9 runs)");
  line("  exact engine through the adapter (decimal.js)", `${engineMs.toFixed(2)} ms`);
  line("  plain JavaScript floating point", `${floatMs.toFixed(3)} ms`);
  line("  ratio exact / float", `${(engineMs / floatMs).toFixed(0)}x`);
}

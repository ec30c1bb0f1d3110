/**
 * Issue 14: BORROWINGBASE over the same 10,000 rows four ways, in one run: the exact fast path (the
 * adapter as shipped), the decimal.js path alone (the same adapter without its fast path), a plain
 * floating-point loop doing the same arithmetic (the Net Recovery Percentage, the reductions, the
 * floor at zero) and reading and writing the same ranges, and HyperFormula evaluating the same
 * formula as native spreadsheet formulas. Then the proof of sameness over 1,000,000 random rows.
 */
import { HyperFormula } from "hyperformula";
import * as engine from "../src/engine/borrowingBase";
import { ZERO } from "../src/engine/decimal";
import { term } from "../src/engine/terms";
import { borrowingBase } from "../src/functions/borrowingBase";
import { elementwise } from "../src/functions/support/arrays";
import { amount, fraction } from "../src/functions/support/params";
import { exactFraction, fastBorrowingBase } from "../src/engine/exactFast";
import { CASES, compareFastWithDecimal } from "./exactRows";
import { interleavedMs, line, timesMs } from "./timing";

const RUNS = 15;

/** Realistic rows: whole cents, half of them with a two-place Net Recovery Percentage, some reductions. */
export function borrowingBaseRows(rows: number): { a: number[][]; inventory: number[][]; olv: number[][]; nrp: (number | null)[][]; reductions: number[][] } {
  const a: number[][] = [];
  const inventory: number[][] = [];
  const olv: number[][] = [];
  const nrp: (number | null)[][] = [];
  const reductions: number[][] = [];
  for (let i = 0; i < rows; i++) {
    // Amounts typed in cents: the double nearest each cent value, as Excel stores 100007919.01.
    a.push([(10000000000 + ((i * 791903) % 10000000000)) / 100]);
    inventory.push([(15000000000 + ((i * 10472917) % 10000000000)) / 100]);
    olv.push([(6000000000 + ((i * 129970921) % 6000000000)) / 100]);
    nrp.push([i % 2 === 0 ? null : (60 + (i % 31)) / 100]);
    reductions.push([(i % 5) * 5000000]);
  }
  return { a, inventory, olv, nrp, reductions };
}

function fmt(t: { min: number; median: number }): string {
  return `min ${t.min.toFixed(2)} ms, median ${t.median.toFixed(2)} ms`;
}

export function run(): void {
  const rows = 10000;
  const { a, inventory, olv, nrp, reductions } = borrowingBaseRows(rows);

  const fastRun = () => borrowingBase(a, inventory, olv, nrp, reductions);
  const decimalParams = [
    amount("receivablesComponent"),
    amount("eligibleInventory"),
    amount("olvInPlaceValue"),
    fraction("netRecoveryPercentage", { optional: true }),
    amount("ppeSubcomponentReductions", { optional: true, default: ZERO }),
  ] as const;
  const decimalRun = () =>
    elementwise([a, inventory, olv, nrp, reductions], decimalParams, (ra, ri, ro, rn, rr) =>
      engine.borrowingBase({ receivablesComponent: ra, eligibleInventory: ri, olvInPlaceValue: ro, netRecoveryPercentage: rn, ppeSubcomponentReductions: rr }).total,
    );

  const cap = term("inventoryCap").toNumber();
  const rate = term("inventoryAdvanceRate").toNumber();
  const recovery = term("netRecoveryAdvanceRate").toNumber();
  const ppeCap = term("ppeCap").toNumber();
  const ppeRate = term("ppeOlvRate").toNumber();
  const floatRun = () => {
    const out: number[][] = [];
    for (let i = 0; i < rows; i++) {
      const x = inventory[i][0];
      const n = nrp[i][0];
      let b = Math.min(cap, rate * x);
      if (n !== null) b = Math.min(b, n * recovery * x);
      const c = Math.max(0, Math.min(ppeCap, ppeRate * olv[i][0]) - reductions[i][0]);
      out.push([a[i][0] + b + c]);
    }
    return out;
  };
  const [fastT, floatT, decimalT] = interleavedMs(RUNS, [fastRun, floatRun, decimalRun]);

  // The same formula as an Excel user would write it, over the same rows, in a native formula engine.
  const sheet = a.map((_, i) => {
    const r = i + 1;
    const formula = `=A${r}+MIN(${cap},${rate}*B${r},IF(ISBLANK(D${r}),${cap},${recovery}*D${r}*B${r}))+MAX(0,MIN(${ppeCap},${ppeRate}*C${r})-E${r})`;
    return [a[i][0], inventory[i][0], olv[i][0], nrp[i][0], reductions[i][0], formula];
  });
  const hfT = timesMs(RUNS, () => HyperFormula.buildFromArray(sheet, { licenseKey: "gpl-v3" }).destroy());

  let fastRows = 0;
  for (let i = 0; i < rows; i++) {
    const n = nrp[i][0];
    const f = n === null ? undefined : exactFraction(n);
    if ((n === null || f !== undefined) && fastBorrowingBase(a[i][0], inventory[i][0], olv[i][0], f, reductions[i][0]) !== undefined) fastRows++;
  }
  console.log(`BORROWINGBASE, one call over ${rows.toLocaleString("en-US")} rows, ${RUNS} runs each, interleaved (this run)`);
  line("  exact fast path through the adapter (as shipped)", fmt(fastT));
  line("  decimal.js path through the adapter (fast path off)", fmt(decimalT));
  line("  plain floating point, the same arithmetic (NRP, reductions, floor)", fmt(floatT));
  line("  HyperFormula, the same formula natively (build + evaluate)", fmt(hfT));
  line("  ratio fast / float (goal: at most 5)", `min/min ${(fastT.min / floatT.min).toFixed(2)}x, median/median ${(fastT.median / floatT.median).toFixed(2)}x`);
  line("  ratio decimal.js / float", `${(decimalT.median / floatT.median).toFixed(0)}x`);
  line("  ratio decimal.js / fast", `${(decimalT.median / fastT.median).toFixed(0)}x`);
  line("  ratio HyperFormula / fast", `${(hfT.median / fastT.median).toFixed(1)}x`);
  line("  rows on the fast path", `${fastRows} of ${rows}`);

  console.log("Exact fast path against decimal.js, bit for bit, seeded random rows (bench/exactRows.ts)");
  for (const name of Object.keys(CASES)) {
    const n = name === "BORROWINGBASE" ? 1000000 : 200000;
    const s = compareFastWithDecimal(name, n, 2026);
    line(`  ${name}, ${n.toLocaleString("en-US")} rows`, `${s.mismatches} mismatches; ${((100 * s.fast) / s.rows).toFixed(1)}% of rows on the fast path`);
    if (s.firstMismatch !== undefined) line("    first mismatch", s.firstMismatch);
  }
}

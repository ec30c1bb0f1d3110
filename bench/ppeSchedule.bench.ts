/**
 * Issue 14: PPESCHEDULE's table over 1,000,000 events, every row computed, in a process of its own
 * (bench/ppeMemory.ts): time and memory. (KAISER.PPESCHEDULE itself answers such a call with the
 * too-large #VALUE! before computing: bench/seriesScaling.bench.ts times that.)
 */
import { execFileSync } from "child_process";
import * as path from "path";
import { line } from "./timing";

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`;

export function run(): void {
  const events = 1000000;
  for (const scenario of ["valid", "scaling"] as const) {
    const out = execFileSync(process.execPath, ["--expose-gc", path.join(__dirname, "ppeMemory.js"), String(events), scenario], { encoding: "utf8", maxBuffer: 1 << 20 });
    const m = JSON.parse(out.trim().split("\n").pop() as string) as { rows: number; ms: number; heapBefore: number; peakHeap: number; heapHeld: number; maxRss: number };
    const what = scenario === "valid" ? "every event computed" : "bench/scaling.bench.ts's events, error rows from row 12";
    console.log(`PPESCHEDULE's table, every row computed, over ${events.toLocaleString("en-US")} events (${what}), in its own process`);
    line("  time (wall)", `${(m.ms / 1000).toFixed(1)} s for ${m.rows.toLocaleString("en-US")} result rows`);
    line("  inputs (three columns of a million cells)", mb(m.heapBefore));
    line("  peak heap during the call, less the inputs", mb(m.peakHeap - m.heapBefore));
    line("  heap held after the call (result alive, after a full GC), less the inputs", mb(m.heapHeld - m.heapBefore));
    line("  maximum resident set of the whole process", mb(m.maxRss));
  }
}

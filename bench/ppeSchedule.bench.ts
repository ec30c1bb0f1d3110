/** Issue 14: KAISER.PPESCHEDULE over 1,000,000 events in a process of its own (bench/ppeMemory.ts): time and memory. */
import { execFileSync } from "child_process";
import * as path from "path";
import { line } from "./timing";

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`;

export function run(): void {
  const events = 1000000;
  const out = execFileSync(process.execPath, ["--expose-gc", path.join(__dirname, "ppeMemory.js"), String(events)], { encoding: "utf8", maxBuffer: 1 << 20 });
  const m = JSON.parse(out.trim().split("\n").pop() as string) as { rows: number; ms: number; heapBefore: number; heapWithResult: number; maxRss: number };
  console.log(`PPESCHEDULE, one call over ${events.toLocaleString("en-US")} events, in its own process`);
  line("  time (wall)", `${(m.ms / 1000).toFixed(1)} s for ${m.rows.toLocaleString("en-US")} rows`);
  line("  heap held by the call and its result (after the call, less the inputs)", mb(m.heapWithResult - m.heapBefore));
  line("  inputs (three columns of a million cells)", mb(m.heapBefore));
  line("  maximum resident set of the whole process", mb(m.maxRss));
}

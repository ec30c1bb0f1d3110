/**
 * Run as its own process (`node --expose-gc build/bench/ppeMemory.js 1000000 valid`) by
 * bench/ppeSchedule.bench.ts: builds N PPE events, computes KAISER.PPESCHEDULE's table once (every
 * row, `ppeScheduleTable`: a million rows are past what Excel can receive, where KAISER.PPESCHEDULE
 * itself answers the too-large #VALUE! before computing), and prints one JSON line with the heap
 * before (the inputs), at its peak (sampled at every garbage collection), held after a full collection
 * with the result alive, and the process's maximum resident set.
 *
 * Events: `valid` (bench/seriesScaling.bench.ts: every event computed) or `scaling`
 * (bench/scaling.bench.ts's, whose fourth Threshold Event falls on a Saturday, so from row 12 on every
 * row is an error row, "not computed").
 */
import { PerformanceObserver } from "perf_hooks";
import { ppeScheduleTable } from "../src/functions/ppeReduction";
import { ppeEvents } from "./scaling.bench";
import { ppeScheduleEvents } from "./seriesScaling.bench";

const n = Number(process.argv[2] ?? 1000000);
const scenario = process.argv[3] ?? "valid";
const { dates, kinds, amounts } = scenario === "scaling" ? ppeEvents(n) : ppeScheduleEvents(n);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
gc();
const before = process.memoryUsage().heapUsed;
let peak = before;
// Every garbage collection is a moment the heap is at a local high: sample it there.
const observer = new PerformanceObserver(() => {
  peak = Math.max(peak, process.memoryUsage().heapUsed);
});
observer.observe({ entryTypes: ["gc"] });
const start = process.hrtime.bigint();
const table = ppeScheduleTable(1000000000000, dates, kinds, amounts, null, 2000000, null);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
peak = Math.max(peak, process.memoryUsage().heapUsed);
observer.disconnect();
gc();
const held = process.memoryUsage().heapUsed;
process.stdout.write(
  `${JSON.stringify({ events: n, scenario, rows: table.length, ms, heapBefore: before, peakHeap: peak, heapHeld: held, maxRss: process.resourceUsage().maxRSS * 1024 })}\n`,
);

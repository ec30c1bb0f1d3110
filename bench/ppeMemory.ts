/**
 * Run as its own process (`node build/bench/ppeMemory.js 1000000`) by bench/ppeSchedule.bench.ts:
 * builds N PPE events, calls KAISER.PPESCHEDULE once, and prints one JSON line with the heap before
 * and at its peak (sampled at every garbage collection) and the process's maximum resident set.
 */
import { PerformanceObserver } from "perf_hooks";
import { ppeSchedule } from "../src/functions/ppeReduction";
import { ppeEvents } from "./scaling.bench";

const n = Number(process.argv[2] ?? 1000000);
const { dates, kinds, amounts } = ppeEvents(n);
(globalThis as { gc?: () => void }).gc?.();
const before = process.memoryUsage().heapUsed;
let peak = before;
// Every garbage collection is a moment the heap is at a local high: sample it there.
const observer = new PerformanceObserver(() => {
  peak = Math.max(peak, process.memoryUsage().heapUsed);
});
observer.observe({ entryTypes: ["gc"] });
const start = process.hrtime.bigint();
const table = ppeSchedule(1000000000000, dates, kinds, amounts, null, 2000000);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
peak = Math.max(peak, process.memoryUsage().heapUsed);
const resultHeap = process.memoryUsage().heapUsed;
process.stdout.write(
  `${JSON.stringify({ events: n, rows: table.length, ms, heapBefore: before, peakHeap: peak, heapWithResult: resultHeap, maxRss: process.resourceUsage().maxRSS * 1024 })}\n`,
);
observer.disconnect();

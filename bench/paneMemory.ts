/**
 * Run as its own process by bench/paneMemory.bench.ts, once for each side of the pane's file path:
 *
 * - `node build/bench/paneMemory.js worker <file.xlsx> <message>`: what taskpane/xlsxWorker.ts does —
 *   the bounded reader with its default inflater (the platform's DecompressionStream, as in the
 *   browser), then the snapshot serialized as postMessage copies it (v8.serialize: the structured
 *   clone's format), written to `<message>`;
 * - `node build/bench/paneMemory.js page <message>`: what the page does with the reply — the message
 *   deserialized, then `reviewForPane` (the one review, the daily series of the picture, the
 *   Scenarios table).
 *
 * Prints one JSON line: for each stage its time, the heap and array buffers in use at its end
 * (before any collection: the stage's garbage included), the heap V8 had committed by then, what it
 * still holds after a full collection, and the process's maximum resident set.
 */
import * as fs from "fs";
import * as v8 from "v8";
import { snapshotFromXlsx } from "../src/workbook/xlsxSnapshot";
import type { WorkbookSnapshot } from "../src/review/snapshot";
import { reviewForPane } from "../taskpane/paneReview";

interface Stage {
  readonly stage: string;
  readonly ms: number;
  /** heapUsed + arrayBuffers at the end of the stage, before a collection. */
  readonly inUse: number;
  /** total_heap_size: the heap V8 had committed, at least the stage's peak heap unless a collection shrank it. */
  readonly committedHeap: number;
  /** heapUsed + arrayBuffers after a full collection: what the stage keeps. */
  readonly kept: number;
}

const gc = (globalThis as { gc?: () => void }).gc ?? ((): void => undefined);
const stages: Stage[] = [];

async function timed<T>(stage: string, fn: () => T | Promise<T>): Promise<T> {
  const start = process.hrtime.bigint();
  const result = await fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const m = process.memoryUsage();
  const committedHeap = v8.getHeapStatistics().total_heap_size;
  gc();
  const after = process.memoryUsage();
  stages.push({ stage, ms, inUse: m.heapUsed + m.arrayBuffers, committedHeap, kept: after.heapUsed + after.arrayBuffers });
  return result;
}

async function main(): Promise<void> {
  const [side, a, b] = process.argv.slice(2);
  gc();
  const base = process.memoryUsage();
  let extra: Record<string, number> = {};
  if (side === "worker") {
    const bytes = new Uint8Array(fs.readFileSync(a));
    const snapshot = await timed("read (snapshotFromXlsx, DecompressionStream)", () => snapshotFromXlsx(bytes));
    const message = await timed("postMessage copy (v8.serialize)", () => v8.serialize({ kind: "done", snapshot }));
    fs.writeFileSync(b, message);
    extra = { messageBytes: message.length, cells: snapshot.sheets.reduce((n, s) => n + s.cells.count, 0) };
  } else {
    const message = fs.readFileSync(a);
    const reply = await timed("message received (v8.deserialize)", () => v8.deserialize(message) as { snapshot: WorkbookSnapshot });
    const pane = await timed("reviewForPane (review, daily series, Scenarios)", () => reviewForPane(reply.snapshot, "bench.xlsx"));
    extra = { dailyPoints: pane.daily.length, findings: pane.review.findings.length };
  }
  process.stdout.write(`${JSON.stringify({ side, baseHeap: base.heapUsed + base.arrayBuffers, stages, ...extra, maxRss: process.resourceUsage().maxRSS * 1024 })}\n`);
}

void main();

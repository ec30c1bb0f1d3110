/**
 * Issue 13: the pane's file path at 100,000 and 1,000,000 daily rows, measured in node with the
 * pane's own modules (bench/paneMemory.ts, one process for the worker's side and one for the
 * page's, as the browser keeps them in two heaps): the worker's read and the message it posts
 * back, then the page's review of it. Figures per stage: time, heap and array buffers in use at its
 * end (garbage included), the heap committed, what is kept after a collection; and each side's
 * maximum resident set.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { writeSnapshotXlsx } from "../scripts/streamXlsx";
import { modelWithDays } from "./reader.bench";
import { line } from "./timing";

const MB = 1048576;
const mb = (bytes: number): string => `${(bytes / MB).toFixed(0)} MB`;

interface Side {
  readonly stages: readonly { stage: string; ms: number; inUse: number; committedHeap: number; kept: number }[];
  readonly maxRss: number;
  readonly messageBytes?: number;
}

function side(args: string[]): Side {
  const child = spawnSync(process.execPath, ["--expose-gc", path.join(__dirname, "paneMemory.js"), ...args], { encoding: "utf8", maxBuffer: 16 * MB });
  if (child.status !== 0) throw new Error(`paneMemory ${args[0]} exited ${child.status}: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").pop() as string) as Side;
}

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kaiser-bench-pane-"));
  try {
    console.log(`The pane's file path (Web Worker read, postMessage, the page's review), in node with the pane's modules; load average ${os.loadavg().map((l) => l.toFixed(2)).join(", ")}`);
    for (const rows of [100000, 1000000]) {
      const file = path.join(dir, `daily-${rows}.xlsx`);
      const message = path.join(dir, `message-${rows}.bin`);
      await writeSnapshotXlsx(file, modelWithDays(rows));
      const worker = side(["worker", file, message]);
      const page = side(["page", message]);
      console.log(`  ${rows.toLocaleString("en-US")} daily rows (${mb(fs.statSync(file).size)} file)`);
      for (const s of [...worker.stages, ...page.stages]) {
        line(`    ${s.stage}`, `${(s.ms / 1000).toFixed(1)} s; in use ${mb(s.inUse)}, heap committed ${mb(s.committedHeap)}, kept ${mb(s.kept)}`);
      }
      line("    the message posted back (structured-clone bytes)", mb(worker.messageBytes ?? 0));
      line("    peak resident set: worker / page", `${mb(worker.maxRss)} / ${mb(page.maxRss)}`);
      fs.rmSync(file, { force: true });
      fs.rmSync(message, { force: true });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

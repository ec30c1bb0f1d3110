/**
 * Issue 7: kaiser-check on a 100,000-row workbook (the model with 100,000 days of
 * DailyOutstandings): the command's wall time as a process, its peak memory, and, in this process,
 * where the time goes: exceljs reading the file against the checks (the pane's rules) and the rest
 * of the review.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { validate } from "../src/review/review";
import { readModelInputs, recompute } from "../src/review/recalc";
import { review as reviewWorkbook } from "../src/review/review";
import { jsonReport } from "../src/cli/report";
import { snapshotFromXlsx } from "../src/workbook/xlsxSnapshot";
import { largeModelXlsx } from "../scripts/examples";
import { projectRoot } from "../scripts/functionRegistry";
import { line } from "./timing";

const ROWS = 100000;

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function medianAsync(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(ms(start));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function medianSync(runs: number, fn: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(ms(start));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MB`;

export async function run(): Promise<void> {
  const root = projectRoot();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kaiser-bench-"));
  try {
    const file = path.join(dir, "model-100000.xlsx");
    const data = await largeModelXlsx(ROWS);
    fs.writeFileSync(file, data);
    console.log(`kaiser-check on a ${ROWS.toLocaleString("en-US")}-row workbook (${(data.length / 1048576).toFixed(1)} MB; medians of 3 runs)`);

    // The command as a user runs it, in its own process, with a memory probe preloaded.
    const walls: number[] = [];
    let memory = { peakHeapUsed: 0, peakRss: 0, maxRss: 0 };
    for (let i = 0; i < 3; i++) {
      const start = process.hrtime.bigint();
      const child = spawnSync(process.execPath, ["--require", path.join(__dirname, "memoryProbe.js"), path.join(root, "bin", "kaiser-check.js"), file, "--json"], {
        encoding: "utf8",
        maxBuffer: 64 * 1048576,
      });
      walls.push(ms(start));
      const probe = /^MEMORY (.*)$/m.exec(child.stderr ?? "");
      if (probe !== null) memory = JSON.parse(probe[1]);
      if (child.status !== 1 || child.stdout.length === 0) throw new Error(`kaiser-check exited ${child.status}: ${child.stderr}`);
    }
    walls.sort((a, b) => a - b);
    line("  wall time, node bin/kaiser-check.js model.xlsx --json", `${(walls[1] / 1000).toFixed(2)} s`);
    line("  peak memory: maximum resident set (process.resourceUsage)", mb(memory.maxRss));
    line("  peak memory: heap used, sampled (process.memoryUsage)", mb(memory.peakHeapUsed));

    // Where the time goes, in this process.
    const readMs = await medianAsync(3, async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
    });
    const snapshotMs = await medianAsync(3, () => snapshotFromXlsx(data));
    const snapshot = await snapshotFromXlsx(data);
    const checksMs = medianSync(3, () => validate(snapshot));
    const recomputeMs = medianSync(3, () => recompute(readModelInputs(snapshot)));
    const reviewMs = medianSync(3, () => jsonReport(reviewWorkbook(snapshot), { file, version: "bench" }));
    line("  exceljs reading the file (Workbook.xlsx.load)", `${readMs.toFixed(0)} ms`);
    line("  .xlsx to snapshot (exceljs and the adapter)", `${snapshotMs.toFixed(0)} ms`);
    line("  checks (validate: every rule of the pane)", `${checksMs.toFixed(0)} ms`);
    line("  recomputed figures (readModelInputs + recompute)", `${recomputeMs.toFixed(0)} ms`);
    line("  whole review and JSON report (checks, figures, schedules)", `${reviewMs.toFixed(0)} ms`);
    line("  ratio checks / exceljs read", `${(checksMs / readMs).toFixed(2)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

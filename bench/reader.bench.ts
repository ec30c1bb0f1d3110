/**
 * Issue 13: the bounded, streaming .xlsx reader. kaiser-check (its own process, the memory probe
 * preloaded) on the ready model with 250,000, 500,000 and 1,000,000 daily rows, to see the time
 * grow linearly and the peak resident set; the reader alone in this process; then the hostile
 * files at the default caps: each one's exit status, wall time and peak resident set. The large
 * files are written as streams (scripts/streamXlsx.ts), the bombs deflated chunk by chunk.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { snapshotFromTemplate } from "../src/review/template";
import { GRID_COLUMNS, GRID_ROWS, parseRange, SheetBuilder, SheetSnapshot, TableSnapshot, WorkbookSnapshot, eachCell } from "../src/review/snapshot";
import { snapshotFromXlsx } from "../src/workbook/xlsxSnapshot";
import { zlibInflater } from "../src/cli/readWorkbook";
import { repeated, writeSnapshotXlsx, ZipFileWriter } from "../scripts/streamXlsx";
import { projectRoot } from "../scripts/functionRegistry";
import { line } from "./timing";

const MB = 1048576;
const mb = (bytes: number): string => `${(bytes / MB).toFixed(0)} MB`;

/** The ready model with DailyOutstandings grown to `rows` rows (every later weekday, below the Threshold). */
export function modelWithDays(rows: number): WorkbookSnapshot {
  const base = snapshotFromTemplate();
  const daily = base.tables.find((t) => t.name === "DailyOutstandings") as TableSnapshot;
  const range = parseRange(daily.address);
  if (range === undefined) throw new Error("DailyOutstandings has no range");
  const sheet = base.sheets.find((s) => s.name === daily.sheet) as SheetSnapshot;
  const builder = new SheetBuilder(sheet.name);
  eachCell(sheet, (r, c, cell) => builder.set(r, c, cell));
  const dateFormat = "yyyy-mm-dd";
  const usd = "$#,##0.00;-$#,##0.00";
  let date = 38231; // 2004-09-01
  let row = range.start.row + 1;
  for (let n = 0; n < rows; n++) {
    while ((date + 6) % 7 === 0 || (date + 6) % 7 === 6) date++;
    builder.set(row, range.start.col, { value: date, formula: null, numberFormat: dateFormat });
    builder.set(row, range.start.col + 1, { value: 150000000 + (n % 7) * 1000000, formula: null, numberFormat: usd });
    date++;
    row++;
  }
  const tables = base.tables.map((t) => (t === daily ? { ...t, address: `${daily.address.split(":")[0]}:${daily.address.split(":")[1].replace(/\d+$/, "")}${range.start.row + 1 + rows}` } : t));
  return { ...base, sheets: base.sheets.map((s) => (s === sheet ? builder.build() : s)), tables };
}

interface Run {
  readonly code: number | null;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly maxRss: number;
  readonly message: string;
}

function runCli(file: string, args: string[] = []): Run {
  const root = projectRoot();
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ["--require", path.join(__dirname, "memoryProbe.js"), path.join(root, "bin", "kaiser-check.js"), file, "--json", ...args], { encoding: "utf8", maxBuffer: 256 * MB });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const probe = /^MEMORY (.*)$/m.exec(child.stderr ?? "");
  const memory = probe === null ? { maxRss: 0, cpuMs: 0 } : (JSON.parse(probe[1]) as { maxRss: number; cpuMs?: number });
  const message = (child.stderr ?? "").split("\n").find((l) => l.startsWith("kaiser-check: ") && !/reading|checking|writing|done/.test(l)) ?? "";
  return { code: child.status, wallMs, cpuMs: memory.cpuMs ?? 0, maxRss: memory.maxRss, message };
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PAD = "<!-- padding padding padding padding padding padding padding -->";

/** A one-sheet package whose `bombPart` inflates to `bytes` (its directory lying, saying 1 KB, when `lie`). */
async function bomb(file: string, bombPart: string, bytes: number, lie: boolean): Promise<void> {
  const zip = new ZipFileWriter(file);
  const parts: Record<string, Iterable<string>> = {
    "_rels/.rels": [`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    "xl/workbook.xml": [`<?xml version="1.0"?><workbook ${NS}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    "xl/_rels/workbook.xml.rels": [`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`],
    "xl/worksheets/sheet1.xml": [`<?xml version="1.0"?><worksheet ${NS}><sheetData/></worksheet>`],
  };
  parts[bombPart] =
    bombPart === "xl/workbook.xml"
      ? repeated(PAD, bytes, `<?xml version="1.0"?><workbook ${NS}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets>`, "</workbook>")
      : repeated(PAD, bytes, `<?xml version="1.0"?><worksheet ${NS}><sheetData>`, "</sheetData></worksheet>");
  for (const [name, source] of Object.entries(parts)) await zip.add(name, source, name === bombPart && lie ? { declaredSize: 1024 } : {});
  zip.close();
}

/** Five parts the reader reads, each under the part cap, 1.2 GB in all. */
async function totalBomb(file: string): Promise<void> {
  const zip = new ZipFileWriter(file);
  await zip.add("_rels/.rels", [`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`]);
  await zip.add("xl/workbook.xml", [`<?xml version="1.0"?><workbook ${NS}><sheets>${[1, 2, 3, 4, 5].map((i) => `<sheet name="S${i}" sheetId="${i}" r:id="rId${i}"/>`).join("")}</sheets></workbook>`]);
  await zip.add("xl/_rels/workbook.xml.rels", [`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${[1, 2, 3, 4, 5].map((i) => `<Relationship Id="rId${i}" Type="${REL}/worksheet" Target="worksheets/sheet${i}.xml"/>`).join("")}</Relationships>`]);
  for (let i = 1; i <= 5; i++) await zip.add(`xl/worksheets/sheet${i}.xml`, repeated(PAD, 240 * MB, `<?xml version="1.0"?><worksheet ${NS}><sheetData>`, "</sheetData></worksheet>"));
  zip.close();
}

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kaiser-bench-reader-"));
  try {
    console.log(`kaiser-check on the ready model with many daily rows (bounded streaming reader; one run each; load average ${os.loadavg().map((l) => l.toFixed(2)).join(", ")})`);
    const sizes = [250000, 500000, 1000000];
    const perRow: number[] = [];
    const cliPerRow: number[] = [];
    for (const rows of sizes) {
      const file = path.join(dir, `daily-${rows}.xlsx`);
      await writeSnapshotXlsx(file, modelWithDays(rows));
      const r = runCli(file);
      const data = fs.readFileSync(file);
      const c0 = process.cpuUsage();
      const snapshot = await snapshotFromXlsx(data, { inflate: zlibInflater });
      const readCpu = process.cpuUsage(c0);
      const readMs = (readCpu.user + readCpu.system) / 1000;
      perRow.push(readMs / rows);
      cliPerRow.push(r.cpuMs / rows);
      line(`  ${rows.toLocaleString("en-US")} rows (${mb(data.length)} file): kaiser-check --json wall / CPU`, `${(r.wallMs / 1000).toFixed(1)} s / ${(r.cpuMs / 1000).toFixed(1)} s (exit ${r.code})`);
      line("    peak resident set (process.resourceUsage().maxRSS)", mb(r.maxRss));
      line(`    the reader alone, CPU (${snapshot.sheets[0].cells.count.toLocaleString("en-US")} cells)`, `${readMs.toFixed(0)} ms`);
    }
    line("  reader CPU per row, 1,000,000 rows / 250,000 rows (1.00 = linear)", (perRow[2] / perRow[0]).toFixed(2));
    line("  kaiser-check CPU per row, 500,000 and 1,000,000 rows / 250,000 rows", `${(cliPerRow[1] / cliPerRow[0]).toFixed(2)}, ${(cliPerRow[2] / cliPerRow[0]).toFixed(2)}`);

    console.log("Hostile files at the default caps (256 MB a part, 1 GB in all): exit status, wall time, peak resident set");
    const hostile: [string, () => Promise<string>, string[]?][] = [
      [
        "far cell: the model plus one value at XFD1048576",
        async () => {
          const s = snapshotFromTemplate();
          const sheet = s.sheets[0];
          const b = new SheetBuilder(sheet.name);
          eachCell(sheet, (r, c, cell) => b.set(r, c, cell));
          b.set(GRID_ROWS - 1, GRID_COLUMNS - 1, { value: 1, formula: null, numberFormat: "General" });
          const file = path.join(dir, "far.xlsx");
          await writeSnapshotXlsx(file, { ...s, sheets: [b.build()] });
          return file;
        },
      ],
      ["sheet part inflating to 1.2 GB (directory truthful)", async () => (await bomb(path.join(dir, "b1.xlsx"), "xl/worksheets/sheet1.xml", 1200 * MB, false), path.join(dir, "b1.xlsx"))],
      ["sheet part inflating to 1.2 GB (directory says 1 KB)", async () => (await bomb(path.join(dir, "b2.xlsx"), "xl/worksheets/sheet1.xml", 1200 * MB, true), path.join(dir, "b2.xlsx"))],
      ["xl/workbook.xml inflating to 2.5 GB (directory says 1 KB)", async () => (await bomb(path.join(dir, "b3.xlsx"), "xl/workbook.xml", 2500 * MB, true), path.join(dir, "b3.xlsx"))],
      ["five sheets of 240 MB, 1.2 GB in all", async () => (await totalBomb(path.join(dir, "b4.xlsx")), path.join(dir, "b4.xlsx"))],
      ["/dev/zero", async () => "/dev/zero"],
    ];
    for (const [what, make] of hostile) {
      const file = await make();
      const size = file.startsWith("/dev/") ? "device" : `${(fs.statSync(file).size / 1024).toFixed(0)} KB file`;
      const r = runCli(file);
      line(`  ${what} (${size})`, `exit ${r.code}, ${(r.wallMs / 1000).toFixed(1)} s, ${mb(r.maxRss)}`);
      if (r.message !== "") console.log(`      ${r.message.replace(dir, "<tmp>")}`);
      if (!file.startsWith("/dev/")) fs.rmSync(file, { force: true });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

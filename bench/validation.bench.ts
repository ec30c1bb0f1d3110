/**
 * Issue 6 and 11: reviewing a workbook whose DailyOutstandings table has 100,000 and 1,000,000 rows —
 * `review()` alone (one pass: the inputs read once, the figures and schedules computed once, the
 * checks on those figures), and at 100,000 rows the .xlsx path (exceljs reads a file written once
 * to a temporary folder, then the review runs).
 *
 * 100,000 consecutive Business Days run from 2004-09-01 far past 2030, so most rows are also
 * reported as bad dates (ten findings and a count); every row is still read and checked.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Workbook } from "exceljs";
import { review } from "../src/review/review";
import { serial } from "../src/engine/dates";
import { eachCell, isCellError, parseRange, WorkbookSnapshot } from "../src/review/snapshot";
import { numberFormatAt, valueAt } from "../src/review/locate";
import { MODEL_TEMPLATE, ModelTemplate, snapshotFromTemplate } from "../src/review/template";
import { snapshotFromXlsx } from "../src/workbook/xlsxSnapshot";
import { line, medianMs } from "./timing";

const ROWS = 100000;
const MILLION = 1000000;

/** The model with `count` Business Days of outstandings (weekends skipped; holidays not, to keep it simple). */
function bigTemplate(count: number): ModelTemplate {
  const rows: number[][] = [];
  for (let d = serial(2004, 9, 1); rows.length < count; d++) {
    const weekday = (d + 6) % 7;
    if (weekday === 0 || weekday === 6) continue;
    rows.push([d, 150000000 + (rows.length % 97) * 250000]);
  }
  const tables = MODEL_TEMPLATE.tables.map((t) => {
    if (t.name !== "DailyOutstandings") return t;
    const start = t.address.split(":")[0];
    const range = parseRange(t.address);
    return { ...t, rows, address: `${start}:J${(range?.start.row ?? 0) + 1 + count}` };
  });
  return { ...MODEL_TEMPLATE, tables };
}

/** A snapshot as an exceljs workbook: constants, formulas with cached results, number formats, tables and names. */
function workbookOf(snapshot: WorkbookSnapshot): Workbook {
  const workbook = new Workbook();
  for (const s of snapshot.sheets) {
    const sheet = workbook.addWorksheet(s.name);
    const tables = snapshot.tables.filter((t) => t.sheet === s.name).map((t) => ({ t, range: parseRange(t.address) }));
    const inTable = (r: number, c: number) => tables.some(({ range }) => range !== undefined && r >= range.start.row && r <= range.end.row && c >= range.start.col && c <= range.end.col);
    const at = (r: number, c: number) => {
      const v = valueAt(s, r, c);
      return isCellError(v) ? { error: v.error } : v;
    };
    eachCell(s, (r, c, { formula, numberFormat }) => {
      const value = at(r, c);
      if ((value === null && formula === null) || inTable(r, c)) return;
      const cell = sheet.getCell(r + 1, c + 1);
      cell.value = (formula === null ? value : { formula: formula.slice(1), result: value ?? undefined }) as never;
      if (numberFormat !== "General") cell.numFmt = numberFormat;
    });
    for (const { t, range } of tables) {
      if (range === undefined) continue;
      const columns = t.columns ?? [];
      sheet.addTable({
        name: t.name,
        ref: t.address.split(":")[0],
        headerRow: true,
        columns: columns.map((name) => ({ name })),
        rows: Array.from({ length: range.end.row - range.start.row }, (_, i) => columns.map((_, j) => at(range.start.row + 1 + i, range.start.col + j))),
      });
      for (let r = range.start.row + 1; r <= range.end.row; r++) {
        for (let j = 0; j < columns.length; j++) {
          const format = numberFormatAt(s, r, range.start.col + j);
          if (format !== "General") sheet.getCell(r + 1, range.start.col + j + 1).numFmt = format;
        }
      }
    }
  }
  for (const n of snapshot.names) if (n.address !== undefined) workbook.definedNames.add(n.formula.slice(1), n.name);
  return workbook;
}

export async function run(): Promise<void> {
  const snapshot = snapshotFromTemplate(bigTemplate(ROWS));
  const findings = review(snapshot).findings;
  const checksMs = medianMs(5, () => review(snapshot));

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kaiser-bench-"));
  const file = path.join(dir, "daily-100000.xlsx");
  await workbookOf(snapshot).xlsx.writeFile(file);
  const size = fs.statSync(file).size;
  const times: number[] = [];
  let readMs = 0;
  for (let i = 0; i < 3; i++) {
    const start = process.hrtime.bigint();
    const read = await snapshotFromXlsx(fs.readFileSync(file));
    const mid = process.hrtime.bigint();
    review(read);
    const end = process.hrtime.bigint();
    times.push(Number(end - start) / 1e6);
    readMs = Number(mid - start) / 1e6;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  times.sort((a, b) => a - b);

  console.log(`Validation of a workbook with ${ROWS.toLocaleString("en-US")} rows of DailyOutstandings`);
  line("  review() alone, one pass (median of 5)", `${checksMs.toFixed(1)} ms (${findings.length} findings)`);
  line(`  .xlsx path: read (exceljs) + review(), ${(size / 1e6).toFixed(1)} MB file (median of 3)`, `${times[1].toFixed(0)} ms`);
  line("    of which reading the file (last run)", `${readMs.toFixed(0)} ms`);

  // 1,000,000 rows: no column is spread into a call (Math.max(...xs)), so the stack holds.
  const million = snapshotFromTemplate(bigTemplate(MILLION));
  const start = process.hrtime.bigint();
  const big = review(million);
  const millionMs = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(`Validation of a workbook with ${MILLION.toLocaleString("en-US")} rows of DailyOutstandings`);
  line("  review() alone, one pass (one run)", `${millionMs.toFixed(0)} ms (${big.findings.length} findings; ${(millionMs / checksMs).toFixed(1)}× the 100,000-row time)`);
}

/**
 * kaiser-check --certificate: the built binary writes a new workbook (the model plus the Borrowing
 * Base Certificate), read back here with exceljs: the formulas are the design's text, each cached
 * value is the review's figure, the model's own parts are copied byte for byte, and the input is
 * never written.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { serial } from "../../src/engine/dates";
import { CERTIFICATE_SHEET, certificateDesign, certificateValues } from "../../src/review/certificate";
import { review } from "../../src/review/review";
import { factsFromSnapshot } from "../../src/review/sheetDesign";
import { serialFromDate, snapshotFromXlsx } from "../../src/workbook/xlsxSnapshot";
import { readArchive } from "../../src/workbook/zipWrite";
import { ensureBuilt, ROOT, runCli } from "./support/cli";

const MODEL = path.join(ROOT, "examples", "amendment-model.xlsx");
let tmp: string;

beforeAll(() => {
  ensureBuilt();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kaiser-certificate-"));
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const digest = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

/** A cell's cached value as the snapshot holds values (dates as serials, errors as { error }). */
function cachedOf(cell: ExcelJS.Cell): unknown {
  const v = cell.value as { result?: unknown } | null;
  const r = v !== null && typeof v === "object" && "result" in v ? v.result : v;
  if (r instanceof Date) return serialFromDate(r);
  if (r !== null && typeof r === "object" && "error" in (r as object)) return { error: (r as { error: string }).error };
  return r;
}

/** The formula exceljs read from a cell, without "=". */
function formulaOf(cell: ExcelJS.Cell): string | undefined {
  const v = cell.value as { formula?: string } | null;
  return v !== null && typeof v === "object" ? v.formula : undefined;
}

async function sheetOf(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(CERTIFICATE_SHEET);
  if (ws === undefined) throw new Error(`no sheet ${CERTIFICATE_SHEET}; sheets: ${wb.worksheets.map((w) => w.name).join(", ")}`);
  return ws;
}

describe("kaiser-check model.xlsx --certificate out.xlsx", () => {
  let out: string;
  let result: Awaited<ReturnType<typeof runCli>>;
  const before = digest(MODEL);

  beforeAll(async () => {
    out = path.join(tmp, "certificate.xlsx");
    result = await runCli([MODEL, "--certificate", out]);
  });

  it("writes a new workbook and leaves the input byte for byte as it was [CLI]", () => {
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`kaiser-check: wrote ${out}: the model with the sheet "Borrowing Base Certificate", as of 2004-12-31`);
    expect(result.stdout).toContain("Ready: 0 errors");
    expect(digest(MODEL)).toBe(before);
  });

  it("copies every part of the model unchanged and adds one sheet part [CLI]", () => {
    const input = readArchive(fs.readFileSync(MODEL));
    const output = readArchive(fs.readFileSync(out));
    const patched = new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"]);
    for (const e of input) {
      const copy = output.find((o) => o.name === e.name);
      expect(copy).toBeDefined();
      if (!patched.has(e.name)) expect(Buffer.from(copy?.data ?? []).equals(Buffer.from(e.data))).toBe(true);
    }
    expect(output.map((e) => e.name).filter((n) => !input.some((i) => i.name === n))).toEqual(["xl/worksheets/sheet2.xml"]);
  });

  it("writes the design's formulas, KAISER.BORROWINGBASE( and the rest, each with the review's figure cached [1.1(f), 1.1(aa)]", async () => {
    const snapshot = await snapshotFromXlsx(fs.readFileSync(MODEL));
    const design = certificateDesign(factsFromSnapshot(snapshot));
    const values = certificateValues(review(snapshot)) as Record<string, unknown>;
    const ws = await sheetOf(out);
    const formulas = design.cells.filter((c) => c.formula !== undefined);
    expect(formulas.length).toBeGreaterThanOrEqual(18);
    for (const c of formulas) {
      expect(`=${formulaOf(ws.getCell(c.address))}`).toBe(c.formula);
      expect(cachedOf(ws.getCell(c.address))).toEqual(values[c.figure as string]);
    }
    const text = formulas.map((c) => c.formula).join("\n");
    for (const fn of ["KAISER.BORROWINGBASE(", "KAISER.INVENTORYCOMPONENT(", "KAISER.PPEREDUCTIONS(", "KAISER.PPESUBCOMPONENT(", "KAISER.AVAILABILITYRESERVE(", "KAISER.AVAILABILITY(", "KAISER.THRESHOLD(", "KAISER.THRESHOLDEVENT(", "KAISER.BORROWINGBASEDETAIL("]) {
      expect(text).toContain(fn);
    }
    // The example, worked by hand: clause (b) 110,160,000 (85% × 72% × 180,000,000 binds); PPE base
    // 45,000,000 less 30,000,000 of reductions; Borrowing Base 95,000,000 + 110,160,000 + 15,000,000.
    expect(values.clauseB).toBe(110160000);
    expect(values.ppeSubcomponent).toBe(15000000);
    expect(values.borrowingBase).toBe(220160000);
    expect(values.threshold).toBe(174386000);
    expect(values.availabilityReserve).toBe(20000000);
    expect(values.event5).toBe(serial(2004, 9, 8));
    expect(values.status).toBe("A Threshold Event has occurred");
    expect(ws.getCell("C4").value).toBe("Kaiser Aluminum & Chemical Corporation");
    expect(ws.getCell("C5").value).toBe("Bank of America, N.A.");
  });

  it("sets the print area and a one-page fit [9.1.1(o)]", async () => {
    const design = certificateDesign(factsFromSnapshot(await snapshotFromXlsx(fs.readFileSync(MODEL))));
    const ws = await sheetOf(out);
    expect(ws.pageSetup.fitToPage).toBe(true);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.fitToHeight).toBe(1);
    const workbookXml = await new Response(new Blob([Uint8Array.from(readArchive(fs.readFileSync(out)).find((e) => e.name === "xl/workbook.xml")?.data ?? [])])).text();
    expect(workbookXml).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="1">'Borrowing Base Certificate'!${(design.printArea ?? "").replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}</definedName>`);
  });

  it("reads back through the add-in's own .xlsx reader, the model still validating clean [layout]", async () => {
    const snapshot = await snapshotFromXlsx(fs.readFileSync(out));
    expect(snapshot.sheets.map((s) => s.name)).toEqual(["Amendment Model", "Borrowing Base Certificate"]);
    const again = await runCli([out]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("Ready: 0 errors");
  });
});

describe("never the input, never an existing file without --force", () => {
  it("refuses an existing output and leaves it alone; --force replaces it [CLI]", async () => {
    const out = path.join(tmp, "exists.xlsx");
    fs.writeFileSync(out, "keep me");
    const refused = await runCli([MODEL, "--certificate", out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`kaiser-check: ${out} exists; give --force to overwrite it`);
    expect(fs.readFileSync(out, "utf8")).toBe("keep me");
    const forced = await runCli([MODEL, "--certificate", out, "--force"]);
    expect(forced.code).toBe(0);
    expect((await sheetOf(out)).getCell("C4").value).toBe("Kaiser Aluminum & Chemical Corporation");
  });

  it("refuses to write the certificate into the input itself, even with --force [CLI]", async () => {
    const copy = path.join(tmp, "model.xlsx");
    fs.copyFileSync(MODEL, copy);
    const hash = digest(copy);
    const refused = await runCli([copy, "--certificate", path.join(tmp, ".", "model.xlsx"), "--force"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("is the input workbook: the certificate goes into a new file, never the input");
    expect(digest(copy)).toBe(hash);
  });

  it.each([
    [["--as-of", "2004-09-31"], "--as-of 2004-09-31 is not a date YYYY-MM-DD"],
    [["--certificate"], "--certificate needs a file"],
  ])("rejects %j as a usage error [CLI]", async (args, message) => {
    const r = await runCli([MODEL, ...(args[0] === "--as-of" ? ["--certificate", path.join(tmp, "x.xlsx")] : []), ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe("--as-of", () => {
  it("certifies another date: the reductions and the Threshold Event status as of that date [1.1(t), 1.1(aa)]", async () => {
    const out = path.join(tmp, "september.xlsx");
    const r = await runCli([MODEL, "--certificate", out, "--as-of", "2004-09-30"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("as of 2004-09-30");
    const ws = await sheetOf(out);
    const snapshot = await snapshotFromXlsx(fs.readFileSync(MODEL));
    const design = certificateDesign(factsFromSnapshot(snapshot), { asOf: serial(2004, 9, 30) });
    const at = (figure: string) => ws.getCell(design.cells.find((c) => c.figure === figure)?.address ?? "");
    // A constant date, not =AsOfDate.
    expect(formulaOf(at("asOfDate"))).toBeUndefined();
    expect(cachedOf(at("asOfDate"))).toBe(serial(2004, 9, 30));
    // To 2004-09-30: the 1,250,000 disposition of 2004-07-15 (1.1(t)(a)) and one $5,000,000 clause (b)
    // reduction for September (the second event that month reduces nothing, (b)(i)).
    expect(cachedOf(at("ppeReductions"))).toBe(6250000);
    expect(cachedOf(at("event5"))).toBe(serial(2004, 9, 8));
    const values = certificateValues(review(snapshot), serial(2004, 9, 30)) as Record<string, unknown>;
    for (const c of design.cells.filter((x) => x.formula !== undefined)) {
      expect(cachedOf(ws.getCell(c.address))).toEqual(values[c.figure as string]);
    }
  });
});

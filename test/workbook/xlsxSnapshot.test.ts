import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Workbook } from "exceljs";
import { validate } from "../../src/review/review";
import { serial } from "../../src/engine/dates";
import { readModelInputs, recompute } from "../../src/review/recalc";
import { cellAt, WorkbookSnapshot } from "../../src/review/snapshot";
import { formulaAsWritten, snapshotFromXlsx, serialFromDate, WorkbookReadError } from "../../src/workbook/xlsxSnapshot";
import { dateFromSerial, workbookFromTemplate } from "../support/templateXlsx";
import { rewriteXlsx, zipStored } from "../support/zipRewrite";
import { grid } from "../support/snapshots";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kaiser-xlsx-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes a workbook to a file in the temporary folder and reads the bytes back, as the CLI does. */
async function saved(workbook: Workbook, name: string): Promise<Uint8Array> {
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return fs.readFileSync(file);
}

async function readBack(workbook: Workbook, name: string): Promise<WorkbookSnapshot> {
  return snapshotFromXlsx(await saved(workbook, name));
}

function sheetCell(s: WorkbookSnapshot, sheet: string, address: string) {
  const m = /^([A-Z]+)(\d+)$/.exec(address) as RegExpExecArray;
  const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return cellAt(s.sheets.find((x) => x.name === sheet) as never, Number(m[2]) - 1, col);
}

describe("the ready model as an .xlsx file", () => {
  let snapshot: WorkbookSnapshot;
  beforeAll(async () => {
    snapshot = await readBack(workbookFromTemplate(), "model.xlsx");
  });

  it("validates with no finding, as the template does [layout]", () => {
    expect(validate(snapshot)).toEqual([]);
  });

  it("reads the names, the tables and the calculation mode [layout]", () => {
    expect(snapshot.names.find((n) => n.name === "AsOfDate")).toEqual({ name: "AsOfDate", formula: "='Amendment Model'!$B$5", sheet: "Amendment Model", address: "B5" });
    expect(snapshot.tables.find((t) => t.name === "DailyOutstandings")).toEqual({
      name: "DailyOutstandings",
      sheet: "Amendment Model",
      address: "I4:J88",
      showHeaders: true,
      showTotals: false,
      columns: ["Date", "Outstandings"],
    });
    expect(snapshot.calculationMode).toBe("automatic");
  });

  it("reads dates as exact serials whatever the machine's time zone [1.1(aa)]", () => {
    expect(sheetCell(snapshot, "Amendment Model", "B5").value).toBe(serial(2004, 12, 31));
    expect(sheetCell(snapshot, "Amendment Model", "I5")).toEqual({ value: serial(2004, 9, 1), formula: null, numberFormat: "yyyy-mm-dd" });
  });

  it("reads formulas with their cached results and recomputes the same figures [1.1(f)]", () => {
    expect(sheetCell(snapshot, "Amendment Model", "B18")).toEqual({
      value: 220160000,
      formula: "=KAISER.BORROWINGBASE(ReceivablesComponent, EligibleInventory, OLVInPlaceValue, NetRecoveryPercentage, B15)",
      numberFormat: "$#,##0.00;-$#,##0.00",
    });
    const mismatches = recompute(readModelInputs(snapshot)).filter((f) => f.mismatch);
    expect(mismatches).toEqual([]);
  });
});

describe("cells", () => {
  let snapshot: WorkbookSnapshot;
  beforeAll(async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("Inputs");
    ws.getCell("B2").value = 1000;
    ws.getCell("B3").value = "1,000";
    ws.getCell("B4").value = true;
    ws.getCell("B5").value = { error: "#DIV/0!" };
    ws.getCell("B6").value = { richText: [{ text: "Eligible " }, { text: "Inventory", font: { bold: true } }] };
    ws.getCell("B7").value = { text: "the amendment", hyperlink: "https://example.invalid/" };
    ws.getCell("B8").value = dateFromSerial(serial(2004, 9, 8) + 17 / 24);
    ws.getCell("B8").numFmt = "yyyy-mm-dd hh:mm";
    ws.getCell("B9").value = { formula: "B2*2", result: 2000 };
    ws.getCell("B10").value = { formula: "KAISER.THRESHOLD(B2,B2)", result: { error: "#NAME?" } };
    ws.getCell("B11").value = 0.65;
    ws.getCell("B11").numFmt = "0%";
    ws.getCell("C12").value = { formula: "B9+1", result: dateFromSerial(serial(2004, 10, 31)) } as never;
    ws.getCell("C12").numFmt = "yyyy-mm-dd";
    snapshot = await readBack(wb, "cells.xlsx");
  });

  it.each([
    ["B2", 1000],
    ["B3", "1,000"],
    ["B4", true],
    ["B5", { error: "#DIV/0!" }],
    ["B6", "Eligible Inventory"],
    ["B7", "the amendment"],
    ["B9", 2000],
    ["B10", { error: "#NAME?" }],
    ["B11", 0.65],
    ["C12", serial(2004, 10, 31)],
  ])("reads %s as %p [layout]", (address, value) => {
    expect(sheetCell(snapshot, "Inputs", address).value).toEqual(value);
  });

  it("keeps the time of day of a date-time as the serial's fraction [layout]", () => {
    expect(sheetCell(snapshot, "Inputs", "B8").value).toBeCloseTo(serial(2004, 9, 8) + 17 / 24, 9);
  });

  it("keeps formulas and number formats [layout]", () => {
    expect(sheetCell(snapshot, "Inputs", "B10").formula).toBe("=KAISER.THRESHOLD(B2,B2)");
    expect(sheetCell(snapshot, "Inputs", "B11").numberFormat).toBe("0%");
    expect(sheetCell(snapshot, "Inputs", "B2").numberFormat).toBe("General");
  });

  it("starts the used range at its first cell [layout]", () => {
    expect(snapshot.sheets[0].origin).toEqual({ row: 1, col: 1 });
  });

  it("reads an empty workbook as a sheet with no cells and no names [layout]", async () => {
    const wb = new Workbook();
    wb.addWorksheet("Empty");
    const s = await readBack(wb, "empty.xlsx");
    expect(s.sheets.map(grid)).toEqual([{ name: "Empty", origin: { row: 0, col: 0 }, values: [], formulas: [], numberFormats: [] }]);
    expect(s.names).toEqual([]);
    expect(s.tables).toEqual([]);
  });
});

describe("workbook parts exceljs does not keep", () => {
  it.each([
    ["manual", "manual"],
    ["autoNoTable", "automaticExceptTables"],
    ["auto", "automatic"],
  ])("reads calcMode=%p as %p [layout]", async (mode, expected) => {
    const data = await rewriteXlsx(await saved(workbookFromTemplate(), "calc.xlsx"), (name, text) =>
      name === "xl/workbook.xml" ? text.replace(/<calcPr\b[^>]*\/>/, `<calcPr calcId="191029" calcMode="${mode}"/>`) : text,
    );
    expect((await snapshotFromXlsx(data)).calculationMode).toBe(expected);
  });

  it("keeps a #REF! name, a constant and two areas as Excel shows them, and leaves out sheet-scoped names [layout]", async () => {
    const data = await rewriteXlsx(await saved(workbookFromTemplate(), "names.xlsx"), (name, text) =>
      name === "xl/workbook.xml"
        ? text.replace(
            "</definedNames>",
            '<definedName name="Broken">#REF!</definedName><definedName name="Rate">0.65</definedName><definedName name="Two">\'Amendment Model\'!$B$5,\'Amendment Model\'!$B$6</definedName><definedName name="Local" localSheetId="0">\'Amendment Model\'!$B$5</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">\'Amendment Model\'!$A$1:$C$3</definedName></definedNames>',
          )
        : text,
    );
    const s = await snapshotFromXlsx(data);
    expect(s.names.filter((n) => ["Broken", "Rate", "Two", "Local", "_xlnm.Print_Area"].includes(n.name))).toEqual([
      { name: "Broken", formula: "=#REF!" },
      { name: "Rate", formula: "=0.65" },
      { name: "Two", formula: "='Amendment Model'!$B$5,'Amendment Model'!$B$6" },
    ]);
    // A contract name read like "Broken" is reported by the checks.
    const broken = { ...s, names: s.names.map((n) => (n.name === "EligibleInventory" ? { name: n.name, formula: "=#REF!" } : n)) };
    expect(validate(broken).map((f) => f.ruleId)).toContain("name-not-single-cell");
  });

  it("reads a table whose header row is hidden, and a totals row [layout]", async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("Data");
    ws.addTable({ name: "Hidden", ref: "A1", headerRow: false, columns: [{ name: "Date" }], rows: [[1], [2]] });
    ws.addTable({ name: "Totals", ref: "C1", headerRow: true, totalsRow: true, columns: [{ name: "Amount", totalsRowFunction: "sum" }], rows: [[1], [2]] });
    const s = await readBack(wb, "tables.xlsx");
    expect(s.tables).toEqual([
      { name: "Hidden", sheet: "Data", address: "A1:A2", showHeaders: false, showTotals: false, columns: ["Date"] },
      { name: "Totals", sheet: "Data", address: "C1:C4", showHeaders: true, showTotals: true, columns: ["Amount"] },
    ]);
  });

  it("gives the 1900-system serial of a date in a 1904-system workbook [layout]", async () => {
    const wb = new Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("Dates");
    ws.getCell("A1").value = new Date(Date.UTC(2004, 8, 8));
    ws.getCell("A1").numFmt = "yyyy-mm-dd";
    const s = await readBack(wb, "1904.xlsx");
    expect(cellAt(s.sheets[0], 0, 0).value).toBe(serial(2004, 9, 8));
  });
});

describe("files that are not workbooks", () => {
  async function failure(data: Uint8Array): Promise<WorkbookReadError> {
    try {
      await snapshotFromXlsx(data);
    } catch (e) {
      expect(e).toBeInstanceOf(WorkbookReadError);
      const error = e as WorkbookReadError;
      expect(error.message).not.toContain("\n");
      return error;
    }
    throw new Error("no error");
  }

  function file(name: string, bytes: Uint8Array): Uint8Array {
    fs.writeFileSync(path.join(dir, name), bytes);
    return fs.readFileSync(path.join(dir, name));
  }

  it("refuses a text file renamed .xlsx [layout]", async () => {
    expect((await failure(file("notes.xlsx", new TextEncoder().encode("EligibleInventory,180000000\n")))).message).toBe("The file is not an Excel workbook (.xlsx).");
  });

  it("refuses an empty file [layout]", async () => {
    expect((await failure(file("empty-file.xlsx", new Uint8Array(0)))).message).toContain("empty");
  });

  it("refuses a truncated (corrupt) workbook [layout]", async () => {
    const whole = await saved(workbookFromTemplate(), "whole.xlsx");
    expect((await failure(file("truncated.xlsx", whole.slice(0, Math.floor(whole.length / 2))))).message).toContain("damaged");
  });

  it("refuses a ZIP archive that is not a workbook [layout]", async () => {
    const zip = zipStored([{ name: "readme.txt", data: new TextEncoder().encode("hello") }]);
    expect((await failure(file("archive.xlsx", zip))).message).toContain("not an Excel workbook");
  });

  it("refuses a workbook whose parts are damaged [layout]", async () => {
    const data = await rewriteXlsx(await saved(workbookFromTemplate(), "parts.xlsx"), (name, text) => (name === "xl/worksheets/sheet1.xml" ? text.slice(0, 200) : text));
    expect((await failure(data)).message).toContain("damaged");
  });

  it("refuses an encrypted workbook and says how to open it [layout]", async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set(Array.from("EncryptionInfo").flatMap((ch) => [ch.charCodeAt(0), 0]), 512);
    expect((await failure(file("secret.xlsx", ole))).message).toContain("encrypted (password-protected)");
  });

  it("refuses an Excel 97-2003 workbook [layout]", async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await failure(file("old.xls", ole))).message).toContain(".xls");
  });
});

describe("edge cases", () => {
  it.each([
    [serial(2004, 10, 31), "a whole day"],
    [serial(1900, 3, 1), "the first day after Excel's fictitious 1900-02-29"],
    [serial(2030, 12, 31), "the last day models use"],
  ])("turns the Date exceljs gives for serial %p (%s) back into the same serial [layout]", (value) => {
    expect(serialFromDate(dateFromSerial(value))).toBe(value);
  });

  it("reads from an ArrayBuffer as well as from a Node Buffer [layout]", async () => {
    const bytes = await saved(workbookFromTemplate(), "buffer.xlsx");
    const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const s = await snapshotFromXlsx(copy);
    expect(s.names).toHaveLength(13);
  });
});

describe("formulas as Excel stores them", () => {
  it("reads _xldudf_KAISER_NAME( as KAISER.NAME( and drops the _xlfn. prefix, so the checks see what the user wrote", () => {
    expect(formulaAsWritten("_xldudf_KAISER_BORROWINGBASE(B2,B3,B4)+_xlfn.VSTACK(A1:A3)")).toBe("KAISER.BORROWINGBASE(B2,B3,B4)+VSTACK(A1:A3)");
  });
});

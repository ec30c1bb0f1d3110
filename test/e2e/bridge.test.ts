/**
 * The HyperFormula bridge itself, on small workbooks written here: that a `KAISER.` formula in a
 * loaded .xlsx reaches the real adapter with Excel's argument shapes, that errors and blanks cross
 * both ways, that spills take the size the function returns, and that structured references and
 * names resolve. The end-to-end test of the sample model (amendmentModel.test.ts) relies on it.
 */
import ExcelJS from "exceljs";
import { discoverFunctions } from "./support/kaiserPlugin";
import { loadWorkbook } from "./support/hyperformulaWorkbook";
import { TableInfo, translateStructuredRefs } from "./support/structuredRefs";
import { TERM_KEYS } from "../../src/engine/terms";

/** A spilled formula as Excel stores it: an array formula with its range (exceljs types lack the two keys). */
function arrayFormula(formula: string, ref: string): ExcelJS.CellFormulaValue {
  return { formula, result: 0, shareType: "array", ref } as ExcelJS.CellFormulaValue;
}

async function xlsx(build: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Model Sheet");
  build(ws, wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("the function registry", () => {
  it("finds every custom function of src/functions with its Excel id, as the build does [Terms]", () => {
    const functions = discoverFunctions();
    const ids = functions.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(["KAISER.BORROWINGBASE", "KAISER.TERM", "KAISER.TERMS", "KAISER.AMENDMENTFEE"]));
    expect(new Set(ids).size).toBe(ids.length);
    const term = functions.find((f) => f.id === "KAISER.TERM");
    expect(term?.functionName).toBe("termValue");
    expect(term?.parameters.map((p) => p.matrix)).toEqual([false]);
    expect(functions.find((f) => f.id === "KAISER.BORROWINGBASE")?.parameters.map((p) => p.optional)).toEqual([false, false, false, true, true]);
  });
});

describe("recalculation through the adapters", () => {
  it("computes the Borrowing Base from named cells and spills one element per row [1.1(f)]", async () => {
    const data = await xlsx((ws, wb) => {
      ws.getCell("A1").value = 150000000;
      ws.getCell("A2").value = 200000000;
      ws.getCell("A3").value = 80000000;
      wb.definedNames.add("'Model Sheet'!$A$1", "ReceivablesComponent");
      wb.definedNames.add("'Model Sheet'!$A$2", "EligibleInventory");
      wb.definedNames.add("'Model Sheet'!$A$3", "OLVInPlaceValue");
      ws.getCell("B1").value = { formula: "KAISER.BORROWINGBASE(ReceivablesComponent,EligibleInventory,OLVInPlaceValue)", result: 0 };
      ws.getCell("C1").value = 100000000;
      ws.getCell("C2").value = 150000000;
      ws.getCell("D1").value = arrayFormula("KAISER.INVENTORYCOMPONENT(C1:C2)", "D1:D2");
    });
    const book = await loadWorkbook(data);
    // (a) 150,000,000 + (b) min(125,000,000, 65% × 200,000,000) + (c) min(50,000,000, 50% × 80,000,000)
    expect(book.cell("Model Sheet", "B1")).toBe(315000000);
    // 65% of 100,000,000 and of 150,000,000 [1.1(f)(b)]
    expect(book.cell("Model Sheet", "D1")).toBe(65000000);
    expect(book.cell("Model Sheet", "D2")).toBe(97500000);
    expect(book.returnedSize("Model Sheet", "D1")).toEqual({ id: "KAISER.INVENTORYCOMPONENT", rows: 2, cols: 1 });
  });

  it("spills a whole-table function to the size it returns, learned in a rebuild [Terms]", async () => {
    const data = await xlsx((ws) => {
      ws.getCell("A1").value = { formula: "KAISER.TERMS()", result: "key" };
    });
    const book = await loadWorkbook(data);
    expect(book.builds).toBe(2);
    expect(book.returnedSize("Model Sheet", "A1")).toEqual({ id: "KAISER.TERMS", rows: TERM_KEYS.length + 1, cols: 5 });
    expect(book.cell("Model Sheet", "A1")).toBe("key");
    expect(book.cell("Model Sheet", "A2")).toBe(TERM_KEYS[0]);
    expect(book.cell("Model Sheet", `E${TERM_KEYS.length + 1}`)).not.toBeNull();
  });

  it("reports #SPILL! when the spill would run into other content, as Excel does [Terms]", async () => {
    const data = await xlsx((ws) => {
      ws.getCell("A1").value = { formula: "KAISER.TERMS()", result: "key" };
      ws.getCell("C3").value = "in the way";
    });
    const book = await loadWorkbook(data);
    expect(book.cell("Model Sheet", "A1")).toMatchObject({ type: "SPILL" });
  });

  it("passes an error cell inside a range to the function, which errs in that element only [1.1(f)(b)]", async () => {
    const data = await xlsx((ws) => {
      ws.getCell("A1").value = 100000000;
      ws.getCell("A2").value = { formula: "1/0", result: { error: "#DIV/0!" } as ExcelJS.CellErrorValue };
      ws.getCell("A3").value = "n/a";
      ws.getCell("B1").value = arrayFormula("KAISER.INVENTORYCOMPONENT(A1:A3)", "B1:B3");
    });
    const book = await loadWorkbook(data);
    expect(book.cell("Model Sheet", "B1")).toBe(65000000);
    expect(book.cell("Model Sheet", "B2")).toMatchObject({ type: "VALUE", message: expect.stringContaining("#DIV/0!") });
    expect(book.cell("Model Sheet", "B3")).toMatchObject({ type: "VALUE", message: expect.stringContaining('"n/a"') });
  });

  it("gives a blank cell and an omitted argument the default, and a negative amount #NUM! [1.1(e)]", async () => {
    const data = await xlsx((ws) => {
      ws.getCell("A1").value = { formula: "KAISER.AVAILABILITYRESERVE()", result: 0 };
      ws.getCell("A2").value = { formula: "KAISER.AVAILABILITYRESERVE(B9)", result: 0 };
      ws.getCell("A3").value = { formula: "KAISER.AVAILABILITYRESERVE(-1)", result: 0 };
      ws.getCell("A4").value = { formula: "KAISER.AVAILABILITYRESERVE(100000000)", result: 0 };
    });
    const book = await loadWorkbook(data);
    expect(book.cell("Model Sheet", "A1")).toBe(20000000);
    expect(book.cell("Model Sheet", "A2")).toBe(20000000);
    expect(book.cell("Model Sheet", "A3")).toMatchObject({ type: "NUM" });
    expect(book.cell("Model Sheet", "A4")).toBe(10000000);
  });

  it("reads Excel's stored form of a custom function, _xldudf_KAISER_NAME [5(d)]", async () => {
    const data = await xlsx((ws) => {
      ws.getCell("A1").value = { formula: "_xldudf_KAISER_AMENDMENTFEE()", result: 0 };
    });
    const book = await loadWorkbook(data);
    expect(book.cell("Model Sheet", "A1")).toBe(1750000);
  });

  it("resolves structured references to a table's columns [1.1(aa)]", async () => {
    const data = await xlsx((ws) => {
      ws.addTable({
        name: "Figures",
        ref: "A1",
        headerRow: true,
        columns: [{ name: "Receivables" }, { name: "Inventory" }],
        rows: [
          [100000000, 100000000],
          [150000000, 125000000],
        ],
      });
      ws.getCell("D1").value = arrayFormula("KAISER.THRESHOLD(Figures[Receivables],Figures[Inventory])", "D1:D2");
    });
    const book = await loadWorkbook(data);
    // 85% of (a) + (b)
    expect(book.cell("Model Sheet", "D1")).toBe(170000000);
    expect(book.cell("Model Sheet", "D2")).toBe(233750000);
  });
});

describe("edge cases", () => {
  const tables: TableInfo[] = [
    { name: "PPEEvents", sheet: "Amendment Model", top: 29, left: 0, bottom: 35, right: 2, headerRow: true, totalsRow: false, columns: ["Date", "Kind", "Amount"] },
  ];

  it.each([
    ["=SUM(PPEEvents[Amount])", "=SUM('Amendment Model'!$C$31:$C$36)"],
    ["=PPEEvents[[Date]:[Kind]]", "='Amendment Model'!$A$31:$B$36"],
    ["=PPEEvents[#All]", "='Amendment Model'!$A$30:$C$36"],
    ["=PPEEvents[[#Headers],[Kind]]", "='Amendment Model'!$B$30"],
    ["=PPEEvents[[#This Row],[Amount]]*2", "='Amendment Model'!$C$33*2"],
    ["=PPEEvents[@Amount]", "='Amendment Model'!$C$33"],
    ["=ppeevents[amount]", "='Amendment Model'!$C$31:$C$36"],
    ['="PPEEvents[Amount]"', '="PPEEvents[Amount]"'],
    ["=PPEEvents[Missing]", "=#REF!"],
    ["=Other[Amount]", "=Other[Amount]"],
  ])("translates %s to %s [1.1(t)]", (formula, expected) => {
    expect(translateStructuredRefs(formula, tables, 32)).toBe(expected);
  });
});

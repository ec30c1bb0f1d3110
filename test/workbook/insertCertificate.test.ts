import { AGENT, COMPANY } from "../../src/engine/parties";
import { certificateDesign } from "../../src/review/certificate";
import { WorkbookFacts, fullFacts } from "../../src/review/sheetDesign";
import { MODEL_TEMPLATE } from "../../src/review/template";
import { insertCertificate } from "../../src/workbook/insertCertificate";
import { insertModel } from "../../src/workbook/insertModel";
import { emptyState, fakeContext, FakeState } from "../support/fakeExcel";

async function withModel(): Promise<FakeState> {
  const state = emptyState();
  await insertModel(fakeContext(state).context);
  return state;
}

function modelFacts(): WorkbookFacts {
  return { names: fullFacts().names, tables: new Map(MODEL_TEMPLATE.tables.map((t) => [t.name, { columns: t.headers, rows: t.rows.length }])) };
}

/** The formula written at an address of the certificate sheet. */
function formulaAt(state: FakeState, sheet: string, address: string): unknown {
  const s = state.sheets.find((x) => x.name === sheet);
  const m = /^([A-Z])(\d+)$/.exec(address) as RegExpExecArray;
  return s?.formulas[Number(m[2]) - 1]?.[m[1].charCodeAt(0) - 65];
}

describe("Insert Borrowing Base Certificate into a workbook holding the model", () => {
  let state: FakeState;
  let fake: ReturnType<typeof fakeContext>;
  let result: Awaited<ReturnType<typeof insertCertificate>>;
  const design = certificateDesign(modelFacts());
  const cellOf = (figure: string) => design.cells.find((c) => c.figure === figure)?.address as string;

  beforeAll(async () => {
    state = await withModel();
    fake = fakeContext(state);
    result = await insertCertificate(fake.context);
  });

  it("adds the sheet in three syncs, the Company and the Agent named on it [1.1(f)]", () => {
    expect(result).toEqual({ inserted: true, message: 'Added the sheet "Borrowing Base Certificate": live KAISER formulas over the model\'s names and tables. Nothing else in the workbook changed.' });
    expect(fake.syncs()).toBe(3);
    const sheet = state.sheets[2];
    expect(sheet.name).toBe("Borrowing Base Certificate");
    expect(sheet.values[3][2]).toBe(COMPANY);
    expect(sheet.values[4][2]).toBe(AGENT);
    expect(COMPANY).toBe("Kaiser Aluminum & Chemical Corporation");
    expect(AGENT).toBe("Bank of America, N.A.");
    expect(state.activeSheet).toBe("Borrowing Base Certificate");
  });

  it("writes every Borrowing Base line as a live KAISER formula, clause (c) with the cumulative reductions to the as-of date [1.1(f), 1.1(t)]", () => {
    const sheet = "Borrowing Base Certificate";
    expect(formulaAt(state, sheet, "C6")).toBe("=AsOfDate");
    expect(formulaAt(state, sheet, cellOf("ppeReductions"))).toBe(
      "=KAISER.PPEREDUCTIONS(OLVInPlaceValue, PPEEvents[Date], PPEEvents[Kind], PPEEvents[Amount], C6, KBCAllocableAmount)",
    );
    expect(formulaAt(state, sheet, cellOf("borrowingBase"))).toBe(`=KAISER.BORROWINGBASE(ReceivablesComponent, EligibleInventory, OLVInPlaceValue, NetRecoveryPercentage, ${cellOf("ppeReductions")})`);
    expect(formulaAt(state, sheet, cellOf("clauseB"))).toBe("=KAISER.INVENTORYCOMPONENT(EligibleInventory, NetRecoveryPercentage)");
    expect(formulaAt(state, sheet, cellOf("clauseBLimit"))).toMatch(/^=INDEX\(KAISER\.BORROWINGBASEDETAIL\(/);
    expect(formulaAt(state, sheet, cellOf("availabilityReserve"))).toBe("=KAISER.AVAILABILITYRESERVE(RevolvingCommitmentAmount)");
    expect(formulaAt(state, sheet, cellOf("threshold"))).toBe(`=KAISER.THRESHOLD(ReceivablesComponent, ${cellOf("clauseB")})`);
    // Every amount on the page is a formula: no cell formatted as dollars holds a constant.
    const amounts = design.cells.filter((c) => c.numberFormat?.startsWith("$"));
    expect(amounts.length).toBeGreaterThanOrEqual(12);
    for (const c of amounts) expect(String(formulaAt(state, sheet, c.address))).toMatch(/^=/);
  });

  it("gives the Threshold Event status from the first event on or before the as-of date, None otherwise [1.1(aa)]", () => {
    const sheet = "Borrowing Base Certificate";
    const found = design.cells.find((c) => c.figure === "event5Found")?.address as string;
    expect(formulaAt(state, sheet, found)).toBe("=KAISER.THRESHOLDEVENT(DailyOutstandings[Date], DailyOutstandings[Outstandings], " + cellOf("threshold") + ", 5, Holidays[Date])");
    expect(formulaAt(state, sheet, cellOf("event5"))).toBe(`=IF(ISNA(${found}), "None", IF(${found}<=C6, ${found}, "None"))`);
    expect(formulaAt(state, sheet, cellOf("status"))).toBe(`=IF(${cellOf("event5")}="None", "No Threshold Event has occurred", "A Threshold Event has occurred")`);
  });

  it("prints on one page: the print area covers the certificate and its signature block, fitted 1 × 1 [9.1.1(o)]", () => {
    expect(state.pageLayouts?.["Borrowing Base Certificate"]).toEqual({ printArea: design.printArea, orientation: "Portrait", centerHorizontally: true, zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 } });
    const last = Number(/(\d+)$/.exec(design.printArea ?? "")?.[1]);
    const signature = design.cells.filter((c) => c.role === "signature");
    expect(signature).toHaveLength(4);
    expect(design.cells.find((c) => c.value === "Title: Financial Authorized Officer")).toBeDefined();
    for (const c of signature) {
      expect(Number(/(\d+)$/.exec(c.address)?.[1])).toBeLessThanOrEqual(last);
      expect(state.styles[`'Borrowing Base Certificate'!${c.address}`]).toMatchObject({ "border.EdgeBottom": "Continuous" });
    }
    // The helpers beside the page (column E) stay off the print.
    expect(design.printArea).toMatch(/^A1:C\d+$/);
  });
});

describe("never overwriting", () => {
  it("adds Borrowing Base Certificate (2) beside an existing one [layout]", async () => {
    const state = await withModel();
    await insertCertificate(fakeContext(state).context);
    const first = JSON.stringify(state.sheets[2]);
    const again = await insertCertificate(fakeContext(state).context);
    expect(again.message).toContain('"Borrowing Base Certificate (2)"');
    expect(state.sheets.map((s) => s.name)).toEqual(["Sheet1", "Amendment Model", "Borrowing Base Certificate", "Borrowing Base Certificate (2)"]);
    expect(JSON.stringify(state.sheets[2])).toBe(first);
  });

  it("changes nothing when the model lacks a name and says which, after one sync [layout]", async () => {
    const state = await withModel();
    state.names = state.names.filter((n) => n.name !== "OLVInPlaceValue");
    const before = JSON.stringify(state);
    const fake = fakeContext(state);
    const result = await insertCertificate(fake.context);
    expect(result).toEqual({
      inserted: false,
      message: "Nothing was changed: the Borrowing Base Certificate needs the name OLVInPlaceValue, which the workbook does not have. Insert model adds a model with every input, or press Validate to see what is missing.",
    });
    expect(JSON.stringify(state)).toBe(before);
    expect(fake.changes).toEqual([]);
    expect(fake.syncs()).toBe(1);
  });

  it("leaves an absent optional input out of the formulas instead of refusing [1.1(f)(b)]", async () => {
    const state = await withModel();
    state.names = state.names.filter((n) => n.name !== "NetRecoveryPercentage" && n.name !== "KBCAllocableAmount");
    state.tables = state.tables.filter((t) => t.name !== "Holidays");
    const result = await insertCertificate(fakeContext(state).context);
    expect(result.inserted).toBe(true);
    const sheet = state.sheets[2];
    const text = sheet.formulas.flat().filter((f) => typeof f === "string" && f.startsWith("=")).join("\n");
    expect(text).not.toMatch(/NetRecoveryPercentage|KBCAllocableAmount|Holidays/);
    expect(text).toContain("=KAISER.INVENTORYCOMPONENT(EligibleInventory)");
  });
});

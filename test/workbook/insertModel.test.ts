import { validate } from "../../src/review/review";
import { MODEL_TEMPLATE } from "../../src/review/template";
import { conflicts, insertModel } from "../../src/workbook/insertModel";
import { snapshotFromExcel } from "../../src/workbook/excelSnapshot";
import { emptyState, fakeContext, FakeState } from "../support/fakeExcel";

describe("inserting the model into a workbook without one", () => {
  let state: FakeState;
  let fake: ReturnType<typeof fakeContext>;
  let result: Awaited<ReturnType<typeof insertModel>>;

  beforeAll(async () => {
    state = emptyState();
    fake = fakeContext(state);
    result = await insertModel(fake.context);
  });

  it("adds the sheet in two syncs and says what it added [layout]", () => {
    expect(result.inserted).toBe(true);
    expect(result.message).toContain('Added the sheet "Amendment Model" with 13 named cells, 7 tables');
    expect(fake.syncs()).toBe(2);
    expect(state.sheets.map((s) => s.name)).toEqual(["Sheet1", "Amendment Model"]);
    expect(state.activeSheet).toBe("Amendment Model");
  });

  it("defines every name of the model on its cell, with the contract's description and section [layout]", () => {
    expect(state.names.map((n) => [n.name, n.formula])).toEqual(Object.entries(MODEL_TEMPLATE.names).map(([name, address]) => [name, `='Amendment Model'!$${address.replace(/(\d+)/, "$$$1")}`]));
    expect(state.names.find((n) => n.name === "EligibleInventory")?.comment).toBe("All Eligible Inventory as at the date of determination [1.1(f)(b)]");
  });

  it("creates every table with its headers and example rows [layout]", () => {
    expect(state.tables.map((t) => [t.name, t.address, t.columns])).toEqual(MODEL_TEMPLATE.tables.map((t) => [t.name, t.address, t.headers]));
  });

  it("writes the formulas after the tables and names they refer to exist [layout]", () => {
    const lastDefinition = Math.max(...fake.changes.map((c, i) => (c.startsWith("add name") || c.startsWith("name table") ? i : -1)));
    const firstFormula = fake.changes.findIndex((c) => c.startsWith("formula"));
    expect(firstFormula).toBeGreaterThan(lastDefinition);
    expect(fake.changes.filter((c) => c.startsWith("formula"))).toHaveLength(MODEL_TEMPLATE.cells.filter((c) => c.formula !== undefined).length);
  });

  it("marks the inputs so a user sees what to replace [layout]", () => {
    expect(state.styles["'Amendment Model'!B7"]).toMatchObject({ "fill.color": "#DDEBF7" });
    expect(state.styles["'Amendment Model'!A1"]).toMatchObject({ "font.bold": true, "font.size": 14 });
    expect(state.widths["Amendment Model!A"]).toBeGreaterThan(0);
  });

  it("gives a workbook that validates clean when read back through the Excel adapter [layout]", async () => {
    const snapshot = await snapshotFromExcel(fakeContext(state).context);
    expect(validate(snapshot)).toEqual([]);
  });
});

describe("never overwriting", () => {
  it.each([
    ["a sheet of the same name (any case)", (s: FakeState) => s.sheets.push({ name: "amendment model", values: [], types: [], formulas: [], formats: [] }), 'the sheet "Amendment Model"'],
    ["a name of the model", (s: FakeState) => s.names.push({ name: "Threshold", type: "Range", formula: "=Sheet1!$A$1" }), 'the name "Threshold"'],
    ["a table of the model", (s: FakeState) => s.tables.push({ name: "DailyOutstandings", sheet: "Sheet1", address: "A1:B3", showHeaders: true, showTotals: false, columns: ["Date", "Outstandings"] }), 'the table "DailyOutstandings"'],
    ["a table named like one of the model's names", (s: FakeState) => s.tables.push({ name: "BorrowingBase", sheet: "Sheet1", address: "A1:A3", showHeaders: true, showTotals: false, columns: ["X"] }), 'the name "BorrowingBase"'],
  ])("changes nothing when the workbook has %s, and says which [layout]", async (_what, prepare, text) => {
    const state = emptyState();
    prepare(state);
    const before = JSON.stringify(state);
    const fake = fakeContext(state);
    const result = await insertModel(fake.context);
    expect(result.inserted).toBe(false);
    expect(result.message).toContain(text);
    expect(result.message).toContain("Nothing was changed");
    expect(fake.changes).toEqual([]);
    expect(JSON.stringify(state)).toBe(before);
    expect(fake.syncs()).toBe(1);
  });

  it("lists every conflict at once [layout]", () => {
    const found = conflicts(MODEL_TEMPLATE, { sheets: ["Amendment Model"], names: ["AsOfDate", "threshold"], tables: ["PPEEvents", "Holidays"] });
    expect(found).toEqual(['the sheet "Amendment Model"', 'the names "AsOfDate" and "Threshold"', 'the tables "PPEEvents" and "Holidays"']);
  });
});

describe("edge cases", () => {
  it("refuses a second insertion into the workbook it just filled [layout]", async () => {
    const state = emptyState();
    await insertModel(fakeContext(state).context);
    const again = await insertModel(fakeContext(state).context);
    expect(again.inserted).toBe(false);
    expect(again.message).toContain('the sheet "Amendment Model"');
    expect(state.sheets).toHaveLength(2);
  });
});

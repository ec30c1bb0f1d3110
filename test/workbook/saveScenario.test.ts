/**
 * "Save as scenario" through office.js (office-addin-mock, test/support/fakeExcel.ts): one row of
 * the Scenarios table, asked before a row of the same name is replaced, nothing else created or
 * overwritten, in two syncs.
 */
import { emptyState, fakeContext, FakeState, setFakeCell } from "../support/fakeExcel";
import { saveScenario, scenarioRowValues } from "../../src/workbook/saveScenario";

function workbook(): FakeState {
  const state = emptyState();
  const sheet = { name: "What-if", values: [] as unknown[][], types: [] as string[][], formulas: [] as unknown[][], formats: [] as string[][] };
  const cells: unknown[][] = [
    ["Scenario", "EligibleInventory", "NetRecoveryPercentage"],
    ["Low inventory", 100000000, ""],
    ["Before the appraisal", "", "blank"],
  ];
  cells.forEach((row, r) => row.forEach((v, c) => setFakeCell(sheet, r, c, { value: v, type: typeof v === "number" ? "Double" : v === "" ? "Empty" : "String", formula: v })));
  // A note under the table and one beside it: neither may be overwritten.
  setFakeCell(sheet, 4, 0, { value: "note under the table", type: "String", formula: "note under the table" });
  setFakeCell(sheet, 1, 4, { value: "beside", type: "String", formula: "beside" });
  state.sheets = [sheet];
  state.tables.push({ name: "Scenarios", sheet: "What-if", address: "A1:C3", showHeaders: true, showTotals: false, columns: ["Scenario", "EligibleInventory", "NetRecoveryPercentage"] });
  return state;
}

describe("Save as scenario [the Scenarios table of the layout contract]", () => {
  it("adds a row for a new name in two syncs; the cells under the table move down, none is overwritten", async () => {
    const state = workbook();
    const fake = fakeContext(state);
    const ask = jest.fn(async () => true);
    const result = await saveScenario(fake.context, "Inventory down 20%", { EligibleInventory: 113600000 }, ask);
    expect(result).toEqual({ saved: true, message: 'Added the scenario "Inventory down 20%" to the Scenarios table.' });
    expect(ask).not.toHaveBeenCalled();
    expect(fake.syncs()).toBe(2);
    const sheet = state.sheets[0];
    expect(sheet.values[3].slice(0, 3)).toEqual(["Inventory down 20%", 113600000, ""]);
    expect(sheet.values[4][0]).toBe("");
    expect(sheet.values[5][0]).toBe("note under the table");
    expect(sheet.values[1][4]).toBe("beside");
    expect(state.tables[0].address).toBe("A1:C4");
    expect(fake.changes).toEqual(["add row to table Scenarios"]);
  });

  it("asks before replacing a row of the same name (case-insensitive), and keeps it when told no", async () => {
    const state = workbook();
    const fake = fakeContext(state);
    const ask = jest.fn(async () => false);
    const result = await saveScenario(fake.context, "low INVENTORY", { EligibleInventory: 90000000 }, ask);
    expect(ask).toHaveBeenCalledWith(2);
    expect(result).toEqual({ saved: false, message: 'Kept the scenario "low INVENTORY" in row 2 as it was.' });
    expect(state.sheets[0].values[1].slice(0, 3)).toEqual(["Low inventory", 100000000, ""]);
    expect(fake.changes).toEqual([]);
    expect(fake.syncs()).toBe(1);
  });

  it("replaces the row when told yes; null is written as the text blank", async () => {
    const state = workbook();
    const fake = fakeContext(state);
    const result = await saveScenario(fake.context, "Low inventory", { EligibleInventory: 90000000, NetRecoveryPercentage: null }, async () => true);
    expect(result.message).toBe('Replaced the scenario "Low inventory" in row 2 of the Scenarios table.');
    expect(state.sheets[0].values[1].slice(0, 3)).toEqual(["Low inventory", 90000000, "blank"]);
    expect(state.tables[0].address).toBe("A1:C3");
    expect(fake.syncs()).toBe(2);
  });

  it("changes nothing when the table lacks a column the scenario sets, or the workbook has no Scenarios table", async () => {
    const state = workbook();
    const fake = fakeContext(state);
    const result = await saveScenario(fake.context, "More OLV", { OLVInPlaceValue: 50000000 }, async () => true);
    expect(result).toEqual({ saved: false, message: "The Scenarios table has no column for OLVInPlaceValue; add the column to save this scenario. Nothing was changed." });
    expect(fake.changes).toEqual([]);
    const none = fakeContext(emptyState());
    await expect(saveScenario(none.context, "x", { EligibleInventory: 1 }, async () => true)).resolves.toMatchObject({ saved: false, message: expect.stringContaining("no Scenarios table") });
    await expect(saveScenario(none.context, "  ", { EligibleInventory: 1 }, async () => true)).resolves.toMatchObject({ saved: false });
  });

  it("puts each value under its own header", () => {
    expect(scenarioRowValues(["Scenario", "NetRecoveryPercentage", "EligibleInventory"], "A", { EligibleInventory: 5, NetRecoveryPercentage: null })).toEqual({ values: ["A", "blank", 5], missing: [] });
  });

  it("writes a name Excel would enter as a formula as text (a leading apostrophe), numbers as numbers", () => {
    expect(scenarioRowValues(["Scenario", "EligibleInventory"], "=SUM(A1)", { EligibleInventory: -5 })).toEqual({ values: ["'=SUM(A1)", -5], missing: [] });
  });
});

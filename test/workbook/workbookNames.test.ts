import { loadWorkbookNames } from "../../src/workbook/workbookNames";
import { emptyState, fakeContext } from "../support/fakeExcel";

describe("loadWorkbookNames: what an insert must not overwrite, in one sync [README Insert model]", () => {
  it("gives the sheet, name and table names of the workbook in its order, after exactly one sync", async () => {
    const state = emptyState();
    state.sheets.push({ name: "Amendment Model", values: [], types: [], formulas: [], formats: [] });
    state.names.push({ name: "EligibleInventory", type: "Range", formula: "='Amendment Model'!$B$2" });
    state.tables.push({ name: "DailyOutstandings", sheet: "Amendment Model", address: "D1:E3", showHeaders: true, showTotals: false, columns: ["Date", "Outstandings"] });
    const fake = fakeContext(state);
    expect(await loadWorkbookNames(fake.context)).toEqual({ sheets: ["Sheet1", "Amendment Model"], names: ["EligibleInventory"], tables: ["DailyOutstandings"] });
    expect(fake.syncs()).toBe(1);
    expect(fake.changes).toEqual([]);
  });
});

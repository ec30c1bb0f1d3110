import { validate } from "../../src/review/review";
import { serial } from "../../src/engine/dates";
import { snapshotFromTemplate } from "../../src/review/template";
import { ROWS_PER_CHUNK, sheetFromBands, snapshotFromExcel } from "../../src/workbook/excelSnapshot";
import { emptyState, fakeContext, FakeSheet, stateFromSnapshot } from "../support/fakeExcel";
import { grid } from "../support/snapshots";

describe("reading the open workbook", () => {
  it("reads the ready model in two syncs and it validates clean [layout]", async () => {
    const template = snapshotFromTemplate();
    const fake = fakeContext(stateFromSnapshot(template));
    const snapshot = await snapshotFromExcel(fake.context);
    expect(fake.syncs()).toBe(2);
    expect(validate(snapshot)).toEqual([]);
    expect(snapshot.names).toEqual(template.names);
    expect(snapshot.tables).toEqual(template.tables.map((t) => ({ ...t, showTotals: false })));
    expect(grid(snapshot.sheets[0])).toEqual(grid(template.sheets[0]));
  });

  it.each([
    ["Manual", "manual"],
    ["AutomaticExceptTables", "automaticExceptTables"],
    ["Automatic", "automatic"],
  ])("maps the calculation mode %s to %s [layout]", async (mode, expected) => {
    const state = emptyState();
    state.calculationMode = mode;
    expect((await snapshotFromExcel(fakeContext(state).context)).calculationMode).toBe(expected);
  });

  it("reads names that are not one cell as Excel gives them [layout]", async () => {
    const state = emptyState();
    state.names = [
      { name: "Broken", type: "Error", formula: "=#REF!" },
      { name: "Rate", type: "Double", formula: "=0.65" },
      { name: "Block", type: "Range", formula: "='Amendment Model'!$B$5:$C$6" },
    ];
    const snapshot = await snapshotFromExcel(fakeContext(state).context);
    expect(snapshot.names).toEqual([
      { name: "Broken", formula: "=#REF!" },
      { name: "Rate", formula: "=0.65" },
      { name: "Block", formula: "='Amendment Model'!$B$5:$C$6", sheet: "Amendment Model", address: "B5:C6" },
    ]);
  });

  it("reads values by their types: errors, booleans, blanks and text [layout]", async () => {
    const state = emptyState();
    const sheet = state.sheets[0];
    sheet.values = [["", 1000, "#DIV/0!", true, "1,000"]];
    sheet.types = [["Empty", "Double", "Error", "Boolean", "String"]];
    sheet.formulas = [["", 1000, "=1/0", true, "1,000"]];
    sheet.formats = [["General", "$#,##0", "General", "General", "@"]];
    const snapshot = await snapshotFromExcel(fakeContext(state).context);
    expect(grid(snapshot.sheets[0])).toEqual({
      name: "Sheet1",
      origin: { row: 0, col: 1 },
      values: [[1000, { error: "#DIV/0!" }, true, "1,000"]],
      formulas: [[null, "=1/0", null, null]],
      numberFormats: [["$#,##0", "General", "General", "@"]],
    });
  });
});

describe("a 200,000-row table", () => {
  const rows = 200000;
  let fake: ReturnType<typeof fakeContext>;
  let result: Awaited<ReturnType<typeof snapshotFromExcel>>;

  beforeAll(async () => {
    const state = emptyState();
    const sheet: FakeSheet = state.sheets[0];
    const first = serial(2004, 9, 1);
    sheet.values = [["Date", "Outstandings"]];
    sheet.types = [["String", "String"]];
    sheet.formulas = [["Date", "Outstandings"]];
    sheet.formats = [["General", "General"]];
    for (let i = 0; i < rows; i++) {
      sheet.values.push([first + i, 150000000 + i]);
      sheet.types.push(["Double", "Double"]);
      sheet.formulas.push([first + i, 150000000 + i]);
      sheet.formats.push(["yyyy-mm-dd", "$#,##0.00"]);
    }
    state.tables = [{ name: "DailyOutstandings", sheet: "Sheet1", address: `A1:B${rows + 1}`, showHeaders: true, showTotals: false, columns: ["Date", "Outstandings"] }];
    fake = fakeContext(state);
    result = await snapshotFromExcel(fake.context);
  });

  it("is read in exactly two syncs [layout]", () => {
    expect(fake.syncs()).toBe(2);
  });

  it("is read in chunks of at most ROWS_PER_CHUNK rows, all queued before the second sync [layout]", () => {
    expect(fake.reads.length).toBe(Math.ceil((rows + 1) / ROWS_PER_CHUNK));
    for (const read of fake.reads) expect(read.rows).toBeLessThanOrEqual(ROWS_PER_CHUNK);
    expect(fake.reads.reduce((n, r) => n + r.rows, 0)).toBe(rows + 1);
  });

  it("joins the chunks in order into one sheet [1.1(aa)]", () => {
    const sheet = grid(result.sheets[0]);
    expect(sheet.values).toHaveLength(rows + 1);
    expect(sheet.values[ROWS_PER_CHUNK]).toEqual([serial(2004, 9, 1) + ROWS_PER_CHUNK - 1, 150000000 + ROWS_PER_CHUNK - 1]);
    expect(sheet.values[rows][1]).toBe(150000000 + rows - 1);
    expect(result.tables[0].address).toBe(`A1:B${rows + 1}`);
  });
});

describe("edge cases", () => {
  it("has a fake that refuses reads before load and sync, so the tests above prove the adapter loads what it reads [layout]", async () => {
    const fake = fakeContext(emptyState());
    const worksheets = fake.context.workbook.worksheets;
    expect(() => worksheets.items).toThrow("before load");
    worksheets.load("items/name");
    expect(() => worksheets.items).toThrow("before context.sync()");
    await fake.context.sync();
    expect(worksheets.items[0].name).toBe("Sheet1");
    expect(fake.context.workbook.application.calculationMode).toBe("Error, property was not loaded");
  });

  it("reads a workbook of empty sheets, with no tables or names [layout]", async () => {
    const state = emptyState();
    state.sheets.push({ name: "Sheet2", values: [], types: [], formulas: [], formats: [] });
    const fake = fakeContext(state);
    const snapshot = await snapshotFromExcel(fake.context);
    expect(fake.syncs()).toBe(2);
    // Excel's used range of an empty sheet is A1, blank: no cell is stored.
    expect(snapshot.sheets.map((s) => [s.name, s.cells.count])).toEqual([
      ["Sheet1", 0],
      ["Sheet2", 0],
    ]);
  });

  it("joins bands that start below the first row and right of column A [layout]", () => {
    const sheet = sheetFromBands("S", [
      { address: "S!C3:D4", values: [[1, 2], [3, 4]], valueTypes: [["Double", "Double"], ["Double", "Double"]], formulas: [[1, "=A1"], [3, 4]], numberFormat: [["General", "0%"], ["", "General"]] },
      { address: "S!C5:D5", values: [["x", ""]], valueTypes: [["String", "Empty"]], formulas: [["x", ""]], numberFormat: [["@", "General"]] },
    ]);
    expect(grid(sheet)).toEqual({
      name: "S",
      origin: { row: 2, col: 2 },
      values: [[1, 2], [3, 4], ["x", null]],
      formulas: [[null, "=A1"], [null, null], [null, null]],
      numberFormats: [["General", "0%"], ["General", "General"], ["@", "General"]],
    });
  });
});

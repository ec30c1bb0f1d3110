/** The sparse sheet: only cells that exist are stored, read back at their coordinates. */
import { cellAt, CellLimitError, eachCell, GRID_COLUMNS, GRID_ROWS, rowCount, SheetBuilder, sheetFromGrid, withCells } from "../../src/review/snapshot";
import { formulaAt, numberFormatAt, valueAt } from "../../src/review/locate";

describe("sparse cells [layout]", () => {
  it("stores a value at XFD1048576 as one cell, and every other cell reads blank", () => {
    const b = new SheetBuilder("S");
    b.set(0, 0, { value: "Date", formula: null, numberFormat: "General" });
    b.set(GRID_ROWS - 1, GRID_COLUMNS - 1, { value: 1, formula: "=A1", numberFormat: "0%" });
    const sheet = b.build();
    expect(sheet.cells.count).toBe(2);
    expect(sheet.cells.keys.length).toBe(2);
    expect(sheet.origin).toEqual({ row: 0, col: 0 });
    expect(sheet.end).toEqual({ row: GRID_ROWS - 1, col: GRID_COLUMNS - 1 });
    expect(cellAt(sheet, GRID_ROWS - 1, GRID_COLUMNS - 1)).toEqual({ value: 1, formula: "=A1", numberFormat: "0%" });
    expect(cellAt(sheet, 500000, 8000)).toEqual({ value: null, formula: null, numberFormat: "General" });
    expect(rowCount(sheet)).toBe(2);
  });

  it("keeps values of every kind, in row-major order whatever the order they came in; a later cell at one place wins", () => {
    const b = new SheetBuilder("S");
    b.set(3, 1, { value: { error: "#REF!" }, formula: null, numberFormat: "General" });
    b.set(1, 2, { value: true, formula: null, numberFormat: "General" });
    b.set(1, 0, { value: "old", formula: null, numberFormat: "General" });
    b.set(1, 0, { value: "new", formula: null, numberFormat: "@" });
    b.set(2, 0, { value: null, formula: null, numberFormat: "yyyy-mm-dd" });
    b.set(2, 1, { value: null, formula: null, numberFormat: "General" });
    const sheet = b.build();
    const seen: string[] = [];
    eachCell(sheet, (r, c, cell) => seen.push(`${r},${c}=${JSON.stringify(cell.value)}/${cell.numberFormat}`));
    expect(seen).toEqual(['1,0="new"/@', "1,2=true/General", "2,0=null/yyyy-mm-dd", '3,1={"error":"#REF!"}/General']);
    expect(valueAt(sheet, 3, 1)).toEqual({ error: "#REF!" });
    expect(numberFormatAt(sheet, 2, 0)).toBe("yyyy-mm-dd");
    expect(formulaAt(sheet, 1, 0)).toBeNull();
  });

  it("stops past its cell bound with CellLimitError", () => {
    const b = new SheetBuilder("S", 3);
    for (let i = 0; i < 3; i++) b.set(i, 0, { value: i, formula: null, numberFormat: "General" });
    expect(() => b.set(3, 0, { value: 3, formula: null, numberFormat: "General" })).toThrow(CellLimitError);
  });

  it("builds from rectangular arrays and changes a copy, not the original", () => {
    const sheet = sheetFromGrid("S", { row: 2, col: 2 }, [[1, null], [null, "x"]]);
    expect(sheet.cells.count).toBe(2);
    const changed = withCells(sheet, [{ row: 2, col: 3, cell: { value: 5, formula: null, numberFormat: "General" } }]);
    expect(valueAt(changed, 2, 3)).toBe(5);
    expect(valueAt(sheet, 2, 3)).toBeNull();
    expect(valueAt(changed, 3, 3)).toBe("x");
    const cleared = withCells(changed, [{ row: 2, col: 3, cell: { value: null, formula: null, numberFormat: "General" } }]);
    expect(valueAt(cleared, 2, 3)).toBeNull();
    expect(cleared.cells.count).toBe(2);
  });
});

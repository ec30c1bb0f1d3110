/**
 * The Attributable EBITDA Amounts in the workbook (Reading R-EBITDA-PERIOD-AMOUNT): the model's
 * Dispositions table carries one amount per period of Section 9.2.4; a workbook that still has the
 * earlier single AttributableEBITDA column is read with that amount for every period and warned about;
 * beside the per-period columns it is ignored.
 */
import { dec } from "../../src/engine/decimal";
import { dashboardDesign } from "../../src/review/dashboard";
import { locateTable, TableLocation } from "../../src/review/locate";
import { review, validate } from "../../src/review/review";
import { attributableAmountsArgument, factsFromSnapshot, firstMissing } from "../../src/review/sheetDesign";
import { a1, CellValue, qualified, WorkbookSnapshot } from "../../src/review/snapshot";
import { model, setCell, setTableCell, updateTable } from "../support/snapshots";

function dispositions(s: WorkbookSnapshot): TableLocation & { sheet: NonNullable<TableLocation["sheet"]>; headerRow: number } {
  const where = locateTable(s, "Dispositions");
  if (where?.sheet === undefined || where.headerRow === undefined) throw new Error("the model has no Dispositions table");
  return where as TableLocation & { sheet: NonNullable<TableLocation["sheet"]>; headerRow: number };
}

/** Sets a whole column of Dispositions: its header and its data cells (null clears). */
function setColumn(s: WorkbookSnapshot, col: number, header: CellValue, values: readonly CellValue[]): void {
  const where = dispositions(s);
  setCell(s, where.sheet.name, where.headerRow, col, { value: header });
  values.forEach((v, i) => setCell(s, where.sheet.name, where.firstRow + i, col, { value: v }));
}

/**
 * The model as an earlier version wrote it: Date, Interest and one AttributableEBITDA column, the
 * Gramercy/KJBC disposition of 2004-10-01 at 1,550,000 and the VALCO one of 2004-11-15 at 3,000,000.
 */
function singleColumnModel(): WorkbookSnapshot {
  const s = model();
  const where = dispositions(s);
  setColumn(s, where.firstCol + 2, "AttributableEBITDA", [1550000, 3000000]);
  for (const col of [where.firstCol + 3, where.firstCol + 4]) setColumn(s, col, null, [null, null]);
  updateTable(s, "Dispositions", (t) => ({ ...t, address: `${a1(where.headerRow, where.firstCol)}:${a1(where.lastRow, where.firstCol + 2)}`, columns: ["Date", "Interest", "AttributableEBITDA"] }));
  return s;
}

/** The model with the earlier single column left at the right of the three per-period ones. */
function bothModel(): WorkbookSnapshot {
  const s = model();
  const where = dispositions(s);
  setColumn(s, where.lastCol + 1, "AttributableEBITDA", [9999999, 9999999]);
  updateTable(s, "Dispositions", (t) => ({ ...t, address: `${a1(where.headerRow, where.firstCol)}:${a1(where.lastRow, where.lastCol + 1)}`, columns: [...(t.columns ?? []), "AttributableEBITDA"] }));
  return s;
}

const floors = (s: WorkbookSnapshot): (string | undefined)[] => review(s).minimumEbitda.lines.map((l) => l.floor?.toString());

describe("the model's one amount per period (Reading R-EBITDA-PERIOD-AMOUNT) [9.2.4]", () => {
  it("has the columns Attributable1M, Attributable2M and Attributable3M and no superseded-column finding [9.2.4]", () => {
    const s = model();
    expect(dispositions(s).headers).toEqual(["Date", "Interest", "Attributable1M", "Attributable2M", "Attributable3M"]);
    expect(validate(s).filter((f) => f.ruleId === "superseded-column" || f.ruleId === "missing-column")).toEqual([]);
  });

  it("gives each period the floor of its own amounts: −24,000,000, −24,100,000, −25,850,000 [9.2.4]", () => {
    // October −22,500,000 − 1,550,000 × 30/31; November −20,500,000 − 3,050,000 × 60/61 − 2,440,000 × 15/61;
    // December −19,500,000 − 4,600,000 × 91/92 − 3,600,000 × 46/92.
    expect(floors(model())).toEqual(["-24000000", "-24100000", "-25850000"]);
  });

  it("uses November's amount for November only: a change to Attributable2M moves that floor alone [9.2.4]", () => {
    const s = model();
    // VALCO's 2-month amount 2,440,000 → 3,050,000: November −20,500,000 − 3,000,000 − 3,050,000 × 15/61 = −24,250,000.
    setTableCell(s, "Dispositions", "Attributable2M", 1, { value: 3050000 });
    expect(floors(s)).toEqual(["-24000000", "-24250000", "-25850000"]);
  });

  it("names the column of a blank per-period amount [9.2.4]", () => {
    const s = model();
    const cell = setTableCell(s, "Dispositions", "Attributable3M", 0, { value: null });
    const blank = validate(s).filter((f) => f.ruleId === "blank-required");
    expect(blank.map((f) => [f.cell, f.section])).toEqual([[cell, "9.2.4"]]);
    expect(blank[0].message).toContain("Dispositions[Attributable3M] row 1 is blank");
    expect(review(s).minimumEbitda.note).toContain("Attributable3M is blank");
  });
});

describe("a workbook with the earlier single AttributableEBITDA column (Reading R-EBITDA-PERIOD-AMOUNT) [9.2.4]", () => {
  it("is read, with one warning at its header cell naming the section and no missing-column errors [9.2.4]", () => {
    const s = singleColumnModel();
    const where = dispositions(s);
    const findings = validate(s);
    expect(findings.filter((f) => f.ruleId === "missing-column")).toEqual([]);
    const warned = findings.filter((f) => f.ruleId === "superseded-column");
    expect(warned.map((f) => [f.severity, f.cell, f.section])).toEqual([["warning", qualified(where.sheet.name, a1(where.headerRow, where.firstCol + 2)), "9.2.4"]]);
    expect(warned[0].message).toContain("single column AttributableEBITDA and none of Attributable1M, Attributable2M, Attributable3M: its amount is used for every period");
    expect(warned[0].message).toContain("Section 9.2.4 agrees an amount for each period");
  });

  it("uses that amount for every period, as before: −24,000,000; −1,388,500,000/61; −2,073,050,000/92 [9.2.4]", () => {
    // November: −20,500,000 − (1,550,000 × 60 + 3,000,000 × 15)/61; December: −19,500,000 − (1,550,000 × 91 + 3,000,000 × 46)/92.
    expect(floors(singleColumnModel())).toEqual(["-24000000", "-22762295.08196721311475409836065573770492", "-22533152.17391304347826086956521739130435"]);
    expect(dec(-1388500000).dividedBy(61).toString()).toBe("-22762295.08196721311475409836065573770492");
    expect(review(singleColumnModel()).minimumEbitda.lines.map((l) => l.status)).toEqual(["PASS", "PASS", "PASS"]);
  });

  it("checks its cells as the per-period ones: a blank cell names AttributableEBITDA [9.2.4]", () => {
    const s = singleColumnModel();
    const cell = setTableCell(s, "Dispositions", "AttributableEBITDA", 1, { value: null });
    const blank = validate(s).filter((f) => f.ruleId === "blank-required");
    expect(blank.map((f) => f.cell)).toEqual([cell]);
    expect(blank[0].message).toContain("Dispositions[AttributableEBITDA] row 2 is blank");
    expect(review(s).minimumEbitda).toMatchObject({ lines: [], note: expect.stringContaining("Dispositions row 2: AttributableEBITDA is blank") });
  });

  it("gets a dashboard whose Minimum EBITDA formulas take the single column [9.2.4]", () => {
    const facts = factsFromSnapshot(singleColumnModel());
    const design = dashboardDesign(facts);
    expect(firstMissing(design, facts)).toBeUndefined();
    expect(design.cells.find((c) => c.formula?.startsWith("=KAISER.EBITDAFLOOR("))?.formula).toBe("=KAISER.EBITDAFLOOR(MonthlyEBITDA[PeriodEnd], Dispositions[Date], Dispositions[AttributableEBITDA])");
  });

  it("beside the per-period columns is ignored, with a warning, and the floors are the model's [9.2.4]", () => {
    const s = bothModel();
    const where = dispositions(s);
    const warned = validate(s).filter((f) => f.ruleId === "superseded-column");
    expect(warned.map((f) => f.cell)).toEqual([qualified(where.sheet.name, a1(where.headerRow, where.lastCol))]);
    expect(warned[0].message).toContain("it is ignored, and each period uses its own column");
    expect(floors(s)).toEqual(["-24000000", "-24100000", "-25850000"]);
  });
});

describe("the dashboard's argument of the Attributable EBITDA Amounts [9.2.4]", () => {
  it("is the block of the three columns where they stand in order, else the three put side by side [9.2.4]", () => {
    expect(attributableAmountsArgument(factsFromSnapshot(model()))).toBe("Dispositions[[Attributable1M]:[Attributable3M]]");
    const reordered = { names: new Set<string>(), tables: new Map([["Dispositions", { columns: ["Date", "Attributable2M", "Interest", "Attributable1M", "Attributable3M"], rows: 2 }]]) };
    expect(attributableAmountsArgument(reordered)).toBe("CHOOSE({1,2,3}, Dispositions[Attributable1M], Dispositions[Attributable2M], Dispositions[Attributable3M])");
  });
});

describe("edge cases", () => {
  it("a workbook with neither the three columns nor the single one lacks the three [9.2.4]", () => {
    const s = singleColumnModel();
    const where = dispositions(s);
    setCell(s, where.sheet.name, where.headerRow, where.firstCol + 2, { value: "Amount" });
    updateTable(s, "Dispositions", (t) => ({ ...t, columns: ["Date", "Interest", "Amount"] }));
    const missing = validate(s).filter((f) => f.ruleId === "missing-column");
    expect(missing.map((f) => f.message.slice(0, 48))).toEqual(["Table Dispositions has no column Attributable1M ", "Table Dispositions has no column Attributable2M ", "Table Dispositions has no column Attributable3M "]);
    expect(validate(s).filter((f) => f.ruleId === "superseded-column")).toEqual([]);
  });
});

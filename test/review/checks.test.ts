import { formulaLiterals, MAX_FINDINGS_PER_GROUP, numberStoredAsText, RULES } from "../../src/review/checks";
import { review, validate } from "../../src/review/review";
import { dec } from "../../src/engine/decimal";
import { EXAMPLE } from "../../src/review/template";
import { serial } from "../../src/engine/dates";
import { Finding } from "../../src/review/findings";
import { WorkbookSnapshot } from "../../src/review/snapshot";
import { model, removeName, removeTable, replaceName, setCell, setNamed, setTableCell, tableValues, updateTable } from "../support/snapshots";

const SHEET = "Amendment Model";

function only(snapshot: WorkbookSnapshot, ruleId: string): Finding[] {
  return validate(snapshot).filter((f) => f.ruleId === ruleId);
}

/** Row index (0-based, data rows) of a DailyOutstandings date. */
function dailyRow(s: WorkbookSnapshot, date: number): number {
  return tableValues(s, "DailyOutstandings", "Date").indexOf(date);
}

describe("gaps in DailyOutstandings longer than five Business Days (Reading R-TE-CARRY) [1.1(aa)]", () => {
  it("warns, naming the two rows, when more than five Business Days lie between consecutive rows; five is not a gap [1.1(aa)]", () => {
    const s = model();
    const dates = tableValues(s, "DailyOutstandings", "Date") as number[];
    const last = dates.length - 1;
    expect(dates[last - 1]).toBe(serial(2004, 12, 30));
    // 2004-12-31 and 2005-01-03..01-06 missing: five Business Days, not more.
    setTableCell(s, "DailyOutstandings", "Date", last, { value: serial(2005, 1, 7) });
    expect(only(s, "daily-outstandings-gap")).toEqual([]);
    // Add 2005-01-07: six.
    const cell = setTableCell(s, "DailyOutstandings", "Date", last, { value: serial(2005, 1, 10) });
    const found = only(s, "daily-outstandings-gap");
    expect(found.map((f) => [f.severity, f.cell, f.section])).toEqual([["warning", cell, "1.1(aa)"]]);
    expect(found[0].message).toMatch(new RegExp(`^DailyOutstandings rows ${last} and ${last + 1} \\(2004-12-30 and 2005-01-10, .+\\) have 6 Business Days between them`));
  });
});

describe("the ready model", () => {
  it("validates clean: no finding at all (every rule silent), on figures worked by hand [layout, 1.1(f)]", () => {
    const r = review(model());
    expect(validate(model())).toEqual([]);
    expect(r.findings).toEqual([]);
    // The outputs output-mismatch compares, worked from 1.1(f), 1.1(aa), 1.1(e) (not by the engine that filled them).
    const outputs = r.figures.filter((f) => f.cell !== undefined).map((f) => [f.key, f.value]);
    expect(outputs).toEqual([
      ["ppeSubcomponent", 15000000],
      ["borrowingBase", 95000000 + 110160000 + 15000000],
      ["threshold", 174386000],
      ["availabilityReserve", 20000000],
      ["availability", dec(200000000).minus(EXAMPLE.revolvingCreditOutstandings).toNumber()],
    ]);
  });

  it("lists every rule once, with a severity and a section [layout]", () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      "missing-name",
      "name-not-single-cell",
      "missing-table",
      "missing-column",
      "blank-required",
      "text-not-number",
      "error-value",
      "negative-amount",
      "whole-percentage",
      "bad-date",
      "dates-out-of-order",
      "non-business-day",
      "missing-business-days",
      "threshold-event-not-business-day",
      "disposition-before-sixth-amendment",
      "daily-outstandings-gap",
      "unknown-kind",
      "commitment-not-200m",
      "pre-amendment-figure",
      "literal-term-in-formula",
      "addin-not-loaded",
      "manual-calculation",
      "output-mismatch",
    ]) {
      expect(ids).toContain(id);
    }
    for (const r of RULES) expect(r.section.length).toBeGreaterThan(0);
  });
});

describe("names", () => {
  it("reports a missing required name with its section, for the workbook as a whole [1.1(f)(b)]", () => {
    const s = model();
    removeName(s, "EligibleInventory");
    const found = only(s, "missing-name");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "error", cell: "", section: "1.1(f)(b)" });
    expect(found[0].message).toContain("EligibleInventory");
  });

  it("says nothing when an optional name is missing (NetRecoveryPercentage, an output) [1.1(f)(b)]", () => {
    const s = model();
    removeName(s, "NetRecoveryPercentage");
    removeName(s, "Availability");
    const errors = validate(s).filter((f) => f.ruleId === "missing-name");
    expect(errors).toEqual([]);
  });

  it.each([
    ["a range of two cells", { formula: "='Amendment Model'!$B$7:$B$8", sheet: SHEET, address: "B7:B8" }, "more than one cell"],
    ["a deleted cell", { formula: "=#REF!" }, "#REF!"],
    ["a constant", { formula: "=180000000" }, "a constant"],
    ["two areas", { formula: "='Amendment Model'!$B$7,'Amendment Model'!$B$9" }, "more than one cell"],
    ["a missing sheet", { formula: "=Inputs!$B$7", sheet: "Inputs", address: "B7" }, "a sheet the workbook does not have"],
  ])("reports a name that refers to %s [1.1(f)(b)]", (_what, entry, text) => {
    const s = model();
    replaceName(s, "EligibleInventory", entry);
    const found = only(s, "name-not-single-cell");
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain(text);
    expect(found[0].section).toBe("1.1(f)(b)");
  });
});

describe("tables and columns", () => {
  it("reports a missing required table, naming its columns [1.1(t)]", () => {
    const s = model();
    removeTable(s, "PPEEvents");
    const found = only(s, "missing-table");
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain("Date, Kind, Amount");
    expect(found[0].section).toBe("1.1(t)");
  });

  it("says nothing when the optional Holidays table is missing [1.1(aa)]", () => {
    const s = model();
    removeTable(s, "Holidays");
    expect(validate(s)).toEqual([]);
  });

  it("reports a missing column at the header row, matching headers case-insensitively [1.1(aa)]", () => {
    const s = model();
    updateTable(s, "DailyOutstandings", (t) => ({ ...t, columns: ["DATE", "Balance"] }));
    const found = only(s, "missing-column");
    expect(found).toHaveLength(1);
    expect(found[0].cell).toBe("'Amendment Model'!I4:J4");
    expect(found[0].message).toContain("Outstandings");
    expect(found[0].message).toContain("DATE, Balance");
  });

  it("reads headers from the header row when the table does not list its columns [1.1(aa)]", () => {
    const s = model();
    updateTable(s, "DailyOutstandings", (t) => ({ ...t, columns: undefined }));
    expect(validate(s)).toEqual([]);
    setCell(s, SHEET, 3, 9, { value: "Balance" });
    expect(only(s, "missing-column")).toHaveLength(1);
  });
});

describe("values", () => {
  it.each([
    ["blank-required", "OLVInPlaceValue", null, "blank", "1.1(f)(c)"],
    ["text-not-number", "EligibleInventory", "1,000", "a number stored as text", "1.1(f)(b)"],
    ["text-not-number", "EligibleInventory", "n/a", 'the text "n/a"', "1.1(f)(b)"],
    ["text-not-number", "ReceivablesComponent", true, "TRUE", "1.1(f)(a)"],
    ["error-value", "ReceivablesComponent", { error: "#DIV/0!" }, "#DIV/0!", "1.1(f)(a)"],
    ["negative-amount", "OLVInPlaceValue", -5, "must not be negative", "1.1(f)(c)"],
    ["whole-percentage", "NetRecoveryPercentage", 72, "enter 0.72", "1.1(f)(b)"],
    ["out-of-range", "NetRecoveryPercentage", 720, "between 0 and 1", "1.1(f)(b)"],
    ["out-of-range", "NetRecoveryPercentage", -0.1, "between 0 and 1", "1.1(f)(b)"],
    ["out-of-range", "KBCAllocableAmount", 7000000.01, "$7,000,000", "9.2.18(ix)"],
    ["bad-date", "AsOfDate", "2004-12-31", "not a date", "1.1(aa)"],
    ["bad-date", "AsOfDate", serial(1999, 12, 31), "outside 2004..2030", "1.1(aa)"],
    ["bad-date", "AsOfDate", 5, "not an Excel date", "1.1(aa)"],
    ["commitment-not-200m", "RevolvingCommitmentAmount", 150000000, "$200,000,000", "1.2"],
  ])("%s: %s holding %p is reported at its cell [%s]", (ruleId, name, value, text, section) => {
    const s = model();
    const cell = setNamed(s, name, { value: value as never });
    const found = only(s, ruleId);
    expect(found).toHaveLength(1);
    expect(found[0].cell).toBe(cell);
    expect(found[0].section).toBe(section);
    expect(found[0].message).toContain(text);
  });

  it("suggests the number a number stored as text stands for [1.1(f)(b)]", () => {
    const s = model();
    setNamed(s, "EligibleInventory", { value: "$180,000,000.50" });
    expect(only(s, "text-not-number")[0].message).toContain("180000000.5");
  });

  it("reports an amount formatted as a percentage (65% of an amount) [1.1(f)(b)]", () => {
    const s = model();
    setNamed(s, "EligibleInventory", { value: 0.65, numberFormat: "0%" });
    const found = only(s, "whole-percentage");
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain("shows 65%");
  });

  it("accepts a percentage format on a fraction and a blank optional fraction [1.1(f)(b)]", () => {
    const s = model();
    setNamed(s, "NetRecoveryPercentage", { value: null });
    setNamed(s, "KBCAllocableAmount", { value: null });
    // The figures change with the inputs (the cached outputs are stale, the Threshold Events move),
    // but no rule finds fault with the inputs themselves.
    const recomputed = new Set(["output-mismatch", "threshold-event-not-in-ppe-events"]);
    expect(validate(s).filter((f) => !recomputed.has(f.ruleId))).toEqual([]);
  });

  it("reports the pre-amendment commitment once, not also as a commitment other than $200,000,000 [1.2]", () => {
    const s = model();
    setNamed(s, "RevolvingCommitmentAmount", { value: 285000000 });
    const ids = validate(s).map((f) => f.ruleId);
    expect(ids.filter((id) => id === "pre-amendment-figure")).toHaveLength(1);
    expect(ids).not.toContain("commitment-not-200m");
  });
});

describe("table cells", () => {
  it("reports a blank required table cell with its row [1.1(aa)]", () => {
    const s = model();
    const cell = setTableCell(s, "DailyOutstandings", "Outstandings", 2, { value: null });
    const found = only(s, "blank-required");
    expect(found).toHaveLength(1);
    expect(found[0].cell).toBe(cell);
    expect(found[0].message).toContain("DailyOutstandings[Outstandings] row 3");
  });

  it("accepts a blank Amount on a THRESHOLDEVENT row but not on another kind [1.1(t)(b)]", () => {
    const s = model();
    expect(tableValues(s, "PPEEvents", "Amount")).toContain(null);
    setTableCell(s, "PPEEvents", "Amount", 0, { value: null });
    expect(only(s, "blank-required")).toHaveLength(1);
  });

  it("reports a THRESHOLDEVENT dated on or before 2004-08-31: a Threshold Event occurs only after that date [1.1(aa)]", () => {
    const s = model();
    const row = tableValues(s, "PPEEvents", "Kind").indexOf("THRESHOLDEVENT");
    const cell = setTableCell(s, "PPEEvents", "Date", row, { value: serial(2004, 8, 31) });
    const found = only(s, "out-of-range");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "error", cell, section: "1.1(aa)" });
    expect(found[0].message).toContain("after 2004-08-31");
    // The same date is fine for another kind of event.
    const t = model();
    setTableCell(t, "PPEEvents", "Date", tableValues(t, "PPEEvents", "Kind").indexOf("GRAMERCY"), { value: serial(2004, 8, 31) });
    expect(only(t, "out-of-range")).toEqual([]);
  });

  it("reports a THRESHOLDEVENT on a day that is not a Business Day, naming the cell: KAISER.PPESCHEDULE gives #NUM! there (Reading R-PPE-B-BUSINESS-DAY) [1.1(aa), 1.1(t)(b)]", () => {
    const s = model();
    const row = tableValues(s, "PPEEvents", "Kind").indexOf("THRESHOLDEVENT");
    const cell = setTableCell(s, "PPEEvents", "Date", row, { value: serial(2004, 9, 25) });
    const found = only(s, "threshold-event-not-business-day");
    expect(found.map((f) => [f.severity, f.cell, f.section])).toEqual([["error", cell, "1.1(aa)"]]);
    expect(found[0].message).toContain("2004-09-25 (Saturday), not a Business Day");
    // Labor Day, and a day of the workbook's Holidays table, are no Business Days either.
    setTableCell(s, "PPEEvents", "Date", row, { value: serial(2004, 9, 6) });
    expect(only(s, "threshold-event-not-business-day")[0].message).toContain("(Labor Day)");
    // Another kind of event may fall on any day.
    const t = model();
    setTableCell(t, "PPEEvents", "Date", tableValues(t, "PPEEvents", "Kind").indexOf("GRAMERCY"), { value: serial(2004, 9, 25) });
    expect(only(t, "threshold-event-not-business-day")).toEqual([]);
  });

  it("warns that a DISPOSITION on or before the Sixth Amendment (2003-08-01) reduces nothing, and accepts its 2003 date (Reading R-PPE-SIXTH) [1.1(t)(a)]", () => {
    const s = model();
    const row = tableValues(s, "PPEEvents", "Kind").indexOf("DISPOSITION");
    const cell = setTableCell(s, "PPEEvents", "Date", row, { value: serial(2003, 7, 15) });
    const found = only(s, "disposition-before-sixth-amendment");
    expect(found.map((f) => [f.severity, f.cell, f.section])).toEqual([["warning", cell, "1.1(t)(a)"]]);
    expect(found[0].message).toContain("1.1(t)(a) counts dispositions after the effective date of the Sixth Amendment");
    expect(only(s, "bad-date")).toEqual([]);
    const note = review(s).ppeSchedule.lines.find((r) => r.kind === "DISPOSITION");
    expect(note).toMatchObject({ reduction: dec(0), note: "(a) nothing: 1.1(t)(a) counts dispositions after the effective date of the Sixth Amendment" });
    setTableCell(s, "PPEEvents", "Date", row, { value: serial(2003, 8, 2) });
    expect(only(s, "disposition-before-sixth-amendment")).toEqual([]);
    setTableCell(s, "PPEEvents", "Date", row, { value: serial(2001, 12, 31) });
    expect(only(s, "bad-date")[0].message).toContain("outside 2002..2030");
  });

  it("reports a wholly blank row once [1.1(c)]", () => {
    const s = model();
    for (const column of ["Date", "Category", "Amount"]) setTableCell(s, "ANECharges", column, 1, { value: null });
    const found = only(s, "blank-required");
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain("Row 2 of ANECharges is blank");
  });

  it.each([
    ["PPEEvents", "Kind", "SALE", "DISPOSITION, THRESHOLDEVENT, GRAMERCY, VALCO, INTERCOMPANY", "1.1(t)"],
    ["Dispositions", "Interest", "ALPART", "QAL, GRAMERCY, VALCO", "9.2.4"],
    ["ANECharges", "Category", "TAX", "LIFO", "1.1(c)"],
    ["ANECharges", "Category", 7, "LIFO", "1.1(c)"],
  ])("unknown-kind: %s[%s] holding %p lists the allowed values [%s]", (table, column, value, list, section) => {
    const s = model();
    const cell = setTableCell(s, table, column, 0, { value });
    const found = only(s, "unknown-kind");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ cell, section });
    expect(found[0].message).toContain(list);
  });

  it("matches keywords ignoring case and surrounding spaces [1.1(c)]", () => {
    const s = model();
    setTableCell(s, "ANECharges", "Category", 0, { value: " lifo " });
    expect(validate(s)).toEqual([]);
  });

  it("does not report a negative EBITDA (a signed amount) but does a negative outstanding [9.2.4, 1.1(aa)]", () => {
    const s = model();
    expect((tableValues(s, "MonthlyEBITDA", "EBITDA")[0] as number) < 0).toBe(true);
    setTableCell(s, "DailyOutstandings", "Outstandings", 0, { value: -1 });
    const found = validate(s).filter((f) => f.severity === "error");
    expect(found.map((f) => f.ruleId)).toEqual(["negative-amount"]);
  });

  it("reports a text date in a table [1.1(t)]", () => {
    const s = model();
    setTableCell(s, "PPEEvents", "Date", 0, { value: "15/07/2004" });
    expect(only(s, "bad-date")[0].message).toContain('"15/07/2004"');
  });

  it("reports the first cells of a column and then counts the rest [1.1(aa)]", () => {
    const s = model();
    for (let i = 0; i < 25; i++) setTableCell(s, "DailyOutstandings", "Outstandings", i, { value: "1,000" });
    const found = only(s, "text-not-number");
    expect(found).toHaveLength(MAX_FINDINGS_PER_GROUP + 1);
    expect(found[MAX_FINDINGS_PER_GROUP].message).toContain("15 more");
    expect(found[MAX_FINDINGS_PER_GROUP].message).toContain("25 in all");
  });

  it("reports a MonthlyEBITDA period Section 9.2.4 does not set (warning) [9.2.4]", () => {
    const s = model();
    setTableCell(s, "MonthlyEBITDA", "PeriodEnd", 0, { value: serial(2004, 9, 30) });
    const found = only(s, "unknown-period");
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe("warning");
    expect(found[0].message).toContain("2004-10-31, 2004-11-30, 2004-12-31");
  });
});

describe("the daily series [1.1(aa)]", () => {
  it("reports dates out of order at the first offending row [1.1(aa)]", () => {
    const s = model();
    const i = dailyRow(s, serial(2004, 9, 2));
    setTableCell(s, "DailyOutstandings", "Date", i, { value: serial(2004, 9, 3) });
    const cell = setTableCell(s, "DailyOutstandings", "Date", i + 1, { value: serial(2004, 9, 2) });
    const found = only(s, "dates-out-of-order");
    expect(found).toHaveLength(1);
    expect(found[0].cell).toBe(cell);
    expect(found[0].message).toContain("is earlier");
  });

  it("reports a duplicated date [1.1(aa)]", () => {
    const s = model();
    const i = dailyRow(s, serial(2004, 9, 2));
    setTableCell(s, "DailyOutstandings", "Date", i, { value: serial(2004, 9, 1) });
    expect(only(s, "dates-out-of-order")[0].message).toContain("repeats the date 2004-09-01");
  });

  it("notes rows on non-business days (info) and the Business Day they leave missing (warning) [1.1(aa)]", () => {
    const s = model();
    // 2004-09-03 (a Friday) moved to the Saturday after.
    setTableCell(s, "DailyOutstandings", "Date", dailyRow(s, serial(2004, 9, 3)), { value: serial(2004, 9, 4) });
    const found = validate(s).filter((f) => f.ruleId === "non-business-day" || f.ruleId === "missing-business-days");
    expect(found.map((f) => [f.ruleId, f.severity])).toEqual([
      ["non-business-day", "info"],
      ["missing-business-days", "warning"],
    ]);
    expect(found[0].message).toContain("2004-09-04 (Saturday)");
    expect(found[1].message).toContain("1 Business Day is missing");
    expect(found[1].message).toContain("the first 2004-09-03");
  });

  it("names a Federal Reserve holiday and counts every missing Business Day [1.1(aa)]", () => {
    const s = model();
    // Labor Day 2004-09-06 in place of 2004-09-07, and 2004-09-01 moved back to 2004-08-31.
    setTableCell(s, "DailyOutstandings", "Date", dailyRow(s, serial(2004, 9, 7)), { value: serial(2004, 9, 6) });
    setTableCell(s, "DailyOutstandings", "Date", 0, { value: serial(2004, 8, 31) });
    const info = only(s, "non-business-day");
    expect(info[0].message).toContain("Labor Day");
    const warning = only(s, "missing-business-days");
    expect(warning[0].message).toContain("2 Business Days are missing");
    expect(warning[0].message).toContain("the first 2004-09-01");
  });

  it("warns when DailyOutstandings has no rows, since no Threshold Event can then be found [1.1(aa)]", () => {
    const s = model();
    updateTable(s, "DailyOutstandings", (t) => ({ ...t, address: "I4:J4" }));
    const found = validate(s).filter((f) => f.severity !== "error");
    expect(found.map((f) => [f.ruleId, f.severity, f.cell, f.section])).toEqual([["missing-business-days", "warning", "'Amendment Model'!I4:J4", "1.1(aa)"]]);
    expect(found[0].message).toContain("DailyOutstandings has no rows");
    expect(found[0].message).toContain("after 2004-08-31");
  });

  it("treats a day of the Holidays table, or one given as an option, as a holiday [1.1(aa)]", () => {
    const s = model();
    const friday = serial(2004, 9, 3);
    setTableCell(s, "Holidays", "Date", 0, { value: friday });
    expect(only(s, "non-business-day")[0].message).toContain("Holidays table");
    const t = model();
    expect(validate(t, { holidays: [friday] }).map((f) => f.ruleId)).toContain("non-business-day");
  });
});

describe("figures typed into cells and formulas", () => {
  it.each([
    [285000000, "Revolving commitment", "1.2"],
    [125000000, "Maximum Letter of Credit Amount", "1.1(o)"],
    [0.005, "Commitment fee rate", "1.3"],
  ])("reports %p beside %p as a pre-amendment figure [%s]", (value, label, section) => {
    const s = model();
    setCell(s, SHEET, 40, 4, { value: label });
    setCell(s, SHEET, 40, 5, { value });
    const found = only(s, "pre-amendment-figure");
    expect(found).toHaveLength(1);
    expect(found[0].section).toBe(section);
    expect(found[0].cell).toBe("'Amendment Model'!F41");
  });

  it("leaves $125,000,000 alone where it is not labelled as the Letter of Credit maximum [1.1(o)]", () => {
    const s = model();
    setCell(s, SHEET, 40, 4, { value: "Inventory cap" });
    setCell(s, SHEET, 40, 5, { value: 125000000 });
    expect(validate(s)).toEqual([]);
  });

  it("reports a replaced figure inside a formula [1.3]", () => {
    const s = model();
    setCell(s, SHEET, 40, 4, { value: "Commitment fee" });
    setCell(s, SHEET, 40, 5, { value: 1000, formula: "=RevolvingCommitmentAmount*0.5%*30/360" });
    const found = only(s, "pre-amendment-figure");
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain("0.5%");
  });

  it("warns of a term typed as a literal in a formula and names the key [1.1(f)(b)]", () => {
    const s = model();
    setCell(s, SHEET, 40, 5, { value: 1, formula: "=MIN(125000000, EligibleInventory*65%)" });
    const found = only(s, "literal-term-in-formula");
    expect(found.map((f) => f.severity)).toEqual(["warning", "warning"]);
    expect(found[0].message).toContain('KAISER.TERM("inventoryCap")');
    expect(found[1].message).toContain('KAISER.TERM("inventoryAdvanceRate")');
    expect(found[0].section).toBe("1.1(f)(b)");
  });

  it.each([
    ["=B5+5", "a count of days"],
    ['="0.85"&A1', "a text"],
    ["=ROUND(B5*1,2)", "one and two"],
    ["=SUM(A125:A200)", "cell references"],
    ["=LOG10(B5)", "a function name"],
  ])("does not warn of %p (%s) [layout]", (formula) => {
    const s = model();
    setCell(s, SHEET, 40, 5, { value: 1, formula });
    expect(validate(s)).toEqual([]);
  });

  it("reads the numeric literals of a formula exactly [layout]", () => {
    expect(formulaLiterals('=A1*0.85+1.5E3-"7"+Sheet2!B9+65%+T[Col 2]').map((d) => d.toString())).toEqual(["0.85", "1500", "0.65"]);
  });

  it.each([
    ["1,000", 1000],
    ["$2,500.50", 2500.5],
    ["(1,000)", -1000],
    ["65%", 0.65],
    ["-12", -12],
    ["$-1,000", -1000],
    ["-$1,000", -1000],
    ["n/a", undefined],
    ["1,00", undefined],
  ])("reads %p stored as text as %p [layout]", (text, expected) => {
    expect(numberStoredAsText(text)).toBe(expected);
  });
});

describe("the workbook", () => {
  it("reports KAISER formulas showing #NAME? once: the add-in is not loaded [layout]", () => {
    const s = model();
    setNamed(s, "BorrowingBase", { value: { error: "#NAME?" } });
    setNamed(s, "Threshold", { value: { error: "#NAME?" } });
    const found = validate(s);
    expect(found.map((f) => f.ruleId)).toEqual(["addin-not-loaded"]);
    expect(found[0].message).toContain("2 formulas");
    expect(found[0].cell).toBe("'Amendment Model'!B18");
  });

  it("warns when calculation is manual [layout]", () => {
    const s = { ...model(), calculationMode: "manual" as const };
    expect(validate(s).map((f) => [f.ruleId, f.severity])).toEqual([["manual-calculation", "warning"]]);
  });
});

describe("the workbook's own figures [1.1(f)]", () => {
  it.each([
    [220160000.02, true],
    [220159999.989, true],
    [220160000.01, false],
    [220159999.99, false],
  ])("BorrowingBase showing %p is a mismatch: %p (more than one cent) [1.1(f)]", (shown, reported) => {
    const s = model();
    setNamed(s, "BorrowingBase", { value: shown });
    const found = only(s, "output-mismatch");
    expect(found).toHaveLength(reported ? 1 : 0);
    if (reported) {
      expect(found[0].message).toContain("$220,160,000");
      expect(found[0].section).toBe("1.1(f)");
    }
  });

  it("reports an output showing an error or text, but not a blank one [1.1(aa)]", () => {
    const s = model();
    setNamed(s, "Threshold", { value: { error: "#VALUE!" } });
    setNamed(s, "Availability", { value: "n/a" });
    setNamed(s, "AvailabilityReserve", { value: null });
    const found = only(s, "output-mismatch");
    expect(found.map((f) => f.section)).toEqual(["1.1(aa)", "1.1(e)"]);
    expect(found[0].message).toContain("#VALUE!");
  });

  it("reports a Threshold Event missing from PPEEvents, and a THRESHOLDEVENT row without one [1.1(t)(b)]", () => {
    const s = model();
    const dates = tableValues(s, "PPEEvents", "Date");
    // The second September event (2004-09-24) moved to 2004-09-23: same reductions, wrong day.
    setTableCell(s, "PPEEvents", "Date", dates.indexOf(serial(2004, 9, 24)), { value: serial(2004, 9, 23) });
    const found = only(s, "threshold-event-not-in-ppe-events");
    expect(found).toHaveLength(2);
    expect(found[0].message).toContain("2004-09-24");
    expect(found[1].message).toContain("2004-09-23");
  });

  /** Swaps the Date and Outstandings of the DailyOutstandings row of `date` with the row after it. */
  function swapDailyRows(s: WorkbookSnapshot, date: number): void {
    const i = dailyRow(s, date);
    const dates = tableValues(s, "DailyOutstandings", "Date");
    const amounts = tableValues(s, "DailyOutstandings", "Outstandings");
    for (const [row, from] of [
      [i, i + 1],
      [i + 1, i],
    ]) {
      setTableCell(s, "DailyOutstandings", "Date", row, { value: dates[from] });
      setTableCell(s, "DailyOutstandings", "Outstandings", row, { value: amounts[from] });
    }
  }

  function moveSecondSeptemberEvent(s: WorkbookSnapshot): void {
    const dates = tableValues(s, "PPEEvents", "Date");
    setTableCell(s, "PPEEvents", "Date", dates.indexOf(serial(2004, 9, 24)), { value: serial(2004, 9, 23) });
  }

  it("reads DailyOutstandings in date order, so rows out of order still show a Threshold Event missing from PPEEvents [1.1(t)(b)]", () => {
    const s = model();
    moveSecondSeptemberEvent(s);
    // Two December rows in the wrong order: KAISER.THRESHOLDEVENT refuses the series, the facts stay the same.
    swapDailyRows(s, serial(2004, 12, 20));
    expect(only(s, "dates-out-of-order")).toHaveLength(1);
    const found = only(s, "threshold-event-not-in-ppe-events");
    expect(found.map((f) => f.message)).toEqual([
      expect.stringMatching(/^DailyOutstandings, read in date order, gives a Threshold Event on 2004-09-24, but PPEEvents has no THRESHOLDEVENT row that day/),
      expect.stringMatching(/^PPEEvents has a THRESHOLDEVENT on 2004-09-23, but DailyOutstandings, read in date order, gives no Threshold Event that day/),
    ]);
  });

  it("counts a DailyOutstandings row repeated exactly once [1.1(t)(b)]", () => {
    const s = model();
    moveSecondSeptemberEvent(s);
    // The row of 2004-11-02 copied over the row after it: a duplicate (and a missing day), same balance.
    const i = dailyRow(s, serial(2004, 11, 2));
    setTableCell(s, "DailyOutstandings", "Date", i + 1, { value: serial(2004, 11, 2) });
    setTableCell(s, "DailyOutstandings", "Outstandings", i + 1, { value: tableValues(s, "DailyOutstandings", "Outstandings")[i] });
    expect(only(s, "dates-out-of-order")[0].message).toContain("repeats the date 2004-11-02");
    expect(only(s, "threshold-event-not-in-ppe-events")).toHaveLength(2);
  });

  it("stays silent when one date carries two different balances, since which held that day cannot be told [1.1(t)(b)]", () => {
    const s = model();
    moveSecondSeptemberEvent(s);
    const i = dailyRow(s, serial(2004, 11, 2));
    const amounts = tableValues(s, "DailyOutstandings", "Outstandings");
    expect(amounts[i + 1]).not.toBe(amounts[i]);
    setTableCell(s, "DailyOutstandings", "Date", i + 1, { value: serial(2004, 11, 2) });
    expect(only(s, "dates-out-of-order")).toHaveLength(1);
    expect(only(s, "threshold-event-not-in-ppe-events")).toEqual([]);
  });
});

describe("edge cases", () => {
  it("validates an empty workbook with one finding per required name and table [layout]", () => {
    const found = validate({ sheets: [], names: [], tables: [], calculationMode: "automatic" });
    expect(found.filter((f) => f.ruleId === "missing-name")).toHaveLength(6);
    expect(found.filter((f) => f.ruleId === "missing-table")).toHaveLength(5);
    expect(found).toHaveLength(11);
  });

  it("reports a hidden header row's missing columns from the table's own column names [1.1(aa)]", () => {
    const s = model();
    updateTable(s, "Holidays", (t) => ({ ...t, showHeaders: false, columns: ["Day"] }));
    expect(only(s, "missing-column")).toHaveLength(1);
  });

  it("does not take a totals row for data [1.1(c)]", () => {
    const s = model();
    const rows = tableValues(s, "ANECharges", "Date").length;
    setTableCell(s, "ANECharges", "Category", rows - 1, { value: "Total" });
    expect(only(s, "unknown-kind")).toHaveLength(1);
    updateTable(s, "ANECharges", (t) => ({ ...t, showTotals: true }));
    // The last row is now the totals row; the recomputed exclusions change but nothing is reported.
    expect(only(s, "unknown-kind")).toHaveLength(0);
  });
});

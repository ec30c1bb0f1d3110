import { dec } from "../../src/engine/decimal";
import { serial } from "../../src/engine/dates";
import { Figure, MISMATCH_TOLERANCE, overrideInputs, readModelInputs, recompute, thresholdEventDates } from "../../src/review/recalc";
import { WorkbookSnapshot } from "../../src/review/snapshot";
import { EXAMPLE } from "../../src/review/template";
import { growTable, model, removeName, setCell, setNamed, setTableCell, tableValues, updateTable } from "../support/snapshots";

function figures(s: WorkbookSnapshot = model()): Map<string, Figure> {
  return new Map(recompute(readModelInputs(s)).map((f) => [f.key, f]));
}

function figure(key: string, s?: WorkbookSnapshot): Figure {
  const f = figures(s).get(key);
  if (f === undefined) throw new Error(`no figure ${key}`);
  return f;
}

describe("the model's figures, worked by hand from the amendment", () => {
  it.each([
    ["clauseA", 95000000, "clause (a) as the workbook gives it [1.1(f)(a)]"],
    ["clauseB", 110160000, "85% × 72% × $180,000,000 = $110,160,000, below 65% ($117,000,000) and the $125,000,000 cap [1.1(f)(b)]"],
    ["ppeBase", 45000000, "50% of $90,000,000 = $45,000,000, below the $50,000,000 cap [1.1(f)(c)]"],
    [
      "ppeReductions",
      30000000,
      "(a) $1,250,000; (b) $5,000,000 on 2004-09-08, nothing on 2004-09-24 (same month); (c)(1) $4,500,000 + 50% × $15,500,000 = $12,250,000; (b) $1,500,000 on 2004-10-25 (to the $25,000,000 floor); (c)(2) $7,000,000 + 50% × $2,000,000 = $8,000,000; (d) $2,000,000 [1.1(t)]",
    ],
    ["ppeSubcomponent", 15000000, "$45,000,000 − $30,000,000 [1.1(f)(c)]"],
    ["borrowingBase", 220160000, "$95,000,000 + $110,160,000 + $15,000,000 [1.1(f)]"],
    ["threshold", 174386000, "85% × ($95,000,000 + $110,160,000) [1.1(aa)]"],
    ["availabilityReserve", 20000000, "lesser of $20,000,000 and 10% × $200,000,000 [1.1(e)]"],
    ["availability", 200000000 - EXAMPLE.revolvingCreditOutstandings.toNumber(), "lesser of $200,000,000 and $220,160,000 − $20,000,000, less outstandings [1.1(e)]"],
    ["aneExclusions", 58750000, "LIFO $12,000,000 + $8,000,000 (to the $20,000,000 cap), pension $30,000,000, BPA $6,000,000, asbestos $2,750,000 [1.1(c)]"],
    ["amendmentFee", 1750000, "0.00875 × $200,000,000 [5(d)]"],
  ])("%s is %p: %s", (key, expected) => {
    const f = figure(key);
    expect(f.value).toBe(expected);
    expect(f.format).toBe("usd");
    expect(f.note).toBeUndefined();
  });

  it("names the binding limit of clause (b) in its label [1.1(f)(b)]", () => {
    expect(figure("clauseB").label).toBe("Inventory (b): 85% of the Net Recovery Percentage binds");
  });

  it("finds the first Threshold Event on 2004-09-08 and, for Section 9.2.4, on 2004-09-03 [1.1(aa)]", () => {
    expect(figure("firstThresholdEvent")).toMatchObject({ value: serial(2004, 9, 8), format: "date", section: "1.1(aa)" });
    expect(figure("firstThresholdEvent3")).toMatchObject({ value: serial(2004, 9, 3), format: "date", section: "1.1(aa), 9.2.4" });
  });

  it("finds every five-day Threshold Event of the series: 09-08, 09-24 and 10-25 (clause (y)) [1.1(aa)]", () => {
    expect(thresholdEventDates(readModelInputs(model()), 5)).toEqual([serial(2004, 9, 8), serial(2004, 9, 24), serial(2004, 10, 25)]);
  });

  it.each([
    // Each disposition's amount for the period measured (Reading R-EBITDA-PERIOD-AMOUNT): Gramercy/KJBC on
    // 2004-10-01 with 1,550,000 / 3,050,000 / 4,600,000, VALCO on 2004-11-15 with 1,000,000 / 2,440,000 / 3,600,000.
    ["2004-10-31", "−$22,500,000 − $1,550,000 × 30/31 = −$24,000,000 (VALCO after the period)", dec(-24000000)],
    ["2004-11-30", "−$20,500,000 − $3,050,000 × 60/61 − $2,440,000 × 15/61 = −$20,500,000 − $3,000,000 − $600,000", dec(-24100000)],
    ["2004-12-31", "−$19,500,000 − $4,600,000 × 91/92 − $3,600,000 × 46/92 = −$19,500,000 − $4,550,000 − $1,800,000", dec(-25850000)],
  ])("the Minimum EBITDA for the period ending %s is %s, and the test passes [9.2.4]", (end, _how, floor) => {
    expect(figure(`ebitdaFloor:${end}`).value).toBe(floor.toNumber());
    expect(figure(`ebitdaTest:${end}`)).toMatchObject({ value: "PASS", format: "text" });
  });

  it("compares each optional output with the workbook's own figure and finds them equal [1.1(f)]", () => {
    const compared = recompute(readModelInputs(model())).filter((f) => f.cell !== undefined);
    expect(compared.map((f) => [f.key, f.cell, f.mismatch])).toEqual([
      ["ppeSubcomponent", "'Amendment Model'!B17", false],
      ["borrowingBase", "'Amendment Model'!B18", false],
      ["threshold", "'Amendment Model'!B19", false],
      ["availabilityReserve", "'Amendment Model'!B20", false],
      ["availability", "'Amendment Model'!B21", false],
    ]);
    for (const f of compared) expect(f.workbookValue).toBe(f.value);
    // Worked by hand, not by the engine that filled the cells: $45,000,000 − $30,000,000; $95,000,000 +
    // $110,160,000 + $15,000,000; 85% × $205,160,000; lesser of $20,000,000 and 10% × $200,000,000;
    // lesser of $200,000,000 and $220,160,000 − $20,000,000, less the outstandings.
    expect(compared.map((f) => f.workbookValue)).toEqual([15000000, 220160000, 174386000, 20000000, dec(200000000).minus(EXAMPLE.revolvingCreditOutstandings).toNumber()]);
  });
});

describe("reading the inputs", () => {
  it("gives each named input its cell and each table its range [layout]", () => {
    const inputs = readModelInputs(model());
    expect(inputs.eligibleInventory).toEqual({ cell: "'Amendment Model'!B7", value: dec(180000000) });
    expect(inputs.asOfDate.value).toBe(serial(2004, 12, 31));
    expect(inputs.dailyOutstandings.cell).toBe("'Amendment Model'!I4:J88");
    expect(inputs.dailyOutstandings.rows).toHaveLength(84);
    expect(inputs.ppeEvents.rows?.[1]).toEqual({ date: serial(2004, 9, 8), kind: "THRESHOLDEVENT", amount: dec(0) });
    expect(inputs.holidays.rows).toEqual([serial(2004, 6, 11)]);
  });

  it("reads a missing name as absent and a bad one with its problem [layout]", () => {
    const s = model();
    removeName(s, "EligibleInventory");
    setNamed(s, "OLVInPlaceValue", { value: "90,000,000" });
    const inputs = readModelInputs(s);
    expect(inputs.eligibleInventory).toEqual({});
    expect(inputs.olvInPlaceValue.value).toBeUndefined();
    expect(inputs.olvInPlaceValue.problem).toContain('OLVInPlaceValue holds the text "90,000,000"');
  });

  it("reads a blank optional input as none, not as a problem [1.1(f)(b)]", () => {
    const s = model();
    setNamed(s, "NetRecoveryPercentage", { value: null });
    const inputs = readModelInputs(s);
    expect(inputs.netRecoveryPercentage.value).toBeUndefined();
    expect(inputs.netRecoveryPercentage.problem).toBeUndefined();
    expect(figure("clauseB", s)).toMatchObject({ value: 117000000, label: "Inventory (b): 65% of Eligible Inventory binds" });
  });

  it("reads keywords in any case [1.1(t)]", () => {
    const s = model();
    setTableCell(s, "PPEEvents", "Kind", 0, { value: "disposition" });
    expect(readModelInputs(s).ppeEvents.rows?.[0].kind).toBe("DISPOSITION");
  });

  it("skips blank rows of Holidays but not of the other tables [1.1(aa)]", () => {
    const s = model();
    setTableCell(s, "Holidays", "Date", 0, { value: null });
    expect(readModelInputs(s).holidays.rows).toEqual([]);
    setTableCell(s, "PPEEvents", "Date", 0, { value: null });
    expect(readModelInputs(s).ppeEvents.problem).toBe("PPEEvents row 1: Date is blank");
  });
});

describe("figures that cannot be computed", () => {
  it("leaves a figure null with the reason when an input is missing [1.1(f)(b)]", () => {
    const s = model();
    removeName(s, "EligibleInventory");
    const all = figures(s);
    expect(all.get("clauseB")).toMatchObject({ value: null, note: "the name EligibleInventory is missing" });
    expect(all.get("borrowingBase")?.value).toBeNull();
    expect(all.get("threshold")?.value).toBeNull();
    expect(all.get("firstThresholdEvent")?.note).toBe("the name EligibleInventory is missing");
    // A figure the workbook shows is not a mismatch when the engine has nothing to compare.
    expect(all.get("borrowingBase")?.mismatch).toBe(false);
    expect(all.get("clauseA")?.value).toBe(95000000);
  });

  it("names the first bad row of a table [1.1(t)]", () => {
    const s = model();
    setTableCell(s, "PPEEvents", "Kind", 2, { value: "SALE" });
    expect(figure("ppeReductions", s)).toMatchObject({ value: null, note: "PPEEvents row 3: Kind is not one of DISPOSITION, THRESHOLDEVENT, GRAMERCY, VALCO, INTERCOMPANY, VALCOCLOSING, GRAMERCYCLOSING, KBCPLAN" });
  });

  it("passes on the engine's message, e.g. a KBC Allocable Amount above its cap [9.2.18(ix)]", () => {
    const s = model();
    setNamed(s, "KBCAllocableAmount", { value: 8000000 });
    expect(figure("ppeReductions", s).note).toContain("$7,000,000");
  });

  it("says there is no Threshold Event when the outstandings never exceed the Threshold [1.1(aa)]", () => {
    const s = model();
    setNamed(s, "ReceivablesComponent", { value: 150000000 });
    expect(figure("firstThresholdEvent", s)).toMatchObject({ value: null, note: "no Threshold Event in the series" });
    // Without a Threshold Event for 9.2.4 the covenant is not tested.
    expect(figure("ebitdaTest:2004-10-31", s).value).toBe("NOT TESTED");
  });

  it("gives #N/A's message for a period Section 9.2.4 does not set [9.2.4]", () => {
    const s = model();
    setTableCell(s, "MonthlyEBITDA", "PeriodEnd", 0, { value: serial(2005, 1, 31) });
    const f = figure("ebitdaFloor:2005-01-31", s);
    expect(f.value).toBeNull();
    expect(f.note).toContain("no minimum EBITDA is set for the period ending 2005-01-31");
  });
});

describe("the workbook's own figures", () => {
  it.each([
    [0.01, false],
    [0.011, true],
    [-0.02, true],
  ])("a BorrowingBase off by %p is a mismatch: %p [1.1(f)]", (difference, mismatch) => {
    const s = model();
    setNamed(s, "BorrowingBase", { value: 220160000 + difference });
    expect(figure("borrowingBase", s).mismatch).toBe(mismatch);
    expect(MISMATCH_TOLERANCE.toString()).toBe("0.01");
  });

  it("counts an error or text in an output as a mismatch, a blank one not [1.1(aa)]", () => {
    const s = model();
    setNamed(s, "Threshold", { value: { error: "#VALUE!" } });
    setNamed(s, "Availability", { value: null });
    expect(figure("threshold", s)).toMatchObject({ workbookValue: null, mismatch: true });
    expect(figure("availability", s)).toMatchObject({ workbookValue: null, mismatch: false });
  });
});

describe("scenarios", () => {
  it("overrides named inputs by their contract names, case-insensitively [1.1(f)(b)]", () => {
    const inputs = overrideInputs(readModelInputs(model()), { eligibleinventory: 100000000, NetRecoveryPercentage: null });
    const f = new Map(recompute(inputs).map((x) => [x.key, x]));
    expect(f.get("clauseB")?.value).toBe(65000000);
    expect(f.get("borrowingBase")?.value).toBe(95000000 + 65000000 + 15000000);
    // The workbook's outputs belong to its own inputs: a scenario compares nothing.
    expect(f.get("borrowingBase")).toMatchObject({ mismatch: false });
    expect(f.get("borrowingBase")?.cell).toBeUndefined();
  });

  it("reports a bad override as a problem, and an unknown name as an error [layout]", () => {
    const inputs = overrideInputs(readModelInputs(model()), { OLVInPlaceValue: -1 });
    expect(inputs.olvInPlaceValue.problem).toContain("negative");
    expect(() => overrideInputs(readModelInputs(model()), { Inventory: 1 })).toThrow("Inventory is not a named input");
  });

  it("moves the as-of date: only the reductions up to it count [1.1(t)]", () => {
    const inputs = overrideInputs(readModelInputs(model()), { AsOfDate: serial(2004, 9, 30) });
    expect(recompute(inputs).find((f) => f.key === "ppeReductions")?.value).toBe(6250000);
  });
});

describe("edge cases", () => {
  it("uses a Threshold column of DailyOutstandings when every row has one [1.1(aa)]", () => {
    const s = model();
    const rows = tableValues(s, "DailyOutstandings", "Date").length;
    updateTable(s, "DailyOutstandings", (t) => ({ ...t, address: t.address.replace("J", "K"), columns: ["Date", "Outstandings", "Threshold"] }));
    for (let i = 0; i < rows; i++) setTableCell(s, "DailyOutstandings", "Threshold", i, { value: 200000000 });
    expect(figure("firstThresholdEvent", s).note).toBe("no Threshold Event in the series");
    setTableCell(s, "DailyOutstandings", "Threshold", 3, { value: null });
    expect(figure("firstThresholdEvent", s).note).toContain("blank");
  });

  it("computes from a table that grew, and ignores a non-business-day row as the engine does [1.1(aa)]", () => {
    const s = model();
    const rows = tableValues(s, "DailyOutstandings", "Date").length;
    growTable(s, "DailyOutstandings", 1);
    setCell(s, "Amendment Model", 3 + rows + 1, 8, { value: serial(2005, 1, 1) });
    setCell(s, "Amendment Model", 3 + rows + 1, 9, { value: 190000000 });
    expect(readModelInputs(s).dailyOutstandings.rows).toHaveLength(rows + 1);
    expect(figure("firstThresholdEvent", s).value).toBe(serial(2004, 9, 8));
  });

  it("recomputes an empty workbook to nulls, each with its reason [layout]", () => {
    const all = recompute(readModelInputs({ sheets: [], names: [], tables: [], calculationMode: "automatic" }));
    for (const f of all) {
      expect(f.value).toBeNull();
      expect(f.note).toBeDefined();
      expect(f.mismatch).toBe(false);
    }
  });
});

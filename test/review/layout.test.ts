import * as fs from "fs";
import * as path from "path";
import { rulesMarkdownTable } from "../../src/review/checks";
import { serial } from "../../src/engine/dates";
import { columnsMet, LAYOUT, layoutEntry, layoutMarkdownTable, NAMED_CELLS, OUTPUTS, tableLayout, TABLES } from "../../src/review/layout";
import { replaceBlock } from "../../scripts/layout-table";

describe("the named cells of the contract", () => {
  it.each([
    ["ReceivablesComponent", "amount", true, "1.1(f)(a)"],
    ["EligibleInventory", "amount", true, "1.1(f)(b)"],
    ["NetRecoveryPercentage", "fraction", false, "1.1(f)(b)"],
    ["OLVInPlaceValue", "amount", true, "1.1(f)(c)"],
    ["RevolvingCommitmentAmount", "amount", true, "1.2"],
    ["RevolvingCreditOutstandings", "amount", true, "1.1(aa)"],
    ["AsOfDate", "date", true, "1.1(aa)"],
    ["KBCAllocableAmount", "amount", false, "9.2.18(ix)"],
  ])("%s is of type %s, required %p [%s]", (name, type, required, section) => {
    const entry = layoutEntry(name);
    expect(entry).toMatchObject({ name, kind: "named cell", type, required, section });
  });

  it("limits the KBC Allocable Amount to $7,000,000 and a fraction to 0..1 [9.2.18(ix)]", () => {
    expect(layoutEntry("KBCAllocableAmount")).toMatchObject({ min: 0, max: 7000000 });
    expect(layoutEntry("NetRecoveryPercentage")).toMatchObject({ min: 0, max: 1 });
  });

  it("allows dates from 2004 through 2030 [layout]", () => {
    expect(layoutEntry("AsOfDate")).toMatchObject({ min: serial(2004, 1, 1), max: serial(2030, 12, 31) });
  });

  it("finds an entry by name ignoring case, as Excel matches names [layout]", () => {
    expect(layoutEntry("eligibleinventory")?.name).toBe("EligibleInventory");
    expect(layoutEntry("Nothing")).toBeUndefined();
  });
});

describe("the tables of the contract", () => {
  it.each([
    ["DailyOutstandings", true, "1.1(aa)", ["Date", "Outstandings"], ["Threshold"]],
    ["PPEEvents", true, "1.1(t)", ["Date", "Kind", "Amount"], []],
    ["MonthlyEBITDA", true, "9.2.4", ["PeriodEnd", "EBITDA"], []],
    ["Dispositions", true, "9.2.4", ["Date", "Interest", "Attributable1M", "Attributable2M", "Attributable3M"], ["AttributableEBITDA"]],
    ["ANECharges", true, "1.1(c)", ["Date", "Category", "Amount"], []],
    ["Holidays", false, "1.1(aa)", ["Date"], []],
  ])("%s (required %p) has the required columns and optional ones [%s]", (name, required, section, columns, optional) => {
    const t = tableLayout(name);
    expect(t?.table).toMatchObject({ kind: "table", required, section });
    expect(t?.columns.filter((c) => c.required).map((c) => c.column)).toEqual(columns);
    expect(t?.columns.filter((c) => !c.required).map((c) => c.column)).toEqual(optional);
    for (const c of t?.columns ?? []) expect(c.name).toBe(`${name}[${c.column}]`);
  });

  it("lists the keywords of Kind, Interest and Category from the engine [1.1(t), 9.2.4, 1.1(c)]", () => {
    expect(layoutEntry("PPEEvents[Kind]")?.values).toEqual(["DISPOSITION", "THRESHOLDEVENT", "GRAMERCY", "VALCO", "INTERCOMPANY", "VALCOCLOSING", "GRAMERCYCLOSING", "KBCPLAN"]);
    expect(layoutEntry("Dispositions[Interest]")?.values).toEqual(["QAL", "GRAMERCY", "VALCO"]);
    expect(layoutEntry("ANECharges[Category]")?.values).toContain("RETIREEMEDICAL");
  });

  it("treats EBITDA and the Attributable EBITDA Amounts as signed amounts [9.2.4]", () => {
    expect(layoutEntry("MonthlyEBITDA[EBITDA]")?.type).toBe("signed amount");
    for (const c of ["Attributable1M", "Attributable2M", "Attributable3M", "AttributableEBITDA"]) expect(layoutEntry(`Dispositions[${c}]`)?.type).toBe("signed amount");
  });

  it.each([
    ["Attributable1M", "1 month ending 2004-10-31"],
    ["Attributable2M", "2 months ending 2004-11-30"],
    ["Attributable3M", "3 months ending 2004-12-31"],
  ])("describes Dispositions[%s] as the Attributable EBITDA Amount for the %s (Reading R-EBITDA-PERIOD-AMOUNT) [9.2.4]", (column, period) => {
    expect(layoutEntry(`Dispositions[${column}]`)?.description).toContain(`Attributable EBITDA Amount for the ${period}`);
  });

  it("lets the earlier single AttributableEBITDA column stand in for the three, and only when none of them is there [9.2.4]", () => {
    const t = tableLayout("Dispositions");
    if (t === undefined) throw new Error("no Dispositions");
    expect(layoutEntry("Dispositions[AttributableEBITDA]")?.standsFor).toEqual(["Attributable1M", "Attributable2M", "Attributable3M"]);
    const names = (entries: readonly { column?: string }[]) => entries.map((e) => e.column);
    const single = columnsMet(t, ["Date", "Interest", " attributableebitda "]);
    expect([names(single.missing), names(single.standingIn), names(single.ignored)]).toEqual([[], ["AttributableEBITDA"], []]);
    const both = columnsMet(t, ["Date", "Interest", "Attributable1M", "Attributable2M", "Attributable3M", "AttributableEBITDA"]);
    expect([names(both.missing), names(both.standingIn), names(both.ignored)]).toEqual([[], [], ["AttributableEBITDA"]]);
    const partial = columnsMet(t, ["Date", "Interest", "Attributable1M", "AttributableEBITDA"]);
    expect(names(partial.missing)).toEqual(["Attributable2M", "Attributable3M"]);
    expect(names(columnsMet(t, ["Date", "Interest"]).missing)).toEqual(["Attributable1M", "Attributable2M", "Attributable3M"]);
  });
});

describe("the optional outputs", () => {
  it("are the five figures the checks recompute, none required [1.1(f), 1.1(aa), 1.1(e)]", () => {
    expect(OUTPUTS.map((o) => [o.name, o.section, o.required])).toEqual([
      ["BorrowingBase", "1.1(f)", false],
      ["Threshold", "1.1(aa)", false],
      ["AvailabilityReserve", "1.1(e)", false],
      ["Availability", "1.1(e)", false],
      ["PPESubcomponent", "1.1(f)(c)", false],
    ]);
  });
});

describe("the README", () => {
  const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");

  it("prints the contract exactly as the code defines it (run node build/scripts/layout-table.js) [layout]", () => {
    expect(replaceBlock(readme, "layout", layoutMarkdownTable())).toBe(readme);
  });

  it("prints the validation rules exactly as the code defines them [layout]", () => {
    expect(replaceBlock(readme, "rules", rulesMarkdownTable())).toBe(readme);
  });

  it("has one table row per entry, every entry with a section and a description [layout]", () => {
    const rows = layoutMarkdownTable().split("\n").slice(2);
    expect(rows).toHaveLength(LAYOUT.length);
    expect(LAYOUT).toHaveLength(NAMED_CELLS.length + TABLES.reduce((n, t) => n + 1 + t.columns.length, 0) + OUTPUTS.length + 1 + 1 + NAMED_CELLS.length);
    for (const e of LAYOUT) {
      expect(e.section).not.toBe("");
      expect(e.description).not.toBe("");
    }
  });
});

describe("edge cases", () => {
  it("escapes a | in a description so the Markdown table keeps its columns [layout]", () => {
    for (const row of layoutMarkdownTable().split("\n")) expect(row.split(/(?<!\\)\|/).length).toBe(10);
  });

  it("refuses to rewrite a README without the markers [layout]", () => {
    expect(() => replaceBlock("no markers here", "layout", "x")).toThrow("layout markers");
  });
});

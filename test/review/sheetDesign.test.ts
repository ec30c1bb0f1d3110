import { certificateDesign } from "../../src/review/certificate";
import { dashboardDesign } from "../../src/review/dashboard";
import { NAMED_CELLS } from "../../src/review/layout";
import { column, factsFromSnapshot, firstMissing, fullFacts, named, requirements, uniqueSheetName, WorkbookFacts } from "../../src/review/sheetDesign";
import { snapshotFromTemplate } from "../../src/review/template";

describe("names in the formulas come from the layout contract", () => {
  it("gives a contract name or column as written, and refuses one the contract does not have [layout]", () => {
    expect(named("EligibleInventory")).toBe("EligibleInventory");
    expect(column("DailyOutstandings", "Outstandings")).toBe("DailyOutstandings[Outstandings]");
    expect(() => column("DailyOutstandings", "Balance")).toThrow("the layout contract has no column DailyOutstandings[Balance]");
    expect(() => named("Eligible" as never)).toThrow("the layout contract has no named cell Eligible");
  });

  it("lists what a set of formulas refers to, in the contract's order, not a name inside a longer one [layout]", () => {
    expect(requirements(["=KAISER.THRESHOLD(ReceivablesComponent, C11)", "=KAISER.PPEREDUCTIONS(OLVInPlaceValue, PPEEvents[Date], AsOfDate)", "=Threshold+AsOfDateX"])).toEqual({
      names: ["AsOfDate", "ReceivablesComponent", "OLVInPlaceValue"],
      tables: ["PPEEvents"],
    });
  });

  it("every name either design needs is a named cell of the contract, and the model has them all [layout]", () => {
    const contract = new Set(NAMED_CELLS.map((e) => e.name));
    const facts = factsFromSnapshot(snapshotFromTemplate());
    for (const design of [certificateDesign(facts), dashboardDesign(facts)]) {
      for (const n of design.requires.names) expect(contract.has(n)).toBe(true);
      expect(firstMissing(design, facts)).toBeUndefined();
    }
    expect(certificateDesign(facts).requires.tables).toEqual(["DailyOutstandings", "PPEEvents", "Holidays"]);
    expect(dashboardDesign(facts).requires.tables).toEqual(["DailyOutstandings", "PPEEvents", "MonthlyEBITDA", "Dispositions", "Holidays"]);
  });
});

describe("the facts a design depends on", () => {
  it("reads the model's names, tables, columns and rows from a snapshot [layout]", () => {
    const facts = factsFromSnapshot(snapshotFromTemplate());
    expect(facts.names.size).toBe(NAMED_CELLS.length);
    expect(facts.tables.get("DailyOutstandings")?.columns).toEqual(["date", "outstandings"]);
    expect(facts.tables.get("MonthlyEBITDA")?.rows).toBe(3);
  });

  it("uses DailyOutstandings[Threshold] when the table has one, the certificate's Threshold otherwise [1.1(aa)]", () => {
    const own = certificateDesign(fullFacts());
    const computed = certificateDesign(factsFromSnapshot(snapshotFromTemplate()));
    const event = (d: ReturnType<typeof certificateDesign>) => d.cells.find((c) => c.figure === "event5Found")?.formula;
    expect(event(own)).toBe("=KAISER.THRESHOLDEVENT(DailyOutstandings[Date], DailyOutstandings[Outstandings], DailyOutstandings[Threshold], 5, Holidays[Date])");
    expect(event(computed)).toBe("=KAISER.THRESHOLDEVENT(DailyOutstandings[Date], DailyOutstandings[Outstandings], C24, 5, Holidays[Date])");
    const line = dashboardDesign(fullFacts()).charts[0].series[1];
    expect(line.values).toEqual({ table: "DailyOutstandings", column: "Threshold" });
  });

  it("names the first missing input: names before tables, a required column of a table [layout]", () => {
    const design = certificateDesign(fullFacts());
    const without = (names: string[], tables: Record<string, string[]> = {}): WorkbookFacts => {
      const full = fullFacts();
      const t = new Map(full.tables);
      for (const [name, cols] of Object.entries(tables)) {
        if (cols.length === 0) t.delete(name);
        else t.set(name, { columns: cols, rows: 1 });
      }
      return { names: new Set([...full.names].filter((n) => !names.includes(n))), tables: t };
    };
    expect(firstMissing(design, without(["EligibleInventory", "AsOfDate"], { PPEEvents: [] }))).toBe("the name AsOfDate");
    expect(firstMissing(design, without([], { PPEEvents: [] }))).toBe("the table PPEEvents");
    expect(firstMissing(design, without([], { PPEEvents: ["Date", " kind "] }))).toBe("the column Amount of the table PPEEvents");
  });
});

describe("edge cases", () => {
  it.each([
    [[], "KAISER Dashboard"],
    [["Sheet1", "kaiser dashboard"], "KAISER Dashboard (2)"],
    [["KAISER Dashboard", "KAISER Dashboard (2)", "KAISER DASHBOARD (3)"], "KAISER Dashboard (4)"],
  ])("names the sheet uniquely among %j, as Excel names a copy [layout]", (existing, name) => {
    expect(uniqueSheetName("KAISER Dashboard", existing)).toBe(name);
  });

  it("sizes the dashboard's chart ranges to the tables' rows, one row at least [9.2.4]", () => {
    const facts = fullFacts({ MonthlyEBITDA: 0, DailyOutstandings: 250 });
    const design = dashboardDesign({ ...facts, tables: new Map([...facts.tables].map(([k, v]) => [k, k === "DailyOutstandings" ? { ...v, columns: ["Date", "Outstandings"] } : v])) });
    expect(design.charts[2].series[1].values).toEqual({ address: "C19:C19" });
    expect(design.charts[0].series[1].values).toEqual({ address: "H5:H254" });
  });
});

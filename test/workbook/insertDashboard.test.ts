import { dashboardDesign } from "../../src/review/dashboard";
import { fullFacts, WorkbookFacts } from "../../src/review/sheetDesign";
import { MODEL_TEMPLATE } from "../../src/review/template";
import { insertDashboard } from "../../src/workbook/insertDashboard";
import { insertModel } from "../../src/workbook/insertModel";
import { emptyState, fakeContext, FakeState } from "../support/fakeExcel";

/** A fake workbook holding the ready model, as Insert model leaves it. */
async function withModel(): Promise<FakeState> {
  const state = emptyState();
  await insertModel(fakeContext(state).context);
  return state;
}

/** The facts of the ready model: every name, its tables with their own headers and rows. */
function modelFacts(): WorkbookFacts {
  return { names: fullFacts().names, tables: new Map(MODEL_TEMPLATE.tables.map((t) => [t.name, { columns: t.headers, rows: t.rows.length }])) };
}

function rowsOf(table: string): number {
  return MODEL_TEMPLATE.tables.find((t) => t.name === table)?.rows.length ?? 0;
}

describe("Insert dashboard into a workbook holding the model", () => {
  let state: FakeState;
  let fake: ReturnType<typeof fakeContext>;
  let result: Awaited<ReturnType<typeof insertDashboard>>;
  let modelBefore: string;

  beforeAll(async () => {
    state = await withModel();
    modelBefore = JSON.stringify({ sheet: state.sheets[1], names: state.names, tables: state.tables });
    fake = fakeContext(state);
    result = await insertDashboard(fake.context);
  });

  it("adds the sheet KAISER Dashboard in three syncs and makes it active [1.1(f)]", () => {
    expect(result).toEqual({ inserted: true, message: 'Added the sheet "KAISER Dashboard": live KAISER formulas over the model\'s names and tables and 3 charts. Nothing else in the workbook changed.' });
    expect(fake.syncs()).toBe(3);
    expect(state.sheets.map((s) => s.name)).toEqual(["Sheet1", "Amendment Model", "KAISER Dashboard"]);
    expect(state.activeSheet).toBe("KAISER Dashboard");
  });

  it("changes nothing of the model: its sheet, names and tables are as they were [layout]", () => {
    expect(JSON.stringify({ sheet: state.sheets[1], names: state.names, tables: state.tables })).toBe(modelBefore);
    expect(fake.changes.filter((c) => !c.startsWith("formula") && !c.startsWith("add chart"))).toEqual(["add sheet KAISER Dashboard"]);
  });

  it("writes the Borrowing Base clause by clause with KAISER.BORROWINGBASEDETAIL over the model's names [1.1(f)]", () => {
    const sheet = state.sheets[2];
    expect(sheet.formulas[4][0]).toBe("=KAISER.BORROWINGBASEDETAIL(ReceivablesComponent, EligibleInventory, OLVInPlaceValue, NetRecoveryPercentage, E6, RevolvingCreditOutstandings)");
    expect(sheet.formulas[6][4]).toBe("=KAISER.THRESHOLD(ReceivablesComponent, KAISER.INVENTORYCOMPONENT(EligibleInventory, NetRecoveryPercentage))");
    expect(sheet.formulas[8][4]).toBe("=KAISER.THRESHOLDEVENT(DailyOutstandings[Date], DailyOutstandings[Outstandings], E7, 5, Holidays[Date])");
    expect(sheet.formulas[9][4]).toBe("=KAISER.THRESHOLDEVENT(DailyOutstandings[Date], DailyOutstandings[Outstandings], E7, 3, Holidays[Date])");
    const design = dashboardDesign(modelFacts());
    expect(fake.changes.filter((c) => c.startsWith("formula"))).toHaveLength(design.cells.filter((c) => c.formula !== undefined).length);
    const ebitdaTest = design.cells.find((c) => c.formula?.startsWith("=KAISER.EBITDATEST("));
    expect(ebitdaTest?.formula).toBe("=KAISER.EBITDATEST(MonthlyEBITDA[PeriodEnd], MonthlyEBITDA[EBITDA], E10, Dispositions[Date], Dispositions[[Attributable1M]:[Attributable3M]])");
  });

  it("draws outstandings against the Threshold as a line over the DailyOutstandings table itself [1.1(aa)]", () => {
    const n = rowsOf("DailyOutstandings");
    const [line] = state.charts ?? [];
    expect(line).toMatchObject({ sheet: "KAISER Dashboard", type: "Line", title: "Revolving Credit Outstandings against the Threshold [1.1(aa)]", from: "J4", to: "S20", valueAxisTitle: "US dollars" });
    expect(line.series).toEqual([
      { name: "Revolving Credit Outstandings", values: `'Amendment Model'!J5:J${4 + n}`, xValues: `'Amendment Model'!I5:I${4 + n}` },
      // The model has no Threshold column: the dashboard's own column, one row per day.
      { name: "Threshold", values: `'KAISER Dashboard'!H5:H${4 + n}`, xValues: `'Amendment Model'!I5:I${4 + n}` },
    ]);
    expect(state.sheets[2].formulas[4][7]).toBe('=IF(ISNUMBER(DailyOutstandings[Date]), $E$7, "")');
  });

  it("draws the PPE Subcomponent over time from the spilled schedule, and EBITDA against the floor [1.1(t), 9.2.4]", () => {
    const [, ppe, ebitda] = state.charts ?? [];
    expect(ppe.type).toBe("XYScatterLines");
    expect(ppe.series).toHaveLength(1);
    expect(ppe.series[0].name).toBe("PPE Subcomponent");
    expect(ppe.series[0].values).toMatch(/^'KAISER Dashboard'!F\d+:F\d+$/);
    expect(ebitda.type).toBe("ColumnClustered");
    expect(ebitda.series.map((s) => [s.name, s.chartType])).toEqual([
      ["EBITDA", undefined],
      ["Minimum EBITDA", "Line"],
    ]);
    expect(ebitda.series[0].values).toBe("'Amendment Model'!Q5:Q7");
    expect(ebitda.series[1].values).toBe("'KAISER Dashboard'!C19:C21");
    expect(state.sheets[2].formulas[18][2]).toBe("=KAISER.EBITDAFLOOR(MonthlyEBITDA[PeriodEnd], Dispositions[Date], Dispositions[[Attributable1M]:[Attributable3M]])");
  });
});

describe("never overwriting", () => {
  it("adds KAISER Dashboard (2) when the name is taken, leaving the first as it was [layout]", async () => {
    const state = await withModel();
    await insertDashboard(fakeContext(state).context);
    const first = JSON.stringify(state.sheets[2]);
    state.sheets.push({ name: "kaiser dashboard (2)", values: [], types: [], formulas: [], formats: [] });
    const again = await insertDashboard(fakeContext(state).context);
    expect(again.inserted).toBe(true);
    expect(again.message).toContain('"KAISER Dashboard (3)"');
    expect(state.sheets.map((s) => s.name)).toEqual(["Sheet1", "Amendment Model", "KAISER Dashboard", "kaiser dashboard (2)", "KAISER Dashboard (3)"]);
    expect(JSON.stringify(state.sheets[2])).toBe(first);
  });

  it.each([
    ["an empty workbook", () => Promise.resolve(emptyState()), "the name AsOfDate", 1],
    [
      "a model without its PPEEvents table",
      async () => {
        const s = await withModel();
        s.tables = s.tables.filter((t) => t.name !== "PPEEvents");
        return s;
      },
      "the table PPEEvents",
      1,
    ],
    [
      "a model whose DailyOutstandings has no Outstandings column",
      async () => {
        const s = await withModel();
        const t = s.tables.find((x) => x.name === "DailyOutstandings");
        if (t !== undefined) t.columns = ["Date", "Balance"];
        return s;
      },
      "the column Outstandings of the table DailyOutstandings",
      2,
    ],
  ])("changes nothing in %s and names the first input missing [layout]", async (_what, make, missing, syncs) => {
    const state = await make();
    const before = JSON.stringify(state);
    const fake = fakeContext(state);
    const result = await insertDashboard(fake.context);
    expect(result.inserted).toBe(false);
    expect(result.message).toBe(`Nothing was changed: the dashboard needs ${missing}, which the workbook does not have. Insert model adds a model with every input, or press Validate to see what is missing.`);
    expect(fake.changes).toEqual([]);
    expect(JSON.stringify(state)).toBe(before);
    expect(fake.syncs()).toBe(syncs);
  });
});

/**
 * The pane's Excel side with stand-ins for office.js: which host the pane is in
 * (Office.onReady), and that a finding's link selects its cell in one sync.
 */
import { validate } from "../../src/review/review";
import type { WorkbookSnapshot } from "../../src/review/snapshot";
import { calculatingCells, readOpenWorkbook } from "../../taskpane/office";
import { detectHost, selectCell, selectTarget } from "../../taskpane/office";
import { fakeContext, stateFromSnapshot } from "../support/fakeExcel";
import { model, setNamed } from "../support/snapshots";

type Global = { Office?: unknown; Excel?: unknown; window?: unknown };
const g = globalThis as Global;

/** A request context whose worksheets record what the pane asks of them, and count syncs. */
function workbookMock(): { context: Excel.RequestContext; calls: string[]; syncs: () => number } {
  const calls: string[] = [];
  let syncs = 0;
  const context = {
    workbook: {
      worksheets: {
        getItem: (name: string) => ({
          activate: () => calls.push(`activate ${name}`),
          getRange: (address: string) => ({ select: () => calls.push(`select ${name}!${address}`) }),
        }),
      },
    },
    sync: async () => {
      syncs++;
      calls.push("sync");
    },
  };
  return { context: context as unknown as Excel.RequestContext, calls, syncs: () => syncs };
}

/** office.js as far as the pane uses it: onReady and the context's host and platform. */
function officeStandIn(host: string | null, platform: string | null, ready = true): unknown {
  return {
    onReady: () => (ready ? Promise.resolve({ host, platform }) : new Promise(() => undefined)),
    context: { host, platform },
  };
}

afterEach(() => {
  delete g.Office;
  delete g.Excel;
  delete g.window;
});

describe("selecting a finding's cell", () => {
  it("activates the sheet and selects the range in one sync [task pane]", async () => {
    const { context, calls, syncs } = workbookMock();
    await selectTarget(context, { sheet: "Amendment Model", address: "B5" });
    expect(calls).toEqual(["activate Amendment Model", "select Amendment Model!B5", "sync"]);
    expect(syncs()).toBe(1);
  });

  it("goes through Excel.run in Excel [task pane]", async () => {
    const { context, calls } = workbookMock();
    g.Excel = { run: (batch: (c: Excel.RequestContext) => Promise<unknown>) => batch(context) };
    await selectCell({ sheet: "<img src=x onerror=alert(1)>", address: "A1:C3" });
    expect(calls).toEqual(["activate <img src=x onerror=alert(1)>", "select <img src=x onerror=alert(1)>!A1:C3", "sync"]);
  });
});

describe("telling the host apart", () => {
  it("runs without Office when office.js did not load [task pane]", async () => {
    await expect(detectHost(50)).resolves.toEqual({ kind: "none", description: "Excel is not available here (office.js did not load)" });
  });

  it("runs without Office when office.js loaded in a plain browser [task pane]", async () => {
    g.window = globalThis;
    g.Office = officeStandIn(null, null);
    await expect(detectHost(50)).resolves.toEqual({ kind: "none", description: "Excel is not available here (not running inside Office)" });
  });

  it("gives up waiting for Office after the timeout and works as a web page [task pane]", async () => {
    g.window = globalThis;
    g.Office = officeStandIn("Excel", "PC", false);
    await expect(detectHost(20)).resolves.toMatchObject({ kind: "none" });
  });

  it.each([
    ["PC", "Running in Excel on Windows"],
    ["Mac", "Running in Excel on Mac"],
    ["OfficeOnline", "Running in Excel on the web"],
    ["iOS", "Running in Excel on iPad"],
  ])("names Excel on platform %s [task pane]", async (platform, description) => {
    g.window = globalThis;
    g.Office = officeStandIn("Excel", platform);
    await expect(detectHost(50)).resolves.toEqual({ kind: "excel", description });
  });

  it("says which requirement sets this Excel lacks, asked with isSetSupported, and offers the file mode [task pane]", async () => {
    g.window = globalThis;
    const supported = new Set(["ExcelApi 1.7"]);
    const office = officeStandIn("Excel", "PC") as { context: Record<string, unknown> };
    office.context.requirements = { isSetSupported: (name: string, version: string) => supported.has(`${name} ${version}`) };
    g.Office = office;
    await expect(detectHost(50)).resolves.toEqual({
      kind: "none",
      description: "Excel on Windows here lacks ExcelApi 1.8, CustomFunctionsRuntime 1.2, which the add-in needs: update to Microsoft 365, or open an .xlsx file to validate it",
    });
    supported.add("ExcelApi 1.8").add("CustomFunctionsRuntime 1.2");
    await expect(detectHost(50)).resolves.toEqual({ kind: "excel", description: "Running in Excel on Windows" });
  });

  it("does not offer Excel's actions inside another Office application [task pane]", async () => {
    g.window = globalThis;
    g.Office = officeStandIn("Word", "PC");
    await expect(detectHost(50)).resolves.toEqual({ kind: "none", description: "Running in Word, not Excel: open an .xlsx file to validate it" });
  });
});

describe("reading the open workbook while Excel calculates", () => {
  /** The model as Excel shows it while the KAISER functions of its outputs are still computing. */
  function calculating(): WorkbookSnapshot {
    const s = model();
    for (const name of ["PPESubcomponent", "BorrowingBase", "Threshold", "AvailabilityReserve", "Availability"]) setNamed(s, name, { value: { error: "#BUSY!" } });
    return s;
  }

  /** An Excel whose workbook shows each snapshot in turn, one per Excel.run (the last one from then on). */
  function excelShowing(snapshots: WorkbookSnapshot[]): { runs: () => number } {
    let runs = 0;
    g.Excel = {
      run: (batch: (c: Excel.RequestContext) => Promise<unknown>) => batch(fakeContext(stateFromSnapshot(snapshots[Math.min(runs++, snapshots.length - 1)])).context),
    };
    return { runs: () => runs };
  }

  it("counts the cells that show #BUSY! [task pane]", () => {
    expect(calculatingCells(calculating())).toBe(5);
    expect(calculatingCells(model())).toBe(0);
  });

  it("reads again after a pause while cells show #BUSY!, so a model just inserted validates clean [task pane]", async () => {
    const excel = excelShowing([calculating(), calculating(), model()]);
    const waits: number[] = [];
    const snapshot = await readOpenWorkbook([1, 1, 1], (cells) => waits.push(cells));
    expect(excel.runs()).toBe(3);
    expect(waits).toEqual([5, 5]);
    expect(validate(snapshot)).toEqual([]);
  });

  it("reads once when nothing is calculating [task pane]", async () => {
    const excel = excelShowing([model()]);
    await readOpenWorkbook([1, 1]);
    expect(excel.runs()).toBe(1);
  });

  it("stops waiting after the last pause and checks what Excel shows [task pane]", async () => {
    const excel = excelShowing([calculating()]);
    const snapshot = await readOpenWorkbook([1, 1]);
    expect(excel.runs()).toBe(3);
    expect(validate(snapshot).map((f) => f.ruleId)).toContain("output-mismatch");
  });
});

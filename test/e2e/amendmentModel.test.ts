/**
 * End to end: examples/amendment-model.xlsx, loaded into HyperFormula with every KAISER function
 * registered through the same adapter code Excel calls, recalculated from its inputs (the cached
 * results in the file are ignored), and every output cell compared with the figure worked by hand
 * from the amendment. Also: each KAISER formula spills to the size its function returns, the size
 * the file records, and nothing blocks it.
 */
import * as fs from "fs";
import * as path from "path";
import { CellType } from "hyperformula";
import type { CellValue as HfCellValue } from "hyperformula";
import { dec, Dec } from "../../src/engine/decimal";
import { serial } from "../../src/engine/dates";
import { parseRange } from "../../src/review/snapshot";
import { EXAMPLE, MODEL_TEMPLATE, TemplateCell } from "../../src/review/template";
import { term } from "../../src/engine/terms";
import { loadWorkbook, LoadedWorkbook } from "./support/hyperformulaWorkbook";

const FILE = path.resolve(__dirname, "../../examples/amendment-model.xlsx");
const SHEET = MODEL_TEMPLATE.sheet;

let book: LoadedWorkbook;

beforeAll(async () => {
  book = await loadWorkbook(fs.readFileSync(FILE));
});

afterAll(() => book?.hf.destroy());

function outputCell(figure: string): TemplateCell {
  const cell = MODEL_TEMPLATE.cells.find((c) => c.figure === figure && c.formula !== undefined);
  if (cell === undefined) throw new Error(`the model has no output for ${figure}`);
  return cell;
}

function spillCell(predicate: (c: TemplateCell) => boolean): TemplateCell {
  const cell = MODEL_TEMPLATE.cells.find((c) => c.formula !== undefined && predicate(c));
  if (cell === undefined) throw new Error("no such formula in the model");
  return cell;
}

/** The cell `rows` below and `cols` right of an address. */
function offset(address: string, rows: number, cols: number): string {
  const r = parseRange(address);
  if (r === undefined) throw new Error(address);
  const letters = (n: number): string => (n < 26 ? String.fromCharCode(65 + n) : letters(Math.floor(n / 26) - 1) + String.fromCharCode(65 + (n % 26)));
  return `${letters(r.start.col + cols)}${r.start.row + rows + 1}`;
}

/** A recalculated amount as an exact decimal string (HyperFormula hands back the adapter's number). */
function amountAt(address: string): string {
  const v: HfCellValue = book.cell(SHEET, address);
  if (typeof v !== "number") throw new Error(`${address} holds ${JSON.stringify(v)}, not a number`);
  return dec(v).toString();
}

/** The hand-worked decimal as the adapter hands it to Excel: converted to a number at the very end. */
function asExcel(value: Dec): string {
  return dec(value.toNumber()).toString();
}

describe("the model's inputs, as the file holds them", () => {
  it("loads the example inputs the model is built on [1.1(f)]", () => {
    expect(book.named("ReceivablesComponent")).toBe(EXAMPLE.receivablesComponent.toNumber());
    expect(book.named("EligibleInventory")).toBe(EXAMPLE.eligibleInventory.toNumber());
    expect(book.named("NetRecoveryPercentage")).toBe(EXAMPLE.netRecoveryPercentage.toNumber());
    expect(book.named("OLVInPlaceValue")).toBe(EXAMPLE.olvInPlaceValue.toNumber());
    expect(book.named("RevolvingCommitmentAmount")).toBe(term("revolvingCommitmentAmount").toNumber());
    expect(book.named("AsOfDate")).toBe(serial(2004, 12, 31));
  });
});

describe("every output cell, recalculated, against the figures worked by hand", () => {
  // Inputs: receivables 95,000,000; Eligible Inventory 180,000,000; Net Recovery Percentage 72%;
  // OLV In-Place Value 90,000,000; KBC Allocable Amount 4,500,000; as of 2004-12-31.
  const outstandings = EXAMPLE.revolvingCreditOutstandings;

  it.each([
    // 1.1(f)(b): least of $125,000,000, 65% × 180,000,000 = 117,000,000 and 85% × 72% × 180,000,000 = 110,160,000.
    ["clauseB", "110160000", "1.1(f)(b)"],
    // 1.1(t): (a) disposition 1,250,000; (b) 2004-09-08 event 5,000,000; (b) 2004-09-24 second event in September, 0;
    // (c)(1) Gramercy cash 23,000,000: lesser of 23,000,000 and the greater of 4,500,000 and 3,000,000, plus
    // 50% × (23,000,000 − 4,500,000 − 3,000,000) = 4,500,000 + 7,750,000 = 12,250,000; (b) 2004-10-25 event limited
    // by the $25,000,000 floor: 45,000,000 − 20,000,000 … 26,500,000 − 25,000,000 = 1,500,000; (c)(2) VALCO cash
    // 9,000,000: 7,000,000 + 50% × 2,000,000 = 8,000,000; (d) intercompany 2,000,000. Total 30,000,000.
    ["ppeReductions", "30000000", "1.1(t)"],
    // 1.1(f)(c): lesser of 50,000,000 and 50% × 90,000,000 = 45,000,000, less 30,000,000.
    ["ppeSubcomponent", "15000000", "1.1(f)(c)"],
    // 1.1(f): 95,000,000 + 110,160,000 + 15,000,000.
    ["borrowingBase", "220160000", "1.1(f)"],
    // 1.1(aa): 85% × (95,000,000 + 110,160,000).
    ["threshold", "174386000", "1.1(aa)"],
    // 1.1(e): lesser of 20,000,000 and 10% × 200,000,000.
    ["availabilityReserve", "20000000", "1.1(e)"],
    // 1.1(c): LIFO 12,000,000 + 8,000,000 (the rest of the $20,000,000 cap, of a 10,500,000 charge), pension
    // 30,000,000, BPA 6,000,000, asbestos 2,750,000 (no cap).
    ["aneExclusions", "58750000", "1.1(c)"],
    // 5(d): 0.00875 × 200,000,000.
    ["amendmentFee", "1750000", "5(d)"],
  ])("%s is %s [%s]", (figure, expected) => {
    expect(amountAt(outputCell(figure).address)).toBe(expected);
  });

  it("Availability is the lesser of the commitment and the Borrowing Base less the reserve, less outstandings [1.1(e)]", () => {
    // min(200,000,000, 220,160,000 − 20,000,000 = 200,160,000) − outstandings on 2004-12-31.
    expect(amountAt(outputCell("availability").address)).toBe(dec(200000000).minus(outstandings).toString());
  });

  it.each([
    // Above the Threshold on 09-01, 02, 03, 07, 08 (Labor Day 09-06 is no Business Day): five consecutive, clause (x).
    ["firstThresholdEvent", serial(2004, 9, 8), "1.1(aa)"],
    // Three consecutive Business Days for Section 9.2.4: 09-01, 02, 03.
    ["firstThresholdEvent3", serial(2004, 9, 3), "1.1(aa), 9.2.4"],
  ])("%s is the serial of its date, %s [%s]", (figure, expected) => {
    expect(book.cell(SHEET, outputCell(figure).address)).toBe(expected);
  });

  describe("Minimum EBITDA per period [9.2.4]", () => {
    const floor = spillCell((c) => /EBITDAFLOOR/.test(c.formula ?? ""));
    const test = spillCell((c) => /EBITDATEST/.test(c.formula ?? ""));
    // Dispositions, each with its Attributable EBITDA Amount for the 1, 2 and 3 months (Reading R-EBITDA-PERIOD-AMOUNT):
    // Gramercy/KJBC on 2004-10-01 (1,550,000 / 3,050,000 / 4,600,000), VALCO on 2004-11-15 (1,000,000 / 2,440,000 / 3,600,000);
    // days remaining = end − date.
    it.each([
      // 1 month to 10/31 (31 days): −22,500,000 − 1,550,000 × 30/31; VALCO after the period: none.
      [0, dec(-22500000).minus(dec(1550000).times(30).dividedBy(31)), "-24000000"],
      // 2 months to 11/30 (61 days): −20,500,000 − 3,050,000 × 60/61 − 2,440,000 × 15/61.
      [1, dec(-20500000).minus(dec(3050000).times(60).dividedBy(61)).minus(dec(2440000).times(15).dividedBy(61)), "-24100000"],
      // 3 months to 12/31 (92 days): −19,500,000 − 4,600,000 × 91/92 − 3,600,000 × 46/92.
      [2, dec(-19500000).minus(dec(4600000).times(91).dividedBy(92)).minus(dec(3600000).times(46).dividedBy(92)), "-25850000"],
    ])("period %i's floor is worked from the table and the dispositions [9.2.4]", (row, expected, exact) => {
      const value = amountAt(offset(floor.address, row, 0));
      expect(value).toBe(asExcel(expected));
      if (exact !== undefined) expect(value).toBe(exact);
    });

    it("each period passes: EBITDA −18,250,000, −21,400,000 and −20,900,000 are not less than the floors, and the covenant runs from September [9.2.4]", () => {
      expect([0, 1, 2].map((r) => book.cell(SHEET, offset(test.address, r, 0)))).toEqual(["PASS", "PASS", "PASS"]);
    });
  });

  it("the PPE schedule shows each event with the reduction worked above, ending at 15,000,000 [1.1(t)]", () => {
    const schedule = spillCell((c) => /PPESCHEDULE/.test(c.formula ?? ""));
    const rows = Array.from({ length: 8 }, (_, r) => Array.from({ length: 7 }, (_, c) => book.cell(SHEET, offset(schedule.address, r, c))));
    expect(rows[0][0]).toBe("Date");
    expect(rows.slice(1).map((r) => [r[0], r[1], r[3], r[4], r[5]])).toEqual([
      [serial(2004, 7, 15), "DISPOSITION", 1250000, 1250000, 43750000],
      [serial(2004, 9, 8), "THRESHOLDEVENT", 5000000, 6250000, 38750000],
      [serial(2004, 9, 24), "THRESHOLDEVENT", 0, 6250000, 38750000],
      [serial(2004, 10, 1), "GRAMERCY", 12250000, 18500000, 26500000],
      [serial(2004, 10, 25), "THRESHOLDEVENT", 1500000, 20000000, 25000000],
      [serial(2004, 11, 15), "VALCO", 8000000, 28000000, 17000000],
      [serial(2004, 12, 15), "INTERCOMPANY", 2000000, 30000000, 15000000],
    ]);
  });
});

describe("spills", () => {
  const kaiserFormulas = (): LoadedWorkbook["formulas"] => book.formulas.filter((f) => /KAISER\./i.test(f.loaded));

  it("recalculates every KAISER formula of the model through the bridge [Terms]", () => {
    const inTemplate = MODEL_TEMPLATE.cells.filter((c) => /KAISER\./i.test(c.formula ?? "")).map((c) => c.address);
    const recalculated = kaiserFormulas().map((f) => offset("A1", f.row, f.col));
    expect(recalculated.sort()).toEqual([...inTemplate].sort());
    for (const f of kaiserFormulas()) {
      const id = /KAISER\.[A-Z0-9.]+/i.exec(f.loaded)?.[0].toUpperCase();
      expect({ formula: f.loaded, called: book.returnedSize(f.sheetName, offset("A1", f.row, f.col), id) !== undefined }).toEqual({ formula: f.loaded, called: true });
    }
  });

  it("each formula spills to the size its function returns, the size the file records, with nothing in the way [Terms]", () => {
    for (const f of book.formulas) {
      const anchor = offset("A1", f.row, f.col);
      const value = book.cell(f.sheetName, anchor);
      expect({ anchor, error: typeof value === "object" && value !== null ? value : undefined }).toEqual({ anchor, error: undefined });
      const size = book.returnedSize(f.sheetName, anchor);
      const stored = f.storedSpill ?? { rows: 1, cols: 1 };
      if (size !== undefined) expect({ anchor, rows: size.rows, cols: size.cols }).toEqual({ anchor, ...stored });
      const sheet = book.hf.getSheetId(f.sheetName) as number;
      const last = { sheet, row: f.row + stored.rows - 1, col: f.col + stored.cols - 1 };
      if (stored.rows > 1 || stored.cols > 1) {
        expect(book.hf.getCellType(last)).toBe(CellType.ARRAY);
        expect(book.hf.getCellType({ ...last, row: last.row + 1 })).not.toBe(CellType.ARRAY);
      }
    }
  });

  it("the Minimum EBITDA formulas spill one row per MonthlyEBITDA period and the PPE schedule a header and one row per event [9.2.4]", () => {
    const periods = MODEL_TEMPLATE.tables.find((t) => t.name === "MonthlyEBITDA")?.rows.length;
    const events = MODEL_TEMPLATE.tables.find((t) => t.name === "PPEEvents")?.rows.length ?? 0;
    expect(book.returnedSize(SHEET, spillCell((c) => /EBITDAFLOOR/.test(c.formula ?? "")).address)).toMatchObject({ rows: periods, cols: 1 });
    expect(book.returnedSize(SHEET, spillCell((c) => /EBITDATEST/.test(c.formula ?? "")).address)).toMatchObject({ rows: periods, cols: 1 });
    expect(book.returnedSize(SHEET, spillCell((c) => /PPESCHEDULE/.test(c.formula ?? "")).address)).toMatchObject({ rows: events + 1, cols: 7 });
  });
});

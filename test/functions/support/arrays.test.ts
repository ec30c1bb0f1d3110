/**
 * Whole-column references, minus zero and results Excel can receive (issue 12, items 2, 3 and 6;
 * CONVENTIONS.md "Single values and ranges"; ERRATA item 3; RUNTIME.md "Size").
 */
import { serial } from "../../../src/engine/dates";
import { dec } from "../../../src/engine/decimal";
import * as engineFees from "../../../src/engine/fees";
import { term } from "../../../src/engine/terms";
import { addBusinessDays, isBusinessDay } from "../../../src/functions/businessDays";
import { availability, inventoryComponent } from "../../../src/functions/borrowingBase";
import { amendmentFee, commitmentFee } from "../../../src/functions/fees";
import { lenderAllocation } from "../../../src/functions/lenders";
import { optionIncome } from "../../../src/functions/optionGrant";
import { thresholdEvents } from "../../../src/functions/thresholdEvent";
import { estimateResultCharacters, fitForExcel, Matrix, SHORT_MESSAGE_LENGTH } from "../../../src/functions/support/arrays";
import { KaiserError } from "../../../src/functions/support/excelError";
import { column, errorOf, only } from "../../support/cells";

/** Excel's last row: a whole-column reference A:A passes this many rows. */
const EXCEL_ROWS = 1048576;

/** A whole column as Excel passes `A:A`: the values at the top, the rest of the 1,048,576 rows blank. */
function wholeColumn(values: readonly unknown[]): unknown[][] {
  return Array.from({ length: EXCEL_ROWS }, (_, i) => [i < values.length ? values[i] : null]);
}

const LABOR_DAY_2004 = serial(2004, 9, 6);

describe("whole-column references (ERRATA, item 3) [1.1(aa), 5(d)]", () => {
  it("=KAISER.ISBUSINESSDAY(A:A) over 10 used rows spills 10 cells, a blank row inside blank [1.1(aa)]", () => {
    const used = [LABOR_DAY_2004 - 3, LABOR_DAY_2004 - 2, LABOR_DAY_2004 - 1, LABOR_DAY_2004, null, LABOR_DAY_2004 + 1, LABOR_DAY_2004 + 2, LABOR_DAY_2004 + 3, LABOR_DAY_2004 + 4, LABOR_DAY_2004 + 5];
    const result = isBusinessDay(wholeColumn(used) as never);
    expect(result).toEqual([[true], [false], [false], [false], [""], [true], [true], [true], [true], [false]]);
  });

  it("=KAISER.AMENDMENTFEE(A:A) shows no fee on blank rows; the default still applies to an omitted argument [5(d)]", () => {
    expect(amendmentFee(wholeColumn([200000000, null, 100000000]) as never)).toEqual([[1750000], [""], [875000]]);
    expect(only(amendmentFee())).toBe(1750000);
    expect(only(amendmentFee([[null]] as never))).toBe(1750000);
  });

  it("follows the argument rules where any range argument is present: a blank required one is #VALUE!, a blank optional one its default [1.1(e), 1.3]", () => {
    const result = availability(column([315000000, null, null]) as never, column([150000000, 10000000, null]) as never);
    expect(result.length).toBe(2);
    expect(result[0][0]).toBe(50000000);
    expect(errorOf(result[1][0])?.code).toBe("#VALUE!");
    expect(errorOf(result[1][0])?.message).toContain("borrowingBase");
    const fees = commitmentFee(wholeColumn([100000000, 100000000]) as never, wholeColumn([90, 90]) as never, wholeColumn([null, 365]) as never);
    expect(fees).toEqual([[engineFees.commitmentFee(dec(100000000), 90).toNumber()], [engineFees.commitmentFee(dec(100000000), 90, 365).toNumber()]]);
  });

  it("is one blank cell when every range argument is blank [1.1(f)(b)]", () => {
    expect(inventoryComponent(wholeColumn([]) as never)).toEqual([[""]]);
  });

  it("trims a whole row to its used columns, and a block to its used rows and columns [1.1(aa)]", () => {
    const row = [[LABOR_DAY_2004, null, LABOR_DAY_2004 + 1, ...Array.from({ length: 16381 }, () => null)]];
    expect(isBusinessDay(row as never)).toEqual([[false, "", true]]);
    const block = [
      [LABOR_DAY_2004, null, null],
      [null, LABOR_DAY_2004 + 1, null],
      [null, null, null],
    ];
    expect(isBusinessDay(block as never)).toEqual([
      [false, ""],
      ["", true],
    ]);
  });

  it("gives a scalar argument against a whole column to the used rows only [1.1(aa)]", () => {
    expect(addBusinessDays(wholeColumn([serial(2004, 9, 3), serial(2004, 9, 7)]) as never, [[1]] as never)).toEqual([[serial(2004, 9, 7)], [serial(2004, 9, 8)]]);
  });

  it("ignores the trailing blank rows of series (THRESHOLDEVENTS over whole columns) [1.1(aa)]", () => {
    const start = serial(2004, 9, 1);
    const days = Array.from({ length: 8 }, (_, i) => start + i);
    const whole = thresholdEvents(wholeColumn(days) as never, wholeColumn(days.map(() => 300000000)) as never, [[200000000]] as never);
    const rows = thresholdEvents(column(days) as never, column(days.map(() => 300000000)) as never, [[200000000]] as never);
    expect(whole).toEqual(rows);
  });
});

describe("minus zero is zero (issue 12, item 6) [Schedule A, Grant letter ¶4]", () => {
  it("takes −0 as the amount 0 in KAISER.LENDERALLOCATION [Schedule A]", () => {
    const result = lenderAllocation([[-0]] as never);
    expect(result[0].every((v) => Object.is(v, 0))).toBe(true);
  });
  it("returns 0, not −0, from KAISER.OPTIONINCOME(1, 2, 0) [Grant letter ¶4]", () => {
    expect(Object.is(only(optionIncome([[1]] as never, [[2]] as never, [[0]] as never)), 0)).toBe(true);
  });
});

describe("results Excel can receive (RUNTIME.md, Size) [5(d)]", () => {
  const limit = term("maxResultCharacters").toNumber();

  it("answers one #VALUE! giving the size and asking to split the range, past the maxResultCharacters term [5(d)]", () => {
    const rows = 200000;
    const result = amendmentFee(Array.from({ length: rows }, (_, i) => [200000000 + i]) as never);
    const error = errorOf(only(result));
    expect(error?.code).toBe("#VALUE!");
    expect(error?.message).toBe("the result is 200,000 rows × 1 columns, too large for Excel to receive; split the range");
  });

  it("returns a spill below the limit whole [5(d)]", () => {
    const result = amendmentFee(Array.from({ length: 50000 }, (_, i) => [200000000 + i]) as never);
    expect(result.length).toBe(50000);
    expect(estimateResultCharacters(result)).toBeLessThan(limit);
  });

  it("keeps messages inside a large spill short, so 10,000 bad cells still reach Excel [1.1(f)(b)]", () => {
    const result = inventoryComponent(Array.from({ length: 10000 }, () => ["1,000,000 dollars of inventory"]) as never);
    expect(result.length).toBe(10000);
    for (const [cell] of result) {
      expect(errorOf(cell)?.code).toBe("#VALUE!");
      expect((errorOf(cell)?.message ?? "").length).toBeLessThanOrEqual(SHORT_MESSAGE_LENGTH);
      expect(errorOf(cell)?.message).toMatch(/^eligibleInventory must be a number/);
    }
  });

  it("keeps full messages in a small result [1.1(f)(b)]", () => {
    const message = errorOf(only(inventoryComponent([["1,000,000 dollars of inventory"]] as never)))?.message;
    expect(message).toBe('eligibleInventory must be a number, not the text "1,000,000 dollars of inventory"');
  });

  it("estimates numbers, text, booleans and errors by their JSON length", () => {
    const m: Matrix = [[1750000, "ab", true, new KaiserError("#VALUE!", "x")]];
    expect(estimateResultCharacters(m)).toBe(32 + 2 + 3 + (7 + 1) + (4 + 1) + (4 + 1) + (144 + 1 + 1));
    expect(fitForExcel([[1]])).toEqual([[1]]);
  });

  it("sizes amounts in cents as their JSON text, without building it [1.1(f)]", () => {
    const values = [0.5, -0.05, 12.1, 12.25, 1e12 + 0.01, 9999999999999.99, 0.1 + 0.2, 1e-7, 123456.7, -315000000.25, 2 ** 60 + 0.5];
    let x = 12345;
    for (let i = 0; i < 2000; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      values.push(((x % 2 === 0 ? 1 : -1) * (x % 10000000000)) / 100);
    }
    for (const v of values) expect(estimateResultCharacters([[v]])).toBe(32 + 2 + 3 + JSON.stringify(v).length + 1);
  });

  it("sizes every kind of number as its JSON text, without building it, on 200,000 seeded doubles [5(d)]", () => {
    // Products and quotients of amounts and rates (BORROWINGBASE's six places), sub-cent values,
    // powers of ten and their neighbours, 15 to 17 significant digits, tiny, huge and exponent forms.
    const values: number[] = [1e-5, 9.99999e-6, 1e-6, 0.1, 0.01, 1e-4, 1e15 - 0.5, 1e15, 1e15 + 2, 1e21, 1e22, 5e-324, Number.MAX_VALUE, -0, 0.30000000000000004, 0.9999999999999999, 99999999999999.99, 123456789012345.6];
    let x = 2024;
    const next = (): number => (x = (x * 1103515245 + 12345) % 2147483648);
    for (let i = 0; i < 200000; i++) {
      const r = next();
      const sign = r % 2 === 0 ? 1 : -1;
      const kind = r % 7;
      const base = next() * 100 + next();
      let v: number;
      if (kind === 0) v = base / 10 ** (next() % 9);
      else if (kind === 1) v = (next() * 1.7) / (1 + (next() % 1000));
      else if (kind === 2) v = ((next() % 1e9) * ((next() % 101) / 100)) / 10 ** (next() % 4);
      else if (kind === 3) v = 10 ** ((next() % 40) - 20) * (1 + (next() % 3) * 2 ** -52);
      else if (kind === 4) v = (next() / 2147483648) * 10 ** ((next() % 30) - 10);
      else if (kind === 5) v = (base % 1e15) + (next() % 100) / 100;
      else v = (next() % 1e6) / 1e6 / 10 ** (next() % 6);
      values.push(sign * v);
    }
    const wrong = values.filter((v) => estimateResultCharacters([[v]]) !== 32 + 2 + 3 + JSON.stringify(v).length + 1);
    expect(wrong).toEqual([]);
  });

  it("sizes texts as their JSON, past the 1,024 remembered and the 256 characters a remembered one may have [5(d)]", () => {
    const texts = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? `"quoted" \\ note ${i}\n` : i % 3 === 1 ? "x".repeat(200 + (i % 120)) : `(b) skipped: already reduced in ${i}`));
    // Each text twice, the second time from the cache where it was kept.
    const m: Matrix = [...texts, ...texts].map((t) => [t]);
    expect(estimateResultCharacters(m)).toBe(32 + 2 + m.reduce((n, [t]) => n + 3 + JSON.stringify(t).length + 1, 0));
  });

  it("answers a whole column of amounts at once with the one #VALUE!, its size in the message [5(d)]", () => {
    const result = amendmentFee(Array.from({ length: EXCEL_ROWS }, (_, i) => [200000000 + i]) as never);
    expect(errorOf(only(result))?.message).toBe("the result is 1,048,576 rows × 1 columns, too large for Excel to receive; split the range");
  });
});

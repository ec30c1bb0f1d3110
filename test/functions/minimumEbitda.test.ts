import { serial } from "../../src/engine/dates";
import { MinimumEbitdaMessages } from "../../src/engine/minimumEbitda";
import { ebitdaFloor, ebitdaHeadroom, ebitdaTest } from "../../src/functions/minimumEbitda";
import { column, errorCell, errorOf, only } from "../support/cells";

const OCT = serial(2004, 10, 31);
const NOV = serial(2004, 11, 30);
const DEC = serial(2004, 12, 31);

describe("KAISER.EBITDAFLOOR as Excel calls it [9.2.4]", () => {
  it("gives the table's minimum for each period end, as a column [9.2.4]", () => {
    expect(ebitdaFloor(column([OCT, NOV, DEC]))).toEqual([[-22500000], [-20500000], [-19500000]]);
  });

  it("gives −20,500,000 − 3,000,000 × 15/61 for a disposition on 2004-11-15 [9.2.4]", () => {
    expect(only(ebitdaFloor([[NOV]], [[serial(2004, 11, 15)]], [[3000000]]))).toBe(-20500000 - (3000000 * 15) / 61);
  });

  it("reads the disposition columns whole, ignoring blank rows at the end [9.2.4]", () => {
    const dates = column([serial(2004, 10, 31), serial(2004, 11, 20), null, null]);
    const amounts = column([6100000, 610000, null, ""]);
    expect(only(ebitdaFloor(NOV as never, dates, amounts))).toBe(-23600000);
  });

  it("treats omitted and blank disposition arguments as none [9.2.4]", () => {
    expect(only(ebitdaFloor([[DEC]], [[null]], [[null]]))).toBe(-19500000);
    expect(only(ebitdaFloor([[DEC]]))).toBe(-19500000);
  });

  it("gives #N/A with a message for a period the table does not set, in its own cell [9.2.4]", () => {
    const result = ebitdaFloor(column([OCT, serial(2005, 1, 31)]));
    expect(result[0][0]).toBe(-22500000);
    expect(errorOf(result[1][0])?.code).toBe("#N/A");
    expect(errorOf(result[1][0])?.message).toContain("no minimum EBITDA is set for the period ending 2005-01-31");
  });

  it("gives #VALUE! naming the row for a date without an amount [9.2.4]", () => {
    const e = errorOf(only(ebitdaFloor([[NOV]], column([serial(2004, 11, 1), serial(2004, 11, 2)]), column([1000, null]))));
    expect(e?.code).toBe("#VALUE!");
    expect(e?.message).toContain("attributableAmounts row 2");
  });

  it("gives #VALUE! when the disposition columns differ in length [9.2.4]", () => {
    expect(errorOf(only(ebitdaFloor([[NOV]], column([1, 2, 3]), column([1, 2]))))?.code).toBe("#VALUE!");
  });

  it("gives #VALUE! for text and #NUM! for a date that is not a valid serial [9.2.4]", () => {
    expect(errorOf(only(ebitdaFloor([["Nov-04"]])))?.code).toBe("#VALUE!");
    expect(errorOf(only(ebitdaFloor([[-5]])))?.code).toBe("#NUM!");
  });
});

describe("KAISER.EBITDAFLOOR with one Attributable EBITDA Amount per period (Reading R-EBITDA-PERIOD-AMOUNT) [9.2.4]", () => {
  // A Gramercy/KJBC disposition on 2004-11-15: 1,000,000 for the 1 month, 2,000,000 for the 2 months, 3,000,000 for the 3 months.
  const date = [[serial(2004, 11, 15)]];
  const amounts = [[1000000, 2000000, 3000000]];

  it("uses each period's own amount: October none (the period ends first), November 2,000,000 × 15/61, December 3,000,000 × 46/92 [9.2.4]", () => {
    expect(ebitdaFloor(column([OCT, NOV, DEC]), date, amounts)).toEqual([[-22500000], [-20500000 - (2000000 * 15) / 61], [-21000000]]);
    expect(ebitdaFloor(column([OCT, NOV, DEC]), date, amounts)[1][0]).toBe(-20991803.278688524);
  });

  it("keeps one column as the amount of every period, as before [9.2.4]", () => {
    expect(ebitdaFloor(column([NOV, DEC]), date, [[3000000]])).toEqual([[-20500000 - (3000000 * 15) / 61], [-21000000]]);
  });

  it("reads three whole columns beside the dates, ignoring blank rows at the end [9.2.4]", () => {
    // Two dispositions: 2004-10-31 (6,100,000 for the 2 months: × 30/61 = 3,000,000) and 2004-11-20 (610,000: × 10/61 = 100,000).
    const dates = column([serial(2004, 10, 31), serial(2004, 11, 20), null, null]);
    const three = [
      [0, 6100000, 9200000],
      [0, 610000, 920000],
      [null, null, null],
      ["", null, null],
    ];
    expect(ebitdaFloor(column([OCT, NOV, DEC]), dates, three)).toEqual([
      // October: the 2004-10-31 disposition leaves no day (its 1-month amount is 0 anyway); 2004-11-20 is after.
      [-22500000],
      [-23600000],
      // December: 9,200,000 × 61/92 + 920,000 × 41/92 = 6,100,000 + 410,000.
      [-26010000],
    ]);
  });

  it("tests and gives the headroom against the period's own floor [9.2.4]", () => {
    expect(only(ebitdaTest([[NOV]], [[-20991803.28]], [[serial(2004, 9, 30)]], date, amounts))).toBe("FAIL");
    expect(only(ebitdaTest([[NOV]], [[-20991803.27]], [[serial(2004, 9, 30)]], date, amounts))).toBe("PASS");
    expect(only(ebitdaHeadroom([[DEC]], [[-20000000]], [[null]], date, amounts))).toBe(1000000);
  });

  it.each([2, 4])("gives #VALUE! saying so for attributableAmounts of %i columns [9.2.4]", (width) => {
    const e = errorOf(only(ebitdaFloor([[NOV]], date, [Array.from({ length: width }, () => 1000000)])));
    expect(e).toEqual({ code: "#VALUE!", message: MinimumEbitdaMessages.attributableAmountsWidth(width) });
    expect(e?.message).toContain("column 2 the 2 months ending 2004-11-30");
  });

  it("gives #VALUE! naming the column and row of a blank amount, and for columns of another length [9.2.4]", () => {
    const e = errorOf(only(ebitdaFloor([[NOV]], date, [[1000000, null, 3000000]])));
    expect(e?.code).toBe("#VALUE!");
    expect(e?.message).toContain("attributableAmounts column 2 row 1");
    const dates = column([serial(2004, 11, 1), serial(2004, 11, 2)]);
    expect(errorOf(only(ebitdaFloor([[NOV]], dates, [[1, 2, 3]])))?.code).toBe("#VALUE!");
  });

  it("still reads a row of amounts beside a row or a column of dates as one amount per disposition [9.2.4]", () => {
    const three = [[serial(2004, 11, 15), serial(2004, 11, 15), serial(2004, 11, 15)]];
    expect(only(ebitdaFloor([[DEC]], three, [[1000000, 1000000, 1000000]]))).toBe(-21000000);
    expect(only(ebitdaFloor([[DEC]], column(three[0]), [[1000000, 1000000, 1000000]]))).toBe(-21000000);
  });
});

describe("KAISER.EBITDATEST as Excel calls it [9.2.4]", () => {
  it("tests a column of periods against one first Threshold Event [9.2.4]", () => {
    const result = ebitdaTest(column([OCT, NOV, DEC]), column([-25000000, -20500000, -20000000]), [[serial(2004, 11, 9)]]);
    expect(result).toEqual([["NOT TESTED"], ["PASS"], ["FAIL"]]);
  });

  it("is NOT TESTED when the first Threshold Event is blank or #N/A (none occurred) [9.2.4]", () => {
    expect(only(ebitdaTest([[DEC]], [[-30000000]], [[null]]))).toBe("NOT TESTED");
    expect(only(ebitdaTest([[DEC]], [[-30000000]], [[errorCell("#N/A")]]))).toBe("NOT TESTED");
  });

  it("gives #VALUE! for another error as the first Threshold Event [9.2.4]", () => {
    const e = errorOf(only(ebitdaTest([[DEC]], [[0]], [[errorCell("#REF!")]])));
    expect(e?.code).toBe("#VALUE!");
    expect(e?.message).toContain("firstThresholdEvent");
  });

  it("gives #NUM! for a first Threshold Event on or before 2004-08-31 [1.1(aa)]", () => {
    expect(errorOf(only(ebitdaTest([[DEC]], [[0]], [[serial(2004, 8, 31)]])))?.code).toBe("#NUM!");
  });

  it("applies the dispositions to the floor it tests against [9.2.4]", () => {
    expect(only(ebitdaTest([[NOV]], [[-21000000]], [[serial(2004, 9, 30)]], [[serial(2004, 11, 15)]], [[3000000]]))).toBe("PASS");
  });

  it("gives #VALUE! for a blank EBITDA, never 0 [9.2.4]", () => {
    expect(errorOf(only(ebitdaTest([[DEC]], [[null]], [[serial(2004, 9, 30)]])))?.code).toBe("#VALUE!");
  });
});

describe("KAISER.EBITDAHEADROOM as Excel calls it [9.2.4]", () => {
  it("gives EBITDA less the floor, signed, tested or not [9.2.4]", () => {
    expect(ebitdaHeadroom(column([OCT, DEC]), column([-20000000, -20000000]))).toEqual([[2500000], [-500000]]);
    expect(ebitdaHeadroom(column([OCT]), column([-20000000]), [[serial(2004, 12, 1)]])).toEqual([[2500000]]);
  });

  it("checks the first Threshold Event even though it does not change the figure [9.2.4]", () => {
    expect(errorOf(only(ebitdaHeadroom([[OCT]], [[0]], [[serial(2004, 1, 1)]])))?.code).toBe("#NUM!");
  });
});

describe("edge cases", () => {
  it("computes a row of period ends as a row [9.2.4]", () => {
    expect(ebitdaFloor([[OCT, NOV]])).toEqual([[-22500000, -20500000]]);
  });

  it("gives one #VALUE! for an error inside the disposition dates [9.2.4]", () => {
    const e = errorOf(only(ebitdaFloor([[NOV]], column([errorCell()]), column([1]))));
    expect(e?.code).toBe("#VALUE!");
    expect(e?.message).toContain("dispositionDates row 1");
  });
});

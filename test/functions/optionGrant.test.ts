import { serial } from "../../src/engine/dates";
import {
  exerciseDate,
  optionExpiry,
  optionIncome,
  optionVested,
  repurchaseDeadline,
  repurchasePrice,
  splitAdjust,
} from "../../src/functions/optionGrant";
import { column, errorCell, errorOf, only } from "../support/cells";

const FRI_BEFORE_LABOR_DAY = serial(2004, 9, 3);
const TUESDAY_AFTER = serial(2004, 9, 7);
const TIME_459 = (16 * 60 + 59) / 1440;
const TIME_500 = 17 / 24;
const TIME_501 = (17 * 60 + 1) / 1440;

describe("KAISER.OPTIONVESTED as Excel calls it [Grant letter ¶3]", () => {
  it("counts vested shares at a date, one tranche a year from the first vesting date [Grant letter ¶3]", () => {
    expect(only(optionVested([[1000]], [[0.25]], [[serial(2005, 3, 1)]], [[serial(2006, 6, 30)]]))).toBe(500);
  });
  it("spills over a column of as-of dates [Grant letter ¶3]", () => {
    const asOf = column([serial(2005, 2, 28), serial(2005, 3, 1), serial(2007, 3, 1), serial(2009, 1, 1)]);
    expect(optionVested([[1001]], [[0.25]], [[serial(2005, 3, 1)]], asOf)).toEqual([[0], [250], [750], [1001]]);
  });
  it("takes the letter's years and first percentage when given, and treats blanks as their defaults [Grant letter ¶3]", () => {
    expect(only(optionVested([[1000]], [[0.25]], [[serial(2005, 3, 1)]], [[serial(2006, 3, 1)]], [[2]]))).toBe(1000);
    expect(only(optionVested([[1000]], [[0.3]], [[serial(2005, 3, 1)]], [[serial(2006, 3, 1)]], [[null]], [[0.1]]))).toBe(400);
    expect(only(optionVested([[1000]], [[0.25]], [[serial(2005, 3, 1)]], [[serial(2006, 3, 1)]], [[""]], [[null]]))).toBe(500);
  });
  it.each([
    ["a rate of 0", [[1000]], [[0]], [[null]]],
    ["a rate of 25 typed for 25%", [[1000]], [[25]], [[null]]],
    ["a negative grant", [[-1]], [[0.25]], [[null]]],
    ["a fractional grant", [[10.5]], [[0.25]], [[null]]],
    ["years of 0", [[1000]], [[0.25]], [[0]]],
  ])("gives #NUM! for %s [Grant letter ¶3]", (_what, shares, rate, years) => {
    expect(errorOf(only(optionVested(shares, rate, [[serial(2005, 3, 1)]], [[serial(2006, 3, 1)]], years)))?.code).toBe("#NUM!");
  });
  it("gives #VALUE! naming the argument for text or a blank date, never 0 [Grant letter ¶3]", () => {
    const text = errorOf(only(optionVested([["1,000"]], [[0.25]], [[serial(2005, 3, 1)]], [[serial(2006, 3, 1)]])));
    expect(text?.code).toBe("#VALUE!");
    expect(text?.message).toContain("grantShares");
    const blank = errorOf(only(optionVested([[1000]], [[0.25]], [[null]], [[serial(2006, 3, 1)]])));
    expect(blank?.code).toBe("#VALUE!");
    expect(blank?.message).toContain("firstVestDate");
  });
});

describe("KAISER.EXERCISEDATE as Excel calls it [Grant letter ¶4]", () => {
  it("keeps a Friday notice at 4:59 p.m. and 5:00 p.m., and moves one at 5:01 p.m. over Labor Day [Grant letter ¶4]", () => {
    const notices = column([FRI_BEFORE_LABOR_DAY + TIME_459, FRI_BEFORE_LABOR_DAY + TIME_500, FRI_BEFORE_LABOR_DAY + TIME_501]);
    expect(exerciseDate(notices)).toEqual([[FRI_BEFORE_LABOR_DAY], [FRI_BEFORE_LABOR_DAY], [TUESDAY_AFTER]]);
  });
  it("skips the listed holidays, in a column with blank cells [Grant letter ¶4]", () => {
    const holidays = column([serial(2004, 9, 7), null, ""]);
    expect(only(exerciseDate([[FRI_BEFORE_LABOR_DAY + TIME_501]], holidays))).toBe(serial(2004, 9, 8));
    expect(only(exerciseDate([[FRI_BEFORE_LABOR_DAY + TIME_501]], [[null]]))).toBe(TUESDAY_AFTER);
  });
  it("accepts holidays across a row [Grant letter ¶4]", () => {
    expect(only(exerciseDate([[FRI_BEFORE_LABOR_DAY + TIME_501]], [[serial(2004, 9, 7), serial(2004, 9, 8)]]))).toBe(serial(2004, 9, 9));
  });
  it("gives one #VALUE! for a holiday that is text, naming its row [Grant letter ¶4]", () => {
    const e = errorOf(only(exerciseDate([[FRI_BEFORE_LABOR_DAY]], column([serial(2004, 9, 7), "Sep 8"]))));
    expect(e?.code).toBe("#VALUE!");
    expect(e?.message).toContain("holidays row 2");
  });
  it("gives #VALUE! for a block of holidays rather than a column or row [Grant letter ¶4]", () => {
    expect(errorOf(only(exerciseDate([[FRI_BEFORE_LABOR_DAY]], [[1, 2], [3, 4]])))?.code).toBe("#VALUE!");
  });
  it("gives #NUM! for a notice outside the business-day calendar, and errs in its own cell only [Grant letter ¶4]", () => {
    const result = exerciseDate(column([serial(1985, 6, 3), FRI_BEFORE_LABOR_DAY + TIME_459, "soon", errorCell("#N/A")]));
    expect(errorOf(result[0][0])?.code).toBe("#NUM!");
    expect(result[1][0]).toBe(FRI_BEFORE_LABOR_DAY);
    expect(errorOf(result[2][0])?.code).toBe("#VALUE!");
    expect(errorOf(result[3][0])?.message).toContain("#N/A");
  });
});

describe("KAISER.OPTIONEXPIRY as Excel calls it [Grant letter ¶5]", () => {
  it("gives the last day for each reason, case-insensitive [Grant letter ¶5]", () => {
    const reasons = column(["cause", "Death", "DISABILITY", "retirement", "other"]);
    expect(optionExpiry([[serial(2012, 1, 15)]], [[serial(2004, 11, 30)]], reasons)).toEqual([
      [serial(2004, 11, 30)],
      [serial(2005, 11, 30)],
      [serial(2005, 11, 30)],
      [serial(2007, 11, 30)],
      [serial(2005, 2, 28)],
    ]);
  });
  it("gives #VALUE! naming the reasons for an unknown one [Grant letter ¶5]", () => {
    const e = errorOf(only(optionExpiry([[serial(2012, 1, 15)]], [[serial(2004, 11, 30)]], [["LAYOFF"]])));
    expect(e?.code).toBe("#VALUE!");
    expect(e?.message).toContain("CAUSE, DEATH, DISABILITY, RETIREMENT, OTHER");
  });
  it("gives #NUM! for a date that is not a valid Excel date [Grant letter ¶5]", () => {
    expect(errorOf(only(optionExpiry([[-5]], [[serial(2004, 11, 30)]], [["OTHER"]])))?.code).toBe("#NUM!");
  });
});

describe("KAISER.REPURCHASEPRICE, REPURCHASEDEADLINE and OPTIONINCOME as Excel calls them [Grant letter ¶3, ¶4]", () => {
  it("prices the repurchase at the difference, never below 0 [Grant letter ¶3]", () => {
    expect(repurchasePrice([[12.5]], column([15.75, 10]), [[1000]])).toEqual([[3250], [0]]);
  });
  it("is exact where floating point is not [Grant letter ¶3]", () => {
    expect(only(repurchasePrice([[10.1]], [[10.3]], [[3]]))).toBe(0.6);
    expect(only(optionIncome([[0.3]], [[0.1]], [[3]]))).toBe(0.6);
  });
  it("gives #NUM! for a negative price or fractional shares [Grant letter ¶3]", () => {
    expect(errorOf(only(repurchasePrice([[-1]], [[10]], [[1]])))?.code).toBe("#NUM!");
    expect(errorOf(only(repurchasePrice([[1]], [[10]], [[1.5]])))?.code).toBe("#NUM!");
  });
  it("ends the repurchase right ten calendar days after exercise [Grant letter ¶3]", () => {
    expect(only(repurchaseDeadline([[TUESDAY_AFTER]]))).toBe(serial(2004, 9, 17));
    expect(errorOf(only(repurchaseDeadline([[serial(9999, 12, 25)]])))?.code).toBe("#NUM!");
  });
  it("gives ordinary income signed, negative below water [Grant letter ¶4]", () => {
    expect(optionIncome(column([15.75, 10]), [[12.5]], [[1000]])).toEqual([[3250], [-2500]]);
  });
});

describe("KAISER.SPLITADJUST as Excel calls it [Grant letter ¶6]", () => {
  it("spills the adjusted shares and price for a 3-for-2 split, keeping the total price to the cent [Grant letter ¶6]", () => {
    const result = splitAdjust([[1000]], [[10]], [[1.5]]);
    expect(result.length).toBe(1);
    expect(result[0][0]).toBe(1500);
    expect(Math.round((result[0][0] as number) * (result[0][1] as number) * 100)).toBe(1000000);
    expect(result[0][1]).toBe(20 / 3);
  });
  it("gives one row per grant in a column; a bad grant errs in its own row [Grant letter ¶6]", () => {
    const result = splitAdjust(column([1000, 1005, 5]), column([10, 1.23, 10]), [[0.1]]);
    expect(result[0]).toEqual([100, 100]);
    expect(result[1]).toEqual([100, 12.3615]);
    expect(errorOf(result[2][0])?.code).toBe("#NUM!");
    expect(errorOf(result[2][1])?.code).toBe("#NUM!");
  });
  it("gives one #VALUE! for a row of grants, whose two results each would have nowhere to spill [Grant letter ¶6]", () => {
    const e = errorOf(only(splitAdjust([[1000, 2000]], [[10]], [[2]])));
    expect(e?.code).toBe("#VALUE!");
    expect(e?.message).toContain("columns");
  });
  it("gives #NUM! for a ratio of 0 and #VALUE! for a ratio typed as text [Grant letter ¶6]", () => {
    expect(errorOf(only(splitAdjust([[1000]], [[10]], [[0]])))?.code).toBe("#NUM!");
    expect(errorOf(only(splitAdjust([[1000]], [[10]], [["3:2"]])))?.code).toBe("#VALUE!");
  });
});

describe("edge cases", () => {
  it("gives #NUM!, never Infinity, for a result beyond Excel's largest number [Grant letter ¶3, ¶4, ¶6]", () => {
    expect(errorOf(only(repurchasePrice([[0]], [[1e200]], [[1e200]])))?.code).toBe("#NUM!");
    expect(errorOf(only(optionIncome([[1e200]], [[0]], [[1e200]])))?.code).toBe("#NUM!");
    const split = splitAdjust([[1000]], [[9e307]], [[0.001]]);
    expect(split[0][0]).toBe(1);
    expect(errorOf(split[0][1])?.code).toBe("#NUM!");
  });
});

import { serial } from "../../src/engine/dates";
import { adjNetEarnings, aneExclusions } from "../../src/functions/adjustedNetEarnings";
import { column, errorCell, errorOf, only } from "../support/cells";

const JUN = serial(2004, 6, 30);
const SEP = serial(2004, 9, 30);

describe("KAISER.ANEEXCLUSIONS as Excel calls it [1.1(c)]", () => {
  it("splits the LIFO charge that reaches the $20,000,000 cap across two rows [1.1(c)(i)]", () => {
    expect(aneExclusions(column(["LIFO", "lifo"]), column([JUN, SEP]), column([15000000, 8000000]))).toEqual([[15000000], [5000000]]);
  });

  it("takes one cell for a category or date that applies to every row [1.1(c)]", () => {
    expect(aneExclusions([["PENSION"]], [[JUN]], column([60000000, 10000000]))).toEqual([[60000000], [8000000]]);
  });

  it("gives #VALUE! listing the valid keys for an unknown category, in its row only; that row uses no cap [1.1(c)]", () => {
    const result = aneExclusions(column(["LIFO", "LIFE", "LIFO"]), column([JUN, JUN, SEP]), column([15000000, 1000000, 8000000]));
    expect(result[0][0]).toBe(15000000);
    const e = errorOf(result[1][0]);
    expect(e?.code).toBe("#VALUE!");
    expect(e?.message).toContain("categories row 2");
    expect(e?.message).toContain("LIFO, PENSION, PENSIONSPECIAL, IMPAIRMENT, FOREIGNINVENTORY, BPA, USWA, PBGC, RETIREEMEDICAL, ASBESTOS, PREPETITION");
    expect(result[2][0]).toBe(5000000);
  });

  it("gives #NUM! in a row with a negative amount and #VALUE! in one with text or an error cell [1.1(c)]", () => {
    const result = aneExclusions(column(["LIFO", "LIFO", "LIFO", "LIFO"]), column([JUN, JUN, errorCell(), JUN]), column([-1, "1,000", 5, 7]));
    expect(errorOf(result[0][0])?.code).toBe("#NUM!");
    expect(errorOf(result[1][0])?.code).toBe("#VALUE!");
    expect(errorOf(result[1][0])?.message).toContain("1,000");
    expect(errorOf(result[2][0])?.message).toContain("dates row 3");
    expect(result[3][0]).toBe(7);
  });

  it("ignores blank rows at the end of whole-column selections [1.1(c)]", () => {
    expect(aneExclusions(column(["ASBESTOS", null, null]), column([JUN, null, null]), column([5, null, null]))).toEqual([[5]]);
  });

  it("lays out the result along a row when the amounts are a row [1.1(c)]", () => {
    expect(aneExclusions([["LIFO", "LIFO"]], [[JUN, SEP]], [[15000000, 8000000]])).toEqual([[15000000, 5000000]]);
  });

  it("gives #VALUE! when the columns differ in length [1.1(c)]", () => {
    expect(errorOf(only(aneExclusions(column(["LIFO", "LIFO"]), column([JUN, SEP, SEP]), column([1, 2]))))?.code).toBe("#VALUE!");
  });

  it("computes 100,000 rows in one call, each cap used up in order [1.1(c)]", () => {
    const n = 100000;
    const categories = column(Array.from({ length: n }, (_, i) => (i % 2 === 0 ? "LIFO" : "ASBESTOS")));
    const result = aneExclusions(categories, [[JUN]], column(Array.from({ length: n }, () => 1000)));
    expect(result.length).toBe(n);
    // 20,000 LIFO charges of 1,000 fill the cap; the 20,001st LIFO charge (row 40,001) is excluded 0.
    expect(result[39998][0]).toBe(1000);
    expect(result[40000][0]).toBe(0);
    expect(result[99999][0]).toBe(1000);
  });
});

describe("KAISER.ADJNETEARNINGS as Excel calls it [1.1(c)]", () => {
  it("adds back the excluded charges and takes out gains above $150,000 [1.1(c), 1.1(c)(g)]", () => {
    expect(only(adjNetEarnings(-30000000, [["PENSION"]], [[serial(2004, 10, 31)]], [[5000000]], column([200000, 150000])))).toBe(-25200000);
  });

  it("is the net earnings with no charges or gains [1.1(c)]", () => {
    expect(only(adjNetEarnings(-1234.5))).toBe(-1234.5);
    expect(only(adjNetEarnings(100, [[null]], [[null]], [[null]], [[null]]))).toBe(100);
  });

  it("adds back only the period's charges when a period is given [1.1(c)(i)]", () => {
    const result = adjNetEarnings(0, [["LIFO"]], column([serial(2004, 7, 31), serial(2004, 10, 15)]), column([15000000, 8000000]), undefined, serial(2004, 10, 1), serial(2004, 10, 31));
    expect(only(result)).toBe(5000000);
  });

  it("skips blank gain cells [1.1(c)(g)]", () => {
    expect(only(adjNetEarnings(0, undefined, undefined, undefined, column([200000, null, 300000])))).toBe(-500000);
  });

  it("gives one error naming the row when a charge is bad [1.1(c)]", () => {
    const e = errorOf(only(adjNetEarnings(0, column(["LIFO", "NOPE"]), [[JUN]], column([1, 2]))));
    expect(e?.code).toBe("#VALUE!");
    expect(e?.message).toContain("categories row 2");
  });

  it("excludes a $100,000 extraordinary gain given its kind, and keeps it in when blank (NONRECURRING) (Reading R-ANE-GAINS) [1.1(c)(g)]", () => {
    expect(only(adjNetEarnings(1000000, undefined, undefined, undefined, column([100000, 100000]), undefined, undefined, column(["extraordinary", null])))).toBe(900000);
    expect(only(adjNetEarnings(1000000, undefined, undefined, undefined, column([100000]), undefined, undefined, [["EXTRAORDINARY"]]))).toBe(900000);
    expect(only(adjNetEarnings(1000000, undefined, undefined, undefined, column([100000])))).toBe(1000000);
  });

  it("gives #VALUE! for a gain kind that is not EXTRAORDINARY or NONRECURRING [1.1(c)(g)]", () => {
    const e = errorOf(only(adjNetEarnings(0, undefined, undefined, undefined, column([200000]), undefined, undefined, column(["SPECIAL"]))));
    expect(e?.code).toBe("#VALUE!");
    expect(e?.message).toContain("EXTRAORDINARY, NONRECURRING");
  });

  it("adds back a capital loss, takes out a capital gain and an investee's excess, and keeps the (l) exception in [1.1(c)(a), (d), (l)]", () => {
    const categories = column(["CAPITALLOSS", "CAPITALGAIN", "INVESTEE", "IMPAIRMENT"]);
    const dates = [[serial(2004, 10, 15)]];
    const amounts = column([300000, 400000, 5000000, 30000000]);
    const cash = column([null, null, 1000000, null]);
    const book = column([null, null, null, 100000000]);
    const olv = column([null, null, null, 80000000]);
    // 0 + 300,000 − 400,000 − 1,000,000 + 20,000,000
    expect(only(adjNetEarnings(0, categories, dates, amounts, undefined, undefined, undefined, undefined, cash, book, olv))).toBe(18900000);
    expect(aneExclusions(categories, dates, amounts, cash, book, olv)).toEqual([[300000], [400000], [1000000], [20000000]]);
  });

  it("gives the asset-column error in its own row of ANEEXCLUSIONS, naming the row [1.1(c)(l)]", () => {
    const result = aneExclusions(column(["LIFO", "LIFO"]), [[JUN]], column([1000, 2000]), undefined, column([null, 5]), column([null, 5]));
    expect(result[0][0]).toBe(1000);
    expect(errorOf(result[1][0])?.code).toBe("#VALUE!");
    expect(errorOf(result[1][0])?.message).toContain("row 2");
  });

  it("gives #VALUE! for a blank or text net earnings, never 0 [1.1(c)]", () => {
    expect(errorOf(only(adjNetEarnings(null)))?.code).toBe("#VALUE!");
    expect(errorOf(only(adjNetEarnings("n/a")))?.code).toBe("#VALUE!");
  });
});

describe("edge cases", () => {
  it("gives #VALUE! for ANEEXCLUSIONS with no charges at all [1.1(c)]", () => {
    expect(errorOf(only(aneExclusions([[null]], [[null]], [[null]])))?.code).toBe("#VALUE!");
  });

  it("gives #NUM! for a negative gain and for a period ending before it starts [1.1(c)]", () => {
    expect(errorOf(only(adjNetEarnings(0, undefined, undefined, undefined, [[-1]])))?.code).toBe("#NUM!");
    expect(errorOf(only(adjNetEarnings(0, undefined, undefined, undefined, undefined, SEP, JUN)))?.code).toBe("#NUM!");
  });

  it("gives #NUM! rather than Infinity for a sum beyond Excel's number range [1.1(c)]", () => {
    const huge = 1.7e308;
    expect(errorOf(only(adjNetEarnings(huge, [["ASBESTOS"]], [[JUN]], [[huge]])))?.code).toBe("#NUM!");
  });

  it("gives #VALUE! for a charge without a date [1.1(c)]", () => {
    expect(errorOf(only(adjNetEarnings(0, [["LIFO"]], undefined, [[5]])))?.message).toContain("dates row 1");
  });
});

describe("KAISER.ANEEXCLUSIONS over more items than Excel can receive [1.1(c)]", () => {
  // Each row of a one-column spill takes at least 5 characters: from about 400,000 rows none fits.
  it.each([
    ["plain (the fast path)", "LIFO"],
    ["one a text category (the ordinary reader)", "lifo charge"],
  ])("answers 400,000 items, %s, with the one #VALUE! that asks to split the range, not a computed spill [1.1(c)]", (_what, last) => {
    const n = 400000;
    const categories = Array.from({ length: n }, (_, i) => [i === n - 1 ? last : "LIFO"]);
    const result = aneExclusions(categories as never, Array.from({ length: n }, (_, i) => [serial(2004, 6, 1) + (i % 700)]) as never, Array.from({ length: n }, () => [1000]) as never);
    expect(errorOf(only(result))?.message).toBe("the result is 400,000 rows × 1 columns, too large for Excel to receive; split the range");
  });
});

import { termAsOf, termValue, terms } from "../../src/functions/terms";
import { serial } from "../../src/engine/dates";
import { amendmentFee, commitmentFee } from "../../src/functions/fees";
import { TERM_KEYS } from "../../src/engine/terms";
import { column, errorOf, only } from "../support/cells";

describe("KAISER.TERM and KAISER.TERMS", () => {
  it("gives one term's value, dates as serials [1.1(f)(b), 1.1(aa)]", () => {
    expect(only(termValue("inventoryCap"))).toBe(125000000);
    expect(only(termValue("thresholdEventAfter"))).toBe(38230); // 2004-08-31
  });
  it("answers an unknown key with #N/A naming the nearest keys", () => {
    const e = errorOf(only(termValue("ppeCapp")));
    expect(e?.code).toBe("#N/A");
    expect(e?.message).toContain("ppeCap");
  });
  it("answers a blank or numeric key with #VALUE!", () => {
    expect(errorOf(only(termValue(null)))?.code).toBe("#VALUE!");
    expect(errorOf(only(termValue(5)))?.code).toBe("#VALUE!");
  });
  it("spills the whole table with a header row", () => {
    const table = terms();
    expect(table[0]).toEqual(["key", "value", "unit", "section", "description"]);
    expect(table.length).toBe(TERM_KEYS.length + 1);
    const row = table.find((r) => r[0] === "revolvingCommitmentAmount");
    expect(row?.slice(0, 4)).toEqual(["revolvingCommitmentAmount", 200000000, "USD", "1.2"]);
  });
});

describe("KAISER.AMENDMENTFEE and KAISER.COMMITMENTFEE [5(d), 1.3]", () => {
  it("defaults the amendment fee to $1,750,000 and works over a range [5(d)]", () => {
    expect(only(amendmentFee())).toBe(1750000);
    // A blank row of a range is blank (a whole column shows no fee on empty rows); a trailing one ends the result.
    expect(amendmentFee(column([100000000, null, 200000000, null]))).toEqual([[875000], [""], [1750000]]);
  });
  it("computes the commitment fee and rejects bad days and bases [1.3]", () => {
    expect(only(commitmentFee([[100000000]], [[90]]))).toBe(156250);
    expect(errorOf(only(commitmentFee([[100000000]], [[1.5]])))?.code).toBe("#NUM!");
    expect(errorOf(only(commitmentFee([[100000000]], [[-1]])))?.code).toBe("#NUM!");
    expect(errorOf(only(commitmentFee([[100000000]], [[30]], [[0]])))?.code).toBe("#NUM!");
  });
});

describe("edge cases", () => {
  it("gives #NUM!, never Infinity, for a fee beyond Excel's largest number [1.3]", () => {
    // 9E+307 × 0.625% × 366 / 1 is about 2.1E+308, past the largest double.
    expect(errorOf(only(commitmentFee([[9e307]], [[366]], [[1]])))?.code).toBe("#NUM!");
  });
});

describe("KAISER.TERMASOF as Excel calls it (Reading R-TERM-EFFECTIVE) [1.2, 1.1(o), 1.3]", () => {
  it("gives the figure before the amendment for a date before 2004-10-28 and the amendment's from it [1.2, 1.1(o), 1.3]", () => {
    const keys = column(["revolvingCommitmentAmount", "maximumLetterOfCreditAmount", "commitmentFeeRate", "inventoryCap"]);
    expect(termAsOf(keys, [[serial(2004, 10, 27)]])).toEqual([[285000000], [125000000], [0.005], [125000000]]);
    expect(termAsOf(keys, [[serial(2004, 10, 28)]])).toEqual([[200000000], [100000000], [0.00625], [125000000]]);
  });

  it("takes another effective date [1.2]", () => {
    expect(only(termAsOf([["revolvingCommitmentAmount"]], [[serial(2004, 11, 1)]], [[serial(2004, 11, 15)]]))).toBe(285000000);
  });

  it("gives #N/A for an unknown key and #VALUE! for a blank date [Terms]", () => {
    expect(errorOf(only(termAsOf([["nope"]], [[serial(2004, 11, 1)]])))?.code).toBe("#N/A");
    expect(errorOf(only(termAsOf([["inventoryCap"]], [[null]])))?.code).toBe("#VALUE!");
  });
});

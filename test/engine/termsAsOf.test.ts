import { kindOf } from "../support/engineErrors";
import { serialFromIso } from "../../src/engine/dates";
import { beforeAfterTable, termAsOf } from "../../src/engine/termsAsOf";

const d = serialFromIso;

describe("the figures the Seventh Amendment replaced, before and after it (Reading R-TERM-EFFECTIVE) [1.2, 1.1(o), 1.3]", () => {
  it.each([
    ["revolvingCommitmentAmount", "2004-10-27", "285000000", "1.2: the day before the effective date"],
    ["revolvingCommitmentAmount", "2004-10-28", "200000000", "1.2: on the effective date"],
    ["maximumLetterOfCreditAmount", "2004-01-01", "125000000", "1.1(o): before"],
    ["maximumLetterOfCreditAmount", "2005-01-01", "100000000", "1.1(o): after"],
    ["commitmentFeeRate", "2004-10-27", "0.005", "1.3: ½ of 1% per annum before"],
    ["COMMITMENTFEERATE", "2004-10-28", "0.00625", "1.3: 0.625% per annum after; the key is case-insensitive"],
    ["inventoryCap", "2003-01-01", "125000000", "a figure the amendment did not replace has one value"],
  ])("%s on %s is %s (%s)", (key, iso, expected, _why) => {
    expect(termAsOf(key, d(iso)).toString()).toBe(expected);
  });

  it("takes another effective date when given: 2004-11-01 is before an effective date of 2004-11-15 [1.2]", () => {
    expect(termAsOf("revolvingCommitmentAmount", d("2004-11-01"), d("2004-11-15")).toString()).toBe("285000000");
    expect(termAsOf("revolvingCommitmentAmount", d("2004-11-15"), d("2004-11-15")).toString()).toBe("200000000");
  });

  it("gives the before/after table of the three figures [1.2, 1.1(o), 1.3]", () => {
    expect(beforeAfterTable().map((r) => [r.key, r.section, r.before.toString(), r.after.toString()])).toEqual([
      ["revolvingCommitmentAmount", "1.2", "285000000", "200000000"],
      ["maximumLetterOfCreditAmount", "1.1(o)", "125000000", "100000000"],
      ["commitmentFeeRate", "1.3", "0.005", "0.00625"],
    ]);
  });

  it("is #N/A for an unknown key [Terms]", () => {
    expect(kindOf(() => termAsOf("revolvingCommitment", d("2004-10-28")))).toBe("na");
  });
});

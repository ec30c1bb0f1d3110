import { kindOf } from "../support/engineErrors";
import { dec } from "../../src/engine/decimal";
import { consentShare, consentTest } from "../../src/engine/consent";

/** Schedule A's order: Bank of America, GE Capital, CIT, Wells Fargo Foothill, Merrill Lynch, GMAC, PNC. */
const allBut = (index: number): boolean[] => Array.from({ length: 7 }, (_, i) => i !== index);
const amounts = (...values: number[]) => values.map((v) => dec(v));

describe("the 86% consent of Section 9.2.25 over Schedule A's Revolving Commitments (Reading R-CONSENT-BASE) [9.2.25]", () => {
  it.each([
    [6, "0.91228", true, "all but PNC (8.7720%): 182,456,000 of 200,000,000"],
    [5, "0.89474", true, "all but GMAC (10.5260%): 178,948,000"],
    [4, "0.87719", true, "all but Merrill Lynch (12.2810%): 175,438,000"],
    [3, "0.84211", false, "all but Wells Fargo Foothill (15.7890%): 168,422,000, below 86%"],
    [0, "0.807015", false, "all but Bank of America (19.2985%): 161,403,000"],
  ])("all Lenders but row %s hold %s: consent %s (%s) [9.2.25]", (missing, share, passes, _why) => {
    expect(consentShare(allBut(missing)).share.toString()).toBe(share);
    expect(consentShare(allBut(missing)).base).toBe("commitments");
    expect(consentTest(allBut(missing))).toBe(passes);
  });

  it("passes at exactly 86% ('at least') and fails a hundredth of a percent below [9.2.25]", () => {
    expect(consentTest([true, false, false], undefined, amounts(8600, 1399, 1))).toBe(true);
    expect(consentShare([true, false], undefined, amounts(8599, 1401)).share.toString()).toBe("0.8599");
    expect(consentTest([true, false], undefined, amounts(8599, 1401))).toBe(false);
  });
});

describe("the base: outstanding principal when any is outstanding (Reading R-CONSENT-BASE) [9.2.25]", () => {
  it("takes the Lenders' outstanding principal when any is outstanding: Bank of America and GE hold all of 60,000,000 [9.2.25]", () => {
    const outstandings = amounts(50000000, 10000000, 0, 0, 0, 0, 0);
    const votes = [true, true, false, false, false, false, false];
    expect(consentShare(votes, outstandings)).toEqual({ share: dec(1), base: "outstandings" });
    expect(consentTest(votes, outstandings)).toBe(true);
    expect(consentShare([true, false, false, false, false, false, false], outstandings).share.toString()).toBe(dec(50).dividedBy(60).toString());
  });

  it("falls back to the Revolving Commitments when nothing is outstanding (all zero) [9.2.25]", () => {
    expect(consentShare(allBut(6), amounts(0, 0, 0, 0, 0, 0, 0))).toEqual({ share: dec("0.91228"), base: "commitments" });
  });
});

describe("edge cases", () => {
  it("is #VALUE! when the approvals and the Lenders differ in number [9.2.25]", () => {
    expect(kindOf(() => consentShare([true, true]))).toBe("value");
    expect(kindOf(() => consentShare(allBut(6), amounts(1, 2)))).toBe("value");
  });

  it("is #NUM! for a negative amount or commitments that are all zero [9.2.25]", () => {
    expect(kindOf(() => consentShare([true, false], amounts(-1, 2), amounts(1, 1)))).toBe("num");
    expect(kindOf(() => consentShare([true, false], undefined, amounts(0, 0)))).toBe("num");
  });
});

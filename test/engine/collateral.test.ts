import { dec } from "../../src/engine/decimal";
import { minimumProceedsCollateral } from "../../src/engine/collateral";
import { proceedsCollateralTest } from "../../src/engine/defaults";

describe("the Minimum Aggregate Proceeds Collateral from its parts (Reading R-MIN-PROCEEDS-COLLATERAL) [1.1(p), 1.1(u)]", () => {
  it.each([
    ["20000000", "150000000", false, false, "170000000", "OK", "before a QAL Triggering Event: the ALPART Collateral plus the QAL Claims (the Obligations)"],
    ["20000000", "40000000", false, true, "60000000", "OK", "after the Settlement Effective Date, before the event: plus QAL Claims of $40,000,000"],
    ["20000000", "35000000", true, false, "55000000", "EVENT OF DEFAULT", "after the event, no Settlement Effective Date: plus the QAL Collateral of 35,000,000, below $60,000,000"],
    ["20000000", "35000000", true, true, "60000000", "OK", "after both: the QAL Collateral is fixed at $40,000,000"],
    ["20100000", "90000000", true, true, "60100000", "OK", "after both, proceeds above $40,000,000 still count as $40,000,000"],
  ])("ALPART %s and QAL %s (event %s, settlement %s) give %s, %s (%s) [1.1(p), 1.1(u), 10.1.10(k)]", (alpart, qal, triggered, settled, expected, test, _why) => {
    const result = minimumProceedsCollateral(dec(alpart), dec(qal), triggered, settled);
    expect(result.toString()).toBe(expected);
    expect(proceedsCollateralTest(result, triggered)).toBe(test);
  });

  it("takes the Settlement Effective Date as not occurred when omitted [1.1(u)]", () => {
    expect(minimumProceedsCollateral(dec(20000000), dec(35000000), true).toString()).toBe("55000000");
  });
});

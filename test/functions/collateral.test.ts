import { minimumProceedsCollateral, recourseCap } from "../../src/functions/collateral";
import { proceedsCollateralTest } from "../../src/functions/baskets";
import { column, errorOf, only } from "../support/cells";

describe("KAISER.MINIMUMPROCEEDSCOLLATERAL as Excel calls it [1.1(p), 1.1(u)]", () => {
  it("feeds KAISER.PROCEEDSCOLLATERALTEST: 55,000,000 after a QAL Triggering Event is an Event of Default; with the Settlement Effective Date the QAL Collateral is fixed at $40,000,000 [1.1(p), 1.1(u), 10.1.10(k)]", () => {
    const before = minimumProceedsCollateral([[20000000]], [[35000000]], [[true]]);
    expect(only(before)).toBe(55000000);
    expect(only(proceedsCollateralTest(before, [[true]]))).toBe("EVENT OF DEFAULT");
    const settled = minimumProceedsCollateral([[20000000]], [[35000000]], [[true]], [[true]]);
    expect(only(settled)).toBe(60000000);
    expect(only(proceedsCollateralTest(settled, [[true]]))).toBe("OK");
  });

  it("adds the QAL Claims before a QAL Triggering Event, element by element [1.1(p)]", () => {
    expect(minimumProceedsCollateral([[20000000]], column([150000000, 40000000]), [[false]], column([false, true]))).toEqual([[170000000], [60000000]]);
  });

  it("gives #VALUE! for a blank QAL Triggering Event and #NUM! for a negative amount [1.1(p)]", () => {
    expect(errorOf(only(minimumProceedsCollateral([[20000000]], [[1]], [[null]])))?.code).toBe("#VALUE!");
    expect(errorOf(only(minimumProceedsCollateral([[-1]], [[1]], [[false]])))?.code).toBe("#NUM!");
  });
});

describe("KAISER.RECOURSECAP as Excel calls it [Subsidiary Guaranties 2.11]", () => {
  it("spills one cap per guarantor [Subsidiary Guaranties 2.11]", () => {
    const guarantors = column(["AJI", "KJC", "KAAC", "KFC", "KBC", "Akron Holding Corporation"]);
    expect(recourseCap(guarantors, [[true]], [[false]])).toEqual([[20000000], [20000000], [40000000], ["NOT LIMITED"], ["NOT LIMITED"], ["NOT LIMITED"]]);
    expect(recourseCap(guarantors, [[true]], [[true]])).toEqual([[20000000], [20000000], [0], [0], [0], ["NOT LIMITED"]]);
    expect(recourseCap(guarantors, [[false]])).toEqual([[20000000], [20000000], ["NOT LIMITED"], ["NOT LIMITED"], ["NOT LIMITED"], ["NOT LIMITED"]]);
  });

  it("takes the ALPART Claims and QAL Claims given [Subsidiary Guaranties 2.11]", () => {
    expect(only(recourseCap([["KJC"]], [[false]], undefined, [[20300000]]))).toBe(20300000);
    expect(only(recourseCap([["KAAC"]], [[true]], [[false]], undefined, [[40200000]]))).toBe(40200000);
  });

  it("gives #VALUE! for a blank guarantor or a number instead of a name [Subsidiary Guaranties 2.11]", () => {
    expect(errorOf(only(recourseCap([[null]], [[true]])))?.code).toBe("#VALUE!");
    expect(errorOf(only(recourseCap([[5]], [[true]])))?.code).toBe("#VALUE!");
  });
});

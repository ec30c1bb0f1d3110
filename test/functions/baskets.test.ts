import { serial } from "../../src/engine/dates";
import { affiliateLoanRepayment, basketHeadroom, planFilingTest, proceedsCollateralTest, qalRepaymentDue } from "../../src/functions/baskets";
import { column, errorCell, errorOf, only } from "../support/cells";

describe("KAISER.BASKETHEADROOM as Excel calls it [9.2.20, 9.2.18(ix), 10.1.10(l), 10.1.13, 1.1(o)]", () => {
  const used = column([6000000, 5000000, 4000000, null]);
  const dates = column([serial(2004, 3, 1), serial(2004, 12, 1), serial(2005, 2, 1), null]);

  it("reads the keyword case-insensitively and defaults the as-of date to the latest date [9.2.20(ii)]", () => {
    expect(only(basketHeadroom([["angleseyvalco"]], used, dates))).toBe(6000000);
  });

  it("spills one headroom per as-of date [9.2.20(ii)]", () => {
    expect(basketHeadroom([["ANGLESEYVALCO"]], used, dates, column([serial(2004, 6, 30), serial(2004, 12, 31), serial(2005, 1, 1)]))).toEqual([[4000000], [-1000000], [10000000]]);
  });

  it("counts every use without dates [10.1.13]", () => {
    expect(only(basketHeadroom([["PBGCPAYMENTS"]], column([10000000, 15000000])))).toBe(0);
  });

  it("gives the whole cap for a column with no uses yet [9.2.18(ix)]", () => {
    expect(only(basketHeadroom([["KBCALLOCABLE"]], column([null, null])))).toBe(7000000);
  });

  it("takes the latest amount outstanding for LETTERSOFCREDIT [1.1(o)]", () => {
    expect(only(basketHeadroom([["LETTERSOFCREDIT"]], column([80000000, 95000000]), column([serial(2004, 11, 1), serial(2004, 11, 15)])))).toBe(5000000);
  });

  it("gives #N/A with a message for QALCAPEX outside Fiscal Year 2004 [9.2.20(i)]", () => {
    const e = errorOf(only(basketHeadroom([["QALCAPEX"]], [[1]], [[serial(2004, 7, 1)]], [[serial(2005, 1, 1)]])));
    expect(e?.code).toBe("#N/A");
    expect(e?.message).toContain("Fiscal Year 2004");
  });

  it("gives #VALUE! listing the baskets for an unknown keyword [9.2.20]", () => {
    const e = errorOf(only(basketHeadroom([["CAPEX"]], [[1]])));
    expect(e?.code).toBe("#VALUE!");
    expect(e?.message).toContain("QALCAPEX, ANGLESEYVALCO, CANADACAPEX, KBCALLOCABLE, AFFILIATELOANS, PBGCPAYMENTS, LETTERSOFCREDIT");
  });

  it("gives one error naming the row for a bad use or date [9.2.20]", () => {
    expect(errorOf(only(basketHeadroom([["CANADACAPEX"]], column([1, -2]))))?.code).toBe("#NUM!");
    const e = errorOf(only(basketHeadroom([["CANADACAPEX"]], column([1, 2]), column([serial(2004, 7, 1), errorCell()]))));
    expect(e?.code).toBe("#VALUE!");
    expect(e?.message).toContain("dates row 2");
  });

  it("gives #VALUE! when the dates and amounts differ in length [9.2.20]", () => {
    expect(errorOf(only(basketHeadroom([["CANADACAPEX"]], column([1, 2]), column([serial(2004, 7, 1)]))))?.code).toBe("#VALUE!");
  });
});

describe("KAISER.PROCEEDSCOLLATERALTEST as Excel calls it [10.1.10(k)]", () => {
  it("tests element by element [10.1.10(k)]", () => {
    expect(proceedsCollateralTest(column([59000000, 60000000, 0]), column([true, true, false]))).toEqual([["EVENT OF DEFAULT"], ["OK"], ["OK"]]);
  });

  it("gives #VALUE! for text where TRUE or FALSE is wanted, and #NUM! for a negative amount [10.1.10(k)]", () => {
    expect(errorOf(only(proceedsCollateralTest([[1]], [["yes"]])))?.code).toBe("#VALUE!");
    expect(errorOf(only(proceedsCollateralTest([[-1]], [[true]])))?.code).toBe("#NUM!");
  });
});

describe("KAISER.AFFILIATELOANREPAYMENT as Excel calls it [10.1.10(l)]", () => {
  it("adds 12% per annum on actual days over 365 [10.1.10(l)]", () => {
    expect(only(affiliateLoanRepayment([[10000000]], [[serial(2005, 6, 30)]], [[serial(2006, 6, 30)]]))).toBe(11200000);
  });

  it("gives #NUM! above the $55,000,000 cap and more than 18 months after the effective date, in their own cells [10.1.10(l)]", () => {
    const result = affiliateLoanRepayment(column([55000000, 55000001, 1]), [[serial(2005, 6, 30)]], column([serial(2005, 6, 30), serial(2005, 6, 30), serial(2006, 12, 31)]));
    expect(result[0][0]).toBe(55000000);
    expect(errorOf(result[1][0])?.code).toBe("#NUM!");
    expect(errorOf(result[2][0])?.code).toBe("#NUM!");
  });
});

describe("edge cases", () => {
  it("gives #VALUE! for a blank basket [9.2.20]", () => {
    expect(errorOf(only(basketHeadroom([[null]], [[1]])))?.code).toBe("#VALUE!");
  });

  it("gives #VALUE! for a blank repayment date, never a date of 0 [10.1.10(l)]", () => {
    expect(errorOf(only(affiliateLoanRepayment([[1]], [[serial(2005, 6, 30)]], [[null]])))?.code).toBe("#VALUE!");
  });
});

describe("KAISER.BASKETHEADROOM after a QAL Triggering Event, and KAISER.QALREPAYMENTDUE [9.2.20]", () => {
  it("gives zero QAL headroom from the QAL Triggering Event on [9.2.20]", () => {
    const asOf = column([serial(2004, 9, 30), serial(2004, 10, 1)]);
    expect(basketHeadroom([["QALCAPEX"]], [[9000000]], [[serial(2004, 7, 15)]], asOf, [[serial(2004, 10, 1)]])).toEqual([[6000000], [0]]);
  });

  it("gives the Investments in KAAC or QAL from 2004-06-30 to the event [9.2.20(i)]", () => {
    const dates = column([serial(2004, 6, 29), serial(2004, 6, 30), serial(2004, 9, 15), null]);
    expect(only(qalRepaymentDue(dates, column([1000000, 2000000, 3000000, null]), [[serial(2004, 12, 1)]]))).toBe(5000000);
  });

  it("gives #VALUE! without a QAL Triggering Event date [9.2.20(i)]", () => {
    expect(errorOf(only(qalRepaymentDue([[serial(2004, 7, 1)]], [[1]], [[null]])))?.code).toBe("#VALUE!");
  });
});

describe("KAISER.PLANFILINGTEST as Excel calls it [10.1.10(l)]", () => {
  it("gives OK, EVENT OF DEFAULT and PENDING element by element [10.1.10(l)]", () => {
    const filed = column([serial(2005, 2, 13), serial(2005, 2, 14), null, null]);
    const asOf = column([null, null, serial(2005, 2, 14), serial(2005, 2, 1)]);
    expect(planFilingTest(filed, asOf)).toEqual([["OK"], ["EVENT OF DEFAULT"], ["EVENT OF DEFAULT"], ["PENDING"]]);
  });

  it("gives #VALUE! for a filing date typed as text [10.1.10(l)]", () => {
    expect(errorOf(only(planFilingTest([["2005-02-13"]])))?.code).toBe("#VALUE!");
  });
});

import { kindOf } from "../support/engineErrors";
import { serialFromIso } from "../../src/engine/dates";
import { dec } from "../../src/engine/decimal";
import { affiliateLoanDeadline, affiliateLoanRepayment, planFilingTest, proceedsCollateralTest } from "../../src/engine/defaults";

describe("the Minimum Aggregate Proceeds Collateral test (Reading R-PROCEEDS-COLLATERAL) [10.1.10(k)]", () => {
  it.each([
    ["59999999.99", true, "EVENT OF DEFAULT", "a cent less than $60,000,000 after a QAL Triggering Event"],
    ["60000000", true, "OK", "exactly $60,000,000 is not less than it"],
    ["100000000", true, "OK", "well above"],
    ["0", false, "OK", "before a QAL Triggering Event the clause does not apply"],
  ])("%s with a QAL Triggering Event %s is %s (%s) [10.1.10(k)]", (amount, occurred, expected, _why) => {
    expect(proceedsCollateralTest(dec(amount), occurred)).toBe(expected);
  });
});

describe("the repayment of deferred Affiliate Loans [10.1.10(l)]", () => {
  it.each([
    ["10000000", "2005-06-30", "2006-06-30", "11200000", "365 days at 12%"],
    ["10000000", "2005-06-30", "2005-06-30", "10000000", "repaid on the effective date: no interest"],
    ["55000000", "2005-06-30", "2005-07-30", "55542465.75342465753424657534246575342466", "the cap, 30 days: 55,000,000 × 12% × 30/365"],
    ["10000000", "2007-06-30", "2008-06-30", "11203287.67123287671232876712328767123288", "366 days over 365 across a leap day (Reading R-AFFILIATE-DAYCOUNT)"],
  ])("principal %s from %s to %s repays %s (%s) (Reading R-AFFILIATE-INTEREST) [10.1.10(l)]", (principal, effective, repaid, expected, _why) => {
    expect(affiliateLoanRepayment(dec(principal), serialFromIso(effective), serialFromIso(repaid)).toString()).toBe(expected);
  });

  it.each([
    ["2005-06-30", "2006-12-30"],
    ["2005-08-31", "2007-02-28"],
    ["2006-02-28", "2007-08-28"],
  ])("lets repayment be deferred from %s until %s, 18 months later [10.1.10(l)]", (effective, deadline) => {
    expect(affiliateLoanDeadline(serialFromIso(effective))).toBe(serialFromIso(deadline));
    expect(kindOf(() => affiliateLoanRepayment(dec(1), serialFromIso(effective), serialFromIso(deadline)))).toBeUndefined();
    expect(kindOf(() => affiliateLoanRepayment(dec(1), serialFromIso(effective), serialFromIso(deadline) + 1))).toBe("num");
  });
});

describe("edge cases", () => {
  it.each([
    ["a principal above $55,000,000", "55000000.01", "2005-06-30", "2005-07-30"],
    ["a negative principal", "-1", "2005-06-30", "2005-07-30"],
    ["a repayment before the effective date", "1000", "2005-06-30", "2005-06-29"],
  ])("is #NUM! for %s [10.1.10(l)]", (_what, principal, effective, repaid) => {
    expect(kindOf(() => affiliateLoanRepayment(dec(principal), serialFromIso(effective), serialFromIso(repaid)))).toBe("num");
  });
});

describe("the Plan filing deadline (Reading R-PLAN-FILING) [10.1.10(l)]", () => {
  const d = serialFromIso;
  it.each([
    ["2005-02-13", undefined, "OK", "filed on the deadline itself ('on or before')"],
    ["2005-01-31", "2005-03-01", "OK", "filed before it, seen later"],
    ["2005-02-14", undefined, "EVENT OF DEFAULT", "filed a day late"],
    [undefined, "2005-02-14", "EVENT OF DEFAULT", "not filed by an as-of date after the deadline"],
    [undefined, "2005-02-13", "PENDING", "not filed, but the deadline has not passed"],
    [undefined, undefined, "PENDING", "not filed and no as-of date"],
    ["2005-02-10", "2005-01-31", "PENDING", "a filing dated after the as-of date has not happened yet"],
    ["2005-02-20", "2005-02-15", "EVENT OF DEFAULT", "not filed as of 2005-02-15, after the deadline"],
  ] as const)("filed %s, as of %s: %s (%s) [10.1.10(l)]", (filed, asOf, expected, _why) => {
    expect(planFilingTest(filed === undefined ? undefined : d(filed), asOf === undefined ? undefined : d(asOf))).toBe(expected);
  });
});

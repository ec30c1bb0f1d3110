import { serial } from "../../src/engine/dates";
import { hydroPurchaseDeadline } from "../../src/functions/alpart";
import { termValue } from "../../src/functions/terms";
import { column, errorOf, only } from "../support/cells";

describe("KAISER.HYDROPURCHASEDEADLINE as Excel calls it [Alpart release ¶4]", () => {
  it("ends Hydro's right 30 calendar days after Kaiser receives the Court's approval [Alpart release ¶4]", () => {
    expect(only(hydroPurchaseDeadline([[serial(2004, 4, 26)]]))).toBe(serial(2004, 5, 26));
  });
  it("works down a column; a bad cell errs on its own, a blank one is blank [Alpart release ¶4]", () => {
    const result = hydroPurchaseDeadline(column([serial(2004, 4, 26), "April 26", null, serial(2004, 12, 15)]));
    expect(result[0][0]).toBe(serial(2004, 5, 26));
    expect(errorOf(result[1][0])?.message).toContain("courtApprovalDate");
    expect(result[2][0]).toBe("");
    expect(result[3][0]).toBe(serial(2005, 1, 14));
  });
  it("truncates a date-time to its day (Reading R-DATE-TRUNCATE) [Alpart release ¶4]", () => {
    expect(only(hydroPurchaseDeadline([[serial(2004, 4, 26) + 0.75]]))).toBe(serial(2004, 5, 26));
  });
  it("gives #NUM! when the deadline falls after 9999-12-31 [Alpart release ¶4]", () => {
    expect(errorOf(only(hydroPurchaseDeadline([[serial(9999, 12, 15)]])))?.code).toBe("#NUM!");
  });
});

describe("KAISER.TERM gives the figures of the grant letter, the release and the amendment's ALPART terms [Grant letter; Alpart release; 1.1(d), 1.1(m), 1.1(t)(a)(3)]", () => {
  it.each([
    ["exerciseCutoffHour", 17, "5:00 p.m. Houston time (Grant letter ¶4)"],
    ["repurchaseWindowDays", 10, "within ten days of exercise (Grant letter ¶3)"],
    ["deathDisabilityWindowYears", 1, "the first anniversary (Grant letter ¶5)"],
    ["retirementWindowYears", 3, "the third anniversary (Grant letter ¶5)"],
    ["otherTerminationWindowMonths", 3, "three months thereafter (Grant letter ¶5)"],
    ["kacParValue", 0.01, "$0.01 par value (Grant letter ¶3)"],
    ["alpartBasePurchasePrice", 295000000, "a base purchase price of $295 million (Alpart release ¶1)"],
    ["hydroAlpartShare", 0.35, "Hydro owns the remaining 35% (Alpart release ¶4)"],
    ["kaiserAlpartShare", 0.65, "Kaiser's interests, the other 65% (Alpart release ¶4)"],
    ["hydroPurchaseRightDays", 30, "for 30 days following Court approval (Alpart release ¶4)"],
    ["alpartExpectedCourtRuling", serial(2004, 4, 26), "the Court to rule on April 26 (Alpart release ¶3)"],
    ["alpartCollateral", 20000000, "$20,000,000 of the Net Disposition Proceeds (1.1(d))"],
    ["kaccAvailableAmount", 28000000, "the $28,000,000 deposited (1.1(m))"],
    ["alpartSaleClosingDate", serial(2004, 7, 1), "the transaction that closed on July 1, 2004 (1.1(t)(a)(3))"],
  ])("KAISER.TERM(\"%s\") is %s: %s", (key, expected, _text) => {
    expect(only(termValue(key))).toBe(expected);
  });
  it("finds a key whatever its case [Terms]", () => {
    expect(only(termValue("ALPARTCOLLATERAL"))).toBe(20000000);
  });
});

import { hydroPurchaseDeadline } from "../../src/engine/alpart";
import { isoFromSerial, serial, serialFromIso } from "../../src/engine/dates";
import { EngineError } from "../../src/engine/errors";
import { term, termDate, TERMS } from "../../src/engine/terms";

describe("Hydro Aluminium's 30-day right to buy Kaiser's Alpart interests [Alpart release ¶4]", () => {
  it.each([
    // approval received, last day of Hydro's right, why
    ["2004-02-10", "2004-03-11", "across a leap February"],
    ["2004-12-15", "2005-01-14", "across the year end"],
    ["2004-05-01", "2004-05-31", "May 1 + 30 days"],
    ["2004-04-29", "2004-05-29", "a Saturday deadline is not moved"],
  ])("approval received on %s gives a last day of %s (%s) [Alpart release ¶4]", (approval, expected, _why) => {
    expect(isoFromSerial(hydroPurchaseDeadline(serialFromIso(approval)))).toBe(expected);
  });

  it("ends on 2004-05-26 after the ruling Kaiser expected on April 26, 2004: day 1 is April 27 (Reading R-HYDRO-DEADLINE) [Alpart release ¶3, ¶4]", () => {
    expect(isoFromSerial(hydroPurchaseDeadline(termDate("alpartExpectedCourtRuling")))).toBe("2004-05-26");
  });
});

describe("the Alpart figures in the table of terms [Alpart release ¶1, ¶4; 1.1(d), 1.1(m), 1.1(t)(a)(3)]", () => {
  it("splits Alpart between Hydro and Kaiser with nothing left over [Alpart release ¶4]", () => {
    expect(term("hydroAlpartShare").plus(term("kaiserAlpartShare")).toString()).toBe("1");
  });

  it("cites the amendment for the ALPART Collateral, the KACC Available Amount and the excluded sale [1.1(d), 1.1(m), 1.1(t)(a)(3)]", () => {
    expect([TERMS.alpartCollateral.section, TERMS.kaccAvailableAmount.section, TERMS.alpartSaleClosingDate.section]).toEqual(["1.1(d)", "1.1(m)", "1.1(t)(a)(3)"]);
    expect([TERMS.alpartCollateral.source, TERMS.kaccAvailableAmount.source, TERMS.alpartSaleClosingDate.source]).toEqual(["002", "002", "002"]);
  });

  it("puts the closing of the excluded sale after the announcement and the expected ruling [1.1(t)(a)(3)]", () => {
    expect(isoFromSerial(termDate("alpartSaleClosingDate"))).toBe("2004-07-01");
    expect(termDate("alpartExpectedCourtRuling")).toBeLessThan(termDate("alpartSaleClosingDate"));
  });
});

describe("edge cases", () => {
  it("gives #NUM! when the deadline falls after 9999-12-31 [Alpart release ¶4]", () => {
    let kind: string | undefined;
    try {
      hydroPurchaseDeadline(serial(9999, 12, 15));
    } catch (e) {
      kind = e instanceof EngineError ? e.kind : undefined;
    }
    expect(kind).toBe("num");
  });
});

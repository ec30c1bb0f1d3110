import { kindOf } from "../support/engineErrors";
import { BASKET_KEYS, basketHeadroom, basketPosition, qalRepaymentDue } from "../../src/engine/baskets";
import { serialFromIso } from "../../src/engine/dates";
import { dec } from "../../src/engine/decimal";

const amounts = (...values: string[]) => values.map((v) => dec(v));
const dates = (...isos: string[]) => isos.map(serialFromIso);

describe("each basket's cap [9.2.20, 9.2.18(ix), 10.1.10(l), 10.1.13, 1.1(o)]", () => {
  it.each([
    ["QALCAPEX", "15000000", "9.2.20(i)"],
    ["ANGLESEYVALCO", "10000000", "9.2.20(ii)"],
    ["CANADACAPEX", "5000000", "9.2.20(iii)"],
    ["KBCALLOCABLE", "7000000", "9.2.18(ix)"],
    ["AFFILIATELOANS", "55000000", "10.1.10(l)"],
    ["PBGCPAYMENTS", "25000000", "10.1.13"],
    ["LETTERSOFCREDIT", "100000000", "1.1(o)"],
  ] as const)("%s has a cap of %s: reached exactly it leaves 0, a cent more is −0.01 [%s]", (basket, cap, _section) => {
    const d = dates("2004-11-01");
    expect(basketHeadroom(basket, [], d.slice(0, 0), d[0]).toString()).toBe(cap);
    expect(basketHeadroom(basket, amounts(cap), d).toString()).toBe("0");
    expect(basketHeadroom(basket, [dec(cap).plus("0.01")], d).toString()).toBe("-0.01");
  });

  it("knows every basket the issue lists [9.2.20]", () => {
    expect(BASKET_KEYS).toEqual(["QALCAPEX", "ANGLESEYVALCO", "CANADACAPEX", "KBCALLOCABLE", "AFFILIATELOANS", "PBGCPAYMENTS", "LETTERSOFCREDIT"]);
  });
});

describe("QAL capital expenditures in Fiscal Year 2004 (Reading R-BASKET-QALCAPEX) [9.2.20(i)]", () => {
  const used = amounts("9000000", "7000000");
  const on = dates("2004-07-15", "2004-11-01");

  it("splits across two uses: 9,000,000 then 7,000,000 is 1,000,000 over [9.2.20(i)]", () => {
    expect(basketHeadroom("QALCAPEX", used, on).toString()).toBe("-1000000");
  });

  it("counts only uses up to the as-of date (Reading R-BASKET-ASOF) [9.2.20(i)]", () => {
    expect(basketHeadroom("QALCAPEX", used, on, serialFromIso("2004-10-01")).toString()).toBe("6000000");
  });

  it("counts uses from the start of calendar 2004, before the amendment [9.2.20(i)]", () => {
    expect(basketHeadroom("QALCAPEX", amounts("4000000"), dates("2004-01-01"), serialFromIso("2004-12-31")).toString()).toBe("11000000");
  });

  it.each(["2003-12-31", "2005-01-01"])("has no basket as of %s, outside Fiscal Year 2004: #N/A [9.2.20(i)]", (iso) => {
    expect(kindOf(() => basketHeadroom("QALCAPEX", used, on, serialFromIso(iso)))).toBe("na");
  });

  it("reports its window as calendar 2004 [9.2.20(i)]", () => {
    const position = basketPosition("QALCAPEX", used, on);
    expect([position.windowStart, position.windowEnd]).toEqual(dates("2004-01-01", "2004-12-31"));
    expect(position.asOfDate).toBe(serialFromIso("2004-11-01"));
  });
});

describe("the per annum baskets (Reading R-BASKET-PER-ANNUM) [9.2.20(ii), (iii)]", () => {
  const used = amounts("6000000", "5000000", "4000000");
  const on = dates("2004-03-01", "2004-12-01", "2005-02-01");

  it.each([
    ["2004-12-31", "-1000000", "6,000,000 + 5,000,000 in 2004 exceeds the 10,000,000 by 1,000,000"],
    ["2004-06-30", "4000000", "only the March use by June 30"],
    ["2005-01-01", "10000000", "a new Fiscal Year starts with the whole cap"],
    ["2005-06-30", "6000000", "2005's 4,000,000 only"],
  ])("Anglesey/VALCO as of %s leaves %s (%s) [9.2.20(ii)]", (iso, expected, _why) => {
    expect(basketHeadroom("ANGLESEYVALCO", used, on, serialFromIso(iso)).toString()).toBe(expected);
  });

  it("takes the latest date given as the as-of date when none is given (Reading R-BASKET-ASOF) [9.2.20(ii)]", () => {
    expect(basketHeadroom("ANGLESEYVALCO", used, on).toString()).toBe("6000000");
  });

  it("applies $5,000,000 each Fiscal Year to Canada capital expenditures [9.2.20(iii)]", () => {
    const canada = amounts("3000000", "2500000", "5000000");
    const canadaOn = dates("2004-02-01", "2004-11-30", "2005-01-15");
    expect(basketHeadroom("CANADACAPEX", canada, canadaOn, serialFromIso("2004-12-31")).toString()).toBe("-500000");
    expect(basketHeadroom("CANADACAPEX", canada, canadaOn, serialFromIso("2005-12-31")).toString()).toBe("0");
  });
});

describe("the aggregate limits (Reading R-BASKET-AGGREGATE) [9.2.18(ix), 10.1.10(l), 10.1.13]", () => {
  it("sums PBGC payments for all time: 10,000,000 + 15,000,000 reaches $25,000,000 without exceeding it [10.1.13]", () => {
    const on = dates("2004-11-01", "2006-05-01");
    expect(basketHeadroom("PBGCPAYMENTS", amounts("10000000", "15000000"), on).toString()).toBe("0");
    expect(basketHeadroom("PBGCPAYMENTS", amounts("10000000", "15000000", "0.01"), [...on, serialFromIso("2007-01-01")]).toString()).toBe("-0.01");
  });

  it("counts Affiliate Loans up to the as-of date across years [10.1.10(l)]", () => {
    const on = dates("2004-12-01", "2005-06-01");
    expect(basketHeadroom("AFFILIATELOANS", amounts("30000000", "20000000"), on, serialFromIso("2005-01-01")).toString()).toBe("25000000");
    expect(basketHeadroom("AFFILIATELOANS", amounts("30000000", "20000000"), on).toString()).toBe("5000000");
  });

  it("counts every use when no dates are given [9.2.18(ix)]", () => {
    expect(basketHeadroom("KBCALLOCABLE", amounts("4000000", "2500000")).toString()).toBe("500000");
  });
});

describe("the Maximum Letter of Credit Amount (Reading R-BASKET-LC) [1.1(o)]", () => {
  const outstanding = amounts("80000000", "95000000", "60000000");
  const on = dates("2004-11-01", "2004-11-15", "2004-12-01");

  it("counts the latest amount outstanding, not the sum [1.1(o)]", () => {
    expect(basketHeadroom("LETTERSOFCREDIT", outstanding, on).toString()).toBe("40000000");
  });

  it("counts the latest on or before the as-of date [1.1(o)]", () => {
    expect(basketHeadroom("LETTERSOFCREDIT", outstanding, on, serialFromIso("2004-11-20")).toString()).toBe("5000000");
  });

  it("takes the latest by date even when the rows are not in date order [1.1(o)]", () => {
    expect(basketHeadroom("LETTERSOFCREDIT", amounts("60000000", "95000000"), dates("2004-12-01", "2004-11-15")).toString()).toBe("40000000");
  });

  it("takes the last row of the same date, and the last row when undated [1.1(o)]", () => {
    expect(basketHeadroom("LETTERSOFCREDIT", amounts("80000000", "101000000"), dates("2004-11-01", "2004-11-01")).toString()).toBe("-1000000");
    expect(basketHeadroom("LETTERSOFCREDIT", amounts("80000000", "70000000")).toString()).toBe("30000000");
  });

  it("leaves the whole amount with nothing outstanding by the as-of date [1.1(o)]", () => {
    expect(basketHeadroom("LETTERSOFCREDIT", outstanding, on, serialFromIso("2004-10-01")).toString()).toBe("100000000");
  });
});

describe("edge cases", () => {
  it("is #NUM! for a negative use [9.2.20]", () => {
    expect(kindOf(() => basketHeadroom("CANADACAPEX", amounts("-1")))).toBe("num");
  });

  it("is #VALUE! when the dates and amounts differ in length [9.2.20]", () => {
    expect(kindOf(() => basketHeadroom("CANADACAPEX", amounts("1", "2"), dates("2004-11-01")))).toBe("value");
  });

  it("leaves the whole cap with no uses and no dates [9.2.20(ii)]", () => {
    expect(basketHeadroom("ANGLESEYVALCO", []).toString()).toBe("10000000");
  });

  it("takes the latest of 200,000 dated uses as the as-of date without running out of stack (Reading R-BASKET-ASOF) [10.1.10(l)]", () => {
    const n = 200000;
    const start = serialFromIso("2004-11-01");
    // One dollar a use, the latest (2005-12-31) in the middle of the list.
    const on = Array.from({ length: n }, (_, i) => (i === n / 2 ? serialFromIso("2005-12-31") : start + (i % 365)));
    const position = basketPosition("AFFILIATELOANS", Array.from({ length: n }, () => dec(1)), on);
    expect(position.asOfDate).toBe(serialFromIso("2005-12-31"));
    expect(position.headroom.toString()).toBe("54800000");
  });
});

describe("the QAL basket after a QAL Triggering Event (Reading R-BASKET-QAL-TRIGGER) [9.2.20]", () => {
  const used = amounts("9000000");
  const on = dates("2004-07-15");
  it.each([
    ["2004-09-30", "2004-10-01", "6000000", "the day before the event: the cap less what was used"],
    ["2004-10-01", "2004-10-01", "0", "on the event: no more Investments in QAL or KAAC"],
    ["2004-11-01", "2004-10-01", "0", "after it"],
  ])("as of %s with a QAL Triggering Event on %s the headroom is %s (%s) [9.2.20]", (asOf, event, expected, _why) => {
    expect(basketHeadroom("QALCAPEX", used, on, serialFromIso(asOf), serialFromIso(event)).toString()).toBe(expected);
  });

  it("keeps a basket already exceeded negative after the event [9.2.20(i)]", () => {
    expect(basketHeadroom("QALCAPEX", amounts("9000000", "7000000"), dates("2004-07-15", "2004-09-01"), serialFromIso("2004-11-01"), serialFromIso("2004-10-01")).toString()).toBe("-1000000");
  });

  it("leaves the other baskets alone [9.2.20(ii)]", () => {
    expect(basketHeadroom("ANGLESEYVALCO", used, on, serialFromIso("2004-11-01"), serialFromIso("2004-10-01")).toString()).toBe("1000000");
  });

  it("gives the Investments in KAAC or QAL from 2004-06-30 to the event, to be repaid in full: 2,000,000 + 3,000,000 [9.2.20(i)]", () => {
    const due = qalRepaymentDue(dates("2004-06-29", "2004-06-30", "2004-09-15", "2004-12-02"), amounts("1000000", "2000000", "3000000", "4000000"), serialFromIso("2004-12-01"));
    expect(due.toString()).toBe("5000000");
  });

  it("is #NUM! for a negative Investment and #VALUE! for lists of different lengths [9.2.20(i)]", () => {
    expect(kindOf(() => qalRepaymentDue(dates("2004-07-01"), amounts("-1"), serialFromIso("2004-12-01")))).toBe("num");
    expect(kindOf(() => qalRepaymentDue(dates("2004-07-01"), amounts("1", "2"), serialFromIso("2004-12-01")))).toBe("value");
  });
});

import { kindOf } from "../support/engineErrors";
import { serialFromIso } from "../../src/engine/dates";
import { dec } from "../../src/engine/decimal";
import { adjustedNetEarnings, AneCategory, ANE_CATEGORY_KEYS, aneExclusions, Charge, excludedGains } from "../../src/engine/adjustedNetEarnings";

function charge(category: AneCategory, iso: string, amount: string): Charge {
  return { category, date: serialFromIso(iso), amount: dec(amount) };
}

function excluded(charges: Charge[]): string[] {
  return aneExclusions(charges).map((x) => x.toString());
}

describe("each category's aggregate cap [1.1(c)(i)-(n)]", () => {
  it.each([
    // category, a date in its window, the cap the amendment prints, clause
    ["LIFO", "2004-06-30", "20000000", "(i)"],
    ["PENSION", "2004-06-30", "68000000", "(j)"],
    ["PENSIONSPECIAL", "2004-06-30", "25000000", "(k)"],
    ["IMPAIRMENT", "2004-06-30", "100000000", "(l)"],
    ["FOREIGNINVENTORY", "2004-06-30", "10000000", "(m)"],
    ["BPA", "2004-06-30", "80000000", "(n)(i)"],
    ["USWA", "2004-06-30", "250000000", "(n)(ii)"],
    ["PBGC", "2004-06-30", "250000000", "(n)(iii)"],
    ["RETIREEMEDICAL", "2004-06-30", "400000000", "(n)(iv)"],
    ["PREPETITION", "2004-06-30", "100000000", "(n)(vi)"],
  ] as const)("%s is excluded up to %s, its cap exactly, the excess staying in net income [1.1(c)%s]", (category, iso, cap, _clause) => {
    const capDec = dec(cap);
    expect(excluded([charge(category, iso, cap)])).toEqual([cap]);
    expect(excluded([charge(category, iso, capDec.plus(1).toString())])).toEqual([cap]);
    expect(excluded([charge(category, iso, cap), charge(category, iso, "1")])).toEqual([cap, "0"]);
  });

  it("excludes asbestos and personal injury accruals without a cap or a window [1.1(c)(n)(v)]", () => {
    expect(excluded([charge("ASBESTOS", "2003-01-15", "1000000000"), charge("ASBESTOS", "2009-01-15", "2000000000")])).toEqual(["1000000000", "2000000000"]);
  });

  it("splits the charge that reaches the cap across two rows: LIFO 15,000,000 then 8,000,000 gives 15,000,000 and 5,000,000 (Reading R-ANE-ORDER) [1.1(c)(i)]", () => {
    expect(excluded([charge("LIFO", "2004-06-30", "15000000"), charge("LIFO", "2004-09-30", "8000000")])).toEqual(["15000000", "5000000"]);
  });

  it("uses up the cap in date order, not row order (Reading R-ANE-ORDER) [1.1(c)(i)]", () => {
    expect(excluded([charge("LIFO", "2004-09-30", "8000000"), charge("LIFO", "2004-06-30", "15000000")])).toEqual(["5000000", "15000000"]);
  });

  it("uses up the cap in row order for charges of the same date (Reading R-ANE-ORDER) [1.1(c)(i)]", () => {
    expect(excluded([charge("LIFO", "2004-09-30", "8000000"), charge("LIFO", "2004-09-30", "15000000")])).toEqual(["8000000", "12000000"]);
  });

  it("keeps each category's cap to itself, the (n) items included [1.1(c)(n)]", () => {
    const charges = [charge("USWA", "2004-07-01", "250000000"), charge("PBGC", "2004-07-01", "250000000"), charge("LIFO", "2004-07-01", "20000000"), charge("FOREIGNINVENTORY", "2004-07-01", "10000000")];
    expect(excluded(charges)).toEqual(["250000000", "250000000", "20000000", "10000000"]);
  });

  it("keeps a charge that never reaches its cap whole [1.1(c)(l)]", () => {
    expect(excluded([charge("IMPAIRMENT", "2004-08-01", "1234567.89")])).toEqual(["1234567.89"]);
  });
});

describe("the windows (Reading R-ANE-WINDOWS, Reading R-ANE-FISCAL-YEAR) [1.1(c)]", () => {
  it.each([
    ["LIFO", "2004-05-31", "0", "May 31, 2004 is not after May 31, 2004"],
    ["LIFO", "2004-06-01", "1000000", "the first day after May 31, 2004"],
    ["IMPAIRMENT", "2007-03-31", "1000000", "no end to 'after May 31, 2004'"],
    ["BPA", "2004-01-15", "0", "the (n) caps count after May 31, 2004 too"],
    ["PENSION", "2003-12-31", "0", "Fiscal Year 2003 is outside (j)"],
    ["PENSION", "2004-01-01", "1000000", "Fiscal Year 2004, the calendar year, starts January 1"],
    ["PENSION", "2004-12-31", "1000000", "and ends December 31"],
    ["PENSION", "2005-01-01", "0", "Fiscal Year 2005 is outside (j)"],
    ["PENSIONSPECIAL", "2003-06-30", "1000000", "(k) applies 'in any Fiscal Year'"],
  ] as const)("%s dated %s excludes %s of 1,000,000 (%s) [1.1(c)]", (category, iso, expected, _why) => {
    expect(excluded([charge(category, iso, "1000000")])).toEqual([expected]);
  });

  it("does not let a charge outside the window use up the cap [1.1(c)(i)]", () => {
    expect(excluded([charge("LIFO", "2004-05-31", "20000000"), charge("LIFO", "2004-06-01", "20000000")])).toEqual(["0", "20000000"]);
  });

  it("starts the pension special charges cap again each Fiscal Year [1.1(c)(k)]", () => {
    const charges = [charge("PENSIONSPECIAL", "2004-03-31", "20000000"), charge("PENSIONSPECIAL", "2004-12-31", "10000000"), charge("PENSIONSPECIAL", "2005-01-01", "30000000")];
    expect(excluded(charges)).toEqual(["20000000", "5000000", "25000000"]);
  });

  it("gives the pension cap once, for Fiscal Year 2004 [1.1(c)(j)]", () => {
    expect(excluded([charge("PENSION", "2004-02-01", "50000000"), charge("PENSION", "2004-11-01", "20000000")])).toEqual(["50000000", "18000000"]);
  });

  it("knows every category the issue lists [1.1(c)]", () => {
    expect(ANE_CATEGORY_KEYS).toEqual(["LIFO", "PENSION", "PENSIONSPECIAL", "IMPAIRMENT", "FOREIGNINVENTORY", "BPA", "USWA", "PBGC", "RETIREEMEDICAL", "ASBESTOS", "PREPETITION"]);
  });
});

describe("non-recurring and extraordinary gains (Reading R-ANE-GAINS) [1.1(c)(g)]", () => {
  it.each([
    ["150000", "0", "a gain of exactly $150,000 stays in"],
    ["150000.01", "150000.01", "a gain one cent above is excluded whole, not only its excess"],
    ["2000000", "2000000", "a large gain is excluded whole"],
  ])("a gain of %s excludes %s (%s) [1.1(c)(g)]", (gain, expected, _why) => {
    expect(excludedGains([dec(gain)]).toString()).toBe(expected);
  });

  it("tests each gain on its own, not their total [1.1(c)(g)]", () => {
    expect(excludedGains([dec(100000), dec(100000), dec(200000)]).toString()).toBe("200000");
  });
});

describe("Adjusted Net Earnings from Operations [1.1(c)]", () => {
  it("adds back the excluded charges and takes out the excluded gains [1.1(c)]", () => {
    const result = adjustedNetEarnings({ netEarnings: dec(-30000000), charges: [charge("PENSION", "2004-10-31", "5000000")], gains: [dec(200000), dec(150000)] });
    expect(result.excludedCharges.toString()).toBe("5000000");
    expect(result.excludedGains.toString()).toBe("200000");
    expect(result.total.toString()).toBe("-25200000");
  });

  it("adds back only the period's charges while earlier ones still use up the caps (Reading R-ANE-PERIOD) [1.1(c)(i)]", () => {
    const charges = [charge("LIFO", "2004-07-31", "15000000"), charge("LIFO", "2004-10-15", "8000000"), charge("LIFO", "2004-11-15", "1000000")];
    const october = adjustedNetEarnings({ netEarnings: dec(0), charges, periodStart: serialFromIso("2004-10-01"), periodEnd: serialFromIso("2004-10-31") });
    expect(october.excludedCharges.toString()).toBe("5000000");
    expect(adjustedNetEarnings({ netEarnings: dec(0), charges }).excludedCharges.toString()).toBe("20000000");
  });

  it("is net earnings alone without charges or gains [1.1(c)]", () => {
    expect(adjustedNetEarnings({ netEarnings: dec("-1.5") }).total.toString()).toBe("-1.5");
  });
});

describe("edge cases", () => {
  it("is #NUM! for a negative charge (Reading R-ANE-CHARGES) [1.1(c)]", () => {
    expect(kindOf(() => aneExclusions([charge("LIFO", "2004-07-01", "-1")]))).toBe("num");
  });

  it("is #NUM! for a negative gain [1.1(c)(g)]", () => {
    expect(kindOf(() => excludedGains([dec(-1)]))).toBe("num");
  });

  it("is #NUM! for a period that ends before it starts [1.1(c)]", () => {
    expect(kindOf(() => adjustedNetEarnings({ netEarnings: dec(0), periodStart: serialFromIso("2004-10-31"), periodEnd: serialFromIso("2004-10-01") }))).toBe("num");
  });

  it("gives an empty result for no charges [1.1(c)]", () => {
    expect(aneExclusions([])).toEqual([]);
  });

  it("excludes a zero charge as zero without using the cap [1.1(c)(i)]", () => {
    expect(excluded([charge("LIFO", "2004-07-01", "0"), charge("LIFO", "2004-07-02", "20000000")])).toEqual(["0", "20000000"]);
  });
});

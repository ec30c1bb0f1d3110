import { kindOf } from "../support/engineErrors";
import { serialFromIso } from "../../src/engine/dates";
import { dec } from "../../src/engine/decimal";
import { adjustedNetEarnings, AneCategory, ANE_CATEGORY_KEYS, ANE_ITEM_KEYS, aneExclusions, AneItem, AneItemCategory, aneItemExclusions, Charge, excludedGains, impairmentBelowOlv } from "../../src/engine/adjustedNetEarnings";

function charge(category: AneCategory, iso: string, amount: string): Charge {
  return { category, date: serialFromIso(iso), amount: dec(amount) };
}

function excluded(charges: Charge[]): string[] {
  return aneExclusions(charges).map((x) => x.toString());
}

function item(category: AneItemCategory, iso: string, amount: string, extra: Partial<Record<"cashReceived" | "bookValue" | "olvInPlaceValue", string>> = {}): AneItem {
  const d = (v?: string) => (v === undefined ? undefined : dec(v));
  return { category, date: serialFromIso(iso), amount: dec(amount), cashReceived: d(extra.cashReceived), bookValue: d(extra.bookValue), olvInPlaceValue: d(extra.olvInPlaceValue) };
}

function itemsExcluded(items: AneItem[]): string[] {
  return aneItemExclusions(items).map((x) => x.toString());
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

  it.each([
    ["100000", "EXTRAORDINARY", "100000", "an extraordinary gain is excluded whatever its amount (the issue's case)"],
    ["1", "EXTRAORDINARY", "1", "even one dollar"],
    ["100000", "NONRECURRING", "0", "a non-recurring gain of $150,000 or less stays in"],
    ["100000", undefined, "0", "a gain without a kind is NONRECURRING, the earlier behaviour"],
    ["150000.01", "NONRECURRING", "150000.01", "a non-recurring gain above $150,000 is excluded whole"],
  ] as const)("a gain of %s of kind %s excludes %s (%s) (Reading R-ANE-GAINS) [1.1(c)(g)]", (gain, kind, expected, _why) => {
    expect(excludedGains([dec(gain)], [kind]).toString()).toBe(expected);
  });

  it("takes each gain's kind from beside it: extraordinary 100,000, non-recurring 100,000 and 200,000 exclude 300,000 (Reading R-ANE-GAINS) [1.1(c)(g)]", () => {
    expect(excludedGains([dec(100000), dec(100000), dec(200000)], ["EXTRAORDINARY", "NONRECURRING", undefined]).toString()).toBe("300000");
  });
});

describe("gains and losses on the sale of capital assets (Reading R-ANE-CAPITAL-ASSETS) [1.1(c)(a)]", () => {
  it.each([
    ["CAPITALGAIN", "150000", "0", "a gain of exactly $150,000 stays in"],
    ["CAPITALGAIN", "150000.01", "150000.01", "a gain above $150,000 is excluded whole"],
    ["CAPITALLOSS", "150000", "0", "a loss of exactly $150,000 stays in"],
    ["CAPITALLOSS", "2500000", "2500000", "a loss above $150,000 is excluded whole (added back)"],
  ] as const)("%s of %s excludes %s (%s) [1.1(c)(a)]", (category, amount, expected, _why) => {
    expect(itemsExcluded([item(category, "2004-10-15", amount)])).toEqual([expected]);
  });

  it("takes out an excluded capital gain and adds back an excluded capital loss: −1,000,000 with a 400,000 gain and a 300,000 loss is −1,100,000 [1.1(c)(a)]", () => {
    const result = adjustedNetEarnings({ netEarnings: dec(-1000000), charges: [item("CAPITALGAIN", "2004-10-05", "400000"), item("CAPITALLOSS", "2004-10-20", "300000")] });
    expect(result.excludedEarnings.toString()).toBe("400000");
    expect(result.excludedCharges.toString()).toBe("300000");
    expect(result.total.toString()).toBe("-1100000");
  });
});

describe("earnings of a non-Subsidiary investee (Reading R-ANE-INVESTEE) [1.1(c)(d)]", () => {
  it.each([
    ["5000000", "1000000", "1000000", "5,000,000 less 1,000,000 cash less 3,000,000"],
    ["5000000", undefined, "2000000", "no cash received: 5,000,000 less 3,000,000"],
    ["4000000", "1000000", "0", "exactly the cash plus $3,000,000: nothing excluded"],
    ["2000000", undefined, "0", "earnings below $3,000,000 stay in"],
  ] as const)("earnings %s with cash %s exclude %s (%s) [1.1(c)(d)]", (earnings, cash, expected, _why) => {
    expect(itemsExcluded([item("INVESTEE", "2004-10-31", earnings, { cashReceived: cash })])).toEqual([expected]);
  });

  it("takes the excess out of net earnings: 10,000,000 with an investee's 5,000,000 and 1,000,000 cash is 9,000,000 [1.1(c)(d)]", () => {
    expect(adjustedNetEarnings({ netEarnings: dec(10000000), charges: [item("INVESTEE", "2004-10-31", "5000000", { cashReceived: "1000000" })] }).total.toString()).toBe("9000000");
  });
});

describe("the exception of clause (l): an impairment below the OLV In-Place Value (Reading R-ANE-IMPAIRMENT-OLV) [1.1(c)(l)]", () => {
  it.each([
    ["30000000", "100000000", "80000000", "10000000", "book 100m less 30m is 70m, 10m below the 80m OLV: 10m not excluded"],
    ["15000000", "100000000", "80000000", "0", "book 85m after the charge stays above the OLV: all excluded"],
    ["5000000", "70000000", "80000000", "5000000", "already below the OLV: the whole charge widens the gap"],
    ["20000000", "100000000", "80000000", "0", "exactly at the OLV: nothing below it"],
  ] as const)("a charge of %s on book value %s with OLV %s keeps %s in net income (%s) [1.1(c)(l)]", (charge, book, olv, kept, _why) => {
    expect(impairmentBelowOlv(dec(charge), dec(book), dec(olv)).toString()).toBe(kept);
    expect(itemsExcluded([item("IMPAIRMENT", "2004-10-15", charge, { bookValue: book, olvInPlaceValue: olv })])).toEqual([dec(charge).minus(kept).toString()]);
  });

  it("lets the part not excluded use none of the $100,000,000 cap: 30m kept 10m, then 85m excluded whole (20m + 80m = 100m) [1.1(c)(l)]", () => {
    const items = [item("IMPAIRMENT", "2004-07-15", "30000000", { bookValue: "100000000", olvInPlaceValue: "80000000" }), item("IMPAIRMENT", "2004-09-15", "85000000")];
    expect(itemsExcluded(items)).toEqual(["20000000", "80000000"]);
  });

  it("excludes an impairment charge without an Eligible Fixed Asset as before [1.1(c)(l)]", () => {
    expect(itemsExcluded([item("IMPAIRMENT", "2004-07-15", "30000000")])).toEqual(["30000000"]);
  });

  it("is #VALUE! for asset columns on another category, or only one of them, and #NUM! for a negative one [1.1(c)(l)]", () => {
    expect(kindOf(() => aneItemExclusions([item("LIFO", "2004-07-15", "1", { bookValue: "1", olvInPlaceValue: "1" })]))).toBe("value");
    expect(kindOf(() => aneItemExclusions([item("IMPAIRMENT", "2004-07-15", "1", { bookValue: "1" })]))).toBe("value");
    expect(kindOf(() => aneItemExclusions([item("LIFO", "2004-07-15", "1", { cashReceived: "1" })]))).toBe("value");
    expect(kindOf(() => aneItemExclusions([item("IMPAIRMENT", "2004-07-15", "1", { bookValue: "-1", olvInPlaceValue: "1" })]))).toBe("num");
  });

  it("knows the other items after the capped charges [1.1(c)]", () => {
    expect(ANE_ITEM_KEYS.slice(ANE_CATEGORY_KEYS.length)).toEqual(["CAPITALGAIN", "CAPITALLOSS", "INVESTEE"]);
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

import { dec, toCents } from "../../src/engine/decimal";
import { isoFromSerial, serial, serialFromIso } from "../../src/engine/dates";
import { EngineError } from "../../src/engine/errors";
import {
  exerciseDate,
  optionExpiry,
  optionIncome,
  repurchaseDeadline,
  repurchasePrice,
  splitAdjust,
  TerminationReason,
  vestedShares,
  vestingSchedule,
  wholeSharesDown,
} from "../../src/engine/optionGrant";

/** An Excel date-time as Excel builds it: DATE(y,m,d) + TIME(h,mi,s). */
function at(year: number, month: number, day: number, hour: number, minute: number, second = 0): number {
  return serial(year, month, day) + (hour * 3600 + minute * 60 + second) / 86400;
}

function kindOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof EngineError ? e.kind : "not an EngineError";
  }
  return undefined;
}

const FIRST_VEST = serial(2005, 3, 1);
const grant = (shares: number, rate: string | number, years?: number, firstVestPercent?: string) => ({
  grantShares: dec(shares),
  vestPercentPerYear: dec(rate),
  firstVestDate: FIRST_VEST,
  years,
  firstVestPercent: firstVestPercent === undefined ? undefined : dec(firstVestPercent),
});

describe("vesting: the rate per year, over the years, the first on a date [Grant letter ¶3]", () => {
  it.each([
    // as of, vested, why
    ["2005-02-28", "0", "the day before the first vesting date"],
    ["2005-03-01", "250", "the first 25% vests on its date"],
    ["2006-02-28", "250", "the day before the first anniversary"],
    ["2006-03-01", "500", "the first anniversary"],
    ["2006-06-30", "500", "between anniversaries"],
    ["2008-03-01", "1000", "the third anniversary, fourth tranche: all"],
    ["2020-01-01", "1000", "never above the grant"],
  ])("1,000 shares at 25%% a year from 2005-03-01, as of %s, has %s vested (%s) [Grant letter ¶3]", (asOf, expected, _why) => {
    const [y, m, d] = asOf.split("-").map(Number);
    expect(vestedShares(grant(1000, "0.25"), serial(y, m, d)).toString()).toBe(expected);
  });

  it.each([
    // shares, rate, years, first %, tranches, why
    [1001, "0.25", undefined, undefined, ["250", "250", "250", "251"], "the cumulative shares round down; the last takes what is left (Reading R-OPTION-VEST)"],
    [999, "0.25", undefined, undefined, ["249", "250", "250", "250"], "rounded cumulatively: 499 after two tranches (floor of 499.5), not 2 × 249 (Reading R-OPTION-VEST)"],
    [10, "0.15", undefined, undefined, ["1", "2", "1", "2", "1", "2", "1"], "floor(1.5), floor(3), floor(4.5), floor(6), floor(7.5), floor(9), then the rest (Reading R-OPTION-VEST)"],
    [100, "0.3", undefined, undefined, ["30", "30", "30", "10"], "30% a year needs four tranches: years defaults to ⌈1 / 30%⌉"],
    [1000, "0.25", 2, undefined, ["250", "750"], "fewer years than the rate needs: the last tranche takes the rest"],
    [1000, "0.25", 6, undefined, ["250", "250", "250", "250", "0", "0"], "more years than the rate needs: never above the grant"],
    [1000, "0.3", undefined, "0.1", ["100", "300", "300", "300"], "a first tranche of 10%, then 30% a year"],
    [1001, "0.25", undefined, "0.5", ["500", "250", "251"], "a first tranche of 50%, then 25% a year: years defaults to 1 + ⌈50% / 25%⌉ = 3, not ⌈1 / 25%⌉"],
    [999, "0.2", undefined, undefined, ["199", "200", "200", "200", "200"], "cumulatively floor(199.8), floor(399.6), floor(599.4), floor(799.2), then the rest: 199, 399, 599, 799, 999"],
    [1000, "1", undefined, undefined, ["1000"], "100% vests at once"],
    [0, "0.25", undefined, undefined, ["0", "0", "0", "0"], "an empty grant vests nothing"],
  ])("%s shares at %s (years %s, first %s) vest %j: %s [Grant letter ¶3]", (shares, rate, years, first, expected, _why) => {
    const tranches = vestingSchedule(grant(shares, rate, years, first));
    expect(tranches.map((t) => t.shares.toString())).toEqual(expected);
    expect(tranches[tranches.length - 1].cumulative.toString()).toBe(String(shares));
    expect(tranches.map((t) => isoFromSerial(t.date))).toEqual(expected.map((_, k) => `${2005 + k}-03-01`));
  });

  it("agrees with the schedule on every day of six years [Grant letter ¶3]", () => {
    const g = grant(1001, "0.3", undefined, "0.15");
    const tranches = vestingSchedule(g);
    for (let day = FIRST_VEST - 3; day < FIRST_VEST + 6 * 366; day++) {
      const expected = tranches.filter((t) => t.date <= day).reduce((sum, t) => sum.plus(t.shares), dec(0));
      expect(vestedShares(g, day).toString()).toBe(expected.toString());
    }
  });

  it("vests 999 shares at 25% a year as 249, 499, 749 and 999 cumulatively (the issue's case, Reading R-OPTION-VEST) [Grant letter ¶3]", () => {
    const g = grant(999, "0.25");
    expect(vestingSchedule(g).map((t) => t.cumulative.toString())).toEqual(["249", "499", "749", "999"]);
    expect(vestedShares(g, serial(2006, 3, 1)).toString()).toBe("499");
    expect(vestedShares(g, serial(2007, 2, 28)).toString()).toBe("499");
    expect(vestedShares(g, serial(2007, 3, 1)).toString()).toBe("749");
  });

  it("reads a rate typed as =1/3 as one third: 300 shares vest 100 a year over 3 years (Reading R-OPTION-WHOLE-SHARES) [Grant letter ¶3]", () => {
    const g = { grantShares: dec(300), vestPercentPerYear: dec(1 / 3), firstVestDate: FIRST_VEST };
    expect(vestingSchedule(g).map((t) => t.shares.toString())).toEqual(["100", "100", "100"]);
  });

  it("vests on 28 February the anniversaries of a 29 February first vesting date (Reading R-OPTION-ANNIVERSARY) [Grant letter ¶3]", () => {
    const g = { grantShares: dec(100), vestPercentPerYear: dec("0.5"), firstVestDate: serial(2004, 2, 29) };
    expect(vestedShares(g, serial(2005, 2, 27)).toString()).toBe("50");
    expect(vestedShares(g, serial(2005, 2, 28)).toString()).toBe("100");
  });
});

describe("the deemed date of exercise: after 5:00 p.m. Houston time, the next business day [Grant letter ¶4]", () => {
  it.each([
    // received (Houston time), notice as Excel holds it, deemed exercise date, why
    ["2004-09-08 4:59 p.m.", at(2004, 9, 8, 16, 59), "2004-09-08", "a Wednesday at 4:59 p.m.: that day"],
    ["2004-09-08 5:00 p.m.", at(2004, 9, 8, 17, 0), "2004-09-08", "a Wednesday at exactly 5:00 p.m.: in time (Reading R-EXERCISE-CUTOFF)"],
    ["2004-09-08 5:01 p.m.", at(2004, 9, 8, 17, 1), "2004-09-09", "a Wednesday at 5:01 p.m.: the next business day"],
    ["2004-09-03 4:59 p.m.", at(2004, 9, 3, 16, 59), "2004-09-03", "the Friday before Labor Day at 4:59 p.m.: that Friday"],
    ["2004-09-03 5:00 p.m.", at(2004, 9, 3, 17, 0), "2004-09-03", "the Friday before Labor Day at 5:00 p.m.: that Friday"],
    ["2004-09-03 5:01 p.m.", at(2004, 9, 3, 17, 1), "2004-09-07", "the Friday before Labor Day at 5:01 p.m.: Tuesday, over the weekend and the holiday"],
    ["2004-09-04 10:00 a.m.", at(2004, 9, 4, 10, 0), "2004-09-07", "a Saturday morning: the next business day (Reading R-EXERCISE-BUSINESSDAY)"],
    ["2004-09-06 9:00 a.m.", at(2004, 9, 6, 9, 0), "2004-09-07", "Labor Day morning: the next business day"],
    ["2004-11-24 5:01 p.m.", at(2004, 11, 24, 17, 1), "2004-11-26", "the Wednesday before Thanksgiving after 5:00 p.m.: Friday"],
    ["2004-12-23 5:30 p.m.", at(2004, 12, 23, 17, 30), "2004-12-24", "Christmas 2004 fell on a Saturday, so Friday 12-24 is a business day (Reading R-BD-SUNDAY)"],
    ["2004-12-31 5:30 p.m.", at(2004, 12, 31, 17, 30), "2005-01-03", "New Year's Eve, a Friday, after 5:00 p.m.: Monday"],
    ["2004-09-08 12:00 a.m.", serial(2004, 9, 8), "2004-09-08", "midnight at the start of a business day: that day"],
    ["2004-09-08 11:59:59 p.m.", at(2004, 9, 8, 23, 59, 59), "2004-09-09", "one second before midnight: the next business day"],
  ])("a notice received %s is deemed exercised on %s (%s) [Grant letter ¶4]", (_received, notice, expected, _why) => {
    expect(isoFromSerial(exerciseDate(notice))).toBe(expected);
  });

  it("compares 5:00 p.m. exactly, without floating-point error, however the fraction is typed (Reading R-EXERCISE-CUTOFF) [Grant letter ¶4]", () => {
    const day = serial(2004, 9, 8);
    for (const fivePm of [day + 17 / 24, day + 0.708333333333333, day + 0.7083333333333334, day + 61200 / 86400]) {
      expect(isoFromSerial(exerciseDate(fivePm))).toBe("2004-09-08");
    }
    expect(isoFromSerial(exerciseDate(day + (17 * 3600 + 0.001) / 86400))).toBe("2004-09-09");
    expect(isoFromSerial(exerciseDate(day + (17 * 3600 - 0.001) / 86400))).toBe("2004-09-08");
  });

  it("reads a fraction that rounds to midnight as the next day's midnight [Grant letter ¶4]", () => {
    // 2004-09-03 (a Friday) + 0.99999999999 is within a millisecond of Saturday 00:00.
    expect(isoFromSerial(exerciseDate(serial(2004, 9, 3) + 0.99999999999))).toBe("2004-09-07");
  });

  it("skips the workbook's extra holidays (Reading R-BD-CALENDAR) [Grant letter ¶4]", () => {
    const extra = new Set([serial(2004, 9, 7)]);
    expect(isoFromSerial(exerciseDate(at(2004, 9, 3, 17, 1), extra))).toBe("2004-09-08");
    expect(isoFromSerial(exerciseDate(at(2004, 9, 7, 12, 0), extra))).toBe("2004-09-08");
  });
});

describe("the last day of exercise after termination of employment [Grant letter ¶5]", () => {
  const scheduled = serial(2012, 1, 15);
  const early = serial(2005, 6, 30);
  it.each([
    // reason, scheduled expiry, expected, why
    ["CAUSE", "2012-01-15", "2004-11-30", "all options terminate immediately (Reading R-OPTION-CAUSE)"],
    ["DEATH", "2012-01-15", "2005-11-30", "the first anniversary of termination"],
    ["DISABILITY", "2012-01-15", "2005-11-30", "the first anniversary of termination"],
    ["RETIREMENT", "2012-01-15", "2007-11-30", "the third anniversary of termination (Reading R-OPTION-RETIREMENT)"],
    ["OTHER", "2012-01-15", "2005-02-28", "three months after 2004-11-30, clamped to February's end (Reading R-OPTION-WINDOW)"],
    ["CAUSE", "2005-06-30", "2004-11-30", "cause: termination, before the scheduled expiry"],
    ["DEATH", "2005-06-30", "2005-06-30", "the scheduled expiry is earlier than the anniversary"],
    ["DISABILITY", "2005-06-30", "2005-06-30", "the scheduled expiry is earlier than the anniversary"],
    ["RETIREMENT", "2005-06-30", "2005-06-30", "the scheduled expiry is earlier than the third anniversary"],
    ["OTHER", "2005-01-31", "2005-01-31", "not after its scheduled expiration date"],
  ])("%s with scheduled expiry %s, terminated 2004-11-30, gives %s (%s) [Grant letter ¶5]", (reason, expiry, expected, _why) => {
    expect(isoFromSerial(optionExpiry(serialFromIso(expiry), serial(2004, 11, 30), reason as TerminationReason))).toBe(expected);
  });

  it("takes the first anniversary of a 29 February termination as 28 February [Grant letter ¶5]", () => {
    expect(isoFromSerial(optionExpiry(scheduled, serial(2004, 2, 29), "DEATH"))).toBe("2005-02-28");
  });

  it("counts three months from 2004-08-31 to 2004-11-30 [Grant letter ¶5]", () => {
    expect(isoFromSerial(optionExpiry(scheduled, serial(2004, 8, 31), "OTHER"))).toBe("2004-11-30");
  });

  it("never revives an option past its scheduled expiry, even for cause [Grant letter ¶5]", () => {
    expect(isoFromSerial(optionExpiry(early, serial(2006, 1, 1), "CAUSE"))).toBe("2005-06-30");
  });
});

describe("the Company's repurchase right [Grant letter ¶3]", () => {
  it.each([
    // exercise price, closing price, shares, expected
    ["12.50", "15.75", 1000, "3250", "the difference between closing and exercise price, per share"],
    ["10.10", "10.30", 3, "0.6", "exact where floating point gives 0.6000000000000014"],
    ["15.75", "12.50", 1000, "0", "below water: never below 0 (Reading R-REPURCHASE-PRICE)"],
    ["12.50", "12.50", 1000, "0", "at the money"],
    ["12.50", "15.75", 0, "0", "no shares repurchased"],
  ])("exercise %s, closing %s, %d shares: %s (%s) [Grant letter ¶3]", (price, closing, shares, expected, _why) => {
    expect(repurchasePrice(dec(price), dec(closing), dec(shares)).toString()).toBe(expected);
  });

  it.each([
    ["2004-09-07", "2004-09-17", "ten calendar days after exercise (Reading R-REPURCHASE-DEADLINE)"],
    ["2004-12-28", "2005-01-07", "across the year end"],
    ["2004-09-01", "2004-09-11", "a Saturday deadline stays a Saturday"],
  ])("exercised on %s, the right lasts until %s (%s) [Grant letter ¶3]", (exercised, expected, _why) => {
    expect(isoFromSerial(repurchaseDeadline(serialFromIso(exercised)))).toBe(expected);
  });
});

describe("ordinary income on exercise [Grant letter ¶4]", () => {
  it.each([
    ["15.75", "12.50", 1000, "3250", "market value less exercise price, times shares"],
    ["0.3", "0.1", 3, "0.6", "exact"],
    ["10", "12.50", 100, "-250", "below water: signed (Reading R-OPTION-INCOME)"],
  ])("market value %s, exercise price %s, %d shares: %s (%s) [Grant letter ¶4]", (value, price, shares, expected, _why) => {
    expect(optionIncome(dec(value), dec(price), dec(shares)).toString()).toBe(expected);
  });
});

describe("the adjustment for a split or reverse split [Grant letter ¶6]", () => {
  it.each([
    // shares, price, ratio, new shares, total price, why
    [1000, "10", "1.5", "1500", "10000", "a 3-for-2 split"],
    [1000, "10", "0.1", "100", "10000", "a 1-for-10 reverse split"],
    [1001, "12.34", "1.5", "1501", "12352.34", "3-for-2 of an odd number: 1,501.5 rounds down to 1,501"],
    [1005, "1.23", "0.1", "100", "1236.15", "1-for-10 of 1,005: 100.5 rounds down to 100"],
    [777, "3.17", "2", "1554", "2463.09", "a 2-for-1 split"],
    [300, "10", 2 / 3, "200", "3000", "2-for-3 typed as =2/3 (Reading R-OPTION-WHOLE-SHARES)"],
  ])("%d shares at $%s, ratio %s: %s shares, total price $%s kept to the cent (%s) [Grant letter ¶6]", (shares, price, ratio, newShares, total, _why) => {
    const adjusted = splitAdjust(dec(shares), dec(price), dec(ratio));
    expect(adjusted.shares.toString()).toBe(newShares);
    expect(adjusted.totalPrice.toString()).toBe(total);
    // The total price is kept to the cent, both exactly and from the number Excel receives.
    expect(toCents(adjusted.exercisePrice.times(adjusted.shares)).toString()).toBe(toCents(dec(total)).toString());
    expect(toCents(dec(adjusted.exercisePrice.toNumber()).times(adjusted.shares)).toString()).toBe(toCents(dec(total)).toString());
  });

  it("gives the 3-for-2 price to the engine's 40 significant digits, unrounded (Reading R-OPTION-SPLIT) [Grant letter ¶6]", () => {
    expect(splitAdjust(dec(1000), dec(10), dec("1.5")).exercisePrice.toString()).toBe("6.666666666666666666666666666666666666667");
  });
});

describe("edge cases", () => {
  it.each([
    ["a rate of 0", () => vestedShares(grant(1000, "0"), FIRST_VEST)],
    ["a rate above 100%", () => vestedShares(grant(1000, "1.01"), FIRST_VEST)],
    ["years of 0", () => vestedShares(grant(1000, "0.25", 0), FIRST_VEST)],
    ["a first percentage of 0", () => vestedShares(grant(1000, "0.25", undefined, "0"), FIRST_VEST)],
    ["a fractional grant", () => vestedShares({ ...grant(1000, "0.25"), grantShares: dec("10.5") }, FIRST_VEST)],
    ["a split ratio of 0", () => splitAdjust(dec(1000), dec(10), dec(0))],
    ["a negative split ratio", () => splitAdjust(dec(1000), dec(10), dec(-2))],
    ["a reverse split that leaves no whole share", () => splitAdjust(dec(5), dec(10), dec("0.1"))],
    ["a split of no shares", () => splitAdjust(dec(0), dec(10), dec(2))],
    ["a notice before the business-day calendar", () => exerciseDate(serial(1985, 6, 3))],
    ["a repurchase deadline after 9999-12-31", () => repurchaseDeadline(serial(9999, 12, 25))],
  ])("%s is #NUM!", (_what, fn) => {
    expect(kindOf(fn)).toBe("num");
  });

  it("checks the vesting terms even before the first vesting date [Grant letter ¶3]", () => {
    expect(kindOf(() => vestedShares(grant(1000, "0"), FIRST_VEST - 400))).toBe("num");
    expect(vestedShares(grant(1000, "0.25"), FIRST_VEST - 400).toString()).toBe("0");
  });

  it("rounds a count down unless it is a whole number within Excel's precision (Reading R-OPTION-WHOLE-SHARES)", () => {
    expect(wholeSharesDown(dec("99.99999999999999")).toString()).toBe("100");
    expect(wholeSharesDown(dec("99.9999")).toString()).toBe("99");
    expect(wholeSharesDown(dec("0.99")).toString()).toBe("0");
    expect(wholeSharesDown(dec("1501.5")).toString()).toBe("1501");
  });
});

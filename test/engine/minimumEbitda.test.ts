import { kindOf } from "../support/engineErrors";
import { serial, serialFromIso } from "../../src/engine/dates";
import { dec } from "../../src/engine/decimal";
import {
  attributableAmountFor,
  daysRemaining,
  describePeriod,
  Disposition,
  dispositionReduction,
  ebitdaHeadroom,
  ebitdaTest,
  isTested,
  minimumEbitdaFloor,
  minimumEbitdaPeriod,
  minimumEbitdaPeriods,
  sameForEveryPeriod,
} from "../../src/engine/minimumEbitda";

const OCT = serial(2004, 10, 31);
const NOV = serial(2004, 11, 30);
const DEC = serial(2004, 12, 31);

function d(y: number, m: number, day: number, amount: string): Disposition {
  return { date: serial(y, m, day), attributableAmounts: sameForEveryPeriod(dec(amount)) };
}

/** A disposition with its Attributable EBITDA Amount for each period: 1 month, 2 months, 3 months. */
function perPeriod(iso: string, oneMonth: string, twoMonths: string, threeMonths: string): Disposition {
  return { date: serialFromIso(iso), attributableAmounts: [dec(oneMonth), dec(twoMonths), dec(threeMonths)] };
}

describe("the periods of the Minimum EBITDA table [9.2.4]", () => {
  it.each([
    ["2004-10-31", 31, "-22500000", "1 month ending 10/31/04"],
    ["2004-11-30", 61, "-20500000", "2 months ending 11/30/04"],
    ["2004-12-31", 92, "-19500000", "3 months ending 12/31/04"],
  ])("the period ending %s has %s days from 2004-10-01 and a minimum of %s (%s) (Reading R-EBITDA-PERIOD) [9.2.4]", (iso, days, minimum, _label) => {
    const end = serialFromIso(iso);
    const period = minimumEbitdaPeriod(end);
    expect(period.start).toBe(serial(2004, 10, 1));
    expect(period.days).toBe(days);
    expect(period.minimum.toString()).toBe(minimum);
    expect(minimumEbitdaFloor(end).toString()).toBe(minimum);
  });

  it("lists the three periods in the table's order [9.2.4]", () => {
    expect(minimumEbitdaPeriods().map((p) => p.end)).toEqual([OCT, NOV, DEC]);
  });

  it("labels a period with its months, end and minimum [9.2.4]", () => {
    expect(describePeriod(minimumEbitdaPeriod(NOV))).toBe("Minimum EBITDA, 2 months ending 2004-11-30: -$20,500,000 [9.2.4]");
    expect(describePeriod(minimumEbitdaPeriod(OCT))).toBe("Minimum EBITDA, 1 month ending 2004-10-31: -$22,500,000 [9.2.4]");
  });

  it.each([
    ["2004-09-30", "the month before the table starts"],
    ["2005-01-31", "the month after the table ends"],
    ["2004-11-29", "a day that is not a period end"],
  ])("sets no minimum for the period ending %s (%s): #N/A [9.2.4]", (iso, _why) => {
    const end = serialFromIso(iso);
    expect(kindOf(() => minimumEbitdaFloor(end))).toBe("na");
    expect(() => minimumEbitdaFloor(end)).toThrow(/no minimum EBITDA is set for the period ending/);
  });
});

describe("the reduction for dispositions [9.2.4]", () => {
  it("gives −20,500,000 − 3,000,000 × 15/61 for a disposition on 2004-11-15 in the period ending 2004-11-30 (Reading R-EBITDA-PRECISION) [9.2.4]", () => {
    const floor = minimumEbitdaFloor(NOV, [d(2004, 11, 15, "3000000")]);
    // (−20,500,000 × 61 − 45,000,000) / 61 = −1,295,500,000 / 61, to 40 significant digits.
    expect(floor.toString()).toBe("-21237704.91803278688524590163934426229508");
    expect(floor.toNumber()).toBe(-20500000 - (3000000 * 15) / 61);
  });

  it("is the Attributable EBITDA Amount times days remaining over days in the period [9.2.4]", () => {
    const period = minimumEbitdaPeriod(NOV);
    expect(daysRemaining(period, serial(2004, 11, 15))).toBe(15);
    expect(dispositionReduction(period, d(2004, 11, 15, "3000000")).toString()).toBe("737704.918032786885245901639344262295082");
  });

  it.each([
    // period end, disposition date, Attributable EBITDA Amount, expected floor, why
    ["2004-10-31", "2004-10-01", "3100000", "-25500000", "consummated on the first day: 30 of 31 days remain, the day itself not remaining"],
    ["2004-10-31", "2004-09-30", "3100000", "-25600000", "consummated the day before the period: the whole amount"],
    ["2004-10-31", "2004-07-01", "3100000", "-25600000", "consummated months before: the whole amount, not more"],
    ["2004-10-31", "2004-10-31", "3100000", "-22500000", "consummated on the period's last day: no day remains"],
    ["2004-10-31", "2004-11-15", "3100000", "-22500000", "consummated after the period: no reduction"],
    ["2004-12-31", "2004-12-08", "9200000", "-21800000", "23 of 92 days remain: 9,200,000 × 23/92 = 2,300,000"],
    ["2004-11-30", "2004-10-31", "6100000", "-23500000", "30 of 61 days remain in the 2-month period"],
  ])("for the period ending %s, a disposition on %s of %s gives %s (%s) (Reading R-EBITDA-DAYS-REMAINING) [9.2.4]", (end, date, amount, expected, _why) => {
    expect(minimumEbitdaFloor(serialFromIso(end), [{ date: serialFromIso(date), attributableAmounts: sameForEveryPeriod(dec(amount)) }]).toString()).toBe(expected);
  });

  it("adds the reductions of several dispositions cumulatively [9.2.4]", () => {
    // 6,100,000 × 30/61 + 1,000,000 × 0/61 + 610,000 × 10/61 = 3,000,000 + 0 + 100,000
    const floor = minimumEbitdaFloor(NOV, [d(2004, 10, 31, "6100000"), d(2004, 11, 30, "1000000"), d(2004, 11, 20, "610000")]);
    expect(floor.toString()).toBe("-23600000");
  });

  it("makes the floor more negative for a positive amount and raises it for a negative one (Reading R-EBITDA-REDUCED) [9.2.4]", () => {
    expect(minimumEbitdaFloor(NOV, [d(2004, 11, 15, "3000000")]).lessThan(dec(-20500000))).toBe(true);
    // −20,500,000 + 45,000,000/61 = −1,205,500,000/61
    expect(minimumEbitdaFloor(NOV, [d(2004, 11, 15, "-3000000")]).toString()).toBe("-19762295.08196721311475409836065573770492");
  });

  it("rounds a non-terminating floor once, not once per disposition (Reading R-EBITDA-PRECISION) [9.2.4]", () => {
    // Three dispositions of 1 each with 1 day remaining: exactly −20,500,000 − 3/61.
    const three = [d(2004, 11, 29, "1"), d(2004, 11, 29, "1"), d(2004, 11, 29, "1")];
    expect(minimumEbitdaFloor(NOV, three).toString()).toBe(minimumEbitdaFloor(NOV, [d(2004, 11, 29, "3")]).toString());
    expect(minimumEbitdaFloor(NOV, three).times(61).toString()).toBe("-1250500003");
  });
});

describe("each period's own Attributable EBITDA Amount (Reading R-EBITDA-PERIOD-AMOUNT) [9.2.4]", () => {
  // A Gramercy/KJBC disposition consummated on 2004-11-15 with Attributable EBITDA Amounts of
  // 1,000,000 (1 month), 2,000,000 (2 months) and 3,000,000 (3 months).
  const gramercy = perPeriod("2004-11-15", "1000000", "2000000", "3000000");
  it.each([
    ["2004-10-31", "-22500000", "the period ends before 2004-11-15: not a period 'ending after' the disposition, no reduction"],
    ["2004-11-30", "-20991803.27868852459016393442622950819672", "−20,500,000 − 2,000,000 × 15/61 (15 of 61 days remain): the 2-month amount"],
    ["2004-12-31", "-21000000", "−19,500,000 − 3,000,000 × 46/92 = −19,500,000 − 1,500,000: the 3-month amount"],
  ])("for the period ending %s the floor is %s (%s) [9.2.4]", (end, expected, _why) => {
    expect(minimumEbitdaFloor(serialFromIso(end), [gramercy]).toString()).toBe(expected);
  });

  it("picks the amount of the period measured [9.2.4]", () => {
    expect(minimumEbitdaPeriods().map((p) => attributableAmountFor(gramercy, p).toString())).toEqual(["1000000", "2000000", "3000000"]);
    expect(dispositionReduction(minimumEbitdaPeriod(NOV), gramercy).toString()).toBe("491803.2786885245901639344262295081967213");
  });

  it("differs from one amount used for every period: 3,000,000 × 15/61 in November instead of 2,000,000 × 15/61 [9.2.4]", () => {
    expect(minimumEbitdaFloor(NOV, [d(2004, 11, 15, "3000000")]).toString()).toBe("-21237704.91803278688524590163934426229508");
    expect(minimumEbitdaFloor(DEC, [d(2004, 11, 15, "3000000")]).toString()).toBe("-21000000");
  });

  it("adds several dispositions' amounts for the period, cumulatively: the ready model's two [9.2.4]", () => {
    // Gramercy/KJBC on 2004-10-01 (1,550,000 / 3,050,000 / 4,600,000), VALCO on 2004-11-15 (1,000,000 / 2,440,000 / 3,600,000).
    const model = [perPeriod("2004-10-01", "1550000", "3050000", "4600000"), perPeriod("2004-11-15", "1000000", "2440000", "3600000")];
    // October: 1,550,000 × 30/31 = 1,500,000; VALCO after the period.
    expect(minimumEbitdaFloor(OCT, model).toString()).toBe("-24000000");
    // November: 3,050,000 × 60/61 + 2,440,000 × 15/61 = 3,000,000 + 600,000.
    expect(minimumEbitdaFloor(NOV, model).toString()).toBe("-24100000");
    // December: 4,600,000 × 91/92 + 3,600,000 × 46/92 = 4,550,000 + 1,800,000.
    expect(minimumEbitdaFloor(DEC, model).toString()).toBe("-25850000");
  });

  it("tests and measures the headroom against the period's own floor [9.2.4]", () => {
    expect(ebitdaTest(NOV, dec("-20991803.28"), serial(2004, 9, 20), [gramercy])).toBe("FAIL");
    expect(ebitdaTest(NOV, dec("-20991803.27"), serial(2004, 9, 20), [gramercy])).toBe("PASS");
    expect(ebitdaHeadroom(DEC, dec(-20000000), [gramercy]).toString()).toBe("1000000");
  });
});

describe("the covenant test [9.2.4]", () => {
  const septemberEvent = serial(2004, 9, 20);
  it.each([
    ["2004-10-31", "-22500000", "2004-09-20", "PASS", "equal to the floor passes ('not less than')"],
    ["2004-10-31", "-22500000.01", "2004-09-20", "FAIL", "one cent below the floor fails"],
    ["2004-12-31", "5000000", "2004-09-20", "PASS", "positive EBITDA passes"],
    ["2004-10-31", "-30000000", "2004-11-09", "NOT TESTED", "October ends before November, the month of the first Threshold Event"],
    ["2004-11-30", "-30000000", "2004-11-09", "FAIL", "the month of the first Threshold Event is tested"],
    ["2004-11-30", "-30000000", "2004-11-30", "FAIL", "a Threshold Event on the period's last day still commences the covenant that month"],
    ["2004-12-31", "-30000000", "none", "NOT TESTED", "no Threshold Event: never tested"],
  ])("for the period ending %s, EBITDA %s with the first Threshold Event on %s is %s (%s) (Reading R-EBITDA-START) [9.2.4]", (end, ebitda, event, expected, _why) => {
    expect(ebitdaTest(serialFromIso(end), dec(ebitda), event === "none" ? undefined : serialFromIso(event))).toBe(expected);
  });

  it("tests against the floor after dispositions [9.2.4]", () => {
    const dispositions = [d(2004, 11, 15, "3000000")];
    expect(ebitdaTest(NOV, dec(-21000000), septemberEvent, dispositions)).toBe("PASS");
    expect(ebitdaTest(NOV, dec(-21000000), septemberEvent)).toBe("FAIL");
  });

  it("counts the covenant from the month of the Threshold Event, not its day [9.2.4]", () => {
    expect(isTested(OCT, serial(2004, 10, 31))).toBe(true);
    expect(isTested(OCT, serial(2004, 11, 1))).toBe(false);
  });
});

describe("the headroom [9.2.4]", () => {
  it.each([
    ["2004-10-31", "-20000000", "2500000"],
    ["2004-10-31", "-22500000", "0"],
    ["2004-12-31", "-20000000", "-500000"],
  ])("for the period ending %s, EBITDA %s leaves %s above the floor (Reading R-EBITDA-HEADROOM) [9.2.4]", (end, ebitda, expected) => {
    expect(ebitdaHeadroom(serialFromIso(end), dec(ebitda)).toString()).toBe(expected);
  });

  it("is measured against the reduced floor [9.2.4]", () => {
    // −21,000,000 − (−21,237,704.918…) = 237,704.918…
    expect(ebitdaHeadroom(NOV, dec(-21000000), [d(2004, 11, 15, "3000000")]).toString()).toBe("237704.91803278688524590163934426229508");
  });
});

describe("edge cases", () => {
  it("is #N/A for a period the table does not set, even when the covenant is not tested [9.2.4]", () => {
    expect(kindOf(() => ebitdaTest(serial(2005, 1, 31), dec(0), undefined))).toBe("na");
  });

  it("is #NUM! for a first Threshold Event on or before 2004-08-31 [1.1(aa), 9.2.4]", () => {
    expect(kindOf(() => ebitdaTest(OCT, dec(0), serial(2004, 8, 31)))).toBe("num");
    expect(kindOf(() => ebitdaTest(OCT, dec(0), serial(2004, 9, 1)))).toBeUndefined();
  });

  it("reduces nothing for an Attributable EBITDA Amount of zero [9.2.4]", () => {
    expect(minimumEbitdaFloor(DEC, [d(2004, 10, 15, "0")]).toString()).toBe("-19500000");
  });

  it("keeps the whole period as days remaining for any earlier date [9.2.4]", () => {
    expect(daysRemaining(minimumEbitdaPeriod(DEC), serial(1990, 1, 1))).toBe(92);
    expect(daysRemaining(minimumEbitdaPeriod(DEC), serial(2010, 1, 1))).toBe(0);
  });
});

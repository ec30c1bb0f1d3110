/**
 * The last, optional `readings` argument of the functions whose result depends on a switchable
 * reading: text or a range of texts; omitted or blank, the defaults; an unknown reading or choice
 * is #VALUE! naming it (README, Readings).
 */
import { thresholdEvents } from "../../src/functions/thresholdEvent";
import { ppeReductions, ppeSchedule } from "../../src/functions/ppeReduction";
import { ebitdaFloor } from "../../src/functions/minimumEbitda";
import { commitmentFee } from "../../src/functions/fees";
import { availability } from "../../src/functions/borrowingBase";
import { exerciseDate, optionExpiry } from "../../src/functions/optionGrant";
import { affiliateLoanRepayment } from "../../src/functions/baskets";
import { serial } from "../../src/engine/dates";
import { column, errorCell, errorOf, only } from "../support/cells";

const d = (y: number, m: number, day: number): number => serial(y, m, day);

describe("KAISER.THRESHOLDEVENTS with readings [1.1(aa)]", () => {
  const days: number[] = [];
  for (let s = d(2004, 9, 1); s <= d(2004, 10, 31); s++) days.push(s);
  const dates = column(days) as never;
  const above = column(days.map(() => 300)) as never;

  it("RESTART (omitted) gives an event every fifth Business Day; R-TE-RECUR=RUN one, 2004-09-08, for the unbroken run", () => {
    expect(thresholdEvents(dates, above, [[250]]).length).toBeGreaterThan(1);
    expect(thresholdEvents(dates, above, [[250]], 5, null as never, [["R-TE-RECUR=RUN"]])).toEqual([[d(2004, 9, 8)]]);
  });

  it("takes a range of texts, blank cells skipped", () => {
    expect(thresholdEvents(dates, above, [[250]], 5, null as never, [["R-TE-RECUR=RUN"], [null], ["r-te-days=span"]])).toEqual([[d(2004, 9, 8)]]);
  });

  it("is #VALUE! naming an unknown reading or choice", () => {
    expect(errorOf(only(thresholdEvents(dates, above, [[250]], 5, null as never, [["R-TE-NOPE=RUN"]])))).toMatchObject({ code: "#VALUE!", message: expect.stringContaining('unknown reading "R-TE-NOPE"') });
    expect(errorOf(only(thresholdEvents(dates, above, [[250]], 5, null as never, [["R-TE-RECUR=ONCE"]])))).toMatchObject({ code: "#VALUE!", message: expect.stringContaining('R-TE-RECUR has no choice "ONCE"') });
    expect(errorOf(only(thresholdEvents(dates, above, [[250]], 5, null as never, [[errorCell("#REF!")]])))?.code).toBe("#VALUE!");
    expect(errorOf(only(thresholdEvents(dates, above, [[250]], 5, null as never, [[42]])))?.code).toBe("#VALUE!");
  });
});

describe("KAISER.PPESCHEDULE and PPEREDUCTIONS with readings [1.1(t)(c)(2)]", () => {
  const dates = column([d(2004, 9, 8), d(2004, 9, 20), d(2004, 10, 1)]) as never;
  const kinds = column(["THRESHOLDEVENT", "valcoclosing", "VALCO"]) as never;
  const amounts = column([null, null, 4000000]) as never;

  it("CASH: $5,000,000 + $4,000,000; FIXED: $5,000,000 + $7,000,000 (the closing takes no amount)", () => {
    expect(only(ppeReductions(100000000, dates, kinds, amounts))).toBe(9000000);
    expect(only(ppeReductions(100000000, dates, kinds, amounts, null, null, [["R-PPE-C-VALCO=FIXED"]]))).toBe(12000000);
    const schedule = ppeSchedule(100000000, dates, kinds, amounts, null, null, [["R-PPE-C-VALCO=FIXED"]]);
    expect(schedule[2].slice(0, 4)).toEqual([d(2004, 9, 20), "VALCOCLOSING", "(c)(2)", 7000000]);
  });
});

describe("the other functions with readings", () => {
  it("KAISER.EBITDAFLOOR: R-EBITDA-DAYS-REMAINING=INCLUSIVE takes the whole first period for a 2004-10-01 disposition [9.2.4]", () => {
    expect(only(ebitdaFloor([[d(2004, 10, 31)]], [[d(2004, 10, 1)]], [[3100000]]))).toBe(-25500000);
    expect(only(ebitdaFloor([[d(2004, 10, 31)]], [[d(2004, 10, 1)]], [[3100000]], [["R-EBITDA-DAYS-REMAINING=INCLUSIVE"]]))).toBe(-25600000);
  });

  it("KAISER.COMMITMENTFEE: R-COMMITMENTFEE-BASIS=365 with a blank basis gives 125,000 for 73 days on $100,000,000 [1.3]", () => {
    expect(only(commitmentFee([[100000000]], [[73]], [[null]], [["R-COMMITMENTFEE-BASIS=365"]]))).toBe(125000);
  });

  it("KAISER.AVAILABILITY: R-AVAILABILITY=FLOOR gives 0 for an overadvance of $40,000,000 [1.1(e)]", () => {
    expect(only(availability([[100000000]], [[120000000]]))).toBe(-40000000);
    expect(only(availability([[100000000]], [[120000000]], [[null]], [[null]], [["R-AVAILABILITY=FLOOR"]]))).toBe(0);
  });

  it("KAISER.EXERCISEDATE: R-EXERCISE-BUSINESSDAY=NYSE moves a noon notice on 2004-06-11 to 2004-06-14 [Grant letter ¶4]", () => {
    expect(only(exerciseDate([[d(2004, 6, 11) + 0.5]]))).toBe(d(2004, 6, 11));
    expect(only(exerciseDate([[d(2004, 6, 11) + 0.5]], null as never, [["R-EXERCISE-BUSINESSDAY=NYSE"]]))).toBe(d(2004, 6, 14));
  });

  it("KAISER.OPTIONEXPIRY and AFFILIATELOANREPAYMENT take their readings [Grant letter ¶5, 10.1.10(l)]", () => {
    expect(only(optionExpiry([[d(2006, 1, 15)]], [[d(2004, 11, 30)]], [["RETIREMENT"]], [["R-OPTION-RETIREMENT=THIRDANNIVERSARY"]]))).toBe(d(2007, 11, 30));
    expect(only(affiliateLoanRepayment([[10000000]], [[d(2005, 6, 30)]], [[d(2006, 6, 30)]], [["R-AFFILIATE-DAYCOUNT=360"]]))).toBe(Number("11216666.66666666666666666666666666666667"));
  });
});

import { dec } from "../../src/engine/decimal";
import { isoFromSerial } from "../../src/engine/dates";
import { EngineError } from "../../src/engine/errors";
import { appraisalTrigger, nextAppraisalDate, noticeDeadline } from "../../src/engine/appraisal";
import { isoDay as d } from "../support/dates";

describe("the appraisal trigger [9.1.18(b)]", () => {
  it.each([
    ["240000001", "300000000", true, "above 80% of $300,000,000"],
    ["240000000", "300000000", false, "exactly 80% does not exceed (Reading R-APPRAISAL-EXCEED)"],
    ["239999999.99", "300000000", false, "below"],
    ["1", "0", true, "any outstandings above a zero Borrowing Base"],
    ["0", "0", false, "nothing outstanding"],
  ])("outstandings %s against a Borrowing Base of %s give %s (%s) [9.1.18(b)]", (o, bb, expected, _why) => {
    expect(appraisalTrigger(dec(o), dec(bb))).toBe(expected);
  });
});

describe("the next appraisal date (Reading R-APPRAISAL-NEXT) [9.1.18(b)]", () => {
  it.each([
    ["2004-10-28", false, "2005-04-26", "180 days after"],
    ["2004-10-28", true, "2004-11-28", "one month after while a Default continues"],
    ["2005-01-31", true, "2005-02-28", "the month's end clamped"],
    ["2004-01-31", true, "2004-02-29", "a leap year's February"],
    ["2004-12-15", true, "2005-01-15", "over a year end"],
  ])("after an appraisal on %s (Default continuing: %s) is %s (%s) [9.1.18(b)]", (last, inDefault, expected, _why) => {
    expect(isoFromSerial(nextAppraisalDate(d(last), inDefault))).toBe(expected);
  });
});

describe("the notice deadline (Reading R-NOTICE-DAYS) [9.1.1(o)]", () => {
  it.each([
    ["2004-09-08", true, "2004-08-31", "five Business Days before, Labor Day skipped"],
    ["2004-09-03", false, "2004-09-07", "one Business Day after, over the weekend and Labor Day"],
    ["2004-12-23", false, "2004-12-24", "Christmas Eve 2004 is a Business Day"],
    ["2004-09-04", false, "2004-09-07", "an event on a Saturday: the first Business Day after"],
    ["2004-09-04", true, "2004-08-30", "an event on a Saturday: the fifth Business Day before"],
    ["2004-11-30", true, "2004-11-22", "Thanksgiving 2004-11-25 skipped"],
  ])("for an event on %s (Threshold affected: %s) is %s (%s) [9.1.1(o)]", (event, affected, expected, _why) => {
    expect(isoFromSerial(noticeDeadline(d(event), affected))).toBe(expected);
  });

  it("skips the extra holidays given [9.1.1(o)]", () => {
    expect(isoFromSerial(noticeDeadline(d("2004-09-03"), false, new Set([d("2004-09-07")])))).toBe("2004-09-08");
  });
});

describe("edge cases", () => {
  it("rejects a next appraisal date past Excel's last date as #NUM! [9.1.18(b)]", () => {
    expect.assertions(1);
    try {
      nextAppraisalDate(d("9999-12-01"), false);
    } catch (e) {
      expect((e as EngineError).kind).toBe("num");
    }
  });

  it("rejects an event before the business-day calendar as #NUM! [9.1.1(o)]", () => {
    expect(() => noticeDeadline(d("1989-06-01"), true)).toThrow(EngineError);
  });
});

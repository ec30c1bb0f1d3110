import { appraisalTrigger, nextAppraisalDate, noticeDeadline } from "../../src/functions/appraisal";
import { serial } from "../../src/engine/dates";
import { column, errorCell, errorOf, only } from "../support/cells";

describe("KAISER.APPRAISALTRIGGER as Excel calls it (Reading R-APPRAISAL-EXCEED) [9.1.18(b)]", () => {
  it("works element by element; exactly 80% is not above it [9.1.18(b)]", () => {
    const result = appraisalTrigger(column([240000001, 240000000, "n/a", -1]) as never, [[300000000]]);
    expect(result.slice(0, 2)).toEqual([[true], [false]]);
    expect(errorOf(result[2][0])?.code).toBe("#VALUE!");
    expect(errorOf(result[3][0])?.code).toBe("#NUM!");
  });

  it("gives #VALUE! for a blank Borrowing Base, never 0 [9.1.18(b)]", () => {
    expect(errorOf(only(appraisalTrigger([[1]], [[null]])))?.code).toBe("#VALUE!");
  });
});

describe("KAISER.NEXTAPPRAISALDATE as Excel calls it (Reading R-APPRAISAL-NEXT) [9.1.18(b)]", () => {
  it("gives 180 days after, or one month after while a Default continues [9.1.18(b)]", () => {
    const last = serial(2004, 10, 28);
    expect(only(nextAppraisalDate([[last]]))).toBe(serial(2005, 4, 26));
    expect(only(nextAppraisalDate([[last]], [[null]]))).toBe(serial(2005, 4, 26));
    expect(only(nextAppraisalDate([[last]], [[true]]))).toBe(serial(2004, 11, 28));
    expect(nextAppraisalDate(column([serial(2005, 1, 31), serial(2005, 1, 31)]) as never, column([false, true]) as never)).toEqual([[serial(2005, 7, 30)], [serial(2005, 2, 28)]]);
  });

  it.each([
    [[[-1]], undefined, "#NUM!"],
    [[["2004-10-28"]], undefined, "#VALUE!"],
    [[[serial(2004, 10, 28)]], [["yes"]], "#VALUE!"],
    [[[2958400]], undefined, "#NUM!"],
  ])("gives %p with %p the error %s [9.1.18(b)]", (last, inDefault, code) => {
    expect(errorOf(only(nextAppraisalDate(last, inDefault)))?.code).toBe(code);
  });
});

describe("KAISER.NOTICEDEADLINE as Excel calls it (Reading R-NOTICE-DAYS) [9.1.1(o)]", () => {
  it("gives five Business Days before when the Threshold is affected, else one after [9.1.1(o)]", () => {
    const result = noticeDeadline(column([serial(2004, 9, 8), serial(2004, 9, 3)]) as never, column([true, false]) as never);
    expect(result).toEqual([[serial(2004, 8, 31)], [serial(2004, 9, 7)]]);
  });

  it("counts the extra holidays given, skipping blank cells [9.1.1(o)]", () => {
    expect(only(noticeDeadline([[serial(2004, 9, 3)]], [[false]], column([serial(2004, 9, 7), null]) as never))).toBe(serial(2004, 9, 8));
  });

  it("gives #VALUE! for a blank thresholdAffected, and for an error cell [9.1.1(o)]", () => {
    expect(errorOf(only(noticeDeadline([[serial(2004, 9, 3)]], [[null]])))?.code).toBe("#VALUE!");
    expect(errorOf(only(noticeDeadline([[errorCell()]], [[true]])))?.message).toContain("#DIV/0!");
  });
});

describe("edge cases", () => {
  it("gives #NUM! for an event before the business-day calendar [9.1.1(o)]", () => {
    expect(errorOf(only(noticeDeadline([[serial(1989, 6, 1)]], [[true]])))?.code).toBe("#NUM!");
  });
});

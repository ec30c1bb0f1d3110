import { engineErrorOf } from "../support/engineErrors";
import { isoFromSerial } from "../../src/engine/dates";
import { easterSunday, isTradingDay, nextTradingDay, NYSE_SPECIAL_CLOSINGS, nyseHolidays } from "../../src/engine/tradingDays";
import { isoDay as d } from "../support/dates";

describe("the New York Stock Exchange's trading days (Reading R-EXERCISE-BUSINESSDAY, NYSE) [Grant letter ¶3, ¶4]", () => {
  it("Easter Sunday by the Gregorian rule: 2004-04-11, 2008-03-23, 2019-04-21, 2038-04-25", () => {
    expect([2004, 2008, 2019, 2038].map((y) => isoFromSerial(easterSunday(y)))).toEqual(["2004-04-11", "2008-03-23", "2019-04-21", "2038-04-25"]);
  });

  it("2004's holidays by rule: Good Friday in, Columbus and Veterans Day out, Christmas (a Saturday) on Friday 12-24", () => {
    expect(nyseHolidays(2004).map(isoFromSerial)).toEqual(["2004-01-01", "2004-01-19", "2004-02-16", "2004-04-09", "2004-05-31", "2004-07-05", "2004-09-06", "2004-11-25", "2004-12-24"]);
  });

  it("New Year's Day on a Saturday is not observed: 2004-12-31 and 2010-12-31 trade", () => {
    expect(isTradingDay(d("2004-12-31"))).toBe(true);
    expect(isTradingDay(d("2010-12-31"))).toBe(true);
  });

  it("Martin Luther King Jr. Day from 1998 (1997-01-20 traded), Juneteenth from 2022 (2021-06-18 traded, 2022-06-20 closed)", () => {
    expect(isTradingDay(d("1997-01-20"))).toBe(true);
    expect(isTradingDay(d("1998-01-19"))).toBe(false);
    expect(isTradingDay(d("2021-06-18"))).toBe(true);
    expect(isTradingDay(d("2022-06-20"))).toBe(false);
  });

  it("the special closings: 2004-06-11 (Reagan), 2001-09-11 to 09-14, 2012-10-29 and 30 (Sandy), each with its cause", () => {
    for (const s of ["2004-06-11", "2001-09-11", "2001-09-14", "2012-10-29", "2012-10-30", "2018-12-05"]) expect(isTradingDay(d(s))).toBe(false);
    expect(isTradingDay(d("2001-09-17"))).toBe(true);
    expect(NYSE_SPECIAL_CLOSINGS.every(([, cause]) => cause.length > 0)).toBe(true);
  });

  it("the next trading day skips weekends, holidays, special closings and extra holidays", () => {
    expect(isoFromSerial(nextTradingDay(d("2004-06-10")))).toBe("2004-06-14");
    expect(isoFromSerial(nextTradingDay(d("2004-04-08")))).toBe("2004-04-12");
    expect(isoFromSerial(nextTradingDay(d("2004-10-08")))).toBe("2004-10-11");
    expect(isoFromSerial(nextTradingDay(d("2004-10-08"), new Set([d("2004-10-11")])))).toBe("2004-10-12");
  });

  it("the calendar's years are 1990..9999 (#NUM! outside)", () => {
    expect(engineErrorOf(() => isTradingDay(d("1989-12-29"))).kind).toBe("num");
    expect(engineErrorOf(() => nyseHolidays(10000)).kind).toBe("num");
  });
});

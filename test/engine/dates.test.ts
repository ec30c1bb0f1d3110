/**
 * Excel serial dates without a JS Date (CONVENTIONS.md, "Units"): 2004-10-31 is 38291, the
 * amendment's own date 2004-10-28 is 38288, and month arithmetic clamps to the month's end.
 */
import { addMonths, addYears, checkSerial, daysInMonth, isoFromSerial, MAX_SERIAL, MIN_SERIAL, monthIndex, serial, serialFromIso, weekday, ymd } from "../../src/engine/dates";
import { EngineError } from "../../src/engine/errors";

describe("Excel serial dates [conventions: dates]", () => {
  it.each([
    [2004, 10, 31, 38291, "the end of the first Minimum EBITDA period [9.2.4]"],
    [2004, 10, 28, 38288, "the date of the Seventh Amendment"],
    [2005, 2, 13, 38396, "the Plan filing deadline [10.1.10(l)]"],
    [2004, 8, 31, 38230, "the last day before Threshold Events count [1.1(aa)]"],
    [1900, 3, 1, 61, "the first serial after Excel's 1900 leap-year slot"],
    [9999, 12, 31, 2958465, "the last date Excel shows"],
  ])("serial(%i, %i, %i) is %i: %s", (y, m, d, expected) => {
    expect(serial(y, m, d)).toBe(expected);
    expect(ymd(expected)).toEqual({ year: y, month: m, day: d });
  });

  it("reads and writes ISO dates through the same serials", () => {
    expect(serialFromIso("2004-10-28")).toBe(38288);
    expect(isoFromSerial(38288)).toBe("2004-10-28");
    expect(isoFromSerial(38288.708333)).toBe("2004-10-28");
    expect(() => serialFromIso("10/28/2004")).toThrow("not an ISO date");
  });

  it("tells the day of the week: 2004-10-28 was a Thursday, 2004-10-31 a Sunday", () => {
    expect(weekday(38288)).toBe(4);
    expect(weekday(38291)).toBe(0);
    expect(weekday(61)).toBe(4);
  });

  it("counts the days of a month, leap years included", () => {
    expect(daysInMonth(2004, 2)).toBe(29);
    expect(daysInMonth(2005, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2004, 12)).toBe(31);
  });

  it("adds months clamping to the month's end: 2004-11-30 + 3 months is 2005-02-28", () => {
    expect(isoFromSerial(addMonths(serial(2004, 11, 30), 3))).toBe("2005-02-28");
    expect(isoFromSerial(addMonths(serial(2004, 10, 31), -1))).toBe("2004-09-30");
    expect(isoFromSerial(addMonths(serial(2004, 12, 15), 1))).toBe("2005-01-15");
    expect(isoFromSerial(addYears(serial(2004, 2, 29), 1))).toBe("2005-02-28");
    expect(isoFromSerial(addYears(serial(2004, 2, 29), 4))).toBe("2008-02-29");
  });

  it("orders months as one number", () => {
    expect(monthIndex(serial(2004, 12, 31)) - monthIndex(serial(2004, 10, 1))).toBe(2);
    expect(monthIndex(serial(2005, 1, 1)) - monthIndex(serial(2004, 12, 31))).toBe(1);
  });

  describe("edge cases", () => {
    it("truncates a date-time to its day and refuses what is not an Excel date (Reading R-DATE-TRUNCATE)", () => {
      expect(checkSerial(38288.9, "asOfDate")).toBe(38288);
      expect(checkSerial(MIN_SERIAL, "asOfDate")).toBe(61);
      expect(checkSerial(MAX_SERIAL + 0.5, "asOfDate")).toBe(MAX_SERIAL);
      for (const bad of [60, MAX_SERIAL + 1, Number.NaN, Number.POSITIVE_INFINITY, -1]) {
        expect(() => checkSerial(bad, "asOfDate")).toThrow(EngineError);
      }
    });

    it("round-trips every day from 1900-03-01 to 9999-12-31 in 1,000-day steps", () => {
      for (let s = MIN_SERIAL; s <= MAX_SERIAL; s += 997) {
        const { year, month, day } = ymd(s);
        expect(serial(year, month, day)).toBe(s);
      }
    });
  });
});

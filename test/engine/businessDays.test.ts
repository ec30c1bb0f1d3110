import { isoFromSerial, serial, weekday, ymd } from "../../src/engine/dates";
import {
  addBusinessDays,
  businessDayOnOrAfter,
  businessDayOnOrBefore,
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  countBusinessDays,
  federalReserveHolidays,
  isBusinessDay,
  namedFederalReserveHolidays,
  nextBusinessDay,
  previousBusinessDay,
} from "../../src/engine/businessDays";
import { EngineError } from "../../src/engine/errors";
import { isoDay as d } from "../support/dates";

const isoList = (year: number): string[] => federalReserveHolidays(year).map(isoFromSerial);

describe("the Federal Reserve's holidays (Readings R-BD-CALENDAR, R-BD-SUNDAY) [1.1(aa)]", () => {
  it.each([
    [
      2004,
      "Independence Day on a Sunday is observed Monday 07-05; Christmas on a Saturday stays on the Saturday",
      ["2004-01-01", "2004-01-19", "2004-02-16", "2004-05-31", "2004-07-05", "2004-09-06", "2004-10-11", "2004-11-11", "2004-11-25", "2004-12-25"],
    ],
    [
      2005,
      "New Year's Day on a Saturday stays; Christmas on a Sunday is observed Monday 12-26",
      ["2005-01-01", "2005-01-17", "2005-02-21", "2005-05-30", "2005-07-04", "2005-09-05", "2005-10-10", "2005-11-11", "2005-11-24", "2005-12-26"],
    ],
    [
      2022,
      "Juneteenth and Christmas on Sundays are observed the Mondays after",
      ["2022-01-01", "2022-01-17", "2022-02-21", "2022-05-30", "2022-06-20", "2022-07-04", "2022-09-05", "2022-10-10", "2022-11-11", "2022-11-24", "2022-12-26"],
    ],
    [
      2023,
      "New Year's Day on a Sunday is observed 01-02; Veterans Day on a Saturday stays",
      ["2023-01-02", "2023-01-16", "2023-02-20", "2023-05-29", "2023-06-19", "2023-07-04", "2023-09-04", "2023-10-09", "2023-11-11", "2023-11-23", "2023-12-25"],
    ],
    [
      1990,
      "the first year of the calendar; Veterans Day on a Sunday is observed Monday 11-12",
      ["1990-01-01", "1990-01-15", "1990-02-19", "1990-05-28", "1990-07-04", "1990-09-03", "1990-10-08", "1990-11-12", "1990-11-22", "1990-12-25"],
    ],
  ])("lists the whole year %i (%s) [1.1(aa)]", (year, _why, expected) => {
    expect(isoList(year)).toEqual(expected);
  });

  it("adds Juneteenth from 2021 only (ERRATA) [1.1(aa)]", () => {
    expect(isoList(2020)).not.toContain("2020-06-19");
    expect(federalReserveHolidays(2020)).toHaveLength(10);
    expect(isoList(2021)).toContain("2021-06-19");
    expect(federalReserveHolidays(2021)).toHaveLength(11);
  });

  it("names each holiday; 2004's Labor Day, Columbus Day, Veterans Day and Thanksgiving fall as the issue states [1.1(aa)]", () => {
    const byName = new Map(namedFederalReserveHolidays(2004).map((h) => [h.name, isoFromSerial(h.date)]));
    expect(byName.get("Labor Day")).toBe("2004-09-06");
    expect(byName.get("Columbus Day")).toBe("2004-10-11");
    expect(byName.get("Veterans Day")).toBe("2004-11-11");
    expect(byName.get("Thanksgiving Day")).toBe("2004-11-25");
  });

  it("for every year of the calendar (1990..9999) gives sorted dates, none on a Sunday, Monday holidays on Mondays and Thanksgiving on a Thursday [1.1(aa)]", () => {
    // One assertion over the whole range (a list of every problem found), so the loop stays fast.
    const problems: string[] = [];
    for (let year = CALENDAR_FIRST_YEAR; year <= CALENDAR_LAST_YEAR; year++) {
      const named = namedFederalReserveHolidays(year);
      if (named.length !== (year >= 2021 ? 11 : 10)) problems.push(`${year}: ${named.length} holidays`);
      for (let i = 1; i < named.length; i++) if (named[i].date <= named[i - 1].date) problems.push(`${year}: not sorted at ${named[i].name}`);
      for (const h of named) {
        const day = weekday(h.date);
        if (day === 0) problems.push(`${isoFromSerial(h.date)} ${h.name} on a Sunday`);
        if (/King|Washington|Memorial|Labor|Columbus/.test(h.name) && day !== 1) problems.push(`${isoFromSerial(h.date)} ${h.name} not a Monday`);
        if (h.name === "Thanksgiving Day" && day !== 4) problems.push(`${isoFromSerial(h.date)} Thanksgiving not a Thursday`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each([
    ["Martin Luther King Jr. Day", 1, 15, 21, "the third Monday of January"],
    ["Washington's Birthday", 2, 15, 21, "the third Monday of February"],
    ["Memorial Day", 5, 25, 31, "the last Monday of May"],
    ["Labor Day", 9, 1, 7, "the first Monday of September"],
    ["Columbus Day", 10, 8, 14, "the second Monday of October"],
    ["Thanksgiving Day", 11, 22, 28, "the fourth Thursday of November"],
  ])("puts %s in month %i between days %i and %i (%s) for every year 1990..2100 [1.1(aa)]", (name, month, first, last) => {
    const wrong: string[] = [];
    for (let year = CALENDAR_FIRST_YEAR; year <= 2100; year++) {
      const h = namedFederalReserveHolidays(year).find((x) => x.name === name);
      const at = h === undefined ? undefined : ymd(h.date);
      if (at === undefined || at.year !== year || at.month !== month || at.day < first || at.day > last) wrong.push(`${year}: ${h === undefined ? "missing" : isoFromSerial(h.date)}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ["New Year's Day", 1, 1],
    ["Juneteenth National Independence Day", 6, 19],
    ["Independence Day", 7, 4],
    ["Veterans Day", 11, 11],
    ["Christmas Day", 12, 25],
  ])("keeps %s (month %i, day %i) on its date, Saturday included, or on the Monday after a Sunday, for every year 1990..2100 (Reading R-BD-SUNDAY) [1.1(aa)]", (name, month, day) => {
    const wrong: string[] = [];
    for (let year = CALENDAR_FIRST_YEAR; year <= 2100; year++) {
      const h = namedFederalReserveHolidays(year).find((x) => x.name === name);
      const actual = serial(year, month, day);
      const expected = weekday(actual) === 0 ? actual + 1 : actual;
      const listed = name.startsWith("Juneteenth") && year < 2021 ? undefined : expected;
      if (h?.date !== listed) wrong.push(`${year}: ${h === undefined ? "missing" : isoFromSerial(h.date)}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe("Business Days (Reading R-BD-CALENDAR) [1.1(aa)]", () => {
  it.each([
    ["2004-09-03", true, "a Friday"],
    ["2004-09-04", false, "a Saturday"],
    ["2004-09-05", false, "a Sunday"],
    ["2004-09-06", false, "Labor Day"],
    ["2004-07-05", false, "Independence Day observed on the Monday"],
    ["2004-12-24", true, "Christmas 2004 fell on a Saturday: the Friday before stays a Business Day"],
    ["2005-12-26", false, "Christmas 2005 fell on a Sunday: observed the Monday"],
    ["2022-06-20", false, "Juneteenth 2022 fell on a Sunday: observed the Monday"],
    ["2021-06-18", true, "Juneteenth 2021 fell on a Saturday: the Friday before stays a Business Day"],
  ])("%s is a Business Day: %s (%s) [1.1(aa)]", (iso, expected, _why) => {
    expect(isBusinessDay(d(iso))).toBe(expected);
  });

  it("treats the extra holidays given as non-business days [1.1(aa)]", () => {
    expect(isBusinessDay(d("2004-09-07"), new Set([d("2004-09-07")]))).toBe(false);
  });

  it("ignores the time of day [1.1(aa)]", () => {
    expect(isBusinessDay(d("2004-09-06") + 0.75)).toBe(false);
    expect(isBusinessDay(d("2004-09-07") + 0.75)).toBe(true);
  });
});

describe("moving by Business Days [1.1(aa), 9.1.1(o)]", () => {
  it.each([
    ["2004-09-03", 1, "2004-09-07", "over the weekend and Labor Day"],
    ["2004-09-07", -1, "2004-09-03", "back over Labor Day"],
    ["2004-09-08", -5, "2004-08-31", "five Business Days before 09-08"],
    ["2004-09-01", 5, "2004-09-09", ""],
    ["2004-12-23", 1, "2004-12-24", "Christmas Eve 2004 is a Business Day"],
    ["2004-09-04", 1, "2004-09-07", "from a Saturday, the first Business Day after"],
    ["2004-09-04", -1, "2004-09-03", "from a Saturday, the last Business Day before"],
    ["2004-09-06", 0, "2004-09-06", "Reading R-BD-ZERO: 0 days returns the date itself, as WORKDAY does"],
    ["2004-12-31", 1, "2005-01-03", "over a year end (2005-01-01 a Saturday holiday)"],
  ])("%s plus %i Business Days is %s (%s) [1.1(aa)]", (from, days, expected, _why) => {
    expect(isoFromSerial(addBusinessDays(d(from), days))).toBe(expected);
  });

  it("counts an extra holiday when moving [1.1(aa)]", () => {
    expect(isoFromSerial(addBusinessDays(d("2004-09-03"), 1, new Set([d("2004-09-07")])))).toBe("2004-09-08");
  });

  it("offers both 'strictly after' and 'on or after' (and before) [1.1(aa)]", () => {
    expect(isoFromSerial(nextBusinessDay(d("2004-09-07")))).toBe("2004-09-08");
    expect(isoFromSerial(businessDayOnOrAfter(d("2004-09-07")))).toBe("2004-09-07");
    expect(isoFromSerial(businessDayOnOrAfter(d("2004-09-04")))).toBe("2004-09-07");
    expect(isoFromSerial(previousBusinessDay(d("2004-09-07")))).toBe("2004-09-03");
    expect(isoFromSerial(businessDayOnOrBefore(d("2004-09-07")))).toBe("2004-09-07");
    expect(isoFromSerial(businessDayOnOrBefore(d("2004-09-06")))).toBe("2004-09-03");
  });

  it("counts Business Days with both ends included, as NETWORKDAYS does [1.1(aa)]", () => {
    expect(countBusinessDays(d("2004-09-01"), d("2004-09-08"))).toBe(5);
    expect(countBusinessDays(d("2004-09-08"), d("2004-09-01"))).toBe(-5);
    expect(countBusinessDays(d("2004-09-04"), d("2004-09-06"))).toBe(0);
  });

  it("agrees with counting: moving n Business Days forward spans n + 1 Business Days over a whole year [1.1(aa)]", () => {
    const start = d("2004-01-02");
    for (let n = 1; n <= 260; n += 7) expect(countBusinessDays(start, addBusinessDays(start, n))).toBe(n + 1);
  });
});

describe("edge cases", () => {
  const kind = (f: () => unknown): string | undefined => {
    try {
      f();
    } catch (e) {
      return e instanceof EngineError ? e.kind : "other";
    }
    return undefined;
  };

  it.each([1989, 10000, 2004.5])("rejects the year %s outside the calendar as #NUM! [1.1(aa)]", (year) => {
    expect(kind(() => federalReserveHolidays(year))).toBe("num");
  });

  it("rejects dates before 1990 as #NUM! and projects the rules after 2100 (Reading R-BD-RANGE) [1.1(aa)]", () => {
    expect(kind(() => isBusinessDay(d("1989-12-29")))).toBe("num");
    expect(isBusinessDay(d("2101-01-03"))).toBe(true);
    expect(isBusinessDay(d("1990-01-02"))).toBe(true);
    expect(isBusinessDay(d("2100-12-31"))).toBe(true);
  });

  it("rejects a result that leaves the calendar as #NUM! [1.1(aa)]", () => {
    expect(kind(() => addBusinessDays(d("9999-12-31"), 1))).toBe("num");
    expect(kind(() => addBusinessDays(d("1990-01-02"), -1))).toBe("num");
  });

  it("rejects a fractional number of Business Days as #NUM! [1.1(aa)]", () => {
    expect(kind(() => addBusinessDays(d("2004-09-01"), 1.5))).toBe("num");
  });
});

/** The definition walked one day at a time: the reference the counting implementation must agree with. */
function walk(date: number, days: number, extra: ReadonlySet<number>): number | "num" {
  let current = Math.floor(date);
  const step = days < 0 ? -1 : 1;
  for (let left = Math.abs(days); left > 0; left--) {
    do {
      current += step;
      if (current < d("1990-01-01") || current > d("9999-12-31")) return "num";
    } while (!isBusinessDay(current, extra));
  }
  return current;
}

describe("moving by Business Days without walking them (issue 12, item 6) [1.1(aa)]", () => {
  const outcome = (date: number, days: number, extra?: ReadonlySet<number>): number | "num" => {
    try {
      return addBusinessDays(date, days, extra);
    } catch (e) {
      if (e instanceof EngineError && e.kind === "num") return "num";
      throw e;
    }
  };

  it("agrees with walking day by day from dates across the calendar, both ways, with and without extra holidays [1.1(aa)]", () => {
    const extra = new Set([d("2004-09-07"), d("2004-09-08"), d("2004-12-24"), d("2021-06-18"), d("2005-01-01")]);
    const starts = [d("1990-01-01"), d("1990-01-02"), d("2004-09-03"), d("2004-09-06"), d("2004-12-24"), d("2004-12-25"), d("2021-06-17"), d("2420-12-30"), d("2421-01-01"), d("9999-12-30")];
    for (const start of starts) {
      for (const days of [1, -1, 2, -2, 5, -5, 23, -23, 261, -261, 1000, -1000]) {
        expect([isoFromSerial(start), days, outcome(start, days)]).toEqual([isoFromSerial(start), days, walk(start, days, new Set())]);
        expect([isoFromSerial(start), days, "extra", outcome(start, days, extra)]).toEqual([isoFromSerial(start), days, "extra", walk(start, days, extra)]);
      }
    }
  });

  it("crosses 400-year cycles as the calendar's rules project them (Reading R-BD-RANGE) [1.1(aa)]", () => {
    const start = d("2004-09-03");
    const far = addBusinessDays(start, 600000);
    expect(countBusinessDays(start, far)).toBe(600001);
    expect(isBusinessDay(far)).toBe(true);
    expect(addBusinessDays(far, -600000)).toBe(start);
  });

  it("answers #NUM! for days beyond the calendar, however many [1.1(aa)]", () => {
    for (const days of [10000000, -10000000, 1e15, -1e15, 2200000]) expect(outcome(d("2004-09-03"), days)).toBe("num");
    const last = businessDayOnOrBefore(d("9999-12-31"));
    expect(outcome(d("1990-01-02"), countBusinessDays(d("1990-01-02"), last) - 1)).toBe(last);
    expect(outcome(d("1990-01-02"), countBusinessDays(d("1990-01-02"), last))).toBe("num");
  });
});

import { thresholdEvent, thresholdEvents } from "../../src/functions/thresholdEvent";
import { monthIndex, serial } from "../../src/engine/dates";
import { isBusinessDay as engineIsBusinessDay } from "../../src/engine/businessDays";
import { column, errorCell, errorOf, only } from "../support/cells";

const THRESHOLD = 233750000;
const ABOVE = 240000000;
const BELOW = 200000000;
const SEPT = [1, 2, 3, 7, 8].map((day) => serial(2004, 9, day));
const dates = (list: readonly unknown[]): never => column(list) as never;

describe("KAISER.THRESHOLDEVENT as Excel calls it [1.1(aa)]", () => {
  it("gives 2004-09-08 for exceedances on 09-01, 02, 03, 07 and 08, and 2004-09-03 with daysRequired 3 [1.1(aa)]", () => {
    const outstandings = column(SEPT.map(() => ABOVE)) as never;
    expect(only(thresholdEvent(dates(SEPT), outstandings, [[THRESHOLD]]))).toBe(serial(2004, 9, 8));
    expect(only(thresholdEvent(dates(SEPT), outstandings, [[THRESHOLD]], 3))).toBe(serial(2004, 9, 3));
  });

  it("takes rows as well as columns, and a threshold series as well as one value [1.1(aa)]", () => {
    const row = [SEPT];
    expect(only(thresholdEvent(row, [SEPT.map(() => ABOVE)], [SEPT.map(() => THRESHOLD)]))).toBe(serial(2004, 9, 8));
  });

  it("treats a blank daysRequired as 5 [1.1(aa)]", () => {
    expect(only(thresholdEvent(dates(SEPT), column(SEPT.map(() => ABOVE)) as never, [[THRESHOLD]], null))).toBe(serial(2004, 9, 8));
  });

  it("gives #N/A 'no Threshold Event in the series' when there is none (Reading R-TE-DAYS) [1.1(aa)]", () => {
    const august = [25, 26, 27, 30, 31].map((day) => serial(2004, 8, day));
    const e = errorOf(only(thresholdEvent(dates(august), column(august.map(() => ABOVE)) as never, [[THRESHOLD]])));
    expect(e).toEqual({ code: "#N/A", message: "no Threshold Event in the series" });
  });

  it("ignores trailing blank rows, so whole columns may be selected [1.1(aa)]", () => {
    const result = thresholdEvent(dates([...SEPT, null, null]), column([...SEPT.map(() => ABOVE), null, null]) as never, [[THRESHOLD]]);
    expect(only(result)).toBe(serial(2004, 9, 8));
  });

  it("skips blank holiday cells and counts the listed ones [1.1(aa)]", () => {
    const result = thresholdEvent(dates(SEPT), column(SEPT.map(() => ABOVE)) as never, [[THRESHOLD]], 5, column([null, serial(2004, 9, 7)]) as never);
    expect(errorOf(only(result))?.code).toBe("#N/A");
  });

  it("gives #VALUE! naming the first row out of order (Reading R-TE-DAYS) [1.1(aa)]", () => {
    const unsorted = [SEPT[0], SEPT[2], SEPT[1], SEPT[3]];
    const e = errorOf(only(thresholdEvent(dates(unsorted), column(unsorted.map(() => ABOVE)) as never, [[THRESHOLD]])));
    expect(e?.code).toBe("#VALUE!");
    expect(e?.message).toContain("dates row 3");
  });

  it.each([
    ["text in outstandings", () => thresholdEvent(dates(SEPT), column([ABOVE, "n/a", ABOVE, ABOVE, ABOVE]) as never, [[THRESHOLD]]), "#VALUE!", "outstandings row 2"],
    ["a blank outstandings cell", () => thresholdEvent(dates(SEPT), column([ABOVE, ABOVE, null, ABOVE, ABOVE]) as never, [[THRESHOLD]]), "#VALUE!", "outstandings row 3"],
    ["an error cell in dates", () => thresholdEvent(dates([SEPT[0], errorCell("#REF!")]), column([ABOVE, ABOVE]) as never, [[THRESHOLD]]), "#VALUE!", "#REF!"],
    ["a blank date", () => thresholdEvent(dates([SEPT[0], null, SEPT[2]]), column([ABOVE, ABOVE, ABOVE]) as never, [[THRESHOLD]]), "#VALUE!", "dates row 2"],
    ["series of different lengths", () => thresholdEvent(dates(SEPT), column([ABOVE, ABOVE]) as never, [[THRESHOLD]]), "#VALUE!", "same number of cells"],
    ["a threshold series of another length", () => thresholdEvent(dates(SEPT), column(SEPT.map(() => ABOVE)) as never, column([1, 2]) as never), "#VALUE!", "same number of cells"],
    ["a two-dimensional block of dates", () => thresholdEvent([[SEPT[0], SEPT[1]], [SEPT[2], SEPT[3]]], [[1, 2], [3, 4]], [[THRESHOLD]]), "#VALUE!", "single column or a single row"],
    ["a blank threshold", () => thresholdEvent(dates(SEPT), column(SEPT.map(() => ABOVE)) as never, [[null]]), "#VALUE!", "thresholds"],
  ])("gives %s the error %s [1.1(aa)]", (_what, call, code, text) => {
    const e = errorOf(only(call()));
    expect(e?.code).toBe(code);
    expect(e?.message).toContain(text);
  });

  it.each([
    ["daysRequired 4", () => thresholdEvent(dates(SEPT), column(SEPT.map(() => ABOVE)) as never, [[THRESHOLD]], 4)],
    ["a negative outstanding", () => thresholdEvent(dates(SEPT), column([ABOVE, -1, ABOVE, ABOVE, ABOVE]) as never, [[THRESHOLD]])],
    ["a negative threshold", () => thresholdEvent(dates(SEPT), column(SEPT.map(() => ABOVE)) as never, [[-1]])],
    ["a date before 1990", () => thresholdEvent(dates([serial(1985, 1, 2)]), column([ABOVE]) as never, [[THRESHOLD]])],
    ["a date that is not a serial", () => thresholdEvent(dates([-5]), column([ABOVE]) as never, [[THRESHOLD]])],
  ])("gives #NUM! for %s [1.1(aa)]", (_what, call) => {
    expect(errorOf(only(call()))?.code).toBe("#NUM!");
  });
});

describe("KAISER.THRESHOLDEVENTS as Excel calls it (Reading R-TE-RECUR) [1.1(aa)]", () => {
  it("spills every event of September 2004 when every day is above the Threshold [1.1(aa)]", () => {
    const days = Array.from({ length: 30 }, (_, i) => serial(2004, 9, 1) + i);
    const result = thresholdEvents(dates(days), column(days.map(() => ABOVE)) as never, [[THRESHOLD]]);
    expect(result).toEqual([8, 15, 22, 29].map((day) => [serial(2004, 9, day)]));
  });

  it("spills one event, 2004-09-14, for ten scattered September days never five in a row: clause (y) once a month (the issue's case) [1.1(aa)]", () => {
    const days = Array.from({ length: 30 }, (_, i) => serial(2004, 9, 1) + i);
    const above = new Set([1, 2, 7, 9, 14, 16, 20, 22, 24, 28].map((day) => serial(2004, 9, day)));
    const result = thresholdEvents(dates(days), column(days.map((day) => (above.has(day) ? ABOVE : BELOW))) as never, [[THRESHOLD]]);
    expect(result).toEqual([[serial(2004, 9, 14)]]);
  });

  it("gives #N/A when there is none [1.1(aa)]", () => {
    expect(errorOf(only(thresholdEvents(dates(SEPT), column(SEPT.map(() => BELOW)) as never, [[THRESHOLD]])))?.code).toBe("#N/A");
  });
});

describe("edge cases", () => {
  it("gives #N/A for ranges that are all blank [1.1(aa)]", () => {
    expect(errorOf(only(thresholdEvent(dates([null, null]), dates([null, null]), [[THRESHOLD]])))?.code).toBe("#N/A");
  });

  it("runs over 100,000 daily rows in one call, as Excel passes them (a column of one-cell rows) [1.1(aa)]", () => {
    const start = serial(2004, 9, 1);
    const n = 100000;
    // Above the Threshold Monday to Wednesday only: clause (x) never reaches 5; clause (y) does in every month.
    const d: number[][] = [];
    const o: number[][] = [];
    for (let i = 0; i < n; i++) {
      d.push([start + i]);
      const dow = (start + i + 6) % 7;
      o.push([dow >= 1 && dow <= 3 ? ABOVE : BELOW]);
    }
    const all = thresholdEvents(d, o, [[THRESHOLD]]);
    const first = thresholdEvent(d, o, [[THRESHOLD]]);
    // September 2004: 09-01 (Wed), 09-07 (Tue; Monday 09-06 is Labor Day), 09-08, 09-13, 09-14: the fifth is 09-14.
    expect(only(first)).toBe(serial(2004, 9, 14));
    // Each month with five such Business Days gives one event, clause (y) occurring at most once a month (Reading R-TE-RECUR).
    const perMonth = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      if (o[i][0] === ABOVE && engineIsBusinessDay(start + i)) perMonth.set(monthIndex(start + i), (perMonth.get(monthIndex(start + i)) ?? 0) + 1);
    }
    const expected = [...perMonth.values()].filter((k) => k >= 5).length;
    expect(all).toHaveLength(expected);
    expect(all.every((row, i) => i === 0 || (row[0] as number) > (all[i - 1][0] as number))).toBe(true);
  });
});

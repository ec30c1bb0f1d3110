import { thresholdStatus } from "../../src/functions/thresholdStatus";
import { serial } from "../../src/engine/dates";
import { column, errorCell, errorOf, only } from "../support/cells";

const THRESHOLD = 233750000;
const ABOVE = 240000000;
const dates = (list: readonly unknown[]): never => column(list) as never;
const values = (result: unknown[][]): unknown[] => result.map((row) => row[1]);

describe("KAISER.THRESHOLDSTATUS as Excel calls it [1.1(aa)]", () => {
  const run = [1, 2, 3].map((day) => serial(2004, 9, day));

  it("spills nine rows of two columns for a run of three about to complete across Labor Day [1.1(aa)]", () => {
    const result = thresholdStatus(dates(run), column(run.map(() => ABOVE)) as never, [[THRESHOLD]]);
    expect(result.map((row) => row.length)).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2]);
    expect(values(result)).toEqual([serial(2004, 9, 3), ABOVE, THRESHOLD, -6250000, 3, 3, 2, serial(2004, 9, 8), "none"]);
  });

  it("takes an as-of date between rows and the 3-day variant for Section 9.2.4 [1.1(aa)]", () => {
    const sparse = [serial(2004, 9, 1), serial(2004, 9, 3)];
    const result = thresholdStatus(dates(sparse), column([ABOVE, 250000000]) as never, [[THRESHOLD]], serial(2004, 9, 2), 3);
    expect(values(result)).toEqual([serial(2004, 9, 2), ABOVE, THRESHOLD, -6250000, 2, 2, 1, serial(2004, 9, 3), "none"]);
    expect(String(result[0][0])).toContain("carried");
  });

  it("takes the readings argument: R-TE-RECUR=RUN keeps an unbroken run one event, so no next event while it lasts [1.1(aa), README Readings]", () => {
    // Above every Business Day 2004-09-01 to 09-10: the event on 09-08; RESTART counts 2 of 5 again by 09-10.
    const long = [1, 2, 3, 7, 8, 9, 10].map((day) => serial(2004, 9, day));
    const above = column(long.map(() => ABOVE)) as never;
    expect(values(thresholdStatus(dates(long), above, [[THRESHOLD]])).slice(4, 9)).toEqual([2, 0, 3, serial(2004, 9, 15), serial(2004, 9, 8)]);
    expect(values(thresholdStatus(dates(long), above, [[THRESHOLD]], null, null, undefined, [["R-TE-RECUR=RUN"]])).slice(4, 9)).toEqual([0, 0, "none", "none", serial(2004, 9, 8)]);
    expect(errorOf(only(thresholdStatus(dates(long), above, [[THRESHOLD]], null, null, undefined, [["R-TE-RECUR=SOMETIMES"]])))).toMatchObject({ code: "#VALUE!" });
  });

  it("treats blank asOfDate and daysRequired as the last row and 5, and skips blank holiday cells [1.1(aa)]", () => {
    const result = thresholdStatus(dates(run), column(run.map(() => ABOVE)) as never, [[THRESHOLD]], null, null, column([null, serial(2004, 9, 7)]) as never);
    // 09-07 listed as a holiday: the run completes on 09-09.
    expect(values(result).slice(6, 8)).toEqual([2, serial(2004, 9, 9)]);
  });

  it.each([
    ["an as-of date before the series", () => thresholdStatus(dates(run), column(run.map(() => ABOVE)) as never, [[THRESHOLD]], serial(2004, 8, 31)), "#N/A", "no Business Day"],
    ["text in outstandings", () => thresholdStatus(dates(run), column([ABOVE, "n/a", ABOVE]) as never, [[THRESHOLD]]), "#VALUE!", "outstandings row 2"],
    ["an error cell in dates", () => thresholdStatus(dates([run[0], errorCell("#REF!")]), column([ABOVE, ABOVE]) as never, [[THRESHOLD]]), "#VALUE!", "#REF!"],
    ["dates out of order", () => thresholdStatus(dates([run[1], run[0]]), column([ABOVE, ABOVE]) as never, [[THRESHOLD]]), "#VALUE!", "dates row 2"],
    ["text as the as-of date", () => thresholdStatus(dates(run), column(run.map(() => ABOVE)) as never, [[THRESHOLD]], "today"), "#VALUE!", "asOfDate"],
  ])("gives %s the error %s [1.1(aa)]", (_what, call, code, text) => {
    const e = errorOf(only(call()));
    expect(e?.code).toBe(code);
    expect(e?.message).toContain(text);
  });

  it.each([
    ["daysRequired 4", () => thresholdStatus(dates(run), column(run.map(() => ABOVE)) as never, [[THRESHOLD]], null, 4)],
    ["a negative outstanding", () => thresholdStatus(dates(run), column([ABOVE, -1, ABOVE]) as never, [[THRESHOLD]])],
    ["an as-of date that is not a serial", () => thresholdStatus(dates(run), column(run.map(() => ABOVE)) as never, [[THRESHOLD]], -3)],
  ])("gives #NUM! for %s [1.1(aa)]", (_what, call) => {
    expect(errorOf(only(call()))?.code).toBe("#NUM!");
  });
});

describe("KAISER.THRESHOLDSTATUS reads its columns in one pass, as the ordinary reader would [1.1(aa)]", () => {
  it("gives the same status for 200 seeded series as columns (one pass) and as rows (every cell parsed) [1.1(aa)]", () => {
    let x = 1;
    const next = (): number => (x = (x * 1103515245 + 12345) % 2147483648);
    for (let call = 0; call < 200; call++) {
      const n = 2 + (next() % 60);
      const start = serial(2004, 8, 20) + (next() % 60);
      const days = Array.from({ length: n }, (_, i) => start + i);
      // Cents, some exactly at the Threshold (not above it), and −0.
      const outstandings = days.map(() => [THRESHOLD, THRESHOLD + 0.01, ABOVE, 230000000.25, -0][next() % 5]);
      const shared = next() % 2 === 0;
      const thresholds = shared ? THRESHOLD : days.map(() => THRESHOLD + (next() % 3) * 0.01);
      const asOf = next() % 3 === 0 ? start + (next() % (n + 5)) : null;
      const asColumns = thresholdStatus(column(days) as never, column(outstandings) as never, (shared ? thresholds : column(thresholds as number[])) as never, asOf);
      const asRows = thresholdStatus([days] as never, [outstandings] as never, (shared ? thresholds : [thresholds]) as never, asOf);
      expect(asColumns).toEqual(asRows);
    }
  });
});

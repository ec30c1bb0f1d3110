import { engineErrorOf } from "../support/engineErrors";
import { dec } from "../../src/engine/decimal";
import { isoFromSerial } from "../../src/engine/dates";
import { EngineError } from "../../src/engine/errors";
import { countBusinessDays } from "../../src/engine/businessDays";
import { firstThresholdEvent, thresholdEventDetails, thresholdEvents, thresholdEventsOfDays, thresholdEventTrace, ThresholdRow, thresholdSeriesDays } from "../../src/engine/thresholdEvent";
import { isoDay as d } from "../support/dates";

const THRESHOLD = "233750000";
const ABOVE = "240000000";
const BELOW = "200000000";

/** Rows for the dates given: "+" above the Threshold, "=" equal to it, "-" below. */
function rows(spec: readonly (readonly [string, "+" | "=" | "-"])[], threshold = THRESHOLD): ThresholdRow[] {
  return spec.map(([iso, s]) => ({ date: d(iso), outstandings: dec(s === "+" ? ABOVE : s === "=" ? threshold : BELOW), threshold: dec(threshold) }));
}
/** Every calendar day from `from` to `to`, above the Threshold on the days listed in `above` (all days when omitted). */
function daily(from: string, to: string, above?: readonly string[]): ThresholdRow[] {
  const out: [string, "+" | "-"][] = [];
  for (let s = d(from); s <= d(to); s++) out.push([isoFromSerial(s), above === undefined || above.includes(isoFromSerial(s)) ? "+" : "-"]);
  return rows(out);
}
const iso = (dates: number[]): string[] => dates.map(isoFromSerial);
const LABOR_DAY_RUN = rows([
  ["2004-09-01", "+"],
  ["2004-09-02", "+"],
  ["2004-09-03", "+"],
  ["2004-09-07", "+"],
  ["2004-09-08", "+"],
]);

describe("the issue's worked examples [1.1(aa)]", () => {
  it("exceedances on 2004-09-01, 02, 03, 07 and 08 give a 5-day event on 2004-09-08: Labor Day is not a Business Day (Reading R-BD-CALENDAR) [1.1(aa)]", () => {
    expect(iso(thresholdEvents(LABOR_DAY_RUN, 5))).toEqual(["2004-09-08"]);
  });

  it("the same exceedances give a 3-day event on 2004-09-03 for Section 9.2.4, and no second one from 09-07 and 09-08 (Reading R-TE-RECUR) [1.1(aa)]", () => {
    expect(iso(thresholdEvents(LABOR_DAY_RUN, 3))).toEqual(["2004-09-03"]);
  });

  it("exceedances on 2004-08-25..08-31 alone give none: only days after August 31, 2004 count (Reading R-TE-DAYS) [1.1(aa)]", () => {
    expect(thresholdEvents(daily("2004-08-25", "2004-08-31"), 5)).toEqual([]);
    expect(thresholdEvents(daily("2004-08-25", "2004-08-31"), 3)).toEqual([]);
  });

  it("five scattered Business Days of exceedance in October 2004 give a clause (y) event on the fifth (Reading R-TE-EARLIER) [1.1(aa)]", () => {
    const above = ["2004-10-04", "2004-10-06", "2004-10-08", "2004-10-13", "2004-10-15"];
    const details = thresholdEventDetails(daily("2004-10-01", "2004-10-29", above), 5);
    expect(details.map((e) => [isoFromSerial(e.date), e.clause])).toEqual([["2004-10-15", "y"]]);
  });
});

describe("the readings of Threshold Event [1.1(aa)]", () => {
  it("does not count outstandings equal to the Threshold: 'exceed' is strictly greater (Reading R-TE-EXCEED) [1.1(aa)]", () => {
    const equal = rows(LABOR_DAY_RUN.map((r, i) => [isoFromSerial(r.date), i === 4 ? "=" : "+"] as const));
    expect(thresholdEvents(equal, 5)).toEqual([]);
    const oneCentAbove = LABOR_DAY_RUN.map((r) => ({ ...r, outstandings: dec(THRESHOLD).plus("0.01") }));
    expect(iso(thresholdEvents(oneCentAbove, 5))).toEqual(["2004-09-08"]);
  });

  it("does not count exceedance on or before 2004-08-31 towards a run that continues after it (Reading R-TE-DAYS) [1.1(aa)]", () => {
    const run = daily("2004-08-26", "2004-09-08");
    expect(iso(thresholdEvents(run, 5))).toEqual(["2004-09-08"]);
    expect(iso(thresholdEvents(run, 3))).toEqual(["2004-09-03"]);
  });

  it("ignores rows dated on weekends and holidays, whatever they show (Reading R-TE-DAYS) [1.1(aa)]", () => {
    const withIgnored = rows([
      ["2004-09-01", "+"],
      ["2004-09-02", "+"],
      ["2004-09-03", "+"],
      ["2004-09-04", "-"],
      ["2004-09-06", "-"],
      ["2004-09-07", "+"],
      ["2004-09-08", "+"],
    ]);
    expect(iso(thresholdEvents(withIgnored, 5))).toEqual(["2004-09-08"]);
  });

  it("treats an extra holiday as no Business Day: a row on it is ignored and it breaks no run (Reading R-BD-CALENDAR) [1.1(aa)]", () => {
    // A run across a month end, so that clause (y) cannot hide the break.
    const run = rows([
      ["2004-09-29", "+"],
      ["2004-09-30", "+"],
      ["2004-10-01", "-"],
      ["2004-10-04", "+"],
    ]);
    expect(iso(thresholdEvents(run, 3))).toEqual([]);
    expect(iso(thresholdEvents(run, 3, new Set([d("2004-10-01")])))).toEqual(["2004-10-04"]);
  });

  it("carries the previous row over Business Days missing between two rows (Reading R-TE-CARRY) [1.1(aa)]", () => {
    const sparse = rows([
      ["2004-09-01", "+"],
      ["2004-09-08", "+"],
    ]);
    expect(iso(thresholdEvents(sparse, 5))).toEqual(["2004-09-08"]);
    const trace = thresholdEventTrace(sparse, 5);
    expect(trace.map((t) => [isoFromSerial(t.date), t.carried, t.row])).toEqual([
      ["2004-09-01", false, 0],
      ["2004-09-02", true, 0],
      ["2004-09-03", true, 0],
      ["2004-09-07", true, 0],
      ["2004-09-08", false, 1],
    ]);
  });

  it("carries a row below the Threshold just the same: the gap does not count (Reading R-TE-CARRY) [1.1(aa)]", () => {
    const sparse = rows([
      ["2004-09-01", "+"],
      ["2004-09-02", "-"],
      ["2004-09-09", "+"],
    ]);
    expect(thresholdEvents(sparse, 3)).toEqual([]);
  });

  it("carries from a row on or before 2004-08-31 into September, counting only from 09-01 (Readings R-TE-CARRY, R-TE-DAYS) [1.1(aa)]", () => {
    const sparse = rows([
      ["2004-08-20", "+"],
      ["2004-09-03", "+"],
    ]);
    expect(iso(thresholdEvents(sparse, 3))).toEqual(["2004-09-03"]);
    expect(thresholdEvents(sparse, 5)).toEqual([]);
  });

  it("carries from the last Business-Day row, not from a weekend row (Readings R-TE-CARRY, R-TE-DAYS) [1.1(aa)]", () => {
    const sparse = rows([
      ["2004-09-02", "-"],
      ["2004-09-04", "+"],
      ["2004-09-08", "+"],
    ]);
    // 09-03 and 09-07 carry 09-02 (below), not Saturday's figure.
    expect(thresholdEventTrace(sparse, 3).map((t) => [isoFromSerial(t.date), t.exceeds])).toEqual([
      ["2004-09-02", false],
      ["2004-09-03", false],
      ["2004-09-07", false],
      ["2004-09-08", true],
    ]);
  });

  it("restarts the consecutive count on any Business Day not above the Threshold (clause (x)) [1.1(aa)]", () => {
    // September: 24, 27, 28 above, 29 below, 30 above (four in the month); October: 01, 04, 05, 06 above (four).
    const above = ["2004-09-24", "2004-09-27", "2004-09-28", "2004-09-30", "2004-10-01", "2004-10-04", "2004-10-05", "2004-10-06"];
    const details = thresholdEventDetails(daily("2004-09-23", "2004-10-07", above), 5);
    expect(details.map((e) => [isoFromSerial(e.date), e.clause])).toEqual([["2004-10-06", "x"]]);
  });

  it("gives the clause (y) event first when five days of one month come before five in a row (Reading R-TE-EARLIER) [1.1(aa)]", () => {
    const above = ["2004-09-01", "2004-09-02", "2004-09-03", "2004-09-07", "2004-09-09", "2004-09-10", "2004-09-13", "2004-09-14"];
    const details = thresholdEventDetails(daily("2004-09-01", "2004-09-14", above), 5);
    expect(details.map((e) => [isoFromSerial(e.date), e.clause])).toEqual([["2004-09-09", "y"]]);
  });

  it("lets a consecutive run cross a month end, giving a clause (x) event (Reading R-TE-EARLIER) [1.1(aa)]", () => {
    const above = ["2004-09-28", "2004-09-29", "2004-09-30", "2004-10-01", "2004-10-04"];
    const details = thresholdEventDetails(daily("2004-09-27", "2004-10-05", above), 5);
    expect(details.map((e) => [isoFromSerial(e.date), e.clause])).toEqual([["2004-10-04", "x"]]);
  });

  it("restarts the month count each calendar month: four days in September and one in October give no event (Reading R-TE-EARLIER) [1.1(aa)]", () => {
    const above = ["2004-09-13", "2004-09-15", "2004-09-17", "2004-09-21", "2004-10-05"];
    expect(thresholdEvents(daily("2004-09-10", "2004-10-08", above), 5)).toEqual([]);
  });

  it("names both clauses when they are met on the same day [1.1(aa)]", () => {
    expect(thresholdEventDetails(LABOR_DAY_RUN, 5).map((e) => e.clause)).toEqual(["x and y"]);
  });

  it("recurs: every Business Day of September 2004 above the Threshold gives events on 09-08, 09-15, 09-22 and 09-29 (Reading R-TE-RECUR) [1.1(aa)]", () => {
    expect(iso(thresholdEvents(daily("2004-09-01", "2004-09-30"), 5))).toEqual(["2004-09-08", "2004-09-15", "2004-09-22", "2004-09-29"]);
  });

  it("after an event keeps the month count at zero for the rest of the month (Reading R-TE-RECUR) [1.1(aa)]", () => {
    // Event on 09-08 (x and y); then five scattered days in September do not make a second: clause (y) occurs once a month.
    const above = ["2004-09-01", "2004-09-02", "2004-09-03", "2004-09-07", "2004-09-08", "2004-09-13", "2004-09-16", "2004-09-20", "2004-09-23", "2004-09-27"];
    expect(thresholdEventDetails(daily("2004-09-01", "2004-09-30", above), 5).map((e) => [isoFromSerial(e.date), e.clause])).toEqual([["2004-09-08", "x and y"]]);
  });
});

describe("Threshold Events after an event: clause (y) at most once a calendar month, clause (x) still later in it (Reading R-TE-RECUR) [1.1(aa)]", () => {
  // Ten scattered Business Days of September 2004 above the Threshold, never five in a row.
  const SCATTERED = ["2004-09-01", "2004-09-02", "2004-09-07", "2004-09-09", "2004-09-14", "2004-09-16", "2004-09-20", "2004-09-22", "2004-09-24", "2004-09-28"];
  const events = (above: readonly string[], from = "2004-09-01", to = "2004-09-30", days = 5): string[][] =>
    thresholdEventDetails(daily(from, to, above), days).map((e) => [isoFromSerial(e.date), e.clause]);

  it("ten scattered days of September 2004 give one event, 2004-09-14 by clause (y), not a second on 09-28 (the issue's case) [1.1(aa)]", () => {
    expect(events(SCATTERED)).toEqual([["2004-09-14", "y"]]);
  });

  it("five consecutive Business Days later in the same month still give a clause (x) event (09-20..09-24) [1.1(aa)]", () => {
    const above = ["2004-09-01", "2004-09-02", "2004-09-07", "2004-09-09", "2004-09-14", "2004-09-20", "2004-09-21", "2004-09-22", "2004-09-23", "2004-09-24", "2004-09-28"];
    expect(events(above)).toEqual([
      ["2004-09-14", "y"],
      ["2004-09-24", "x"],
    ]);
  });

  it("the consecutive count restarts after the event: a run from the next Business Day gives clause (x) five Business Days on (09-15..09-21) [1.1(aa)]", () => {
    const above = ["2004-09-01", "2004-09-02", "2004-09-07", "2004-09-09", "2004-09-14", "2004-09-15", "2004-09-16", "2004-09-17", "2004-09-20", "2004-09-21"];
    expect(events(above)).toEqual([
      ["2004-09-14", "y"],
      ["2004-09-21", "x"],
    ]);
  });

  it("the month count starts again in the next month: five scattered October days after the September event give 2004-10-15 by clause (y) [1.1(aa)]", () => {
    const october = ["2004-10-04", "2004-10-06", "2004-10-08", "2004-10-13", "2004-10-15", "2004-10-19", "2004-10-21", "2004-10-25", "2004-10-27", "2004-10-29"];
    expect(events([...SCATTERED, ...october], "2004-09-01", "2004-10-29")).toEqual([
      ["2004-09-14", "y"],
      ["2004-10-15", "y"],
    ]);
  });

  it("a clause (x) event also closes the month to clause (y): after 09-08, five scattered September days give nothing [1.1(aa)]", () => {
    const above = ["2004-09-01", "2004-09-02", "2004-09-03", "2004-09-07", "2004-09-08", "2004-09-10", "2004-09-14", "2004-09-16", "2004-09-20", "2004-09-22"];
    expect(events(above)).toEqual([["2004-09-08", "x and y"]]);
  });

  it("with three Business Days for Section 9.2.4 the scattered days give 2004-09-07 by clause (y), then only a three-day run [1.1(aa)]", () => {
    expect(events(SCATTERED, "2004-09-01", "2004-09-30", 3)).toEqual([["2004-09-07", "y"]]);
    const run = ["2004-09-01", "2004-09-02", "2004-09-07", "2004-09-09", "2004-09-20", "2004-09-21", "2004-09-22"];
    expect(events(run, "2004-09-01", "2004-09-30", 3)).toEqual([
      ["2004-09-07", "y"],
      ["2004-09-22", "x"],
    ]);
  });

  it("the trace shows the month count at zero for the rest of the month after the event [1.1(aa)]", () => {
    const trace = thresholdEventTrace(daily("2004-09-01", "2004-09-30", SCATTERED), 5);
    const after = trace.filter((t) => t.date > d("2004-09-14"));
    expect(after.every((t) => t.inMonth === 0)).toBe(true);
    expect(trace.find((t) => t.date === d("2004-09-28"))?.event).toBeUndefined();
  });
  it("follows a Threshold that moves with the Borrowing Base, row by row [1.1(aa)]", () => {
    const moving: ThresholdRow[] = ["2004-09-01", "2004-09-02", "2004-09-03"].map((day, i) => ({
      date: d(day),
      outstandings: dec(200000000),
      threshold: dec(i === 1 ? 210000000 : 190000000),
    }));
    expect(thresholdEvents(moving, 3)).toEqual([]);
    const all = moving.map((r) => ({ ...r, threshold: dec(190000000) }));
    expect(iso(thresholdEvents(all, 3))).toEqual(["2004-09-03"]);
  });

  it("returns the first event, or #N/A 'no Threshold Event in the series' [1.1(aa)]", () => {
    expect(isoFromSerial(firstThresholdEvent(daily("2004-09-01", "2004-09-30"), 5))).toBe("2004-09-08");
    expect(() => firstThresholdEvent(daily("2004-08-25", "2004-08-31"), 5)).toThrow("no Threshold Event in the series");
    try {
      firstThresholdEvent([], 5);
    } catch (e) {
      expect((e as EngineError).kind).toBe("na");
    }
    expect.assertions(3);
  });

  it("gives the day-by-day counts in the trace [1.1(aa)]", () => {
    const trace = thresholdEventTrace(daily("2004-08-30", "2004-09-08"), 5);
    expect(trace.map((t) => [isoFromSerial(t.date), t.counts, t.consecutive, t.inMonth, t.event ?? ""])).toEqual([
      ["2004-08-30", false, 0, 0, ""],
      ["2004-08-31", false, 0, 0, ""],
      ["2004-09-01", true, 1, 1, ""],
      ["2004-09-02", true, 2, 2, ""],
      ["2004-09-03", true, 3, 3, ""],
      ["2004-09-07", true, 4, 4, ""],
      ["2004-09-08", true, 5, 5, "x and y"],
    ]);
  });
});

describe("edge cases", () => {

  it.each([0, 4, 6, 2.5])("rejects daysRequired %s as #NUM! [1.1(aa)]", (days) => {
    expect(engineErrorOf(() => thresholdEvents(LABOR_DAY_RUN, days)).kind).toBe("num");
  });

  it("rejects a duplicate date as #VALUE!, naming the row [1.1(aa)]", () => {
    const dup = rows([
      ["2004-09-01", "+"],
      ["2004-09-02", "+"],
      ["2004-09-02", "+"],
    ]);
    const e = engineErrorOf(() => thresholdEvents(dup, 5));
    expect(e.kind).toBe("value");
    expect(e.message).toBe("dates row 3: 2004-09-02 is not after row 2's 2004-09-02; dates must be ascending without duplicates");
  });

  it("rejects descending dates as #VALUE!, naming the first such row [1.1(aa)]", () => {
    const e = engineErrorOf(() => thresholdEvents(rows([["2004-09-02", "+"], ["2004-09-03", "+"], ["2004-09-01", "+"], ["2004-08-01", "+"]]), 5));
    expect(e.message).toMatch(/^dates row 3: 2004-09-01 is not after row 2's 2004-09-03/);
  });

  it("treats two times on the same day as a duplicate date [1.1(aa)]", () => {
    const r = [{ date: d("2004-09-01") + 0.25, outstandings: dec(1), threshold: dec(0) }, { date: d("2004-09-01") + 0.75, outstandings: dec(1), threshold: dec(0) }];
    expect(engineErrorOf(() => thresholdEvents(r, 5)).kind).toBe("value");
  });

  it("rejects a date before the business-day calendar (1990) as #NUM! [1.1(aa)]", () => {
    expect(engineErrorOf(() => thresholdEvents(rows([["1989-12-29", "+"]]), 5)).kind).toBe("num");
  });

  it("returns no events for an empty series [1.1(aa)]", () => {
    expect(thresholdEvents([], 5)).toEqual([]);
  });

  it("runs over 100,000 daily rows in one pass: always above, an event every fifth Business Day [1.1(aa)]", () => {
    const start = d("2004-09-01");
    const big: ThresholdRow[] = [];
    for (let i = 0; i < 100000; i++) big.push({ date: start + i, outstandings: dec(ABOVE), threshold: dec(THRESHOLD) });
    const events = thresholdEvents(big, 5);
    expect(events).toHaveLength(Math.floor(countBusinessDays(start, start + 99999) / 5));
    expect(isoFromSerial(events[0])).toBe("2004-09-08");
    for (let i = 1; i < events.length; i++) expect(countBusinessDays(events[i - 1] + 1, events[i])).toBe(5);
  });
});

describe("a series prepared once, counted under each reading [1.1(aa)]", () => {
  it("lists each Business-Day row and each missing Business Day carried from the row before; Labor Day and the weekend are not days [1.1(aa), R-TE-CARRY]", () => {
    // Fri 2004-09-03, then Wed 2004-09-08: Mon 09-06 is Labor Day, Tue 09-07 is missing and carries 09-03's row.
    const days = thresholdSeriesDays([d("2004-09-03"), d("2004-09-04"), d("2004-09-08")]);
    expect(Array.from(days.dates, isoFromSerial)).toEqual(["2004-09-03", "2004-09-07", "2004-09-08"]);
    expect(Array.from(days.rows)).toEqual([0, 0, 2]);
    expect(Array.from(days.flags, (f) => (f & 1) === 1)).toEqual([false, true, false]);
  });

  it("keeps the carried days on or before 2004-08-31 for R-TE-DAYS SPAN, which counts them, and skips them otherwise [1.1(aa), R-TE-DAYS]", () => {
    // Fri 08-27 above; Mon 08-30 and Tue 08-31 missing (carried); Wed 09-01 above: four Business Days in a row.
    const series = rows([
      ["2004-08-27", "+"],
      ["2004-09-01", "+"],
    ]);
    const days = thresholdSeriesDays(series.map((r) => r.date));
    expect(Array.from(days.dates, isoFromSerial)).toEqual(["2004-08-27", "2004-08-30", "2004-08-31", "2004-09-01"]);
    const exceeds = Uint8Array.from(series, (r) => (r.outstandings.greaterThan(r.threshold) ? 1 : 0));
    expect(thresholdEventsOfDays(days, exceeds, 3)).toEqual([]);
    expect(thresholdEventsOfDays(days, exceeds, 3, { "R-TE-DAYS": "SPAN" })).toEqual([{ date: d("2004-09-01"), clause: "x" }]);
    // The prepared days count as the rows do.
    expect(thresholdEventsOfDays(days, exceeds, 3, { "R-TE-DAYS": "SPAN" })).toEqual(thresholdEventDetails(series, 3, undefined, { "R-TE-DAYS": "SPAN" }));
  });

  it("checks the series once, as the test does: a date not after the one before names its row [1.1(aa)]", () => {
    expect(engineErrorOf(() => thresholdSeriesDays([d("2004-09-02"), d("2004-09-01")]))).toMatchObject({ kind: "value" });
    expect(engineErrorOf(() => thresholdSeriesDays([d("2004-09-02"), d("2004-09-01")])).message).toContain("dates row 2: 2004-09-01 is not after row 1's 2004-09-02");
    expect(engineErrorOf(() => thresholdEventsOfDays(thresholdSeriesDays([]), new Uint8Array(0), 4)).kind).toBe("num");
  });
});

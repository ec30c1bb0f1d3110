import { engineErrorOf } from "../support/engineErrors";
import { dec } from "../../src/engine/decimal";
import { isoFromSerial } from "../../src/engine/dates";
import { ThresholdRow } from "../../src/engine/thresholdEvent";
import { NO_EVENT, thresholdStatus, thresholdStatusLines, ThresholdStatusMessages } from "../../src/engine/thresholdStatus";
import { isoDay as d } from "../support/dates";

const THRESHOLD = "233750000";
const ABOVE = "240000000";
const BELOW = "200000000";

/** Rows for the dates given: "+" above the Threshold ($240,000,000 against $233,750,000), "-" below ($200,000,000), or an amount. */
function rows(spec: readonly (readonly [string, string])[]): ThresholdRow[] {
  return spec.map(([iso, s]) => ({ date: d(iso), outstandings: dec(s === "+" ? ABOVE : s === "-" ? BELOW : s), threshold: dec(THRESHOLD) }));
}

/** The status in plain values, dates as ISO text. */
function plain(status: ReturnType<typeof thresholdStatus>): Record<string, unknown> {
  return {
    asOf: isoFromSerial(status.asOf),
    carried: status.carried,
    outstandings: status.outstandings.toString(),
    headroom: status.headroom.toString(),
    consecutive: status.consecutive,
    inMonth: status.inMonth,
    eventToday: status.eventToday ?? null,
    next: status.next === null ? null : [isoFromSerial(status.next.date), status.next.businessDaysAfter, status.next.clause],
    lastEvent: status.lastEvent === null ? null : [isoFromSerial(status.lastEvent.date), status.lastEvent.clause],
  };
}

describe("thresholdStatus: the Threshold Event early warning [1.1(aa)]", () => {
  it("sees a five-day run about to complete across Labor Day: 3 of 5, an event on 2004-09-08, 2 Business Days on [1.1(aa)]", () => {
    // 2004-09-03 is a Friday; 09-06 is Labor Day, so 09-07 and 09-08 complete the run.
    const status = thresholdStatus(rows([["2004-09-01", "+"], ["2004-09-02", "+"], ["2004-09-03", "+"]]), undefined, 5);
    expect(plain(status)).toEqual({
      asOf: "2004-09-03",
      carried: false,
      outstandings: "240000000",
      headroom: "-6250000",
      consecutive: 3,
      inMonth: 3,
      eventToday: null,
      next: ["2004-09-08", 2, "x and y"],
      lastEvent: null,
    });
  });

  it("sees a month count that completes before the run: 4 of 5 in October, so clause (y) on 2004-10-13 [1.1(aa)]", () => {
    // Above on 10-01, 10-07, 10-08 and 10-12 (10-11 is Columbus Day, so 07, 08, 12 is a run of three).
    const october = rows([
      ["2004-10-01", "+"],
      ["2004-10-04", "-"],
      ["2004-10-05", "-"],
      ["2004-10-06", "-"],
      ["2004-10-07", "+"],
      ["2004-10-08", "+"],
      ["2004-10-12", "+"],
    ]);
    const status = thresholdStatus(october, undefined, 5);
    expect(plain(status)).toMatchObject({ asOf: "2004-10-12", consecutive: 3, inMonth: 4, next: ["2004-10-13", 1, "y"], lastEvent: null });
  });

  it("restarts both counts the day after an event, and names that event as the last [1.1(aa)]", () => {
    // 09-24 and 09-27..30 are five consecutive Business Days above, and the fifth of September too.
    const series = rows([
      ["2004-09-24", "+"],
      ["2004-09-27", "+"],
      ["2004-09-28", "+"],
      ["2004-09-29", "+"],
      ["2004-09-30", "+"],
      ["2004-10-01", "+"],
    ]);
    const onEvent = thresholdStatus(series, d("2004-09-30"), 5);
    expect(plain(onEvent)).toMatchObject({ asOf: "2004-09-30", consecutive: 5, inMonth: 5, eventToday: "x and y", lastEvent: ["2004-09-30", "x and y"] });
    const dayAfter = thresholdStatus(series, undefined, 5);
    // 10-01 is the first of five more (10-01, 04, 05, 06, 07): the next event is 2004-10-07, 4 Business Days on.
    expect(plain(dayAfter)).toMatchObject({ asOf: "2004-10-01", consecutive: 1, inMonth: 1, eventToday: null, next: ["2004-10-07", 4, "x and y"], lastEvent: ["2004-09-30", "x and y"] });
  });

  it("reports on a Business Day between two rows with the earlier row's figures carried (Reading R-TE-CARRY) [1.1(aa)]", () => {
    const sparse = rows([["2004-09-01", "240000000"], ["2004-09-03", "250000000"]]);
    expect(plain(thresholdStatus(sparse, d("2004-09-02"), 5))).toMatchObject({
      asOf: "2004-09-02",
      carried: true,
      outstandings: "240000000",
      headroom: "-6250000",
      consecutive: 2,
      inMonth: 2,
      next: ["2004-09-08", 3, "x and y"],
    });
    // A Saturday as-of date reports on the Friday before; a date after the series on its last row.
    expect(plain(thresholdStatus(sparse, d("2004-09-04"), 5))).toMatchObject({ asOf: "2004-09-03", carried: false, outstandings: "250000000", consecutive: 3 });
    expect(plain(thresholdStatus(sparse, d("2004-12-31"), 5)).asOf).toBe("2004-09-03");
  });

  it("counts three Business Days for Section 9.2.4: the event on 2004-09-03, the next on 09-09 [1.1(aa)]", () => {
    const series = rows([["2004-09-01", "+"], ["2004-09-02", "+"], ["2004-09-03", "+"]]);
    expect(plain(thresholdStatus(series, d("2004-09-02"), 3))).toMatchObject({ consecutive: 2, inMonth: 2, next: ["2004-09-03", 1, "x and y"], lastEvent: null });
    // After the event both counts restart (Reading R-TE-RECUR): 09-07, 08, 09 make the next run of three,
    // an event of clause (x) only, since clause (y) occurs at most once in a calendar month.
    expect(plain(thresholdStatus(series, undefined, 3))).toMatchObject({ consecutive: 3, eventToday: "x and y", next: ["2004-09-09", 3, "x"], lastEvent: ["2004-09-03", "x and y"] });
  });

  it("gives positive headroom below the Threshold, and a run not started: the next event five Business Days on, 2004-11-08 [1.1(aa)]", () => {
    const status = thresholdStatus(rows([["2004-11-01", "-"]]), undefined, 5);
    expect(plain(status)).toMatchObject({ headroom: "33750000", consecutive: 0, inMonth: 0, next: ["2004-11-08", 5, "x and y"] });
  });

  it("counts nothing on or before 2004-08-31 and projects from September (Reading R-TE-DAYS) [1.1(aa)]", () => {
    const status = thresholdStatus(rows([["2004-08-30", "+"], ["2004-08-31", "+"]]), undefined, 5);
    // 09-01, 02, 03, 07, 08: five Business Days after 08-31 (Labor Day skipped).
    expect(plain(status)).toMatchObject({ asOf: "2004-08-31", consecutive: 0, inMonth: 0, next: ["2004-09-08", 5, "x and y"] });
  });

  it("lays the status out as nine labelled lines, 'none' where there is no event [1.1(aa)]", () => {
    const lines = thresholdStatusLines(thresholdStatus(rows([["2004-09-01", "+"], ["2004-09-02", "+"], ["2004-09-03", "+"]]), undefined, 5));
    expect(lines.map(([, v]) => (typeof v === "object" ? v.toString() : v))).toEqual([d("2004-09-03"), "240000000", THRESHOLD, "-6250000", 3, 3, 2, d("2004-09-08"), NO_EVENT]);
    expect(lines.every(([label]) => label.endsWith("[1.1(aa)]"))).toBe(true);
  });

  describe("edge cases", () => {
    it("is #N/A for an as-of date before the series, and for a series without a Business Day [1.1(aa)]", () => {
      const series = rows([["2004-09-01", "+"]]);
      const before = engineErrorOf(() => thresholdStatus(series, d("2004-08-31"), 5));
      expect([before.kind, before.message]).toEqual(["na", ThresholdStatusMessages.before(d("2004-08-31"))]);
      const weekendOnly = engineErrorOf(() => thresholdStatus(rows([["2004-09-04", "+"]]), undefined, 5));
      expect([weekendOnly.kind, weekendOnly.message]).toEqual(["na", ThresholdStatusMessages.empty()]);
      expect(engineErrorOf(() => thresholdStatus([], undefined, 5))?.kind).toBe("na");
    });

    it("checks the whole series as THRESHOLDEVENT does, even rows after the as-of date [1.1(aa)]", () => {
      const unsorted = rows([["2004-09-01", "+"], ["2004-09-03", "+"], ["2004-09-02", "+"]]);
      expect(engineErrorOf(() => thresholdStatus(unsorted, d("2004-09-01"), 5))?.kind).toBe("value");
      expect(engineErrorOf(() => thresholdStatus(rows([["2004-09-01", "+"]]), undefined, 4))?.kind).toBe("num");
    });

    it("treats an extra holiday as no Business Day in the projection [1.1(aa)]", () => {
      const series = rows([["2004-09-01", "+"], ["2004-09-02", "+"], ["2004-09-03", "+"]]);
      expect(plain(thresholdStatus(series, undefined, 5, new Set([d("2004-09-07")]))).next).toEqual(["2004-09-09", 2, "x and y"]);
    });
  });
});

describe("thresholdStatus under the switchable readings of the Threshold Event [1.1(aa), README Readings]", () => {
  // Above the Threshold every Business Day from 2004-09-01 to 09-10 (09-06 is Labor Day): the fifth,
  // 09-08, is a Threshold Event under clauses (x) and (y) at once.
  const run = rows(["2004-09-01", "2004-09-02", "2004-09-03", "2004-09-07", "2004-09-08", "2004-09-09", "2004-09-10"].map((iso) => [iso, "+"] as const));

  it("R-TE-RECUR RESTART (default): the count starts again after 09-08, 2 of 5 on 09-10, next event 09-15, 3 Business Days on [1.1(aa)]", () => {
    expect(plain(thresholdStatus(run, undefined, 5))).toMatchObject({ asOf: "2004-09-10", consecutive: 2, inMonth: 0, next: ["2004-09-15", 3, "x"], lastEvent: ["2004-09-08", "x and y"] });
    expect(plain(thresholdStatus(run, undefined, 5, undefined, { "R-TE-RECUR": "RESTART" }))).toEqual(plain(thresholdStatus(run, undefined, 5)));
  });

  it("R-TE-RECUR RUN: the unbroken run is one event, so nothing counts on 09-10 and no next event while it lasts [1.1(aa)]", () => {
    expect(plain(thresholdStatus(run, undefined, 5, undefined, { "R-TE-RECUR": "RUN" }))).toMatchObject({ asOf: "2004-09-10", consecutive: 0, inMonth: 0, next: null, lastEvent: ["2004-09-08", "x and y"] });
  });

  it("R-TE-DAYS SPAN: days to 2004-08-31 count toward a run, so 08-30, 08-31 and 09-01 make 3 of 5 and the event is 09-03 [1.1(aa)]", () => {
    const late = rows([["2004-08-30", "+"], ["2004-08-31", "+"], ["2004-09-01", "+"]]);
    expect(plain(thresholdStatus(late, undefined, 5))).toMatchObject({ consecutive: 1, next: ["2004-09-08", 4, "x and y"] });
    expect(plain(thresholdStatus(late, undefined, 5, undefined, { "R-TE-DAYS": "SPAN" }))).toMatchObject({ consecutive: 3, next: ["2004-09-03", 2, "x"] });
  });
});

/**
 * The Threshold picture's geometry [1.1(aa)]: the min/max reduction to the plot's pixels keeps the
 * shape of the series, never drops a Business Day above the Threshold or an event marker, and
 * draws month boundaries where there is room.
 */
import { serial } from "../../../src/engine/dates";
import { dateAtX, dayIndexAt, DailyPoint, layoutThresholdChart, xOfDate } from "../../../taskpane/charts/thresholdChart";

const THRESHOLD = 174386000;

/** Weekdays from 2004-09-01: outstandings below the Threshold, with a day above every `every` rows. */
function series(count: number, every = 0): DailyPoint[] {
  const days: DailyPoint[] = [];
  for (let d = serial(2004, 9, 1); days.length < count; d++) {
    const wd = (d + 6) % 7;
    if (wd === 0 || wd === 6) continue;
    const above = every > 0 && days.length % every === every - 1;
    days.push({ date: d, outstandings: above ? THRESHOLD + 1000000 : 150000000 + (days.length % 97) * 100000, threshold: THRESHOLD, businessDay: true });
  }
  return days;
}

/** The vertices of a path "Mx,yLx,y…". */
function vertices(d: string): { x: number; y: number }[] {
  return d
    .slice(1)
    .split("L")
    .map((p) => p.split(",").map(Number))
    .map(([x, y]) => ({ x, y }));
}

describe("the outstandings against the Threshold [1.1(aa)]", () => {
  it("draws a short series exactly, one vertex a day, and shades each Business Day above the Threshold", () => {
    const days = series(20, 7);
    const model = layoutThresholdChart({ days, events: [], width: 350 });
    // 20 days on 302 columns: no reduction.
    expect(vertices(model.outstandingsPath)).toHaveLength(20);
    expect(model.aboveDays).toBe(2);
    expect(model.above).toHaveLength(2);
    for (const band of model.above) expect(band.width).toBeGreaterThanOrEqual(1);
    // The Threshold does not change: a flat line needs only its two ends.
    expect(vertices(model.thresholdPath)).toHaveLength(2);
  });

  it("reduces 100,000 days to at most four vertices a pixel column and keeps the extremes", () => {
    const days = series(100000, 1000);
    const model = layoutThresholdChart({ days, events: [], width: 350 });
    const columns = Math.floor(model.plot.right - model.plot.left);
    const drawn = vertices(model.outstandingsPath);
    expect(drawn.length).toBeLessThanOrEqual(4 * columns);
    expect(model.vertices).toBe(drawn.length);
    // The highest day (above the Threshold) and the lowest are both on the line.
    const top = Math.min(...drawn.map((v) => v.y));
    const bottom = Math.max(...drawn.map((v) => v.y));
    expect(Math.abs(top - model.plot.top - (model.plot.bottom - model.plot.top) * ((model.yDomain[1] - (THRESHOLD + 1000000)) / (model.yDomain[1] - model.yDomain[0])))).toBeLessThan(0.1);
    expect(bottom).toBeGreaterThan(top);
  });

  it("never drops a day above the Threshold from view: every one lies in a band at least a pixel wide", () => {
    const days = series(100000, 997);
    const model = layoutThresholdChart({ days, events: [], width: 350 });
    const above = days.filter((d) => d.outstandings > d.threshold);
    expect(model.aboveDays).toBe(above.length);
    for (const d of above) {
      const x = xOfDate(model, d.date);
      expect(model.above.some((b) => b.width >= 1 && x >= b.x - 1e-9 && x <= b.x + b.width + 1e-9)).toBe(true);
    }
    // Merged where they touch: never more bands than pixel columns.
    expect(model.above.length).toBeLessThanOrEqual(Math.ceil(model.plot.right - model.plot.left));
  });

  it("does not shade a day that is not a Business Day, however high", () => {
    const days = series(10).map((d, i) => (i === 4 ? { ...d, outstandings: THRESHOLD * 2, businessDay: false } : d));
    expect(layoutThresholdChart({ days, events: [], width: 350 }).aboveDays).toBe(0);
  });

  it("keeps one marker for every event, 5-day and 3-day on their own lanes, even where they share a pixel", () => {
    const days = series(100000);
    const events = days.filter((_, i) => i % 50 === 0).flatMap((d) => [
      { date: d.date, daysRequired: 5, clause: "x" },
      { date: d.date, daysRequired: 3, clause: "x and y" },
    ]);
    const model = layoutThresholdChart({ days, events, width: 350 });
    expect(model.markers).toHaveLength(events.length);
    expect(model.lanes.map((l) => l.daysRequired)).toEqual([5, 3]);
    const laneY = new Map(model.lanes.map((l) => [l.daysRequired, l.y]));
    for (const m of model.markers) expect(m.y).toBe(laneY.get(m.daysRequired));
  });

  it("draws the month boundaries of September to December 2004 and labels them, years or decades over four centuries", () => {
    const short = layoutThresholdChart({ days: series(85), events: [], width: 350 });
    expect(short.boundaries.map((b) => b.kind)).toEqual(["month", "month", "month"]);
    expect(short.boundaries[0].label).toBe("Oct 2004");
    expect(short.boundaries.every((b) => b.x > short.plot.left && b.x < short.plot.right)).toBe(true);
    const long = layoutThresholdChart({ days: series(100000), events: [], width: 350 });
    expect(long.boundaries.length).toBeGreaterThan(0);
    expect(long.boundaries.length).toBeLessThanOrEqual((long.plot.right - long.plot.left) / 6 + 1);
    expect(long.boundaries[0].kind).not.toBe("month");
  });

  it("finds the day under a pixel, and the day whose figures carry over a missing day (Reading R-TE-CARRY)", () => {
    const days = series(30);
    const model = layoutThresholdChart({ days, events: [], width: 350 });
    expect(dayIndexAt(days, dateAtX(model, model.plot.left))).toBe(0);
    expect(dayIndexAt(days, dateAtX(model, model.plot.right))).toBe(29);
    // 2004-09-04 is a Saturday: the Friday's row.
    expect(days[dayIndexAt(days, serial(2004, 9, 4))].date).toBe(serial(2004, 9, 3));
    expect(dayIndexAt(days, serial(2004, 8, 1))).toBe(-1);
  });
});

describe("edge cases", () => {
  it("lays out an empty series and a single day without dividing by zero", () => {
    const empty = layoutThresholdChart({ days: [], events: [], width: 350 });
    expect(empty.outstandingsPath).toBe("");
    const one = layoutThresholdChart({ days: series(1), events: [], width: 350 });
    expect(vertices(one.outstandingsPath)).toHaveLength(1);
    expect(Number.isFinite(vertices(one.outstandingsPath)[0].x)).toBe(true);
  });
});

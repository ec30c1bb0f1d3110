/**
 * The picture of Section 1.1(aa): daily Revolving Credit Outstandings against the Threshold, the
 * Business Days above it shaded, every Threshold Event marked on its own lane (5 and 3 Business
 * Days told apart by shape as well as colour), month boundaries drawn.
 *
 * `layoutThresholdChart` is pure (plain numbers in, plain geometry out) and reduces the series to
 * the plot's pixel columns: each column keeps its first, lowest, highest and last point (the
 * "min/max" reduction), so the line looks as the full series would and 100,000 days draw as at most
 * four vertices per pixel. The reduction never drops what the reader must see: every day above the
 * Threshold keeps a shaded band at least one pixel wide, and every event keeps its own marker.
 * `drawThresholdChart` turns the geometry into SVG elements (createElementNS, textContent).
 */
import { monthIndex, serial, ymd } from "../../src/engine/dates";
import { linear, niceDomain, niceTicks, shortUsd } from "./scale";
import { svg } from "./svg";

export interface DailyPoint {
  /** Excel serial date. */
  readonly date: number;
  readonly outstandings: number;
  readonly threshold: number;
  /** Only Business Days count towards a Threshold Event; other rows are drawn but never shaded. */
  readonly businessDay: boolean;
}

export interface EventPoint {
  readonly date: number;
  /** 5 (the general definition) or 3 (for Section 9.2.4). */
  readonly daysRequired: number;
  /** "x", "y" or "x and y". */
  readonly clause: string;
}

export interface ThresholdChartInput {
  readonly days: readonly DailyPoint[];
  readonly events: readonly EventPoint[];
  /** The picture's width in CSS pixels; the plot gets one column per pixel. */
  readonly width: number;
  readonly height?: number;
}

export interface Boundary {
  readonly x: number;
  readonly kind: "month" | "year" | "decade";
  readonly label?: string;
}

export interface Marker {
  readonly x: number;
  readonly y: number;
  readonly date: number;
  readonly daysRequired: number;
  readonly clause: string;
}

export interface ThresholdChartModel {
  readonly width: number;
  readonly height: number;
  readonly plot: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
  readonly firstDate: number;
  readonly lastDate: number;
  readonly yDomain: readonly [number, number];
  /** SVG path data of the outstandings and of the Threshold, reduced to the plot's pixels. */
  readonly outstandingsPath: string;
  readonly thresholdPath: string;
  /** Vertices in the outstandings path (at most four per pixel column). */
  readonly vertices: number;
  /** Shaded bands of Business Days above the Threshold, merged where they touch. */
  readonly above: readonly { readonly x: number; readonly width: number }[];
  readonly aboveDays: number;
  readonly lanes: readonly { readonly daysRequired: number; readonly y: number }[];
  readonly markers: readonly Marker[];
  readonly boundaries: readonly Boundary[];
  readonly yTicks: readonly { readonly y: number; readonly label: string }[];
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const LANE_HEIGHT = 12;
/** Boundaries closer than this (pixels) would be a grey smear: the picture draws years, then decades. */
const MIN_BOUNDARY_SPACING = 6;
/** Labels closer than this (pixels) would overlap. */
const MIN_LABEL_SPACING = 48;

/** Index of the last day on or before `date` (the day whose figures the test used, Reading R-TE-CARRY); -1 before the first. */
export function dayIndexAt(days: readonly { readonly date: number }[], date: number): number {
  let lo = 0;
  let hi = days.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid].date <= date) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Min/max reduction of one series into pixel columns: each column's first, lowest, highest and last point. */
function reducePath(days: readonly DailyPoint[], value: (d: DailyPoint) => number, column: Uint32Array, columns: number, left: number, x: (date: number) => number, y: (v: number) => number): { d: string; vertices: number } {
  const count = new Uint32Array(columns);
  const first = new Float64Array(columns);
  const last = new Float64Array(columns);
  const min = new Float64Array(columns);
  const max = new Float64Array(columns);
  const minLast = new Uint8Array(columns);
  const soleDate = new Float64Array(columns);
  for (let i = 0; i < days.length; i++) {
    const day = days[i];
    const c = column[i];
    const v = value(day);
    if (count[c] === 0) {
      first[c] = min[c] = max[c] = v;
      soleDate[c] = day.date;
    } else if (v < min[c]) {
      min[c] = v;
      minLast[c] = 1;
    } else if (v > max[c]) {
      max[c] = v;
      minLast[c] = 0;
    }
    last[c] = v;
    count[c]++;
  }
  const xs: number[] = [];
  const ys: number[] = [];
  for (let c = 0; c < columns; c++) {
    if (count[c] === 0) continue;
    if (count[c] === 1) {
      xs.push(x(soleDate[c]));
      ys.push(y(first[c]));
      continue;
    }
    // Lowest and highest in the order they came, so a spike reads the right way round.
    const seq = minLast[c] ? [first[c], max[c], min[c], last[c]] : [first[c], min[c], max[c], last[c]];
    for (const v of seq) {
      xs.push(left + c + 0.5);
      ys.push(y(v));
    }
  }
  const parts: string[] = [];
  const r = (v: number): number => Math.round(v * 10) / 10;
  for (let i = 0; i < xs.length; i++) {
    const py = r(ys[i]);
    // A flat stretch (a Threshold that does not change) needs only its two ends.
    if (i > 0 && i < xs.length - 1 && r(ys[i - 1]) === py && r(ys[i + 1]) === py) continue;
    if (parts.length > 0 && parts[parts.length - 1] === `${r(xs[i])},${py}`) continue;
    parts.push(`${r(xs[i])},${py}`);
  }
  return { d: parts.length === 0 ? "" : `M${parts.join("L")}`, vertices: parts.length };
}

/** Month, year or decade boundaries inside (first, last], as dense as the width allows, labelled where there is room. */
function boundaries(firstDate: number, lastDate: number, x: (date: number) => number, plotWidth: number): Boundary[] {
  const span = Math.max(1, lastDate - firstDate);
  const pxPerMonth = (plotWidth * 30.44) / span;
  const stepMonths = pxPerMonth >= MIN_BOUNDARY_SPACING ? 1 : pxPerMonth * 12 >= MIN_BOUNDARY_SPACING ? 12 : pxPerMonth * 120 >= MIN_BOUNDARY_SPACING ? 120 : 1200;
  const kind: Boundary["kind"] = stepMonths === 1 ? "month" : stepMonths === 12 ? "year" : "decade";
  const start = ymd(firstDate);
  let index = monthIndex(firstDate) + 1;
  // Align years to January and decades to a year ending in 0.
  if (stepMonths >= 12) {
    const yearStep = stepMonths / 12;
    let year = start.year + 1;
    while (year % yearStep !== 0) year++;
    index = year * 12;
  }
  const out: Boundary[] = [];
  let lastLabel = -Infinity;
  for (; ; index += stepMonths) {
    const year = Math.floor(index / 12);
    const month = index % 12;
    const date = serial(year, month + 1, 1);
    if (date > lastDate) break;
    const px = x(date);
    let label: string | undefined;
    if (px - lastLabel >= MIN_LABEL_SPACING) {
      label = kind === "month" ? (month === 0 || out.length === 0 ? `${MONTHS[month]} ${year}` : MONTHS[month]) : kind === "year" ? String(year) : `${year}s`;
      lastLabel = px;
    }
    out.push({ x: px, kind, ...(label === undefined ? {} : { label }) });
  }
  return out;
}

/**
 * The picture's geometry.
 *
 * @param input - the days in date order (as the test reads them), the events, the width in pixels
 * @returns paths, shaded bands, markers, boundaries and ticks, in the picture's pixel coordinates
 */
export function layoutThresholdChart(input: ThresholdChartInput): ThresholdChartModel {
  const { days, events } = input;
  const width = Math.max(120, Math.floor(input.width));
  const laneDays = [...new Set(events.map((e) => e.daysRequired))].sort((a, b) => b - a);
  const lanesHeight = Math.max(1, laneDays.length) * LANE_HEIGHT;
  const height = input.height ?? 220;
  const plot = { left: 48, right: width - 8, top: 6 + lanesHeight + 4, bottom: height - 22 };
  const columns = Math.max(1, Math.floor(plot.right - plot.left));
  const firstDate = days.length > 0 ? days[0].date : 0;
  const lastDate = days.length > 0 ? days[days.length - 1].date : 1;
  const span = Math.max(1, lastDate - firstDate);
  let lo = Infinity;
  let hi = -Infinity;
  for (const d of days) {
    if (d.outstandings < lo) lo = d.outstandings;
    if (d.outstandings > hi) hi = d.outstandings;
    if (d.threshold < lo) lo = d.threshold;
    if (d.threshold > hi) hi = d.threshold;
  }
  if (!Number.isFinite(lo)) [lo, hi] = [0, 1];
  const yDomain = niceDomain(lo, hi, 4);
  const x = linear([firstDate, firstDate + span], [plot.left, plot.right]);
  const y = linear(yDomain, [plot.bottom, plot.top]);
  // Each day's pixel column, worked out once for both lines.
  const column = new Uint32Array(days.length);
  const perDay = columns / span;
  for (let i = 0; i < days.length; i++) column[i] = Math.min(columns - 1, Math.max(0, Math.floor((days[i].date - firstDate) * perDay)));
  const series = reducePath(days, (d) => d.outstandings, column, columns, plot.left, x, y);
  const threshold = reducePath(days, (d) => d.threshold, column, columns, plot.left, x, y);

  // Every Business Day above the Threshold keeps a band at least one pixel wide.
  const half = Math.max(1, (plot.right - plot.left) / span / 2);
  const above: { x: number; width: number }[] = [];
  let aboveDays = 0;
  for (const d of days) {
    if (!d.businessDay || !(d.outstandings > d.threshold)) continue;
    aboveDays++;
    const x0 = x(d.date) - half;
    const x1 = x(d.date) + half;
    const previous = above[above.length - 1];
    if (previous !== undefined && x0 <= previous.x + previous.width + 0.01) previous.width = Math.max(previous.width, x1 - previous.x);
    else above.push({ x: x0, width: x1 - x0 });
  }
  const lanes = laneDays.map((daysRequired, i) => ({ daysRequired, y: 6 + i * LANE_HEIGHT + LANE_HEIGHT / 2 }));
  const laneY = new Map(lanes.map((l) => [l.daysRequired, l.y]));
  const markers = events.map((e) => ({ x: x(e.date), y: laneY.get(e.daysRequired) ?? 0, date: e.date, daysRequired: e.daysRequired, clause: e.clause }));
  const yTicks = niceTicks(yDomain[0], yDomain[1], 4)
    .filter((v) => v >= yDomain[0] && v <= yDomain[1])
    .map((v) => ({ y: y(v), label: shortUsd(v) }));
  return {
    width,
    height,
    plot,
    firstDate,
    lastDate,
    yDomain,
    outstandingsPath: series.d,
    thresholdPath: threshold.d,
    vertices: series.vertices,
    above,
    aboveDays,
    lanes,
    markers,
    boundaries: days.length > 1 ? boundaries(firstDate, lastDate, x, plot.right - plot.left) : [],
    yTicks,
  };
}

/** The date under a pixel of the plot (clamped to the series). */
export function dateAtX(model: ThresholdChartModel, px: number): number {
  const { left, right } = model.plot;
  const t = Math.min(1, Math.max(0, (px - left) / Math.max(1, right - left)));
  return Math.round(model.firstDate + t * Math.max(1, model.lastDate - model.firstDate));
}

/** The pixel of a date. */
export function xOfDate(model: ThresholdChartModel, date: number): number {
  return linear([model.firstDate, model.firstDate + Math.max(1, model.lastDate - model.firstDate)], [model.plot.left, model.plot.right])(date);
}

/** The pixel of an amount. */
export function yOfAmount(model: ThresholdChartModel, amount: number): number {
  return linear(model.yDomain, [model.plot.bottom, model.plot.top])(amount);
}

/** An event marker's shape: a downward triangle for the longer test, a diamond for the shorter. */
function markerPath(m: Marker, longest: number): string {
  const s = 4.5;
  return m.daysRequired === longest
    ? `M${m.x - s},${m.y - s}L${m.x + s},${m.y - s}L${m.x},${m.y + s}Z`
    : `M${m.x},${m.y - s}L${m.x + s},${m.y}L${m.x},${m.y + s}L${m.x - s},${m.y}Z`;
}

/**
 * The picture as SVG. The element is labelled by `labelId` (the figure's caption) and described by
 * `descriptionId` (its table alternative); markers carry their date and clause as data attributes.
 */
export function drawThresholdChart(doc: Document, model: ThresholdChartModel, labelId: string, descriptionId: string): SVGSVGElement {
  const { plot } = model;
  const root = svg(doc, "svg", { class: "chart chart-threshold", viewBox: `0 0 ${model.width} ${model.height}`, width: "100%", role: "img", "aria-labelledby": labelId, "aria-describedby": descriptionId, focusable: "false" });
  const grid = svg(doc, "g", { class: "chart-grid", "aria-hidden": "true" });
  for (const t of model.yTicks) {
    grid.append(svg(doc, "line", { x1: plot.left, x2: plot.right, y1: t.y, y2: t.y, class: "grid-line" }));
    grid.append(svg(doc, "text", { x: plot.left - 4, y: t.y + 3, class: "axis-label", "text-anchor": "end" }, t.label));
  }
  const bands = svg(doc, "g", { class: "above-bands", "aria-hidden": "true" });
  for (const a of model.above) {
    bands.append(svg(doc, "rect", { x: a.x, y: plot.top, width: a.width, height: plot.bottom - plot.top, class: "above-band" }));
    // A solid mark on the axis as well: a single day above is a narrow band, easy to miss.
    bands.append(svg(doc, "rect", { x: a.x, y: plot.bottom - 4, width: a.width, height: 4, class: "above-rug" }));
  }
  const months = svg(doc, "g", { class: "boundaries", "aria-hidden": "true" });
  for (const b of model.boundaries) {
    months.append(svg(doc, "line", { x1: b.x, x2: b.x, y1: plot.top, y2: plot.bottom + 3, class: `boundary boundary-${b.kind}` }));
    if (b.label) months.append(svg(doc, "text", { x: b.x + 2, y: plot.bottom + 14, class: "axis-label" }, b.label));
  }
  const lines = svg(
    doc,
    "g",
    { class: "series", "aria-hidden": "true" },
    undefined,
    svg(doc, "path", { d: model.thresholdPath, class: "threshold-line" }),
    svg(doc, "path", { d: model.outstandingsPath, class: "series-line" }),
  );
  const longest = model.lanes.length > 0 ? model.lanes[0].daysRequired : 0;
  const lanes = svg(doc, "g", { class: "event-lanes", "aria-hidden": "true" });
  for (const lane of model.lanes) lanes.append(svg(doc, "line", { x1: plot.left, x2: plot.right, y1: lane.y, y2: lane.y, class: "lane-line" }));
  const markers = svg(doc, "g", { class: "event-markers", "aria-hidden": "true" });
  for (const m of model.markers) {
    markers.append(svg(doc, "path", { d: markerPath(m, longest), class: `event-marker event-${m.daysRequired}`, "data-date": m.date, "data-days": m.daysRequired, "data-clause": m.clause }));
  }
  const cursor = svg(doc, "g", { class: "chart-cursor", "aria-hidden": "true", visibility: "hidden" }, undefined, svg(doc, "line", { y1: plot.top, y2: plot.bottom, x1: 0, x2: 0, class: "cursor-line" }), svg(doc, "circle", { r: 3.5, cx: 0, cy: 0, class: "cursor-dot" }));
  const axis = svg(doc, "line", { x1: plot.left, x2: plot.right, y1: plot.bottom, y2: plot.bottom, class: "axis-line", "aria-hidden": "true" });
  root.append(grid, bands, months, lines, lanes, markers, axis, cursor);
  return root;
}

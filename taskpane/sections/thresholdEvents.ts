/**
 * Section 1.1(aa): the daily outstandings against the Threshold as a picture (Business Days above
 * shaded, every Threshold Event marked, 5-day and 3-day apart, month boundaries), a tooltip for
 * the day under the pointer or the keyboard's cursor, and the tables behind it: every event of
 * each test with its clause, and the series month by month.
 */
import { dec } from "../../src/engine/decimal";
import { monthIndex } from "../../src/engine/dates";
import type { Review } from "../paneReview";
import { dayIndexAt, drawThresholdChart, EventPoint, layoutThresholdChart, ThresholdChartModel, xOfDate, yOfAmount, DailyPoint, dateAtX } from "../charts/thresholdChart";
import { dataTable, disclosure, el } from "../dom";
import { clauseText, isoDate, longDate, plural, usd } from "../format";
import { cannotWorkOut, PaneSection } from "./section";

type EventList = Review["thresholdEvents"][number];

function eventCount(review: Review): string {
  return review.thresholdEvents.map((l) => (l.note !== undefined ? `${l.daysRequired}-day: —` : `${l.daysRequired}-day: ${l.events.length}`)).join(" · ");
}

function listTitle(list: EventList): string {
  return `${list.daysRequired} Business Days${list.section.includes("9.2.4") ? ", for Section 9.2.4" : ""}`;
}

/** The events of all lists, for the picture. */
export function eventPoints(review: Review): EventPoint[] {
  return review.thresholdEvents.flatMap((l) => l.events.map((e) => ({ date: e.date, daysRequired: l.daysRequired, clause: e.clause })));
}

function dayText(days: readonly DailyPoint[], index: number, events: readonly EventPoint[]): string {
  const d = days[index];
  const headroom = dec(d.threshold).minus(dec(d.outstandings));
  const parts = [longDate(d.date), `Outstandings ${usd(d.outstandings)}`, `Threshold ${usd(d.threshold)}`, `Headroom ${usd(headroom)}`];
  if (!d.businessDay) parts.push("not a Business Day");
  else if (d.outstandings > d.threshold) parts.push("above the Threshold");
  for (const e of events) if (e.date === d.date) parts.push(`Threshold Event (${e.daysRequired} Business Days, ${clauseText(e.clause)})`);
  return parts.join(" · ");
}

/** Pointer and keyboard: a cursor on the day, and its figures in the tooltip line. */
function attachCursor(frame: HTMLElement, chart: SVGSVGElement, model: ThresholdChartModel, days: readonly DailyPoint[], events: readonly EventPoint[], tooltip: HTMLElement): void {
  const cursor = chart.querySelector<SVGGElement>(".chart-cursor");
  const line = cursor?.querySelector("line");
  const dot = cursor?.querySelector("circle");
  const eventDates = [...new Set(events.map((e) => e.date))].sort((a, b) => a - b);
  let current = -1;
  const show = (index: number): void => {
    if (days.length === 0) return;
    current = Math.min(days.length - 1, Math.max(0, index));
    const d = days[current];
    const x = String(Math.round(xOfDate(model, d.date) * 10) / 10);
    line?.setAttribute("x1", x);
    line?.setAttribute("x2", x);
    dot?.setAttribute("cx", x);
    dot?.setAttribute("cy", String(Math.round(yOfAmount(model, d.outstandings) * 10) / 10));
    cursor?.setAttribute("visibility", "visible");
    tooltip.textContent = dayText(days, current, events);
    tooltip.classList.remove("closed");
  };
  let frameRequest = 0;
  chart.addEventListener("pointermove", (event) => {
    const rect = chart.getBoundingClientRect();
    const px = ((event.clientX - rect.left) * model.width) / Math.max(1, rect.width);
    cancelAnimationFrame(frameRequest);
    frameRequest = requestAnimationFrame(() => show(Math.max(0, dayIndexAt(days, dateAtX(model, px)))));
  });
  chart.addEventListener("pointerleave", () => {
    if (document.activeElement !== frame) cursor?.setAttribute("visibility", "hidden");
  });
  frame.addEventListener("focus", () => show(current < 0 ? days.length - 1 : current));
  frame.addEventListener("blur", () => cursor?.setAttribute("visibility", "hidden"));
  frame.addEventListener("keydown", (event) => {
    const d = current < 0 ? days.length - 1 : current;
    const date = days[d]?.date ?? 0;
    let to: number | undefined;
    switch (event.key) {
      case "ArrowLeft":
        to = d - 1;
        break;
      case "ArrowRight":
        to = d + 1;
        break;
      case "Home":
        to = 0;
        break;
      case "End":
        to = days.length - 1;
        break;
      case "PageDown": {
        const next = eventDates.find((e) => e > date);
        to = next === undefined ? undefined : dayIndexAt(days, next);
        break;
      }
      case "PageUp": {
        let previous: number | undefined;
        for (const e of eventDates) if (e < date) previous = e;
        to = previous === undefined ? undefined : dayIndexAt(days, previous);
        break;
      }
      default:
        return;
    }
    event.preventDefault();
    if (to !== undefined) show(to);
  });
}

function eventTable(list: EventList, days: readonly DailyPoint[]): HTMLElement {
  if (list.note !== undefined) return cannotWorkOut(`The Threshold Events for ${list.daysRequired} Business Days`, list.note);
  if (list.events.length === 0) return el("p", { className: "muted", text: `No Threshold Event for ${list.daysRequired} Business Days.` });
  return dataTable(
    `Threshold Events, ${listTitle(list)} [${list.section}]`,
    [
      { header: "Date", cell: (e: { date: number }) => isoDate(e.date) },
      { header: "Clause", cell: (e: { clause: string }) => `(${e.clause})` },
      { header: "Outstandings", numeric: true, cell: (e: { date: number }) => usd(days[dayIndexAt(days, e.date)]?.outstandings) },
      { header: "Threshold", numeric: true, cell: (e: { date: number }) => usd(days[dayIndexAt(days, e.date)]?.threshold) },
    ],
    list.events,
    { className: `events-table events-${list.daysRequired}` },
  );
}

interface MonthRow {
  readonly month: string;
  businessDays: number;
  above: number;
  highest: number;
  leastHeadroom: number;
  events: Map<number, number>;
}

/** The series month by month: the table alternative of the picture. */
function monthTable(days: readonly DailyPoint[], events: readonly EventPoint[], lists: readonly EventList[]): HTMLElement {
  const rows: MonthRow[] = [];
  let index = NaN;
  for (const d of days) {
    const m = monthIndex(d.date);
    if (m !== index) {
      index = m;
      rows.push({ month: isoDate(d.date).slice(0, 7), businessDays: 0, above: 0, highest: -Infinity, leastHeadroom: Infinity, events: new Map() });
    }
    const row = rows[rows.length - 1];
    if (d.businessDay) {
      row.businessDays++;
      if (d.outstandings > d.threshold) row.above++;
    }
    row.highest = Math.max(row.highest, d.outstandings);
    row.leastHeadroom = Math.min(row.leastHeadroom, d.threshold - d.outstandings);
  }
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  for (const e of events) {
    const row = byMonth.get(isoDate(e.date).slice(0, 7));
    if (row) row.events.set(e.daysRequired, (row.events.get(e.daysRequired) ?? 0) + 1);
  }
  return dataTable(
    "Daily Revolving Credit Outstandings against the Threshold, month by month",
    [
      { header: "Month", cell: (r: MonthRow) => r.month },
      { header: "Business Days", numeric: true, cell: (r: MonthRow) => String(r.businessDays) },
      { header: "Days above", numeric: true, cell: (r: MonthRow) => String(r.above) },
      { header: "Highest outstandings", numeric: true, cell: (r: MonthRow) => usd(r.highest) },
      // Least headroom from the day's own figures (exact to the cent: both are workbook numbers).
      { header: "Least headroom", numeric: true, cell: (r: MonthRow) => usd(dec(r.leastHeadroom).toDecimalPlaces(2)) },
      ...lists.map((l) => ({ header: `Events (${l.daysRequired} days)`, numeric: true, cell: (r: MonthRow) => String(r.events.get(l.daysRequired) ?? 0) })),
    ],
    rows,
    { className: "month-table" },
  );
}

export const thresholdEventsSection: PaneSection = {
  id: "threshold-events",
  title: "Threshold Events",
  badge: ({ review }) => eventCount(review),
  render({ review, daily }, { width }) {
    const body = el("div", { className: "threshold-events" });
    const events = eventPoints(review);
    if (daily.length > 0) {
      const started = performance.now();
      const model = layoutThresholdChart({ days: daily, events, width });
      const laidOut = performance.now();
      const chart = drawThresholdChart(document, model, "threshold-chart-title", "threshold-chart-tables");
      const ms = performance.now() - started;
      const tooltip = el("p", { className: "chart-tooltip closed", attrs: { id: "threshold-tooltip", role: "status", "aria-live": "polite" } });
      const frame = el("div", { className: "chart-frame", attrs: { tabindex: "0", role: "group", "aria-label": "Outstandings against the Threshold, day by day: arrow keys move a day, Page Down and Page Up to the next and previous Threshold Event", "aria-describedby": "threshold-tooltip" } }, chart);
      attachCursor(frame, chart, model, daily, events, tooltip);
      const legend = el(
        "ul",
        { className: "chart-legend" },
        el("li", {}, el("span", { className: "swatch swatch-series", attrs: { "aria-hidden": "true" } }), el("span", { text: "Revolving Credit Outstandings" })),
        el("li", {}, el("span", { className: "swatch swatch-threshold", attrs: { "aria-hidden": "true" } }), el("span", { text: "Threshold" })),
        el("li", {}, el("span", { className: "swatch swatch-above", attrs: { "aria-hidden": "true" } }), el("span", { text: `Business Days above the Threshold (${plural(model.aboveDays, "day", "days")})` })),
        ...review.thresholdEvents.map((l, i) =>
          el("li", {}, el("span", { className: `swatch swatch-event event-${l.daysRequired} ${i === 0 ? "shape-triangle" : "shape-diamond"}`, attrs: { "aria-hidden": "true" } }), el("span", { text: `Threshold Event, ${l.daysRequired} Business Days (${l.events.length})` })),
        ),
      );
      const span = `${isoDate(daily[0].date)} to ${isoDate(daily[daily.length - 1].date)}`;
      body.append(
        el(
          "figure",
          { className: "chart-figure", attrs: { "data-draw-ms": ms.toFixed(1), "data-layout-ms": (laidOut - started).toFixed(1), "data-days": String(daily.length), "data-vertices": String(model.vertices) } },
          el("figcaption", { attrs: { id: "threshold-chart-title" }, text: `Daily Revolving Credit Outstandings against the Threshold, ${span} (${plural(daily.length, "day", "days")})` }),
          legend,
          frame,
          tooltip,
          el("p", { className: "muted chart-help", text: "Point at a day, or focus the picture and use the arrow keys, to read its figures." }),
        ),
      );
    } else {
      body.append(el("p", { className: "muted", text: "No picture: the daily outstandings or the Threshold cannot be read." }));
    }
    const tables = el("div", { attrs: { id: "threshold-chart-tables" } });
    for (const list of review.thresholdEvents) {
      tables.append(el("h3", { text: `${listTitle(list)} [${list.section}]` }), eventTable(list, daily));
    }
    body.append(tables);
    if (daily.length > 0) body.append(disclosure("threshold-months", "Month by month (the picture as a table)", monthTable(daily, events, review.thresholdEvents)));
    return body;
  },
};

/**
 * The summary card, first: ready or how many errors stand in the way, then the figures a reviewer
 * looks at first — the Borrowing Base, Availability, the headroom to the Threshold on the latest day
 * of the series, the first Threshold Event of each test and the latest Minimum EBITDA test.
 */
import { dec } from "../../src/engine/decimal";
import type { Severity } from "../../src/review/findings";
import { countText, summaryHeadline, summaryLine } from "../../src/view/findingGroups";
import type { PaneReview } from "../paneReview";
import { el } from "../dom";
import { isoDate, usd } from "../format";
import { SEVERITY_GLYPH } from "./cells";
import { calendarLine } from "../../src/view/thresholdWarning";
import { toICalendar } from "../../src/review/icalendar";
import { download, reportBaseName } from "../save";
import { renderThresholdCard } from "./whatIf";

/** The next three obligations of the compliance calendar on or after the date of determination (AsOfDate), and "Add to calendar" (.ics). */
function renderCalendar(pane: PaneReview): HTMLElement {
  const entries = pane.review.calendar;
  const asOf = pane.review.inputs.asOfDate.value;
  const next = entries.filter((e) => asOf === undefined || e.date >= asOf).slice(0, 3);
  const add = el("button", { className: "btn btn-small", text: "Add to calendar (.ics)", attrs: { type: "button", id: "add-to-calendar" } });
  add.disabled = entries.length === 0;
  add.addEventListener("click", () => download(document, `${reportBaseName(pane.source).replace(/-review$/, "")}-calendar.ics`, "text/calendar", toICalendar(entries, { name: `Kaiser Seventh Amendment: ${pane.source}` })));
  return el(
    "section",
    { className: "calendar-card", attrs: { "aria-labelledby": "calendar-card-heading" } },
    el("h3", { text: asOf === undefined ? "Compliance calendar" : `Next on the compliance calendar (from ${isoDate(asOf)})`, attrs: { id: "calendar-card-heading" } }),
    next.length > 0 ? el("ul", { className: "calendar-next" }, ...next.map((e) => el("li", { text: calendarLine(e) }))) : el("p", { className: "muted", text: entries.length === 0 ? "No dated obligation derives from this workbook." : "No obligation falls on or after AsOfDate." }),
    el("p", { className: "muted", text: `${entries.length} dated obligation${entries.length === 1 ? "" : "s"} in all.` }),
    add,
  );
}

function countItem(count: number, severity: Severity): HTMLElement {
  return el(
    "li",
    { className: `count count-${severity}${count === 0 ? " count-zero" : ""}` },
    el("span", { className: `severity-icon severity-${severity}`, text: SEVERITY_GLYPH[severity], attrs: { "aria-hidden": "true" } }),
    el("span", { text: countText(count, severity) }),
  );
}

interface KeyFigure {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  readonly numeric: boolean;
  readonly detail?: string;
}

/** The summary's key figures, in reading order; each absent one says why in its detail. */
export function keyFigures({ review, daily }: PaneReview): KeyFigure[] {
  const figure = (key: string) => review.figures.find((f) => f.key === key);
  const amount = (key: string, label: string): KeyFigure => {
    const f = figure(key);
    return { key, label, value: typeof f?.value === "number" ? usd(f.value) : "Not computed", numeric: true, ...(f?.value === null && f.note ? { detail: f.note } : {}) };
  };
  const out = [amount("borrowingBase", "Borrowing Base"), amount("availability", "Availability")];
  if (daily.length > 0) {
    const last = daily[daily.length - 1];
    const headroom = dec(last.threshold).minus(dec(last.outstandings));
    out.push({ key: "headroom", label: `Headroom to the Threshold, ${isoDate(last.date)}`, value: usd(headroom), numeric: true, ...(headroom.isNegative() ? { detail: "outstandings above the Threshold" } : {}) });
  } else out.push({ key: "headroom", label: "Headroom to the Threshold", value: "Not computed", numeric: true, detail: "the daily outstandings or the Threshold cannot be read" });
  for (const list of review.thresholdEvents) {
    const first = list.events[0];
    out.push({
      key: `firstEvent${list.daysRequired}`,
      label: `First Threshold Event, ${list.daysRequired} Business Days`,
      value: list.note !== undefined ? "Not computed" : first ? isoDate(first.date) : "None",
      numeric: false,
      ...(list.note !== undefined ? { detail: list.note } : first ? { detail: `clause (${first.clause}); ${list.events.length} in all` } : {}),
    });
  }
  const tested = review.minimumEbitda.lines.filter((l) => l.status !== null);
  const latest = tested[tested.length - 1];
  out.push({
    key: "latestEbitda",
    label: latest ? `Minimum EBITDA, period ending ${isoDate(latest.periodEnd)}` : "Minimum EBITDA",
    value: latest?.status ?? "Not computed",
    numeric: false,
    ...(latest ? { detail: `headroom ${usd(latest.headroom)}` } : review.minimumEbitda.note ? { detail: review.minimumEbitda.note } : {}),
  });
  return out;
}

export function renderSummary(pane: PaneReview): HTMLElement {
  const { summary } = pane.review;
  const state = summary.ready ? "ready" : "blocked";
  const figures = el("dl", { className: "key-figures" });
  for (const f of keyFigures(pane)) {
    figures.append(
      el(
        "div",
        { className: `key-figure key-${f.key}`, attrs: { "data-key": f.key } },
        el("dt", { text: f.label }),
        el("dd", { className: f.numeric ? "num" : "" }, el("span", { className: "key-value", text: f.value }), f.detail ? el("span", { className: "key-detail muted", text: f.detail }) : null),
      ),
    );
  }
  return el(
    "section",
    { className: `summary summary-${state}`, attrs: { "aria-labelledby": "summary-heading" } },
    el(
      "h2",
      { className: "summary-heading", attrs: { id: "summary-heading" } },
      el("span", { className: "summary-icon", text: summary.ready ? "✓" : "✕", attrs: { "aria-hidden": "true" } }),
      el("span", { className: "summary-text", text: summaryHeadline(summary) }),
    ),
    el("ul", { className: "counts", attrs: { "aria-label": summaryLine(summary) } }, countItem(summary.errors, "error"), countItem(summary.warnings, "warning"), countItem(summary.infos, "info")),
    figures,
    renderThresholdCard(pane.review.thresholdWarnings),
    renderCalendar(pane),
    el("p", { className: "summary-source muted", text: `Validated: ${pane.source}` }),
  );
}

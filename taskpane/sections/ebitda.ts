/**
 * Section 9.2.4: each period's EBITDA against its Minimum EBITDA, the headroom, and the test
 * (PASS, FAIL, NOT TESTED before the first 3-day Threshold Event); the picture and its table.
 */
import type { Review } from "../paneReview";
import { drawEbitdaChart, layoutEbitdaChart } from "../charts/ebitdaChart";
import { dataTable, el } from "../dom";
import { isoDate, usd } from "../format";
import { cannotWorkOut, PaneSection } from "./section";

type Line = Review["minimumEbitda"]["lines"][number];

export const ebitdaSection: PaneSection = {
  id: "minimum-ebitda",
  title: "Minimum EBITDA",
  badge: ({ review }) => {
    const lines = review.minimumEbitda.lines;
    if (review.minimumEbitda.note !== undefined || lines.length === 0) return "—";
    const fails = lines.filter((l) => l.status === "FAIL").length;
    return fails > 0 ? `${fails} FAIL` : `${lines.length} ${lines.length === 1 ? "period" : "periods"}`;
  },
  render({ review }, { width }) {
    const s = review.minimumEbitda;
    const body = el("div", { className: "ebitda" });
    if (s.note !== undefined) {
      body.append(cannotWorkOut(`Minimum EBITDA [${s.section}]`, s.note));
      return body;
    }
    if (s.lines.length === 0) {
      body.append(el("p", { className: "muted", text: `No periods in MonthlyEBITDA [${s.section}].` }));
      return body;
    }
    const model = layoutEbitdaChart(
      s.lines.map((l) => ({ label: isoDate(l.periodEnd).slice(0, 7), ebitda: l.ebitda.toNumber(), floor: l.floor?.toNumber() ?? null, headroom: l.headroom?.toNumber() ?? null, status: l.status })),
      width,
    );
    body.append(
      el(
        "figure",
        { className: "chart-figure" },
        el("figcaption", { attrs: { id: "ebitda-chart-title" }, text: `EBITDA against the Minimum EBITDA, period by period, headroom above each bar [${s.section}]` }),
        el(
          "ul",
          { className: "chart-legend" },
          el("li", {}, el("span", { className: "swatch swatch-bar", attrs: { "aria-hidden": "true" } }), el("span", { text: "EBITDA" })),
          el("li", {}, el("span", { className: "swatch swatch-floor", attrs: { "aria-hidden": "true" } }), el("span", { text: "Minimum EBITDA" })),
        ),
        drawEbitdaChart(document, model, "ebitda-chart-title", "ebitda-table"),
      ),
    );
    const table = dataTable(
      `Minimum EBITDA by period [${s.section}]`,
      [
        { header: "Period end", cell: (l: Line) => isoDate(l.periodEnd) },
        { header: "EBITDA", numeric: true, cell: (l: Line) => usd(l.ebitda) },
        // What the dispositions take off the table's minimum, each with its amount for this period (Reading R-EBITDA-PERIOD-AMOUNT).
        { header: "Dispositions", numeric: true, cell: (l: Line) => usd(l.reduction) },
        { header: "Minimum", numeric: true, cell: (l: Line) => usd(l.floor) },
        { header: "Headroom", numeric: true, cell: (l: Line) => usd(l.headroom) },
        { header: "Test", cell: (l: Line) => el("span", { className: `test-status test-${(l.status ?? "none").toLowerCase().replace(/\s+/g, "-")}`, text: l.status ?? "—" }) },
        { header: "Note", cell: (l: Line) => l.note ?? "" },
      ],
      s.lines,
      { className: "ebitda-table" },
    );
    table.id = "ebitda-table";
    body.append(table);
    return body;
  },
};

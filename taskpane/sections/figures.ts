/**
 * Every figure the review recomputed, beside the workbook's own where it has one: matches,
 * mismatches (with the difference) and figures the workbook computes but the review cannot.
 */
import { el } from "../dom";
import { FigureView, figureView } from "../analysis";
import { cellControl, severityBadge } from "./cells";
import { PaneSection, SelectCell, sectionTag } from "./section";

function comparison(figure: FigureView): HTMLElement {
  switch (figure.status) {
    case "mismatch":
      return el("p", { className: "figure-status" }, severityBadge("error"), el("span", { text: `Mismatch${figure.difference ? `: ${figure.difference.toLowerCase()}` : ""}` }));
    case "unchecked":
      return el("p", { className: "figure-status muted", text: `Not compared: the add-in cannot compute this figure (${figure.note ?? "an input is missing"}).` });
    default:
      return el("p", { className: "figure-status figure-status-ok" }, el("span", { className: "severity-icon severity-ok", text: "✓", attrs: { "aria-hidden": "true" } }), el("span", { text: "Matches" }));
  }
}

function renderFigure(figure: FigureView, select: SelectCell | undefined): HTMLElement {
  const item = el(
    "li",
    { className: `figure figure-${figure.status}`, attrs: { "data-key": figure.key } },
    el("div", { className: "figure-head" }, el("span", { className: "figure-label", text: figure.label }), sectionTag(figure.section)),
    el("div", { className: "figure-row" }, el("span", { className: "figure-caption", text: "Recomputed" }), el("span", { className: "figure-value", text: figure.value })),
  );
  if (figure.workbook) {
    item.append(
      el("div", { className: "figure-row" }, el("span", { className: "figure-caption", text: "Workbook" }), el("span", { className: "figure-value", text: figure.workbook.value }), cellControl(figure.workbook.cell, select)),
      comparison(figure),
    );
  }
  if (figure.note && figure.status !== "unchecked") item.append(el("p", { className: "figure-note muted", text: figure.note }));
  return item;
}

export const figuresSection: PaneSection = {
  id: "figures",
  title: "All figures, beside the workbook's",
  badge: ({ review }) => {
    const n = review.figures.filter((f) => f.mismatch).length;
    return n === 0 ? `${review.figures.length}` : `${n} ${n === 1 ? "differs" : "differ"}`;
  },
  render({ review }, { select }) {
    const views = review.figures.map(figureView);
    const mismatches = views.filter((f) => f.status === "mismatch").length;
    return el(
      "div",
      { className: "figures" },
      el("p", {
        className: "muted",
        text: mismatches === 0 ? "The add-in's own figures from the workbook's inputs, beside the workbook's where it computes them." : `${mismatches === 1 ? "1 figure differs" : `${mismatches} figures differ`} from the workbook's own by more than one cent.`,
      }),
      el("ul", { className: "figure-list" }, ...views.map((f) => renderFigure(f, select))),
    );
  },
};

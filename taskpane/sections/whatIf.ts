/**
 * The pane's What-if section and Threshold early-warning card, as a module of their own with a small
 * hook (`renderWhatIf`, `renderThresholdCard`): each takes plain view data and returns an element,
 * text through textContent only (dom.ts), so workbook text (a scenario's name) never becomes markup.
 *
 * Not yet here: editing a scenario in the pane (scale or shift the outstandings, move a disposition,
 * change EBITDA) and "Save as scenario" to the Scenarios table.
 */
import type { ThresholdWarning } from "../../src/review/calendar";
import { warningSentence } from "../../src/view/thresholdWarning";
import type { WhatIfRow } from "../../src/view/whatIf";
import { el } from "../dom";

/** Base and scenario side by side; a changed figure's row has the class `changed` and says so to a screen reader. */
export function renderWhatIf(scenarioName: string, rows: readonly WhatIfRow[]): HTMLElement {
  const head = el("tr", {}, el("th", { text: "Figure", attrs: { scope: "col" } }), el("th", { text: "Workbook", attrs: { scope: "col" } }), el("th", { text: scenarioName, attrs: { scope: "col" } }));
  const body = rows.map((r) =>
    el(
      "tr",
      { className: r.changed ? "changed" : "" },
      el("th", { text: `${r.label} [${r.section}]`, attrs: { scope: "row" } }),
      el("td", { text: r.base }),
      el("td", { text: r.changed ? `${r.scenario} (changed)` : r.scenario }),
    ),
  );
  return el("section", { className: "what-if", attrs: { "aria-label": "What-if" } }, el("h2", { text: "What-if" }), el("table", {}, el("thead", {}, head), el("tbody", {}, ...body)));
}

/** The Threshold early warning for 5 and for 3 Business Days, in words [1.1(aa)]. */
export function renderThresholdCard(warnings: readonly ThresholdWarning[]): HTMLElement {
  return el(
    "section",
    { className: "threshold-card", attrs: { "aria-label": "Threshold early warning" } },
    el("h2", { text: "Threshold early warning [1.1(aa)]" }),
    el("ul", {}, ...warnings.map((w) => el("li", { text: `${w.daysRequired} Business Days: ${warningSentence(w)}` }))),
  );
}

/**
 * The pane's DOM: the review (the summary card first, then every section of the review, each a
 * module of taskpane/sections/) and the function help. Built with createElement and textContent
 * only (dom.ts, charts/svg.ts): workbook text — sheet names, headers, Kind values, messages that
 * quote them — is always text, never markup.
 */
import { el } from "./dom";
import type { FunctionHelp } from "./functionsHelp";
import { sectionTitle } from "../src/view/findingGroups";
import type { PaneReview } from "./paneReview";
import { SECTIONS } from "./sections";
import { renderSection, SectionContext, SelectCell } from "./sections/section";
import { renderSummary } from "./sections/summary";

export type { SelectCell };

/** What the report's toolbar does; each absent action leaves its button out. */
export interface ReportActions {
  readonly saveHtml?: () => void;
  readonly saveJson?: () => void;
  readonly print?: () => void;
}

function toolbar(actions: ReportActions): HTMLElement {
  const bar = el("div", { className: "report-actions", attrs: { role: "group", "aria-label": "Report" } });
  const button = (id: string, text: string, action: (() => void) | undefined): void => {
    if (!action) return;
    const b = el("button", { className: "btn btn-small", text, attrs: { type: "button", id } });
    b.addEventListener("click", action);
    bar.append(b);
  };
  button("save-html", "Save report (HTML)", actions.saveHtml);
  button("save-json", "Save JSON", actions.saveJson);
  button("print-report", "Print", actions.print);
  const expand = el("button", { className: "btn btn-small", text: "Expand all", attrs: { type: "button", id: "expand-all" } });
  const collapse = el("button", { className: "btn btn-small", text: "Collapse all", attrs: { type: "button", id: "collapse-all" } });
  const setAll = (collapsed: boolean): void => {
    for (const toggle of document.querySelectorAll<HTMLButtonElement>(".section-toggle")) {
      if ((toggle.getAttribute("aria-expanded") === "true") === collapsed) toggle.click();
    }
  };
  expand.addEventListener("click", () => setAll(false));
  collapse.addEventListener("click", () => setAll(true));
  bar.append(expand, collapse);
  return bar;
}

/** The report of one review. */
export function renderReport(review: PaneReview, context: SectionContext, actions: ReportActions = {}): HTMLElement {
  return el("div", { className: "report" }, renderSummary(review), toolbar(actions), ...SECTIONS.map((s) => renderSection(s, review, context)));
}

/** One function of the help list: a disclosure with the name and summary, and its details inside. */
export function renderFunction(help: FunctionHelp): HTMLLIElement {
  const details = el(
    "details",
    { className: "fn" },
    el(
      "summary",
      { className: "fn-summary" },
      el("span", { className: "fn-name", text: help.fullName }),
      help.section ? el("span", { className: "section-tag", text: help.section }) : null,
      el("span", { className: "fn-desc", text: help.brief }),
    ),
    el("p", { className: "fn-signature" }, el("code", { text: help.signature })),
    help.summary ? el("p", { className: "fn-full", text: help.summary }) : null,
  );
  if (help.parameters.length > 0) {
    const list = el("dl", { className: "fn-params" });
    for (const p of help.parameters) {
      list.append(el("dt", {}, el("code", { text: p.name }), p.optional ? el("span", { className: "muted", text: " optional" }) : null));
      list.append(el("dd", { text: p.description || "—" }));
    }
    details.append(el("h4", { text: "Arguments" }), list);
  } else {
    details.append(el("p", { className: "muted", text: "No arguments." }));
  }
  for (const example of help.examples) {
    details.append(
      el("h4", { text: "Example" }),
      el("p", { className: "fn-example" }, el("code", { text: example.formula }), example.result ? el("span", { text: ` gives ${example.result}` }) : null),
    );
  }
  if (help.numCauses.length > 0) details.append(el("h4", { text: "When it returns #NUM!" }), el("p", { className: "fn-num", text: help.numCauses.join(" ") }));
  if (help.section) details.append(el("p", { className: "muted", text: sectionTitle(help.section) }));
  return el("li", { className: "fn-item", attrs: { "data-name": help.fullName } }, details);
}

/**
 * The pane's DOM: the validation report (summary, recomputed figures, findings by section) and the
 * function help. Built with createElement and textContent only (dom.ts): workbook text — sheet
 * names, headers, Kind values, messages that quote them — is always text, never markup.
 */
import type { Finding, Severity } from "../src/review/findings";
import { FigureView, figureView, Report } from "./analysis";
import { el } from "./dom";
import type { FunctionHelp } from "./functionsHelp";
import { renderReadings } from "./sections/readings";
import { cellTarget, CellTarget, countText, FindingGroup, groupBySection, sectionTitle, SEVERITY_LABEL, summaryHeadline, summaryLine } from "../src/view/findingGroups";

/** Takes the user to a cell; present only in Excel. */
export type SelectCell = (target: CellTarget, cell: string) => void;

/** The glyph inside each severity's icon; the severity's word always stands beside it. */
const SEVERITY_GLYPH: Record<Severity, string> = { error: "✕", warning: "!", info: "i" };

function severityBadge(severity: Severity): HTMLElement {
  return el(
    "span",
    { className: `severity severity-${severity}` },
    el("span", { className: "severity-icon", text: SEVERITY_GLYPH[severity], attrs: { "aria-hidden": "true" } }),
    el("span", { className: "severity-label", text: SEVERITY_LABEL[severity] }),
  );
}

/** The report of one validation. */
export function renderReport(report: Report, selectCell?: SelectCell): HTMLElement {
  return el(
    "div",
    { className: "report" },
    renderSummary(report),
    renderFindings(groupBySection(report.findings), selectCell),
    report.figures.length > 0 ? renderFigures(report.figures.map(figureView), selectCell) : null,
    renderReadings(report.review),
  );
}

export function renderSummary(report: Report): HTMLElement {
  const { summary } = report;
  const state = summary.ready ? "ready" : "blocked";
  return el(
    "section",
    { className: `summary summary-${state}`, attrs: { "aria-labelledby": "summary-heading" } },
    el(
      "h2",
      { className: "summary-heading", attrs: { id: "summary-heading" } },
      el("span", { className: "summary-icon", text: summary.ready ? "✓" : "✕", attrs: { "aria-hidden": "true" } }),
      el("span", { className: "summary-text", text: summaryHeadline(summary) }),
    ),
    el(
      "ul",
      { className: "counts", attrs: { "aria-label": summaryLine(summary) } },
      countItem(summary.errors, "error"),
      countItem(summary.warnings, "warning"),
      countItem(summary.infos, "info"),
    ),
    el("p", { className: "summary-source muted", text: `Validated: ${report.source}` }),
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

function cellControl(cell: string, selectCell: SelectCell | undefined): HTMLElement | null {
  if (cell === "") return null;
  const target = cellTarget(cell);
  if (!selectCell || !target) return el("code", { className: "cell-ref", text: cell });
  const button = el("button", { className: "cell-link", text: cell, attrs: { type: "button", title: `Select ${cell} in Excel`, "aria-label": `Go to ${cell}` } });
  button.addEventListener("click", () => selectCell(target, cell));
  return button;
}

export function renderFigures(figures: readonly FigureView[], selectCell?: SelectCell): HTMLElement {
  const mismatches = figures.filter((f) => f.status === "mismatch").length;
  return el(
    "section",
    { className: "figures", attrs: { "aria-labelledby": "figures-heading" } },
    el("h2", { attrs: { id: "figures-heading" }, text: "Recomputed figures" }),
    el("p", {
      className: "muted",
      text:
        mismatches === 0
          ? "The add-in's own figures from the workbook's inputs, beside the workbook's where it computes them."
          : `${mismatches === 1 ? "1 figure differs" : `${mismatches} figures differ`} from the workbook's own by more than one cent.`,
    }),
    el("ul", { className: "figure-list" }, ...figures.map((f) => renderFigure(f, selectCell))),
  );
}

function renderFigure(figure: FigureView, selectCell: SelectCell | undefined): HTMLElement {
  const item = el(
    "li",
    { className: `figure figure-${figure.status}`, attrs: { "data-key": figure.key } },
    el("div", { className: "figure-head" }, el("span", { className: "figure-label", text: figure.label }), el("span", { className: "section-tag", text: figure.section })),
    el("div", { className: "figure-row" }, el("span", { className: "figure-caption", text: "Recomputed" }), el("span", { className: "figure-value", text: figure.value })),
  );
  if (figure.workbook) {
    item.append(
      el(
        "div",
        { className: "figure-row" },
        el("span", { className: "figure-caption", text: "Workbook" }),
        el("span", { className: "figure-value", text: figure.workbook.value }),
        cellControl(figure.workbook.cell, selectCell),
      ),
    );
    item.append(comparison(figure));
  }
  if (figure.note && figure.status !== "unchecked") item.append(el("p", { className: "figure-note muted", text: figure.note }));
  return item;
}

export function renderFindings(groups: readonly FindingGroup[], selectCell?: SelectCell): HTMLElement {
  const section = el("section", { className: "findings", attrs: { "aria-labelledby": "findings-heading" } }, el("h2", { attrs: { id: "findings-heading" }, text: "Findings" }));
  if (groups.length === 0) {
    section.append(el("p", { className: "muted", text: "No findings: every input is where the amendment's calculations expect it." }));
    return section;
  }
  for (const group of groups) {
    const counts = [
      group.summary.errors ? countText(group.summary.errors, "error") : "",
      group.summary.warnings ? countText(group.summary.warnings, "warning") : "",
      group.summary.infos ? countText(group.summary.infos, "info") : "",
    ].filter((t) => t !== "");
    section.append(
      el(
        "section",
        { className: "finding-group", attrs: { "data-section": group.section } },
        el("h3", { className: "group-heading" }, el("span", { text: group.title }), el("span", { className: "group-counts muted", text: counts.join(", ") })),
        el("ul", { className: "finding-list" }, ...group.findings.map((f) => renderFinding(f, selectCell))),
      ),
    );
  }
  return section;
}

function renderFinding(finding: Finding, selectCell: SelectCell | undefined): HTMLElement {
  return el(
    "li",
    { className: `finding finding-${finding.severity}`, attrs: { "data-rule": finding.ruleId } },
    el("div", { className: "finding-head" }, severityBadge(finding.severity), cellControl(finding.cell, selectCell)),
    el("p", { className: "finding-message", text: finding.message }),
    el("p", { className: "finding-rule muted", text: `Rule ${finding.ruleId}` }),
  );
}

/** How the workbook's figure compares with the add-in's. */
function comparison(figure: FigureView): HTMLElement {
  switch (figure.status) {
    case "mismatch":
      return el(
        "p",
        { className: "figure-status" },
        severityBadge("error"),
        el("span", { text: `Mismatch${figure.difference ? `: ${figure.difference.toLowerCase()}` : ""}` }),
      );
    case "unchecked":
      return el("p", { className: "figure-status muted", text: `Not compared: the add-in cannot compute this figure (${figure.note ?? "an input is missing"}).` });
    default:
      return el(
        "p",
        { className: "figure-status figure-status-ok" },
        el("span", { className: "severity-icon severity-ok", text: "✓", attrs: { "aria-hidden": "true" } }),
        el("span", { text: "Matches" }),
      );
  }
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

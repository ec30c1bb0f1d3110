/**
 * Findings, grouped by the amendment's sections with their counts, filtered by severity; each
 * finding with its cell (a button in Excel).
 */
import type { Finding, Severity } from "../../src/review/findings";
import { countText, groupBySection } from "../../src/view/findingGroups";
import { el } from "../dom";
import { cellControl, severityBadge } from "./cells";
import type { PaneSection, SelectCell } from "./section";

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
const COUNT_KEY = { error: "errors", warning: "warnings", info: "infos" } as const;

function renderFinding(finding: Finding, select: SelectCell | undefined): HTMLElement {
  return el(
    "li",
    { className: `finding finding-${finding.severity}`, attrs: { "data-rule": finding.ruleId, "data-severity": finding.severity } },
    el("div", { className: "finding-head" }, severityBadge(finding.severity), cellControl(finding.cell, select)),
    el("p", { className: "finding-message", text: finding.message }),
    el("p", { className: "finding-rule muted", text: `Rule ${finding.ruleId}` }),
  );
}

export const findingsSection: PaneSection = {
  id: "findings",
  title: "Findings",
  badge: ({ review }) => (review.findings.length === 0 ? "none" : `${review.findings.length}`),
  render({ review }, { select }) {
    const body = el("div", { className: "findings" });
    if (review.findings.length === 0) {
      body.append(el("p", { className: "muted", text: "No findings: every input is where the amendment's calculations expect it." }));
      return body;
    }
    const groups = groupBySection(review.findings);
    const status = el("p", { className: "muted filter-status", attrs: { role: "status", "aria-live": "polite" } });
    const boxes = new Map<Severity, HTMLInputElement>();
    const filter = el("fieldset", { className: "severity-filter" }, el("legend", { text: "Show" }));
    for (const severity of SEVERITIES) {
      const count = review.findings.filter((f) => f.severity === severity).length;
      const id = `filter-${severity}`;
      const box = el("input", { attrs: { type: "checkbox", id, "data-severity": severity } });
      box.checked = true;
      boxes.set(severity, box);
      filter.append(el("span", { className: "filter-option" }, box, el("label", { attrs: { for: id }, text: countText(count, severity) })));
    }
    const groupNodes = groups.map((group) => {
      const counts = SEVERITIES.filter((s) => group.summary[COUNT_KEY[s]] > 0).map((s) => countText(group.summary[COUNT_KEY[s]], s));
      return el(
        "section",
        { className: "finding-group", attrs: { "data-section": group.section, "aria-label": group.title } },
        el("h3", { className: "group-heading" }, el("span", { text: group.title }), el("span", { className: "group-counts muted", text: counts.join(", ") })),
        el("ul", { className: "finding-list" }, ...group.findings.map((f) => renderFinding(f, select))),
      );
    });
    const apply = (): void => {
      const shown = new Set(SEVERITIES.filter((s) => boxes.get(s)?.checked));
      let visible = 0;
      for (const node of groupNodes) {
        let inGroup = 0;
        for (const item of node.querySelectorAll<HTMLElement>(".finding")) {
          const on = shown.has(item.dataset.severity as Severity);
          item.hidden = !on;
          if (on) inGroup++;
        }
        node.hidden = inGroup === 0;
        visible += inGroup;
      }
      status.textContent = visible === review.findings.length ? `Showing all ${review.findings.length} findings.` : `Showing ${visible} of ${review.findings.length} findings.`;
    };
    for (const box of boxes.values()) box.addEventListener("change", apply);
    apply();
    body.append(filter, status, ...groupNodes);
    return body;
  },
};
